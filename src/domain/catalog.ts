/**
 * The deployment tasks for each sync tool, in the order an admin works through them.
 *
 * Task lists follow Microsoft's hybrid identity "get started" article; the content of each task is
 * our own wording of the Learn pages in learnLinks.ts. Three mistakes in that article are
 * deliberately not repeated: the custom-install task is about custom settings,
 * the Connect verify task cites Connect material, and the installer comes from the admin center.
 *
 * Plans store only task ids and statuses; the words live here, so fixing a sentence fixes every
 * existing plan. Ids are therefore part of the stored format: never rename one.
 */
import {
  PATH_TRACKS,
  cloudSyncRuns,
  connectRuns,
  type ConnectInstallType,
  type MigrationMethod,
  type PathTrack,
  type SingleTool,
  type SyncTool,
} from './advisorRules';
import type { CurrentSync } from './answers';
import { LEARN } from './learnLinks';

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
  | RestoreSyncTaskId
  | ConnectUpgradeTaskId
  | MigrateTaskId
  | CloudSyncHealthTaskId
  | CloudSyncTaskId
  | ConnectTaskId;

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

/** The restore track already brings Connect to the newest build, so the stay track does not repeat it. */
const UPGRADE_TASK_COVERED_BY_RESTORE: ConnectUpgradeTaskId = 'connectUpgrade.upgrade';

const CHOOSE_TOOL_CONTENT = {
  title: 'Choose the sync tool',
  why: 'Cloud Sync and Connect Sync differ in topology, scale and features; the wrong pick means a migration later.',
  checklist: [
    "Forest topology: one forest, several forests one server can reach, or a forest no single server can reach over the network.",
    'Scale: over 150,000 objects in a domain or a group over 50,000 members points to Connect Sync.',
    'Sign-in: PHS works with both; setting up PTA or AD FS/PingFederate federation needs Connect Sync.',
    'Devices: hybrid join needs Connect Sync (Cloud Sync device sync is a preview); device writeback and WHfB hybrid trust are Connect Sync only.',
    'Custom sync rules, cross-forest references or merges, Microsoft 365 group writeback: Connect Sync only. Attribute filtering: limited in Cloud Sync.',
    'Disconnected forests, several active agents for HA, provisioning cloud security groups to AD: Cloud Sync only.',
    'Running both: give every OU exactly one owner so no object is in scope of both tools.',
  ],
  links: [
    { title: 'Common hybrid scenarios: which tool supports what', url: LEARN.commonScenarios },
    { title: 'Decision guide: Connect Sync or Cloud Sync', url: LEARN.cloudSyncDecisionGuide },
    { title: 'Running both tools: supported topologies', url: LEARN.cloudSyncTopologies },
  ],
  dependsOn: [],
} as const;

const RESTORE_SYNC_TASKS: readonly TaskContent[] = [
  {
    id: 'restoreSync.assess',
    track: 'restoreSync',
    title: 'Confirm why sync stopped',
    why: 'Connect Sync builds older than 2.5.79.0 stopped all sync on 2026-09-30; nothing else in the plan can start until sync runs again.',
    checklist: [
      'Read the build on the active server: Programs and Features, or Synchronization Service Manager > Help > About.',
      'Older than 2.5.79.0? Sync stopped on 2026-09-30 and only the newest build restores it. Newer? Skip this track.',
      'Entra ID > Entra Connect > Connect sync: note the last sync time; changes since then are waiting, not lost.',
      'Tell the help desk: new accounts, password changes via PHS and group changes have not reached Entra ID.',
      'Check the server against the newest build: Windows Server 2016 or later, .NET Framework 4.7.2, TLS 1.2.',
      'Note whether a staging server exists (Get-ADSyncScheduler: StagingModeEnabled) and back up the configuration.',
    ],
    commands: [
      { kind: 'powershell', command: 'Get-ADSyncScheduler', purpose: 'Scheduler, staging mode and next run on this server' },
      { kind: 'powershell', command: 'Get-ADSyncServerConfiguration -Path C:\\ADSyncBackup', purpose: 'Export the configuration before changing anything' },
    ],
    links: [
      { title: 'The 2026-09-30 mandatory update (2.5.79.0)', url: LEARN.connectSecurityUpdates },
      { title: 'Version history and retirement policy', url: LEARN.connectVersionHistory },
    ],
    dependsOn: [],
  },
  {
    id: 'restoreSync.upgrade',
    track: 'restoreSync',
    title: 'Upgrade to the newest Connect Sync build',
    why: 'Upgrading to the newest build is the only way to restore sync; do it before any other change to the deployment.',
    checklist: [
      'Download AzureADConnect.msi from Entra ID > Entra Connect > Get started; never from the old Download Center page.',
      'With a staging server: upgrade it first, let it run a full cycle, check it, then switch it active and upgrade the other.',
      'Without one: upgrade in place on the active server; it keeps the configuration and resumes sync when done.',
      'Accounts: local admin on the server and a Hybrid Identity Administrator (or Global Administrator) in Entra ID.',
      'Modified default sync rules are reset by an upgrade: re-create them as custom rules first.',
      'Expect a full import and full sync after the upgrade; Get-ADSyncSchedulerConnectorOverride shows what will run.',
      'Server on Windows Server 2016 or older? Restore in place now, then plan a swing migration to 2022 or 2025.',
    ],
    links: [
      { title: 'Upgrade Connect Sync: in place or swing migration', url: LEARN.connectUpgrade },
      { title: 'Entra admin center: Entra Connect > Get started', url: LEARN.connectDownloadAdminCenter },
    ],
    dependsOn: ['restoreSync.assess'],
  },
  {
    id: 'restoreSync.verify',
    track: 'restoreSync',
    title: 'Verify that sync runs again',
    why: 'Confirms the backlog since the outage has reached Entra ID before the plan moves on.',
    checklist: [
      'Get-ADSyncScheduler: SyncCycleEnabled True, StagingModeEnabled False on the active server.',
      'Synchronization Service Manager > Operations: the full import and sync after the upgrade end in success.',
      'Entra ID > Entra Connect > Connect sync shows a last sync time from today.',
      'A user created or changed during the outage now looks right in Entra ID; a password change signs in.',
      'Connect Health shows no open sync alerts; agents are on 4.5.2466.0 or later.',
    ],
    commands: [
      { kind: 'powershell', command: 'Start-ADSyncSyncCycle -PolicyType Delta', purpose: 'Run a delta cycle now' },
      { kind: 'powershell', command: 'Get-ADSyncConnectorRunStatus', purpose: 'Empty when the engine is idle' },
    ],
    links: [
      { title: 'Verify the scheduled sync task', url: LEARN.connectVerifyScheduledTask },
      { title: 'Synchronization Service Manager operations', url: LEARN.connectOperations },
    ],
    dependsOn: ['restoreSync.upgrade'],
  },
];

const CONNECT_UPGRADE_TASKS: readonly TaskContent[] = [
  {
    id: 'connectUpgrade.reasons',
    track: 'connectUpgrade',
    title: 'Record why you stay on Connect Sync',
    why: 'Microsoft steers tenants to Cloud Sync where it fits; writing down what keeps you on Connect shows when that changes.',
    checklist: [
      'List the Connect-only needs from the recommendation ("why" shows them again) and who owns each.',
      'For each, note what would let you move: e.g. PTA managed apart from the sync tool, cloud Kerberos trust instead of device writeback.',
      'Watch for Microsoft\'s migration notice: eligible tenants are told by email and in the product, with a window.',
      'Cannot move in your window? A Microsoft Support case can request a temporary exception.',
      'Review the list every six months, or when Cloud Sync announces one of the missing features.',
    ],
    links: [
      { title: 'Decision guide: what Cloud Sync does and does not do', url: LEARN.cloudSyncDecisionGuide },
      { title: 'Connect to Cloud Sync migration FAQ', url: LEARN.cloudSyncMigrationFaq },
    ],
    dependsOn: [],
  },
  {
    id: 'connectUpgrade.upgrade',
    track: 'connectUpgrade',
    title: 'Upgrade to the newest Connect Sync build',
    why: 'Each build is retired 12 months after a newer one ships, and a retired build can stop syncing without warning.',
    checklist: [
      'Compare your build with the newest in the version history; download it from Entra ID > Entra Connect > Get started.',
      'With a staging server: upgrade it, let it run a full cycle, verify, switch it active, then upgrade the other.',
      'Single server, under about 100,000 objects, upgraded within the last year: an in-place upgrade is fine.',
      'Not upgraded for 12 to 18 months, or on an old Windows Server: swing-migrate to a new server instead.',
      'Modified default sync rules are reset by an upgrade: re-create them as custom rules first.',
      'Plan for a full import and sync afterwards; defer it out of hours with the scheduler overrides if needed.',
    ],
    links: [
      { title: 'Upgrade Connect Sync: in place or swing migration', url: LEARN.connectUpgrade },
      { title: 'Version history and retirement policy', url: LEARN.connectVersionHistory },
    ],
    dependsOn: [],
  },
  {
    id: 'connectUpgrade.stagingServer',
    track: 'connectUpgrade',
    title: 'Keep a staging server on Windows Server 2022 or 2025',
    why: 'A staging server is Connect\'s only standby and the safe way to upgrade or change OS (swing migration).',
    checklist: [
      'Already have one on 2022 or 2025, on the same build as the active server? Skip this task.',
      'Build a domain-joined Windows Server 2022 or 2025 (2016 leaves extended support on 2027-01-12), treated as Tier 0.',
      'Export the active server\'s settings and import them on the new server during setup.',
      'Install in staging mode: it imports and syncs but exports nothing, and has PHS and writeback off.',
      'Let it run a full cycle and compare its pending exports with the active server before any switch.',
      'To switch: put the active server in staging mode first, then take the new server out of staging mode.',
      'Fully uninstall a retired server: a forgotten one can come back and overwrite Entra ID with stale data.',
    ],
    links: [
      { title: 'Staging server and disaster recovery', url: LEARN.connectStagingServer },
      { title: 'Import and export Connect settings', url: LEARN.connectImportExportConfig },
      { title: 'Swing migration', url: LEARN.connectSwingMigration },
    ],
    dependsOn: [],
  },
  {
    id: 'connectUpgrade.autoUpgrade',
    track: 'connectUpgrade',
    title: 'Turn on automatic upgrade where it is supported',
    why: 'Auto-upgrade keeps eligible servers on Microsoft\'s flagged builds; the others need a calendar.',
    checklist: [
      'Get-ADSyncAutoUpgrade shows Enabled, Suspended or Disabled.',
      'Eligible: LocalDB under 8 GB, the express-style MSOL_ connector account, Connect Health uploads on, build 2.3.20.0 or later.',
      'Set-ADSyncAutoUpgrade -AutoUpgradeState Enabled where eligible; Suspended means it stopped itself: read the event log.',
      'Auto-upgrade only takes builds Microsoft flags for it; still check the version history monthly.',
      'Not eligible (full SQL, custom setup)? Put a recurring upgrade on the team calendar, within 12 months of each release.',
      'Subscribe to the version history feed (aka.ms/aadconnectrss) so new builds are noticed.',
    ],
    commands: [
      { kind: 'powershell', command: 'Get-ADSyncAutoUpgrade', purpose: 'Enabled, Suspended or Disabled' },
      { kind: 'powershell', command: 'Set-ADSyncAutoUpgrade -AutoUpgradeState Enabled', purpose: 'Turn it on where supported' },
    ],
    links: [
      { title: 'Automatic upgrade', url: LEARN.connectAutoUpgrade },
      { title: 'Version history and retirement policy', url: LEARN.connectVersionHistory },
    ],
    dependsOn: [],
  },
  {
    id: 'connectUpgrade.verify',
    track: 'connectUpgrade',
    title: 'Verify sync after the upgrade',
    why: 'Confirms the upgraded (or switched) server exports cleanly before the old one is retired.',
    checklist: [
      'Get-ADSyncScheduler on the active server: SyncCycleEnabled True, StagingModeEnabled False.',
      'Synchronization Service Manager > Operations: every run after the upgrade ends in success.',
      'Entra ID > Entra Connect > Connect sync shows a recent last sync time.',
      'A test change in AD (a job title) arrives in Entra ID; a password change signs in.',
      'The staging server is on the same build and in staging mode.',
    ],
    commands: [
      { kind: 'powershell', command: 'Get-ADSyncScheduler', purpose: 'Scheduler and staging state' },
      { kind: 'powershell', command: 'Start-ADSyncSyncCycle -PolicyType Delta', purpose: 'Run a delta cycle now' },
    ],
    links: [
      { title: 'Verify the scheduled sync task', url: LEARN.connectVerifyScheduledTask },
      { title: 'Connect Sync scheduler', url: LEARN.connectScheduler },
    ],
    dependsOn: [],
  },
];

const MIGRATE_TASKS: readonly TaskContent[] = [
  {
    id: 'migrateToCloudSync.readiness',
    track: 'migrateToCloudSync',
    title: 'Check that Cloud Sync covers what Connect does for you',
    why: 'Moving is only safe when nothing Connect does for you is lost; the readiness check is where that is proven.',
    checklist: [
      'Connect must sync on a supported build first: finish the restore track if the plan has one.',
      'Back up the Connect configuration; list custom sync rules, filters, writeback and optional features in use.',
      'Each one must exist in Cloud Sync: see the decision guide (no custom rules, device writeback or Microsoft 365 group writeback).',
      'Limits: 150,000 objects per domain, 50,000-member groups, about 50 scoped OUs, each object in one forest only.',
      'Guided tool fits? One forest, up to 2,000 objects in scope, OU scoping, no custom rules, group filtering, custom UPN or directory extensions.',
      'Source anchor: Connect must use objectGUID or ms-DS-ConsistencyGuid, and objects in scope must have ms-DS-ConsistencyGuid set.',
      'Agent hosts: Windows Server 2022 or 2025 with the Cloud Sync prerequisites; plan three agents for failover.',
    ],
    commands: [
      { kind: 'powershell', command: 'Get-ADSyncServerConfiguration -Path C:\\ADSyncBackup', purpose: 'Export the Connect configuration to review and keep' },
    ],
    links: [
      { title: 'Decision guide: feature comparison and readiness', url: LEARN.cloudSyncDecisionGuide },
      { title: 'Cloud Sync prerequisites', url: LEARN.cloudSyncPrerequisites },
      { title: 'Connect to Cloud Sync migration FAQ', url: LEARN.cloudSyncMigrationFaq },
    ],
    dependsOn: [],
  },
  {
    id: 'migrateToCloudSync.guidedTool',
    track: 'migrateToCloudSync',
    title: 'Move with the guided transition tool',
    why: 'For small single-forest tenants Microsoft\'s tool installs the agent, copies the configuration and switches over for you.',
    checklist: [
      'On the active Connect server: wizard > Configure > Transition to Cloud Sync (shown only to tenants in the current wave).',
      'Sign in as Hybrid Identity Administrator; give Domain Admin credentials for the forest.',
      'Read the readiness review; if it blocks, fix the cause or switch this task to the pilot-by-OU path. Never bypass it.',
      'The tool installs the agent and creates Cloud Sync configurations, disabled until you activate them.',
      'Provision on demand one representative user and group per domain; read the details, not just the green tick.',
      'Complete the transfer: Cloud Sync turns on and Connect goes into staging mode.',
      'Compare object counts, then check users, groups, memberships and writeback by hand.',
    ],
    links: [{ title: 'Migrate with the guided tool', url: LEARN.cloudSyncMigrationTool }],
    dependsOn: ['migrateToCloudSync.readiness'],
  },
  {
    id: 'migrateToCloudSync.pilotByOu',
    track: 'migrateToCloudSync',
    title: 'Move OU by OU, starting with a pilot',
    why: 'Moving a small OU first, then wave by wave, proves the move on real objects while Connect keeps serving the rest.',
    checklist: [
      'Install the Cloud Sync agent (three servers for failover); it may share the Connect server.',
      'Pick a small pilot OU; check its objects have ms-DS-ConsistencyGuid (Connect leaves groups without it).',
      'Stop the Connect scheduler, add the cloudNoFlow inbound and JoinNoFlow outbound rules for the OU, restart the scheduler.',
      'Do not just untick the OU in Connect: objects leaving its scope are deleted in Entra ID, groups for good.',
      'Create a Cloud Sync configuration scoped to the pilot OU, PHS on; provision on demand, then enable it.',
      'Check the pilot users: attributes, group memberships, sign-in with the on-premises password, provisioning logs.',
      'Widen wave by wave: add OUs to the cloudNoFlow rules and to the Cloud Sync scope together, checking after each.',
      'Something wrong? Disable the Cloud Sync configuration and the custom rules: Connect takes the OU back.',
    ],
    commands: [
      { kind: 'powershell', command: 'Set-ADSyncScheduler -SyncCycleEnabled $false', purpose: 'Pause Connect while you add the rules' },
      { kind: 'powershell', command: 'Set-ADSyncScheduler -SyncCycleEnabled $true', purpose: 'Resume Connect afterwards' },
    ],
    links: [
      { title: 'Tutorial: pilot Cloud Sync in a synced forest', url: LEARN.cloudSyncPilotMigration },
      { title: 'Install the provisioning agent', url: LEARN.cloudSyncInstall },
      { title: 'Provision on demand', url: LEARN.cloudSyncOnDemand },
    ],
    dependsOn: ['migrateToCloudSync.readiness'],
  },
  {
    id: 'migrateToCloudSync.decommission',
    track: 'migrateToCloudSync',
    title: 'Stop Connect Sync and retire the server',
    why: 'A forgotten Connect server can wake up and overwrite Entra ID with stale data; retire it deliberately.',
    checklist: [
      'Every OU is in a Cloud Sync configuration; provisioning logs show no errors; password hash sync works for all users.',
      'Keep Connect installed (in staging mode or with the scheduler off) for a two-week validation period.',
      'Turn the Connect scheduler off for good, then uninstall Connect and its components, or delete the VM.',
      'Remove the Connect service accounts you no longer need, and the server from any Tier 0 admin groups.',
      'Cloud Sync now carries password writeback and Exchange hybrid writeback if you use them: test both.',
      'Keep three healthy agents and a notification email on every configuration.',
    ],
    commands: [{ kind: 'powershell', command: 'Set-ADSyncScheduler -SyncCycleEnabled $false', purpose: 'Stop Connect Sync from running' }],
    links: [
      { title: 'Migrate with the guided tool (validation period)', url: LEARN.cloudSyncMigrationTool },
      { title: 'Decommission old Connect servers fully', url: LEARN.connectSwingMigration },
    ],
    dependsOn: ['migrateToCloudSync.guidedTool', 'migrateToCloudSync.pilotByOu'],
  },
];

const CLOUD_SYNC_HEALTH_TASKS: readonly TaskContent[] = [
  {
    id: 'cloudSyncHealth.agents',
    track: 'cloudSyncHealth',
    title: 'Check the provisioning agents',
    why: 'Cloud Sync fails over only between active agents; one agent, or agents stuck on old builds, is a single point of failure.',
    checklist: [
      'Entra ID > Entra Connect > Cloud sync > Agents: every agent Active, with its version.',
      'Microsoft recommends three active agents; add agents on other servers until you have them.',
      'Compare versions with the agent version history; selected releases auto-upgrade, others need a download.',
      'On each host the Agent Updater and Provisioning Agent services run; hosts are Windows Server 2022 or 2025.',
      'Remove agents on retired servers: an uninstalled agent shows Inactive after about an hour.',
    ],
    commands: [{ kind: 'adminCenter', command: 'Entra ID > Entra Connect > Cloud sync > Agents', purpose: 'Agent status and versions' }],
    links: [
      { title: 'Agent version history', url: LEARN.cloudSyncAgentVersions },
      { title: 'Agent automatic upgrade', url: LEARN.cloudSyncAutoUpgrade },
      { title: 'Cloud Sync prerequisites (high availability)', url: LEARN.cloudSyncPrerequisites },
    ],
    dependsOn: [],
  },
  {
    id: 'cloudSyncHealth.features',
    track: 'cloudSyncHealth',
    title: 'Match agent builds to the features you use',
    why: 'Several Cloud Sync features need a minimum agent build; an old agent silently lacks them.',
    checklist: [
      'Exchange hybrid writeback: agent 1.1.1107.0 or later and the Exchange schema in AD.',
      'Provisioning cloud security groups to AD: agent 1.1.1370.0 or later.',
      'Device sync (preview): agent 1.1.1107 or later; keep it to a pilot.',
      'Microsoft 365 group writeback is not a Cloud Sync feature: if you need it, Connect Sync must do it.',
      'Scoping: about 50 OUs or groups per configuration; group scoping is for pilots and skips nested groups.',
    ],
    links: [
      { title: 'Agent version history', url: LEARN.cloudSyncAgentVersions },
      { title: 'Exchange hybrid writeback', url: LEARN.cloudSyncExchangeHybrid },
      { title: 'Provisioning to AD FAQ', url: LEARN.cloudSyncProvisionToAdFaq },
    ],
    dependsOn: ['cloudSyncHealth.agents'],
  },
  {
    id: 'cloudSyncHealth.monitor',
    track: 'cloudSyncHealth',
    title: 'Watch configuration health and deletes',
    why: 'A quarantined configuration or a tripped delete threshold stops sync until someone acts.',
    checklist: [
      'Every configuration reads Healthy; a quarantined one names its cause in the status details.',
      'Accidental-delete prevention is on with a threshold that fits, and the notification email reaches a team mailbox.',
      'Provisioning logs (Reports Reader or higher) show no repeating errors.',
      'ADToAADSyncServiceAccount@<tenant>.onmicrosoft.com stays excluded from MFA and sign-in policies.',
      'Test one user with Provision on demand after every scope change.',
    ],
    commands: [{ kind: 'adminCenter', command: 'Entra ID > Monitoring & health > Provisioning logs', purpose: 'Per-object results and errors' }],
    links: [
      { title: 'Prevent accidental deletes', url: LEARN.cloudSyncAccidentalDeletes },
      { title: 'Provisioning logs', url: LEARN.provisioningLogs },
      { title: 'Configure Cloud Sync', url: LEARN.cloudSyncConfigure },
    ],
    dependsOn: ['cloudSyncHealth.agents'],
  },
];

const CLOUD_SYNC_TASKS: readonly TaskContent[] = [
  { id: 'cloudSync.chooseTool', track: 'cloudSync', ...CHOOSE_TOOL_CONTENT },
  {
    id: 'cloudSync.prerequisites',
    track: 'cloudSync',
    title: 'Review Cloud Sync prerequisites',
    why: 'Agent setup fails on missing roles, TLS 1.2 or blocked outbound URLs; catch them before install day.',
    checklist: [
      'Entra: a Hybrid Identity Administrator (member, not guest), plus a cloud-only one for break-glass.',
      "AD: Domain Admin or Enterprise Admin to create the agent's gMSA (provAgentgMSA$).",
      'Custom sign-in domains added and verified in Entra ID; AD attributes cleaned up with IdFix.',
      'Agent host: domain-joined Windows Server (2022 or 2025 recommended) with Desktop Experience, 4 GB RAM, .NET 4.7.1+; on 2025, KB5070773 or later.',
      'TLS 1.2 enabled (SCHANNEL keys, SchUseStrongCrypto) and rebooted; Credential Manager service on; execution policy RemoteSigned.',
      'Outbound 443: *.msappproxy.net, *.msappproxy.com, *.servicebus.windows.net, *.microsoftonline.com, *.microsoft.com, *.windowsazure.com, login.windows.net.',
      'Outbound 80 for certificate checks: mscrl.microsoft.com, crl.microsoft.com, ocsp.msocsp.com, www.microsoft.com. 8080 is optional. US Gov uses its own list.',
      'Proxies must pass HTTP 1.1 chunked encoding. Treat agent hosts as Tier 0; plan three active agents for high availability.',
      'Limits: 150,000 objects per domain, 50,000-member groups, about 50 scoped OUs or groups, objects unique across forests.',
    ],
    links: [
      { title: 'Cloud Sync prerequisites', url: LEARN.cloudSyncPrerequisites },
      { title: 'Supported Cloud Sync topologies', url: LEARN.cloudSyncTopologies },
    ],
    dependsOn: ['cloudSync.chooseTool'],
  },
  {
    id: 'cloudSync.installAgent',
    track: 'cloudSync',
    title: 'Install the provisioning agent',
    why: 'The agent reads AD on-premises and sends changes out over 443; each extra agent adds failover.',
    checklist: [
      'Entra admin center > Entra ID > Entra Connect > Cloud sync > Agents > Download on-premises agent.',
      'Run AADConnectProvisioningAgentSetup.exe; sign in as Hybrid Identity Administrator (IE Enhanced Security can block it).',
      'Service account: Create gMSA with Domain Admin credentials (recommended), or pick your own gMSA.',
      'Connect Active Directory: add each domain with a Domain Admin whose password is not expired.',
      'US Government tenants: run setup with ENVIRONMENTNAME=AzureUSGovernment.',
      'Check: the agent shows active under Agents, and the Agent Updater and Provisioning Agent services are Running.',
      'Repeat on two more servers; setup reuses the gMSA. Nothing syncs until a configuration is enabled.',
      'Optional: password writeback under Entra ID > Password reset > On-premises integration.',
    ],
    links: [{ title: 'Install the provisioning agent', url: LEARN.cloudSyncInstall }],
    dependsOn: ['cloudSync.prerequisites'],
  },
  {
    id: 'cloudSync.configure',
    track: 'cloudSync',
    title: 'Configure Cloud Sync',
    why: 'The configuration lives in Entra ID and decides what syncs, how attributes map and when deletes stop.',
    checklist: [
      'Entra Connect > Cloud sync > New configuration > AD to Microsoft Entra ID sync; pick the domain, decide on PHS.',
      'Scope by OU (distinguished names); group scoping skips nested groups, so keep it for pilots.',
      'Review attribute mappings; add expressions or directory extensions only where needed.',
      'Test one user and one group with Provision on demand before enabling.',
      'Keep accidental-delete prevention on, set a deletion threshold and a mailbox someone reads.',
      'Exclude ADToAADSyncServiceAccount@<tenant>.onmicrosoft.com from MFA and sign-in policies.',
      'Enable the configuration; after any scope change, use Restart sync. Careful: Delete configuration asks no confirmation.',
      'Optional: Exchange hybrid writeback (agent 1.1.1107.0+, Exchange schema).',
      'Optional Seamless SSO: PowerShell (AzureADSSO.psd1 inside AzureADConnect.msi). Get the msi from Entra ID > Entra Connect > Get started, not Download Center.',
    ],
    links: [
      { title: 'Configure Cloud Sync', url: LEARN.cloudSyncConfigure },
      { title: 'Prevent accidental deletes', url: LEARN.cloudSyncAccidentalDeletes },
      { title: 'Seamless SSO with Cloud Sync', url: LEARN.cloudSyncSso },
    ],
    dependsOn: ['cloudSync.installAgent'],
  },
  {
    id: 'cloudSync.deviceSync',
    track: 'cloudSync',
    title: 'Configure device sync (preview)',
    why: 'Brings domain-joined computers into Entra ID for hybrid join without Connect Sync; still a preview.',
    checklist: [
      'Preview: try it on a pilot OU first and agree on a fallback.',
      'Every agent on 1.1.1107 or later.',
      'An AD to Microsoft Entra ID configuration already exists for the domain.',
      'Hybrid Identity Administrator in Entra; Enterprise Admin to set up the service connection point in each forest.',
      "Turn on Enable device sync in the configuration's Properties > Basics.",
      'Check the pilot computers in the provisioning logs before widening scope.',
    ],
    links: [{ title: 'Cloud Sync device sync (preview)', url: LEARN.cloudSyncDeviceSync }],
    preview: true,
    dependsOn: ['cloudSync.configure'],
  },
  {
    id: 'cloudSync.verify',
    track: 'cloudSync',
    title: 'Verify users are syncing',
    why: 'Proves objects flow end to end before you widen scope or tell users.',
    checklist: [
      'The configuration status reads Healthy; the first cycle can take a few hours.',
      'In-scope users show up under Entra ID > Users.',
      'Provision on demand for one user: import, scope, match and action all pass (scoping is not applied here).',
      'Provisioning logs show no failures (needs Reports Reader or higher).',
      'With PHS on, a synced user signs in at https://myapps.microsoft.com with the on-premises password.',
      'Change an attribute in AD and see it arrive within a few minutes (the cycle runs about every 2 minutes).',
    ],
    commands: [
      {
        kind: 'adminCenter',
        command: 'Entra ID > Entra Connect > Cloud sync > (configuration) > Provision on demand',
        purpose: 'Sync one user or group now by its distinguished name',
      },
      {
        kind: 'adminCenter',
        command: 'Entra ID > Monitoring & health > Provisioning logs',
        purpose: 'Per-object results and errors',
      },
      {
        kind: 'adminCenter',
        command: 'Entra ID > Entra Connect > Cloud sync > Agents',
        purpose: 'Agent health and version',
      },
    ],
    links: [
      { title: 'Provision on demand', url: LEARN.cloudSyncOnDemand },
      { title: 'Provisioning logs', url: LEARN.provisioningLogs },
      { title: 'Tutorial: verify users are created', url: LEARN.cloudSyncVerify },
    ],
    dependsOn: ['cloudSync.configure'],
  },
];

const CONNECT_TASKS: readonly TaskContent[] = [
  { id: 'connect.chooseTool', track: 'connect', ...CHOOSE_TOOL_CONTENT },
  {
    id: 'connect.prerequisites',
    track: 'connect',
    title: 'Review Connect Sync prerequisites',
    why: 'Connect Sync is a full server with its own database; OS, sizing and accounts are hard to change later.',
    checklist: [
      'Install the newest build from the admin center: each build retires 12 months after a newer one ships (2.5.79.0 was the 2026-09-30 floor).',
      'Server: domain-joined Windows Server 2022 or 2025 (2016 leaves support on 2027-01-12; on 2025 add KB5070773), Standard+, Desktop Experience, Tier 0.',
      '.NET Framework 4.7.2+, PowerShell 5.0, execution policy RemoteSigned, TLS 1.2 enabled.',
      'Entra: Hybrid Identity Administrator or Global Administrator, assigned directly. Only setup run as Global Admin enables the Connect Health agent.',
      'AD FS or PingFederate setup: Global Administrator, or Hybrid Identity Administrator plus Domain Name Administrator.',
      'AD: forest functional level 2003+, writable DCs only, no dotted NetBIOS names; AD Recycle Bin on.',
      'Ports to AD: 53, 88, 135 + 49152-65535, 389 (or 636), 445, 3268. To Entra ID: 443, and 80 for CRLs.',
      'Sizing: up to 50K objects 6 GB RAM; 100K 16 GB; more needs full SQL Server (LocalDB stops at 10 GB) and 32 GB.',
      'Custom domains verified in Entra ID; AD attributes cleaned up with IdFix.',
    ],
    links: [
      { title: 'Connect Sync prerequisites', url: LEARN.connectPrerequisites },
      { title: 'Ports Connect Sync needs', url: LEARN.connectPorts },
      { title: 'Accounts and permissions', url: LEARN.connectAccounts },
      { title: 'Version history and retirement policy', url: LEARN.connectVersionHistory },
      { title: 'The 2026-09-30 mandatory update (2.5.79.0)', url: LEARN.connectSecurityUpdates },
      { title: 'Windows Server 2016 lifecycle', url: LEARN.windowsServer2016Lifecycle },
    ],
    dependsOn: ['connect.chooseTool'],
  },
  {
    id: 'connect.chooseInstallType',
    track: 'connect',
    title: 'Choose express or custom installation',
    why: 'Express fits most single-forest installs, OU filtering and optional features included; a short list of needs calls for custom.',
    checklist: [
      'Express assumes one forest, an Enterprise Admin for setup and fewer than 100,000 objects in your on-premises AD.',
      'Express turns on PHS, syncs every domain and OU, uses SQL Server Express LocalDB (10 GB cap) and enables auto-upgrade.',
      'Go custom for: several forests (now or planned), a domain the server cannot reach, PTA or federation, no Enterprise Admin, 100K+ objects, group filtering.',
      "OU filtering alone doesn't rule out express: untick the start-sync box on the last page, filter, then enable the scheduler.",
      'Optional features such as password writeback: finish express, then rerun the wizard.',
      'Replacing an older Connect server? Swing-migrate: export its settings, import them on the new server in staging mode, then switch.',
      'Connect already runs? Do not reinstall: say "start over" and tell me what runs today, so the plan starts from that server.',
    ],
    links: [
      { title: 'Select the installation type', url: LEARN.connectSelectInstall },
      { title: 'LocalDB and SQL Server limits (prerequisites)', url: LEARN.connectPrerequisites },
      { title: 'Swing migration', url: LEARN.connectSwingMigration },
    ],
    dependsOn: ['connect.prerequisites'],
  },
  {
    id: 'connect.download',
    track: 'connect',
    title: 'Download Connect Sync from the admin center',
    why: 'The installer is now published only in the Entra admin center; copies from elsewhere may be retired builds.',
    checklist: [
      'Sign in to the Entra admin center (entra.microsoft.com) with your admin account.',
      'Entra ID > Entra Connect > Get started: download AzureADConnect.msi.',
      'Confirm it is the newest build in the version history; 2.5.79.0 was only the 2026-09-30 floor and retires in turn.',
      'Discard older installers kept on file shares.',
    ],
    links: [
      { title: 'Entra admin center: Entra Connect > Get started', url: LEARN.connectDownloadAdminCenter },
      { title: 'Connect Sync version history', url: LEARN.connectVersionHistory },
    ],
    dependsOn: ['connect.prerequisites'],
  },
  {
    id: 'connect.installExpress',
    track: 'connect',
    title: 'Install Connect Sync with express settings',
    why: 'One short wizard pass: PHS, every domain and OU of a single forest, auto-upgrade on.',
    checklist: [
      'Enable TLS 1.2 first, then sign in to the sync server as a local administrator.',
      'Run AzureADConnect.msi, accept the license and choose Use express settings.',
      'Entra ID: Hybrid Identity Administrator (Global Administrator if you want the Connect Health agent). AD: an Enterprise Admin (DOMAIN\\user).',
      'If the sign-in page flags unverified UPN suffixes, verify those domains and select Refresh.',
      'Need OU filtering first? Untick "Start the synchronization process" before Install.',
      'Tick Exchange hybrid deployment if you run Exchange hybrid.',
      'Setup creates the MSOL_ connector account in the forest root; leave it alone.',
      'Sign out and back in before opening Synchronization Service Manager.',
    ],
    links: [
      { title: 'Install with express settings', url: LEARN.connectExpress },
      { title: 'Accounts and permissions', url: LEARN.connectAccounts },
    ],
    dependsOn: ['connect.chooseInstallType', 'connect.download'],
  },
  {
    id: 'connect.installCustom',
    track: 'connect',
    title: 'Install Connect Sync with custom settings',
    why: 'The custom wizard handles several forests, PTA or federation, full SQL Server and scoped sync.',
    checklist: [
      'Run AzureADConnect.msi, choose Customize; set install path, SQL Server or service account if needed. Sign-in: PHS, PTA, AD FS, PingFederate, none.',
      'Entra admin: Hybrid Identity Administrator (Global Administrator enables Connect Health); /InteractiveAuth for smart-card or federated admins.',
      'AD FS/PingFederate: Global Admin, or Hybrid Identity Admin + Domain Name Admin. AD FS: use an account not in a domain being federated, e.g. onmicrosoft.com.',
      'Per forest, let the wizard create the AD DS connector account (needs Enterprise Admin) or supply one that is not an Enterprise or Domain Admin.',
      'Sign-in attribute: UPN unless you need an alternate ID. Seamless SSO is optional with PHS or PTA.',
      'Filter by domain and OU; group filtering is for pilots only and ignores nested groups.',
      'Source anchor: keep ms-DS-ConsistencyGuid; it cannot be changed later.',
      'Turn on optional features (writeback, directory extensions) only when needed.',
      'A second server in staging mode imports and syncs but exports nothing: your warm standby.',
    ],
    links: [
      { title: 'Install with custom settings', url: LEARN.connectCustom },
      { title: 'Accounts and permissions', url: LEARN.connectAccounts },
    ],
    dependsOn: ['connect.chooseInstallType', 'connect.download'],
  },
  {
    id: 'connect.postInstall',
    track: 'connect',
    title: 'Complete post-installation tasks',
    why: 'Leaves a sync server other admins can run, that stays current and stops mass deletes.',
    checklist: [
      'Add the admins who operate sync to the local ADSyncAdmins group.',
      'Accidental-delete protection is on at 500 objects; tune it to your change volume.',
      'A tripped threshold logs event 116: review pending deletes before allowing the export.',
      'Check auto-upgrade; if it is off, schedule upgrades, since retired builds can stop syncing.',
      'Assign licenses to synced users.',
      'Lower the role of the Entra admin used for setup; keep the account to rerun the wizard.',
      'Connect Health alerts (accidental deletes, PHS) need the Health agent: on only if setup ran as Global Admin, and version 4.5.2466.0 or later.',
      'Chose Connect for hybrid join? Rerun the wizard > Configure device options and set up Microsoft Entra hybrid join for each forest.',
    ],
    commands: [
      { kind: 'powershell', command: 'Get-ADSyncExportDeletionThreshold', purpose: 'Show the deletion threshold' },
      {
        kind: 'powershell',
        command: 'Enable-ADSyncExportDeletionThreshold -DeletionThreshold 500',
        purpose: 'Set the threshold (objects deleted per export)',
      },
      { kind: 'powershell', command: 'Get-ADSyncAutoUpgrade', purpose: 'Enabled, Suspended or Disabled' },
    ],
    links: [
      { title: 'After installing Connect Sync', url: LEARN.connectPostInstall },
      { title: 'Prevent accidental deletes', url: LEARN.connectAccidentalDeletes },
      { title: 'Automatic upgrade', url: LEARN.connectAutoUpgrade },
    ],
    dependsOn: ['connect.installExpress', 'connect.installCustom'],
  },
  {
    id: 'connect.verify',
    track: 'connect',
    title: 'Verify users are syncing',
    why: 'Confirms the scheduler runs and exports reach Entra ID without errors.',
    checklist: [
      'Scheduler: SyncCycleEnabled True, StagingModeEnabled False, next run within the 30-minute interval.',
      'Run a delta cycle and wait until the connectors are idle.',
      'Synchronization Service Manager > Operations: every run shows success; chase any completed-*-errors or stopped-*.',
      'Entra ID > Entra Connect > Connect sync shows a recent last sync time.',
      'Synced users show up under Entra ID > Users; with PHS, test a sign-in (passwords sync every 2 minutes).',
      'After changing filters or rules, run an Initial cycle instead of a delta.',
    ],
    commands: [
      { kind: 'powershell', command: 'Import-Module ADSync', purpose: 'Load the cmdlets if they are not found' },
      { kind: 'powershell', command: 'Get-ADSyncScheduler', purpose: 'Interval, next run, scheduler and staging state' },
      { kind: 'powershell', command: 'Start-ADSyncSyncCycle -PolicyType Delta', purpose: 'Run a delta cycle now' },
      { kind: 'powershell', command: 'Get-ADSyncConnectorRunStatus', purpose: 'Empty when the engine is idle' },
      {
        kind: 'powershell',
        command: 'Start-ADSyncSyncCycle -PolicyType Initial',
        purpose: 'Full cycle after filter or rule changes',
      },
    ],
    links: [
      { title: 'Verify the scheduled sync task', url: LEARN.connectVerifyScheduledTask },
      { title: 'Connect Sync scheduler', url: LEARN.connectScheduler },
      { title: 'Synchronization Service Manager operations', url: LEARN.connectOperations },
    ],
    dependsOn: ['connect.installExpress', 'connect.installCustom'],
  },
];

/**
 * Every task in catalog order, which is what "what's next" walks. Restoring a stopped sync comes before
 * anything else; then the other paths from what runs today; then first installations, where for "both"
 * Cloud Sync comes first, as in Microsoft's article.
 */
export const TASK_CATALOG: readonly TaskContent[] = [
  ...RESTORE_SYNC_TASKS,
  ...CONNECT_UPGRADE_TASKS,
  ...MIGRATE_TASKS,
  ...CLOUD_SYNC_HEALTH_TASKS,
  ...CLOUD_SYNC_TASKS,
  ...CONNECT_TASKS,
];

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
