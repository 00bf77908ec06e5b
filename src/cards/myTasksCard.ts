/**
 * The "my tasks" list for personal chat: each open task assigned to the person, the plan it belongs to and
 * where that plan lives, its status and due date, and buttons that act on it from here.
 */
import type { ActionRefusal, Actor, Plan, PlanAction, TaskStatus, TaskView } from '../domain/plan';
import { toolTitle } from '../domain/toolNames';
import { alreadyNotice, refusalNotice, type CardNotice } from './planNotices';
import { catalogText, dueLine, statusBadge } from './planText';
import { MY_TASK_OPEN_VERB, MY_TASKS_LIST_VERBS } from '../domain/myTasksVerbs';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';

/** Items on one card; with four buttons and three lines each, more would crowd the 28 KB budget and the reader. */
export const MY_TASKS_CARD_LIMIT = 15;

export interface MyTasksCardItem {
  readonly plan: Plan;
  readonly task: TaskView & { number: number };
  /** Where the plan lives, as people call it; user text (team and chat names), escaped here. */
  readonly where: string;
}

/** Tasks left off the list because Teams says (or could not say) that the person still belongs where their plan lives. */
export interface WithheldTasks {
  /** In conversations Teams says the person is no longer a member of. */
  readonly notMember: number;
  /** In conversations Teams could not answer for just now. */
  readonly unchecked: number;
}

export function myTasksCard(
  items: readonly MyTasksCardItem[],
  now: Date,
  notice?: CardNotice,
  withheld: WithheldTasks = { notMember: 0, unchecked: 0 },
): AdaptiveCardJson {
  const shown = items.slice(0, MY_TASKS_CARD_LIMIT);
  const plans = new Set(items.map((item) => item.plan.id)).size;
  const intro =
    items.length === 0
      ? 'Nothing is assigned to you right now'
      : `${items.length} open task${items.length === 1 ? '' : 's'} assigned to you${plans > 1 ? `, in ${plans} plans` : ''}`;
  return renderCard('myTasks', {
    intro,
    notice: [...(notice ? [notice] : []), ...withheldNotices(withheld)].map((n) => ({
      text: n.text,
      color: n.tone === 'warning' ? 'Warning' : 'Accent',
    })),
    items: shown.map(({ plan, task, where }) => {
      const status = statusBadge(task.status);
      const due = dueLine(task, now);
      const ids = { planId: plan.id, taskId: task.id, revision: plan.revision };
      return {
        title: label(task),
        planLine: `${toolTitle(plan)} · ${escapeMarkdown(where)}`,
        statusText: status.text,
        statusColor: status.color,
        dueText: due.text,
        dueColor: due.color,
        actions: [
          ...(task.status === 'todo' ? [{ title: 'Start', verb: MY_TASKS_LIST_VERBS.start, ...ids }] : []),
          { title: 'Mark done', verb: MY_TASKS_LIST_VERBS.done, ...ids },
          { title: 'Open', verb: MY_TASK_OPEN_VERB, ...ids },
        ],
      };
    }),
    footer:
      items.length === 0
        ? 'When someone assigns you a task in a plan (or you say "assign 3 to me"), it shows up here.'
        : items.length > shown.length
          ? `Showing the ${shown.length} most recently assigned; ${items.length - shown.length} more are open.`
          : "Changes made here show up in the plan's own chat or channel too.",
  });
}

function withheldNotices(withheld: WithheldTasks): CardNotice[] {
  const tasks = (n: number) => `${n} task${n === 1 ? '' : 's'}`;
  return [
    ...(withheld.notMember > 0
      ? [
          {
            text: `${tasks(withheld.notMember)} still assigned to you ${withheld.notMember === 1 ? 'is' : 'are'} in a chat or channel you are no longer a member of, so ${withheld.notMember === 1 ? 'it is' : 'they are'} not shown. Someone there can reassign ${withheld.notMember === 1 ? 'it' : 'them'}.`,
            tone: 'info' as const,
          },
        ]
      : []),
    ...(withheld.unchecked > 0
      ? [
          {
            text: `I could not check with Teams that you are still a member where ${tasks(withheld.unchecked)} of yours ${withheld.unchecked === 1 ? 'lives' : 'live'}, so ${withheld.unchecked === 1 ? 'it is' : 'they are'} not shown. Say "my tasks" again in a moment.`,
            tone: 'warning' as const,
          },
        ]
      : []),
  ];
}

/**
 * What a button pressed from "my tasks" came to, as data. The words are chosen here, and the user text in them
 * (the place's name, the name of whoever settled the task) is escaped here, once.
 */
export type MyTaskOutcome =
  | {
      readonly kind: 'changed';
      readonly task: TaskView & { number: number };
      readonly action: PlanAction;
      readonly where: string;
    }
  | {
      readonly kind: 'already';
      readonly task: TaskView & { number: number };
      readonly status: TaskStatus;
      readonly by: Actor;
      readonly at: string;
    }
  | { readonly kind: 'refused'; readonly refusal: ActionRefusal }
  | { readonly kind: 'notMember'; readonly where: string }
  /** Teams could not say whether the person is still a member. */
  | { readonly kind: 'unchecked'; readonly where: string }
  | { readonly kind: 'busy' };

const DONE_WORDS: Readonly<Record<PlanAction, string>> = {
  done: 'marked done',
  start: 'started',
  skip: 'skipped',
  reopen: 'reopened',
  switchInstallType: 'switched',
};

export function myTaskNotice(outcome: MyTaskOutcome): CardNotice {
  switch (outcome.kind) {
    case 'changed':
      return {
        text: `${label(outcome.task)}: ${DONE_WORDS[outcome.action]}. The plan in ${escapeMarkdown(outcome.where)} shows it too.`,
        tone: 'info',
      };
    case 'already': {
      const notice = alreadyNotice(outcome.status, outcome.by, outcome.at);
      return { ...notice, text: `${label(outcome.task)}: ${notice.text}` };
    }
    case 'refused':
      return refusalNotice(outcome.refusal);
    case 'notMember':
      return {
        text: `You are not a member of ${escapeMarkdown(outcome.where)} any more, so its plan is not yours to change or read from here. Nothing changed.`,
        tone: 'warning',
      };
    case 'unchecked':
      return {
        text: `I could not check with Teams whether you are still a member of ${escapeMarkdown(outcome.where)}. Nothing changed; please try again in a moment.`,
        tone: 'warning',
      };
    case 'busy':
      return {
        text: 'Many changes arrived at the same moment and yours could not be saved. Nothing changed; please press the button again.',
        tone: 'warning',
      };
  }
}

function label(task: TaskView & { number: number }): string {
  return `${task.number}. ${catalogText(task.content.title)}`;
}
