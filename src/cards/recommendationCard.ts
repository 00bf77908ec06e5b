/**
 * The recommendation card: what the engine decided and why, in a form an identity admin can check
 * in a minute. Every fact on it comes from the engine's `Recommendation`; this file only words and lays
 * it out. Its Accept / override buttons are `Action.Execute` (they create the shared plan) carrying
 * only ids; the server looks everything else up.
 */
import { TOOL_NAMES, type Recommendation, type SingleTool, type SyncTool } from '../domain/advisor';
import { ANSWER_KEYS, ANSWER_TOPICS, describeAnswer, type AnswerKey, type Answers } from '../domain/answers';
import { LEARN } from '../domain/learnLinks';
import type { Actor } from '../domain/plan';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';

export const ACCEPT_VERB = 'decision.accept';
export const OVERRIDE_VERB = 'decision.override';

const SHORT_NAMES: Record<SyncTool, string> = { cloudSync: 'Cloud Sync', connect: 'Connect Sync', both: 'Cloud Sync and Connect Sync' };

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

/** One sentence a busy admin can act on; built from the engine's deciding factors, never re-deciding. */
export function headlineOf(recommendation: Recommendation): string {
  const required = (tool: SingleTool) =>
    recommendation.factors.filter((f) => f.pointsTo === tool && f.strength === 'required').map((f) => lowerFirst(f.capability));
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
  const full = render(input, true);
  return Buffer.byteLength(JSON.stringify(full), 'utf16le') <= CARD_BUDGET_BYTES ? full : render(input, false);
}

function render(input: RecommendationCardInput, explainAssumptions: boolean): AdaptiveCardJson {
  const { recommendation: rec, decisionId } = input;
  const connectInPlay = rec.connectInstall !== undefined;
  const buttons = input.choice
    ? []
    : [
        { title: `Accept ${SHORT_NAMES[rec.tool]}`, verb: ACCEPT_VERB, data: { decisionId, owner: input.ownerId } },
        ...overrideTools(rec.tool).map((tool) => ({
          title: rec.tool === 'both' ? `Use only ${SHORT_NAMES[tool]}` : `Use ${SHORT_NAMES[tool]} instead`,
          verb: OVERRIDE_VERB,
          data: { decisionId, owner: input.ownerId, tool },
        })),
      ].map((button) => ({ ...button, submitData: { ...button.data, verb: button.verb } }));

  const lastAnswer = input.answered[input.answered.length - 1];
  const people = [...new Set(input.answered.map((a) => a.by.name))].map((name) => escapeMarkdown(name));
  return renderCard('recommendation', {
    kicker: input.kicker ?? 'Recommendation',
    toolName: TOOL_NAMES[rec.tool],
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
      explanation: f.explanation,
      link: f.link,
    })),
    installTitle: rec.connectInstall === 'custom' ? 'Why the custom install' : 'Why express is enough',
    installReasons: rec.connectInstallReasons.map((r) => ({ text: r.explanation })),
    installLink: rec.connectInstallReasons[0]?.link ?? LEARN.connectSelectInstall,
    hasCoexistence: rec.coexistence !== undefined,
    connectScope: rec.coexistence?.connectScope ?? '',
    cloudSyncScope: rec.coexistence?.cloudSyncScope ?? '',
    assumptions: rec.assumptions.map((a) => ({ topic: ANSWER_TOPICS[a.question], assumed: a.assumed, explanation: explainAssumptions ? ` ${a.explanation}` : '' })),
    warnings: rec.warnings.map((w) => ({ text: w.text, linkText: w.link ? ` [Learn more](${w.link})` : '' })),
    changes: rec.whatWouldChange.map((c) => ({
      text: `${c.change} → ${SHORT_NAMES[c.tool]}${c.connectInstall && c.tool !== 'cloudSync' ? ` (${c.connectInstall} install)` : ''}`,
    })),
    answers: ANSWER_KEYS.filter((key) => input.answers[key] !== 'notAsked').map((key) => ({ topic: ANSWER_TOPICS[key], value: describeAnswer(key, input.answers[key]) })),
    answeredLine: lastAnswer ? `Answered by ${people.join(', ')}; last answer ${formatTime(lastAnswer.at)}.` : 'No answers recorded.',
    buttons,
  });
}

function statusLine(recommended: SyncTool, choice: NonNullable<RecommendationCardInput['choice']>, note?: string): string {
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
  return /^[A-Z][a-z]/.test(text) && !text.startsWith('Microsoft') ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
