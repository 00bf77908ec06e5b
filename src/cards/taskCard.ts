/**
 * One task's card: its status, why and how, its buttons (status, owner, due date, tenant check), and the
 * owner or due date editor opened for the person who clicked.
 */
import { alternativeOf, type TaskId } from '../domain/catalog';
import { availableActions, numberedTasks, type Plan, type PlanAction, type TaskView } from '../domain/plan';
import { COORDINATION_VERBS } from '../domain/coordinationVerbs';
import { MY_TASK_VERBS } from '../domain/myTasksVerbs';
import { TRACK_LABELS } from '../domain/toolNames';
import { ACTION_VERBS, SHOW_TASK_VERB } from '../domain/taskVerbs';
import { TENANT_VERBS } from '../domain/tenantVerbs';
import { errorCard } from './errorCard';
import type { CardNotice } from './planNotices';
import { catalogText, changedLine, dueLine, isToolChoice, ownerLine, STATUS } from './planText';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';
import { evidenceLine, lastCheckLine, OBSERVABLE_TASKS } from './tenantCheckCard';

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
    eyebrow: `${TRACK_LABELS[task.track]} · task ${task.number} of ${numbered.length}${applicable < numbered.length ? ` (${applicable} apply)` : ''}`,
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
