/**
 * The verb strings of the owner and due date family, and the ids of its editors' inputs.
 * actions/coordinationActions.ts owns them (it parses their data, applies them and answers); they live down here only because
 * cards put them on buttons, and cards may not import actions (see domain/taskVerbs.ts).
 */

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
