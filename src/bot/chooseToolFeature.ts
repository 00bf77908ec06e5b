/**
 * Choosing the sync tool in Teams: binds the questionnaire family (actions/questionnaireActions.ts) and the decision
 * family (actions/decisionActions.ts) to Teams turns and runs the questionnaire dialog (dialogs/chooseToolDialog.ts),
 * which botbuilder-dialogs keeps in per-person conversation state. The families decide what a turn leads to (how a
 * round begins, what a start over discards, what a finished round recommends); this file only says what the turn is
 * and starts or continues the dialog with their options.
 */
import { randomUUID } from 'node:crypto';
import type { PrivateConversationState, StatePropertyAccessor, Storage, TurnContext } from 'botbuilder';
import type { DialogSet, DialogState, DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import { decisionActions } from '../actions/decisionActions';
import {
  NOT_YOUR_ROUND,
  asQuestionSubmit,
  asRefineSubmit,
  questionnaireActions,
  worksDuringQuestions,
  type QuestionnaireTurn,
  type TurnSlot,
} from '../actions/questionnaireActions';
import { describePlan } from '../cards/planText';
import type { SpokenCommandReader } from '../dialogs/chooseToolDialog';
import type { DecisionSummary } from '../domain/decision';
import type { PlanSelection } from '../domain/plan';
import type { BeginOptions, QuestionnaireResult, QuestionnaireState } from '../domain/questionnaireState';
import { TOOL_NAMES } from '../domain/toolNames';
import type { KeepWith, PlanStore } from '../store/planStore';
import { DecisionStore } from '../store/decisionStore';
import { parseCommand } from '../domain/commands';
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

const PERMISSIONS = Symbol('planPermissions');

/** A per-person state property as the family's slot in this turn. */
function slotOf<T>(property: StatePropertyAccessor<T>, context: TurnContext): TurnSlot<T> {
  return {
    get: () => property.get(context),
    set: (value) => property.set(context, value),
    delete: () => property.delete(context),
  };
}

export function createChooseToolFeature(deps: ChooseToolFeatureDeps): Feature {
  const clock = deps.clock ?? (() => new Date());
  const newId = deps.newId ?? (() => randomUUID());
  const decisions = new DecisionStore(deps.storage);
  const decide = decisionActions({ decisions, clock, newId });
  const questionnaire = questionnaireActions({ decisions, decide, clock, newId });
  const paused = deps.privateState.createProperty<QuestionnaireState>('chooseToolPaused');
  const offeredPlan = deps.privateState.createProperty<string>('startOverPlanId');
  const dialogState = deps.privateState.createProperty<DialogState>('chooseToolDialogState');

  /** Asked once per turn: the confirmation and the refusal of one start over read the same answer. */
  const mayDiscard = (plans: PlanPort, context: TurnContext) => {
    let asked = context.turnState.get<ReturnType<PlanPort['permission']> | undefined>(PERMISSIONS);
    if (!asked) {
      asked = plans.permission(context, 'discard');
      context.turnState.set(PERMISSIONS, asked);
    }
    return asked;
  };

  /** The turn as the families see it: where, who, the plan layer and this person's kept state, bound to this turn. */
  const turnOf = (context: TurnContext): QuestionnaireTurn => {
    const plans = deps.plans;
    return {
      location: planLocation(context),
      actor: actorOf(context),
      paused: slotOf(paused, context),
      offeredPlan: slotOf(offeredPlan, context),
      ...(plans
        ? {
            plans: {
              describe: () => plans.describe(context),
              start: (selection, decision, options) => plans.start(context, selection, decision, options),
              permission: (change) =>
                change === 'discard' ? mayDiscard(plans, context) : plans.permission(context, change),
              remove: (keep) => plans.remove(context, keep),
            },
          }
        : {}),
    };
  };

  /**
   * The dialog set, built on the first turn that needs it: botbuilder-dialogs and the text recognizers it loads take
   * over half a second of CPU, which a process serving only card clicks and plan commands never needs to spend.
   */
  let loaded: { readonly set: DialogSet; readonly dialogId: string; readonly complete: DialogTurnStatus } | undefined;
  const dialogs = () => {
    if (!loaded) {
      const { DialogSet, DialogTurnStatus } = require('botbuilder-dialogs') as typeof import('botbuilder-dialogs');
      const { CHOOSE_TOOL_DIALOG, ChooseToolDialog } =
        require('../dialogs/chooseToolDialog') as typeof import('../dialogs/chooseToolDialog');
      const set = new DialogSet(dialogState);
      set.add(
        new ChooseToolDialog({
          reply: deps.reply,
          actorOf,
          clock,
          newId: () => newId().slice(0, 12),
          startOver: {
            discardable: (context) => questionnaire.discardable(turnOf(context)),
            refusal: (context) => questionnaire.refusal(turnOf(context)),
            discard: async (context) => {
              const done = await questionnaire.discard(turnOf(context));
              if (done.refusal) await deps.reply(context, done.refusal);
              return done.notice;
            },
          },
          spoken: deps.spoken,
        }),
      );
      loaded = { set, dialogId: CHOOSE_TOOL_DIALOG, complete: DialogTurnStatus.complete };
    }
    return loaded;
  };

  /** Hands a round that ended this turn to the family and says what it answers. */
  const afterTurn = async (context: TurnContext, result: DialogTurnResult): Promise<void> => {
    if (result.status !== dialogs().complete) return;
    const answer = await questionnaire.finished(turnOf(context), result.result as QuestionnaireResult | undefined);
    if (answer !== undefined) await deps.reply(context, answer);
  };

  /** Runs a new round of this person's questions with the family's options, ending any running one. */
  const begin = async (context: TurnContext, options: BeginOptions): Promise<void> => {
    const { set, dialogId } = dialogs();
    const dc = await set.createContext(context);
    await dc.cancelAllDialogs();
    await afterTurn(context, await dc.beginDialog(dialogId, options));
  };

  // An override to Connect may need install-type questions first: the family says which, the dialog asks them.
  const verbs: Record<string, VerbHandler> = {};
  for (const [verb, handle] of Object.entries(decide.verbs))
    verbs[verb] = async (context, data) => {
      const outcome = await handle(turnOf(context), data);
      if (outcome.kind === 'card') return cardResponse(outcome.card);
      if (outcome.kind === 'askInstall')
        await begin(context, questionnaire.followUp(outcome.record, outcome.questions, outcome.tool));
      return messageResponse(outcome.text);
    };

  return {
    verbs,
    intercept: async (context, text) => {
      const refineValue = asRefineSubmit(context.activity.value);
      if (refineValue) {
        const outcome = await questionnaire.refine(turnOf(context), refineValue);
        if (outcome.kind === 'ask') await begin(context, outcome.options);
        else await deps.reply(context, outcome.text);
        return true;
      }
      const submit = asQuestionSubmit(context.activity.value);
      // Plan commands go to their own handlers whether or not a questionnaire is running, so they never
      // need this person's dialog state: skipping the read keeps "what's next" to a single storage read.
      if (!submit && worksDuringQuestions(parseCommand(text).name)) return false;
      const dc = await dialogs().set.createContext(context);
      if (!dc.activeDialog) {
        if (!submit) return false;
        await deps.reply(context, NOT_YOUR_ROUND);
        return true;
      }
      // Other people's messages never get here (their dialog stack is their own).
      await afterTurn(context, await dc.continueDialog());
      return true;
    },
    commands: {
      start: async (context) => begin(context, await questionnaire.start(turnOf(context))),
      startOver: (context) => begin(context, questionnaire.startOver()),
      why: async (context) => deps.reply(context, await decide.why(turnOf(context))),
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
