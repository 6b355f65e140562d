/** Every vendored OASIS STIX 2.1 schema (stix-schemas/), bundled with the code that validates against them. */
import commonBinary from '../../stix-schemas/common/binary.json' with { type: 'json' };
import commonBundle from '../../stix-schemas/common/bundle.json' with { type: 'json' };
import commonCore from '../../stix-schemas/common/core.json' with { type: 'json' };
import commonCyberObservableCore from '../../stix-schemas/common/cyber-observable-core.json' with { type: 'json' };
import commonDictionary from '../../stix-schemas/common/dictionary.json' with { type: 'json' };
import commonExtension from '../../stix-schemas/common/extension.json' with { type: 'json' };
import commonExtensionDefinition from '../../stix-schemas/common/extension-definition.json' with { type: 'json' };
import commonExternalReference from '../../stix-schemas/common/external-reference.json' with { type: 'json' };
import commonGranularMarking from '../../stix-schemas/common/granular-marking.json' with { type: 'json' };
import commonHashesType from '../../stix-schemas/common/hashes-type.json' with { type: 'json' };
import commonHex from '../../stix-schemas/common/hex.json' with { type: 'json' };
import commonIdentifier from '../../stix-schemas/common/identifier.json' with { type: 'json' };
import commonKillChainPhase from '../../stix-schemas/common/kill-chain-phase.json' with { type: 'json' };
import commonLanguageContent from '../../stix-schemas/common/language-content.json' with { type: 'json' };
import commonMarkingDefinition from '../../stix-schemas/common/marking-definition.json' with { type: 'json' };
import commonProperties from '../../stix-schemas/common/properties.json' with { type: 'json' };
import commonTimestamp from '../../stix-schemas/common/timestamp.json' with { type: 'json' };
import commonUrlRegex from '../../stix-schemas/common/url-regex.json' with { type: 'json' };
import observablesArtifact from '../../stix-schemas/observables/artifact.json' with { type: 'json' };
import observablesAutonomousSystem from '../../stix-schemas/observables/autonomous-system.json' with { type: 'json' };
import observablesDirectory from '../../stix-schemas/observables/directory.json' with { type: 'json' };
import observablesDomainName from '../../stix-schemas/observables/domain-name.json' with { type: 'json' };
import observablesEmailAddr from '../../stix-schemas/observables/email-addr.json' with { type: 'json' };
import observablesEmailMessage from '../../stix-schemas/observables/email-message.json' with { type: 'json' };
import observablesFile from '../../stix-schemas/observables/file.json' with { type: 'json' };
import observablesIpv4Addr from '../../stix-schemas/observables/ipv4-addr.json' with { type: 'json' };
import observablesIpv6Addr from '../../stix-schemas/observables/ipv6-addr.json' with { type: 'json' };
import observablesMacAddr from '../../stix-schemas/observables/mac-addr.json' with { type: 'json' };
import observablesMutex from '../../stix-schemas/observables/mutex.json' with { type: 'json' };
import observablesNetworkTraffic from '../../stix-schemas/observables/network-traffic.json' with { type: 'json' };
import observablesProcess from '../../stix-schemas/observables/process.json' with { type: 'json' };
import observablesSoftware from '../../stix-schemas/observables/software.json' with { type: 'json' };
import observablesUrl from '../../stix-schemas/observables/url.json' with { type: 'json' };
import observablesUserAccount from '../../stix-schemas/observables/user-account.json' with { type: 'json' };
import observablesWindowsRegistryKey from '../../stix-schemas/observables/windows-registry-key.json' with { type: 'json' };
import observablesX509Certificate from '../../stix-schemas/observables/x509-certificate.json' with { type: 'json' };
import sdosAttackPattern from '../../stix-schemas/sdos/attack-pattern.json' with { type: 'json' };
import sdosCampaign from '../../stix-schemas/sdos/campaign.json' with { type: 'json' };
import sdosCourseOfAction from '../../stix-schemas/sdos/course-of-action.json' with { type: 'json' };
import sdosGrouping from '../../stix-schemas/sdos/grouping.json' with { type: 'json' };
import sdosIdentity from '../../stix-schemas/sdos/identity.json' with { type: 'json' };
import sdosIncident from '../../stix-schemas/sdos/incident.json' with { type: 'json' };
import sdosIndicator from '../../stix-schemas/sdos/indicator.json' with { type: 'json' };
import sdosInfrastructure from '../../stix-schemas/sdos/infrastructure.json' with { type: 'json' };
import sdosIntrusionSet from '../../stix-schemas/sdos/intrusion-set.json' with { type: 'json' };
import sdosLocation from '../../stix-schemas/sdos/location.json' with { type: 'json' };
import sdosMalware from '../../stix-schemas/sdos/malware.json' with { type: 'json' };
import sdosMalwareAnalysis from '../../stix-schemas/sdos/malware-analysis.json' with { type: 'json' };
import sdosNote from '../../stix-schemas/sdos/note.json' with { type: 'json' };
import sdosObservedData from '../../stix-schemas/sdos/observed-data.json' with { type: 'json' };
import sdosOpinion from '../../stix-schemas/sdos/opinion.json' with { type: 'json' };
import sdosReport from '../../stix-schemas/sdos/report.json' with { type: 'json' };
import sdosThreatActor from '../../stix-schemas/sdos/threat-actor.json' with { type: 'json' };
import sdosTool from '../../stix-schemas/sdos/tool.json' with { type: 'json' };
import sdosVulnerability from '../../stix-schemas/sdos/vulnerability.json' with { type: 'json' };
import srosRelationship from '../../stix-schemas/sros/relationship.json' with { type: 'json' };
import srosSighting from '../../stix-schemas/sros/sighting.json' with { type: 'json' };

export const STIX_SCHEMAS: readonly object[] = [
  commonBinary,
  commonBundle,
  commonCore,
  commonCyberObservableCore,
  commonDictionary,
  commonExtensionDefinition,
  commonExtension,
  commonExternalReference,
  commonGranularMarking,
  commonHashesType,
  commonHex,
  commonIdentifier,
  commonKillChainPhase,
  commonLanguageContent,
  commonMarkingDefinition,
  commonProperties,
  commonTimestamp,
  commonUrlRegex,
  observablesArtifact,
  observablesAutonomousSystem,
  observablesDirectory,
  observablesDomainName,
  observablesEmailAddr,
  observablesEmailMessage,
  observablesFile,
  observablesIpv4Addr,
  observablesIpv6Addr,
  observablesMacAddr,
  observablesMutex,
  observablesNetworkTraffic,
  observablesProcess,
  observablesSoftware,
  observablesUrl,
  observablesUserAccount,
  observablesWindowsRegistryKey,
  observablesX509Certificate,
  sdosAttackPattern,
  sdosCampaign,
  sdosCourseOfAction,
  sdosGrouping,
  sdosIdentity,
  sdosIncident,
  sdosIndicator,
  sdosInfrastructure,
  sdosIntrusionSet,
  sdosLocation,
  sdosMalwareAnalysis,
  sdosMalware,
  sdosNote,
  sdosObservedData,
  sdosOpinion,
  sdosReport,
  sdosThreatActor,
  sdosTool,
  sdosVulnerability,
  srosRelationship,
  srosSighting,
];
