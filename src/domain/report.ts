/**
 * The plan as a report: a summary model for whoever renders it, and CSV for a spreadsheet.
 *
 * The CSV is opened in Excel by people who did not write its contents: owner names and titles are
 * user-controlled, so every cell is defused against formula injection, not only the obvious ones.
 */
import type { Track } from './catalog';
import type { DecisionSummary } from './decision';
import { lastChangeByTask } from './historyArchive';
import {
  isOverdue,
  numberedTasks,
  progress,
  reminderCadence,
  type Actor,
  type Plan,
  type PlanProgress,
  type ReminderCadence,
  type TaskStatus,
} from './plan';
import type { CheckEvidence } from './tenantHealth';
import { TRACK_LABELS, toolTitle } from './toolNames';

export const STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  todo: 'To do',
  inProgress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
  notApplicable: 'Not applicable',
};

export interface ReportTask {
  number: number;
  track: Track;
  title: string;
  status: TaskStatus;
  statusLabel: string;
  owner?: Actor;
  due?: string;
  /** Only computed when the report is given a `now`. */
  overdue?: boolean;
  /** Who settled the task (done or skipped) and when; absent for open and not-applicable tasks. */
  finishedBy?: Actor;
  finishedAt?: string;
  /** The latest change of any kind to the task: status, owner or due date. */
  lastChangedBy?: Actor;
  lastChangedAt?: string;
  /** A done task marked with a tenant check's findings: what was read, when, the values. */
  evidence?: CheckEvidence;
}

export interface PlanReport {
  planId: string;
  toolTitle: string;
  createdBy: Actor;
  createdAt: string;
  revision: number;
  decision?: {
    headline: string;
    reasons: string[];
    overridden: boolean;
    decidedBy: Actor;
    decidedAt: string;
  };
  progress: PlanProgress;
  reminders: ReminderCadence;
  tasks: ReportTask[];
}

export function planReport(plan: Plan, decision?: DecisionSummary, now?: Date): PlanReport {
  const lastChanges = lastChangeByTask(plan);
  const tasks = numberedTasks(plan).map((task): ReportTask => {
    const settled = task.status === 'done' || task.status === 'skipped';
    const last =
      lastChanges.get(task.id) ??
      (task.changedBy && task.changedAt ? { by: task.changedBy, at: task.changedAt } : undefined);
    return {
      number: task.number,
      track: task.track,
      title: task.content.title,
      status: task.status,
      statusLabel: STATUS_LABELS[task.status],
      ...(task.owner ? { owner: task.owner } : {}),
      ...(task.due !== undefined ? { due: task.due } : {}),
      ...(now ? { overdue: isOverdue(task, now) } : {}),
      ...(settled && task.changedBy ? { finishedBy: task.changedBy } : {}),
      ...(settled && task.changedAt ? { finishedAt: task.changedAt } : {}),
      ...(last ? { lastChangedBy: last.by, lastChangedAt: last.at } : {}),
      ...(task.status === 'done' && task.evidence ? { evidence: task.evidence } : {}),
    };
  });
  return {
    planId: plan.id,
    toolTitle: toolTitle(plan),
    createdBy: plan.createdBy,
    createdAt: plan.createdAt,
    revision: plan.revision,
    ...(decision
      ? {
          decision: {
            headline: decision.headline,
            reasons: [...decision.reasons],
            overridden: decision.overridden,
            decidedBy: decision.decidedBy,
            decidedAt: decision.decidedAt,
          },
        }
      : {}),
    progress: progress(plan),
    reminders: reminderCadence(plan),
    tasks,
  };
}

export const CSV_COLUMNS = [
  'Number',
  'Track',
  'Task',
  'Status',
  'Owner',
  'Due',
  'Last changed by',
  'Last changed at (UTC)',
  'Evidence',
] as const;

/**
 * RFC 4180 text with CRLF line endings and a header row. No byte order mark: a sender that hands
 * the file to Excel should prepend '\uFEFF' so non-ASCII names survive.
 */
export function planCsv(plan: Plan): string {
  const rows = planReport(plan).tasks.map((task) => [
    String(task.number),
    TRACK_LABELS[task.track],
    task.title,
    task.statusLabel,
    task.owner?.name ?? '',
    task.due ?? '',
    task.lastChangedBy?.name ?? '',
    task.lastChangedAt ? utcIso(task.lastChangedAt) : '',
    task.evidence ? evidenceText(task.evidence) : '',
  ]);
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

/**
 * One CSV field. A leading =, +, -, @, tab or carriage return makes Excel and Sheets evaluate the
 * cell as a formula (OWASP "CSV injection"), so such a cell gets a leading apostrophe: shown as text,
 * and the reader still sees the value.
 */
export function csvCell(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** "Tenant check 2026-11-26T10:42:00.000Z: healthy; Directory sync: On; Last sync: 3 min ago; …" */
export function evidenceText(evidence: CheckEvidence): string {
  return [`Tenant check ${utcIso(evidence.checkedAt)}: ${evidence.verdict}`, ...evidence.facts].join('; ');
}

/** Stored times are ISO already; normalising guards against an offset or a missing 'Z' in old data. */
function utcIso(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toISOString();
}
