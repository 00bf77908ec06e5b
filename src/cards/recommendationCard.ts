/**
 * The recommendation card: what the engine decided and why, in a form an identity admin can check
 * in a minute. Every fact on it comes from the engine's `Recommendation`; this file only words and lays
 * it out. Its Accept / override buttons are `Action.Execute` (they create the shared plan) carrying
 * only ids; the server looks everything else up.
 */
import type { Recommendation } from '../domain/advisor';
import type { PathTrack, SingleTool, SyncTool } from '../domain/advisorRules';
import { ANSWER_KEYS, ANSWER_TOPICS, describeAnswer, type AnswerKey, type Answers } from '../domain/answers';
import { ACCEPT_VERB, OVERRIDE_VERB } from '../domain/decisionVerbs';
import { LEARN } from '../domain/learnLinks';
import { SHORT_TOOL_NAMES as SHORT_NAMES, TOOL_NAMES } from '../domain/toolNames';
import type { Actor } from '../domain/plan';
import type { RefineSubmit } from '../domain/questionnaireVerbs';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';

export interface RecommendationCardInput {
  readonly decisionId: string;
  /** Id of the person who answered; the decision is stored under it. */
  readonly ownerId: string;
  readonly recommendation: Recommendation;
  readonly answers: Answers;
  readonly answered: ReadonlyArray<{ question: AnswerKey; by: Actor; at: string }>;
  /** Set once someone accepted or overrode; the card then shows the outcome instead of buttons. */
  readonly choice?: { tool: SyncTool; overridden: boolean; by: Actor; at: string };
  /** A line under the outcome, e.g. where the plan is. */
  readonly note?: string;
  /** "Recommendation" on first showing; "Why this tool" when repeated. */
  readonly kicker?: string;
}

/** What each path track means, in the words of the recommendation card. */
const PATH_STEP_TEXT: Readonly<Record<PathTrack, (rec: Recommendation) => string>> = {
  restoreSync: (rec) =>
    `**Restore sync first (urgent).** Connect Sync builds older than 2.5.79.0 stopped syncing on 30 September 2026; only the newest build brings sync back. ${UPGRADE_WORDS[rec.upgradeMethod ?? 'inPlace']}`,
  connectUpgrade: (rec) =>
    `**Stay on Connect Sync and keep it current.** ${rec.paths?.includes('restoreSync') ? 'After the restore, keep' : 'Upgrade to the newest build, then keep'} a staging server on Windows Server 2022 or 2025 and turn on automatic upgrade where it is supported.` +
    (rec.paths?.includes('restoreSync') ? '' : ` ${UPGRADE_WORDS[rec.upgradeMethod ?? 'inPlace']}`),
  migrateToCloudSync: (rec) =>
    rec.migrationMethod === 'guidedTool'
      ? "**Move to Cloud Sync with Microsoft's guided tool.** Your forest fits its limits (one forest, up to 2,000 objects in scope); if the tool is not offered to your tenant yet, the plan switches to the pilot-by-OU path."
      : '**Move to Cloud Sync OU by OU.** Take a pilot OU out of Connect, let Cloud Sync own it, check it, widen wave by wave, then stop the Connect scheduler and retire the server.',
  cloudSyncHealth: () =>
    '**Check Cloud Sync health.** Agent versions against the features you use, three active agents for failover, and configuration health.',
};

const UPGRADE_WORDS: Readonly<Record<NonNullable<Recommendation['upgradeMethod']>, string>> = {
  inPlace: 'Upgrade in place on the active server.',
  swingWithStaging:
    'Upgrade the staging server first, check it, switch it active, then upgrade the other (swing migration).',
  swingToNewServer:
    'Build a new server on Windows Server 2022 or 2025 in staging mode with the newest build, then switch to it (swing migration).',
};

/** The title line: where the tenant ends up, and from where. */
export function titleOf(recommendation: Recommendation): string {
  const paths = recommendation.paths ?? [];
  if (paths.includes('migrateToCloudSync')) return `Move to ${TOOL_NAMES.cloudSync}`;
  if (paths.includes('connectUpgrade'))
    return recommendation.tool === 'both' ? `Stay on Connect Sync and add Cloud Sync` : `Stay on ${TOOL_NAMES.connect}`;
  if (paths.includes('cloudSyncHealth') && recommendation.tool === 'cloudSync')
    return `Keep ${TOOL_NAMES.cloudSync} healthy`;
  return TOOL_NAMES[recommendation.tool];
}

/** One sentence a busy admin can act on; built from the engine's deciding factors, never re-deciding. */
export function headlineOf(recommendation: Recommendation): string {
  const paths = recommendation.paths ?? [];
  const urgent = paths.includes('restoreSync')
    ? 'Restore sync first: your Connect Sync build stopped syncing on 30 September 2026. Then '
    : '';
  const toolLine = toolHeadline(recommendation);
  if (paths.includes('migrateToCloudSync')) {
    return `${urgent}${urgent ? 'move' : 'Move'} from Connect Sync to Cloud Sync: nothing you need requires Connect Sync, and Microsoft recommends Cloud Sync wherever it fits.`;
  }
  if (paths.includes('connectUpgrade')) {
    return `${urgent}${urgent ? 'stay' : 'Stay'} on Connect Sync and keep it current. ${toolLine}`;
  }
  return urgent ? `${urgent}${lowerFirst(toolLine)}` : toolLine;
}

function toolHeadline(recommendation: Recommendation): string {
  const required = (tool: SingleTool) =>
    recommendation.factors
      .filter((f) => f.pointsTo === tool && f.strength === 'required')
      .map((f) => lowerFirst(f.capability));
  const connectNeeds = required('connect');
  const cloudNeeds = required('cloudSync');
  switch (recommendation.tool) {
    case 'both':
      return `Use both tools, each for its own objects: Connect Sync for ${joinList(connectNeeds)}, and Cloud Sync for ${joinList(cloudNeeds)}.`;
    case 'connect':
      return `Connect Sync, because only it supports ${joinList(connectNeeds)}.`;
    case 'cloudSync':
      return cloudNeeds.length > 0
        ? `Cloud Sync, because only it supports ${joinList(cloudNeeds)}, and nothing you need requires Connect Sync.`
        : 'Cloud Sync covers everything you need, and Microsoft recommends it wherever it fits.';
  }
}

/** The single tools someone may pick instead of the recommendation. */
export function overrideTools(tool: SyncTool): SingleTool[] {
  return tool === 'cloudSync' ? ['connect'] : tool === 'connect' ? ['cloudSync'] : ['connect', 'cloudSync'];
}

/** Teams refuses posts over about 28 KB (UTF-16); this leaves room for the activity around the card. */
const CARD_BUDGET_BYTES = 24 * 1024;

/**
 * Renders the full card; in the rare case of a very long list of reasons (many "Not sure" answers)
 * the explanations of assumptions are left out so the card still fits in one Teams post.
 */
export function recommendationCard(input: RecommendationCardInput): AdaptiveCardJson {
  let card = render(input, 'full');
  for (const detail of ['noExplanations', 'compact'] as const) {
    if (Buffer.byteLength(JSON.stringify(card), 'utf16le') <= CARD_BUDGET_BYTES) break;
    card = render(input, detail);
  }
  return card;
}

/**
 * How much of the long text to keep. `noExplanations` drops why each assumption was made; `compact` also
 * drops the "how to check" lines and the factors' explanations (their Learn links stay), keeps "Answer now" only
 * for the unknowns that decided, and keeps the first ten of "what would change".
 */
type Detail = 'full' | 'noExplanations' | 'compact';

function render(input: RecommendationCardInput, detail: Detail): AdaptiveCardJson {
  const explainAssumptions = detail === 'full';
  const { recommendation: rec, decisionId } = input;
  const connectInPlay = rec.connectInstall !== undefined;
  const paths = rec.paths ?? [];
  const connectRunsToday = rec.current === 'connect' || rec.current === 'both';
  const buttons = input.choice
    ? []
    : [
        {
          title: paths.length > 0 ? 'Accept this plan' : `Accept ${SHORT_NAMES[rec.tool]}`,
          verb: ACCEPT_VERB,
          data: { decisionId, owner: input.ownerId },
        },
        ...overrideTools(rec.tool).map((tool) => ({
          title:
            connectRunsToday && rec.tool !== 'both'
              ? tool === 'connect'
                ? 'Stay on Connect Sync instead'
                : 'Move to Cloud Sync instead'
              : rec.tool === 'both'
                ? `Use only ${SHORT_NAMES[tool]}`
                : `Use ${SHORT_NAMES[tool]} instead`,
          verb: OVERRIDE_VERB,
          data: { decisionId, owner: input.ownerId, tool },
        })),
      ].map((button) => ({ ...button, submitData: { ...button.data, verb: button.verb } }));

  const lastAnswer = input.answered[input.answered.length - 1];
  const people = [...new Set(input.answered.map((a) => a.by.name))].map((name) => escapeMarkdown(name));
  return renderCard('recommendation', {
    kicker: input.kicker ?? 'Recommendation',
    toolName: titleOf(rec),
    hasPath: paths.length > 0,
    pathStyle: rec.urgent ? 'attention' : 'emphasis',
    pathSteps: paths.map((path, index) => ({ text: `${index + 1}. ${PATH_STEP_TEXT[path](rec)}` })),
    hasStay: (rec.stayReasons ?? []).length > 0,
    stayReasons: (rec.stayReasons ?? []).map((reason) => ({
      text: `- **${reason.capability}.** What would let you move: ${reason.moveWhen} [Learn more](${reason.link})`,
    })),
    hasInstall: connectInPlay,
    installLine: rec.connectInstall === 'custom' ? 'Connect Sync: custom install' : 'Connect Sync: express install',
    headline: headlineOf(rec),
    hasStatus: input.choice !== undefined,
    statusStyle: input.choice?.overridden ? 'warning' : 'good',
    status: input.choice ? statusLine(rec.tool, input.choice, input.note) : '',
    factors: rec.factors.map((f) => ({
      capability: f.capability,
      answer: f.triggeredBy.question
        ? `${ANSWER_TOPICS[f.triggeredBy.question]}: ${f.triggeredBy.answer}${f.triggeredBy.assumed ? ' (assumed)' : ''}`
        : f.triggeredBy.answer,
      explanation: detail === 'compact' ? '' : f.explanation,
      link: f.link,
    })),
    installTitle: rec.connectInstall === 'custom' ? 'Why the custom install' : 'Why express is enough',
    installReasons: rec.connectInstallReasons.map((r) => ({ text: r.explanation })),
    installLink: rec.connectInstallReasons[0]?.link ?? LEARN.connectSelectInstall,
    hasCoexistence: rec.coexistence !== undefined,
    connectScope: rec.coexistence?.connectScope ?? '',
    cloudSyncScope: rec.coexistence?.cloudSyncScope ?? '',
    assumptionsTitle:
      rec.uncertainty === 'followDefault'
        ? "Open questions: Microsoft's default held, please confirm"
        : 'Assumed for your "Not sure" answers',
    assumptions: rec.assumptions.map((a) => ({
      topic: ANSWER_TOPICS[a.question],
      assumed: a.assumed,
      decided: a.decisive ? ' (this decided the outcome)' : '',
      explanation: explainAssumptions ? ` ${a.explanation}` : '',
      check: detail === 'compact' ? '' : a.check,
      hasCheck: detail !== 'compact',
      hasButton: !input.choice && (detail !== 'compact' || a.decisive),
      refineData: { refine: a.question, decisionId, owner: input.ownerId } satisfies RefineSubmit,
    })),
    warnings: rec.warnings.map((w) => ({ text: w.text, linkText: w.link ? ` [Learn more](${w.link})` : '' })),
    changes: rec.whatWouldChange.slice(0, detail === 'compact' ? 10 : undefined).map((c) => ({
      text: `${c.change} → ${SHORT_NAMES[c.tool]}${c.connectInstall && c.tool !== 'cloudSync' ? ` (${c.connectInstall} install)` : ''}`,
    })),
    answers: ANSWER_KEYS.filter((key) => input.answers[key] !== 'notAsked').map((key) => ({
      topic: ANSWER_TOPICS[key],
      value: describeAnswer(key, input.answers[key]),
    })),
    answeredLine: lastAnswer
      ? `Answered by ${people.join(', ')}; last answer ${formatTime(lastAnswer.at)}.`
      : 'No answers recorded.',
    buttons,
  });
}

function statusLine(
  recommended: SyncTool,
  choice: NonNullable<RecommendationCardInput['choice']>,
  note?: string,
): string {
  const who = `${escapeMarkdown(choice.by.name)} (${formatTime(choice.at)})`;
  const what = choice.overridden
    ? `${who} chose **${SHORT_NAMES[choice.tool]}** instead of the recommended ${SHORT_NAMES[recommended]}.`
    : `${who} accepted **${SHORT_NAMES[choice.tool]}**.`;
  return note ? `${what} ${note}` : what;
}

/** Compact and unambiguous across time zones: "26 Nov 2026, 10:42 UTC". */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) && !text.startsWith('Microsoft') ? text[0].toLowerCase() + text.slice(1) : text;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
