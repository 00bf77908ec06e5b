/**
 * The decision family: the recommendation's buttons (Accept, "Use … instead", and Replace / Keep when a plan
 * already exists), turning the chosen tool into the conversation's plan, storing a finished questionnaire as a
 * recommendation, and `why`. The questionnaire itself (botbuilder-dialogs) stays in bot/ and dialogs/; when an
 * override to Connect needs install-type questions first, this family says which, and the bot asks them.
 */
import { errorCard } from '../cards/errorCard';
import { confirmCard } from '../cards/questionCards';
import { headlineOf, overrideTools, recommendationCard, titleOf } from '../cards/recommendationCard';
import type { AdaptiveCardJson } from '../cards/render';
import { installQuestionsOpenFor, planSelectionFor, recommend } from '../domain/advisor';
import type { SingleTool } from '../domain/advisorRules';
import { ANSWER_TOPICS, type AnswerKey, type Answers } from '../domain/answers';
import type { DecisionSummary } from '../domain/decision';
import { ACCEPT_VERB, OVERRIDE_VERB } from '../domain/decisionVerbs';
import type { Actor, PlanSelection } from '../domain/plan';
import { KEEP_DAYS } from '../domain/planRetention';
import { TOOL_NAMES } from '../domain/toolNames';
import type { DecisionChoice, DecisionRecord, DecisionStore } from '../store/decisionStore';
import type { KeepWith, PlanLocation } from '../store/planStore';

export const REPLACE_PLAN_VERB = 'decision.replacePlan';
export const KEEP_PLAN_VERB = 'decision.keepPlan';
export const DECISION_VERBS = {
  accept: ACCEPT_VERB,
  override: OVERRIDE_VERB,
  replace: REPLACE_PLAN_VERB,
  keep: KEEP_PLAN_VERB,
} as const;

export type ChoiceMode = 'accept' | 'override' | 'replace';

/** Whether the person acting may discard or replace this conversation's plan, and which plan that is. */
export type DecisionPermission =
  | { readonly kind: 'noPlan' }
  | { readonly kind: 'allowed'; readonly planId: string }
  | { readonly kind: 'refused'; readonly card: AdaptiveCardJson; readonly planId: string };

/** The plan layer as one turn sees it (the bot binds it to the Teams turn). */
export interface DecisionPlans {
  /** A short description of this conversation's plan, or undefined without one. */
  describe(): Promise<string | undefined>;
  /** Creates the plan and schedules its cards; 'exists' when the conversation already has one and `replace` is false. */
  start(
    selection: PlanSelection,
    decision: DecisionSummary,
    options: { replace: boolean; keep?: KeepWith },
  ): Promise<{ kind: 'created'; cardCount: number; inThread: boolean } | 'exists'>;
  permission(change: 'discard' | 'replace'): Promise<DecisionPermission>;
}

/** What the decision family needs to know about the turn it runs in. */
export interface DecisionTurn {
  readonly location: PlanLocation;
  readonly actor: Actor;
  /** Absent until the plan layer is wired: accepting then only records the decision. */
  readonly plans?: DecisionPlans;
}

export interface DecisionActionDeps {
  readonly decisions: DecisionStore;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** What a recommendation button leads to: a card, a short message, or install-type questions the bot must ask first. */
export type ChoiceOutcome =
  | { readonly kind: 'card'; readonly card: AdaptiveCardJson }
  | { readonly kind: 'message'; readonly text: string }
  | {
      readonly kind: 'askInstall';
      readonly record: DecisionRecord;
      readonly questions: readonly AnswerKey[];
      readonly tool: SingleTool;
      readonly text: string;
    };

/** A finished questionnaire, as the dialog hands it back. */
export interface FinishedAnswers {
  readonly runId: string;
  readonly answers: Answers;
  readonly answered: DecisionRecord['answered'];
}

export function decisionActions(deps: DecisionActionDeps) {
  const { decisions, clock } = deps;

  /** A recommendation button: checks its untrusted data against the stored recommendation, then applies it. */
  const choose = async (turn: DecisionTurn, data: unknown, mode: ChoiceMode): Promise<ChoiceOutcome> => {
    const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const decisionId = idOf(fields.decisionId);
    const ownerId = idOf(fields.owner) ?? turn.actor.id;
    const record = decisionId ? await decisions.pending(turn.location, ownerId) : undefined;
    if (!record || record.decisionId !== decisionId) {
      return {
        kind: 'card',
        card: errorCard(
          'This recommendation is no longer current: its answers were started over or answered again. Say "why" to see the decision in force, or "start" to answer the questions.',
          'Recommendation out of date',
        ),
      };
    }
    if (record.choice) return { kind: 'card', card: cardOf(record, 'This was already recorded; nothing changed.') };

    const requested =
      fields.tool === undefined ? undefined : overrideTools(record.recommendation.tool).find((t) => t === fields.tool);
    if ((mode === 'override' && !requested) || (fields.tool !== undefined && !requested)) {
      return {
        kind: 'card',
        card: errorCard(
          'That choice is not one this recommendation offers. Use the buttons on the recommendation card.',
          'Unknown choice',
        ),
      };
    }
    // An override to Connect installs it with the type the answers call for; the questions behind that type
    // were skipped while Cloud Sync was recommended, so they are asked now (only the owner can answer them).
    const open =
      requested && mode === 'override' && record.owner.id === turn.actor.id
        ? installQuestionsFor(record.answers, requested)
        : [];
    if (requested && open.length > 0) {
      return {
        kind: 'askInstall',
        record,
        questions: open,
        tool: requested,
        text:
          `Before the plan installs Connect Sync I need ${open.length === 1 ? 'one more answer' : `${open.length} more answers`} to pick express or custom: ` +
          `${open.map((key) => ANSWER_TOPICS[key].toLowerCase()).join(', ')}. The question is below.`,
      };
    }
    return { kind: 'card', card: await applyChoice(turn, record, mode, requested) };
  };

  /** Records the choice and creates the plan; the card to show for it (the decided recommendation, or a confirmation). */
  const applyChoice = async (
    turn: DecisionTurn,
    record: DecisionRecord,
    mode: ChoiceMode,
    requested: SingleTool | undefined,
  ): Promise<AdaptiveCardJson> => {
    const { location, plans } = turn;
    const choice = choiceOf(record, requested, turn.actor, clock().toISOString());
    const selection: PlanSelection = {
      tool: choice.tool,
      connectInstall: choice.connectInstall,
      deviceSyncPreview: choice.deviceSyncPreview,
      ...(choice.existing ? { existing: choice.existing, paths: choice.paths ?? [] } : {}),
      ...(choice.migrationMethod ? { migrationMethod: choice.migrationMethod } : {}),
    };

    let created: { cardCount: number; inThread: boolean } | undefined;
    if (plans) {
      let keep: KeepWith | undefined;
      if (mode === 'replace') {
        const permission = await plans.permission('replace');
        if (permission.kind === 'refused') return permission.card;
        keep = { decision: await decisions.accepted(location) };
      }
      const outcome = await plans.start(selection, summaryOf(record, choice), { replace: mode === 'replace', keep });
      if (outcome !== 'exists') created = outcome;
      if (outcome === 'exists') {
        // Asked before offering the choice: someone who may not replace the plan gets the refusal, not a dead button.
        const permission = await plans.permission('replace');
        if (permission.kind === 'refused') return permission.card;
        const current = (await plans.describe()) ?? 'an existing plan';
        const planData: Record<string, string> = {
          decisionId: record.decisionId,
          owner: record.owner.id,
          ...(requested ? { tool: requested } : {}),
        };
        return confirmCard({
          title: 'Replace the current plan?',
          message: `This conversation already has a deployment plan: ${current}. A new plan for ${TOOL_NAMES[choice.tool]} replaces it for everyone here. The current plan, with its progress, is kept for ${KEEP_DAYS} days: "restore" brings it back.`,
          executeActions: [
            { title: 'Replace the plan', verb: REPLACE_PLAN_VERB, data: planData },
            { title: 'Keep the current plan', verb: KEEP_PLAN_VERB, data: { decisionId: record.decisionId } },
          ],
        });
      }
    }
    const saved = await decisions.choose(location, record.owner.id, record.decisionId, choice);
    const stored = saved.kind === 'written' || saved.kind === 'unchanged' ? saved.value : { ...record, choice };
    await decisions.saveAccepted(location, stored);
    const note = created
      ? `Plan created — posting ${created.cardCount} cards ${created.inThread ? 'in this channel thread' : 'in this conversation'}. Say "status" at any time to see it.`
      : 'Decision saved. The deployment plan will be built from it once plans are available.';
    return cardOf(stored, note);
  };

  /** The install-type answers an override to Connect waited for: recorded, then the override applied. */
  const finishOverride = async (
    turn: DecisionTurn,
    decisionId: string,
    finished: FinishedAnswers,
    override: SingleTool,
  ): Promise<AdaptiveCardJson | string> => {
    const pending = await decisions.pending(turn.location, turn.actor.id);
    if (!pending || pending.decisionId !== decisionId) {
      return 'That recommendation was replaced while you answered, so nothing was changed. Say **why** to see the current one.';
    }
    const updated: DecisionRecord = {
      ...pending,
      answers: finished.answers,
      answered: mergeAnswered(pending.answered, finished.answered),
    };
    await decisions.savePending(turn.location, updated);
    return applyChoice(turn, updated, 'override', override);
  };

  /** A full round of answers: the advisor's recommendation, stored as this person's pending one, and its card. */
  const recommendFrom = async (turn: DecisionTurn, finished: FinishedAnswers): Promise<AdaptiveCardJson> => {
    const record: DecisionRecord = {
      decisionId: deps.newId(),
      runId: finished.runId,
      owner: turn.actor,
      answers: finished.answers,
      answered: finished.answered,
      recommendation: recommend(finished.answers),
      recommendedAt: clock().toISOString(),
    };
    await decisions.savePending(turn.location, record);
    return cardOf(record);
  };

  /** `why`: the decision in force here, else this person's pending recommendation. */
  const why = async (turn: DecisionTurn): Promise<AdaptiveCardJson | string> => {
    const record = (await decisions.accepted(turn.location)) ?? (await decisions.pending(turn.location, turn.actor.id));
    if (!record)
      return 'No sync tool has been chosen in this conversation yet. Say **start** to answer a few questions and get a recommendation.';
    return cardOf(record, undefined, 'Why this tool');
  };

  const verbs: Record<string, (turn: DecisionTurn, data: unknown) => Promise<ChoiceOutcome>> = {
    [ACCEPT_VERB]: (turn, data) => choose(turn, data, 'accept'),
    [OVERRIDE_VERB]: (turn, data) => choose(turn, data, 'override'),
    [REPLACE_PLAN_VERB]: (turn, data) => choose(turn, data, 'replace'),
    [KEEP_PLAN_VERB]: async () => ({
      kind: 'message',
      text: 'Kept the current plan. The new recommendation stays open: accept it later to replace the plan.',
    }),
  };

  return { verbs, choose, applyChoice, finishOverride, recommendFrom, why };
}

function cardOf(record: DecisionRecord, note?: string, kicker?: string): AdaptiveCardJson {
  return recommendationCard({
    decisionId: record.decisionId,
    ownerId: record.owner.id,
    recommendation: record.recommendation,
    answers: record.answers,
    answered: record.answered,
    choice: record.choice,
    note,
    kicker,
  });
}

/** The choice the button stands for: the recommendation itself, or one tool instead of it. */
function choiceOf(record: DecisionRecord, instead: SingleTool | undefined, by: Actor, at: string): DecisionChoice {
  const rec = record.recommendation;
  if (!instead) {
    // As recommended and shown: a recommendation stored before paths existed has none.
    const existing = rec.current !== undefined && rec.current !== 'none' ? rec.current : undefined;
    return {
      tool: rec.tool,
      connectInstall: rec.connectInstall,
      deviceSyncPreview: rec.deviceSyncPreview,
      ...(existing ? { existing, paths: rec.paths ?? [] } : {}),
      ...(rec.migrationMethod ? { migrationMethod: rec.migrationMethod } : {}),
      overridden: false,
      by,
      at,
    };
  }
  // Another tool: the same path logic, from the same answers (a Connect install gets the type they call for).
  const selection = planSelectionFor(record.answers, instead);
  return {
    tool: instead,
    connectInstall:
      selection.connectInstall ?? (instead === 'connect' && !selection.existing ? rec.connectInstall : undefined),
    deviceSyncPreview: false,
    ...(selection.existing ? { existing: selection.existing, paths: selection.paths ?? [] } : {}),
    ...(selection.migrationMethod ? { migrationMethod: selection.migrationMethod } : {}),
    overridden: true,
    by,
    at,
  };
}

/** The install-type questions to ask before a plan installs Connect for `tool`; none when Connect already runs. */
function installQuestionsFor(answers: Answers, tool: SingleTool): AnswerKey[] {
  if (tool !== 'connect' || planSelectionFor(answers, tool).connectInstall === undefined) return [];
  return installQuestionsOpenFor(answers);
}

/** Who answered what: the follow-up's answers replace earlier ones to the same questions. */
function mergeAnswered(
  earlier: DecisionRecord['answered'],
  later: DecisionRecord['answered'],
): DecisionRecord['answered'] {
  const replaced = new Set(later.map((entry) => entry.question));
  return [...earlier.filter((entry) => !replaced.has(entry.question)), ...later];
}

function summaryOf(record: DecisionRecord, choice: DecisionChoice): DecisionSummary {
  const rec = record.recommendation;
  return {
    tool: choice.tool,
    connectInstall: choice.connectInstall,
    headline: choice.overridden
      ? `${TOOL_NAMES[choice.tool]}, chosen instead of the recommended ${titleOf(rec)}.`
      : headlineOf(rec),
    reasons: rec.factors.map(
      (factor) => `${factor.capability} (${factor.triggeredBy.answer}${factor.triggeredBy.assumed ? ', assumed' : ''})`,
    ),
    overridden: choice.overridden,
    decidedBy: choice.by,
    decidedAt: choice.at,
  };
}

/** Card data is untrusted: an id is a non-empty string of bounded length, nothing else. */
function idOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
