/**
 * Plan → card data → templates in cards/. Every word a card shows about a plan is decided here;
 * the status rules themselves stay in the domain (availableActions, nextTask, progress).
 */
import { TOOL_CHOICE_TASK_IDS, alternativeOf, type TaskId, type Track } from '../domain/catalog';
import { taskContent, tracksForSelection } from '../domain/taskCatalog';
import type { DecisionSummary } from '../domain/decision';
import {
  availableActions,
  isFinished,
  isOverdue,
  nextTask,
  numberedTasks,
  planHistory,
  progress,
  taskNumber,
  tasksInOrder,
  type ActionRefusal,
  type Actor,
  type Plan,
  type PlanAction,
  type PlanHistoryEntry,
  type PlanTask,
  type TaskStatus,
  type TaskView,
} from '../domain/plan';
import { daysBetween, formatCalendarDay, utcDay } from '../domain/planDates';
import { SHORT_TOOL_NAMES, TRACK_LABELS, toolTitle } from '../domain/toolNames';
import { ACTION_VERBS, SHOW_TASK_VERB } from '../domain/taskVerbs';
import { errorCard } from './errorCard';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';
import { historyLength } from '../domain/historyArchive';
import { isRestorable } from '../domain/planRetention';
import type { PlanLogEntry } from '../domain/planRetention';
import { evidenceLine, lastCheckLine, OBSERVABLE_TASKS, TENANT_VERBS } from './tenantCheckCard';

export const NEXT_VERB = 'plan.next';

/**
 * Owner and due date buttons. The editors (`…Editor`) only show inputs for the person who clicked; the
 * state-changing verbs carry ids and the revision, and the server reads the picked owner or date from the
 * inputs and checks it (Teams may drop input values from channel clicks, so the typed commands stay).
 */
export const COORDINATION_VERBS = {
  assignMe: 'task.assignMe',
  unassign: 'task.unassign',
  ownerEditor: 'task.ownerEditor',
  assign: 'task.assign',
  dueEditor: 'task.dueEditor',
  setDue: 'task.setDue',
  confirmPastDue: 'task.confirmPastDue',
  clearDue: 'task.clearDue',
} as const;

/** The ids of the inputs the editors show; their values arrive merged into the action data. */
export const OWNER_INPUT = 'ownerId';
export const DUE_INPUT = 'dueDate';

/**
 * Status buttons on a task shown away from the plan's conversation ("my tasks" in personal chat). Separate
 * verbs, because the plan is found through the clicking person's own task index, not the conversation.
 */
export const MY_TASK_VERBS: Readonly<Record<'start' | 'done' | 'skip' | 'reopen', string>> = {
  start: 'mytask.start',
  done: 'mytask.done',
  skip: 'mytask.skip',
  reopen: 'mytask.reopen',
};
export const MY_TASK_OPEN_VERB = 'mytask.open';

const STATUS: Readonly<Record<TaskStatus, { label: string; icon: string; color: string; changed: string }>> = {
  todo: { label: 'To do', icon: '⬜', color: 'Default', changed: 'Reopened' },
  inProgress: { label: 'In progress', icon: '🔵', color: 'Accent', changed: 'Started' },
  done: { label: 'Done', icon: '✅', color: 'Good', changed: 'Marked done' },
  skipped: { label: 'Skipped', icon: '⏭️', color: 'Warning', changed: 'Skipped' },
  notApplicable: { label: 'Not applicable', icon: '➖', color: 'Default', changed: 'Set aside' },
};

const TRACK_LABEL = TRACK_LABELS;

export const HISTORY_LIMIT = 15;

/** A notice shown above the card body: why the card looks the way it does after a click. */
export interface CardNotice {
  text: string;
  tone: 'info' | 'warning';
}

/** "10:42 UTC, 26 Nov 2026": people in one channel sit in different time zones, so UTC and say so. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  // Built by hand: toLocaleDateString creates an Intl formatter per call, which made up 4% of a "done" click.
  const utc = date.toISOString();
  return `${utc.slice(11, 16)} UTC, ${formatCalendarDay(utc.slice(0, 10))}`;
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
  const alternative = task.status === 'notApplicable' ? alternativeOf(task.id) : undefined;
  if (alternative) {
    const chosen = plan.selection[alternative.pair.selectionKey] ?? alternative.pair.defaultOption;
    return alternative.pair.notUsed(chosen);
  }
  return 'Not started yet.';
}

/** "🔵 In progress" and its colour, as task cards show a status. */
export function statusBadge(status: TaskStatus): { text: string; color: string } {
  return { text: `${STATUS[status].icon} ${STATUS[status].label}`, color: STATUS[status].color };
}

/** "Already marked done by Ana at 10:42 UTC, 26 Nov" for a repeated or stale click. */
export function alreadyNotice(status: TaskStatus, by: Actor, at: string): CardNotice {
  return {
    text: `Already ${STATUS[status].changed.toLowerCase()} by ${nameOf(by)} at ${formatWhen(at)}. Nothing changed.`,
    tone: 'info',
  };
}

/**
 * Why a button changed nothing, in words. The refusal may name whoever settled the task: that name is escaped
 * here, and only here, so no caller has to remember to.
 */
export function refusalNotice(refusal: ActionRefusal): CardNotice {
  return { text: refusalText(refusal), tone: 'warning' };
}

function refusalText(refusal: ActionRefusal): string {
  switch (refusal.kind) {
    case 'unknownTask':
      return 'That task is not part of this plan.';
    case 'unknownAction':
      return `Unknown action "${escapeMarkdown(refusal.action)}".`;
    case 'toolChosen':
      return 'The sync tool was chosen when this plan was created. To choose again, start over.';
    case 'notSwitchable':
      return 'Only the Connect Sync install tasks and the two ways to move to Cloud Sync can be switched.';
    case 'blocked': {
      const title = `"${catalogText(taskContent(refusal.taskId)?.title ?? refusal.taskId)}"`;
      const who = refusal.by ? ` by ${nameOf(refusal.by)}` : '';
      switch (refusal.status) {
        case 'done':
          return refusal.action === 'switchInstallType'
            ? `${title} is already done${who}. Reopen it before switching the install type.`
            : `${title} was marked done${who}. Reopen it first to change it.`;
        case 'skipped':
          return `${title} was skipped${who}. Reopen it first to work on it.`;
        case 'notApplicable':
          return `${title} does not apply to the install type this plan uses. Switch the install type to use it.`;
        default:
          return `${title} cannot be changed that way right now.`;
      }
    }
  }
}

/** A member offered by the owner picker before the person types (Teams adds its own people search). */
export interface OwnerChoice {
  readonly id: string;
  readonly name: string;
}

/** How a task card is shown, beyond the plan itself. */
export interface TaskCardView {
  /** Render time: overdue marks depend on it, so it goes into the card data (the render cache keys on that data). */
  readonly now?: Date;
  /** An input opened for the person who clicked: the owner picker or the due date. */
  readonly editor?:
    | { readonly kind: 'owner'; readonly choices: readonly OwnerChoice[]; readonly typedHint: string }
    | { readonly kind: 'due' };
  /** Shown from "my tasks" in personal chat: names where the plan lives (user text, escaped here), and uses the my-task verbs. */
  readonly remote?: { readonly where: string };
  /** GRAPH_CHECKS is on: the tasks Graph can observe offer "Check now" and show the last check. Off: nothing of it. */
  readonly tenantChecks?: boolean;
}

/** How the summary is shown, beyond the plan itself. */
export interface SummaryCardView {
  readonly now?: Date;
  /** GRAPH_CHECKS is on: the summary offers "Check now". */
  readonly tenantChecks?: boolean;
}

export function taskCard(plan: Plan, taskId: string, notice?: CardNotice, view: TaskCardView = {}): AdaptiveCardJson {
  const numbered = numberedTasks(plan);
  const task = numbered.find((candidate) => candidate.id === taskId);
  if (!task) return errorCard('That task is not part of this plan. Say "tasks" to see the current list.');
  const applicable = numbered.filter((candidate) => candidate.status !== 'notApplicable').length;
  const status = STATUS[task.status];
  const remote = view.remote;
  const actions = availableActions(plan, task.id)
    .filter((action) => !remote || action !== 'switchInstallType')
    .map((action) => ({
      title: buttonTitle(action, task.id),
      verb: remote ? MY_TASK_VERBS[action as keyof typeof MY_TASK_VERBS] : ACTION_VERBS[action],
    }));
  const coordination = remote || !hasCoordination(task) ? [] : coordinationActions(task, view.editor?.kind);
  const due = dueLine(task, view.now);
  const check = remote || !view.tenantChecks ? undefined : tenantCheckView(plan, task);
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
    ownerLine: hasCoordination(task) ? ownerLine(task.owner) : '',
    dueText: due.text,
    dueColor: due.color,
    whereLine: remote ? `In ${escapeMarkdown(remote.where)}` : '',
    hasCoordination: coordination.length > 0,
    coordination,
    editor: view.editor?.kind ?? '',
    ownerChoices:
      view.editor?.kind === 'owner'
        ? view.editor.choices.map((choice) => ({ title: choice.name, value: choice.id }))
        : [],
    ownerHint: view.editor?.kind === 'owner' ? view.editor.typedHint : '',
    dueValue: task.due ?? '',
    hasDue: task.due !== undefined,
    dueHint: `Or type: due ${task.number} 2026-12-15 (or due ${task.number} clear).`,
    assignVerb: COORDINATION_VERBS.assign,
    setDueVerb: COORDINATION_VERBS.setDue,
    clearDueVerb: COORDINATION_VERBS.clearDue,
    cancelVerb: SHOW_TASK_VERB,
    evidenceLine: task.status === 'done' && task.evidence ? evidenceLine(task.evidence) : '',
    checkLine: check?.line.text ?? '',
    checkColor: check?.line.color ?? 'Default',
    checkVerb: check ? TENANT_VERBS.check : '',
    evidenceVerb: check?.offerEvidence ? TENANT_VERBS.doneWithEvidence : '',
    checkedAt: check?.checkedAt ?? '',
  });
}

/**
 * A task whose completion Graph can observe, with tenant checks on: "Check now" from the start, then the last
 * check's finding, and "Mark done with this evidence" while the task is open and the check healthy.
 */
function tenantCheckView(plan: Plan, task: TaskView) {
  const track = OBSERVABLE_TASKS[task.id];
  if (!track || task.status === 'notApplicable') return undefined;
  const evidence = plan.lastCheck?.byTrack[track];
  if (!evidence) return { line: NOT_CHECKED_LINE, offerEvidence: false, checkedAt: '' };
  const open = task.status === 'todo' || task.status === 'inProgress';
  return {
    line: lastCheckLine(evidence),
    offerEvidence: open && evidence.verdict === 'healthy',
    checkedAt: evidence.checkedAt,
  };
}

const NOT_CHECKED_LINE = {
  text: 'Not checked yet: "Check now" reads what Microsoft Graph shows of sync in your tenant (read-only).',
  color: 'Default',
};

/** "👤 Owner: Ben" — on every task that can have one. */
export function ownerLine(owner: Actor | undefined): string {
  return owner ? `👤 Owner: ${nameOf(owner)}` : '👤 No owner yet';
}

/** The due date as a reader sees it; overdue (computed at `now`, UTC days) in red. */
export function dueLine(task: PlanTask, now: Date | undefined): { text: string; color: string } {
  if (task.due === undefined) return { text: '', color: 'Default' };
  if (now && isOverdue(task, now)) {
    const late = daysBetween(task.due, utcDay(now));
    return {
      text: `⚠️ Overdue since ${formatCalendarDay(task.due)} (${late} day${late === 1 ? '' : 's'} late)`,
      color: 'Attention',
    };
  }
  return { text: `📅 Due ${formatCalendarDay(task.due)}`, color: 'Default' };
}

function hasCoordination(task: TaskView): boolean {
  return !isToolChoice(task.id) && task.status !== 'notApplicable';
}

function coordinationActions(task: TaskView, open: 'owner' | 'due' | undefined) {
  return [
    { title: 'Assign to me', verb: COORDINATION_VERBS.assignMe },
    ...(task.owner ? [{ title: 'Unassign', verb: COORDINATION_VERBS.unassign }] : []),
    ...(open === 'owner' ? [] : [{ title: 'Assign someone', verb: COORDINATION_VERBS.ownerEditor }]),
    ...(open === 'due'
      ? []
      : [{ title: task.due ? 'Change due date' : 'Set due date', verb: COORDINATION_VERBS.dueEditor }]),
    // The undo of a date set by words ("due next friday") is one click away, like Reopen and Unassign.
    ...(task.due && open !== 'due' ? [{ title: 'Clear due date', verb: COORDINATION_VERBS.clearDue }] : []),
  ];
}

export function summaryCard(plan: Plan, decision?: DecisionSummary, view: SummaryCardView = {}): AdaptiveCardJson {
  const counts = progress(plan);
  const next = nextTask(plan);
  const numbered = numberedTasks(plan);
  const tracks = trackOrder(plan).map((track) => ({
    label: TRACK_LABEL[track],
    tasks: numbered
      .filter((task) => task.track === track)
      .map((task) => ({ ...taskRow(task, task.id === next?.id), ...rowMeta(task, view.now) })),
  }));
  const overdue = view.now ? numbered.filter((task) => isOverdue(task, view.now!)).length : 0;
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
    overdueLine: overdue > 0 ? `⚠️ ${overdue} task${overdue === 1 ? ' is' : 's are'} overdue` : '',
    checkVerb: view.tenantChecks ? TENANT_VERBS.check : '',
  });
}

/** Owner and due date under a summary row; overdue in red. */
function rowMeta(task: TaskView, now: Date | undefined): { meta: string; metaColor: string } {
  const due = dueLine(task, now);
  const parts = [...(task.owner ? [nameOf(task.owner)] : []), ...(due.text ? [due.text] : [])];
  return { meta: parts.join(' · '), metaColor: due.color };
}

/** The answer to "what's next": the next task's card, or a wrap-up when nothing is open. */
export function nextCard(plan: Plan, decision?: DecisionSummary, now?: Date, tenantChecks?: boolean): AdaptiveCardJson {
  const next = nextTask(plan);
  if (next) return taskCard(plan, next.id, undefined, { now, tenantChecks });
  if (isFinished(plan)) return allDoneCard(plan);
  return summaryCard(plan, decision, { now, tenantChecks });
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
      tasks: numbered
        .filter((task) => task.track === track)
        .map((task) => ({ ...taskRow(task, task.id === next?.id), taskId: task.id })),
    })),
    multiTrack: trackOrder(plan).length > 1,
  });
}

/**
 * Status changes, owners, due dates and reminder settings, newest first (the domain's planHistory order), and
 * how earlier plans of the conversation ended (replaced, discarded, restored), with who did it; with `now`, the
 * plans that can still be restored say until when and have a button.
 */
export function historyCard(plan: Plan, earlier: readonly PlanLogEntry[] = [], now?: Date): AdaptiveCardJson {
  // The document keeps more than HISTORY_LIMIT recent entries (historyArchive.ts), so the card needs no archived page.
  const entries = planHistory(plan).slice(-HISTORY_LIMIT).reverse();
  const total = historyLength(plan);
  return renderCard('history', {
    toolTitle: toolTitle(plan),
    intro:
      total > HISTORY_LIMIT
        ? `The latest ${HISTORY_LIMIT} of ${total} changes, newest first.`
        : `${total} change${total === 1 ? '' : 's'}, newest first.`,
    entries: entries.map((entry) => historyRow(plan, entry)),
    ...earlierPart(earlier, now),
  });
}

/** `history` where the plan is gone (discarded by start over): only how the earlier plans ended. */
export function earlierPlansCard(earlier: readonly PlanLogEntry[], now?: Date): AdaptiveCardJson {
  const part = earlierPart(earlier, now);
  return renderCard('history', {
    toolTitle: 'No plan in this conversation now',
    intro: part.earlier.some((row) => row.restorable)
      ? 'Say **start** to create one, or **restore** to bring back the latest plan below.'
      : 'Say **start** to create one.',
    entries: [],
    ...part,
  });
}

/** Rows shown besides the restorable ones, which are always shown. */
const EARLIER_ROWS = 5;

const ENDED: Readonly<Record<PlanLogEntry['kind'], string>> = {
  replaced: 'replaced by another plan',
  removed: 'discarded (start over)',
  unlinked: 'no longer followed from this chat',
  restored: 'restored',
};

function earlierPart(earlier: readonly PlanLogEntry[], now: Date | undefined) {
  const rows = earlier
    .map((entry, position) => ({ entry, position, restorable: now !== undefined && isRestorable(entry, now) }))
    .filter((row) => row.restorable || row.position < EARLIER_ROWS)
    .map(({ entry, restorable }) => ({
      what: `${SHORT_TOOL_NAMES[entry.tool]} plan ${ENDED[entry.kind]}`,
      who: `${nameOf(entry.by)} · ${formatWhen(entry.at)}`,
      restorable,
      until: restorable && entry.restorableUntil ? `Can be restored until ${formatWhen(entry.restorableUntil)}` : '',
      planId: restorable ? entry.planId : '',
    }));
  return {
    hasEarlier: rows.length > 0,
    earlierTitle: rows.some((row) => row.restorable)
      ? 'Earlier plans here (restorable ones have a button)'
      : 'Earlier plans here',
    earlier: rows,
  };
}

/** "Cloud Sync, 2 of 7 tasks done or skipped": a plan in a sentence, for confirmations. */
export function describePlan(plan: Plan, toolName: string = SHORT_TOOL_NAMES[plan.selection.tool]): string {
  const applicable = plan.tasks.filter((task) => task.status !== 'notApplicable');
  const settled = applicable.filter((task) => task.status === 'done' || task.status === 'skipped').length;
  return `${toolName}, ${settled} of ${applicable.length} tasks done or skipped`;
}

export function noPlanCard(): AdaptiveCardJson {
  return renderCard('noPlan', {
    title: 'No plan here yet',
    message:
      'This conversation has no deployment plan. Say **start** to answer a few questions, pick a sync tool and get one.',
  });
}

/**
 * A button on a card of a plan this conversation no longer has (replaced or discarded): the one answer for every
 * such click. `nothingChanged` says so when the button would have changed something; `next` points at the current
 * plan's own card of that kind.
 */
export function notThisPlanCard(
  options: { readonly nothingChanged?: boolean; readonly next?: string } = {},
): AdaptiveCardJson {
  const unchanged = options.nothingChanged ? ', so nothing changed' : '';
  return errorCard(
    `This card belongs to a plan that is not the current plan of this conversation${unchanged}. ${options.next ?? 'Say "status" for the current plan.'}`,
    'Not this plan',
  );
}

/** A typed command ("done 12", "due 12 …") named a number the plan's task list does not have. */
export function noSuchTaskCard(plan: Plan, number: number): AdaptiveCardJson {
  const count = numberedTasks(plan).length;
  return errorCard(
    `This plan has tasks 1 to ${count}, so there is no task ${number}. Say "tasks" to see them with their numbers.`,
  );
}

/** Same look as the bot's error card; rendered here so the actions layer needs nothing from the bot layer. */
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

function historyRow(plan: Plan, entry: PlanHistoryEntry) {
  const who = `${nameOf(entry.by)} · ${formatWhen(entry.at)}`;
  if (entry.kind === 'reminders') return { who, what: `Reminders: ${entry.from} → ${entry.to}` };
  if (entry.kind === 'watch')
    return { who, what: `Tenant watch: ${entry.from ? 'on' : 'off'} → ${entry.to ? 'on' : 'off'}` };
  const number = taskNumber(plan, entry.task);
  const title = tasksInOrder(plan).find((task) => task.id === entry.task)?.content.title ?? entry.task;
  const label = `${number !== undefined ? `${number}. ` : ''}${catalogText(title)}`;
  switch (entry.kind) {
    case 'owner':
      return {
        who,
        what: entry.to
          ? `${label}: ${entry.from ? `owner ${nameOf(entry.from)} → ${nameOf(entry.to)}` : `assigned to ${nameOf(entry.to)}`}`
          : `${label}: unassigned${entry.from ? ` (was ${nameOf(entry.from)})` : ''}`,
      };
    case 'due': {
      const day = (value: string) => formatCalendarDay(value);
      const what = entry.to
        ? entry.from
          ? `due date ${day(entry.from)} → ${day(entry.to)}`
          : `due date set to ${day(entry.to)}`
        : `due date cleared${entry.from ? ` (was ${day(entry.from)})` : ''}`;
      return { who, what: `${label}: ${what}${entry.pastConfirmed ? ' (a past date, confirmed)' : ''}` };
    }
    default:
      return {
        who,
        what: `${label}: ${STATUS[entry.from].label} → ${STATUS[entry.to].label}${entry.evidence ? ` (with tenant check evidence of ${formatWhen(entry.evidence.checkedAt)}: ${entry.evidence.verdict})` : ''}`,
      };
  }
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

function trackOrder(plan: Plan): Track[] {
  return [...tracksForSelection(plan.selection)];
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
    case 'switchInstallType': {
      const alternative = alternativeOf(taskId);
      return alternative ? alternative.pair.switchTitle[alternative.option] : 'Switch';
    }
  }
}

function isToolChoice(taskId: TaskId): boolean {
  return (TOOL_CHOICE_TASK_IDS as readonly string[]).includes(taskId);
}

/**
 * Catalog text is ours, but it contains `*.msappproxy.net` and `DOMAIN\user`: without escaping,
 * Teams would turn the text between two asterisks into italics.
 */
export function catalogText(text: string): string {
  let escaped = escapedCatalogText.get(text);
  if (escaped === undefined) {
    escaped = text.replace(/[\\*_[\]]/g, (c) => `\\${c}`);
    // Catalog and advisor text is a fixed set; the bound only matters if something else is passed in.
    if (escapedCatalogText.size < 5_000) escapedCatalogText.set(text, escaped);
  }
  return escaped;
}

/** Every card escapes the same catalog sentences again; they never change, so each is escaped once. */
const escapedCatalogText = new Map<string, string>();
