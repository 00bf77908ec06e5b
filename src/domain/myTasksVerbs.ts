/**
 * The verb strings of the "my tasks" family: the list's buttons and those of a task opened from it.
 * actions/myTasks.ts owns them (it parses their data, applies them and answers); they live down here only because
 * cards put them on buttons, and cards may not import actions (see domain/taskVerbs.ts).
 */

/** The list buttons: they answer with the list again, so the person stays on it. */
export const MY_TASKS_LIST_VERBS = { start: 'mytasks.start', done: 'mytasks.done' } as const;

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
