/**
 * `my tasks` in personal chat (issue 8 item 4) and the buttons on that list. The list and the plan lookups are
 * in src/actions/myTasks.ts; this file adds what needs Teams: before a button changes a plan that lives in
 * another conversation, the clicking person must own the task or be confirmed by Teams as a member of that
 * conversation. The plan is found through their own index (keyed by who Teams says is clicking), so card data
 * only names a plan and a task and can never point a click at a conversation.
 */
import type { TurnContext } from 'botbuilder';
import { applyMyTaskAction, findMyTask, listMyTasks, type FoundMyTask, type MyTasksDeps } from '../actions/myTasks';
import { parseActionData } from '../actions/taskActions';
import { MY_TASKS_LIST_VERBS, myTaskNotice, myTasksCard, type MyTaskOutcome } from '../cards/myTasksCard';
import { MY_TASK_OPEN_VERB, MY_TASK_VERBS, taskCard, type CardNotice } from '../cards/planCards';
import { errorCard } from '../cards/errorCard';
import type { AdaptiveCardJson } from '../cards/render';
import type { PlanAction } from '../domain/plan';
import type { MyTaskEntry } from '../store/myTasksIndex';
import { cardResponse } from './invokeResponses';
import { lookupMember, type MembershipScope } from './membership';
import { actorOf, planLocation } from './planFeature';
import type { ActionData, Feature, VerbHandler } from './routing';
import { sendCard } from './welcomeFeature';

const NOT_YOURS = 'This task is not on your list any more: it was given to someone else, or its plan was replaced. Nothing changed. Say "my tasks" for a fresh list.';

export function createMyTasksFeature(deps: MyTasksDeps): Feature {
  const listCard = async (context: TurnContext, notice?: CardNotice): Promise<AdaptiveCardJson> => {
    const me = actorOf(context);
    const items = await listMyTasks(deps, planLocation(context).tenantId, me.id);
    return myTasksCard(
      items.map((item) => ({ plan: item.record.plan, task: item.task, where: item.entry.where })),
      deps.clock(),
      notice,
    );
  };

  /** Owner of the task, or a member of the plan's conversation as Teams says now; otherwise why not. */
  const mayChange = async (context: TurnContext, found: Extract<FoundMyTask, { kind: 'found' }>): Promise<MyTaskOutcome | undefined> => {
    const me = actorOf(context);
    if (found.task.owner?.id === me.id) return undefined;
    const scope = scopeOf(found.entry);
    const where = found.entry.where;
    if (!scope) return { kind: 'onlyThere', where };
    const lookup = await lookupMember(context, scope, me.id);
    if (lookup.kind === 'member') return undefined;
    return { kind: lookup.kind === 'notMember' ? 'notMember' : 'unchecked', where };
  };

  /** A status button on the list (`list`) or on a task opened from it (`task`). */
  const statusVerb =
    (action: PlanAction, answer: 'list' | 'task'): VerbHandler =>
    async (context, data) => cardResponse(await change(context, data, action, answer));

  const change = async (context: TurnContext, data: ActionData, action: PlanAction, answer: 'list' | 'task'): Promise<AdaptiveCardJson> => {
    const parsed = parseActionData(data);
    if (!parsed.ok) return errorCard(parsed.message);
    const me = actorOf(context);
    const found = await findMyTask(deps, planLocation(context).tenantId, me.id, parsed.value.planId, parsed.value.taskId);
    if (found.kind === 'notFound') return answer === 'list' ? listCard(context, { text: NOT_YOURS, tone: 'warning' }) : errorCard(NOT_YOURS, 'Not on your list');
    const refusal = await mayChange(context, found);
    if (refusal) return answer === 'list' ? listCard(context, myTaskNotice(refusal)) : remoteCard(found, myTaskNotice(refusal));

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
        return answer === 'list' ? listCard(context, { text: NOT_YOURS, tone: 'warning' }) : errorCard(NOT_YOURS, 'Not on your list');
      case 'busy':
        result = { kind: 'busy' };
        break;
    }
    const notice = myTaskNotice(result);
    return answer === 'list' ? listCard(context, notice) : remoteCard(current, notice);
  };

  const remoteCard = (found: Extract<FoundMyTask, { kind: 'found' }>, notice?: CardNotice): AdaptiveCardJson =>
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
      const found = await findMyTask(deps, planLocation(context).tenantId, actorOf(context).id, parsed.value.planId, parsed.value.taskId);
      if (found.kind === 'notFound') return cardResponse(errorCard(NOT_YOURS, 'Not on your list'));
      return cardResponse(remoteCard(found));
    },
  };

  return {
    verbs,
    commands: {
      myTasks: async (context) => {
        if (context.activity.conversation?.conversationType !== 'personal') {
          await sendCard(
            context,
            errorCard('"my tasks" lists your tasks from every plan, so I answer it only in your personal chat with me. Open the chat with Sync Guide and say "my tasks" there.', 'Ask me in personal chat'),
          );
          return;
        }
        await sendCard(context, await listCard(context));
      },
    },
  };
}

/** Where to ask Teams about membership of the plan's conversation; a personal chat has no other members. */
function scopeOf(entry: MyTaskEntry): MembershipScope | undefined {
  if (entry.teamId) return { kind: 'team', teamId: entry.teamId };
  if (entry.conversationType === 'groupChat' || entry.conversationType === 'channel') return { kind: 'conversation', conversationId: entry.location.conversationId };
  return undefined;
}
