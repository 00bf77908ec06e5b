/**
 * The advisor's rule tables: what each answer means for the tool, the Connect install type, the path from
 * what runs today, and the warnings. Pure data plus small predicates; the engine that runs them is
 * `advisor.ts`. Every fact carries a link (learnLinks.ts) to the Learn page that states it: the tool
 * comparison, the install types, existing deployments and the late-2026 corrections.
 */
import type {
  AnswerKey,
  Answers,
  ConnectBuild,
  ConnectObjectTotal,
  ConnectServerOs,
  CurrentSync,
  CustomizationNeed,
  DeviceNeed,
  DomainObjectBand,
  DomainReach,
  ForestTopology,
  OtherNeed,
  SignInMethod,
  YesNo,
} from './answers';
import { LEARN } from './learnLinks';

export type SyncTool = 'cloudSync' | 'connect' | 'both';
export type ConnectInstallType = 'express' | 'custom';
/** A single tool a capability points to; "both" is only ever an outcome, never a requirement. */
export type SingleTool = Exclude<SyncTool, 'both'>;
/** The tracks that start from a deployment that already syncs, in the order they are worked. */
export type PathTrack = 'restoreSync' | 'connectUpgrade' | 'migrateToCloudSync' | 'cloudSyncHealth';
export const PATH_TRACKS: readonly PathTrack[] = [
  'restoreSync',
  'connectUpgrade',
  'migrateToCloudSync',
  'cloudSyncHealth',
];
/** How Connect moves to Cloud Sync: Microsoft's guided tool where its limits fit, otherwise a pilot OU and waves. */
export type MigrationMethod = 'guidedTool' | 'pilotByOu';
/** How a running Connect server gets the newest build: on the same server, or by switching to an upgraded staging server. */
export type UpgradeMethod = 'inPlace' | 'swingWithStaging' | 'swingToNewServer';

/** The answers after every "Not sure" (or skipped question) has been replaced by the value the engine works with. */
export interface ResolvedAnswers {
  currentSync: CurrentSync;
  connectBuild: ConnectBuild;
  connectServerOs: ConnectServerOs;
  connectStaging: YesNo;
  forestTopology: ForestTopology;
  domainsReachable: DomainReach;
  largestDomainObjects: DomainObjectBand;
  groupOver50kMembers: YesNo;
  signIn: SignInMethod;
  devices: DeviceNeed;
  customization: readonly CustomizationNeed[];
  otherNeeds: readonly OtherNeed[];
  enterpriseAdminAvailable: YesNo;
  connectTotalObjects: ConnectObjectTotal;
}

// ---------------------------------------------------------------------------------------------------
// "Not sure": what the engine assumes, how to find out, and when an unknown may not decide.

/** The questions that decide between the tools; install-type and current-state questions are not among them. */
export const TOOL_QUESTIONS: readonly AnswerKey[] = [
  'forestTopology',
  'signIn',
  'devices',
  'largestDomainObjects',
  'groupOver50kMembers',
  'customization',
  'otherNeeds',
];

/**
 * With no real answer needing Connect Sync, up to this many "Not sure" answers on the tool questions follow
 * Microsoft's default (Cloud Sync) and are listed to confirm; with more, the answers no longer point clearly
 * anywhere and each unknown takes its safe value.
 */
export const MAX_UNKNOWNS_FOLLOWING_DEFAULT = 2;

export interface UnknownRule<K extends AnswerKey> {
  /** The value that never lands on a tool that fails the job; the price is sometimes a heavier tool. */
  safe(answers: Answers): ResolvedAnswers[K];
  /** The value Microsoft's default assumes, used while the other answers point clearly to Cloud Sync; absent: always safe. */
  followingDefault?: ResolvedAnswers[K];
  explanation: string;
  /** One line: where to look to answer the question for real. */
  check: string;
}

export const UNKNOWN_RULES: { [K in AnswerKey]: UnknownRule<K> } = {
  currentSync: {
    safe: () => 'none',
    explanation:
      'Planned as a first installation. If Connect Sync or Cloud Sync already syncs this tenant, the plan must start from it instead.',
    check:
      'Entra admin center > Entra ID > Entra Connect: the Connect sync and Cloud sync pages show what syncs and when it last ran.',
  },
  connectBuild: {
    safe: () => 'belowMandatory',
    explanation:
      'Assumed older than 2.5.79.0, so the plan starts by restoring sync. If the build is newer, skip those tasks.',
    check:
      'On the Connect server: Programs and Features lists Microsoft Entra Connect Sync with its version; Synchronization Service Manager > Help > About shows it too.',
  },
  connectServerOs: {
    safe: () => 'ws2016OrOlder',
    explanation:
      'Assumed Windows Server 2016 or older, whose extended support ends on 12 January 2027, so the plan moves Connect to a new server.',
    check: 'On the Connect server, run winver (or look at Settings > System > About).',
  },
  connectStaging: {
    safe: () => 'no',
    explanation: 'Assumed there is no staging server, so the upgrade happens on the active server or on a new one.',
    check: 'Run Get-ADSyncScheduler on each Connect server: StagingModeEnabled True marks the staging server.',
  },
  forestTopology: {
    safe: () => 'includesDisconnected',
    explanation:
      'Assumed that one of your forests may be out of reach of a single sync server. A Connect server syncs only forests it can reach over the network, ' +
      'while a Cloud Sync agent runs inside each forest, so if Connect is needed, Cloud Sync is planned beside it for any forest Connect cannot reach. ' +
      'Cloud Sync has topology limits of its own (no cross-forest references or merging, no account/resource forest split, each object in only one forest); the other questions check those.',
    check:
      'Active Directory Domains and Trusts lists your forests; test from the planned sync server that it reaches a domain controller of each one.',
  },
  domainsReachable: {
    safe: () => 'someUnreachable',
    explanation:
      "Assumed a domain may be out of the Connect server's reach, which needs the custom install; express needs every domain reachable.",
    check: 'From the sync server, run nltest /dsgetdc:<domain> for every domain of the forest.',
  },
  largestDomainObjects: {
    safe: () => 'over150k',
    followingDefault: 'under100k',
    explanation: 'Cloud Sync stops at 150,000 objects per domain, Connect has no such limit.',
    check:
      'Count the users, groups, contacts and computers of your largest domain, e.g. (Get-ADObject -Filter * -SearchBase <domain DN>).Count.',
  },
  groupOver50kMembers: {
    safe: () => 'yes',
    followingDefault: 'no',
    explanation: 'Cloud Sync syncs groups of up to 50,000 members; Connect goes up to 250,000.',
    check: 'Find your largest group: (Get-ADGroup <name> -Properties member).member.Count.',
  },
  signIn: {
    safe: () => 'ptaSetup',
    followingDefault: 'phs',
    explanation:
      'Only Connect can set up pass-through authentication or federation. If password hash sync is enough, or existing PTA/federation stays as it is, Cloud Sync fits.',
    check:
      'Entra admin center > Entra ID > Entra Connect shows which sign-in methods (password hash sync, pass-through authentication, federation) are on.',
  },
  devices: {
    safe: () => 'deviceWritebackOrWhfbHybridTrust',
    followingDefault: 'none',
    explanation:
      'Connect supports hybrid join, device writeback and Windows Hello for Business hybrid key/certificate trust in production. Cloud Sync has only a device sync preview for hybrid join, and no device writeback or hybrid trust at all.',
    check: 'Entra admin center > Devices > All devices: filter the join type for "Microsoft Entra hybrid joined".',
  },
  customization: {
    safe: () => ['attributeValueFiltering', 'advancedSyncRules'],
    followingDefault: [],
    explanation:
      'Full attribute-value filtering and custom sync rules exist only in Connect; without them Cloud Sync fits.',
    check:
      'On a Connect server, the Synchronization Rules Editor lists custom rules (those without the "standard" tag); the wizard shows any filtering.',
  },
  otherNeeds: {
    // A resource forest is only plausible when the admin has not said there is exactly one forest.
    safe: (answers) =>
      answers.forestTopology === 'single' ? ['entraDomainServices'] : ['accountResourceForest', 'entraDomainServices'],
    followingDefault: [],
    explanation:
      'Entra Domain Services, Microsoft 365 group writeback and account/resource forest splits need Connect. Group provisioning to AD is not assumed: Cloud Sync can add it next to either tool later.',
    check:
      'Azure portal: search "Microsoft Entra Domain Services" for a managed domain; the Connect wizard\'s Optional features page shows group writeback.',
  },
  enterpriseAdminAvailable: {
    safe: () => 'no',
    explanation:
      'The custom install works with an existing AD DS connector account, so it does not depend on an Enterprise Admin account; express does.',
    check: 'Ask who holds Enterprise Admins membership in the forest root domain, and whether they can join the setup.',
  },
  connectTotalObjects: {
    safe: () => 'over100k',
    explanation:
      'Express assumes fewer than 100,000 objects in your on-premises AD; more calls for the custom install with a full SQL Server. ' +
      'Count the objects in every domain Connect will sync to see whether express fits.',
    check:
      'Add up (Get-ADObject -Filter *).Count over every domain Connect syncs, or read the connector space totals in Synchronization Service Manager.',
  },
};

// ---------------------------------------------------------------------------------------------------
// Tool rules.

export interface CapabilityRule {
  id: string;
  capability: string;
  /** The answer this rule reads; absent for the preference rule, which reads all of them. */
  question?: AnswerKey;
  /** For multi-select answers: the option that triggers the rule, so the factor can name it. */
  option?: CustomizationNeed | OtherNeed;
  applies(answers: ResolvedAnswers): boolean;
  effect: 'requiresConnect' | 'requiresCloudSync' | 'prefersCloudSync';
  link: string;
  /**
   * The page that compares the two tools on this point, where `link` is a page about the point itself: the guide's
   * answer to "does Cloud Sync do X" cites both.
   */
  comparedIn?: string;
  explanation: string;
  /** For Connect-only needs: what would let a Connect deployment move to Cloud Sync. */
  moveWhen?: string;
}

const CONNECT_ONLY_RULES: readonly CapabilityRule[] = [
  {
    id: 'ptaSetup',
    capability: 'Setting up pass-through authentication',
    question: 'signIn',
    applies: (a) => a.signIn === 'ptaSetup',
    effect: 'requiresConnect',
    link: LEARN.cloudSyncDecisionGuide,
    explanation:
      'The Connect wizard installs and configures pass-through authentication. Cloud Sync has no such option (PTA that already runs keeps working beside it).',
    moveWhen:
      'Move sign-in to password hash sync, or manage the PTA agents apart from the sync tool: PTA that runs keeps working beside Cloud Sync.',
  },
  {
    id: 'federationSetup',
    capability: 'Setting up federation (AD FS or PingFederate)',
    question: 'signIn',
    applies: (a) => a.signIn === 'federationSetup',
    effect: 'requiresConnect',
    link: LEARN.cloudSyncDecisionGuide,
    explanation:
      'Connect can configure an AD FS or PingFederate federation. Cloud Sync works with domains that are already federated but cannot set federation up.',
    moveWhen:
      'Manage federation with AD FS tools instead of the Connect wizard, or move the domains to managed sign-in (password hash sync).',
  },
  {
    id: 'hybridJoin',
    capability: 'Microsoft Entra hybrid join in production',
    question: 'devices',
    applies: (a) => a.devices === 'hybridJoin',
    effect: 'requiresConnect',
    link: LEARN.cloudSyncDeviceSync,
    comparedIn: LEARN.cloudSyncDecisionGuide,
    explanation:
      'Connect syncs the computer objects that hybrid join relies on as a supported feature. Cloud Sync can do this only through its device sync preview, which is not meant for production.',
    moveWhen: 'Cloud Sync device sync becomes generally available, or the devices move to Microsoft Entra join.',
  },
  {
    id: 'deviceWritebackOrWhfbHybridTrust',
    capability: 'Device writeback or Windows Hello for Business hybrid key/certificate trust',
    question: 'devices',
    applies: (a) => a.devices === 'deviceWritebackOrWhfbHybridTrust',
    effect: 'requiresConnect',
    link: LEARN.commonScenarios,
    comparedIn: LEARN.cloudSyncDecisionGuide,
    explanation:
      'Writing devices back to AD and the hybrid key or certificate trust deployments of Windows Hello for Business are Connect features. With Cloud Sync, Microsoft suggests the cloud Kerberos trust deployment instead.',
    moveWhen: 'Windows Hello for Business moves to cloud Kerberos trust, which needs no device writeback.',
  },
  {
    id: 'domainOver150k',
    capability: 'More than 150,000 objects in one AD domain',
    question: 'largestDomainObjects',
    applies: (a) => a.largestDomainObjects === 'over150k',
    effect: 'requiresConnect',
    link: LEARN.cloudSyncDecisionGuide,
    explanation: 'Cloud Sync supports up to 150,000 objects per AD domain; Connect has no per-domain limit.',
    moveWhen: 'Every domain you sync drops below 150,000 objects, or Cloud Sync raises its per-domain limit.',
  },
  {
    id: 'groupOver50k',
    capability: 'Groups with more than 50,000 members',
    question: 'groupOver50kMembers',
    applies: (a) => a.groupOver50kMembers === 'yes',
    effect: 'requiresConnect',
    link: LEARN.cloudSyncDecisionGuide,
    explanation: 'Cloud Sync syncs groups of up to 50,000 members; Connect handles groups of up to 250,000.',
    moveWhen: 'The large groups are split below 50,000 members or managed in the cloud.',
  },
  {
    id: 'attributeValueFiltering',
    capability: 'Filtering objects by attribute values',
    question: 'customization',
    option: 'attributeValueFiltering',
    applies: (a) => a.customization.includes('attributeValueFiltering'),
    effect: 'requiresConnect',
    link: LEARN.cloudSyncDecisionGuide,
    explanation:
      "Connect keeps objects in or out of sync on any attribute value. Microsoft rates Cloud Sync's attribute-based filtering as limited: it offers basic scoping, not full attribute filtering.",
    moveWhen: 'The filter can be expressed as OU scoping, or as the basic attribute scoping Cloud Sync offers.',
  },
  {
    id: 'advancedSyncRules',
    capability: 'Advanced custom sync rules',
    question: 'customization',
    option: 'advancedSyncRules',
    applies: (a) => a.customization.includes('advancedSyncRules'),
    effect: 'requiresConnect',
    link: LEARN.cloudSyncDecisionGuide,
    explanation:
      'Connect has a full sync rule engine for custom joins, flows and precedence. Cloud Sync offers attribute mappings and expressions, not custom rules.',
    moveWhen:
      'Each custom rule can be rebuilt as a Cloud Sync attribute mapping or expression, or is no longer needed.',
  },
  {
    id: 'crossForestReferencesOrMerge',
    capability: "Cross-forest references or merging one person's accounts across forests",
    question: 'customization',
    option: 'crossForestReferencesOrMerge',
    applies: (a) => a.customization.includes('crossForestReferencesOrMerge'),
    effect: 'requiresConnect',
    link: LEARN.cloudSyncTopologies,
    comparedIn: LEARN.cloudSyncDecisionGuide,
    explanation:
      'Connect can match one person across forests and resolve references between forests. Cloud Sync expects every object to be unique across forests and resolves references only within a forest.',
    moveWhen: 'Each person exists in one forest only and references (such as manager) stay within a forest.',
  },
  {
    id: 'accountResourceForest',
    capability: 'User accounts in one forest, mailboxes in a resource forest',
    question: 'otherNeeds',
    option: 'accountResourceForest',
    applies: (a) => a.otherNeeds.includes('accountResourceForest'),
    effect: 'requiresConnect',
    link: LEARN.commonScenarios,
    explanation:
      'Splitting accounts and their mailboxes across an account forest and a resource forest is supported by Connect only.',
    moveWhen: 'The resource forest is retired, with mailboxes beside their accounts or in Exchange Online.',
  },
  {
    id: 'entraDomainServices',
    capability: 'Microsoft Entra Domain Services',
    question: 'otherNeeds',
    option: 'entraDomainServices',
    applies: (a) => a.otherNeeds.includes('entraDomainServices'),
    effect: 'requiresConnect',
    link: LEARN.domainServicesPasswordHashSync,
    explanation:
      'Domain Services needs the legacy NTLM and Kerberos password hashes of synced users, and Microsoft documents syncing them only with Connect Sync.',
    moveWhen: 'The managed domain is retired, or Microsoft documents Cloud Sync for Domain Services.',
  },
  {
    id: 'm365GroupWriteback',
    capability: 'Writing Microsoft 365 groups back to AD',
    question: 'otherNeeds',
    option: 'm365GroupWriteback',
    applies: (a) => a.otherNeeds.includes('m365GroupWriteback'),
    effect: 'requiresConnect',
    link: LEARN.cloudSyncProvisionToAdFaq,
    explanation:
      "Connect's group writeback puts Microsoft 365 groups into AD, typically for Exchange hybrid. Cloud Sync provisions only cloud security groups to AD; mail-enabled groups and distribution lists are not supported.",
    moveWhen:
      'Nothing on-premises needs the Microsoft 365 groups any more, or the groups that matter become cloud security groups.',
  },
];

const CLOUD_SYNC_ONLY_RULES: readonly CapabilityRule[] = [
  {
    id: 'disconnectedForests',
    capability: 'A forest that one sync server cannot reach over the network',
    question: 'forestTopology',
    applies: (a) => a.forestTopology === 'includesDisconnected',
    effect: 'requiresCloudSync',
    link: LEARN.cloudSyncTopologies,
    comparedIn: LEARN.cloudSyncDecisionGuide,
    explanation:
      'Cloud Sync agents run inside each forest and talk only to the cloud, so unconnected forests can feed one tenant. A Connect server must reach every forest it syncs.',
  },
  {
    id: 'groupProvisioningToAd',
    capability: 'Provisioning cloud security groups to AD',
    question: 'otherNeeds',
    option: 'groupProvisioningToAd',
    applies: (a) => a.otherNeeds.includes('groupProvisioningToAd'),
    effect: 'requiresCloudSync',
    link: LEARN.cloudSyncDecisionGuide,
    explanation:
      'Writing security groups created in Microsoft Entra ID into AD is a Cloud Sync feature; Connect does not offer it.',
  },
];

export function needsConnect(answers: ResolvedAnswers): boolean {
  return CONNECT_ONLY_RULES.some((rule) => rule.applies(answers));
}

const PREFERENCE_RULE: CapabilityRule = {
  id: 'preferCloudSync',
  capability: "Microsoft's recommended sync tool",
  applies: (a) => !needsConnect(a),
  effect: 'prefersCloudSync',
  link: LEARN.cloudSyncDecisionGuide,
  explanation:
    'Microsoft builds new sync features on Cloud Sync and recommends it wherever it fits; starting there avoids a migration later.',
};

/** Every tool rule, in reporting order: Connect-only, Cloud-Sync-only, then the preference. */
export const CAPABILITY_RULES: readonly CapabilityRule[] = [
  ...CONNECT_ONLY_RULES,
  ...CLOUD_SYNC_ONLY_RULES,
  PREFERENCE_RULE,
];

// ---------------------------------------------------------------------------------------------------
// Connect install rules: any rule that applies rules out express.

export interface InstallRule {
  id: string;
  question: AnswerKey;
  /** For multi-select answers: the option that triggers the rule, so the reason can name it. */
  option?: CustomizationNeed | OtherNeed;
  /** True when this condition rules out express. */
  needsCustom(answers: ResolvedAnswers): boolean;
  /** Why custom, when `needsCustom` holds; a function when the reason reads differently per outcome. */
  customExplanation: string | ((answers: ResolvedAnswers, tool: SyncTool) => string);
  /** The express precondition this rule checks, shown when express is chosen; absent if not a stated precondition. */
  expressExplanation?: string;
  link: string;
}

export const INSTALL_RULES: readonly InstallRule[] = [
  {
    id: 'moreThanOneForest',
    question: 'forestTopology',
    needsCustom: (a) => a.forestTopology !== 'single',
    customExplanation: (a, tool) =>
      tool === 'both' && a.forestTopology === 'includesDisconnected'
        ? 'With a disconnected forest in the picture, these answers cannot tell how many forests the Connect server itself will sync, so custom is the safe plan. ' +
          'If Connect ends up syncing just one forest, with fewer than 100,000 objects, password hash sync and an Enterprise Admin for setup, express works as well.'
        : 'Express handles a single forest only; adding further forests is a custom-install step.',
    expressExplanation: 'There is one AD forest.',
    link: LEARN.connectSelectInstall,
  },
  {
    // Only a single forest can still be express; with several, moreThanOneForest already says custom.
    id: 'unreachableDomain',
    question: 'domainsReachable',
    needsCustom: (a) => a.forestTopology === 'single' && a.domainsReachable === 'someUnreachable',
    customExplanation:
      "A domain of your forest is out of the Connect server's reach. Microsoft puts that case on the custom path, where the unreachable domain is left unticked on the domain and OU filtering page.",
    expressExplanation: 'The sync server reaches every domain of the forest.',
    link: LEARN.connectSelectInstall,
  },
  {
    id: 'resourceForest',
    question: 'otherNeeds',
    option: 'accountResourceForest',
    needsCustom: (a) => a.otherNeeds.includes('accountResourceForest'),
    customExplanation:
      'An account forest plus a resource forest means two forests to connect, which express cannot do.',
    link: LEARN.connectCustom,
  },
  {
    id: 'noEnterpriseAdmin',
    question: 'enterpriseAdminAvailable',
    needsCustom: (a) => a.enterpriseAdminAvailable === 'no',
    customExplanation:
      'Express needs Enterprise Admin credentials to create its connector account; custom can use an existing AD DS connector account instead.',
    expressExplanation: 'An Enterprise Admin account is available during setup.',
    link: LEARN.connectAccounts,
  },
  {
    id: 'ptaOrFederationSignIn',
    question: 'signIn',
    needsCustom: (a) => a.signIn === 'ptaSetup' || a.signIn === 'federationSetup',
    customExplanation:
      'Express always configures password hash sync; pass-through authentication and federation are chosen on the custom sign-in page.',
    expressExplanation: 'Sign-in uses password hash sync, which is what express configures.',
    link: LEARN.connectCustom,
  },
  {
    id: 'keepExistingSignIn',
    question: 'signIn',
    needsCustom: (a) => a.signIn === 'keepExistingPtaOrFederation',
    customExplanation:
      'Express would set sign-in up as password hash sync; custom offers "Do not configure", which leaves the existing PTA or federation untouched.',
    link: LEARN.connectCustom,
  },
  {
    // The select-installation page states the express criterion; the LocalDB cap behind it is on the prerequisites page.
    id: 'over100kObjects',
    question: 'connectTotalObjects',
    needsCustom: (a) => a.connectTotalObjects === 'over100k',
    customExplanation:
      'Connect will sync 100,000 objects or more. The select-installation page puts that on the custom path with a full SQL Server; ' +
      "express's SQL Server Express LocalDB is capped at 10 GB, about 100,000 objects (prerequisites page).",
    expressExplanation:
      'Fewer than 100,000 objects in your on-premises AD, the limit the select-installation page gives for express.',
    link: LEARN.connectSelectInstall,
  },
  {
    id: 'groupBasedFiltering',
    question: 'customization',
    option: 'groupBasedFiltering',
    needsCustom: (a) => a.customization.includes('groupBasedFiltering'),
    customExplanation: 'Scoping by group membership is set on a page that only the custom install shows.',
    expressExplanation: 'Domain and OU scoping are enough.',
    link: LEARN.connectSelectInstall,
  },
];

// ---------------------------------------------------------------------------------------------------
// Paths from what runs today.

export function connectRuns(current: CurrentSync): boolean {
  return current === 'connect' || current === 'both';
}

export function cloudSyncRuns(current: CurrentSync): boolean {
  return current === 'cloudSync' || current === 'both';
}

/** The tracks a deployment that already syncs works through to reach `tool`, in working order. */
export function pathTracksFor(resolved: ResolvedAnswers, tool: SyncTool): PathTrack[] {
  const current = resolved.currentSync;
  const tracks: PathTrack[] = [];
  if (connectRuns(current)) {
    if (resolved.connectBuild === 'belowMandatory') tracks.push('restoreSync');
    tracks.push(tool === 'cloudSync' ? 'migrateToCloudSync' : 'connectUpgrade');
  }
  if (cloudSyncRuns(current)) tracks.push('cloudSyncHealth');
  return tracks;
}

/**
 * The guided tool's limits (migrate-connect-sync-cloud-sync-tool, 2026-09-16): one forest, at most 2,000
 * objects in scope, OU scoping, no custom rules or group filtering. Only real answers count: an unknown
 * sends the plan down the pilot path, which works at any size.
 */
export function migrationMethodFor(answers: Answers): MigrationMethod {
  const customization = answers.customization;
  const blocked =
    !Array.isArray(customization) ||
    customization.includes('advancedSyncRules') ||
    customization.includes('groupBasedFiltering');
  return answers.forestTopology === 'single' && answers.connectTotalObjects === 'upTo2k' && !blocked
    ? 'guidedTool'
    : 'pilotByOu';
}

export function upgradeMethodFor(resolved: ResolvedAnswers, restoring: boolean): UpgradeMethod {
  if (resolved.connectStaging === 'yes') return 'swingWithStaging';
  // Sync has stopped: upgrading the server that exists is the quickest way back; a new server can follow.
  if (restoring) return 'inPlace';
  // Swing migration is how Microsoft moves Connect to a newer Windows Server; in place suits a single server under ~100,000 objects.
  if (resolved.connectServerOs === 'ws2016OrOlder' || resolved.connectTotalObjects === 'over100k')
    return 'swingToNewServer';
  return 'inPlace';
}

// ---------------------------------------------------------------------------------------------------
// Warnings.

/** Customizations an express install can take on, as long as they are in place before the first export. */
const EXPRESS_CUSTOMIZATION_WORDS: Partial<Record<CustomizationNeed, string>> = {
  attributeValueFiltering: 'attribute-value filtering',
  advancedSyncRules: 'custom sync rules',
};

export function expressCustomizations(resolved: ResolvedAnswers): string[] {
  return (Object.keys(EXPRESS_CUSTOMIZATION_WORDS) as CustomizationNeed[]).flatMap((need) =>
    resolved.customization.includes(need) ? [EXPRESS_CUSTOMIZATION_WORDS[need]!] : [],
  );
}

/** What a warning may look at. `connectInstall` is set only when the plan installs Connect anew. */
export interface WarningContext {
  /** As given, so a rule can tell a real answer from a "Not sure" default. */
  answers: Answers;
  resolved: ResolvedAnswers;
  tool: SyncTool;
  connectInstall?: ConnectInstallType;
  deviceSyncPreview: boolean;
  paths: readonly PathTrack[];
  migrationMethod?: MigrationMethod;
  /** Connect runs today or will be installed. */
  connectInPlay: boolean;
  /** Cloud Sync runs today or will be installed. */
  cloudSyncInPlay: boolean;
}

export interface WarningRule {
  id: string;
  applies(context: WarningContext): boolean;
  text(context: WarningContext): string;
  link?: string;
}

export const WARNING_RULES: readonly WarningRule[] = [
  {
    id: 'checkWhatRunsToday',
    applies: (c) => c.answers.currentSync === 'notSure',
    text: () =>
      'Before installing anything, check whether this tenant already syncs (Entra ID > Entra Connect). A second tool syncing the same objects would fight the first; if one runs, say "start over" and answer with it.',
    link: LEARN.cloudSyncTopologies,
  },
  {
    id: 'connectMinimumBuild',
    applies: (c) => c.connectInPlay && !c.paths.includes('restoreSync'),
    text: () =>
      'Run the newest Connect Sync build. 2.5.79.0 was the minimum for the 30 September 2026 cut-off, when older servers stopped syncing, ' +
      'but each build is retired 12 months after a newer one ships, so that floor keeps moving: check the version history.',
    link: LEARN.connectVersionHistory,
  },
  {
    id: 'connectInstallerSource',
    // Anyone about to run the Connect installer: a new install, a restore or an upgrade.
    applies: (c) =>
      c.connectInstall !== undefined || c.paths.includes('restoreSync') || c.paths.includes('connectUpgrade'),
    text: () =>
      'Download the Connect installer only from the Microsoft Entra admin center (Entra ID > Entra Connect > Get started). Some Learn pages still link the old Download Center page; do not use it.',
    link: LEARN.connectDownloadAdminCenter,
  },
  {
    id: 'windowsServer2016EndOfSupport',
    applies: (c) =>
      connectRuns(c.resolved.currentSync) &&
      c.resolved.connectServerOs === 'ws2016OrOlder' &&
      !c.paths.includes('migrateToCloudSync'),
    text: () =>
      "Windows Server 2016's extended support ends on 12 January 2027. A sync server is Tier 0: move Connect to Windows Server 2022 or 2025 with a swing migration.",
    link: LEARN.windowsServer2016Lifecycle,
  },
  {
    // Exclusive with deviceSyncPreviewTask, which says the same and adds where the preview fits.
    id: 'hybridJoinPreviewOnCloudSync',
    applies: (c) => c.resolved.devices === 'hybridJoin' && c.tool !== 'cloudSync' && !c.deviceSyncPreview,
    text: () =>
      'Cloud Sync has a device sync feature for hybrid join, but it is a preview. That is why the device part of this plan sits with Connect.',
    link: LEARN.cloudSyncDeviceSync,
  },
  {
    id: 'deviceSyncPreviewTask',
    applies: (c) => c.deviceSyncPreview,
    text: () =>
      "Connect handles hybrid join for the devices in the forests its server reaches. Devices in the disconnected forest are beyond it, so the plan adds Cloud Sync's device sync for them as an optional task. It is a preview: pilot it, and do not rely on it in production yet.",
    link: LEARN.cloudSyncDeviceSync,
  },
  {
    id: 'deviceWritebackConnectOnly',
    applies: (c) => c.resolved.devices === 'deviceWritebackOrWhfbHybridTrust' && c.tool !== 'cloudSync',
    text: (c) =>
      'Cloud Sync has no device writeback and no support for Windows Hello for Business hybrid key or certificate trust, not even as a preview, so this part of the plan sits with Connect' +
      (c.tool === 'both' && c.resolved.forestTopology === 'includesDisconnected'
        ? ' and covers only the forests its server reaches.'
        : '.') +
      ' Windows Hello for Business with cloud Kerberos trust needs neither.',
    link: LEARN.commonScenarios,
  },
  {
    id: 'coexistenceDisjointScopes',
    applies: (c) =>
      c.tool === 'both' || (c.connectInPlay && c.cloudSyncInPlay && !c.paths.includes('migrateToCloudSync')),
    text: () =>
      "Keep the two tools' scopes apart: every OU, and so every object, gets exactly one owner. Neither tool takes precedence over the other, so an object in both scopes would receive conflicting updates.",
    link: LEARN.cloudSyncTopologies,
  },
  {
    id: 'cloudSyncScopeMoveRecreates',
    applies: (c) => cloudSyncRuns(c.resolved.currentSync) && c.connectInstall !== undefined,
    text: () =>
      'Cloud Sync already syncs here. Moving a user from an OU Cloud Sync owns into one Connect owns deletes the user in Entra ID and creates a new one, so hand OUs over deliberately, not by moving users.',
    link: LEARN.cloudSyncFaq,
  },
  {
    id: 'connectReachesOnlyConnectedForests',
    applies: (c) => c.tool === 'both' && c.resolved.forestTopology === 'includesDisconnected',
    text: () =>
      'Connect can only sync forests its server reaches over the network. If a Connect-only need exists inside the disconnected forest, it cannot be met there until that forest becomes reachable from the Connect server.',
    link: LEARN.cloudSyncTopologies,
  },
  {
    id: 'connectHighAvailabilityIsManual',
    applies: (c) => c.connectInPlay && c.tool !== 'cloudSync' && c.resolved.otherNeeds.includes('highAvailability'),
    text: () =>
      'Connect runs one active server; its high availability is a staging server that you switch over manually. Cloud Sync agents fail over on their own (Microsoft suggests three).',
    link: LEARN.connectStagingServer,
  },
  {
    id: 'm365GroupWritebackStaysOnConnect',
    applies: (c) => c.resolved.otherNeeds.includes('m365GroupWriteback') && c.tool !== 'cloudSync',
    text: () =>
      'Keep Microsoft 365 group writeback on Connect. Turning group writeback off makes the next full sync delete the groups Connect wrote to AD.',
    link: LEARN.cloudSyncProvisionToAdFaq,
  },
  {
    id: 'cloudSyncExchangeHybridAgent',
    applies: (c) => c.cloudSyncInPlay && c.tool !== 'connect' && c.resolved.otherNeeds.includes('exchangeHybrid'),
    text: () =>
      'Exchange hybrid writeback through Cloud Sync needs provisioning agent 1.1.1107.0 or later and the Exchange schema extensions in AD.',
    link: LEARN.cloudSyncExchangeHybrid,
  },
  {
    id: 'cloudSyncGroupProvisioningAgent',
    applies: (c) =>
      c.cloudSyncInPlay && c.tool !== 'connect' && c.resolved.otherNeeds.includes('groupProvisioningToAd'),
    text: () => 'Group provisioning to AD needs provisioning agent 1.1.1370.0 or later, the release that added it.',
    link: LEARN.cloudSyncAgentVersions,
  },
  {
    id: 'keepExistingSignIn',
    applies: (c) => c.resolved.signIn === 'keepExistingPtaOrFederation',
    text: (c) =>
      c.connectInstall !== undefined
        ? 'On the Connect sign-in page choose "Do not configure" so the PTA or federation you already run stays exactly as it is.'
        : 'Cloud Sync leaves your existing PTA or federation running but cannot change it; keep managing it with the tools that set it up.',
    link: LEARN.cloudSyncDecisionGuide,
  },
  {
    id: 'migrationKeepsPasswordsAndAnchor',
    applies: (c) => c.paths.includes('migrateToCloudSync'),
    text: () =>
      'During the move keep password hash sync on in both tools so no password change is lost, and make sure every object has ms-DS-ConsistencyGuid set ' +
      '(Connect does not set it for groups by default) so Cloud Sync matches the existing objects instead of creating new ones.',
    link: LEARN.cloudSyncPilotMigration,
  },
  {
    id: 'migrationToolWave',
    applies: (c) => c.migrationMethod === 'guidedTool',
    text: () =>
      'The "Transition to Cloud Sync" option appears only for tenants in the current migration wave and on the active server. If it is not offered, or its readiness review blocks, switch the task to the pilot-by-OU path.',
    link: LEARN.cloudSyncMigrationTool,
  },
  {
    id: 'expressScopeBeforeFirstSync',
    applies: (c) => c.tool === 'both' && c.connectInstall === 'express',
    text: (c) => {
      const customizations = expressCustomizations(c.resolved);
      const alsoBuild = customizations.length > 0 ? `, build your ${customizations.join(' and ')}` : '';
      return `Express syncs every OU. On its last page clear "Start the synchronization process", run the wizard again to leave out the OUs Cloud Sync owns${alsoBuild}, and only then turn the scheduler on.`;
    },
    link: LEARN.connectExpress,
  },
  {
    id: 'expressFiltersAndRulesBeforeFirstSync',
    // With both tools, expressScopeBeforeFirstSync already describes the same pause and names these too.
    applies: (c) =>
      c.tool === 'connect' && c.connectInstall === 'express' && expressCustomizations(c.resolved).length > 0,
    text: (c) =>
      `Express works with ${expressCustomizations(c.resolved).join(' and ')}, but build them before the first export: on the last express page clear ` +
      '"Start the synchronization process", make the changes, and only then turn the sync scheduler on.',
    link: LEARN.connectExpress,
  },
  {
    // Connect surely syncs the largest domain when Cloud Sync cannot take it (over 150,000) or when Connect runs alone.
    id: 'connectTotalBelowLargestDomain',
    applies: (c) =>
      c.connectInstall !== undefined &&
      (c.answers.connectTotalObjects === 'under100k' || c.answers.connectTotalObjects === 'upTo2k') &&
      (c.answers.largestDomainObjects === 'over150k' ||
        (c.answers.largestDomainObjects === 'from100kTo150k' && c.tool === 'connect')),
    text: () =>
      'You expect Connect to sync fewer than 100,000 objects in total, yet it will sync your largest domain, which alone has 100,000 or more. ' +
      'Recount before relying on express: it is meant for fewer than 100,000 objects.',
    link: LEARN.connectSelectInstall,
  },
  {
    id: 'cloudSyncObjectsUniqueAcrossForests',
    applies: (c) => c.cloudSyncInPlay && c.tool !== 'connect' && c.resolved.forestTopology !== 'single',
    text: () =>
      'Cloud Sync does not match people across forests: each user must exist in only one of the forests it syncs.',
    link: LEARN.cloudSyncTopologies,
  },
];
