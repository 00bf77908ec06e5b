/** The task ids the guide-search tests pass as a Cloud Sync plan's own tasks, which the ranking favours. */
export const CLOUD_SYNC_PLAN_TASKS: readonly string[] = [
  'cloudSync.chooseTool',
  'cloudSync.prerequisites',
  'cloudSync.installAgent',
  'cloudSync.configure',
];
