/**
 * The tasks of a first installation, Cloud Sync's and Connect Sync's, in the order an admin works through them.
 *
 * The lists follow Microsoft's hybrid identity "get started" article; the content of each task is our own
 * wording of the Learn pages in learnLinks.ts. Three mistakes in that article are deliberately not
 * repeated: the custom-install task is about custom settings, the Connect verify task cites Connect
 * material, and the installer comes from the admin center.
 */
import type { TaskContent } from './catalog';
import { LEARN } from './learnLinks';

const CHOOSE_TOOL_CONTENT = {
  title: 'Choose the sync tool',
  why: 'Cloud Sync and Connect Sync differ in topology, scale and features; the wrong pick means a migration later.',
  checklist: [
    'Forest topology: one forest, several forests one server can reach, or a forest no single server can reach over the network.',
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
      'Custom sign-in domains (your UPN suffixes) added and verified in Entra ID; AD attributes cleaned up with IdFix before sync is turned on.',
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
      'Entra Connect > Cloud sync > New configuration > AD to Microsoft Entra ID sync; pick the domain, decide on password hash sync.',
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
      { title: 'Provision on demand', url: LEARN.cloudSyncOnDemand },
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
      'Hybrid Identity Administrator in Entra; Enterprise Admin to set up the service connection point (SCP) in each forest.',
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
      'Provision on demand for one user: success shows four green checks, import, scope, match and action (scoping filters are not applied here).',
      'Provisioning logs show no failures (needs Reports Reader or higher).',
      'With PHS on, a synced user signs in at https://myapps.microsoft.com with the on-premises password.',
      'Change an attribute in AD (a job title, say) and see it arrive in Entra ID within a few minutes (the cycle runs about every 2 minutes).',
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
      'Custom domains (your UPN suffixes) verified in Entra ID; AD attributes cleaned up with IdFix before sync is turned on.',
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
      'Sync no longer needs Global Administrator: lower the role of the Entra admin used for setup, but keep the account to rerun the wizard.',
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
      {
        kind: 'powershell',
        command: 'Get-ADSyncScheduler',
        purpose: 'Interval, next run, scheduler and staging state',
      },
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

/** Cloud Sync before Connect Sync: for "both", Microsoft's article installs Cloud Sync first. */
export const INSTALL_TASKS: readonly TaskContent[] = [...CLOUD_SYNC_TASKS, ...CONNECT_TASKS];
