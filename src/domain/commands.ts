/**
 * The bot's typed commands: one table drives parsing, the help card and the manifest's command lists,
 * so a command cannot exist in one place and be missing from another.
 */
import { MAX_PARSED_TEXT_LENGTH, trimTrailing, withinParseLimit } from './typedText';

export type TaskVerb = 'start' | 'done' | 'skip' | 'reopen';
/** `remind` without a cadence asks what the plan's reminders are set to. */
export type ReminderChoice = 'daily' | 'weekly' | 'off' | 'show';

export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'start' }
  | { readonly name: 'startOver' }
  | { readonly name: 'next' }
  | { readonly name: 'status' }
  | { readonly name: 'tasks' }
  /** With a task number, only that task's changes ("history 3"). */
  | { readonly name: 'history'; readonly taskNumber?: number }
  | { readonly name: 'why' }
  | { readonly name: 'share' }
  | { readonly name: 'taskAction'; readonly action: TaskVerb; readonly taskNumber: number }
  /** `to: 'mentioned'` means whoever the message @mentions (besides the bot): names are never read from the text. */
  | { readonly name: 'assign'; readonly taskNumber: number; readonly to: 'me' | 'mentioned' }
  | { readonly name: 'unassign'; readonly taskNumber: number }
  /** `date` is what was typed, unchecked (the domain's checkDueDate decides); null clears the due date. */
  | { readonly name: 'due'; readonly taskNumber: number; readonly date: string | null }
  | { readonly name: 'myTasks' }
  | { readonly name: 'remind'; readonly cadence: ReminderChoice }
  | { readonly name: 'report' }
  /** Bring back the plan discarded or replaced most recently here (kept for 30 days). */
  | { readonly name: 'restore' }
  | { readonly name: 'check' }
  /** `watch` alone shows the setting. */
  | { readonly name: 'watch'; readonly setting: 'on' | 'off' | 'show' }
  /** `text` is the normalized text; for text too long to parse, the normalized start of it followed by '…'. */
  | { readonly name: 'unknown'; readonly text: string };

export interface CommandInfo {
  /** The command these words parse to: help puts the closest commands first by it. */
  readonly name: Command['name'];
  /** What the user types, as shown in help. */
  readonly usage: string;
  readonly description: string;
  /** Shown in team channels and group chats as well as in personal chat. */
  readonly inChannels: boolean;
}

export const COMMAND_HELP: readonly CommandInfo[] = [
  {
    name: 'start',
    usage: 'start',
    description: 'Answer a few questions and get a sync tool recommendation',
    inChannels: true,
  },
  { name: 'next', usage: "what's next", description: 'Show the next open task of the plan', inChannels: true },
  { name: 'status', usage: 'status', description: 'Show the plan summary with progress', inChannels: true },
  { name: 'tasks', usage: 'tasks', description: 'List every task with its status', inChannels: true },
  {
    name: 'history',
    usage: 'history',
    description: 'Show the latest changes: who did what, when (history 3: only task 3)',
    inChannels: true,
  },
  { name: 'why', usage: 'why', description: 'Explain why this sync tool was chosen', inChannels: true },
  {
    name: 'share',
    usage: 'share',
    description: 'Post your plan to a team channel, as one plan the channel works on with you',
    inChannels: false,
  },
  {
    name: 'taskAction',
    usage: 'done 3 / skip 3 / reopen 3',
    description: 'Change task 3 without the buttons (also: start 3)',
    inChannels: true,
  },
  {
    name: 'assign',
    usage: 'assign 3 to me / assign 3 to @name',
    description: 'Make yourself or a member of this chat or channel the owner of task 3',
    inChannels: true,
  },
  { name: 'unassign', usage: 'unassign 3', description: 'Take the owner off task 3', inChannels: true },
  {
    name: 'due',
    usage: 'due 3 2026-12-15 / due 3 clear',
    description: 'Set or clear the due date of task 3 (YYYY-MM-DD, end of that day UTC)',
    inChannels: true,
  },
  {
    name: 'myTasks',
    usage: 'my tasks',
    description: 'The open tasks assigned to you, across every plan',
    inChannels: false,
  },
  {
    name: 'remind',
    usage: 'remind daily / remind weekly / remind off',
    description: 'Post a digest of overdue and next tasks here every day or week (asks first)',
    inChannels: true,
  },
  {
    name: 'report',
    usage: 'report',
    description: 'The plan as a report, with a CSV download (also: export)',
    inChannels: true,
  },
  {
    name: 'check',
    usage: 'check',
    description: "Read the tenant's sync status from Microsoft Graph (when tenant checks are on)",
    inChannels: true,
  },
  {
    name: 'watch',
    usage: 'watch on / watch off',
    description:
      'Warn here once when sync stops or a Cloud Sync job is quarantined, and once when it recovers (asks first)',
    inChannels: true,
  },
  {
    name: 'startOver',
    usage: 'start over',
    description: 'Discard the answers and plan and begin again (asks first; the plan can be restored for 30 days)',
    inChannels: true,
  },
  {
    name: 'restore',
    usage: 'restore',
    description:
      'Bring back the plan discarded or replaced most recently here, within 30 days (asks first if it replaces a plan)',
    inChannels: true,
  },
  { name: 'help', usage: 'help', description: 'Show what I can do', inChannels: true },
];

/**
 * The exact words of a command that takes nothing ("what's next" for `next`): its help entry's usage, when that
 * parses back to the command alone. Undefined for a command that needs more (a task number, a cadence). The
 * "did you mean" buttons type these words, so help and they cannot drift apart.
 */
export function plainWordsOf(name: Command['name']): string | undefined {
  const usage = COMMAND_HELP.find((info) => info.name === name)?.usage;
  if (usage === undefined) return undefined;
  const parsed = parseCommand(usage);
  return parsed.name === name && Object.keys(parsed).length === 1 ? usage : undefined;
}

const SIMPLE: ReadonlyArray<readonly [RegExp, Command]> = [
  [/^(help|\?|commands|menu)$/, { name: 'help' }],
  [/^(start over|restart|reset|begin again)$/, { name: 'startOver' }],
  [/^(start|get started|begin|choose|recommend)$/, { name: 'start' }],
  [/^(what'?s next|what is next|what next|next( task)?)$/, { name: 'next' }],
  [/^(status|summary|progress|plan)$/, { name: 'status' }],
  [/^(tasks|list|list tasks|all tasks)$/, { name: 'tasks' }],
  [
    /^(restore|undo start over|restore (the )?(last |previous |earlier |old )?plan|bring (it|the plan) back)$/,
    { name: 'restore' },
  ],
  [/^(why|why this tool|why (cloud sync|connect( sync)?))$/, { name: 'why' }],
  [/^(report|export|(plan |export )?report|export (the )?(plan|csv)|csv)$/, { name: 'report' }],
  [/^(my tasks?|my open tasks|mine|assigned to me|what'?s mine)$/, { name: 'myTasks' }],
  [/^(check|check now|check (the )?(tenant|sync)|tenant check|sync status)$/, { name: 'check' }],
  [
    /^(share|share (the |my )?plan|share (it |the plan |my plan )?(to|with|in) (a |the )?(team|channel))$/,
    { name: 'share' },
  ],
];

const TASK_ACTION = /^(start|begin|done|complete|finish(?:ed)?|skip|reopen|undo)\s+(?:task\s+)?#?(\d{1,3})$/;
const ACTION_ALIASES: Record<string, TaskVerb> = {
  start: 'start',
  begin: 'start',
  done: 'done',
  complete: 'done',
  finish: 'done',
  finished: 'done',
  skip: 'skip',
  reopen: 'reopen',
  undo: 'reopen',
};

const HISTORY = /^(?:history|log|changes)(?:\s+(?:of\s+)?(?:task\s+)?#?(\d{1,3}))?$/;

const REMIND = /^(?:remind|reminders?)(?:\s+(daily|every day|weekly|every week|off|none|stop))?$/;
const REMIND_ALIASES: Record<string, ReminderChoice> = {
  daily: 'daily',
  'every day': 'daily',
  weekly: 'weekly',
  'every week': 'weekly',
  off: 'off',
  none: 'off',
  stop: 'off',
};

const WATCH = /^watch(?:\s+(on|off|start|stop))?$/;
const WATCH_ALIASES: Record<string, 'on' | 'off'> = { on: 'on', start: 'on', off: 'off', stop: 'off' };

const ASSIGN = /^(?:assign|give)\s+(?:task\s+)?#?(\d{1,3})(?:\s+to(?:\s+(.*))?)?$/;
const TAKE = /^take\s+(?:task\s+)?#?(\d{1,3})$/;
const UNASSIGN = /^(?:unassign|remove (?:the )?owner(?: of| from)?)\s+(?:task\s+)?#?(\d{1,3})$/;
const DUE = /^due(?: date)?\s+(?:task\s+)?#?(\d{1,3})(?:\s+(.*))?$/;
const CLEAR_DUE = /^(clear|none|remove|no date|off|delete)$/;

/**
 * Lower-cases and strips what Teams and people add around a command: leftover mention markup, spaces, trailing
 * punctuation, curly quotes. Every step is linear in the length of the text (a tag ends at the next '<' as well as
 * at '>', so a run of '<' is not rescanned from each one); it has no length limit of its own.
 */
export function normalizeText(text: string): string {
  const collapsed = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    // "/help", "!status", and "! status" too.
    .replace(/^[/!] ?/, '');
  // Whitespace is single spaces by now.
  return trimTrailing(collapsed, ' .?!');
}

export function parseCommand(rawText: string): Command {
  // No command is this long; deciding that before any pattern runs keeps a 250 KB message as cheap as "status".
  if (!withinParseLimit(rawText)) {
    const start = normalizeText(rawText.slice(0, MAX_PARSED_TEXT_LENGTH));
    return { name: 'unknown', text: start ? `${start}…` : '' };
  }
  const text = normalizeText(rawText);
  for (const [pattern, command] of SIMPLE) if (pattern.test(text)) return command;
  const history = HISTORY.exec(text);
  if (history)
    return history[1] === undefined ? { name: 'history' } : { name: 'history', taskNumber: Number(history[1]) };
  const remind = REMIND.exec(text);
  if (remind) return { name: 'remind', cadence: REMIND_ALIASES[remind[1] ?? ''] ?? 'show' };
  const watch = WATCH.exec(text);
  if (watch) return { name: 'watch', setting: WATCH_ALIASES[watch[1] ?? ''] ?? 'show' };
  const assign = ASSIGN.exec(text);
  if (assign)
    return {
      name: 'assign',
      taskNumber: Number(assign[1]),
      // "to me, I'll handle it": what follows the owner is a remark, not another owner.
      to: /^(me|myself)\b/.test(assign[2] ?? '') ? 'me' : 'mentioned',
    };
  const take = TAKE.exec(text);
  if (take) return { name: 'assign', taskNumber: Number(take[1]), to: 'me' };
  const unassign = UNASSIGN.exec(text);
  if (unassign) return { name: 'unassign', taskNumber: Number(unassign[1]) };
  const due = DUE.exec(text);
  if (due)
    return { name: 'due', taskNumber: Number(due[1]), date: CLEAR_DUE.test(due[2] ?? '') ? null : (due[2] ?? '') };
  const task = TASK_ACTION.exec(text);
  if (task) return { name: 'taskAction', action: ACTION_ALIASES[task[1]], taskNumber: Number(task[2]) };
  return { name: 'unknown', text };
}
