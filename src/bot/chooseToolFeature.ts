/**
 * Choosing the sync tool in Teams: `start` runs the questionnaire (dialogs/chooseToolDialog.ts), a stopped round
 * is kept to resume, "Answer now" and `start over` reopen it. What a finished round, the recommendation's
 * buttons and `why` lead to is the decision family's (actions/decisionActions.ts); this file binds it to the
 * Teams turn and reopens the questions when the family asks for install-type answers first.
 */
import { randomUUID } from 'node:crypto';
import type { PrivateConversationState, Storage, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState, type DialogTurnResult } from 'botbuilder-dialogs';
import { decisionActions, type DecisionTurn } from '../actions/decisionActions';
import { describePlan } from '../cards/planText';
import {
  CHOOSE_TOOL_DIALOG,
  ChooseToolDialog,
  asQuestionSubmit,
  type QuestionnaireResult,
  type QuestionnaireState,
  type SpokenCommandReader,
} from '../dialogs/chooseToolDialog';
import type { SingleTool } from '../domain/advisorRules';
import { ANSWER_KEYS, ANSWER_TOPICS, type AnswerKey, type Answers } from '../domain/answers';
import type { DecisionSummary } from '../domain/decision';
import { prepareSentenceReader } from '../domain/sentenceReader';
import type { PlanSelection } from '../domain/plan';
import { KEEP_DAYS } from '../domain/planRetention';
import { TOOL_NAMES } from '../domain/toolNames';
import type { KeepWith, PlanStore } from '../store/planStore';
import { DecisionStore, type DecisionRecord } from '../store/decisionStore';
import { parseCommand, type Command } from '../domain/commands';
import { cardResponse, messageResponse } from './invokeResponses';
import { checkPlanPermission, type PlanPermission } from './planPermissions';
import type { Feature, VerbHandler } from './routing';
import { actorOf, planLocation, type TurnReply } from './turn';

/** What this feature needs from the plan layer (src/bot/planFeature.ts and PlanStore). */
export interface PlanPort {
  /** A short description of this conversation's plan ("Cloud Sync, 2 of 7 tasks settled"), or undefined without one. */
  describe(context: TurnContext): Promise<string | undefined>;
  /** Creates the plan and schedules its cards; resolves before they are posted, with how many are coming and where. */
  start(
    context: TurnContext,
    selection: PlanSelection,
    decision: DecisionSummary,
    options: { replace: boolean; keep?: KeepWith },
  ): Promise<{ kind: 'created'; cardCount: number; inThread: boolean } | 'exists'>;
  /** Discards the plan (kept for `restore` with `keep`); a chat following a shared plan only stops following it. */
  remove(context: TurnContext, keep?: KeepWith): Promise<void>;
  /** Whether the person acting may discard or replace this conversation's plan (planPermissions.ts), and which plan that is. */
  permission(
    context: TurnContext,
    change: 'discard' | 'replace',
  ): Promise<{ kind: 'noPlan' } | (PlanPermission & { planId: string })>;
}

export interface ChooseToolFeatureDeps {
  readonly storage: Storage;
  /** Per person per conversation: the questionnaire of one person never sees another's answers. */
  readonly privateState: PrivateConversationState;
  /** Absent until the plan layer is wired: accepting then only records the decision. */
  readonly plans?: PlanPort;
  readonly clock?: () => Date;
  readonly newId?: () => string;
  /** Reads commands in free words typed mid-questions ("what should I do next?"); without it only exact commands work there. */
  readonly spoken?: SpokenCommandReader;
  /** The app's one way to answer in the current turn (turn.ts). */
  readonly reply: TurnReply;
}

/** Commands that keep working while someone is in the middle of the questions. */
const PASS_THROUGH: ReadonlySet<Command['name']> = new Set([
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

const PERMISSIONS = Symbol('planPermissions');

export function createChooseToolFeature(deps: ChooseToolFeatureDeps): Feature {
  const clock = deps.clock ?? (() => new Date());
  const newId = deps.newId ?? (() => randomUUID());
  const decisions = new DecisionStore(deps.storage);
  const actions = decisionActions({ decisions, clock, newId });
  /** The turn as the decision family sees it: where, who, and the plan layer bound to this turn. */
  const turnOf = (context: TurnContext): DecisionTurn => {
    const plans = deps.plans;
    return {
      location: planLocation(context),
      actor: actorOf(context),
      ...(plans
        ? {
            plans: {
              describe: () => plans.describe(context),
              start: (selection, decision, options) => plans.start(context, selection, decision, options),
              permission: (change) => plans.permission(context, change),
            },
          }
        : {}),
    };
  };
  const paused = deps.privateState.createProperty<QuestionnaireState>('chooseToolPaused');
  /** The plan a start-over confirmation offered to discard: "yes" discards that plan or none, never one put there since. */
  const offeredPlan = deps.privateState.createProperty<string>('startOverPlanId');
  const dialogs = new DialogSet(deps.privateState.createProperty<DialogState>('chooseToolDialogState'));

  /** Asked once per turn: the confirmation and the refusal of one start over read the same answer. */
  const mayDiscard = (context: TurnContext) => {
    let asked = context.turnState.get<ReturnType<PlanPort['permission']> | undefined>(PERMISSIONS);
    if (!asked) {
      asked = deps.plans ? deps.plans.permission(context, 'discard') : Promise.resolve({ kind: 'noPlan' as const });
      context.turnState.set(PERMISSIONS, asked);
    }
    return asked;
  };

  const discardable = async (context: TurnContext): Promise<string[]> => {
    const items: string[] = [];
    const kept = await paused.get(context);
    if (kept && kept.answered.length > 0)
      items.push(`the ${kept.answered.length} answers kept from your earlier round`);
    const pending = await decisions.pending(planLocation(context), actorOf(context).id);
    if (pending && !pending.choice) items.push('your recommendation that nobody has accepted yet');
    // Only what this person may discard is offered; a plan they may not is left out and explained (refusal).
    const permission = await mayDiscard(context);
    const plan = permission.kind === 'allowed' ? await deps.plans?.describe(context) : undefined;
    if (permission.kind === 'allowed' && plan) {
      items.push(
        `the deployment plan of this conversation (${plan}), for everyone here: it is kept for ${KEEP_DAYS} days, and "restore" brings it back`,
      );
      await offeredPlan.set(context, permission.planId);
    } else {
      await offeredPlan.delete(context);
    }
    return items;
  };
  const refusal = async (context: TurnContext) => {
    const permission = await mayDiscard(context);
    return permission.kind === 'refused' ? permission.card : undefined;
  };
  const discard = async (context: TurnContext): Promise<string | void> => {
    const location = planLocation(context);
    const offered = await offeredPlan.get(context);
    await offeredPlan.delete(context);
    await paused.delete(context);
    await decisions.discardPending(location, actorOf(context).id);
    // Asked again: the confirmation may be hours old, and roles or task owners may have changed since.
    const permission = await mayDiscard(context);
    if (permission.kind === 'noPlan') {
      await decisions.discardAccepted(location);
      return;
    }
    if (permission.kind === 'refused') {
      if (offered) await deps.reply(context, permission.card);
      return 'Your own answers are cleared; the plan stays as it is. Here is the first question.';
    }
    if (permission.planId !== offered) {
      return offered
        ? 'Your own answers are cleared. The plan here changed after you were asked, so it stays: say "start over" again to discard it. Here is the first question.'
        : 'Your own answers are cleared; the plan stays as it is. Here is the first question.';
    }
    await deps.plans?.remove(context, { decision: await decisions.accepted(location) });
    await decisions.discardAccepted(location);
  };

  dialogs.add(
    new ChooseToolDialog({
      reply: deps.reply,
      actorOf,
      clock,
      newId: () => newId().slice(0, 12),
      startOver: { discardable, refusal, discard },
      spoken: deps.spoken,
    }),
  );
  // Half a second of loading, paid while the bot starts rather than by the first person who types a number.
  prepareSentenceReader();

  /** Acts on a questionnaire that ended this turn: keeps cancelled answers, or recommends. */
  const afterTurn = async (context: TurnContext, result: DialogTurnResult): Promise<void> => {
    if (result.status !== DialogTurnStatus.complete) return;
    const outcome = result.result as QuestionnaireResult | undefined;
    if (outcome?.kind === 'cancelled') {
      // A follow-up that is stopped leaves the recommendation as it was; only a full round is worth resuming.
      if (!outcome.state.followUp) await paused.set(context, outcome.state);
      else await deps.reply(context, 'Stopped. The recommendation stays as it was; its buttons still work.');
    }
    if (outcome?.kind !== 'completed') return;
    await paused.delete(context);
    const override = outcome.followUp?.override;
    if (override) {
      // The install-type questions an override to Connect needed: record them, then apply the override.
      await deps.reply(
        context,
        await actions.finishOverride(turnOf(context), outcome.followUp.decisionId, outcome, override),
      );
      return;
    }
    await deps.reply(context, await actions.recommendFrom(turnOf(context), outcome));
  };

  const begin = async (context: TurnContext, options: { startOver?: boolean; notice?: string }): Promise<void> => {
    const dc = await dialogs.createContext(context);
    await dc.cancelAllDialogs();
    const resume = options.startOver ? undefined : await paused.get(context);
    await afterTurn(context, await dc.beginDialog(CHOOSE_TOOL_DIALOG, { ...options, resume }));
  };

  /** Reopens this person's questions for a recommendation: the given ones only (`onlyAsk`), or a round without `without`. */
  const beginFollowUp = async (
    context: TurnContext,
    record: DecisionRecord,
    onlyAsk: readonly AnswerKey[],
    override?: SingleTool,
  ): Promise<void> => {
    const answers: Partial<Answers> = { ...record.answers };
    for (const key of onlyAsk) delete answers[key];
    const state: QuestionnaireState = {
      runId: newId().slice(0, 12),
      answers,
      answered: [],
      startedAt: clock().toISOString(),
      onlyAsk,
      followUp: { decisionId: record.decisionId, ...(override ? { override } : {}) },
    };
    const dc = await dialogs.createContext(context);
    await dc.cancelAllDialogs();
    await afterTurn(context, await dc.beginDialog(CHOOSE_TOOL_DIALOG, { resume: state }));
  };

  /** "Answer now" on an assumption: ask that question (and whatever it makes relevant), then recommend again. */
  const refine = async (
    context: TurnContext,
    value: { refine: string; decisionId: string; owner: string },
  ): Promise<void> => {
    const actor = actorOf(context);
    const record = await decisions.pending(planLocation(context), actor.id);
    const key = ANSWER_KEYS.find((candidate) => candidate === value.refine);
    if (!record || record.decisionId !== value.decisionId || value.owner !== actor.id || !key) {
      await deps.reply(
        context,
        "That button belongs to a recommendation that is no longer current, or to someone else's. Say **why** to see yours, or **start** to answer the questions.",
      );
      return;
    }
    if (record.choice) {
      await deps.reply(
        context,
        'This recommendation was already accepted, so its answers are settled. Say **start over** to answer the questions again.',
      );
      return;
    }
    // Skipped questions are weighed again: the new answer may make them matter.
    const answers: Partial<Answers> = {};
    for (const candidate of ANSWER_KEYS) {
      const answer = record.answers[candidate];
      if (candidate !== key && answer !== undefined && answer !== 'notAsked')
        (answers as Record<string, unknown>)[candidate] = answer;
    }
    const state: QuestionnaireState = {
      runId: newId().slice(0, 12),
      answers,
      answered: record.answered.filter((entry) => entry.question !== key && answers[entry.question] !== undefined),
      startedAt: record.answered[0]?.at ?? clock().toISOString(),
      followUp: { decisionId: record.decisionId },
    };
    const dc = await dialogs.createContext(context);
    await dc.cancelAllDialogs();
    await afterTurn(
      context,
      await dc.beginDialog(CHOOSE_TOOL_DIALOG, {
        resume: state,
        notice: `Let's settle "${ANSWER_TOPICS[key]}". Your other answers are kept.`,
      }),
    );
  };

  // An override to Connect may need install-type questions first: the family says which, the dialog asks them.
  const verbs: Record<string, VerbHandler> = {};
  for (const [verb, handle] of Object.entries(actions.verbs))
    verbs[verb] = async (context, data) => {
      const outcome = await handle(turnOf(context), data);
      if (outcome.kind === 'card') return cardResponse(outcome.card);
      if (outcome.kind === 'askInstall') await beginFollowUp(context, outcome.record, outcome.questions, outcome.tool);
      return messageResponse(outcome.text);
    };

  return {
    verbs,
    intercept: async (context, text) => {
      const refineValue = asRefineSubmit(context.activity.value);
      if (refineValue) {
        await refine(context, refineValue);
        return true;
      }
      const submit = asQuestionSubmit(context.activity.value);
      // Plan commands go to their own handlers whether or not a questionnaire is running, so they never
      // need this person's dialog state: skipping the read keeps "what's next" to a single storage read.
      if (!submit && PASS_THROUGH.has(parseCommand(text).name)) return false;
      const dc = await dialogs.createContext(context);
      if (!dc.activeDialog) {
        if (!submit) return false;
        await deps.reply(
          context,
          "That card is not part of a round of questions you are answering (it has ended, or it is someone else's). Say **start** to answer your own.",
        );
        return true;
      }
      // Other people's messages never get here (their dialog stack is their own).
      await afterTurn(context, await dc.continueDialog());
      return true;
    },
    commands: {
      start: async (context) => {
        const plan = await deps.plans?.describe(context);
        const notice = plan
          ? `This conversation already has a deployment plan (${plan}). Answering the questions does not change it; if you accept the new recommendation, I ask before replacing the plan.`
          : undefined;
        await begin(context, { notice });
      },
      startOver: (context) => begin(context, { startOver: true }),
      why: async (context) => deps.reply(context, await actions.why(turnOf(context))),
    },
  };
}

/** The plan port over PlanStore and the plan feature's startPlan. */
export function planPort(
  planStore: PlanStore,
  startPlan: PlanPort['start'],
  clock: () => Date = () => new Date(),
): PlanPort {
  return {
    describe: async (context) => {
      const record = await planStore.load(planLocation(context));
      return record ? describePlan(record.plan, TOOL_NAMES[record.plan.selection.tool]) : undefined;
    },
    start: startPlan,
    // Recorded with who and when, and kept for `restore`: `history` lists the plan with the date it can be restored until.
    remove: (context, keep) =>
      planStore.remove(planLocation(context), { by: actorOf(context), at: clock().toISOString() }, keep),
    permission: async (context, change) => {
      const record = await planStore.load(planLocation(context));
      return record
        ? { ...(await checkPlanPermission(context, record.plan, change)), planId: record.plan.id }
        : { kind: 'noPlan' };
    },
  };
}

/** Card data is untrusted: only a well-formed "Answer now" submit is read. */
function asRefineSubmit(value: unknown): { refine: string; decisionId: string; owner: string } | undefined {
  const v = value as Record<string, unknown> | undefined;
  if (!v || typeof v !== 'object') return undefined;
  const ok = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200;
  return ok(v.refine) && ok(v.decisionId) && ok(v.owner)
    ? { refine: v.refine, decisionId: v.decisionId, owner: v.owner }
    : undefined;
}
