/**
 * Every deployment task in catalog order, and the lookups over it: a task's content by id, its position,
 * and which tracks and tasks a plan for a given selection holds.
 */
import { cloudSyncRuns, connectRuns, type SyncTool } from './advisorRules';
import {
  DEVICE_SYNC_TASK_ID,
  type CatalogSelection,
  type ConnectUpgradeTaskId,
  type InstallTrack,
  type TaskContent,
  type TaskId,
  type Track,
} from './catalog';
import { INSTALL_TASKS } from './installTasks';
import { PATH_TASKS } from './pathTasks';

/** The restore track already brings Connect to the newest build, so the stay track does not repeat it. */
const UPGRADE_TASK_COVERED_BY_RESTORE: ConnectUpgradeTaskId = 'connectUpgrade.upgrade';

/**
 * Every task in catalog order, which is what "what's next" walks: the paths from what runs today first
 * (restoring a stopped sync leads), then first installations.
 */
export const TASK_CATALOG: readonly TaskContent[] = [...PATH_TASKS, ...INSTALL_TASKS];

const CONTENT_BY_ID: ReadonlyMap<string, TaskContent> = new Map(TASK_CATALOG.map((task) => [task.id, task]));
const CATALOG_POSITION: ReadonlyMap<string, number> = new Map(TASK_CATALOG.map((task, index) => [task.id, index]));

/** Takes a plain string because ids arrive from card data and stored documents. */
export function taskContent(taskId: string): TaskContent | undefined {
  return CONTENT_BY_ID.get(taskId);
}

export function isTaskId(value: unknown): value is TaskId {
  return typeof value === 'string' && CONTENT_BY_ID.has(value);
}

/** Position in catalog order; unknown ids sort last so an outdated stored plan still renders. */
export function catalogPosition(taskId: string): number {
  return CATALOG_POSITION.get(taskId) ?? Number.MAX_SAFE_INTEGER;
}

export function tracksFor(tool: SyncTool): readonly InstallTrack[] {
  return tool === 'both' ? ['cloudSync', 'connect'] : [tool];
}

/**
 * The tracks a plan for this selection holds, in catalog order: the paths from what already syncs, then a
 * first installation of each tool the plan needs that neither runs yet nor arrives through a migration.
 */
export function tracksForSelection(selection: CatalogSelection): readonly Track[] {
  const existing = selection.existing ?? 'none';
  const paths = selection.paths ?? [];
  const installs = tracksFor(selection.tool).filter((track) =>
    track === 'cloudSync' ? !cloudSyncRuns(existing) && !paths.includes('migrateToCloudSync') : !connectRuns(existing),
  );
  return [...paths, ...installs];
}

/** The tasks a plan for this selection holds, in catalog order. Both tasks of an alternative pair are included. */
export function tasksForSelection(selection: CatalogSelection): readonly TaskContent[] {
  const tracks = tracksForSelection(selection);
  const restoring = tracks.includes('restoreSync');
  return TASK_CATALOG.filter(
    (task) =>
      tracks.includes(task.track) &&
      (task.id !== DEVICE_SYNC_TASK_ID || selection.deviceSyncPreview === true) &&
      (task.id !== UPGRADE_TASK_COVERED_BY_RESTORE || !restoring),
  );
}
