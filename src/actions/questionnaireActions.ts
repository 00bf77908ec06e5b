/**
 * The questionnaire family: reading its card data (question buttons, the start-over confirmation, "Answer now"),
 * how a round begins (`start`, `start over`, a stopped round resumed, a follow-up on a recommendation), what a
 * start over may discard and what it does, and what a finished or stopped round leads to. The round itself is a
 * botbuilder dialog (dialogs/chooseToolDialog.ts) over per-person dialog state, so it stays above this layer: the
 * bot runs it with the options this family gives and hands back what it ended with.
 *
 * Who may discard a plan needs Teams' roster, and the kept round and the offered plan live in per-person
 * conversation state: the bot passes both in as small ports on `QuestionnaireTurn`.
 */
import type { AdaptiveCardJson } from '../cards/render';
import type { SingleTool } from '../domain/advisorRules';
import { ANSWER_KEYS, ANSWER_TOPICS, type AnswerKey, type Answers } from '../domain/answers';
import type { Command } from '../domain/commands';
import { KEEP_DAYS } from '../domain/planRetention';
import type { BeginOptions, QuestionnaireResult, QuestionnaireState } from '../domain/questionnaireState';
import {
  QUESTION_NAVS,
  START_OVER_CHOICES,
  type QuestionSubmit,
  type RefineSubmit,
} from '../domain/questionnaireVerbs';
import type { DecisionRecord, DecisionStore } from '../store/decisionStore';
import type { KeepWith } from '../store/planStore';
import type { DecisionPermission, DecisionPlans, DecisionTurn, decisionActions } from './decisionActions';

/** One value kept per person per conversation between turns. */
export interface TurnSlot<T> {
  get(): Promise<T | undefined>;
  set(value: T): Promise<void>;
  delete(): Promise<void>;
}

/** The plan layer as a start over sees it: the decision family's view, plus discarding the plan. */
export interface QuestionnairePlans extends DecisionPlans {
  /** Discards the plan (kept for `restore` with `keep`); a chat following a shared plan only stops following it. */
  remove(keep?: KeepWith): Promise<void>;
}

/** What the questionnaire family needs to know about the turn it runs in. */
export interface QuestionnaireTurn extends DecisionTurn {
  readonly plans?: QuestionnairePlans;
  /** This person's stopped round, kept so that `start` picks up where they left off. */
  readonly paused: TurnSlot<QuestionnaireState>;
  /** The plan a start-over confirmation offered to discard: "yes" discards that plan or none, never one put there since. */
  readonly offeredPlan: TurnSlot<string>;
}

export interface QuestionnaireActionDeps {
  readonly decisions: DecisionStore;
  /** What a finished round leads to: the recommendation, or an override waiting for install-type answers. */
  readonly decide: Pick<ReturnType<typeof decisionActions>, 'recommendFrom' | 'finishOverride'>;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** What a start over that was confirmed did: a card to show first (someone else's plan stays), and what to say. */
export interface Discarded {
  readonly refusal?: AdaptiveCardJson;
  /** Said instead of "everything is cleared" when something had to stay. */
  readonly notice?: string;
}

/** What "Answer now" leads to: the question asked again, or a short message why not. */
export type RefineOutcome =
  { readonly kind: 'ask'; readonly options: BeginOptions } | { readonly kind: 'message'; readonly text: string };

/** Said for a question card pressed when no round of this person's is running. */
export const NOT_YOUR_ROUND =
  "That card is not part of a round of questions you are answering (it has ended, or it is someone else's). Say **start** to answer your own.";

/** The plan commands that keep working while someone is in the middle of the questions, answered as anywhere else. */
const WORK_DURING_QUESTIONS: ReadonlySet<Command['name']> = new Set([
  'next',
  'status',
  'tasks',
  'history',
  'why',
  'taskAction',
  'assign',
  'unassign',
  'due',
  'myTasks',
  'restore',
]);

/** Whether a command goes to its own handler even while this person's questions run (the round is not read). */
export function worksDuringQuestions(name: Command['name']): boolean {
  return WORK_DURING_QUESTIONS.has(name);
}

/** Card data is untrusted: only well-formed string fields are read, anything else is ignored. */
export function asQuestionSubmit(value: unknown): QuestionSubmit | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.questionnaire !== 'string') return undefined;
  const str = (x: unknown) => (typeof x === 'string' && x.length <= 500 ? x : undefined);
  return {
    questionnaire: v.questionnaire.slice(0, 64),
    question: str(v.question),
    answer: str(v.answer),
    nav: QUESTION_NAVS.find((nav) => nav === v.nav),
    confirm: START_OVER_CHOICES.find((choice) => choice === v.confirm),
  };
}

/** Card data is untrusted: only a well-formed "Answer now" submit is read. */
export function asRefineSubmit(value: unknown): RefineSubmit | undefined {
  const v = value as Record<string, unknown> | undefined;
  if (!v || typeof v !== 'object') return undefined;
  const ok = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200;
  return ok(v.refine) && ok(v.decisionId) && ok(v.owner)
    ? { refine: v.refine, decisionId: v.decisionId, owner: v.owner }
    : undefined;
}

export function questionnaireActions(deps: QuestionnaireActionDeps) {
  const { decisions, clock } = deps;
  const runId = () => deps.newId().slice(0, 12);
  const discardPermission = (turn: QuestionnaireTurn): Promise<DecisionPermission> =>
    turn.plans ? turn.plans.permission('discard') : Promise.resolve({ kind: 'noPlan' });

  /** `start`: a stopped round is picked up; a plan already here is mentioned, since accepting would replace it. */
  const start = async (turn: QuestionnaireTurn): Promise<BeginOptions> => {
    const plan = await turn.plans?.describe();
    const notice = plan
      ? `This conversation already has a deployment plan (${plan}). Answering the questions does not change it; if you accept the new recommendation, I ask before replacing the plan.`
      : undefined;
    return { notice, resume: await turn.paused.get() };
  };

  /** `start over` outside the questions: the dialog opens with the confirmation when there is anything to discard. */
  const startOver = (): BeginOptions => ({ startOver: true });

  /** What a start over would discard besides the answers in progress, in words for the confirmation. */
  const discardable = async (turn: QuestionnaireTurn): Promise<string[]> => {
    const items: string[] = [];
    const kept = await turn.paused.get();
    if (kept && kept.answered.length > 0)
      items.push(`the ${kept.answered.length} answers kept from your earlier round`);
    const pending = await decisions.pending(turn.location, turn.actor.id);
    if (pending && !pending.choice) items.push('your recommendation that nobody has accepted yet');
    // Only what this person may discard is offered; a plan they may not is left out and explained (refusal).
    const permission = await discardPermission(turn);
    const plan = permission.kind === 'allowed' ? await turn.plans?.describe() : undefined;
    if (permission.kind === 'allowed' && plan) {
      items.push(
        `the deployment plan of this conversation (${plan}), for everyone here: it is kept for ${KEEP_DAYS} days, and "restore" brings it back`,
      );
      await turn.offeredPlan.set(permission.planId);
    } else {
      await turn.offeredPlan.delete();
    }
    return items;
  };

  /** The card saying who may discard this plan, when this person may not; shown before the confirmation. */
  const refusal = async (turn: QuestionnaireTurn): Promise<AdaptiveCardJson | undefined> => {
    const permission = await discardPermission(turn);
    return permission.kind === 'refused' ? permission.card : undefined;
  };

  /** A confirmed start over: this person's answers and recommendation go; the plan only if it was offered and still may. */
  const discard = async (turn: QuestionnaireTurn): Promise<Discarded> => {
    const { location } = turn;
    const offered = await turn.offeredPlan.get();
    await turn.offeredPlan.delete();
    await turn.paused.delete();
    await decisions.discardPending(location, turn.actor.id);
    // Asked again: the confirmation may be hours old, and roles or task owners may have changed since.
    const permission = await discardPermission(turn);
    if (permission.kind === 'noPlan') {
      await decisions.discardAccepted(location);
      return {};
    }
    if (permission.kind === 'refused') {
      return {
        ...(offered ? { refusal: permission.card } : {}),
        notice: 'Your own answers are cleared; the plan stays as it is. Here is the first question.',
      };
    }
    if (permission.planId !== offered) {
      return {
        notice: offered
          ? 'Your own answers are cleared. The plan here changed after you were asked, so it stays: say "start over" again to discard it. Here is the first question.'
          : 'Your own answers are cleared; the plan stays as it is. Here is the first question.',
      };
    }
    await turn.plans?.remove({ decision: await decisions.accepted(location) });
    await decisions.discardAccepted(location);
    return {};
  };

  /** A round that ended this turn: a stopped one is kept to resume, a finished one recommends. What to answer, if anything. */
  const finished = async (
    turn: QuestionnaireTurn,
    outcome: QuestionnaireResult | undefined,
  ): Promise<AdaptiveCardJson | string | undefined> => {
    if (outcome?.kind === 'cancelled') {
      // A follow-up that is stopped leaves the recommendation as it was; only a full round is worth resuming.
      if (!outcome.state.followUp) await turn.paused.set(outcome.state);
      else return 'Stopped. The recommendation stays as it was; its buttons still work.';
    }
    if (outcome?.kind !== 'completed') return undefined;
    await turn.paused.delete();
    const override = outcome.followUp?.override;
    // The install-type questions an override to Connect needed: record them, then apply the override.
    if (override) return deps.decide.finishOverride(turn, outcome.followUp.decisionId, outcome, override);
    return deps.decide.recommendFrom(turn, outcome);
  };

  /** Reopens a recommendation's questions: the given ones only (`onlyAsk`), answered before the override applies. */
  const followUp = (record: DecisionRecord, onlyAsk: readonly AnswerKey[], override?: SingleTool): BeginOptions => {
    const answers: Partial<Answers> = { ...record.answers };
    for (const key of onlyAsk) delete answers[key];
    return {
      resume: {
        runId: runId(),
        answers,
        answered: [],
        startedAt: clock().toISOString(),
        onlyAsk,
        followUp: { decisionId: record.decisionId, ...(override ? { override } : {}) },
      },
    };
  };

  /** "Answer now" on an assumption: ask that question (and whatever it makes relevant), then recommend again. */
  const refine = async (turn: QuestionnaireTurn, value: RefineSubmit): Promise<RefineOutcome> => {
    const record = await decisions.pending(turn.location, turn.actor.id);
    const key = ANSWER_KEYS.find((candidate) => candidate === value.refine);
    if (!record || record.decisionId !== value.decisionId || value.owner !== turn.actor.id || !key) {
      return {
        kind: 'message',
        text: "That button belongs to a recommendation that is no longer current, or to someone else's. Say **why** to see yours, or **start** to answer the questions.",
      };
    }
    if (record.choice) {
      return {
        kind: 'message',
        text: 'This recommendation was already accepted, so its answers are settled. Say **start over** to answer the questions again.',
      };
    }
    // Skipped questions are weighed again: the new answer may make them matter.
    const answers: Partial<Answers> = {};
    for (const candidate of ANSWER_KEYS) {
      const answer = record.answers[candidate];
      if (candidate !== key && answer !== undefined && answer !== 'notAsked')
        (answers as Record<string, unknown>)[candidate] = answer;
    }
    return {
      kind: 'ask',
      options: {
        resume: {
          runId: runId(),
          answers,
          answered: record.answered.filter((entry) => entry.question !== key && answers[entry.question] !== undefined),
          startedAt: record.answered[0]?.at ?? clock().toISOString(),
          followUp: { decisionId: record.decisionId },
        },
        notice: `Let's settle "${ANSWER_TOPICS[key]}". Your other answers are kept.`,
      },
    };
  };

  return { start, startOver, discardable, refusal, discard, finished, followUp, refine };
}
