/**
 * The tasks of the paths from a deployment that already runs: restoring a stopped sync, staying on Connect
 * Sync, moving Connect to Cloud Sync, and keeping Cloud Sync healthy. The content of each task is our own
 * wording of the Learn pages in learnLinks.ts.
 */
import type { TaskContent } from './catalog';
import { LEARN } from './learnLinks';

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
      {
        kind: 'powershell',
        command: 'Get-ADSyncScheduler',
        purpose: 'Scheduler, staging mode and next run on this server',
      },
      {
        kind: 'powershell',
        command: 'Get-ADSyncServerConfiguration -Path C:\\ADSyncBackup',
        purpose: 'Export the configuration before changing anything',
      },
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
      "Watch for Microsoft's migration notice: eligible tenants are told by email and in the product, with a window.",
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
    why: "A staging server is Connect's only standby and the safe way to upgrade or change OS (swing migration).",
    checklist: [
      'Already have one on 2022 or 2025, on the same build as the active server? Skip this task.',
      'Build a domain-joined Windows Server 2022 or 2025 (2016 leaves extended support on 2027-01-12), treated as Tier 0.',
      "Export the active server's settings and import them on the new server during setup.",
      'Install in staging mode: it imports and syncs but exports nothing, and has PHS and writeback off.',
      'Let it run a full cycle and compare its pending exports with the active server before any switch.',
      'To switch: put the active server in staging mode first, then take the new server out of staging mode.',
      'Fully uninstall a retired server rather than just powering it off: a forgotten one can come back and overwrite Entra ID with stale data.',
    ],
    links: [
      { title: 'Staging server and disaster recovery', url: LEARN.connectStagingServer },
      { title: 'Import and export Connect settings', url: LEARN.connectImportExportConfig },
      { title: 'Swing migration', url: LEARN.connectSwingMigration },
      { title: 'Windows Server 2016 lifecycle', url: LEARN.windowsServer2016Lifecycle },
    ],
    dependsOn: [],
  },
  {
    id: 'connectUpgrade.autoUpgrade',
    track: 'connectUpgrade',
    title: 'Turn on automatic upgrade where it is supported',
    why: "Auto-upgrade keeps eligible servers on Microsoft's flagged builds; the others need a calendar.",
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
      {
        kind: 'powershell',
        command: 'Set-ADSyncAutoUpgrade -AutoUpgradeState Enabled',
        purpose: 'Turn it on where supported',
      },
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
      'Guided tool fits? One forest, up to 2,000 objects in scope, at most 30 OUs per domain, no custom rules, group filtering, custom UPN or directory extensions.',
      'Source anchor: Connect must use objectGUID or ms-DS-ConsistencyGuid, and objects in scope must have ms-DS-ConsistencyGuid set.',
      'Agent hosts: Windows Server 2022 or 2025 with the Cloud Sync prerequisites; plan three agents for failover.',
    ],
    commands: [
      {
        kind: 'powershell',
        command: 'Get-ADSyncServerConfiguration -Path C:\\ADSyncBackup',
        purpose: 'Export the Connect configuration to review and keep',
      },
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
    why: "For small single-forest tenants Microsoft's tool installs the agent, copies the configuration and switches over for you.",
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
      {
        kind: 'powershell',
        command: 'Set-ADSyncScheduler -SyncCycleEnabled $false',
        purpose: 'Pause Connect while you add the rules',
      },
      {
        kind: 'powershell',
        command: 'Set-ADSyncScheduler -SyncCycleEnabled $true',
        purpose: 'Resume Connect afterwards',
      },
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
    commands: [
      {
        kind: 'powershell',
        command: 'Set-ADSyncScheduler -SyncCycleEnabled $false',
        purpose: 'Stop Connect Sync from running',
      },
    ],
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
    commands: [
      {
        kind: 'adminCenter',
        command: 'Entra ID > Entra Connect > Cloud sync > Agents',
        purpose: 'Agent status and versions',
      },
    ],
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
    commands: [
      {
        kind: 'adminCenter',
        command: 'Entra ID > Monitoring & health > Provisioning logs',
        purpose: 'Per-object results and errors',
      },
    ],
    links: [
      { title: 'Prevent accidental deletes', url: LEARN.cloudSyncAccidentalDeletes },
      { title: 'Provisioning logs', url: LEARN.provisioningLogs },
      { title: 'Configure Cloud Sync', url: LEARN.cloudSyncConfigure },
    ],
    dependsOn: ['cloudSyncHealth.agents'],
  },
];

/** Restoring a stopped sync comes before anything else; then the other paths, in working order. */
export const PATH_TASKS: readonly TaskContent[] = [
  ...RESTORE_SYNC_TASKS,
  ...CONNECT_UPGRADE_TASKS,
  ...MIGRATE_TASKS,
  ...CLOUD_SYNC_HEALTH_TASKS,
];
