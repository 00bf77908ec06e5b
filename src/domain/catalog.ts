/**
 * The vocabulary of deployment tasks: tracks, task ids and their content's shape, and the tasks that stand
 * in for one another. The words of each task live in installTasks.ts (first installations) and pathTasks.ts
 * (paths from what already runs); taskCatalog.ts puts them in order and looks them up.
 *
 * Plans store only task ids and statuses; the words live in those files, so fixing a sentence fixes every
 * existing plan. Ids are therefore part of the stored format: never rename one.
 */
import {
  PATH_TRACKS,
  type ConnectInstallType,
  type MigrationMethod,
  type PathTrack,
  type SingleTool,
  type SyncTool,
} from './advisorRules';
import type { CurrentSync } from './answers';

/** A first installation of one tool: each install track is named by the tool it installs. */
export type InstallTrack = SingleTool;
export type Track = PathTrack | InstallTrack;

export const PATH_TRACK_IDS: readonly PathTrack[] = PATH_TRACKS;

export type CloudSyncTaskId =
  | 'cloudSync.chooseTool'
  | 'cloudSync.prerequisites'
  | 'cloudSync.installAgent'
  | 'cloudSync.configure'
  | 'cloudSync.deviceSync'
  | 'cloudSync.verify';

export type ConnectTaskId =
  | 'connect.chooseTool'
  | 'connect.prerequisites'
  | 'connect.chooseInstallType'
  | 'connect.download'
  | 'connect.installExpress'
  | 'connect.installCustom'
  | 'connect.postInstall'
  | 'connect.verify';

export type RestoreSyncTaskId = 'restoreSync.assess' | 'restoreSync.upgrade' | 'restoreSync.verify';

export type ConnectUpgradeTaskId =
  | 'connectUpgrade.reasons'
  | 'connectUpgrade.upgrade'
  | 'connectUpgrade.stagingServer'
  | 'connectUpgrade.autoUpgrade'
  | 'connectUpgrade.verify';

export type MigrateTaskId =
  | 'migrateToCloudSync.readiness'
  | 'migrateToCloudSync.guidedTool'
  | 'migrateToCloudSync.pilotByOu'
  | 'migrateToCloudSync.decommission';

export type CloudSyncHealthTaskId = 'cloudSyncHealth.agents' | 'cloudSyncHealth.features' | 'cloudSyncHealth.monitor';

export type TaskId =
  RestoreSyncTaskId | ConnectUpgradeTaskId | MigrateTaskId | CloudSyncHealthTaskId | CloudSyncTaskId | ConnectTaskId;

export interface TaskLink {
  title: string;
  url: string;
}

/** A check the admin runs: PowerShell on the sync server, or a place to look in the Entra admin center. */
export interface TaskCommand {
  kind: 'powershell' | 'adminCenter';
  command: string;
  purpose: string;
}

export interface TaskContent {
  id: TaskId;
  track: Track;
  title: string;
  why: string;
  checklist: readonly string[];
  links: readonly TaskLink[];
  commands?: readonly TaskCommand[];
  /** The feature behind the task is in preview: cards must say so. */
  preview?: boolean;
  /** Tasks that should be finished (done, skipped or not applicable) before this one makes sense. */
  dependsOn: readonly TaskId[];
}

/** The part of a plan's selection that decides which catalog tasks exist in it. */
export interface CatalogSelection {
  tool: SyncTool;
  deviceSyncPreview?: boolean;
  /** What already synced when the plan was made; absent for a first installation (and in plans stored before it existed). */
  existing?: Exclude<CurrentSync, 'none'>;
  /** The tracks from that deployment to `tool`, in working order. */
  paths?: readonly PathTrack[];
}

/** The tool decision is made by the questionnaire before a plan exists, so these start out done. */
export const TOOL_CHOICE_TASK_IDS: readonly TaskId[] = ['cloudSync.chooseTool', 'connect.chooseTool'];

/** Only one of the two applies at a time; the other is "not applicable" until the admin switches. */
export const CONNECT_INSTALL_TASK_IDS: Readonly<Record<ConnectInstallType, ConnectTaskId>> = {
  express: 'connect.installExpress',
  custom: 'connect.installCustom',
};

/** The two ways to move Connect to Cloud Sync; as with the install type, one applies and the other can be switched to. */
export const MIGRATION_METHOD_TASK_IDS: Readonly<Record<MigrationMethod, MigrateTaskId>> = {
  guidedTool: 'migrateToCloudSync.guidedTool',
  pilotByOu: 'migrateToCloudSync.pilotByOu',
};

/**
 * Pairs of tasks where exactly one applies: the plan's selection says which, and the card of the one that
 * applies can switch to the other. `notUsed` explains the set-aside task on its card.
 */
export interface AlternativeTasks {
  selectionKey: 'connectInstall' | 'migrationMethod';
  /** Option value → task, in the order the options are offered. */
  tasks: Readonly<Record<string, TaskId>>;
  /** Used when a plan's selection names none of the options. */
  defaultOption: string;
  /** Button text on a task, to switch to the other option. */
  switchTitle: Readonly<Record<string, string>>;
  notUsed(option: string): string;
}

export const ALTERNATIVE_TASKS: readonly AlternativeTasks[] = [
  {
    selectionKey: 'connectInstall',
    tasks: CONNECT_INSTALL_TASK_IDS,
    defaultOption: 'express',
    switchTitle: { express: 'Use custom instead', custom: 'Use express instead' },
    notUsed: (option) => `Not used: this plan installs Connect Sync with ${option} settings.`,
  },
  {
    selectionKey: 'migrationMethod',
    tasks: MIGRATION_METHOD_TASK_IDS,
    defaultOption: 'pilotByOu',
    switchTitle: { guidedTool: 'Use the pilot-by-OU path instead', pilotByOu: 'Use the guided tool instead' },
    notUsed: (option) =>
      option === 'guidedTool'
        ? 'Not used: this plan moves to Cloud Sync with the guided transition tool.'
        : 'Not used: this plan moves to Cloud Sync OU by OU, starting with a pilot.',
  },
];

/** The alternative pair a task belongs to, if any. */
export function alternativeOf(taskId: string): { pair: AlternativeTasks; option: string; other: string } | undefined {
  for (const pair of ALTERNATIVE_TASKS) {
    const options = Object.keys(pair.tasks);
    const option = options.find((candidate) => pair.tasks[candidate] === taskId);
    if (option !== undefined) return { pair, option, other: options.find((candidate) => candidate !== option)! };
  }
  return undefined;
}

/** Optional and preview-only, so it joins a plan only when the selection asks for it. */
export const DEVICE_SYNC_TASK_ID: CloudSyncTaskId = 'cloudSync.deviceSync';
