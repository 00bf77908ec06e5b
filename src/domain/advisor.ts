/**
 * The decision engine: answers in, recommendation out. Pure (no I/O, no clock, no botbuilder), so the
 * questionnaire can re-run it freely and tests can pin every rule. The rules themselves are tables in
 * `advisorRules.ts`; this file runs them: it settles "Not sure" answers, picks the tool and the Connect
 * install type, the path from what runs today, and words the outcome.
 */
import {
  ANSWER_KEYS,
  ANSWER_TOPICS,
  AnswerKey,
  Answers,
  CUSTOMIZATION_NEEDS,
  CurrentSync,
  MULTI_SELECT_KEYS,
  OTHER_NEEDS,
  POSSIBLE_VALUES,
  VALUE_LABELS,
  describeAnswer,
} from './answers';
import {
  CAPABILITY_RULES,
  INSTALL_RULES,
  MAX_UNKNOWNS_FOLLOWING_DEFAULT,
  TOOL_QUESTIONS,
  UNKNOWN_RULES,
  WARNING_RULES,
  cloudSyncRuns,
  connectRuns,
  migrationMethodFor,
  pathTracksFor,
  upgradeMethodFor,
  type CapabilityRule,
  type ConnectInstallType,
  type InstallRule,
  type MigrationMethod,
  type PathTrack,
  type ResolvedAnswers,
  type SingleTool,
  type SyncTool,
  type UpgradeMethod,
  type WarningContext,
} from './advisorRules';
import { LEARN } from './learnLinks';

/** Which answer led to a factor, an install reason or an assumption. */
export interface AnswerReference {
  /** The question; absent for conclusions drawn from all answers together (Microsoft's preference). */
  question?: AnswerKey;
  /** The answer as the admin would recognise it, e.g. "Set up pass-through authentication". */
  answer: string;
  /** True when the answer is the value taken for "Not sure", not something the admin chose. */
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

/** A "Not sure" answer: what the engine assumed instead, how to find out, and whether it decided anything. */
export interface Assumption {
  question: AnswerKey;
  /** The value used, in the same words as the answer choices. */
  assumed: string;
  /** Why this value, said plainly. */
  explanation: string;
  /** One line: where to look to answer for real. */
  check: string;
  /** True when a real answer to this question could change the tool, the install type or the path. */
  decisive: boolean;
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

/** A Connect-only need that keeps a Connect deployment where it is, and what would let it move. */
export interface StayReason {
  ruleId: string;
  capability: string;
  moveWhen: string;
  link: string;
}

/**
 * How the engine treated "Not sure" answers. `followDefault`: nothing the admin actually said needs Connect
 * and only one or two tool questions are open, so Microsoft's default (Cloud Sync) holds and the unknowns are
 * listed to confirm. `safe`: each unknown took the value that cannot land on a tool that fails the job.
 */
export type Uncertainty = 'none' | 'followDefault' | 'safe';

/** The engine's verdict. Everything the recommendation card shows comes from here. */
export interface Recommendation {
  /** The tool (or tools) the tenant should sync with once the plan is done. */
  tool: SyncTool;
  /** Present exactly when the plan installs Connect Sync on a new server. */
  connectInstall?: ConnectInstallType;
  /** For custom: every reason that rules out express. For express: every condition it meets. Empty without a Connect install. */
  connectInstallReasons: InstallReason[];
  /** The capabilities that decided the tool, Connect-only ones first. */
  factors: DecisionFactor[];
  /** One entry per "Not sure" answer. */
  assumptions: Assumption[];
  uncertainty: Uncertainty;
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
  /** What syncs today, as the engine understood it. Absent in recommendations stored before this was asked. */
  current?: CurrentSync;
  /** The tracks from today's deployment to `tool`, in working order; empty for a first installation. */
  paths?: PathTrack[];
  /** The plan starts by restoring a sync that has stopped. */
  urgent?: boolean;
  migrationMethod?: MigrationMethod;
  /** For restoring or upgrading a running Connect server. */
  upgradeMethod?: UpgradeMethod;
  /** For staying on Connect: the needs that keep the tenant there and what would let it move. */
  stayReasons?: StayReason[];
}

// ---------------------------------------------------------------------------------------------------
// Settling "Not sure".

/** Answer sets stored before a question existed lack it: they count as not asked. */
function isUnanswered(value: Answers[AnswerKey] | undefined): value is 'notSure' | 'notAsked' | undefined {
  return value === undefined || value === 'notSure' || value === 'notAsked';
}

/** Only real answers: the Connect-only rules each read one answer, so this is exact. */
function realAnswerNeedsConnect(answers: Answers, safe: ResolvedAnswers): boolean {
  return CAPABILITY_RULES.some(
    (rule) =>
      rule.effect === 'requiresConnect' &&
      rule.question !== undefined &&
      !isUnanswered(answers[rule.question]) &&
      rule.applies(safe),
  );
}

export function uncertaintyOf(answers: Answers): Uncertainty {
  const unknowns = TOOL_QUESTIONS.filter((key) => answers[key] === 'notSure').length;
  if (ANSWER_KEYS.every((key) => answers[key] !== 'notSure')) return 'none';
  if (unknowns === 0 || unknowns > MAX_UNKNOWNS_FOLLOWING_DEFAULT) return 'safe';
  return realAnswerNeedsConnect(answers, resolveWith(answers, 'safe')) ? 'safe' : 'followDefault';
}

function resolveOne<K extends AnswerKey>(answers: Answers, key: K, mode: 'safe' | 'followDefault'): ResolvedAnswers[K] {
  const value = answers[key];
  if (!isUnanswered(value)) return value as ResolvedAnswers[K];
  const rule = UNKNOWN_RULES[key];
  return mode === 'followDefault' && rule.followingDefault !== undefined ? rule.followingDefault : rule.safe(answers);
}

function resolveWith(answers: Answers, mode: 'safe' | 'followDefault'): ResolvedAnswers {
  const resolved: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) resolved[key] = resolveOne(answers, key, mode);
  return resolved as unknown as ResolvedAnswers;
}

export function resolveAnswers(answers: Answers): ResolvedAnswers {
  return resolveWith(answers, uncertaintyOf(answers) === 'followDefault' ? 'followDefault' : 'safe');
}

// ---------------------------------------------------------------------------------------------------
// The decision itself: cheap, string-free, so callers can run it many times.

/** The part of a recommendation that decides the tool, the install type, the path and the plan. */
export interface Decision {
  tool: SyncTool;
  /** Only when the plan installs Connect on a new server. */
  connectInstall?: ConnectInstallType;
  firedRules: CapabilityRule[];
  customInstallRules: InstallRule[];
  deviceSyncPreview: boolean;
  current: CurrentSync;
  paths: PathTrack[];
  migrationMethod?: MigrationMethod;
  upgradeMethod?: UpgradeMethod;
  uncertainty: Uncertainty;
}

export function decide(answers: Answers): Decision {
  const uncertainty = uncertaintyOf(answers);
  const resolved = resolveWith(answers, uncertainty === 'followDefault' ? 'followDefault' : 'safe');
  const firedRules = CAPABILITY_RULES.filter((rule) => rule.applies(resolved));
  const connectNeeded = firedRules.some((rule) => rule.effect === 'requiresConnect');
  const cloudSyncNeeded = firedRules.some((rule) => rule.effect === 'requiresCloudSync');
  // Coexistence: only when each tool has something the other cannot do.
  const tool: SyncTool = connectNeeded && cloudSyncNeeded ? 'both' : connectNeeded ? 'connect' : 'cloudSync';
  const current = resolved.currentSync;
  const installsConnect = installsNewConnect(tool, current);
  const customInstallRules = installsConnect ? INSTALL_RULES.filter((rule) => rule.needsCustom(resolved)) : [];
  const connectInstall: ConnectInstallType | undefined = installsConnect
    ? customInstallRules.length > 0
      ? 'custom'
      : 'express'
    : undefined;
  // Connect covers hybrid join where it reaches; devices in a forest it cannot reach only have the preview.
  // Only real answers count: a "Not sure" default must not add a preview task, and Cloud Sync has no
  // device writeback or hybrid-trust feature to offer at all.
  const deviceSyncPreview =
    tool === 'both' && answers.forestTopology === 'includesDisconnected' && answers.devices === 'hybridJoin';
  const paths = pathTracksFor(resolved, tool);
  const restoring = paths.includes('restoreSync');
  return {
    tool,
    ...(connectInstall !== undefined ? { connectInstall } : {}),
    firedRules,
    customInstallRules,
    deviceSyncPreview,
    current,
    paths,
    ...(paths.includes('migrateToCloudSync') ? { migrationMethod: migrationMethodFor(answers) } : {}),
    ...(restoring || paths.includes('connectUpgrade') ? { upgradeMethod: upgradeMethodFor(resolved, restoring) } : {}),
    uncertainty,
  };
}

/** A Connect server that already runs is upgraded, not installed again: no install type to choose. */
function installsNewConnect(tool: SyncTool, current: CurrentSync): boolean {
  return tool !== 'cloudSync' && !connectRuns(current);
}

/**
 * The Connect install type these answers call for, also when Connect was not recommended: an admin who
 * overrides a Cloud Sync recommendation still needs the right install task in the plan. Unanswered
 * install questions take their safe values (custom); the questionnaire asks them before an override.
 */
export function connectInstallFor(answers: Answers): ConnectInstallType {
  const resolved = resolveAnswers(answers);
  return INSTALL_RULES.some((rule) => rule.needsCustom(resolved)) ? 'custom' : 'express';
}

/** The install-type questions an override to Connect still needs answered, in asking order. */
export function installQuestionsOpenFor(answers: Answers): AnswerKey[] {
  const keys = [...new Set(INSTALL_RULES.map((rule) => rule.question))];
  const open = ANSWER_KEYS.filter((key) => keys.includes(key) && answers[key] === 'notAsked');
  // Each open question is weighed with the other open ones answered the way express allows, so one
  // "custom" from a skipped question does not hide that another still matters.
  const hopeful: Record<string, unknown> = { ...answers };
  for (const key of open) hopeful[key] = EXPRESS_FRIENDLY[key] ?? answers[key];
  return open.filter((key) => {
    const types = new Set(
      POSSIBLE_VALUES[key].map((value) => connectInstallFor({ ...(hopeful as unknown as Answers), [key]: value })),
    );
    return types.size > 1;
  });
}

/** The answers to the install-type questions under which express is possible. */
const EXPRESS_FRIENDLY: Partial<Record<AnswerKey, Answers[AnswerKey]>> = {
  domainsReachable: 'all',
  enterpriseAdminAvailable: 'yes',
  connectTotalObjects: 'under100k',
};

/**
 * A fingerprint of what the admin would see decided: tool, install type, path, plan shape and the rules
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
    decision.paths.join(','),
    decision.migrationMethod ?? '-',
    decision.upgradeMethod ?? '-',
  ].join('|');
}

/** What a plan for `tool` holds, given these answers: the recommendation itself, or an override. */
export interface PathSelection {
  tool: SyncTool;
  connectInstall?: ConnectInstallType;
  deviceSyncPreview: boolean;
  /** Present when something already syncs: the plan then starts from it. */
  existing?: Exclude<CurrentSync, 'none'>;
  paths?: PathTrack[];
  migrationMethod?: MigrationMethod;
}

export function planSelectionFor(answers: Answers, tool: SyncTool): PathSelection {
  const decision = decide(answers);
  const resolved = resolveAnswers(answers);
  const current = resolved.currentSync;
  const paths = pathTracksFor(resolved, tool);
  const installsConnect = installsNewConnect(tool, current);
  const connectInstall = installsConnect
    ? tool === decision.tool
      ? decision.connectInstall
      : connectInstallFor(answers)
    : undefined;
  return {
    tool,
    ...(connectInstall !== undefined ? { connectInstall } : {}),
    deviceSyncPreview: tool === decision.tool && decision.deviceSyncPreview,
    ...(current !== 'none' ? { existing: current, paths } : {}),
    ...(paths.includes('migrateToCloudSync') ? { migrationMethod: migrationMethodFor(answers) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// Turning the decision into explanations.

function answerReference(
  answers: Answers,
  resolved: ResolvedAnswers,
  question: AnswerKey,
  option?: string,
): AnswerReference {
  const assumed = isUnanswered(answers[question]);
  const labels: Record<string, string> = VALUE_LABELS[question];
  const answer = option !== undefined ? (labels[option] ?? option) : describeAnswer(question, resolved[question]);
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
      explanation:
        typeof rule.customExplanation === 'string'
          ? rule.customExplanation
          : rule.customExplanation(resolved, decision.tool),
      link: rule.link,
    }));
  }
  if (decision.connectInstall === 'express') {
    return INSTALL_RULES.flatMap((rule) =>
      rule.expressExplanation === undefined || (rule.id === 'unreachableDomain' && resolved.forestTopology !== 'single')
        ? []
        : [
            {
              ruleId: rule.id,
              triggeredBy: answerReference(answers, resolved, rule.question),
              explanation: rule.expressExplanation,
              link: LEARN.connectExpress,
            },
          ],
    );
  }
  return [];
}

function coexistencePlan(decision: Decision, resolved: ResolvedAnswers): CoexistencePlan | undefined {
  if (decision.tool !== 'both') return undefined;
  const connectNeeds = decision.firedRules
    .filter((rule) => rule.effect === 'requiresConnect')
    .map((rule) => rule.capability);
  const disconnected = resolved.forestTopology === 'includesDisconnected';
  const connectScope = disconnected
    ? `The forest or forests that one Connect server can reach and that need: ${connectNeeds.join('; ')}.`
    : `Users, groups, contacts and devices from AD, because these need Connect: ${connectNeeds.join('; ')}.`;
  const cloudSyncParts = [
    ...(disconnected ? ['the forest or forests the Connect server cannot reach'] : []),
    ...(resolved.otherNeeds.includes('groupProvisioningToAd')
      ? ['provisioning cloud security groups into AD OUs that Connect does not sync']
      : []),
  ];
  return {
    connectScope,
    cloudSyncScope: `${cloudSyncParts.join('; and ')}.`.replace(/^./, (first) => first.toUpperCase()),
  };
}

/** Facts about today's deployment are not choices: "what would change" leaves them out. */
const CURRENT_STATE_KEYS: ReadonlySet<AnswerKey> = new Set<AnswerKey>([
  'currentSync',
  'connectBuild',
  'connectServerOs',
  'connectStaging',
]);

/** Real answers only: "it would change if you were unsure" tells the admin nothing. */
function alternativeValues(key: AnswerKey, current: Answers[AnswerKey]): Answers[AnswerKey][] {
  if (!MULTI_SELECT_KEYS.has(key)) {
    return POSSIBLE_VALUES[key].filter((value) => value !== current && value !== 'notSure');
  }
  const options: readonly string[] = key === 'customization' ? CUSTOMIZATION_NEEDS : OTHER_NEEDS;
  const selected: readonly string[] = Array.isArray(current) ? current : [];
  // One toggle at a time keeps each entry a single, explainable change.
  const toggles = options.map((option) =>
    selected.includes(option)
      ? selected.filter((chosen) => chosen !== option)
      : options.filter((o) => o === option || selected.includes(o)),
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
  return ANSWER_KEYS.filter((key) => !CURRENT_STATE_KEYS.has(key)).flatMap((key) =>
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

/** The outcome a person would notice: tool, install type and path. */
function outcomeOf(decision: Decision): string {
  return `${decision.tool}|${decision.connectInstall ?? '-'}|${decision.paths.join(',')}|${decision.migrationMethod ?? '-'}|${decision.upgradeMethod ?? '-'}`;
}

function collectAssumptions(answers: Answers, resolved: ResolvedAnswers, decision: Decision): Assumption[] {
  const outcome = outcomeOf(decision);
  return ANSWER_KEYS.filter((key) => answers[key] === 'notSure').map((key) => ({
    question: key,
    assumed: describeAnswer(key, resolved[key]),
    explanation: UNKNOWN_RULES[key].explanation,
    check: UNKNOWN_RULES[key].check,
    decisive: alternativeValues(key, 'notSure').some(
      (value) => outcomeOf(decide({ ...answers, [key]: value })) !== outcome,
    ),
  }));
}

function stayReasons(decision: Decision): StayReason[] {
  if (!decision.paths.includes('connectUpgrade')) return [];
  return decision.firedRules.flatMap((rule) =>
    rule.effect === 'requiresConnect' && rule.moveWhen !== undefined
      ? [{ ruleId: rule.id, capability: rule.capability, moveWhen: rule.moveWhen, link: rule.link }]
      : [],
  );
}

/** The decision engine. Pure: the same answers always give the same recommendation. */
export function recommend(answers: Answers): Recommendation {
  const decision = decide(answers);
  const resolved = resolveAnswers(answers);
  const context: WarningContext = {
    answers,
    resolved,
    tool: decision.tool,
    ...(decision.connectInstall !== undefined ? { connectInstall: decision.connectInstall } : {}),
    deviceSyncPreview: decision.deviceSyncPreview,
    paths: decision.paths,
    ...(decision.migrationMethod !== undefined ? { migrationMethod: decision.migrationMethod } : {}),
    connectInPlay: decision.tool !== 'cloudSync' || connectRuns(decision.current),
    cloudSyncInPlay: decision.tool !== 'connect' || cloudSyncRuns(decision.current),
  };
  // When Connect is required the preference rule never fires, so every listed factor really decided.
  const factors = decision.firedRules.map((rule) => toFactor(rule, answers, resolved));
  const coexistence = coexistencePlan(decision, resolved);
  const reasonsToStay = stayReasons(decision);
  return {
    tool: decision.tool,
    ...(decision.connectInstall !== undefined ? { connectInstall: decision.connectInstall } : {}),
    connectInstallReasons: installReasons(decision, answers, resolved),
    factors,
    assumptions: collectAssumptions(answers, resolved, decision),
    uncertainty: decision.uncertainty,
    warnings: WARNING_RULES.filter((rule) => rule.applies(context)).map((rule) => ({
      id: rule.id,
      text: rule.text(context),
      ...(rule.link !== undefined ? { link: rule.link } : {}),
    })),
    whatWouldChange: computeWhatWouldChange(answers, decision),
    ...(coexistence !== undefined ? { coexistence } : {}),
    deviceSyncPreview: decision.deviceSyncPreview,
    current: decision.current,
    paths: decision.paths,
    urgent: decision.paths.includes('restoreSync'),
    ...(decision.migrationMethod !== undefined ? { migrationMethod: decision.migrationMethod } : {}),
    ...(decision.upgradeMethod !== undefined ? { upgradeMethod: decision.upgradeMethod } : {}),
    ...(reasonsToStay.length > 0 ? { stayReasons: reasonsToStay } : {}),
  };
}
