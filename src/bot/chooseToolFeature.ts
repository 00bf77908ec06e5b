/**
 * Choosing the sync tool in Teams: `start` runs the questionnaire, the finished answers go to the
 * domain's advisor, the recommendation is stored and shown, and Accept / override turn it into the
 * conversation's plan. `why` shows the decision again; `start over` discards it after asking.
 * This file translates between Teams and the domain; it decides nothing about sync tools itself.
 */
import { randomUUID } from 'node:crypto';
import type { PrivateConversationState, Storage, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState, type DialogTurnResult } from 'botbuilder-dialogs';
import { describePlan } from '../cards/planText';
import { confirmCard } from '../cards/questionCards';
import {
  ACCEPT_VERB,
  OVERRIDE_VERB,
  headlineOf,
  overrideTools,
  recommendationCard,
  titleOf,
} from '../cards/recommendationCard';
import type { AdaptiveCardJson } from '../cards/render';
import {
  CHOOSE_TOOL_DIALOG,
  ChooseToolDialog,
  asQuestionSubmit,
  type QuestionnaireResult,
  type QuestionnaireState,
  type SpokenCommandReader,
} from '../dialogs/chooseToolDialog';
import { installQuestionsOpenFor, planSelectionFor, recommend } from '../domain/advisor';
import { TOOL_NAMES } from '../domain/toolNames';
import type { SingleTool } from '../domain/advisorRules';
import { ANSWER_KEYS, ANSWER_TOPICS, type AnswerKey, type Answers } from '../domain/answers';
import type { DecisionSummary } from '../domain/decision';
import { prepareSentenceReader } from '../domain/sentenceReader';
import type { Actor, PlanSelection } from '../domain/plan';
import { KEEP_DAYS } from '../domain/planRetention';
import type { KeepWith, PlanStore } from '../store/planStore';
import { DecisionStore, type DecisionChoice, type DecisionRecord } from '../store/decisionStore';
import { parseCommand, type Command } from '../domain/commands';
import { cardResponse, messageResponse } from './invokeResponses';
import { checkPlanPermission, type PlanPermission } from './planPermissions';
import type { ActionData, Feature, VerbHandler } from './routing';
import { actorOf, planLocation, type TurnReply } from './turn';
import { errorCard } from '../cards/errorCard';

export const REPLACE_PLAN_VERB = 'decision.replacePlan';
export const KEEP_PLAN_VERB = 'decision.keepPlan';

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
      const pending = await decisions.pending(planLocation(context), actorOf(context).id);
      if (!pending || pending.decisionId !== outcome.followUp.decisionId) {
        await deps.reply(
          context,
          'That recommendation was replaced while you answered, so nothing was changed. Say **why** to see the current one.',
        );
        return;
      }
      const updated: DecisionRecord = {
        ...pending,
        answers: outcome.answers,
        answered: mergeAnswered(pending.answered, outcome.answered),
      };
      await decisions.savePending(planLocation(context), updated);
      await deps.reply(context, await applyChoice(context, updated, 'override', override));
      return;
    }
    const record: DecisionRecord = {
      decisionId: newId(),
      runId: outcome.runId,
      owner: actorOf(context),
      answers: outcome.answers,
      answered: outcome.answered,
      recommendation: recommend(outcome.answers),
      recommendedAt: clock().toISOString(),
    };
    await decisions.savePending(planLocation(context), record);
    await deps.reply(context, cardOf(record));
  };

  const begin = async (context: TurnContext, options: { startOver?: boolean; notice?: string }): Promise<void> => {
    const dc = await dialogs.createContext(context);
    await dc.cancelAllDialogs();
    const resume = options.startOver ? undefined : await paused.get(context);
    await afterTurn(context, await dc.beginDialog(CHOOSE_TOOL_DIALOG, { ...options, resume }));
  };

  const choose =
    (mode: 'accept' | 'override' | 'replace'): VerbHandler =>
    async (context, data) =>
      handleChoice(context, data, mode);

  const handleChoice = async (context: TurnContext, data: ActionData, mode: 'accept' | 'override' | 'replace') => {
    const location = planLocation(context);
    const actor = actorOf(context);
    const decisionId = idOf(data.decisionId);
    const ownerId = idOf(data.owner) ?? actor.id;
    const record = decisionId ? await decisions.pending(location, ownerId) : undefined;
    if (!record || record.decisionId !== decisionId) {
      return cardResponse(
        errorCard(
          'This recommendation is no longer current: its answers were started over or answered again. Say "why" to see the decision in force, or "start" to answer the questions.',
          'Recommendation out of date',
        ),
      );
    }
    if (record.choice) return cardResponse(cardOf(record, 'This was already recorded; nothing changed.'));

    const rec = record.recommendation;
    const requested = data.tool === undefined ? undefined : overrideTools(rec.tool).find((tool) => tool === data.tool);
    if ((mode === 'override' && !requested) || (data.tool !== undefined && !requested)) {
      return cardResponse(
        errorCard(
          'That choice is not one this recommendation offers. Use the buttons on the recommendation card.',
          'Unknown choice',
        ),
      );
    }
    // An override to Connect installs it with the type the answers call for; the questions behind that type
    // were skipped while Cloud Sync was recommended, so they are asked now (only the owner can answer them).
    const openInstallQuestions =
      requested && mode === 'override' && record.owner.id === actor.id
        ? installQuestionsFor(record.answers, requested)
        : [];
    if (openInstallQuestions.length > 0) {
      await beginFollowUp(context, record, openInstallQuestions, requested);
      return messageResponse(
        `Before the plan installs Connect Sync I need ${openInstallQuestions.length === 1 ? 'one more answer' : `${openInstallQuestions.length} more answers`} to pick express or custom: ` +
          `${openInstallQuestions.map((key) => ANSWER_TOPICS[key].toLowerCase()).join(', ')}. The question is below.`,
      );
    }
    return cardResponse(await applyChoice(context, record, mode, requested));
  };

  /** Records the choice and creates the plan; the card to show for it (the decided recommendation, or a confirmation). */
  const applyChoice = async (
    context: TurnContext,
    record: DecisionRecord,
    mode: 'accept' | 'override' | 'replace',
    requested: SingleTool | undefined,
  ): Promise<AdaptiveCardJson> => {
    const location = planLocation(context);
    const actor = actorOf(context);
    const choice = choiceOf(record, requested, actor, clock().toISOString());
    const selection: PlanSelection = {
      tool: choice.tool,
      connectInstall: choice.connectInstall,
      deviceSyncPreview: choice.deviceSyncPreview,
      ...(choice.existing ? { existing: choice.existing, paths: choice.paths ?? [] } : {}),
      ...(choice.migrationMethod ? { migrationMethod: choice.migrationMethod } : {}),
    };

    let created: { cardCount: number; inThread: boolean } | undefined;
    if (deps.plans) {
      let keep: KeepWith | undefined;
      if (mode === 'replace') {
        const permission = await deps.plans.permission(context, 'replace');
        if (permission.kind === 'refused') return permission.card;
        keep = { decision: await decisions.accepted(location) };
      }
      const outcome = await deps.plans.start(context, selection, summaryOf(record, choice), {
        replace: mode === 'replace',
        keep,
      });
      if (outcome !== 'exists') created = outcome;
      if (outcome === 'exists') {
        // Asked before offering the choice: someone who may not replace the plan gets the refusal, not a dead button.
        const permission = await deps.plans.permission(context, 'replace');
        if (permission.kind === 'refused') return permission.card;
        const current = (await deps.plans.describe(context)) ?? 'an existing plan';
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

  const verbs: Record<string, VerbHandler> = {
    [ACCEPT_VERB]: choose('accept'),
    [OVERRIDE_VERB]: choose('override'),
    [REPLACE_PLAN_VERB]: choose('replace'),
    [KEEP_PLAN_VERB]: async () =>
      messageResponse('Kept the current plan. The new recommendation stays open: accept it later to replace the plan.'),
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
      why: async (context) => {
        const location = planLocation(context);
        const record = (await decisions.accepted(location)) ?? (await decisions.pending(location, actorOf(context).id));
        if (!record) {
          await deps.reply(
            context,
            'No sync tool has been chosen in this conversation yet. Say **start** to answer a few questions and get a recommendation.',
          );
          return;
        }
        await deps.reply(context, cardOf(record, undefined, 'Why this tool'));
      },
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

/** Card data is untrusted: only a well-formed "Answer now" submit is read. */
function asRefineSubmit(value: unknown): { refine: string; decisionId: string; owner: string } | undefined {
  const v = value as Record<string, unknown> | undefined;
  if (!v || typeof v !== 'object') return undefined;
  const ok = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200;
  return ok(v.refine) && ok(v.decisionId) && ok(v.owner)
    ? { refine: v.refine, decisionId: v.decisionId, owner: v.owner }
    : undefined;
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

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
