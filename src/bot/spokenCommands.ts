/**
 * Readings of free text as the bot's own commands: the Command a proposal stands for, the exact words that
 * parse back to it (what a "did you mean" button says for the person), and how a button or a reply reads.
 */
import type { PlanTaskInfo, Proposal } from '../understanding/understand';
import type { IntentName } from '../understanding/corpus';
import { plainWordsOf, type Command, type TaskVerb } from '../domain/commands';

const TASK_VERBS: Readonly<Record<'taskStart' | 'taskDone' | 'taskSkip' | 'taskReopen', TaskVerb>> = {
  taskStart: 'start',
  taskDone: 'done',
  taskSkip: 'skip',
  taskReopen: 'reopen',
};

const PLAIN_LABELS: Readonly<Record<string, string>> = {
  next: 'Show the next task',
  status: 'Show the plan summary',
  tasks: 'List every task',
  history: 'Show who did what',
  why: 'Explain the recommendation',
  help: 'Show what I can do',
  start: 'Start the questions',
  startOver: 'Start over',
  share: 'Share the plan to a channel',
  myTasks: 'Show my tasks',
  report: 'Make a report',
  check: "Check the tenant's sync",
  restore: 'Restore the last plan',
};

export function commandOf(proposal: Proposal): Command {
  switch (proposal.intent) {
    case 'remind':
      return { name: 'remind', cadence: proposal.cadence };
    case 'watch':
      return { name: 'watch', setting: proposal.setting };
    case 'taskStart':
    case 'taskDone':
    case 'taskSkip':
    case 'taskReopen':
      return { name: 'taskAction', action: TASK_VERBS[proposal.intent], taskNumber: proposal.taskNumber };
    case 'assign':
      return { name: 'assign', taskNumber: proposal.taskNumber, to: proposal.to };
    case 'unassign':
      return { name: 'unassign', taskNumber: proposal.taskNumber };
    case 'due':
      return { name: 'due', taskNumber: proposal.taskNumber, date: proposal.date };
    case 'history':
      return proposal.taskNumber === undefined
        ? { name: 'history' }
        : { name: 'history', taskNumber: proposal.taskNumber };
    default:
      return { name: proposal.intent };
  }
}

/**
 * The exact command for a proposal, or undefined when words cannot carry it: an assignment to someone
 * else needs a real @mention, which a button cannot type.
 */
export function exactWords(proposal: Proposal): string | undefined {
  switch (proposal.intent) {
    case 'remind':
      return proposal.cadence === 'show' ? 'remind' : `remind ${proposal.cadence}`;
    case 'watch':
      return proposal.setting === 'show' ? 'watch' : `watch ${proposal.setting}`;
    case 'taskStart':
    case 'taskDone':
    case 'taskSkip':
    case 'taskReopen':
      return `${TASK_VERBS[proposal.intent]} ${proposal.taskNumber}`;
    case 'assign':
      return proposal.to === 'me' ? `assign ${proposal.taskNumber} to me` : undefined;
    case 'unassign':
      return `unassign ${proposal.taskNumber}`;
    case 'due':
      return `due ${proposal.taskNumber} ${proposal.date ?? 'clear'}`;
    case 'history':
      return proposal.taskNumber === undefined ? plainWordsOf('history') : `history ${proposal.taskNumber}`;
    default:
      return plainWordsOf(proposal.intent);
  }
}

/** How a button offering this reads: "Mark task 3 done: Install the provisioning agent". */
export function optionLabel(proposal: Proposal, tasks: readonly PlanTaskInfo[] = []): string {
  const title = 'taskNumber' in proposal ? tasks.find((task) => task.number === proposal.taskNumber)?.title : undefined;
  const about = (text: string) => (title ? `${text}: ${title}` : text);
  switch (proposal.intent) {
    case 'remind':
      return proposal.cadence === 'show'
        ? 'Show the reminder setting'
        : proposal.cadence === 'off'
          ? 'Turn reminders off'
          : `Remind ${proposal.cadence}`;
    case 'watch':
      return proposal.setting === 'show'
        ? 'Show the tenant watch setting'
        : proposal.setting === 'off'
          ? 'Stop watching the tenant'
          : 'Watch the tenant for sync problems';
    case 'history':
      return proposal.taskNumber === undefined
        ? PLAIN_LABELS.history
        : about(`Show who did what on task ${proposal.taskNumber}`);
    case 'taskStart':
      return about(`Start task ${proposal.taskNumber}`);
    case 'taskDone':
      return about(`Mark task ${proposal.taskNumber} done`);
    case 'taskSkip':
      return about(`Skip task ${proposal.taskNumber}`);
    case 'taskReopen':
      return about(`Reopen task ${proposal.taskNumber}`);
    case 'assign':
      return about(`Assign task ${proposal.taskNumber} to me`);
    case 'unassign':
      return about(`Unassign task ${proposal.taskNumber}`);
    case 'due':
      return about(
        proposal.date
          ? `Task ${proposal.taskNumber} due ${proposal.date}`
          : `Clear the due date of task ${proposal.taskNumber}`,
      );
    default:
      return PLAIN_LABELS[proposal.intent] ?? proposal.intent;
  }
}

/** The command whose help entry teaches an intent, to put the closest commands first in help. */
export const HELP_COMMAND_OF: Readonly<Record<IntentName, Command['name']>> = {
  next: 'next',
  status: 'status',
  tasks: 'tasks',
  history: 'history',
  why: 'why',
  help: 'help',
  start: 'start',
  startOver: 'startOver',
  share: 'share',
  myTasks: 'myTasks',
  remind: 'remind',
  report: 'report',
  check: 'check',
  watch: 'watch',
  restore: 'restore',
  taskStart: 'taskAction',
  taskDone: 'taskAction',
  taskSkip: 'taskAction',
  taskReopen: 'taskAction',
  assign: 'assign',
  unassign: 'unassign',
  due: 'due',
  question: 'help',
};
