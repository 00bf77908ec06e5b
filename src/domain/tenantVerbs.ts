/**
 * The verb strings of the tenant checks and the watch. actions/tenantCheckActions.ts owns them (it parses their
 * data, applies them and answers); they live down here only because the task, summary and status cards put them
 * on buttons, and cards may not import actions (see domain/taskVerbs.ts).
 */
export const TENANT_VERBS = {
  check: 'tenant.check',
  doneWithEvidence: 'tenant.doneWithEvidence',
  watchSet: 'watch.set',
  watchCancel: 'watch.cancel',
} as const;
