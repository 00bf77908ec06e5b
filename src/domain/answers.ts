/**
 * The admin's answers to the "choose the sync tool" questionnaire: the input of the decision engine
 * (`advisor.ts`). The facts behind each field are cited, with their Learn page, in advisorRules.ts.
 */
import { SHORT_TOOL_NAMES } from './toolNames';

/** The admin pressed "Not sure". The engine then takes the safe default and lists it as an assumption. */
export type NotSure = 'notSure';

/**
 * The question was never put to the admin because no answer to it could change the recommendation
 * (see `nextQuestion` in questions.ts). The engine treats it like "Not sure" but lists no assumption,
 * which is only correct for questions the questionnaire proved irrelevant; other callers should not use it.
 */
export type NotAsked = 'notAsked';

export type CurrentSync = 'none' | 'connect' | 'cloudSync' | 'both';
/** `belowMandatory`: older than 2.5.79.0, so sync stopped on 2026-09-30. `supportedOlder`: 2.5.79.0 or later, not the newest. */
export type ConnectBuild = 'belowMandatory' | 'supportedOlder' | 'current';
export type ConnectServerOs = 'ws2016OrOlder' | 'ws2019' | 'ws2022OrLater';
export type ForestTopology = 'single' | 'multipleConnected' | 'includesDisconnected';
export type DomainReach = 'all' | 'someUnreachable';
export type DomainObjectBand = 'under100k' | 'from100kTo150k' | 'over150k';
/** `upTo2k`: within the guided migration tool's limit of 2,000 in-scope objects; for the install type it is `under100k`. */
export type ConnectObjectTotal = 'upTo2k' | 'under100k' | 'over100k';
export type YesNo = 'yes' | 'no';
export type SignInMethod = 'phs' | 'ptaSetup' | 'federationSetup' | 'keepExistingPtaOrFederation';
export type DeviceNeed = 'none' | 'hybridJoin' | 'deviceWritebackOrWhfbHybridTrust';
export type CustomizationNeed =
  'attributeValueFiltering' | 'advancedSyncRules' | 'crossForestReferencesOrMerge' | 'groupBasedFiltering';
export type OtherNeed =
  | 'accountResourceForest'
  | 'groupProvisioningToAd'
  | 'entraDomainServices'
  | 'exchangeHybrid'
  | 'm365GroupWriteback'
  | 'highAvailability';

/** Every option of the multi-select questions, in the order they are offered. */
export const CUSTOMIZATION_NEEDS: readonly CustomizationNeed[] = [
  'attributeValueFiltering',
  'advancedSyncRules',
  'crossForestReferencesOrMerge',
  'groupBasedFiltering',
];
export const OTHER_NEEDS: readonly OtherNeed[] = [
  'accountResourceForest',
  'groupProvisioningToAd',
  'entraDomainServices',
  'exchangeHybrid',
  'm365GroupWriteback',
  'highAvailability',
];

/**
 * Everything the engine needs to choose between Microsoft Entra Cloud Sync and Microsoft Entra Connect
 * Sync, and for Connect between the express and custom install. Each field is one decision factor.
 * Multi-select fields hold the selected options; an empty array means "none of these".
 */
export interface Answers {
  /**
   * What syncs AD to Microsoft Entra ID today. Anything but `none` turns the recommendation into a path
   * from there (restore, stay and upgrade, migrate, or check Cloud Sync's health) instead of a new install.
   */
  currentSync: CurrentSync | NotSure | NotAsked;

  /** The running Connect Sync build, against the 2.5.79.0 floor of 2026-09-30 and the newest build. Only asked when Connect runs. */
  connectBuild: ConnectBuild | NotSure | NotAsked;

  /** Windows Server version of the running Connect server: decides upgrading in place or moving to a new server. */
  connectServerOs: ConnectServerOs | NotSure | NotAsked;

  /** Whether a second Connect server runs in staging mode: the fast, safe way to upgrade (swing migration). */
  connectStaging: YesNo | NotSure | NotAsked;

  /**
   * How the on-premises AD forests relate. `includesDisconnected`: a single sync server cannot reach the
   * domain controllers of at least one forest over the network, typically after an acquisition. A
   * missing trust alone does not make a forest disconnected; network reach does. Only Cloud Sync, with
   * an agent inside each forest, can sync such a forest alongside the others; Connect needs one server
   * that reaches every forest it syncs.
   */
  forestTopology: ForestTopology | NotSure | NotAsked;

  /**
   * For a single forest: whether the Connect server can reach every domain in it. A domain it cannot reach
   * needs the custom install (select-installation page), which leaves that domain unticked.
   */
  domainsReachable: DomainReach | NotSure | NotAsked;

  /**
   * Object count of the largest AD domain, for Cloud Sync's limit of 150,000 objects per domain (the two
   * bands below it decide the same). Says nothing about the Connect express install, whose limit is the
   * total Connect syncs: see `connectTotalObjects`.
   */
  largestDomainObjects: DomainObjectBand | NotSure | NotAsked;

  /** Whether any group that must sync has more than 50,000 members (the Cloud Sync group-size limit). */
  groupOver50kMembers: YesNo | NotSure | NotAsked;

  /**
   * How users will sign in to Microsoft Entra ID. `ptaSetup` / `federationSetup` (AD FS or PingFederate):
   * the sync tool is expected to set it up, which only Connect can do. `keepExistingPtaOrFederation`:
   * PTA or federation is already in place and stays as it is; Cloud Sync works beside it.
   */
  signIn: SignInMethod | NotSure | NotAsked;

  /**
   * Device needs. `hybridJoin`: Microsoft Entra hybrid join of domain-joined Windows devices in
   * production. `deviceWritebackOrWhfbHybridTrust`: device writeback, or Windows Hello for Business in
   * hybrid key or certificate trust (both imply hybrid join). Cloud Kerberos trust needs neither.
   */
  devices: DeviceNeed | NotSure | NotAsked;

  /**
   * Sync customization beyond domain/OU scoping. `groupBasedFiltering` (scoping by group membership) is
   * supported by both tools and only affects the Connect install type; the others are Connect-only
   * (and work with either Connect install type).
   */
  customization: readonly CustomizationNeed[] | NotSure | NotAsked;

  /**
   * Other requirements. `accountResourceForest` (accounts in one forest, mailboxes in a resource forest)
   * and `entraDomainServices` are Connect-only; `groupProvisioningToAd` (cloud groups written to AD) is
   * Cloud-Sync-only, and only for cloud *security* groups; `m365GroupWriteback` (Microsoft 365 groups written
   * back to AD by group writeback, usually for Exchange hybrid) is Connect-only: the Cloud Sync FAQ on provisioning
   * to AD supports neither mail-enabled groups nor distribution lists. `exchangeHybrid` and `highAvailability` are
   * served by both and only add warnings.
   */
  otherNeeds: readonly OtherNeed[] | NotSure | NotAsked;

  /**
   * Whether an Enterprise Admin account can be used during Connect setup. The express install requires
   * one; without it the custom install uses an existing AD DS connector account. Only asked when
   * Connect Sync is in play.
   */
  enterpriseAdminAvailable: YesNo | NotSure | NotAsked;

  /**
   * How many objects Connect Sync will sync in total, over every domain and forest it covers. Express
   * installs SQL Server Express LocalDB, capped at 10 GB (about 100,000 objects); more needs a full SQL
   * Server, which only the custom install sets up. Asked when a Connect install is in play, and when Connect
   * already runs and may move to Cloud Sync (the guided tool's limit is 2,000 in-scope objects).
   */
  connectTotalObjects: ConnectObjectTotal | NotSure | NotAsked;
}

export type AnswerKey = keyof Answers;

/** The answers in the order the questionnaire asks them; also the engine's reporting order. */
export const ANSWER_KEYS: readonly AnswerKey[] = [
  'currentSync',
  'connectBuild',
  'connectServerOs',
  'connectStaging',
  'forestTopology',
  'signIn',
  'devices',
  'largestDomainObjects',
  'groupOver50kMembers',
  'customization',
  'otherNeeds',
  'domainsReachable',
  'enterpriseAdminAvailable',
  'connectTotalObjects',
];

export const MULTI_SELECT_KEYS: ReadonlySet<AnswerKey> = new Set<AnswerKey>(['customization', 'otherNeeds']);

/** What each answer is about, for "which answer triggered this" lines. */
export const ANSWER_TOPICS: Record<AnswerKey, string> = {
  currentSync: 'What syncs today',
  connectBuild: 'Connect Sync build',
  connectServerOs: 'Connect server Windows version',
  connectStaging: 'Connect staging server',
  forestTopology: 'Forest topology',
  domainsReachable: 'Domains the sync server can reach',
  largestDomainObjects: 'Objects in the largest domain',
  groupOver50kMembers: 'Group with more than 50,000 members',
  signIn: 'Sign-in method',
  devices: 'Devices',
  customization: 'Sync customization',
  otherNeeds: 'Other needs',
  enterpriseAdminAvailable: 'Enterprise Admin account for setup',
  connectTotalObjects: 'Objects Connect Sync will sync in total',
};

/** Short, human labels for every concrete answer value; button titles and explanations reuse them. */
export const VALUE_LABELS = {
  currentSync: {
    none: 'Nothing yet',
    connect: SHORT_TOOL_NAMES.connect,
    cloudSync: SHORT_TOOL_NAMES.cloudSync,
    both: `Both ${SHORT_TOOL_NAMES.connect} and ${SHORT_TOOL_NAMES.cloudSync}`,
  },
  connectBuild: {
    belowMandatory: 'Older than 2.5.79.0',
    supportedOlder: '2.5.79.0 or later, but not the newest',
    current: 'The newest build',
  },
  connectServerOs: {
    ws2016OrOlder: 'Windows Server 2016 or older',
    ws2019: 'Windows Server 2019',
    ws2022OrLater: 'Windows Server 2022 or 2025',
  },
  connectStaging: { yes: 'Yes, a staging server runs', no: 'No staging server' },
  forestTopology: {
    single: 'One forest',
    multipleConnected: 'Several forests, all reachable from one server',
    includesDisconnected: 'Several forests, at least one disconnected (e.g. after an acquisition)',
  },
  domainsReachable: {
    all: 'Every domain is reachable',
    someUnreachable: 'At least one domain is not reachable',
  },
  largestDomainObjects: {
    under100k: 'Under 100,000 objects',
    from100kTo150k: '100,000 to 150,000 objects',
    over150k: 'Over 150,000 objects',
  },
  groupOver50kMembers: { yes: 'Yes', no: 'No' },
  signIn: {
    phs: 'Password hash sync',
    ptaSetup: 'Set up pass-through authentication',
    federationSetup: 'Set up federation (AD FS or PingFederate)',
    keepExistingPtaOrFederation: 'Keep the PTA or federation we already have',
  },
  devices: {
    none: 'No device needs',
    hybridJoin: 'Microsoft Entra hybrid join',
    deviceWritebackOrWhfbHybridTrust: 'Device writeback or Windows Hello for Business hybrid key/certificate trust',
  },
  customization: {
    attributeValueFiltering: 'Filter objects by attribute values',
    advancedSyncRules: 'Advanced custom sync rules',
    crossForestReferencesOrMerge: "Cross-forest references or merging one person's accounts across forests",
    groupBasedFiltering: 'Scope by group membership',
  },
  otherNeeds: {
    accountResourceForest: 'Accounts in one forest, mailboxes in a resource forest',
    groupProvisioningToAd: 'Provision cloud groups to AD',
    entraDomainServices: 'Microsoft Entra Domain Services',
    exchangeHybrid: 'Exchange hybrid',
    m365GroupWriteback: 'Write Microsoft 365 groups back to AD',
    highAvailability: 'High availability of the sync service',
  },
  enterpriseAdminAvailable: { yes: 'Yes', no: 'No' },
  connectTotalObjects: {
    upTo2k: 'Up to 2,000 objects in total',
    under100k: 'Under 100,000 objects in total',
    over100k: '100,000 objects or more in total',
  },
} as const satisfies Record<AnswerKey, Record<string, string>>;

export const NOT_SURE_LABEL = 'Not sure';
export const NONE_LABEL = 'None of these';

/** A readable rendering of any answer value, e.g. for the recorded answers or "what would change". */
export function describeAnswer(key: AnswerKey, value: Answers[AnswerKey]): string {
  if (value === 'notSure') return NOT_SURE_LABEL;
  // undefined: an answer set stored before this question existed.
  if (value === 'notAsked' || value === undefined) return 'Not asked';
  const labels: Record<string, string> = VALUE_LABELS[key];
  if (Array.isArray(value)) {
    return value.length === 0 ? NONE_LABEL : value.map((option) => labels[option] ?? option).join('; ');
  }
  return labels[value as string] ?? String(value);
}

function allSubsets<T>(options: readonly T[]): T[][] {
  return options.reduce<T[][]>((subsets, option) => subsets.concat(subsets.map((subset) => [...subset, option])), [[]]);
}

/**
 * Every value an admin can give for each answer ("Not sure" included, "not asked" excluded). The
 * questionnaire enumerates these to prove that skipping a question cannot change the outcome.
 */
export const POSSIBLE_VALUES: { readonly [K in AnswerKey]: readonly Answers[K][] } = {
  currentSync: ['none', 'connect', 'cloudSync', 'both', 'notSure'],
  connectBuild: ['belowMandatory', 'supportedOlder', 'current', 'notSure'],
  connectServerOs: ['ws2016OrOlder', 'ws2019', 'ws2022OrLater', 'notSure'],
  connectStaging: ['yes', 'no', 'notSure'],
  forestTopology: ['single', 'multipleConnected', 'includesDisconnected', 'notSure'],
  domainsReachable: ['all', 'someUnreachable', 'notSure'],
  largestDomainObjects: ['under100k', 'from100kTo150k', 'over150k', 'notSure'],
  groupOver50kMembers: ['yes', 'no', 'notSure'],
  signIn: ['phs', 'ptaSetup', 'federationSetup', 'keepExistingPtaOrFederation', 'notSure'],
  devices: ['none', 'hybridJoin', 'deviceWritebackOrWhfbHybridTrust', 'notSure'],
  customization: [...allSubsets(CUSTOMIZATION_NEEDS), 'notSure'],
  otherNeeds: [...allSubsets(OTHER_NEEDS), 'notSure'],
  enterpriseAdminAvailable: ['yes', 'no', 'notSure'],
  connectTotalObjects: ['upTo2k', 'under100k', 'over100k', 'notSure'],
};
