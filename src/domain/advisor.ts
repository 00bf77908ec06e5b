/**
 * The decision engine: answers in, recommendation out. Pure (no I/O, no clock, no botbuilder), so the
 * questionnaire can re-run it freely and tests can pin every rule. The rules are tables mirroring
 * ../shared/reference/entra-facts.md §1.2–§1.4 (tool) and §2.1/§2.3 (Connect install type).
 */
import {
  ANSWER_KEYS,
  ANSWER_TOPICS,
  AnswerKey,
  Answers,
  ConnectObjectTotal,
  CUSTOMIZATION_NEEDS,
  CustomizationNeed,
  DeviceNeed,
  DomainObjectBand,
  ForestTopology,
  MULTI_SELECT_KEYS,
  OTHER_NEEDS,
  OtherNeed,
  POSSIBLE_VALUES,
  SignInMethod,
  VALUE_LABELS,
  YesNo,
  describeAnswer,
} from './answers';
import { LEARN } from './learnLinks';

export type SyncTool = 'cloudSync' | 'connect' | 'both';
export type ConnectInstallType = 'express' | 'custom';
/** A single tool a capability points to; "both" is only ever an outcome, never a requirement. */
export type SingleTool = Exclude<SyncTool, 'both'>;

export const TOOL_NAMES: Record<SyncTool, string> = {
  cloudSync: 'Microsoft Entra Cloud Sync',
  connect: 'Microsoft Entra Connect Sync',
  both: 'Microsoft Entra Cloud Sync and Microsoft Entra Connect Sync side by side',
};

/** The answers after every "Not sure" (or skipped question) has been replaced by its safe default. */
export interface ResolvedAnswers {
  forestTopology: ForestTopology;
  largestDomainObjects: DomainObjectBand;
  groupOver50kMembers: YesNo;
  signIn: SignInMethod;
  devices: DeviceNeed;
  customization: readonly CustomizationNeed[];
  otherNeeds: readonly OtherNeed[];
  enterpriseAdminAvailable: YesNo;
  connectTotalObjects: ConnectObjectTotal;
}

/** Which answer led to a factor, an install reason or an assumption. */
export interface AnswerReference {
  /** The question; absent for conclusions drawn from all answers together (Microsoft's preference). */
  question?: AnswerKey;
  /** The answer as the admin would recognise it, e.g. "Set up pass-through authentication". */
  answer: string;
  /** True when the answer is the safe default taken for "Not sure", not something the admin chose. */
  assumed: boolean;
}

/** One capability that decided (or steered) the tool choice. */
export interface DecisionFactor {
  /** Id of the rule in `CAPABILITY_RULES`. */
  ruleId: string;
  /** The capability in question, e.g. "Setting up pass-through authentication". */
  capability: string;
  triggeredBy: AnswerReference;
  /** The tool this capability needs (or, for a preference, favours). */
  pointsTo: SingleTool;
  /** `required`: the other tool cannot do it. `preferred`: both could, Microsoft recommends this one. */
  strength: 'required' | 'preferred';
  /** Why, in one or two sentences. */
  explanation: string;
  /** A learn.microsoft.com page backing the capability claim. */
  link: string;
}

/** Why Connect should be installed with express or with custom settings. */
export interface InstallReason {
  /** Id of the rule in `INSTALL_RULES`. */
  ruleId: string;
  triggeredBy: AnswerReference;
  explanation: string;
  link: string;
}

/** A "Not sure" answer and the safe default the engine used instead. */
export interface Assumption {
  question: AnswerKey;
  /** The default, in the same words as the answer choices. */
  assumed: string;
  /** Why this default is the safe one, said plainly. */
  explanation: string;
}

export interface Warning {
  id: string;
  text: string;
  link?: string;
}

/** A single changed answer that would give a different tool or install type. */
export interface AnswerChange {
  question: AnswerKey;
  /** The alternative answer value (same shape as the field in `Answers`). */
  answer: Answers[AnswerKey];
  /** The change in words, e.g. 'Sign-in method: "Password hash sync"' or 'Other needs: add "…"'. */
  change: string;
  tool: SyncTool;
  connectInstall?: ConnectInstallType;
}

/** How the work splits when both tools run; the scopes must not overlap. */
export interface CoexistencePlan {
  connectScope: string;
  cloudSyncScope: string;
}

/** The engine's verdict. Everything the recommendation card shows comes from here. */
export interface Recommendation {
  tool: SyncTool;
  /** Present exactly when Connect Sync is part of the recommendation. */
  connectInstall?: ConnectInstallType;
  /** For custom: every reason that rules out express. For express: every condition it meets. Empty without Connect. */
  connectInstallReasons: InstallReason[];
  /** The capabilities that decided the tool, Connect-only ones first. */
  factors: DecisionFactor[];
  /** One entry per "Not sure" answer. */
  assumptions: Assumption[];
  warnings: Warning[];
  /** Computed by re-running the engine with one answer changed at a time. */
  whatWouldChange: AnswerChange[];
  /** Present when `tool` is `both`. */
  coexistence?: CoexistencePlan;
  /**
   * True when the plan should offer Cloud Sync's optional "Configure device sync" task (a preview): the
   * admin actually answered that hybrid join is needed and that a forest is disconnected, so some devices
   * sit where only a Cloud Sync agent reaches. Never set from "Not sure" defaults, and never for device
   * writeback or Windows Hello for Business hybrid trust, which Cloud Sync does not offer at all.
   */
  deviceSyncPreview: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Safe defaults for "Not sure": each one assumes the need that the lighter tool could NOT meet, so the
// recommendation never lands on a tool that fails the job; the price is sometimes a heavier tool.

interface SafeDefault<K extends AnswerKey> {
  resolve(answers: Answers): ResolvedAnswers[K];
  explanation: string;
}

const SAFE_DEFAULTS: { [K in AnswerKey]: SafeDefault<K> } = {
  forestTopology: {
    resolve: () => 'includesDisconnected',
    explanation:
      'Assumed that one of your forests may be out of reach of a single sync server. A Connect server syncs only forests it can reach over the network, ' +
      'while a Cloud Sync agent runs inside each forest, so if Connect is needed, Cloud Sync is planned beside it for any forest Connect cannot reach. ' +
      'Cloud Sync has topology limits of its own (no cross-forest references or merging, no account/resource forest split, each object in only one forest); the other questions check those.',
  },
  largestDomainObjects: {
    resolve: () => 'over150k',
    explanation:
      'Cloud Sync stops at 150,000 objects per domain, Connect has no such limit. Count the objects in your largest domain to check.',
  },
  groupOver50kMembers: {
    resolve: () => 'yes',
    explanation: 'Cloud Sync syncs groups of up to 50,000 members; Connect goes up to 250,000.',
  },
  signIn: {
    resolve: () => 'ptaSetup',
    explanation:
      'Only Connect can set up pass-through authentication or federation. If password hash sync is enough, or existing PTA/federation stays as it is, say so and Cloud Sync may fit.',
  },
  devices: {
    resolve: () => 'deviceWritebackOrWhfbHybridTrust',
    explanation:
      'Connect supports hybrid join, device writeback and Windows Hello for Business hybrid key/certificate trust in production. Cloud Sync has only a device sync preview for hybrid join, and no device writeback or hybrid trust at all.',
  },
  customization: {
    resolve: () => ['attributeValueFiltering', 'advancedSyncRules'],
    explanation:
      'Filtering on attribute values and custom sync rules exist only in Connect; without them Cloud Sync may fit.',
  },
  otherNeeds: {
    // A resource forest is only plausible when the admin has not said there is exactly one forest.
    resolve: (answers) =>
      answers.forestTopology === 'single' ? ['entraDomainServices'] : ['accountResourceForest', 'entraDomainServices'],
    explanation:
      'Entra Domain Services (and account/resource forest splits) need Connect. Group provisioning to AD is not assumed: Cloud Sync can add it next to either tool later.',
  },
  enterpriseAdminAvailable: {
    resolve: () => 'no',
    explanation:
      'The custom install works with an existing AD DS connector account, so it does not depend on an Enterprise Admin account; express does.',
  },
  connectTotalObjects: {
    resolve: () => 'over100k',
    explanation:
      'Express keeps its data in SQL Server Express LocalDB, capped at 10 GB (about 100,000 objects). Custom can use a full SQL Server, so it works at any size. ' +
      'Count the objects in every domain Connect will sync to see whether express fits.',
  },
};

/** Answer sets stored before a question existed lack it: they count as not asked. */
function isUnanswered(value: Answers[AnswerKey] | undefined): value is 'notSure' | 'notAsked' | undefined {
  return value === undefined || value === 'notSure' || value === 'notAsked';
}

function resolveOne<K extends AnswerKey>(answers: Answers, key: K): ResolvedAnswers[K] {
  const value = answers[key];
  return isUnanswered(value) ? SAFE_DEFAULTS[key].resolve(answers) : (value as ResolvedAnswers[K]);
}

export function resolveAnswers(answers: Answers): ResolvedAnswers {
  return {
    forestTopology: resolveOne(answers, 'forestTopology'),
    largestDomainObjects: resolveOne(answers, 'largestDomainObjects'),
    groupOver50kMembers: resolveOne(answers, 'groupOver50kMembers'),
    signIn: resolveOne(answers, 'signIn'),
    devices: resolveOne(answers, 'devices'),
    customization: resolveOne(answers, 'customization'),
    otherNeeds: resolveOne(answers, 'otherNeeds'),
    enterpriseAdminAvailable: resolveOne(answers, 'enterpriseAdminAvailable'),
    connectTotalObjects: resolveOne(answers, 'connectTotalObjects'),
  };
}

function collectAssumptions(answers: Answers): Assumption[] {
  return ANSWER_KEYS.filter((key) => answers[key] === 'notSure').map((key) => ({
    question: key,
    assumed: describeAnswer(key, SAFE_DEFAULTS[key].resolve(answers)),
    explanation: SAFE_DEFAULTS[key].explanation,
  }));
}

// ---------------------------------------------------------------------------------------------------
// Tool rules (facts §1.2, §1.3, §1.1).

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
  explanation: string;
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
  },
  {
    id: 'hybridJoin',
    capability: 'Microsoft Entra hybrid join in production',
    question: 'devices',
    applies: (a) => a.devices === 'hybridJoin',
    effect: 'requiresConnect',
    link: LEARN.cloudSyncDeviceSync,
    explanation:
      'Connect syncs the computer objects that hybrid join relies on as a supported feature. Cloud Sync can do this only through its device sync preview, which is not meant for production.',
  },
  {
    id: 'deviceWritebackOrWhfbHybridTrust',
    capability: 'Device writeback or Windows Hello for Business hybrid key/certificate trust',
    question: 'devices',
    applies: (a) => a.devices === 'deviceWritebackOrWhfbHybridTrust',
    effect: 'requiresConnect',
    link: LEARN.commonScenarios,
    explanation:
      'Writing devices back to AD and the hybrid key or certificate trust deployments of Windows Hello for Business are Connect features. With Cloud Sync, Microsoft suggests the cloud Kerberos trust deployment instead.',
  },
  {
    id: 'domainOver150k',
    capability: 'More than 150,000 objects in one AD domain',
    question: 'largestDomainObjects',
    applies: (a) => a.largestDomainObjects === 'over150k',
    effect: 'requiresConnect',
    link: LEARN.cloudSyncDecisionGuide,
    explanation: 'Cloud Sync supports up to 150,000 objects per AD domain; Connect has no per-domain limit.',
  },
  {
    id: 'groupOver50k',
    capability: 'Groups with more than 50,000 members',
    question: 'groupOver50kMembers',
    applies: (a) => a.groupOver50kMembers === 'yes',
    effect: 'requiresConnect',
    link: LEARN.cloudSyncDecisionGuide,
    explanation: 'Cloud Sync syncs groups of up to 50,000 members; Connect handles groups of up to 250,000.',
  },
  {
    id: 'attributeValueFiltering',
    capability: 'Filtering objects by attribute values',
    question: 'customization',
    option: 'attributeValueFiltering',
    applies: (a) => a.customization.includes('attributeValueFiltering'),
    effect: 'requiresConnect',
    link: LEARN.commonScenarios,
    explanation:
      'Connect can keep objects in or out of sync based on attribute values. Cloud Sync scopes by domain, OU or group only.',
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
  },
  {
    id: 'crossForestReferencesOrMerge',
    capability: "Cross-forest references or merging one person's accounts across forests",
    question: 'customization',
    option: 'crossForestReferencesOrMerge',
    applies: (a) => a.customization.includes('crossForestReferencesOrMerge'),
    effect: 'requiresConnect',
    link: LEARN.cloudSyncTopologies,
    explanation:
      'Connect can match one person across forests and resolve references between forests. Cloud Sync expects every object to be unique across forests and resolves references only within a forest.',
  },
  {
    id: 'accountResourceForest',
    capability: 'User accounts in one forest, mailboxes in a resource forest',
    question: 'otherNeeds',
    option: 'accountResourceForest',
    applies: (a) => a.otherNeeds.includes('accountResourceForest'),
    effect: 'requiresConnect',
    link: LEARN.commonScenarios,
    explanation: 'Splitting accounts and their mailboxes across an account forest and a resource forest is supported by Connect only.',
  },
  {
    id: 'entraDomainServices',
    capability: 'Microsoft Entra Domain Services',
    question: 'otherNeeds',
    option: 'entraDomainServices',
    applies: (a) => a.otherNeeds.includes('entraDomainServices'),
    effect: 'requiresConnect',
    link: LEARN.cloudSyncOverview,
    explanation: 'Microsoft lists Entra Domain Services as supported with Connect Sync, not with Cloud Sync.',
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
    explanation:
      'Cloud Sync agents run inside each forest and talk only to the cloud, so unconnected forests can feed one tenant. A Connect server must reach every forest it syncs.',
  },
  {
    id: 'groupProvisioningToAd',
    capability: 'Provisioning cloud groups to AD',
    question: 'otherNeeds',
    option: 'groupProvisioningToAd',
    applies: (a) => a.otherNeeds.includes('groupProvisioningToAd'),
    effect: 'requiresCloudSync',
    link: LEARN.cloudSyncDecisionGuide,
    explanation: 'Writing groups created in Microsoft Entra ID into AD is a Cloud Sync feature; Connect does not offer it.',
  },
];

function needsConnect(answers: ResolvedAnswers): boolean {
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
export const CAPABILITY_RULES: readonly CapabilityRule[] = [...CONNECT_ONLY_RULES, ...CLOUD_SYNC_ONLY_RULES, PREFERENCE_RULE];

// ---------------------------------------------------------------------------------------------------
// Connect install rules (facts §2.1, §2.3): any rule that applies rules out express.

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
    id: 'resourceForest',
    question: 'otherNeeds',
    option: 'accountResourceForest',
    needsCustom: (a) => a.otherNeeds.includes('accountResourceForest'),
    customExplanation: 'An account forest plus a resource forest means two forests to connect, which express cannot do.',
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
    customExplanation: 'Express always configures password hash sync; pass-through authentication and federation are chosen on the custom sign-in page.',
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
    // The limit is on everything Connect syncs, whatever the size of any one domain (facts §1.2, §2.1, §2.3).
    id: 'over100kObjects',
    question: 'connectTotalObjects',
    needsCustom: (a) => a.connectTotalObjects === 'over100k',
    customExplanation:
      'Connect will sync 100,000 objects or more in total. Express installs SQL Server Express LocalDB, capped at 10 GB (about 100,000 objects); ' +
      'a directory that size needs a full SQL Server, which only the custom install sets up.',
    expressExplanation: 'Connect will sync fewer than 100,000 objects in total, which fits the LocalDB database that express installs.',
    link: LEARN.connectPrerequisites,
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
// The decision itself: cheap, string-free, so callers can run it many times.

/** The part of a recommendation that decides the tool, the install type and the plan. */
export interface Decision {
  tool: SyncTool;
  connectInstall?: ConnectInstallType;
  firedRules: CapabilityRule[];
  customInstallRules: InstallRule[];
  deviceSyncPreview: boolean;
}

export function decide(answers: Answers): Decision {
  const resolved = resolveAnswers(answers);
  const firedRules = CAPABILITY_RULES.filter((rule) => rule.applies(resolved));
  const connectNeeded = firedRules.some((rule) => rule.effect === 'requiresConnect');
  const cloudSyncNeeded = firedRules.some((rule) => rule.effect === 'requiresCloudSync');
  // Coexistence (facts §1.4): only when each tool has something the other cannot do.
  const tool: SyncTool = connectNeeded && cloudSyncNeeded ? 'both' : connectNeeded ? 'connect' : 'cloudSync';
  const customInstallRules = tool === 'cloudSync' ? [] : INSTALL_RULES.filter((rule) => rule.needsCustom(resolved));
  const connectInstall: ConnectInstallType | undefined =
    tool === 'cloudSync' ? undefined : customInstallRules.length > 0 ? 'custom' : 'express';
  // Connect covers hybrid join where it reaches; devices in a forest it cannot reach only have the preview.
  // Only real answers count: a "Not sure" default must not add a preview task, and Cloud Sync has no
  // device writeback or hybrid-trust feature to offer at all.
  const deviceSyncPreview =
    tool === 'both' && answers.forestTopology === 'includesDisconnected' && answers.devices === 'hybridJoin';
  return { tool, connectInstall, firedRules, customInstallRules, deviceSyncPreview };
}

/**
 * The Connect install type these answers call for, also when Connect was not recommended: an admin who
 * overrides a Cloud Sync recommendation still needs the right install task in the plan.
 */
export function connectInstallFor(answers: Answers): ConnectInstallType {
  const resolved = resolveAnswers(answers);
  return INSTALL_RULES.some((rule) => rule.needsCustom(resolved)) ? 'custom' : 'express';
}

/**
 * A fingerprint of what the admin would see decided: tool, install type, plan shape and the rules
 * behind them. Two answer sets with the same key give the same decision and the same reasons.
 */
export function decisionKey(answers: Answers): string {
  const decision = decide(answers);
  return [
    decision.tool,
    decision.connectInstall ?? '-',
    decision.deviceSyncPreview ? 'preview' : '-',
    decision.firedRules.map((rule) => rule.id).join(','),
    decision.customInstallRules.map((rule) => rule.id).join(','),
  ].join('|');
}

// ---------------------------------------------------------------------------------------------------
// Turning the decision into explanations.

function answerReference(answers: Answers, resolved: ResolvedAnswers, question: AnswerKey, option?: string): AnswerReference {
  const assumed = isUnanswered(answers[question]);
  const labels: Record<string, string> = VALUE_LABELS[question];
  const answer = option !== undefined ? labels[option] ?? option : describeAnswer(question, resolved[question]);
  return { question, answer, assumed };
}

function toFactor(rule: CapabilityRule, answers: Answers, resolved: ResolvedAnswers): DecisionFactor {
  const triggeredBy: AnswerReference =
    rule.question === undefined
      ? { answer: 'No answer needs a Connect-only capability', assumed: false }
      : answerReference(answers, resolved, rule.question, rule.option);
  return {
    ruleId: rule.id,
    capability: rule.capability,
    triggeredBy,
    pointsTo: rule.effect === 'requiresConnect' ? 'connect' : 'cloudSync',
    strength: rule.effect === 'prefersCloudSync' ? 'preferred' : 'required',
    explanation: rule.explanation,
    link: rule.link,
  };
}

function installReasons(decision: Decision, answers: Answers, resolved: ResolvedAnswers): InstallReason[] {
  if (decision.connectInstall === 'custom') {
    return decision.customInstallRules.map((rule) => ({
      ruleId: rule.id,
      triggeredBy: answerReference(answers, resolved, rule.question, rule.option),
      explanation: typeof rule.customExplanation === 'string' ? rule.customExplanation : rule.customExplanation(resolved, decision.tool),
      link: rule.link,
    }));
  }
  if (decision.connectInstall === 'express') {
    return INSTALL_RULES.flatMap((rule) =>
      rule.expressExplanation === undefined
        ? []
        : [{ ruleId: rule.id, triggeredBy: answerReference(answers, resolved, rule.question), explanation: rule.expressExplanation, link: LEARN.connectExpress }],
    );
  }
  return [];
}

/** Customizations an express install can take on, as long as they are in place before the first export. */
const EXPRESS_CUSTOMIZATION_WORDS: Partial<Record<CustomizationNeed, string>> = {
  attributeValueFiltering: 'attribute-value filtering',
  advancedSyncRules: 'custom sync rules',
};

function expressCustomizations(resolved: ResolvedAnswers): string[] {
  return CUSTOMIZATION_NEEDS.flatMap((need) => {
    const words = EXPRESS_CUSTOMIZATION_WORDS[need];
    return words !== undefined && resolved.customization.includes(need) ? [words] : [];
  });
}

interface WarningContext {
  /** As given, so a rule can tell a real answer from a "Not sure" default. */
  answers: Answers;
  resolved: ResolvedAnswers;
  decision: Decision;
  connectInPlay: boolean;
  cloudSyncInPlay: boolean;
}

interface WarningRule {
  id: string;
  applies(context: WarningContext): boolean;
  text(context: WarningContext): string;
  link?: string;
}

export const WARNING_RULES: readonly WarningRule[] = [
  {
    id: 'connectMinimumBuild',
    applies: (c) => c.connectInPlay,
    text: () =>
      'Connect Sync servers older than build 2.5.79.0 stopped syncing on 30 September 2026. Install the current build, and upgrade any Connect server you already run before anything else.',
    link: LEARN.connectSecurityUpdates,
  },
  {
    id: 'connectInstallerSource',
    applies: (c) => c.connectInPlay,
    text: () =>
      'Download the Connect installer only from the Microsoft Entra admin center (Entra ID > Entra Connect > Get started). Some Learn pages still link the old Download Center page; do not use it.',
    link: LEARN.connectDownloadAdminCenter,
  },
  {
    // Exclusive with deviceSyncPreviewTask, which says the same and adds where the preview fits.
    id: 'hybridJoinPreviewOnCloudSync',
    applies: (c) => c.resolved.devices === 'hybridJoin' && c.connectInPlay && !c.decision.deviceSyncPreview,
    text: () =>
      'Cloud Sync has a device sync feature for hybrid join, but it is a preview. That is why the device part of this plan sits with Connect.',
    link: LEARN.cloudSyncDeviceSync,
  },
  {
    id: 'deviceSyncPreviewTask',
    applies: (c) => c.decision.deviceSyncPreview,
    text: () =>
      'Connect handles hybrid join for the devices in the forests its server reaches. Devices in the disconnected forest are beyond it, so the plan adds Cloud Sync\'s device sync for them as an optional task. It is a preview: pilot it, and do not rely on it in production yet.',
    link: LEARN.cloudSyncDeviceSync,
  },
  {
    id: 'deviceWritebackConnectOnly',
    applies: (c) => c.resolved.devices === 'deviceWritebackOrWhfbHybridTrust' && c.connectInPlay,
    text: (c) =>
      'Cloud Sync has no device writeback and no support for Windows Hello for Business hybrid key or certificate trust, not even as a preview, so this part of the plan sits with Connect' +
      (c.decision.tool === 'both' && c.resolved.forestTopology === 'includesDisconnected'
        ? ' and covers only the forests its server reaches.'
        : '.') +
      ' Windows Hello for Business with cloud Kerberos trust needs neither.',
    link: LEARN.commonScenarios,
  },
  {
    id: 'coexistenceDisjointScopes',
    applies: (c) => c.decision.tool === 'both',
    text: () =>
      'Keep the two tools\' scopes apart: every OU, and so every object, gets exactly one owner. Neither tool takes precedence over the other, so an object in both scopes would receive conflicting updates.',
    link: LEARN.cloudSyncTopologies,
  },
  {
    id: 'connectReachesOnlyConnectedForests',
    applies: (c) => c.decision.tool === 'both' && c.resolved.forestTopology === 'includesDisconnected',
    text: () =>
      'Connect can only sync forests its server reaches over the network. If a Connect-only need exists inside the disconnected forest, it cannot be met there until that forest becomes reachable from the Connect server.',
    link: LEARN.cloudSyncTopologies,
  },
  {
    id: 'connectHighAvailabilityIsManual',
    applies: (c) => c.connectInPlay && c.resolved.otherNeeds.includes('highAvailability'),
    text: () =>
      'Connect runs one active server; its high availability is a staging server that you switch over manually. Cloud Sync agents fail over on their own (Microsoft suggests three).',
    link: LEARN.cloudSyncPrerequisites,
  },
  {
    id: 'cloudSyncExchangeHybridAgent',
    applies: (c) => c.cloudSyncInPlay && c.resolved.otherNeeds.includes('exchangeHybrid'),
    text: () => 'Exchange hybrid writeback through Cloud Sync needs provisioning agent 1.1.1107.0 or later and the Exchange schema extensions in AD.',
    link: LEARN.cloudSyncExchangeHybrid,
  },
  {
    id: 'cloudSyncGroupProvisioningAgent',
    applies: (c) => c.cloudSyncInPlay && c.resolved.otherNeeds.includes('groupProvisioningToAd'),
    text: () => 'Group provisioning to AD needs provisioning agent 1.1.1370.0 or later.',
    link: LEARN.cloudSyncDecisionGuide,
  },
  {
    id: 'keepExistingSignIn',
    applies: (c) => c.resolved.signIn === 'keepExistingPtaOrFederation',
    text: (c) =>
      c.connectInPlay
        ? 'On the Connect sign-in page choose "Do not configure" so the PTA or federation you already run stays exactly as it is.'
        : 'Cloud Sync leaves your existing PTA or federation running but cannot change it; keep managing it with the tools that set it up.',
    link: LEARN.cloudSyncDecisionGuide,
  },
  {
    id: 'expressScopeBeforeFirstSync',
    applies: (c) => c.decision.tool === 'both' && c.decision.connectInstall === 'express',
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
    applies: (c) => c.decision.tool === 'connect' && c.decision.connectInstall === 'express' && expressCustomizations(c.resolved).length > 0,
    text: (c) =>
      `Express works with ${expressCustomizations(c.resolved).join(' and ')}, but build them before the first export: on the last express page clear ` +
      '"Start the synchronization process", make the changes, and only then turn the sync scheduler on.',
    link: LEARN.connectExpress,
  },
  {
    // Connect surely syncs the largest domain when Cloud Sync cannot take it (over 150,000) or when Connect runs alone.
    id: 'connectTotalBelowLargestDomain',
    applies: (c) =>
      c.connectInPlay &&
      c.answers.connectTotalObjects === 'under100k' &&
      (c.answers.largestDomainObjects === 'over150k' || (c.answers.largestDomainObjects === 'from100kTo150k' && c.decision.tool === 'connect')),
    text: () =>
      'You expect Connect to sync fewer than 100,000 objects in total, yet it will sync your largest domain, which alone has 100,000 or more. ' +
      "Recount before relying on express: its LocalDB database holds about 100,000 objects.",
    link: LEARN.connectPrerequisites,
  },
  {
    id: 'cloudSyncObjectsUniqueAcrossForests',
    applies: (c) => c.cloudSyncInPlay && c.resolved.forestTopology !== 'single',
    text: () => 'Cloud Sync does not match people across forests: each user must exist in only one of the forests it syncs.',
    link: LEARN.cloudSyncTopologies,
  },
];

function coexistencePlan(decision: Decision, resolved: ResolvedAnswers): CoexistencePlan | undefined {
  if (decision.tool !== 'both') return undefined;
  const connectNeeds = decision.firedRules.filter((rule) => rule.effect === 'requiresConnect').map((rule) => rule.capability);
  const disconnected = resolved.forestTopology === 'includesDisconnected';
  const connectScope = disconnected
    ? `The forest or forests that one Connect server can reach and that need: ${connectNeeds.join('; ')}.`
    : `Users, groups, contacts and devices from AD, because these need Connect: ${connectNeeds.join('; ')}.`;
  const cloudSyncParts = [
    ...(disconnected ? ['the forest or forests the Connect server cannot reach'] : []),
    ...(resolved.otherNeeds.includes('groupProvisioningToAd') ? ['provisioning cloud groups into AD OUs that Connect does not sync'] : []),
  ];
  return { connectScope, cloudSyncScope: `${cloudSyncParts.join('; and ')}.`.replace(/^./, (first) => first.toUpperCase()) };
}

/** Real answers only: "it would change if you were unsure" tells the admin nothing. */
function alternativeValues(key: AnswerKey, current: Answers[AnswerKey]): Answers[AnswerKey][] {
  if (!MULTI_SELECT_KEYS.has(key)) {
    return POSSIBLE_VALUES[key].filter((value) => value !== current && value !== 'notSure');
  }
  const options: readonly string[] = key === 'customization' ? CUSTOMIZATION_NEEDS : OTHER_NEEDS;
  const selected: readonly string[] = Array.isArray(current) ? current : [];
  // One toggle at a time keeps each entry a single, explainable change.
  const toggles = options.map((option) =>
    selected.includes(option) ? selected.filter((chosen) => chosen !== option) : options.filter((o) => o === option || selected.includes(o)),
  );
  const candidates = [...toggles, []] as Answers[AnswerKey][];
  const seen = new Set<string>([JSON.stringify(current)]);
  return candidates.filter((candidate) => {
    const fingerprint = JSON.stringify(candidate);
    if (seen.has(fingerprint)) return false;
    seen.add(fingerprint);
    return true;
  });
}

function describeChange(key: AnswerKey, current: Answers[AnswerKey], alternative: Answers[AnswerKey]): string {
  const topic = ANSWER_TOPICS[key];
  if (Array.isArray(alternative) && Array.isArray(current) && alternative.length > 0) {
    const labels: Record<string, string> = VALUE_LABELS[key];
    const added = alternative.filter((option) => !current.includes(option));
    const removed = current.filter((option) => !alternative.includes(option));
    if (added.length === 1 && removed.length === 0) return `${topic}: add "${labels[added[0]!]}"`;
    if (removed.length === 1 && added.length === 0) return `${topic}: drop "${labels[removed[0]!]}"`;
  }
  return `${topic}: "${describeAnswer(key, alternative)}"`;
}

function computeWhatWouldChange(answers: Answers, decision: Decision): AnswerChange[] {
  return ANSWER_KEYS.flatMap((key) =>
    alternativeValues(key, answers[key]).flatMap((alternative): AnswerChange[] => {
      const changed = decide({ ...answers, [key]: alternative });
      if (changed.tool === decision.tool && changed.connectInstall === decision.connectInstall) return [];
      return [
        {
          question: key,
          answer: alternative,
          change: describeChange(key, answers[key], alternative),
          tool: changed.tool,
          ...(changed.connectInstall !== undefined ? { connectInstall: changed.connectInstall } : {}),
        },
      ];
    }),
  );
}

/** The decision engine. Pure: the same answers always give the same recommendation. */
export function recommend(answers: Answers): Recommendation {
  const resolved = resolveAnswers(answers);
  const decision = decide(answers);
  const connectInPlay = decision.tool !== 'cloudSync';
  const context: WarningContext = { answers, resolved, decision, connectInPlay, cloudSyncInPlay: decision.tool !== 'connect' };
  // When Connect is required the preference rule never fires, so every listed factor really decided.
  const factors = decision.firedRules.map((rule) => toFactor(rule, answers, resolved));
  const coexistence = coexistencePlan(decision, resolved);
  return {
    tool: decision.tool,
    ...(decision.connectInstall !== undefined ? { connectInstall: decision.connectInstall } : {}),
    connectInstallReasons: installReasons(decision, answers, resolved),
    factors,
    assumptions: collectAssumptions(answers),
    warnings: WARNING_RULES.filter((rule) => rule.applies(context)).map((rule) => ({
      id: rule.id,
      text: rule.text(context),
      ...(rule.link !== undefined ? { link: rule.link } : {}),
    })),
    whatWouldChange: computeWhatWouldChange(answers, decision),
    ...(coexistence !== undefined ? { coexistence } : {}),
    deviceSyncPreview: decision.deviceSyncPreview,
  };
}
