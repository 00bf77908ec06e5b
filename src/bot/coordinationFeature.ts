/**
 * Owners and due dates in Teams: the task card's "Assign to me", "Unassign",
 * "Assign someone" (a people picker) and "Set due date" buttons, and their typed twins `assign 3 to me`,
 * `assign 3 to @name`, `unassign 3`, `due 3 2026-12-15`, `due 3 clear`.
 *
 * This file translates: it finds the task, reads who was meant (the mention entity or the picker's value,
 * never a name in the text), asks Teams whether that person belongs to the plan's conversation, and hands
 * the change to src/actions/editActions.ts. Dates are checked by the domain, on the server, every time.
 */
import type { TurnContext } from 'botbuilder';
import { applyTaskEdit, missingInputNotice, type EditActionDeps, type PlanPlace } from '../actions/editActions';
import { parseActionData } from '../actions/taskActions';
import { unappliedCard } from '../actions/unappliedCards';
import type { TaskId } from '../domain/catalog';
import { taskByNumber, taskNumber, type Actor } from '../domain/plan';
import type { PlanEdit } from '../domain/planEdits';
import { noPlanCard, noSuchTaskCard, type CardNotice } from '../cards/planNotices';
import { COORDINATION_VERBS, DUE_INPUT, OWNER_INPUT, taskCard } from '../cards/taskCard';
import { errorCard } from '../cards/errorCard';
import { escapeMarkdown, type AdaptiveCardJson } from '../cards/render';
import type { Logger } from '../logger';
import type { ConversationRegistry } from '../store/conversationRegistry';
import type { MyTasksIndex } from '../store/myTasksIndex';
import type { PlanLocation, PlanStore } from '../store/planStore';
import type { Command } from '../domain/commands';
import { cardResponse } from './invokeResponses';
import { lookupMember, someMembers } from './membership';
import type { Outgoing } from '../actions/outgoing';
import { actorOf, planLocation, type TurnReply } from './turn';
import type { ActionData, Feature, VerbHandler } from './routing';
import { placeOf as planPlace } from './planPlace';

export interface CoordinationFeatureDeps {
  readonly planStore: PlanStore;
  readonly myTasks: MyTasksIndex;
  readonly registry: Pick<ConversationRegistry, 'get'>;
  /** The app's one outgoing service: refreshes the other copies of a changed card. */
  readonly outgoing: Pick<Outgoing, 'changed'>;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** GRAPH_CHECKS is on: task cards answered here offer "Check now" where Graph can observe the task. */
  readonly tenantChecks?: boolean;
  /** The app's one way to answer in the current turn (turn.ts). */
  readonly reply: TurnReply;
}

/** Who a change names as the new owner, before Teams has confirmed them. */
type OwnerRequest =
  { readonly kind: 'me' } | { readonly kind: 'someone'; readonly userId: string; readonly shownName?: string };

const MAX_ID = 200;
const PERSONAL_ONLY_SELF =
  'In a personal chat only you can own tasks: say "assign N to me" or press Assign to me. To give a task to someone else, share the plan to a team channel ("share") and assign it there.';

export function createCoordinationFeature(deps: CoordinationFeatureDeps): Feature {
  const { planStore, logger } = deps;

  const editDeps = (context: TurnContext): EditActionDeps => ({
    planStore,
    myTasks: deps.myTasks,
    clock: deps.clock,
    logger,
    outgoing: deps.outgoing,
    placeOf: (location) => placeOf(context, location),
    tenantChecks: deps.tenantChecks,
  });

  const placeOf = (context: TurnContext, location: PlanLocation): Promise<PlanPlace> =>
    planPlace({ planStore, registry: deps.registry }, context, location);

  /**
   * The owner to record: the person clicking, or someone Teams confirms as a member of this conversation.
   * A refusal is a notice for the task card; nothing has changed when one comes back.
   */
  const resolveOwner = async (
    context: TurnContext,
    request: OwnerRequest,
  ): Promise<{ owner: Actor } | { refusal: string }> => {
    const me = actorOf(context);
    const from = context.activity.from;
    if (
      request.kind === 'me' ||
      request.userId === me.id ||
      request.userId === from?.id ||
      request.userId === from?.aadObjectId
    )
      return { owner: me };
    if (isPersonal(context)) return { refusal: PERSONAL_ONLY_SELF };
    if (request.userId === context.activity.recipient?.id)
      return { refusal: 'I keep the plan, but I cannot own its tasks: pick a person. Nothing changed.' };
    const shown = escapeMarkdown((request.shownName ?? 'That person').slice(0, 80));
    const lookup = await lookupMember(context, { kind: 'here' }, request.userId);
    switch (lookup.kind) {
      case 'member':
        return { owner: lookup.member };
      case 'notMember':
        return {
          refusal: `${shown} is not a member of this ${placeWord(context)}, so they cannot own its tasks. Nothing changed.`,
        };
      case 'unknown':
        return {
          refusal: `I could not check with Teams whether ${shown} is a member of this ${placeWord(context)}. Nothing changed; please try again in a moment.`,
        };
    }
  };

  /** Loads the plan and the task a button names, or the card that says why not. */
  const taskFromData = async (context: TurnContext, data: ActionData): Promise<Found | { card: AdaptiveCardJson }> => {
    const parsed = parseActionData(data);
    if (!parsed.ok) return { card: errorCard(parsed.message) };
    const location = planLocation(context);
    const record = await planStore.load(location);
    if (!record) return { card: unappliedCard('noPlan') };
    if (record.plan.id !== parsed.value.planId) return { card: unappliedCard('otherPlan') };
    if (!record.plan.tasks.some((task) => task.id === parsed.value.taskId))
      return { card: unappliedCard('unknownTask') };
    return { location, record, ...parsed.value };
  };

  const edit = (
    context: TurnContext,
    location: PlanLocation,
    request: { planId: string; taskId: TaskId; revision?: number },
    change: PlanEdit,
  ) => applyTaskEdit(editDeps(context), location, actorOf(context), { ...request, edit: change });

  const assign = async (
    context: TurnContext,
    location: PlanLocation,
    request: { planId: string; taskId: TaskId; revision?: number },
    who: OwnerRequest,
    shownIn: (notice: CardNotice) => Promise<AdaptiveCardJson>,
  ) => {
    const resolved = await resolveOwner(context, who);
    if ('refusal' in resolved) return shownIn({ text: resolved.refusal, tone: 'warning' });
    return edit(context, location, request, { kind: 'assign', taskId: request.taskId, owner: resolved.owner });
  };

  /** A button handler over a task of this conversation's plan. */
  const onTask =
    (handle: (context: TurnContext, task: Found, data: ActionData) => Promise<AdaptiveCardJson>): VerbHandler =>
    async (context, data) => {
      const found = await taskFromData(context, data);
      if ('card' in found) return cardResponse(found.card);
      return cardResponse(await handle(context, found, data));
    };

  const verbs: Record<string, VerbHandler> = {
    [COORDINATION_VERBS.assignMe]: onTask((context, t) =>
      assign(context, t.location, t, { kind: 'me' }, async (notice) =>
        taskCard(t.record.plan, t.taskId, notice, { now: deps.clock(), tenantChecks: deps.tenantChecks }),
      ),
    ),
    [COORDINATION_VERBS.unassign]: onTask((context, t) =>
      edit(context, t.location, t, { kind: 'unassign', taskId: t.taskId }),
    ),
    [COORDINATION_VERBS.ownerEditor]: onTask(async (context, t) => {
      if (isPersonal(context))
        return taskCard(
          t.record.plan,
          t.taskId,
          { text: PERSONAL_ONLY_SELF, tone: 'info' },
          { now: deps.clock(), tenantChecks: deps.tenantChecks },
        );
      return ownerEditorCard(context, t);
    }),
    [COORDINATION_VERBS.assign]: onTask(async (context, t, data) => {
      const userId = idOf(data[OWNER_INPUT]);
      if (!userId)
        return isPersonal(context)
          ? taskCard(
              t.record.plan,
              t.taskId,
              { text: PERSONAL_ONLY_SELF, tone: 'info' },
              { now: deps.clock(), tenantChecks: deps.tenantChecks },
            )
          : ownerEditorCard(context, t, missingInputNotice('owner', taskNumber(t.record.plan, t.taskId)));
      return assign(context, t.location, t, { kind: 'someone', userId }, async (notice) =>
        isPersonal(context)
          ? taskCard(t.record.plan, t.taskId, notice, { now: deps.clock(), tenantChecks: deps.tenantChecks })
          : ownerEditorCard(context, t, notice),
      );
    }),
    [COORDINATION_VERBS.dueEditor]: onTask(async (_context, t) =>
      taskCard(t.record.plan, t.taskId, undefined, {
        now: deps.clock(),
        tenantChecks: deps.tenantChecks,
        editor: { kind: 'due' },
      }),
    ),
    [COORDINATION_VERBS.setDue]: onTask(async (context, t, data) => {
      const due = typeof data[DUE_INPUT] === 'string' ? data[DUE_INPUT].slice(0, 100) : '';
      if (due.trim() === '')
        return taskCard(t.record.plan, t.taskId, missingInputNotice('due', taskNumber(t.record.plan, t.taskId)), {
          now: deps.clock(),
          tenantChecks: deps.tenantChecks,
          editor: { kind: 'due' },
        });
      return edit(context, t.location, t, { kind: 'setDue', taskId: t.taskId, due });
    }),
    // The button of the "in the past?" question: the date travels in its data and is checked again here.
    [COORDINATION_VERBS.confirmPastDue]: onTask(async (context, t, data) => {
      const due = typeof data.due === 'string' ? data.due.slice(0, 100) : '';
      return edit(context, t.location, t, { kind: 'setDue', taskId: t.taskId, due, allowPast: true });
    }),
    [COORDINATION_VERBS.clearDue]: onTask((context, t) =>
      edit(context, t.location, t, { kind: 'clearDue', taskId: t.taskId }),
    ),
  };

  async function ownerEditorCard(context: TurnContext, t: Found, notice?: CardNotice): Promise<AdaptiveCardJson> {
    const number = taskNumber(t.record.plan, t.taskId) ?? 'N';
    return taskCard(t.record.plan, t.taskId, notice, {
      now: deps.clock(),
      tenantChecks: deps.tenantChecks,
      editor: {
        kind: 'owner',
        choices: await someMembers(context),
        typedHint: `Or type: @Sync Guide assign ${number} to @name`,
      },
    });
  }

  /** Typed commands name a task by its number; answers go back as a card in the conversation. */
  const withTask = async (
    context: TurnContext,
    number: number,
    run: (location: PlanLocation, request: { planId: string; taskId: TaskId }) => Promise<AdaptiveCardJson>,
  ) => {
    const location = planLocation(context);
    const record = await planStore.load(location);
    if (!record) {
      await deps.reply(context, noPlanCard());
      return;
    }
    const task = taskByNumber(record.plan, number);
    if (!task) {
      await deps.reply(context, noSuchTaskCard(record.plan, number));
      return;
    }
    await deps.reply(context, await run(location, { planId: record.plan.id, taskId: task.id }));
  };

  const refusalCard = async (location: PlanLocation, taskId: TaskId, notice: CardNotice) => {
    const record = await planStore.load(location);
    return record
      ? taskCard(record.plan, taskId, notice, { now: deps.clock(), tenantChecks: deps.tenantChecks })
      : noPlanCard();
  };

  return {
    verbs,
    commands: {
      assign: (context, command) =>
        withTask(context, command.taskNumber, async (location, request) => {
          const who = command.to === 'me' ? ({ kind: 'me' } as const) : mentionedOwner(context, command);
          if ('refusal' in who) return refusalCard(location, request.taskId, { text: who.refusal, tone: 'warning' });
          return assign(context, location, request, who, (notice) => refusalCard(location, request.taskId, notice));
        }),
      unassign: (context, command) =>
        withTask(context, command.taskNumber, (location, request) =>
          edit(context, location, request, { kind: 'unassign', taskId: request.taskId }),
        ),
      due: (context, command) =>
        withTask(context, command.taskNumber, (location, request) =>
          edit(
            context,
            location,
            request,
            command.date === null
              ? { kind: 'clearDue', taskId: request.taskId }
              : { kind: 'setDue', taskId: request.taskId, due: command.date },
          ),
        ),
    },
  };
}

type Found = {
  location: PlanLocation;
  record: NonNullable<Awaited<ReturnType<PlanStore['load']>>>;
  planId: string;
  taskId: TaskId;
  revision?: number;
};

/** The one person the message @mentions besides the bot, from the mention entities (never from the text). */
function mentionedOwner(
  context: TurnContext,
  command: Extract<Command, { name: 'assign' }>,
): OwnerRequest | { refusal: string } {
  const botId = context.activity.recipient?.id;
  const mentions = (context.activity.entities ?? [])
    .filter((entity) => entity?.type === 'mention')
    .map((entity) => (entity as { mentioned?: { id?: unknown; name?: unknown } }).mentioned)
    .filter(
      (mentioned): mentioned is { id: string; name?: unknown } =>
        typeof mentioned?.id === 'string' &&
        mentioned.id.length > 0 &&
        mentioned.id.length <= MAX_ID &&
        mentioned.id !== botId,
    );
  const unique = [...new Map(mentions.map((m) => [m.id, m])).values()];
  const n = command.taskNumber;
  if (isPersonal(context)) return { refusal: PERSONAL_ONLY_SELF.replace('"assign N to me"', `"assign ${n} to me"`) };
  if (unique.length === 0) {
    return {
      refusal: `To give task ${n} to someone, @mention them: "@Sync Guide assign ${n} to @name" (pick the name from the list Teams offers). Or say "assign ${n} to me".`,
    };
  }
  if (unique.length > 1)
    return {
      refusal: `That mentions ${unique.length} people; a task has one owner. Mention one person: "@Sync Guide assign ${n} to @name".`,
    };
  const name = typeof unique[0].name === 'string' ? unique[0].name : undefined;
  return { kind: 'someone', userId: unique[0].id, ...(name ? { shownName: name } : {}) };
}

function isPersonal(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === 'personal' || type === undefined;
}

function placeWord(context: TurnContext): string {
  return context.activity.conversation?.conversationType === 'channel' ? 'team' : 'chat';
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_ID ? value.trim() : undefined;
}
