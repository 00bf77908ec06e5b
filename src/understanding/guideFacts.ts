/**
 * Facts the guide can answer with beyond the task checklists and the advisor's rules: short, in our own
 * words, each with the Learn page that backs it.
 */
import type { TaskId } from '../domain/catalog';
import { LEARN } from '../domain/learnLinks';

export interface GuideFact {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly links: ReadonlyArray<{ readonly title: string; readonly url: string }>;
  /** The catalog tasks where the fact is acted on: the answer card opens the plan's own one. */
  readonly taskIds?: readonly TaskId[];
}

export const GUIDE_FACTS: readonly GuideFact[] = [
  {
    id: 'hybridJoinCloudSync',
    title: 'Hybrid join with Cloud Sync',
    text: 'Cloud Sync can sync computer objects for Microsoft Entra hybrid join only through its device sync feature, which is a preview: pilot it, and use Connect Sync for hybrid join in production.',
    links: [{ title: 'Cloud Sync device sync (preview)', url: LEARN.cloudSyncDeviceSync }],
    taskIds: ['cloudSync.deviceSync'],
  },
  {
    id: 'phsInterval',
    title: 'How often password hashes sync',
    text: 'Password hash sync sends changed passwords about every 2 minutes; the interval cannot be changed.',
    links: [{ title: 'Password hash synchronization', url: LEARN.connectPhs }],
  },
  {
    id: 'syncIntervals',
    title: 'How often each tool syncs',
    text: 'Connect Sync runs a delta cycle every 30 minutes by default and must run at least once every 7 days; the Cloud Sync scheduler runs about every 2 minutes.',
    links: [
      { title: 'Connect Sync scheduler', url: LEARN.connectScheduler },
      { title: 'Verify Cloud Sync is running', url: LEARN.cloudSyncVerify },
    ],
    taskIds: ['cloudSync.verify', 'connect.verify'],
  },
  {
    id: 'sideBySide',
    title: 'Running Cloud Sync and Connect Sync side by side',
    text: 'Both tools can run in one forest when their scopes do not overlap: give every OU exactly one owner. Neither tool wins over the other, so an object in both scopes gets conflicting updates.',
    links: [{ title: 'Supported Cloud Sync topologies', url: LEARN.cloudSyncTopologies }],
  },
  {
    id: 'migrationTool',
    title: 'Moving from Connect Sync to Cloud Sync',
    text: 'Eligible tenants get a guided "Transition to Cloud Sync" option in the Connect wizard, for one forest with up to 2,000 objects in scope and no custom rules; larger moves are piloted OU by OU.',
    links: [{ title: 'Cloud Sync migration FAQ', url: LEARN.cloudSyncMigrationFaq }],
    taskIds: ['migrateToCloudSync.guidedTool'],
  },
  {
    id: 'stagingServer',
    title: 'Connect Sync high availability: the staging server',
    text: 'Connect runs one active server. A second server in staging mode imports and syncs but exports nothing, and you switch it to active by hand if the first fails. Cloud Sync agents fail over on their own.',
    links: [{ title: 'Staging server', url: LEARN.connectStagingServer }],
    taskIds: ['connectUpgrade.stagingServer'],
  },
  {
    id: 'expressOrCustom',
    title: 'Express or custom Connect installation',
    text: 'Express suits one forest, an Enterprise Admin for setup and fewer than 100,000 objects: it turns on password hash sync and syncs every domain and OU. Choose custom for several forests, PTA or federation, no Enterprise Admin, a full SQL Server or group filtering.',
    links: [{ title: 'Select the installation type', url: LEARN.connectSelectInstall }],
    taskIds: ['connect.chooseInstallType'],
  },
  {
    id: 'connectBuildFloor',
    title: 'Which Connect Sync build to run',
    text: 'Connect Sync servers older than build 2.5.79.0 stopped syncing on 30 September 2026, and each build is retired 12 months after the next one ships: install the current build from the Entra admin center.',
    links: [
      { title: 'Mandatory security update (2.5.79.0)', url: LEARN.connectSecurityUpdates },
      { title: 'Connect Sync version history', url: LEARN.connectVersionHistory },
    ],
    taskIds: ['connect.prerequisites', 'connectUpgrade.upgrade', 'restoreSync.upgrade'],
  },
];
