/**
 * Plan → card data → templates in cards/. Every word a card shows about a plan is decided here;
 * the status rules themselves stay in the domain (availableActions, nextTask, progress).
 */
import { CONNECT_INSTALL_TASK_IDS, type TaskId, type Track } from '../domain/catalog';
import type { DecisionSummary } from '../domain/decision';
import {
  availableActions,
  isFinished,
  nextTask,
  progress,
  tasksInOrder,
  type Actor,
  type HistoryEntry,
  type Plan,
  type PlanAction,
  type TaskStatus,
  type TaskView,
} from '../domain/plan';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';

/** The verbs the task card buttons carry, one per plan action. */
export const ACTION_VERBS: Readonly<Record<PlanAction, string>> = {
  start: 'task.start',
  done: 'task.done',
  skip: 'task.skip',
  reopen: 'task.reopen',
  switchInstallType: 'task.switchInstall',
};
export const SHOW_TASK_VERB = 'task.show';
export const NEXT_VERB = 'plan.next';

const STATUS: Readonly<Record<TaskStatus, { label: string; icon: string; color: string; changed: string }>> = {
  todo: { label: 'To do', icon: '⬜', color: 'Default', changed: 'Reopened' },
  inProgress: { label: 'In progress', icon: '🔵', color: 'Accent', changed: 'Started' },
  done: { label: 'Done', icon: '✅', color: 'Good', changed: 'Marked done' },
  skipped: { label: 'Skipped', icon: '⏭️', color: 'Warning', changed: 'Skipped' },
  notApplicable: { label: 'Not applicable', icon: '➖', color: 'Default', changed: 'Set aside' },
};

const TRACK_LABEL: Readonly<Record<Track, string>> = { cloudSync: 'Cloud Sync', connect: 'Connect Sync' };

export const HISTORY_LIMIT = 15;

/** A notice shown above the card body: why the card looks the way it does after a click. */
export interface CardNotice {
  text: string;
  tone: 'info' | 'warning';
}

/** Tasks numbered 1…n in catalog order; the numbers people type ("done 3") and see on every card. */
export function numberedTasks(plan: Plan): Array<TaskView & { number: number }> {
  return tasksInOrder(plan).map((task, index) => ({ ...task, number: index + 1 }));
}

export function taskByNumber(plan: Plan, number: number): TaskView | undefined {
  return numberedTasks(plan).find((task) => task.number === number);
}

export function taskNumber(plan: Plan, taskId: string): number | undefined {
  return numberedTasks(plan).find((task) => task.id === taskId)?.number;
}

/** "10:42 UTC, 26 Nov": people in one channel sit in different time zones, so UTC and say so. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  const time = date.toISOString().slice(11, 16);
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `${time} UTC, ${day}`;
}

export function nameOf(actor: Actor | undefined): string {
  const name = actor?.name?.trim();
  return escapeMarkdown(name ? name.slice(0, 80) : 'someone');
}

/** "Marked done by Ana at 10:42 UTC, 26 Nov", or what the task is waiting for. */
export function changedLine(plan: Plan, task: TaskView): string {
  if (task.changedBy && task.changedAt) {
    const verb = isToolChoice(task.id) ? 'Decided' : STATUS[task.status].changed;
    return `${verb} by ${nameOf(task.changedBy)} at ${formatWhen(task.changedAt)}`;
  }
  if (task.status === 'notApplicable') {
    return `Not used: this plan installs Connect Sync with ${plan.selection.connectInstall ?? 'express'} settings.`;
  }
  return 'Not started yet.';
}

/** "Already marked done by Ana at 10:42 UTC, 26 Nov" for a repeated or stale click. */
export function alreadyNotice(status: TaskStatus, by: Actor, at: string): CardNotice {
  return { text: `Already ${STATUS[status].changed.toLowerCase()} by ${nameOf(by)} at ${formatWhen(at)}. Nothing changed.`, tone: 'info' };
}

export function taskCard(plan: Plan, taskId: string, notice?: CardNotice): AdaptiveCardJson {
  const numbered = numberedTasks(plan);
  const task = numbered.find((candidate) => candidate.id === taskId);
  if (!task) return planErrorCard('That task is not part of this plan. Say "tasks" to see the current list.');
  const applicable = numbered.filter((candidate) => candidate.status !== 'notApplicable').length;
  const status = STATUS[task.status];
  const actions = availableActions(plan, task.id).map((action) => ({
    title: buttonTitle(action, task.id),
    verb: ACTION_VERBS[action],
  }));
  return renderCard('task', {
    planId: plan.id,
    taskId: task.id,
    revision: plan.revision,
    number: task.number,
    eyebrow: `${TRACK_LABEL[task.track]} · task ${task.number} of ${numbered.length}${applicable < numbered.length ? ` (${applicable} apply)` : ''}`,
    title: catalogText(task.content.title),
    preview: task.content.preview === true,
    statusText: `${status.icon} ${status.label}`,
    statusColor: status.color,
    changed: changedLine(plan, task),
    notice: notice ? [{ text: notice.text, color: notice.tone === 'warning' ? 'Warning' : 'Accent' }] : [],
    why: catalogText(task.content.why),
    detailsId: `details-${task.number}`,
    checklist: task.content.checklist.map((text) => ({ text: `• ${catalogText(text)}` })),
    hasCommands: (task.content.commands?.length ?? 0) > 0,
    commands: (task.content.commands ?? []).map((command) => ({
      command: command.command,
      purpose: catalogText(command.purpose),
      kind: command.kind === 'powershell' ? 'PowerShell' : 'Admin center',
    })),
    links: task.content.links.map((link) => ({ text: `📘 [${catalogText(link.title)}](${link.url})` })),
    hasActions: actions.length > 0,
    actions,
  });
}

export function summaryCard(plan: Plan, decision?: DecisionSummary): AdaptiveCardJson {
  const counts = progress(plan);
  const next = nextTask(plan);
  const numbered = numberedTasks(plan);
  const tracks = trackOrder(plan).map((track) => ({
    label: TRACK_LABEL[track],
    tasks: numbered
      .filter((task) => task.track === track)
      .map((task) => taskRow(task, task.id === next?.id)),
  }));
  const settled = counts.done + counts.skipped;
  const last = plan.history[plan.history.length - 1];
  return renderCard('summary', {
    planId: plan.id,
    revision: plan.revision,
    toolTitle: toolTitle(plan),
    headline: decision?.headline ? catalogText(decision.headline) : '',
    hasReasons: (decision?.reasons.length ?? 0) > 0,
    reasons: (decision?.reasons ?? []).slice(0, 8).map((reason) => ({ text: `• ${escapeMarkdown(reason)}` })),
    decidedLine: decision
      ? `${decision.overridden ? 'Chosen (overriding the recommendation)' : 'Recommended and accepted'} by ${nameOf(decision.decidedBy)} at ${formatWhen(decision.decidedAt)}`
      : '',
    progressText: `${settled} of ${counts.totalApplicable} tasks settled · ${counts.percent}%`,
    progressDetail: progressDetail(counts.done, counts.skipped, counts.open),
    bar: progressBar(counts.percent),
    tracks,
    multiTrack: tracks.length > 1,
    nextLine: next
      ? `**Next:** ${taskNumber(plan, next.id)}. ${catalogText(next.content.title)}`
      : isFinished(plan)
        ? '🎉 **Every task is settled.**'
        : 'Nothing can start yet: finish the task in progress first.',
    updatedLine: last ? `Last change by ${nameOf(last.by)} at ${formatWhen(last.at)}` : '',
    hasNext: next !== undefined,
  });
}

/** The answer to "what's next": the next task's card, or a wrap-up when nothing is open. */
export function nextCard(plan: Plan, decision?: DecisionSummary): AdaptiveCardJson {
  const next = nextTask(plan);
  if (next) return taskCard(plan, next.id);
  if (isFinished(plan)) return allDoneCard(plan);
  return summaryCard(plan, decision);
}

export function allDoneCard(plan: Plan): AdaptiveCardJson {
  const counts = progress(plan);
  const last = plan.history[plan.history.length - 1];
  const skipped = numberedTasks(plan).filter((task) => task.status === 'skipped');
  return renderCard('allDone', {
    toolTitle: toolTitle(plan),
    finishedLine: last ? `Last task settled by ${nameOf(last.by)} at ${formatWhen(last.at)}.` : '',
    facts: [
      { title: 'Done', value: String(counts.done) },
      { title: 'Skipped', value: String(counts.skipped) },
      ...(counts.notApplicable > 0 ? [{ title: 'Not applicable', value: String(counts.notApplicable) }] : []),
    ],
    hasSkipped: skipped.length > 0,
    skipped: skipped.map((task) => ({ text: `⏭️ ${task.number}. ${catalogText(task.content.title)}` })),
  });
}

export function tasksCard(plan: Plan): AdaptiveCardJson {
  const next = nextTask(plan);
  const numbered = numberedTasks(plan);
  return renderCard('tasks', {
    planId: plan.id,
    revision: plan.revision,
    toolTitle: toolTitle(plan),
    tracks: trackOrder(plan).map((track) => ({
      label: TRACK_LABEL[track],
      tasks: numbered.filter((task) => task.track === track).map((task) => ({ ...taskRow(task, task.id === next?.id), taskId: task.id })),
    })),
    multiTrack: trackOrder(plan).length > 1,
  });
}

export function historyCard(plan: Plan): AdaptiveCardJson {
  const entries = plan.history.slice(-HISTORY_LIMIT).reverse();
  return renderCard('history', {
    toolTitle: toolTitle(plan),
    intro:
      plan.history.length > HISTORY_LIMIT
        ? `The latest ${HISTORY_LIMIT} of ${plan.history.length} changes, newest first.`
        : `${plan.history.length} change${plan.history.length === 1 ? '' : 's'}, newest first.`,
    entries: entries.map((entry) => historyRow(plan, entry)),
  });
}

export function noPlanCard(): AdaptiveCardJson {
  return renderCard('noPlan', {
    title: 'No plan here yet',
    message: 'This conversation has no deployment plan. Say **start** to answer a few questions, pick a sync tool and get one.',
  });
}

/** Same look as the bot's error card; rendered here so the actions layer needs nothing from the bot layer. */
export function planErrorCard(message: string, title = 'That did not work'): AdaptiveCardJson {
  return renderCard('error', { title, message });
}

function taskRow(task: TaskView & { number: number }, isNext: boolean) {
  const status = STATUS[task.status];
  return {
    icon: status.icon,
    // A bare "2." would be read as a Markdown ordered list and render as an empty list item.
    number: String(task.number),
    title: catalogText(task.content.title) + (task.content.preview ? ' (preview)' : ''),
    statusText: isNext ? 'Next' : status.label,
    statusColor: isNext ? 'Accent' : status.color,
    isNext,
    style: isNext ? 'accent' : 'default',
    subtle: task.status === 'notApplicable',
  };
}

function historyRow(plan: Plan, entry: HistoryEntry) {
  const number = taskNumber(plan, entry.task);
  const title = tasksInOrder(plan).find((task) => task.id === entry.task)?.content.title ?? entry.task;
  return {
    who: `${nameOf(entry.by)} · ${formatWhen(entry.at)}`,
    what: `${number !== undefined ? `${number}. ` : ''}${catalogText(title)}: ${STATUS[entry.from].label} → ${STATUS[entry.to].label}`,
  };
}

function progressBar(percent: number) {
  // Weighted columns: Teams draws them as one bar; a zero weight is invalid, so empty parts are left out.
  return [
    ...(percent > 0 ? [{ width: String(percent), style: 'good' }] : []),
    ...(percent < 100 ? [{ width: String(100 - percent), style: 'emphasis' }] : []),
  ];
}

function progressDetail(done: number, skipped: number, open: number): string {
  const parts = [`${done} done`];
  if (skipped > 0) parts.push(`${skipped} skipped`);
  parts.push(`${open} open`);
  return parts.join(' · ');
}

function toolTitle(plan: Plan): string {
  const install = plan.selection.connectInstall === 'custom' ? 'custom install' : 'express install';
  switch (plan.selection.tool) {
    case 'cloudSync':
      return 'Microsoft Entra Cloud Sync';
    case 'connect':
      return `Microsoft Entra Connect Sync (${install})`;
    case 'both':
      return `Cloud Sync and Connect Sync (${install}) side by side`;
  }
}

function trackOrder(plan: Plan): Track[] {
  return plan.selection.tool === 'both' ? ['cloudSync', 'connect'] : [plan.selection.tool];
}

function buttonTitle(action: PlanAction, taskId: TaskId): string {
  switch (action) {
    case 'start':
      return 'Start';
    case 'done':
      return 'Mark done';
    case 'skip':
      return 'Skip';
    case 'reopen':
      return 'Reopen';
    case 'switchInstallType':
      return taskId === CONNECT_INSTALL_TASK_IDS.express ? 'Use custom instead' : 'Use express instead';
  }
}

function isToolChoice(taskId: TaskId): boolean {
  return taskId === 'cloudSync.chooseTool' || taskId === 'connect.chooseTool';
}

/**
 * Catalog text is ours, but it contains `*.msappproxy.net` and `DOMAIN\user`: without escaping,
 * Teams would turn the text between two asterisks into italics.
 */
function catalogText(text: string): string {
  return text.replace(/[\\*_[\]]/g, (c) => `\\${c}`);
}
