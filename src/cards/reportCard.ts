/**
 * The plan report as a card: the decision with its reasons, then each task with status, owner, due date
 * and who finished it when. The words come from planReport; this only lays them out.
 */
import { formatUtcDateTime } from '../domain/digest';
import { formatCalendarDay } from '../domain/planDates';
import type { PlanReport, ReportTask } from '../domain/report';
import { nameOf } from './planText';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';

export interface ReportCardInput {
  readonly report: PlanReport;
  readonly generatedAt: Date;
  /** The CSV download; absent when the bot has no public address to link to. */
  readonly link?: { readonly url: string; readonly expiresAt: number };
}

export function reportCard(input: ReportCardInput): AdaptiveCardJson {
  const { report, link } = input;
  const p = report.progress;
  const reminders = report.reminders === 'off' ? 'reminders off' : `${report.reminders} reminders`;
  const decision = report.decision;
  return renderCard('report', {
    toolTitle: report.toolTitle,
    progressLine: `${p.done} done, ${p.skipped} skipped, ${p.open} open of ${p.totalApplicable} (${p.percent}%) · ${reminders}`,
    hasDecision: decision !== undefined,
    decision: decision
      ? {
          headline: decision.headline,
          reasons: decision.reasons.map((text) => ({ text })),
          byline: `${decision.overridden ? 'Chosen over the recommendation' : 'Accepted'} by ${nameOf(decision.decidedBy)}, ${formatUtcDateTime(decision.decidedAt)}.`,
        }
      : { headline: '', reasons: [], byline: '' },
    tasks: report.tasks.map((task) => ({
      number: task.number,
      title: escapeMarkdown(task.title),
      details: taskDetails(task),
      color: task.overdue ? 'Attention' : 'Default',
    })),
    footer: link
      ? `Report of ${formatUtcDateTime(input.generatedAt.toISOString())}. The CSV link works until ${formatUtcDateTime(new Date(link.expiresAt).toISOString())}; anyone who has it can download the file.`
      : `Report of ${formatUtcDateTime(input.generatedAt.toISOString())}. No download link: the bot's public address (PUBLIC_BASE_URL) is not configured.`,
    hasLink: link !== undefined,
    link: link?.url ?? '',
  });
}

/** "Done · Owner: Carol · Due 15 Dec 2026 · Finished by Ana, 26 Nov 2026, 10:42 UTC" */
export function taskDetails(task: ReportTask): string {
  const parts = [task.statusLabel];
  parts.push(task.owner ? `Owner: ${nameOf(task.owner)}` : 'No owner');
  if (task.due) parts.push(`${task.overdue ? '⚠️ Overdue, was due' : 'Due'} ${formatCalendarDay(task.due)}`);
  if (task.finishedBy && task.finishedAt)
    parts.push(
      `${task.status === 'skipped' ? 'Skipped' : 'Finished'} by ${nameOf(task.finishedBy)}, ${formatUtcDateTime(task.finishedAt)}`,
    );
  if (task.evidence)
    parts.push(
      `with tenant check evidence of ${formatUtcDateTime(task.evidence.checkedAt)} (${task.evidence.verdict})`,
    );
  return parts.join(' · ');
}
