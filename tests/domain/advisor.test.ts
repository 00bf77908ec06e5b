import { Recommendation, decide, recommend } from '../../src/domain/advisor';
import {
  CAPABILITY_RULES,
  INSTALL_RULES,
  PATH_TRACKS,
  UNKNOWN_RULES,
  WARNING_RULES,
  type MigrationMethod,
  type PathTrack,
  type UpgradeMethod,
} from '../../src/domain/advisorRules';
import { ANSWER_KEYS, AnswerKey, Answers } from '../../src/domain/answers';

/**
 * A first installation in a single forest that fits Cloud Sync in every respect; each scenario changes only
 * what it is about. The questions about a running Connect server do not apply here, so they were not asked.
 */
const BASELINE: Answers = {
  currentSync: 'none',
  connectBuild: 'notAsked',
  connectServerOs: 'notAsked',
  connectStaging: 'notAsked',
  domainsReachable: 'all',
  forestTopology: 'single',
  largestDomainObjects: 'under100k',
  groupOver50kMembers: 'no',
  signIn: 'phs',
  devices: 'none',
  customization: [],
  otherNeeds: [],
  enterpriseAdminAvailable: 'yes',
  connectTotalObjects: 'under100k',
};

interface Scenario {
  name: string;
  answers: Partial<Answers>;
  tool: Recommendation['tool'];
  install?: 'express' | 'custom';
  /** Exactly the capability rules that must fire. */
  rules: string[];
  /** Exactly the install rules that rule out express (custom only). */
  customBecause?: string[];
  /** Exactly the questions listed as assumptions. */
  assumed?: AnswerKey[];
  /** Warnings that must be among the warnings. */
  warns?: string[];
  /** Warnings that must not be among them (e.g. because they would contradict one that is). */
  noWarns?: string[];
  deviceSyncPreview?: boolean;
  /** Exactly the path tracks, in order; none for a first installation. */
  paths?: PathTrack[];
  method?: MigrationMethod;
  upgrade?: UpgradeMethod;
  /** How the unknowns were treated; 'none' when nothing is "Not sure". */
  uncertainty?: Recommendation['uncertainty'];
  /** The assumptions that could change the outcome. */
  decisive?: AnswerKey[];
  /** The Connect-only needs listed as keeping a Connect deployment where it is. */
  stays?: string[];
}

/** A running Connect server, 2.5.79.0 or newer, on Windows Server 2022, no staging server, under 100,000 objects. */
const CONNECT_TODAY: Partial<Answers> = {
  currentSync: 'connect',
  connectBuild: 'current',
  connectServerOs: 'ws2022OrLater',
  connectStaging: 'no',
  domainsReachable: 'notAsked',
  enterpriseAdminAvailable: 'notAsked',
};
const CLOUD_SYNC_TODAY: Partial<Answers> = { currentSync: 'cloudSync' };
const BOTH_TODAY: Partial<Answers> = { ...CONNECT_TODAY, currentSync: 'both' };

const SCENARIOS: Scenario[] = [
  // Typical tenants, each with the tool and install type it must be given.
  {
    name: 'single forest, PHS, 20,000 users',
    answers: { enterpriseAdminAvailable: 'notAsked', connectTotalObjects: 'notAsked' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
  },
  {
    name: 'single forest that needs pass-through authentication',
    answers: { signIn: 'ptaSetup' },
    tool: 'connect',
    install: 'custom',
    rules: ['ptaSetup'],
    customBecause: ['ptaOrFederationSignIn'],
    warns: ['connectMinimumBuild', 'connectInstallerSource'],
  },
  {
    name: 'two disconnected forests',
    answers: {
      forestTopology: 'includesDisconnected',
      enterpriseAdminAvailable: 'notAsked',
      connectTotalObjects: 'notAsked',
    },
    tool: 'cloudSync',
    rules: ['disconnectedForests', 'preferCloudSync'],
    warns: ['cloudSyncObjectsUniqueAcrossForests'],
  },
  {
    name: 'forest needing hybrid join plus a disconnected acquired forest',
    answers: { forestTopology: 'includesDisconnected', devices: 'hybridJoin' },
    tool: 'both',
    install: 'custom',
    rules: ['hybridJoin', 'disconnectedForests'],
    customBecause: ['moreThanOneForest'],
    warns: ['coexistenceDisjointScopes', 'connectReachesOnlyConnectedForests', 'deviceSyncPreviewTask'],
    // "the device part sits with Connect" would contradict the optional Cloud Sync device task.
    noWarns: ['hybridJoinPreviewOnCloudSync', 'deviceWritebackConnectOnly'],
    deviceSyncPreview: true,
  },
  // Connect-only capabilities, one at a time.
  {
    name: 'hybrid join in one small forest with an Enterprise Admin',
    answers: { devices: 'hybridJoin' },
    tool: 'connect',
    install: 'express',
    rules: ['hybridJoin'],
    warns: ['hybridJoinPreviewOnCloudSync'],
    noWarns: ['deviceSyncPreviewTask', 'deviceWritebackConnectOnly'],
  },
  {
    name: 'federation to be set up',
    answers: { signIn: 'federationSetup' },
    tool: 'connect',
    install: 'custom',
    rules: ['federationSetup'],
    customBecause: ['ptaOrFederationSignIn'],
  },
  {
    name: 'device writeback / WHfB hybrid trust',
    answers: { devices: 'deviceWritebackOrWhfbHybridTrust' },
    tool: 'connect',
    install: 'express',
    rules: ['deviceWritebackOrWhfbHybridTrust'],
    // Cloud Sync has no such feature, so no "it is a preview there" warning.
    warns: ['deviceWritebackConnectOnly'],
    noWarns: ['hybridJoinPreviewOnCloudSync'],
  },
  {
    name: 'device writeback plus a disconnected forest: no device sync preview task',
    answers: { forestTopology: 'includesDisconnected', devices: 'deviceWritebackOrWhfbHybridTrust' },
    tool: 'both',
    install: 'custom',
    rules: ['deviceWritebackOrWhfbHybridTrust', 'disconnectedForests'],
    customBecause: ['moreThanOneForest'],
    warns: ['deviceWritebackConnectOnly', 'connectReachesOnlyConnectedForests'],
    noWarns: ['deviceSyncPreviewTask', 'hybridJoinPreviewOnCloudSync'],
    deviceSyncPreview: false,
  },
  {
    // One unknown and nothing else needing Connect: the default (Cloud Sync) holds, and no preview task from an assumption.
    name: 'a disconnected forest, devices not sure',
    answers: { forestTopology: 'includesDisconnected', devices: 'notSure' },
    tool: 'cloudSync',
    rules: ['disconnectedForests', 'preferCloudSync'],
    assumed: ['devices'],
    uncertainty: 'followDefault',
    decisive: ['devices'],
    warns: ['cloudSyncObjectsUniqueAcrossForests'],
    noWarns: ['deviceSyncPreviewTask', 'deviceWritebackConnectOnly'],
    deviceSyncPreview: false,
  },
  {
    name: 'a domain over 150,000 objects',
    answers: { largestDomainObjects: 'over150k', connectTotalObjects: 'over100k' },
    tool: 'connect',
    install: 'custom',
    rules: ['domainOver150k'],
    customBecause: ['over100kObjects'],
    noWarns: ['connectTotalBelowLargestDomain'],
  },
  {
    name: 'a domain over 150,000 objects but a Connect total said to be under 100,000: flagged',
    answers: { largestDomainObjects: 'over150k' },
    tool: 'connect',
    install: 'express',
    rules: ['domainOver150k'],
    warns: ['connectTotalBelowLargestDomain'],
  },
  {
    name: 'a group over 50,000 members',
    answers: { groupOver50kMembers: 'yes', largestDomainObjects: 'from100kTo150k', connectTotalObjects: 'over100k' },
    tool: 'connect',
    install: 'custom',
    rules: ['groupOver50k'],
    customBecause: ['over100kObjects'],
  },
  // Filters and rules do not rule out express; they must just be in place before the first export.
  {
    name: 'filtering by attribute values',
    answers: { customization: ['attributeValueFiltering'] },
    tool: 'connect',
    install: 'express',
    rules: ['attributeValueFiltering'],
    warns: ['expressFiltersAndRulesBeforeFirstSync'],
  },
  {
    name: 'advanced custom sync rules',
    answers: { customization: ['advancedSyncRules'] },
    tool: 'connect',
    install: 'express',
    rules: ['advancedSyncRules'],
    warns: ['expressFiltersAndRulesBeforeFirstSync'],
  },
  {
    name: 'custom sync rules with PTA: custom for the sign-in, no express warning',
    answers: { customization: ['advancedSyncRules'], signIn: 'ptaSetup' },
    tool: 'connect',
    install: 'custom',
    rules: ['ptaSetup', 'advancedSyncRules'],
    customBecause: ['ptaOrFederationSignIn'],
    noWarns: ['expressFiltersAndRulesBeforeFirstSync'],
  },
  {
    name: 'hybrid join without filters or rules: no express customization warning',
    answers: { devices: 'hybridJoin', customization: ['groupBasedFiltering'] },
    tool: 'connect',
    install: 'custom',
    rules: ['hybridJoin'],
    customBecause: ['groupBasedFiltering'],
    noWarns: ['expressFiltersAndRulesBeforeFirstSync'],
  },
  {
    name: 'merging people across connected forests',
    answers: { forestTopology: 'multipleConnected', customization: ['crossForestReferencesOrMerge'] },
    tool: 'connect',
    install: 'custom',
    rules: ['crossForestReferencesOrMerge'],
    customBecause: ['moreThanOneForest'],
  },
  {
    name: 'account forest with a resource forest',
    answers: { forestTopology: 'multipleConnected', otherNeeds: ['accountResourceForest'] },
    tool: 'connect',
    install: 'custom',
    rules: ['accountResourceForest'],
    customBecause: ['moreThanOneForest', 'resourceForest'],
  },
  {
    name: 'Entra Domain Services',
    answers: { otherNeeds: ['entraDomainServices'] },
    tool: 'connect',
    install: 'express',
    rules: ['entraDomainServices'],
  },
  // Things both tools do, and Cloud-Sync-only capabilities.
  {
    name: '100,000 to 150,000 objects, nothing else',
    answers: { largestDomainObjects: 'from100kTo150k' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
  },
  {
    name: 'PTA or federation already in place and kept',
    answers: { signIn: 'keepExistingPtaOrFederation' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    warns: ['keepExistingSignIn'],
  },
  {
    name: 'scoping by group membership only',
    answers: { customization: ['groupBasedFiltering'] },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
  },
  {
    name: 'group provisioning to AD',
    answers: { otherNeeds: ['groupProvisioningToAd'] },
    tool: 'cloudSync',
    rules: ['groupProvisioningToAd', 'preferCloudSync'],
    warns: ['cloudSyncGroupProvisioningAgent'],
  },
  {
    name: 'Exchange hybrid and high availability',
    answers: { otherNeeds: ['exchangeHybrid', 'highAvailability'] },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    warns: ['cloudSyncExchangeHybridAgent'],
  },
  {
    name: 'several connected forests, nothing Connect-only',
    answers: { forestTopology: 'multipleConnected' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    warns: ['cloudSyncObjectsUniqueAcrossForests'],
  },
  // Install type variations with Connect in play.
  {
    name: 'existing federation kept, hybrid join needed',
    answers: { signIn: 'keepExistingPtaOrFederation', devices: 'hybridJoin' },
    tool: 'connect',
    install: 'custom',
    rules: ['hybridJoin'],
    customBecause: ['keepExistingSignIn'],
    warns: ['keepExistingSignIn'],
  },
  // Express's 100,000 limit is the total Connect syncs, not the largest domain.
  {
    name: 'hybrid join, every domain under 100,000 but over 100,000 in total',
    answers: { largestDomainObjects: 'under100k', connectTotalObjects: 'over100k', devices: 'hybridJoin' },
    tool: 'connect',
    install: 'custom',
    rules: ['hybridJoin'],
    customBecause: ['over100kObjects'],
  },
  {
    name: 'connected forests with hybrid join, small domains, over 100,000 in total',
    answers: { forestTopology: 'multipleConnected', connectTotalObjects: 'over100k', devices: 'hybridJoin' },
    tool: 'connect',
    install: 'custom',
    rules: ['hybridJoin'],
    customBecause: ['moreThanOneForest', 'over100kObjects'],
  },
  {
    name: '100,000 to 150,000 objects in the largest domain with hybrid join, over 100,000 in total',
    answers: { largestDomainObjects: 'from100kTo150k', connectTotalObjects: 'over100k', devices: 'hybridJoin' },
    tool: 'connect',
    install: 'custom',
    rules: ['hybridJoin'],
    customBecause: ['over100kObjects'],
  },
  {
    name: 'a 100,000 to 150,000 domain that Connect syncs alone, total said to be under 100,000: flagged',
    answers: { largestDomainObjects: 'from100kTo150k', devices: 'hybridJoin' },
    tool: 'connect',
    install: 'express',
    rules: ['hybridJoin'],
    warns: ['connectTotalBelowLargestDomain'],
  },
  {
    name: 'a 100,000 to 150,000 domain Cloud Sync can take beside Connect: only the Connect total counts',
    answers: { forestTopology: 'includesDisconnected', largestDomainObjects: 'from100kTo150k', devices: 'hybridJoin' },
    tool: 'both',
    install: 'custom',
    rules: ['hybridJoin', 'disconnectedForests'],
    customBecause: ['moreThanOneForest'],
    noWarns: ['connectTotalBelowLargestDomain'],
    deviceSyncPreview: true,
  },
  {
    name: 'group scoping with hybrid join',
    answers: { customization: ['groupBasedFiltering'], devices: 'hybridJoin' },
    tool: 'connect',
    install: 'custom',
    rules: ['hybridJoin'],
    customBecause: ['groupBasedFiltering'],
  },
  {
    name: 'no Enterprise Admin, hybrid join',
    answers: { enterpriseAdminAvailable: 'no', devices: 'hybridJoin' },
    tool: 'connect',
    install: 'custom',
    rules: ['hybridJoin'],
    customBecause: ['noEnterpriseAdmin'],
  },
  {
    name: 'connected forests with hybrid join',
    answers: { forestTopology: 'multipleConnected', devices: 'hybridJoin' },
    tool: 'connect',
    install: 'custom',
    rules: ['hybridJoin'],
    customBecause: ['moreThanOneForest'],
  },
  {
    name: 'PTA with high availability',
    answers: { signIn: 'ptaSetup', otherNeeds: ['highAvailability'] },
    tool: 'connect',
    install: 'custom',
    rules: ['ptaSetup'],
    customBecause: ['ptaOrFederationSignIn'],
    warns: ['connectHighAvailabilityIsManual'],
  },
  // Both tools side by side.
  {
    name: 'group provisioning to AD plus hybrid join in one forest',
    answers: { otherNeeds: ['groupProvisioningToAd'], devices: 'hybridJoin' },
    tool: 'both',
    install: 'express',
    rules: ['hybridJoin', 'groupProvisioningToAd'],
    warns: ['coexistenceDisjointScopes', 'expressScopeBeforeFirstSync'],
    deviceSyncPreview: false,
  },
  {
    name: 'group provisioning to AD plus attribute filtering: one express warning covers scope and filters',
    answers: { otherNeeds: ['groupProvisioningToAd'], customization: ['attributeValueFiltering'] },
    tool: 'both',
    install: 'express',
    rules: ['attributeValueFiltering', 'groupProvisioningToAd'],
    warns: ['expressScopeBeforeFirstSync'],
    noWarns: ['expressFiltersAndRulesBeforeFirstSync'],
  },
  {
    name: 'disconnected forest plus PTA',
    answers: { forestTopology: 'includesDisconnected', signIn: 'ptaSetup' },
    tool: 'both',
    install: 'custom',
    rules: ['ptaSetup', 'disconnectedForests'],
    customBecause: ['moreThanOneForest', 'ptaOrFederationSignIn'],
    deviceSyncPreview: false,
  },
  {
    name: 'disconnected forest plus a domain over 150,000 objects',
    answers: {
      forestTopology: 'includesDisconnected',
      largestDomainObjects: 'over150k',
      connectTotalObjects: 'over100k',
    },
    tool: 'both',
    install: 'custom',
    rules: ['domainOver150k', 'disconnectedForests'],
    customBecause: ['moreThanOneForest', 'over100kObjects'],
  },
  {
    name: 'disconnected forest plus group provisioning to AD',
    answers: { forestTopology: 'includesDisconnected', otherNeeds: ['groupProvisioningToAd'] },
    tool: 'cloudSync',
    rules: ['disconnectedForests', 'groupProvisioningToAd', 'preferCloudSync'],
  },
  // Every "Not sure" path.
  {
    name: 'not sure about the topology, otherwise Cloud Sync material',
    answers: { forestTopology: 'notSure' },
    tool: 'cloudSync',
    rules: ['disconnectedForests', 'preferCloudSync'],
    assumed: ['forestTopology'],
    uncertainty: 'followDefault',
  },
  {
    name: 'not sure about the topology, hybrid join needed',
    answers: { forestTopology: 'notSure', devices: 'hybridJoin' },
    tool: 'both',
    install: 'custom',
    rules: ['hybridJoin', 'disconnectedForests'],
    customBecause: ['moreThanOneForest'],
    assumed: ['forestTopology'],
    uncertainty: 'safe',
    // The disconnected forest is only assumed: no preview task for devices that may not exist.
    warns: ['hybridJoinPreviewOnCloudSync'],
    noWarns: ['deviceSyncPreviewTask'],
    deviceSyncPreview: false,
  },
  {
    name: 'not sure about the largest domain',
    answers: { largestDomainObjects: 'notSure', connectTotalObjects: 'notSure' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    assumed: ['largestDomainObjects', 'connectTotalObjects'],
    uncertainty: 'followDefault',
    decisive: ['largestDomainObjects'],
  },
  {
    name: 'not sure about the Connect total',
    answers: { connectTotalObjects: 'notSure', devices: 'hybridJoin' },
    tool: 'connect',
    install: 'custom',
    rules: ['hybridJoin'],
    customBecause: ['over100kObjects'],
    assumed: ['connectTotalObjects'],
    uncertainty: 'safe',
    decisive: ['connectTotalObjects'],
  },
  // One or two unknowns with nothing else needing Connect: Microsoft's default holds, and the unknowns are listed to confirm.
  {
    name: 'not sure about group sizes',
    answers: { groupOver50kMembers: 'notSure' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    assumed: ['groupOver50kMembers'],
    uncertainty: 'followDefault',
    decisive: ['groupOver50kMembers'],
  },
  {
    name: 'not sure about sign-in',
    answers: { signIn: 'notSure' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    assumed: ['signIn'],
    uncertainty: 'followDefault',
    decisive: ['signIn'],
  },
  {
    name: 'not sure about devices',
    answers: { devices: 'notSure' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    assumed: ['devices'],
    uncertainty: 'followDefault',
  },
  {
    name: 'not sure about customization',
    answers: { customization: 'notSure' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    assumed: ['customization'],
    noWarns: ['expressFiltersAndRulesBeforeFirstSync'],
    uncertainty: 'followDefault',
  },
  {
    // The review's case: a 1,500-user single-forest PHS org with one "Not sure" used to land on Connect.
    name: 'one "Not sure" on other needs, a small single forest with PHS',
    answers: { otherNeeds: 'notSure' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    assumed: ['otherNeeds'],
    uncertainty: 'followDefault',
    decisive: ['otherNeeds'],
  },
  {
    name: 'not sure about other needs, connected forests',
    answers: { forestTopology: 'multipleConnected', otherNeeds: 'notSure' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    assumed: ['otherNeeds'],
    warns: ['cloudSyncObjectsUniqueAcrossForests'],
    uncertainty: 'followDefault',
  },
  {
    name: 'two "Not sure" answers still follow the default',
    answers: { signIn: 'notSure', devices: 'notSure' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    assumed: ['signIn', 'devices'],
    uncertainty: 'followDefault',
  },
  {
    // With three open tool questions the answers no longer point clearly anywhere: each takes its safe value.
    name: 'three "Not sure" answers take the safe side',
    answers: { signIn: 'notSure', devices: 'notSure', otherNeeds: 'notSure' },
    tool: 'connect',
    install: 'custom',
    rules: ['ptaSetup', 'deviceWritebackOrWhfbHybridTrust', 'entraDomainServices'],
    customBecause: ['ptaOrFederationSignIn'],
    assumed: ['signIn', 'devices', 'otherNeeds'],
    uncertainty: 'safe',
  },
  {
    name: 'a real Connect need keeps "Not sure" on the safe side',
    answers: { signIn: 'ptaSetup', otherNeeds: 'notSure' },
    tool: 'connect',
    install: 'custom',
    rules: ['ptaSetup', 'entraDomainServices'],
    customBecause: ['ptaOrFederationSignIn'],
    assumed: ['otherNeeds'],
    uncertainty: 'safe',
  },
  {
    name: 'not sure about an Enterprise Admin, hybrid join',
    answers: { enterpriseAdminAvailable: 'notSure', devices: 'hybridJoin' },
    tool: 'connect',
    install: 'custom',
    rules: ['hybridJoin'],
    customBecause: ['noEnterpriseAdmin'],
    assumed: ['enterpriseAdminAvailable'],
    uncertainty: 'safe',
    decisive: ['enterpriseAdminAvailable'],
  },
  {
    name: 'not sure about anything',
    answers: Object.fromEntries(ANSWER_KEYS.map((key) => [key, 'notSure'])),
    tool: 'both',
    install: 'custom',
    rules: [
      'ptaSetup',
      'deviceWritebackOrWhfbHybridTrust',
      'domainOver150k',
      'groupOver50k',
      'attributeValueFiltering',
      'advancedSyncRules',
      'accountResourceForest',
      'entraDomainServices',
      'disconnectedForests',
    ],
    customBecause: [
      'moreThanOneForest',
      'resourceForest',
      'noEnterpriseAdmin',
      'ptaOrFederationSignIn',
      'over100kObjects',
    ],
    assumed: [...ANSWER_KEYS],
    uncertainty: 'safe',
    warns: ['deviceWritebackConnectOnly', 'checkWhatRunsToday'],
    noWarns: ['deviceSyncPreviewTask', 'hybridJoinPreviewOnCloudSync'],
    deviceSyncPreview: false,
  },
  // The late-2026 corrections.
  {
    name: 'Exchange hybrid with Microsoft 365 groups written back on-premises',
    answers: { otherNeeds: ['exchangeHybrid', 'm365GroupWriteback'] },
    tool: 'connect',
    install: 'express',
    rules: ['m365GroupWriteback'],
    warns: ['m365GroupWritebackStaysOnConnect', 'connectMinimumBuild'],
    noWarns: ['cloudSyncExchangeHybridAgent'],
  },
  {
    name: 'Microsoft 365 group writeback beside security groups provisioned to AD',
    answers: { otherNeeds: ['groupProvisioningToAd', 'm365GroupWriteback'] },
    tool: 'both',
    install: 'express',
    rules: ['m365GroupWriteback', 'groupProvisioningToAd'],
    warns: ['coexistenceDisjointScopes', 'm365GroupWritebackStaysOnConnect', 'cloudSyncGroupProvisioningAgent'],
  },
  {
    name: 'one forest with a child domain the server cannot reach',
    answers: { devices: 'hybridJoin', domainsReachable: 'someUnreachable' },
    tool: 'connect',
    install: 'custom',
    rules: ['hybridJoin'],
    customBecause: ['unreachableDomain'],
  },
  {
    name: 'an unreachable domain and PTA: both reasons for custom',
    answers: { signIn: 'ptaSetup', domainsReachable: 'someUnreachable' },
    tool: 'connect',
    install: 'custom',
    rules: ['ptaSetup'],
    customBecause: ['unreachableDomain', 'ptaOrFederationSignIn'],
  },
  {
    name: 'an unreachable domain on Cloud Sync needs no install type',
    answers: { domainsReachable: 'someUnreachable' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
  },
  {
    name: 'not sure every domain is reachable, hybrid join',
    answers: { devices: 'hybridJoin', domainsReachable: 'notSure' },
    tool: 'connect',
    install: 'custom',
    rules: ['hybridJoin'],
    customBecause: ['unreachableDomain'],
    assumed: ['domainsReachable'],
    uncertainty: 'safe',
    decisive: ['domainsReachable'],
  },
  // A running Connect Sync: restore, stay and upgrade, or move to Cloud Sync.
  {
    name: 'Connect Sync, build 2.4, one forest, password hash sync, 12,000 users',
    answers: { ...CONNECT_TODAY, connectBuild: 'belowMandatory', connectServerOs: 'ws2019' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    paths: ['restoreSync', 'migrateToCloudSync'],
    method: 'pilotByOu',
    upgrade: 'inPlace',
    warns: ['connectInstallerSource', 'migrationKeepsPasswordsAndAnchor'],
    noWarns: ['connectMinimumBuild', 'migrationToolWave'],
  },
  {
    name: 'Connect Sync, current build, pass-through authentication',
    answers: { ...CONNECT_TODAY, signIn: 'ptaSetup' },
    tool: 'connect',
    rules: ['ptaSetup'],
    paths: ['connectUpgrade'],
    upgrade: 'inPlace',
    stays: ['ptaSetup'],
    warns: ['connectMinimumBuild', 'connectInstallerSource'],
  },
  {
    name: 'Connect Sync, up to 2,000 objects in one forest: the guided tool',
    answers: { ...CONNECT_TODAY, connectTotalObjects: 'upTo2k' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    paths: ['migrateToCloudSync'],
    method: 'guidedTool',
    warns: ['migrationToolWave', 'migrationKeepsPasswordsAndAnchor', 'connectMinimumBuild'],
  },
  {
    name: 'Connect Sync, up to 2,000 objects but group filtering: the pilot path',
    answers: { ...CONNECT_TODAY, connectTotalObjects: 'upTo2k', customization: ['groupBasedFiltering'] },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    paths: ['migrateToCloudSync'],
    method: 'pilotByOu',
    noWarns: ['migrationToolWave'],
  },
  {
    name: 'Connect Sync, up to 2,000 objects in connected forests: the pilot path',
    answers: { ...CONNECT_TODAY, connectTotalObjects: 'upTo2k', forestTopology: 'multipleConnected' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    paths: ['migrateToCloudSync'],
    method: 'pilotByOu',
    warns: ['cloudSyncObjectsUniqueAcrossForests'],
  },
  {
    name: 'Connect Sync, up to 2,000 objects, forests not sure: the pilot path',
    answers: { ...CONNECT_TODAY, connectTotalObjects: 'upTo2k', forestTopology: 'notSure' },
    tool: 'cloudSync',
    rules: ['disconnectedForests', 'preferCloudSync'],
    paths: ['migrateToCloudSync'],
    method: 'pilotByOu',
    assumed: ['forestTopology'],
    uncertainty: 'followDefault',
    decisive: ['forestTopology'],
  },
  {
    name: 'Connect Sync below the floor with hybrid join: restore, then stay',
    answers: { ...CONNECT_TODAY, connectBuild: 'belowMandatory', devices: 'hybridJoin' },
    tool: 'connect',
    rules: ['hybridJoin'],
    paths: ['restoreSync', 'connectUpgrade'],
    upgrade: 'inPlace',
    stays: ['hybridJoin'],
    warns: ['hybridJoinPreviewOnCloudSync', 'connectInstallerSource'],
    noWarns: ['connectMinimumBuild'],
  },
  {
    name: 'Connect Sync below the floor with a staging server: upgrade staging first',
    answers: {
      ...CONNECT_TODAY,
      connectBuild: 'belowMandatory',
      connectStaging: 'yes',
      customization: ['advancedSyncRules'],
    },
    tool: 'connect',
    rules: ['advancedSyncRules'],
    paths: ['restoreSync', 'connectUpgrade'],
    upgrade: 'swingWithStaging',
    stays: ['advancedSyncRules'],
  },
  {
    name: 'Connect Sync build not sure, PHS: restore is planned until the build is checked',
    answers: { ...CONNECT_TODAY, connectBuild: 'notSure' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    paths: ['restoreSync', 'migrateToCloudSync'],
    method: 'pilotByOu',
    upgrade: 'inPlace',
    assumed: ['connectBuild'],
    uncertainty: 'safe',
    decisive: ['connectBuild'],
  },
  {
    name: 'Connect Sync on Windows Server 2016 with PTA: swing to a new server',
    answers: { ...CONNECT_TODAY, connectBuild: 'supportedOlder', connectServerOs: 'ws2016OrOlder', signIn: 'ptaSetup' },
    tool: 'connect',
    rules: ['ptaSetup'],
    paths: ['connectUpgrade'],
    upgrade: 'swingToNewServer',
    stays: ['ptaSetup'],
    warns: ['windowsServer2016EndOfSupport'],
  },
  {
    name: 'Connect Sync over 100,000 objects with federation: swing to a new server',
    answers: { ...CONNECT_TODAY, connectTotalObjects: 'over100k', signIn: 'federationSetup' },
    tool: 'connect',
    rules: ['federationSetup'],
    paths: ['connectUpgrade'],
    upgrade: 'swingToNewServer',
    stays: ['federationSetup'],
    noWarns: ['windowsServer2016EndOfSupport'],
  },
  {
    name: 'Connect Sync with a staging server and Entra Domain Services',
    answers: { ...CONNECT_TODAY, connectStaging: 'yes', otherNeeds: ['entraDomainServices'] },
    tool: 'connect',
    rules: ['entraDomainServices'],
    paths: ['connectUpgrade'],
    upgrade: 'swingWithStaging',
    stays: ['entraDomainServices'],
  },
  {
    name: 'Connect Sync writing Microsoft 365 groups back stays on Connect',
    answers: { ...CONNECT_TODAY, otherNeeds: ['exchangeHybrid', 'm365GroupWriteback'] },
    tool: 'connect',
    rules: ['m365GroupWriteback'],
    paths: ['connectUpgrade'],
    upgrade: 'inPlace',
    stays: ['m365GroupWriteback'],
    warns: ['m365GroupWritebackStaysOnConnect'],
  },
  {
    name: 'Connect Sync with a disconnected acquired forest and nothing Connect-only: move',
    answers: { ...CONNECT_TODAY, forestTopology: 'includesDisconnected' },
    tool: 'cloudSync',
    rules: ['disconnectedForests', 'preferCloudSync'],
    paths: ['migrateToCloudSync'],
    method: 'pilotByOu',
  },
  {
    name: 'Connect Sync with hybrid join and a disconnected forest: stay, Cloud Sync beside it',
    answers: { ...CONNECT_TODAY, forestTopology: 'includesDisconnected', devices: 'hybridJoin' },
    tool: 'both',
    rules: ['hybridJoin', 'disconnectedForests'],
    paths: ['connectUpgrade'],
    upgrade: 'inPlace',
    stays: ['hybridJoin'],
    warns: ['coexistenceDisjointScopes', 'deviceSyncPreviewTask'],
    deviceSyncPreview: true,
  },
  {
    name: 'Connect Sync with PTA and group provisioning to AD: stay, Cloud Sync beside it',
    answers: { ...CONNECT_TODAY, signIn: 'ptaSetup', otherNeeds: ['groupProvisioningToAd'] },
    tool: 'both',
    rules: ['ptaSetup', 'groupProvisioningToAd'],
    paths: ['connectUpgrade'],
    upgrade: 'inPlace',
    stays: ['ptaSetup'],
    warns: ['coexistenceDisjointScopes', 'cloudSyncGroupProvisioningAgent'],
  },
  {
    name: 'Connect Sync, server version not sure, PTA',
    answers: { ...CONNECT_TODAY, connectServerOs: 'notSure', signIn: 'ptaSetup' },
    tool: 'connect',
    rules: ['ptaSetup'],
    paths: ['connectUpgrade'],
    upgrade: 'swingToNewServer',
    stays: ['ptaSetup'],
    assumed: ['connectServerOs'],
    uncertainty: 'safe',
    warns: ['windowsServer2016EndOfSupport'],
  },
  {
    name: 'Connect Sync below the floor, staging server not sure: restore in place',
    answers: {
      ...CONNECT_TODAY,
      connectBuild: 'belowMandatory',
      connectStaging: 'notSure',
      devices: 'deviceWritebackOrWhfbHybridTrust',
    },
    tool: 'connect',
    rules: ['deviceWritebackOrWhfbHybridTrust'],
    paths: ['restoreSync', 'connectUpgrade'],
    upgrade: 'inPlace',
    stays: ['deviceWritebackOrWhfbHybridTrust'],
    assumed: ['connectStaging'],
    uncertainty: 'safe',
    decisive: ['connectStaging'],
  },
  {
    name: 'Connect Sync 2.4 on Windows Server 2016, moving to Cloud Sync: no new Connect server',
    answers: { ...CONNECT_TODAY, connectBuild: 'belowMandatory', connectServerOs: 'ws2016OrOlder' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    paths: ['restoreSync', 'migrateToCloudSync'],
    method: 'pilotByOu',
    upgrade: 'inPlace',
    noWarns: ['windowsServer2016EndOfSupport'],
  },
  {
    name: 'Connect Sync with one "Not sure" on other needs still moves',
    answers: { ...CONNECT_TODAY, otherNeeds: 'notSure' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    paths: ['migrateToCloudSync'],
    method: 'pilotByOu',
    assumed: ['otherNeeds'],
    uncertainty: 'followDefault',
    decisive: ['otherNeeds'],
  },
  // Cloud Sync already runs.
  {
    name: 'Cloud Sync already, nothing Connect-only',
    answers: CLOUD_SYNC_TODAY,
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    paths: ['cloudSyncHealth'],
    noWarns: ['connectMinimumBuild'],
  },
  {
    name: 'Cloud Sync already, Exchange hybrid',
    answers: { ...CLOUD_SYNC_TODAY, otherNeeds: ['exchangeHybrid'] },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    paths: ['cloudSyncHealth'],
    warns: ['cloudSyncExchangeHybridAgent'],
  },
  {
    name: 'Cloud Sync already, security groups provisioned to AD',
    answers: { ...CLOUD_SYNC_TODAY, otherNeeds: ['groupProvisioningToAd'] },
    tool: 'cloudSync',
    rules: ['groupProvisioningToAd', 'preferCloudSync'],
    paths: ['cloudSyncHealth'],
    warns: ['cloudSyncGroupProvisioningAgent'],
  },
  {
    name: 'Cloud Sync already, hybrid join now needed: Connect installed beside it',
    answers: { ...CLOUD_SYNC_TODAY, devices: 'hybridJoin' },
    tool: 'connect',
    install: 'express',
    rules: ['hybridJoin'],
    paths: ['cloudSyncHealth'],
    warns: ['cloudSyncScopeMoveRecreates', 'coexistenceDisjointScopes', 'connectMinimumBuild'],
  },
  {
    name: 'Cloud Sync already, PTA to be set up',
    answers: { ...CLOUD_SYNC_TODAY, signIn: 'ptaSetup' },
    tool: 'connect',
    install: 'custom',
    rules: ['ptaSetup'],
    customBecause: ['ptaOrFederationSignIn'],
    paths: ['cloudSyncHealth'],
    warns: ['cloudSyncScopeMoveRecreates'],
  },
  {
    name: 'Cloud Sync already, Microsoft 365 groups must be written back',
    answers: { ...CLOUD_SYNC_TODAY, otherNeeds: ['m365GroupWriteback'] },
    tool: 'connect',
    install: 'express',
    rules: ['m365GroupWriteback'],
    paths: ['cloudSyncHealth'],
    warns: ['m365GroupWritebackStaysOnConnect', 'cloudSyncScopeMoveRecreates'],
  },
  // Both tools already run.
  {
    name: 'both today, nothing Connect-only: move the rest to Cloud Sync',
    answers: BOTH_TODAY,
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    paths: ['migrateToCloudSync', 'cloudSyncHealth'],
    method: 'pilotByOu',
    noWarns: ['coexistenceDisjointScopes'],
  },
  {
    name: 'both today, hybrid join: keep both',
    answers: { ...BOTH_TODAY, devices: 'hybridJoin' },
    tool: 'connect',
    rules: ['hybridJoin'],
    paths: ['connectUpgrade', 'cloudSyncHealth'],
    upgrade: 'inPlace',
    stays: ['hybridJoin'],
    warns: ['coexistenceDisjointScopes'],
    noWarns: ['cloudSyncScopeMoveRecreates'],
  },
  {
    name: 'both today, Connect below the floor, PTA',
    answers: { ...BOTH_TODAY, connectBuild: 'belowMandatory', signIn: 'ptaSetup' },
    tool: 'connect',
    rules: ['ptaSetup'],
    paths: ['restoreSync', 'connectUpgrade', 'cloudSyncHealth'],
    upgrade: 'inPlace',
    stays: ['ptaSetup'],
  },
  {
    name: 'both today, Connect below the floor, PHS',
    answers: { ...BOTH_TODAY, connectBuild: 'belowMandatory' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    paths: ['restoreSync', 'migrateToCloudSync', 'cloudSyncHealth'],
    method: 'pilotByOu',
    upgrade: 'inPlace',
  },
  {
    name: 'not sure what runs today: planned as a first installation, with a check first',
    answers: { currentSync: 'notSure' },
    tool: 'cloudSync',
    rules: ['preferCloudSync'],
    assumed: ['currentSync'],
    uncertainty: 'safe',
    decisive: ['currentSync'],
    warns: ['checkWhatRunsToday'],
  },
];

const answersOf = (scenario: Scenario): Answers => ({ ...BASELINE, ...scenario.answers });
const ROWS = SCENARIOS.map((scenario) => ({
  ...scenario,
  outcome: scenario.install === undefined ? scenario.tool : `${scenario.tool} (${scenario.install})`,
}));

describe('recommend', () => {
  it('has a scenario table of at least 80 rows', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(80);
  });

  it('covers every path track, both migration methods and every upgrade method', () => {
    const recommendations = SCENARIOS.map((scenario) => recommend(answersOf(scenario)));
    expect(PATH_TRACKS.filter((track) => !recommendations.some((r) => r.paths?.includes(track)))).toEqual([]);
    expect(new Set(recommendations.flatMap((r) => (r.migrationMethod ? [r.migrationMethod] : [])))).toEqual(
      new Set(['guidedTool', 'pilotByOu']),
    );
    expect(new Set(recommendations.flatMap((r) => (r.upgradeMethod ? [r.upgradeMethod] : [])))).toEqual(
      new Set(['inPlace', 'swingWithStaging', 'swingToNewServer']),
    );
  });

  it('never installs Connect anew where it already runs, and offers the install type exactly when it does', () => {
    for (const scenario of SCENARIOS) {
      const recommendation = recommend(answersOf(scenario));
      const connectRuns = recommendation.current === 'connect' || recommendation.current === 'both';
      expect(recommendation.connectInstall !== undefined).toBe(recommendation.tool !== 'cloudSync' && !connectRuns);
    }
  });

  it('gives every unknown a way to check it', () => {
    for (const key of ANSWER_KEYS) {
      expect(UNKNOWN_RULES[key].check.length).toBeGreaterThan(20);
      expect(UNKNOWN_RULES[key].explanation.length).toBeGreaterThan(20);
    }
    const recommendation = recommend({ ...BASELINE, otherNeeds: 'notSure' });
    expect(recommendation.assumptions).toEqual([
      expect.objectContaining({
        question: 'otherNeeds',
        assumed: 'None of these',
        decisive: true,
        check: UNKNOWN_RULES.otherNeeds.check,
      }),
    ]);
  });

  it.each(ROWS)('$name → $outcome', (scenario) => {
    const recommendation = recommend(answersOf(scenario));

    expect(recommendation.tool).toBe(scenario.tool);
    expect(recommendation.connectInstall).toBe(scenario.install);
    expect(recommendation.factors.map((factor) => factor.ruleId).sort()).toEqual([...scenario.rules].sort());
    if (scenario.install === 'custom') {
      expect(recommendation.connectInstallReasons.map((reason) => reason.ruleId).sort()).toEqual(
        [...(scenario.customBecause ?? [])].sort(),
      );
    } else {
      expect(scenario.customBecause).toBeUndefined();
    }
    if (scenario.install === undefined) expect(recommendation.connectInstallReasons).toEqual([]);
    expect(recommendation.assumptions.map((assumption) => assumption.question).sort()).toEqual(
      [...(scenario.assumed ?? [])].sort(),
    );
    const warningIds = recommendation.warnings.map((warning) => warning.id);
    expect(warningIds).toEqual(expect.arrayContaining(scenario.warns ?? []));
    for (const absent of scenario.noWarns ?? []) expect(warningIds).not.toContain(absent);
    expect(recommendation.deviceSyncPreview).toBe(scenario.deviceSyncPreview ?? false);
    expect(recommendation.coexistence !== undefined).toBe(scenario.tool === 'both');
    expect(recommendation.paths).toEqual(scenario.paths ?? []);
    expect(recommendation.urgent).toBe((scenario.paths ?? []).includes('restoreSync'));
    expect(recommendation.migrationMethod).toBe(scenario.method);
    expect(recommendation.upgradeMethod).toBe(scenario.upgrade);
    expect(recommendation.uncertainty).toBe(scenario.uncertainty ?? 'none');
    expect(
      recommendation.assumptions.filter((assumption) => assumption.decisive).map((assumption) => assumption.question),
    ).toEqual(expect.arrayContaining(scenario.decisive ?? []));
    expect((recommendation.stayReasons ?? []).map((reason) => reason.ruleId)).toEqual(scenario.stays ?? []);
  });

  it.each(ROWS)('$name: every factor and install reason cites learn.microsoft.com', (scenario) => {
    const recommendation = recommend(answersOf(scenario));
    for (const link of [...recommendation.factors, ...recommendation.connectInstallReasons].map(
      (entry) => entry.link,
    )) {
      expect(link).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it('every rule of every table is exercised by at least one scenario', () => {
    const recommendations = SCENARIOS.map((scenario) => recommend(answersOf(scenario)));
    const firedCapabilities = new Set(recommendations.flatMap((r) => r.factors.map((factor) => factor.ruleId)));
    const firedInstall = new Set(
      recommendations.flatMap((r) =>
        r.connectInstall === 'custom' ? r.connectInstallReasons.map((reason) => reason.ruleId) : [],
      ),
    );
    const firedWarnings = new Set(recommendations.flatMap((r) => r.warnings.map((warning) => warning.id)));

    expect(CAPABILITY_RULES.map((rule) => rule.id).filter((id) => !firedCapabilities.has(id))).toEqual([]);
    expect(INSTALL_RULES.map((rule) => rule.id).filter((id) => !firedInstall.has(id))).toEqual([]);
    expect(WARNING_RULES.map((rule) => rule.id).filter((id) => !firedWarnings.has(id))).toEqual([]);
  });

  it('covers every "Not sure" path, both install types and the "both" outcome', () => {
    const recommendations = SCENARIOS.map((scenario) => recommend(answersOf(scenario)));
    const assumedKeys = new Set(recommendations.flatMap((r) => r.assumptions.map((assumption) => assumption.question)));
    expect(ANSWER_KEYS.filter((key) => !assumedKeys.has(key))).toEqual([]);
    expect(new Set(recommendations.map((r) => r.connectInstall))).toEqual(new Set(['express', 'custom', undefined]));
    expect(new Set(recommendations.map((r) => r.tool))).toEqual(new Set(['cloudSync', 'connect', 'both']));
  });

  it('has unique rule ids in each table', () => {
    for (const table of [CAPABILITY_RULES, INSTALL_RULES, WARNING_RULES]) {
      const ids = table.map((rule) => rule.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('names the answer behind each factor and marks assumed ones', () => {
    // With a real Connect need beside it, the unknown takes its safe value (over 150,000).
    const recommendation = recommend({
      ...BASELINE,
      largestDomainObjects: 'notSure',
      connectTotalObjects: 'over100k',
      devices: 'hybridJoin',
    });
    expect(recommendation.factors.filter((factor) => factor.ruleId === 'domainOver150k')).toEqual([
      expect.objectContaining({
        ruleId: 'domainOver150k',
        pointsTo: 'connect',
        strength: 'required',
        triggeredBy: { question: 'largestDomainObjects', answer: 'Over 150,000 objects', assumed: true },
      }),
    ]);
    expect(recommendation.assumptions[0]).toEqual(
      expect.objectContaining({ question: 'largestDomainObjects', assumed: 'Over 150,000 objects' }),
    );
  });

  it('names the option of a multi-select answer that triggered a factor', () => {
    const recommendation = recommend({ ...BASELINE, otherNeeds: ['exchangeHybrid', 'entraDomainServices'] });
    expect(recommendation.factors[0]?.triggeredBy).toEqual({
      question: 'otherNeeds',
      answer: 'Microsoft Entra Domain Services',
      assumed: false,
    });
  });

  it('lists the express preconditions as the reasons for express', () => {
    const recommendation = recommend({ ...BASELINE, devices: 'hybridJoin' });
    expect(recommendation.connectInstallReasons.map((reason) => reason.ruleId)).toEqual([
      'moreThanOneForest',
      'unreachableDomain',
      'noEnterpriseAdmin',
      'ptaOrFederationSignIn',
      'over100kObjects',
      'groupBasedFiltering',
    ]);
  });

  it('describes disjoint scopes for the disconnected-forest coexistence', () => {
    const recommendation = recommend({ ...BASELINE, forestTopology: 'includesDisconnected', devices: 'hybridJoin' });
    expect(recommendation.coexistence?.connectScope).toMatch(/hybrid join/i);
    expect(recommendation.coexistence?.cloudSyncScope).toMatch(/cannot reach/);
  });

  it('is pure: same answers, same recommendation, input untouched', () => {
    const answers: Answers = { ...BASELINE, customization: ['groupBasedFiltering'], devices: 'hybridJoin' };
    const snapshot = JSON.stringify(answers);
    expect(recommend(answers)).toEqual(recommend(answers));
    expect(JSON.stringify(answers)).toBe(snapshot);
  });
});

describe('whatWouldChange', () => {
  const changes = (answers: Answers) =>
    recommend(answers).whatWouldChange.map((change) => ({
      question: change.question,
      answer: change.answer,
      tool: change.tool,
      connectInstall: change.connectInstall,
    }));

  it('for hybrid join plus a disconnected forest: dropping either need leaves one tool', () => {
    expect(changes({ ...BASELINE, forestTopology: 'includesDisconnected', devices: 'hybridJoin' })).toEqual([
      { question: 'forestTopology', answer: 'single', tool: 'connect', connectInstall: 'express' },
      { question: 'forestTopology', answer: 'multipleConnected', tool: 'connect', connectInstall: 'custom' },
      { question: 'devices', answer: 'none', tool: 'cloudSync', connectInstall: undefined },
    ]);
  });

  it('for single-forest PTA: PHS or kept sign-in gives Cloud Sync; a disconnected forest or group provisioning adds it', () => {
    const result = changes({ ...BASELINE, signIn: 'ptaSetup' });
    expect(result).toEqual(
      expect.arrayContaining([
        { question: 'signIn', answer: 'phs', tool: 'cloudSync', connectInstall: undefined },
        { question: 'signIn', answer: 'keepExistingPtaOrFederation', tool: 'cloudSync', connectInstall: undefined },
        { question: 'forestTopology', answer: 'includesDisconnected', tool: 'both', connectInstall: 'custom' },
        { question: 'otherNeeds', answer: ['groupProvisioningToAd'], tool: 'both', connectInstall: 'custom' },
      ]),
    );
    expect(
      result.find((change) => change.question === 'signIn' && change.answer === 'federationSetup'),
    ).toBeUndefined();
  });

  it('for a Cloud Sync result lists every single Connect-only answer that flips it', () => {
    const result = changes({ ...BASELINE, enterpriseAdminAvailable: 'notAsked', connectTotalObjects: 'notAsked' });
    const flippedBy = result.map((change) => `${change.question}=${JSON.stringify(change.answer)}`);
    expect(flippedBy).toEqual(
      expect.arrayContaining([
        'signIn="ptaSetup"',
        'signIn="federationSetup"',
        'devices="hybridJoin"',
        'largestDomainObjects="over150k"',
        'groupOver50kMembers="yes"',
        'customization=["attributeValueFiltering"]',
        'otherNeeds=["entraDomainServices"]',
      ]),
    );
    expect(flippedBy).not.toContain('largestDomainObjects="from100kTo150k"');
    expect(result.every((change) => change.tool === 'connect')).toBe(true);
  });

  it('for an express install names what would force custom', () => {
    const result = recommend({ ...BASELINE, devices: 'hybridJoin' }).whatWouldChange;
    expect(result.find((change) => change.question === 'enterpriseAdminAvailable' && change.answer === 'no')).toEqual(
      expect.objectContaining({
        tool: 'connect',
        connectInstall: 'custom',
        change: 'Enterprise Admin account for setup: "No"',
      }),
    );
    expect(result.find((change) => change.question === 'connectTotalObjects' && change.answer === 'over100k')).toEqual(
      expect.objectContaining({
        tool: 'connect',
        connectInstall: 'custom',
        change: 'Objects Connect Sync will sync in total: "100,000 objects or more in total"',
      }),
    );
    // The largest domain no longer decides the install type (before, "100,000 to 150,000" forced custom here).
    expect(result.filter((change) => change.question === 'largestDomainObjects')).toEqual([]);
    // Filters and custom rules keep express; only group-based scoping needs the custom wizard.
    expect(result.filter((change) => change.question === 'customization').map((change) => change.change)).toEqual([
      'Sync customization: add "Scope by group membership"',
    ]);
  });

  it('never offers "Not sure" as a change and always agrees with re-running the engine', () => {
    for (const scenario of SCENARIOS) {
      const answers = answersOf(scenario);
      for (const change of recommend(answers).whatWouldChange) {
        expect(change.answer).not.toBe('notSure');
        const rerun = decide({ ...answers, [change.question]: change.answer });
        expect({ tool: rerun.tool, install: rerun.connectInstall }).toEqual({
          tool: change.tool,
          install: change.connectInstall,
        });
      }
    }
  });
});

describe('wording that must stay true to the facts', () => {
  const warningText = (answers: Partial<Answers>, id: string): string =>
    recommend({ ...BASELINE, ...answers }).warnings.find((warning) => warning.id === id)?.text ?? '';
  const installReasonText = (answers: Partial<Answers>, id: string): string =>
    recommend({ ...BASELINE, ...answers }).connectInstallReasons.find((reason) => reason.ruleId === id)?.explanation ??
    '';
  const assumptionText = (answers: Partial<Answers>, question: AnswerKey): string =>
    recommend({ ...BASELINE, ...answers }).assumptions.find((assumption) => assumption.question === question)
      ?.explanation ?? '';

  it.each<{ name: string; text: () => string; says: RegExp[]; never?: RegExp[] }>([
    {
      name: 'installer source: only the admin center path; the old Download Center links are named as stale, not as "outdated builds"',
      text: () => warningText({ devices: 'hybridJoin' }, 'connectInstallerSource'),
      says: [
        /only from the Microsoft Entra admin center/,
        /Entra ID > Entra Connect > Get started/,
        /Learn pages still link the old Download Center/,
      ],
      never: [/outdated builds/],
    },
    {
      name: '"Not sure" topology does not claim Cloud Sync fits every layout and names its limits',
      text: () => assumptionText({ forestTopology: 'notSure' }, 'forestTopology'),
      says: [/cross-forest references or merging/, /resource forest/, /each object in only one forest/],
      never: [/every forest layout/],
    },
    {
      name: 'express with attribute filtering: build it before the first export, then turn the scheduler on',
      text: () => warningText({ customization: ['attributeValueFiltering'] }, 'expressFiltersAndRulesBeforeFirstSync'),
      says: [
        /attribute-value filtering/,
        /before the first export/,
        /clear "Start the synchronization process"/,
        /then turn the sync scheduler on/,
      ],
    },
    {
      name: 'express with custom rules names the rules',
      text: () => warningText({ customization: ['advancedSyncRules'] }, 'expressFiltersAndRulesBeforeFirstSync'),
      says: [/custom sync rules/],
      never: [/attribute-value/],
    },
    {
      name: 'express beside Cloud Sync: one warning covers OU scope and the filters',
      text: () =>
        warningText(
          { otherNeeds: ['groupProvisioningToAd'], customization: ['attributeValueFiltering'] },
          'expressScopeBeforeFirstSync',
        ),
      says: [
        /leave out the OUs Cloud Sync owns/,
        /build your attribute-value filtering/,
        /clear "Start the synchronization process"/,
      ],
    },
    {
      name: 'custom because of a disconnected forest: Connect may sync one forest only, so express can still work',
      text: () =>
        installReasonText({ forestTopology: 'includesDisconnected', devices: 'hybridJoin' }, 'moreThanOneForest'),
      says: [
        /cannot tell how many forests the Connect server itself will sync/,
        /just one forest/,
        /fewer than 100,000 objects/,
        /password hash sync/,
        /Enterprise Admin/,
        /express works as well/,
      ],
    },
    {
      name: 'custom because of connected forests keeps the plain single-forest reason',
      text: () =>
        installReasonText({ forestTopology: 'multipleConnected', devices: 'hybridJoin' }, 'moreThanOneForest'),
      says: [/single forest only/],
      never: [/express works as well/],
    },
    {
      name: 'custom for size: the 100,000 limit is the total Connect syncs, not the largest domain',
      text: () => installReasonText({ devices: 'hybridJoin', connectTotalObjects: 'over100k' }, 'over100kObjects'),
      says: [
        /Connect will sync 100,000 objects or more/,
        /select-installation page/,
        /LocalDB is capped at 10 GB/,
        /prerequisites page/,
        /full SQL Server/,
      ],
      never: [/largest|per domain/i],
    },
    {
      name: 'express for size names the total',
      text: () =>
        recommend({ ...BASELINE, devices: 'hybridJoin' }).connectInstallReasons.find(
          (reason) => reason.ruleId === 'over100kObjects',
        )?.explanation ?? '',
      says: [/Fewer than 100,000 objects in your on-premises AD/, /select-installation page/],
    },
    {
      name: '"Not sure" about the Connect total explains the express limit',
      text: () => assumptionText({ devices: 'hybridJoin', connectTotalObjects: 'notSure' }, 'connectTotalObjects'),
      says: [/fewer than 100,000 objects in your on-premises AD/, /every domain Connect will sync/],
    },
    {
      name: 'device writeback: Cloud Sync has no such feature (no preview either)',
      text: () => warningText({ devices: 'deviceWritebackOrWhfbHybridTrust' }, 'deviceWritebackConnectOnly'),
      says: [/Cloud Sync has no device writeback/, /hybrid key or certificate trust/, /not even as a preview/],
    },
    {
      name: 'device sync preview task: Connect keeps the devices it reaches, the preview only covers the disconnected forest',
      text: () =>
        warningText({ forestTopology: 'includesDisconnected', devices: 'hybridJoin' }, 'deviceSyncPreviewTask'),
      says: [
        /Connect handles hybrid join for the devices in the forests its server reaches/,
        /disconnected forest/,
        /optional task/,
        /preview/,
      ],
    },
  ])('$name', ({ text, says, never }) => {
    const value = text();
    expect(value).not.toBe('');
    for (const pattern of says) expect(value).toMatch(pattern);
    for (const pattern of never ?? []) expect(value).not.toMatch(pattern);
  });

  it('the over-100,000 install rule reads the Connect total, the 150,000 capability rule the largest domain', () => {
    expect(INSTALL_RULES.find((rule) => rule.id === 'over100kObjects')?.question).toBe('connectTotalObjects');
    expect(CAPABILITY_RULES.find((rule) => rule.id === 'domainOver150k')?.question).toBe('largestDomainObjects');
    expect(INSTALL_RULES.filter((rule) => rule.question === 'largestDomainObjects')).toEqual([]);
  });

  it('has no install rule for filters or custom rules: express can take them before the first sync', () => {
    expect(INSTALL_RULES.map((rule) => rule.id)).not.toContain('advancedCustomization');
  });
});
