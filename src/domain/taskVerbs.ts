/**
 * The verb strings of the task family. actions/taskActions.ts owns them (it parses their data, applies them and
 * answers); they live down here only because cards must put them on buttons, and cards may not import actions.
 * The rule for every verb family: its verb strings sit in one small module below cards, named after the family
 * and owned by one actions/ module, which is the only code that handles them.
 */
import type { PlanAction } from './plan';

/** The status buttons of a task card, one per plan action. */
export const ACTION_VERBS: Readonly<Record<PlanAction, string>> = {
  start: 'task.start',
  done: 'task.done',
  skip: 'task.skip',
  reopen: 'task.reopen',
  switchInstallType: 'task.switchInstall',
};

/** Read-only: shows the current card of one task (also the "leave it as it was" of the editors). */
export const SHOW_TASK_VERB = 'task.show';
