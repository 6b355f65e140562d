import { TASKFORCE_IDENTITY } from './markings';

/**
 * The platform's custom cyber-observables (STIX 2.1 §7.3, extension_type `new-sco`): what a data
 * request names that STIX 2.1 has no observable for. Type names follow the ones OpenCTI uses for
 * the same things; each has its extension-definition (fixed id) and contributes the listed
 * properties to its deterministic id (ids.ts).
 */
interface CustomSco {
  type: string;
  extensionId: string;
  name: string;
  description: string;
  /** The properties an instance carries, the id-contributing ones first. */
  properties: readonly string[];
  idContributing: readonly string[];
}

export const CUSTOM_SCOS = {
  wallet: {
    type: 'cryptocurrency-wallet',
    extensionId: 'extension-definition--ab02d805-9e08-4ffe-a2f5-451552a6f413',
    name: 'Cryptocurrency wallet address',
    description:
      'A wallet address on a blockchain: value (the address as written on the chain) and chain (bitcoin, ethereum, tron, litecoin).',
    properties: ['value', 'chain'],
    idContributing: ['value'],
  },
  iban: {
    type: 'bank-account',
    extensionId: 'extension-definition--9ac6e037-8632-4447-8552-2f215714d695',
    name: 'Bank account (IBAN)',
    description: 'A bank account named by its ISO 13616 IBAN: iban (upper case, no spaces).',
    properties: ['iban'],
    idContributing: ['iban'],
  },
  phone: {
    type: 'phone-number',
    extensionId: 'extension-definition--f481290a-ff04-4c6b-8da3-b38da7ce586d',
    name: 'Telephone number',
    description: 'A telephone number in E.164 form: value (e.g. +84912345678).',
    properties: ['value'],
    idContributing: ['value'],
  },
  imei: {
    type: 'imei',
    extensionId: 'extension-definition--5b658954-9036-452b-8b16-4d951dc2c642',
    name: 'Mobile device IMEI',
    description: 'A mobile device by its International Mobile Equipment Identity: value (15 digits, Luhn-checked).',
    properties: ['value'],
    idContributing: ['value'],
  },
} as const satisfies Record<string, CustomSco>;

/** The extension-definition object of each custom observable, as published in every collection that uses it. */
export const customScoDefinition = (c: CustomSco) => ({
  type: 'extension-definition',
  spec_version: '2.1',
  id: c.extensionId,
  created_by_ref: TASKFORCE_IDENTITY.id,
  created: '2026-12-07T00:00:00.000Z',
  modified: '2026-12-07T00:00:00.000Z',
  name: c.name,
  description: `${c.description} Id-contributing properties: ${c.idContributing.join(', ')}.`,
  schema: 'https://github.com/taskforce/taskforce/blob/main/docs/stix-taxii.md#custom-observables',
  version: '1.0.0',
  extension_types: ['new-sco'],
});
