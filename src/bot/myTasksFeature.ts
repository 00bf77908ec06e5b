/**
 * `my tasks` in personal chat and the buttons on that list. The list and the plan lookups are
 * in src/actions/myTasks.ts; this file adds what needs Teams: every path — the list, Open and the status
 * buttons — first asks Teams whether the person still belongs where the plan lives. Owning a task is not
 * enough: someone removed from a chat or channel keeps their name on its tasks until someone reassigns them,
 * but no longer reads or changes that plan from here. When Teams cannot answer, the answer is no (with "try
 * again"): an admin who removes someone expects the access to end, and a retry costs the person a moment.
 *
 * The plan is found through the person's own index (keyed by who Teams says is clicking), so card data only
 * names a plan and a task and can never point a click at a conversation.
 */
import type { TurnContext } from 'botbuilder';
import {
  applyMyTaskAction,
  findMyTask,
  listMyTasks,
  type FoundMyTask,
  type MyTaskItem,
  type MyTasksDeps,
} from '../actions/myTasks';
import { parseActionData } from '../actions/taskActions';
import {
  MY_TASKS_LIST_VERBS,
  myTaskNotice,
  myTasksCard,
  type MyTaskOutcome,
  type WithheldTasks,
} from '../cards/myTasksCard';
import { type CardNotice } from '../cards/planNotices';
import { MY_TASK_OPEN_VERB, MY_TASK_VERBS, taskCard } from '../cards/taskCard';
import { errorCard } from '../cards/errorCard';
import type { AdaptiveCardJson } from '../cards/render';
import type { PlanAction } from '../domain/plan';
import { baseConversationId } from '../store/conversationRegistry';
import type { MyTaskEntry } from '../store/myTasksIndex';
import type { PlanRecord } from '../store/planStore';
import { cardResponse } from './invokeResponses';
import type { MemberLookup } from '../domain/planRoles';
import { lookupMember, type MembershipScope } from './membership';
import { actorOf, planLocation, type TurnReply } from './turn';
import type { ActionData, Feature, VerbHandler } from './routing';

const NOT_YOURS =
  'This task is not on your list any more: it was given to someone else, or its plan was replaced. Nothing changed. Say "my tasks" for a fresh list.';

type Found = Extract<FoundMyTask, { kind: 'found' }>;
type Access = MemberLookup['kind'];

export function createMyTasksFeature(deps: MyTasksDeps & { readonly reply: TurnReply }): Feature {
  const listCard = async (context: TurnContext, notice?: CardNotice): Promise<AdaptiveCardJson> => {
    const me = actorOf(context);
    const items = await listMyTasks(deps, planLocation(context).tenantId, me.id);
    // One question to Teams per place, asked at once: a list spans up to MAX_PLANS_PER_LIST plans.
    const access = await Promise.all(items.map((item) => accessTo(context, item.entry, item.record)));
    const shown: MyTaskItem[] = [];
    const withheld = { notMember: 0, unchecked: 0 } satisfies WithheldTasks;
    items.forEach((item, i) => {
      if (access[i] === 'member') shown.push(item);
      else if (access[i] === 'notMember') withheld.notMember++;
      else withheld.unchecked++;
    });
    return myTasksCard(
      shown.map((item) => ({ plan: item.record.plan, task: item.task, where: item.entry.where })),
      deps.clock(),
      notice,
      withheld,
    );
  };

  /** Why the person may not act on a found task from here, or undefined when they may. */
  const refusalFor = async (context: TurnContext, found: Found): Promise<MyTaskOutcome | undefined> => {
    const access = await accessTo(context, found.entry, found.record);
    if (access === 'member') return undefined;
    return { kind: access === 'notMember' ? 'notMember' : 'unchecked', where: found.entry.where };
  };

  /** A status button on the list (`list`) or on a task opened from it (`task`). */
  const statusVerb =
    (action: PlanAction, answer: 'list' | 'task'): VerbHandler =>
    async (context, data) =>
      cardResponse(await change(context, data, action, answer));

  const change = async (
    context: TurnContext,
    data: ActionData,
    action: PlanAction,
    answer: 'list' | 'task',
  ): Promise<AdaptiveCardJson> => {
    const parsed = parseActionData(data);
    if (!parsed.ok) return errorCard(parsed.message);
    const me = actorOf(context);
    const found = await findMyTask(
      deps,
      planLocation(context).tenantId,
      me.id,
      parsed.value.planId,
      parsed.value.taskId,
    );
    if (found.kind === 'notFound')
      return answer === 'list'
        ? listCard(context, { text: NOT_YOURS, tone: 'warning' })
        : errorCard(NOT_YOURS, 'Not on your list');
    const refusal = await refusalFor(context, found);
    if (refusal) {
      // The task card would show the plan's current state, which is exactly what a former member may not read.
      return answer === 'list'
        ? listCard(context, myTaskNotice(refusal))
        : errorCard(myTaskNotice(refusal).text, 'Not available from here');
    }

    const outcome = await applyMyTaskAction(deps, found, me, action, parsed.value.revision);
    let result: MyTaskOutcome;
    let current = found;
    switch (outcome.kind) {
      case 'changed':
        result = { kind: 'changed', task: found.task, action, where: found.entry.where };
        current = { ...found, record: outcome.record };
        break;
      case 'unchanged': {
        const status = outcome.record.plan.tasks.find((task) => task.id === found.task.id)?.status ?? found.task.status;
        result = { kind: 'already', task: found.task, status, by: outcome.by, at: outcome.at };
        current = { ...found, record: outcome.record };
        break;
      }
      case 'rejected':
        result = { kind: 'refused', refusal: outcome.refusal };
        current = { ...found, record: outcome.record };
        break;
      case 'noPlan':
      case 'otherPlan':
        return answer === 'list'
          ? listCard(context, { text: NOT_YOURS, tone: 'warning' })
          : errorCard(NOT_YOURS, 'Not on your list');
      case 'busy':
        result = { kind: 'busy' };
        break;
    }
    const notice = myTaskNotice(result);
    return answer === 'list' ? listCard(context, notice) : remoteCard(current, notice);
  };

  const remoteCard = (found: Found, notice?: CardNotice): AdaptiveCardJson =>
    taskCard(found.record.plan, found.task.id, notice, { now: deps.clock(), remote: { where: found.entry.where } });

  const verbs: Record<string, VerbHandler> = {
    [MY_TASKS_LIST_VERBS.start]: statusVerb('start', 'list'),
    [MY_TASKS_LIST_VERBS.done]: statusVerb('done', 'list'),
    [MY_TASK_VERBS.start]: statusVerb('start', 'task'),
    [MY_TASK_VERBS.done]: statusVerb('done', 'task'),
    [MY_TASK_VERBS.skip]: statusVerb('skip', 'task'),
    [MY_TASK_VERBS.reopen]: statusVerb('reopen', 'task'),
    // Read-only, but still only through the person's own index: a forged plan id shows nothing.
    [MY_TASK_OPEN_VERB]: async (context, data) => {
      const parsed = parseActionData(data);
      if (!parsed.ok) return cardResponse(errorCard(parsed.message));
      const found = await findMyTask(
        deps,
        planLocation(context).tenantId,
        actorOf(context).id,
        parsed.value.planId,
        parsed.value.taskId,
      );
      if (found.kind === 'notFound') return cardResponse(errorCard(NOT_YOURS, 'Not on your list'));
      const refusal = await refusalFor(context, found);
      if (refusal) return cardResponse(errorCard(myTaskNotice(refusal).text, 'Not available from here'));
      return cardResponse(remoteCard(found));
    },
  };

  return {
    verbs,
    commands: {
      myTasks: async (context) => {
        if (context.activity.conversation?.conversationType !== 'personal') {
          await deps.reply(
            context,
            errorCard(
              '"my tasks" lists your tasks from every plan, so I answer it only in your personal chat with me. Open the chat with Sync Guide and say "my tasks" there.',
              'Ask me in personal chat',
            ),
          );
          return;
        }
        await deps.reply(context, await listCard(context));
      },
    },
  };
}

/** Whether the person clicking still belongs where the plan lives, as Teams says now. */
async function accessTo(context: TurnContext, entry: MyTaskEntry, record: PlanRecord): Promise<Access> {
  const scope = scopeOf(entry, record);
  if (scope === undefined) return 'notMember';
  if (scope.kind === 'personal')
    return scope.conversationId === baseConversationId(context.activity.conversation?.id ?? '')
      ? 'member'
      : 'notMember';
  // The Teams id of the person clicking is the one every member lookup accepts; the Entra id is the fallback.
  const from = context.activity.from;
  return (await lookupMember(context, scope, from?.id || actorOf(context).id)).kind;
}

/**
 * Where to ask Teams about the plan's conversation. The plan record knows where the plan lives now: a personal
 * plan shared to a channel since the task was assigned is the channel's, and its members decide.
 * A personal chat has one member: it is this person's own chat (the one they are asking from) or nobody's
 * they could reach.
 */
function scopeOf(
  entry: MyTaskEntry,
  record: PlanRecord,
): MembershipScope | { readonly kind: 'personal'; readonly conversationId: string } | undefined {
  const home = baseConversationId(record.conversationId || entry.location.conversationId);
  if (home !== baseConversationId(entry.location.conversationId)) return { kind: 'conversation', conversationId: home };
  switch (entry.conversationType) {
    case 'channel':
      return { kind: 'channel', channelId: home, ...(entry.teamId ? { teamId: entry.teamId } : {}) };
    case 'groupChat':
      return { kind: 'conversation', conversationId: home };
    case 'personal':
      return { kind: 'personal', conversationId: home };
    default:
      return entry.teamId ? { kind: 'team', teamId: entry.teamId } : undefined;
  }
}
