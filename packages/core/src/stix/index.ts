/**
 * STIX 2.1 for the platform: schema validation, deterministic ids and markings. A subpath export
 * (`@taskforce/core/stix`), never the main barrel, so functions that do not speak STIX never
 * bundle ajv or the OASIS schemas.
 */
export { recordStixId, SCO_ID_PROPERTIES, STIX_SCO_NAMESPACE, scoId, stixIdParts, TASKFORCE_STIX_NAMESPACE, uuidV5 } from './ids';
export {
  type HandlingExtension,
  markingOfStix,
  type StixMarkingDefinition,
  stixMarkingOf,
  TASKFORCE_HANDLING_EXTENSION,
  TASKFORCE_HANDLING_EXTENSION_ID,
  TASKFORCE_IDENTITY,
  TLP_MARKING_DEFINITIONS,
  TLP2_EXTENSION_ID,
  tlpMarkingId,
  tlpOfMarkingRef,
} from './markings';
export { type StixProblem, validateStixBundle, validateStixObject } from './validate';
