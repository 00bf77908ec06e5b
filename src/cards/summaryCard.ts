/**
 * The plan at a glance: progress, every task by track with owner and due date, the next task, and the decision
 * that chose the tool; and the answer to its "what's next" button.
 */
import type { DecisionSummary } from '../domain/decision';
import {
  isFinished,
  isOverdue,
  nextTask,
  numberedTasks,
  progress,
  taskNumber,
  type Plan,
  type TaskView,
} from '../domain/plan';
import { TENANT_VERBS } from '../domain/tenantVerbs';
import { TRACK_LABELS, toolTitle } from '../domain/toolNames';
import { allDoneCard } from './allDoneCard';
import { catalogText, dueLine, formatWhen, nameOf, taskRow, trackOrder } from './planText';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';
import { taskCard } from './taskCard';

/** How the summary is shown, beyond the plan itself. */
export interface SummaryCardView {
  readonly now?: Date;
  /** GRAPH_CHECKS is on: the summary offers "Check now". */
  readonly tenantChecks?: boolean;
}

export function summaryCard(plan: Plan, decision?: DecisionSummary, view: SummaryCardView = {}): AdaptiveCardJson {
  const counts = progress(plan);
  const next = nextTask(plan);
  const numbered = numberedTasks(plan);
  const tracks = trackOrder(plan).map((track) => ({
    label: TRACK_LABELS[track],
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
