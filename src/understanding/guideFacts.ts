/**
 * Facts the guide can answer with beyond the task checklists and the advisor's rules: short, in our own
 * words, each with the Learn page that backs it.
 */
import type { TaskId } from '../domain/catalog';
import { LEARN } from '../domain/learnLinks';
import { taskContent } from '../domain/taskCatalog';

/**
 * A task's checklist lines that start with one of `openings`, joined: a fact that sums up catalog lines is read from
 * the catalog, so the two cannot drift apart. A missing task or line is a build error of the guide, found at start.
 */
function catalogLines(taskId: TaskId, openings: readonly string[]): string {
  const lines = taskContent(taskId)?.checklist.filter((line) => openings.some((opening) => line.startsWith(opening)));
  if (!lines || lines.length !== openings.length)
    throw new Error(`Guide facts: task ${taskId} has no checklist line starting with each of ${openings.join(' / ')}.`);
  return lines.join(' ');
}

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
    text: 'Password hash sync sends new and reset passwords about every 2 minutes, an interval that is fixed.',
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
    taskIds: ['cloudSync.chooseTool', 'connect.chooseTool'],
  },
  {
    id: 'migrationTool',
    title: 'Moving from Connect Sync to Cloud Sync',
    text: 'Eligible tenants get a guided transition tool (a guided migration), the "Transition to Cloud Sync" option in the Connect wizard. Its limits include one forest, up to 2,000 objects in scope, at most 30 OUs per domain and no custom rules; larger moves are piloted OU by OU. It carries over user and group sync, password hash sync, password writeback, Exchange hybrid writeback and the OU scope.',
    links: [
      { title: 'Migrate with the transition tool', url: LEARN.cloudSyncMigrationTool },
      { title: 'Cloud Sync migration FAQ', url: LEARN.cloudSyncMigrationFaq },
    ],
    // The readiness check is where a move is weighed against the tool's bounds, so a question about them belongs there too.
    taskIds: ['migrateToCloudSync.guidedTool', 'migrateToCloudSync.readiness'],
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
    text: catalogLines('connect.chooseInstallType', ['Express assumes', 'Express turns on', 'Go custom for']),
    links: [{ title: 'Select the installation type', url: LEARN.connectSelectInstall }],
    taskIds: ['connect.chooseInstallType'],
  },
  {
    id: 'connectBuildFloor',
    title: 'Which Connect Sync build to run',
    text: catalogLines('connect.prerequisites', ['Install the newest build']),
    links: [
      { title: 'Mandatory security update (2.5.79.0)', url: LEARN.connectSecurityUpdates },
      { title: 'Connect Sync version history', url: LEARN.connectVersionHistory },
    ],
    taskIds: ['connect.prerequisites', 'connectUpgrade.upgrade', 'restoreSync.upgrade'],
  },
  {
    id: 'connectInstalledBuild',
    title: 'Which Connect Sync build is installed',
    text: catalogLines('restoreSync.assess', ['Read the build on the active server']),
    links: [{ title: 'Connect Sync version history', url: LEARN.connectVersionHistory }],
    taskIds: ['restoreSync.assess'],
  },
  {
    id: 'cloudSyncSeamlessSso',
    title: 'Seamless SSO with Cloud Sync',
    text: 'Cloud Sync offers no switch for Seamless SSO: it is turned on with PowerShell, from the AzureADSSO.psd1 module among the extracted files of AzureADConnect.msi. New-AzureADSSOAuthenticationContext signs in with the tenant admin the page asks for (a Global Administrator); Enable-AzureADSSOForest then takes a Domain Admin of each forest, typed in the DOMAIN\\user form, who must not be in the Protected Users group or the command fails; Enable-AzureADSSO -Enable $true switches the feature on for the tenant.',
    links: [{ title: 'Seamless SSO with Cloud Sync', url: LEARN.cloudSyncSso }],
    taskIds: ['cloudSync.configure'],
  },
  {
    id: 'provisioningLogs',
    title: 'Reading and downloading the provisioning logs',
    text: 'The provisioning logs, under Entra ID > Monitoring & health > Provisioning logs, record what provisioning did to each object. Narrow them with filters (status, action or date, say), then select Download: a JSON file, or CSV as three files, holding only the filtered entries.',
    links: [{ title: 'Provisioning logs', url: LEARN.provisioningLogs }],
    taskIds: ['cloudSync.verify', 'cloudSyncHealth.monitor'],
  },
  {
    id: 'cloudSyncNetwork',
    title: 'Ports, URLs and proxy for the Cloud Sync agent',
    text: 'Outbound 443 carries all service traffic of the provisioning agent, with outbound 80 for certificate revocation checks and, optionally, 8080 for status reports when 443 is blocked; nothing inbound is opened. Allow *.msappproxy.net, *.msappproxy.com, *.servicebus.windows.net, *.microsoftonline.com, *.microsoft.com, *.windowsazure.com and login.windows.net (US Government has its own list); if you cannot allow URLs, open the Azure datacenter IP ranges. A proxy must pass HTTP 1.1 chunked encoding.',
    links: [{ title: 'Cloud Sync prerequisites', url: LEARN.cloudSyncPrerequisites }],
    taskIds: ['cloudSync.prerequisites'],
  },
  {
    id: 'connectNetwork',
    title: 'Ports and proxy for the Connect Sync server',
    text: 'Towards domain controllers Connect Sync needs DNS 53, Kerberos 88, RPC 135 with the dynamic range 49152-65535, LDAP 389 (636 with TLS), SMB 445 and the global catalog 3268; towards Entra ID it needs 443, and 80 for certificate revocation lists. Behind a proxy, add defaultProxy to machine.config and allow an idle timeout of at least 6 minutes; a proxy that breaks or inspects the traffic is not supported.',
    links: [
      { title: 'Ports Connect Sync needs', url: LEARN.connectPorts },
      { title: 'Connect Sync prerequisites', url: LEARN.connectPrerequisites },
    ],
    taskIds: ['connect.prerequisites'],
  },
  {
    id: 'tls12',
    title: 'TLS 1.2 on the sync server',
    text: 'TLS 1.2 must be on before you install either tool: Cloud Sync agent setup and Connect Sync V2 both fail without it. Set the SCHANNEL TLS 1.2 client and server keys and SchUseStrongCrypto for .NET, then reboot the server.',
    links: [
      { title: 'Cloud Sync prerequisites', url: LEARN.cloudSyncPrerequisites },
      { title: 'Connect Sync prerequisites', url: LEARN.connectPrerequisites },
    ],
    taskIds: ['cloudSync.prerequisites', 'connect.prerequisites'],
  },
  {
    id: 'connectSql',
    title: 'The database behind Connect Sync',
    text: 'By default Connect Sync installs SQL Server 2019 Express LocalDB, which stops at 10 GB, about 100,000 objects. Beyond that use a full SQL Server up to 2022 (not 2012 or 2016, not Azure SQL Database or Managed Instance) with a case-insensitive collation, one sync engine per instance and no Named Pipes; choose it under custom settings.',
    links: [
      { title: 'Connect Sync prerequisites', url: LEARN.connectPrerequisites },
      { title: 'Install with custom settings', url: LEARN.connectCustom },
    ],
    taskIds: ['connect.prerequisites', 'connect.installCustom'],
  },
  {
    id: 'cloudSyncGmsa',
    title: "The Cloud Sync agent's gMSA",
    text: 'The agent runs as a group managed service account (gMSA) named provAgentgMSA$ in the domain, which setup creates with Domain Admin or Enterprise Admin credentials and reuses on every further agent. It needs a forest schema of Windows Server 2012 or later, a domain controller on 2012 or later with the RSAT PowerShell modules, and Windows Server 2016 or later wherever the agent runs. Your own gMSA instead needs read on users, groups, contacts, computers, devices, InetOrgPerson and foreign security principals, full control on groups, and create and delete on users.',
    links: [
      { title: 'Cloud Sync prerequisites', url: LEARN.cloudSyncPrerequisites },
      { title: 'Install the provisioning agent', url: LEARN.cloudSyncInstall },
    ],
    taskIds: ['cloudSync.installAgent', 'cloudSync.prerequisites'],
  },
  {
    id: 'connectAccounts',
    title: 'Accounts Connect Sync uses',
    text: 'Express setup needs an Enterprise Admin and creates the AD DS connector account, MSOL_ followed by an id, in the forest root domain with a password that does not expire. Custom setup can create the connector account or use yours; since build 1.4.18.0 an Enterprise Admin or Domain Admin is refused as the connector account. The person installing must be a local administrator. Global Administrator is not needed once sync runs: lower the role rather than delete the account, so the wizard can be rerun.',
    links: [{ title: 'Accounts and permissions', url: LEARN.connectAccounts }],
    // Lowering the installing admin's role afterwards is one of the post-installation tasks.
    taskIds: ['connect.installExpress', 'connect.installCustom', 'connect.postInstall'],
  },
  {
    id: 'connectFiltering',
    title: 'Choosing what Connect Sync syncs',
    text: 'The custom wizard filters by domain and OU first, then optionally by group; group filtering takes direct members only, ignores nested groups and is meant for pilots. After an express install, clear "Start the synchronization process" on the last page, rerun the wizard to pick OUs, then turn the scheduler back on. After any filter change run a full cycle: Start-ADSyncSyncCycle -PolicyType Initial.',
    links: [
      { title: 'Install with custom settings', url: LEARN.connectCustom },
      { title: 'Connect Sync scheduler', url: LEARN.connectScheduler },
    ],
    // Filtering is a custom-wizard page, reached after an express install by rerunning the wizard.
    taskIds: ['connect.installCustom', 'connect.installExpress', 'connect.verify'],
  },
  {
    id: 'cloudSyncScopeLimits',
    title: 'Limits of Cloud Sync scoping',
    text: 'A Cloud Sync configuration is capped at 4 MB, about 50 separately scoped OUs or groups; nested OUs are fine. Group scoping follows no nested groups and suits pilots. Renamed OUs or groups are not noticed, deleting a scoping group leaves its members in place, and password hash sync does not cover InetOrgPerson objects.',
    links: [
      { title: 'Cloud Sync prerequisites', url: LEARN.cloudSyncPrerequisites },
      { title: 'Configure Cloud Sync', url: LEARN.cloudSyncConfigure },
    ],
    // The prerequisites list these limits before anything is scoped; the configuration is where they bite.
    taskIds: ['cloudSync.configure', 'cloudSync.prerequisites'],
  },
  {
    id: 'objectQuota',
    title: 'How many objects a tenant can sync',
    text: 'A tenant holds 50,000 objects by default and 300,000 once a domain is verified; more takes a support case, and over 500,000 needs a paid license such as Microsoft 365, Entra ID P1 or P2, or EMS.',
    links: [{ title: 'Connect Sync prerequisites', url: LEARN.connectPrerequisites }],
    taskIds: ['connect.prerequisites'],
  },
  {
    id: 'agentHost',
    title: 'Where the Cloud Sync agent can run',
    text: 'The provisioning agent is light: you can install it on a member server or on a domain controller (both supported), on Windows Server 2016 or later with at least 4 GB of memory (RAM) and .NET Framework 4.7.1 or later. Treat its host as Tier 0 and spread three agents over separate servers so one can fail over to another.',
    links: [{ title: 'Cloud Sync prerequisites', url: LEARN.cloudSyncPrerequisites }],
    taskIds: ['cloudSync.prerequisites'],
  },
  {
    id: 'windowsServer2016EndOfSupport',
    title: "Windows Server 2016's end of support",
    text: "Windows Server 2016's extended support ends on 12 January 2027; after that date it gets no more security updates. A sync server is Tier 0, so plan its move before then (for Connect Sync, a swing migration to a new server).",
    links: [
      { title: 'Windows Server 2016 lifecycle', url: LEARN.windowsServer2016Lifecycle },
      { title: 'Swing migration', url: LEARN.connectSwingMigration },
    ],
    // Cloud Sync's agent hosts are sync servers too: the agents' check is where their hosts are moved to 2022 or 2025.
    taskIds: ['connectUpgrade.stagingServer', 'connect.prerequisites', 'cloudSyncHealth.agents'],
  },
  {
    id: 'signInBothTools',
    title: 'Sign-in methods in each tool',
    text: 'Password hash sync and password writeback (SSPR) work with both Cloud Sync and Connect Sync. Setting up pass-through authentication or AD FS/PingFederate federation needs Connect Sync; PTA or federation already in place keeps working beside Cloud Sync.',
    links: [{ title: 'Cloud Sync or Connect Sync: decision guide', url: LEARN.cloudSyncDecisionGuide }],
    taskIds: ['cloudSync.chooseTool', 'connect.chooseTool'],
  },
  {
    id: 'connectScheduler',
    title: "Reading Connect Sync's scheduler",
    text: 'Get-ADSyncScheduler on the active server should show SyncCycleEnabled True, StagingModeEnabled False and a next run within the 30-minute interval. To force a sync, Start-ADSyncSyncCycle -PolicyType Delta runs a delta cycle now, -PolicyType Initial a full one, and Set-ADSyncScheduler -SyncCycleEnabled $true turns a stopped scheduler back on. Set-ADSyncScheduler -CustomizedSyncCycleInterval (as d.HH:mm:ss) changes how often it runs; 30 minutes is the shortest interval allowed.',
    links: [{ title: 'Connect Sync scheduler', url: LEARN.connectScheduler }],
    taskIds: ['connect.verify'],
  },
  {
    id: 'connectRunningCycle',
    title: 'A Connect Sync cycle that is running',
    text: 'Get-ADSyncConnectorRunStatus shows a cycle while it runs and nothing once the engine is idle; Stop-ADSyncSyncCycle stops a running cycle. An open Connect wizard suspends the scheduler until it is closed.',
    links: [{ title: 'Connect Sync scheduler', url: LEARN.connectScheduler }],
    taskIds: ['connect.verify'],
  },
  {
    id: 'connectReinstallDatabase',
    title: 'Reinstalling Connect Sync on the same SQL Server',
    text: 'Setup stops with "The ADSync database already contains data" when Connect is reinstalled on a SQL Server that keeps the old ADSync database: back that database up, delete it, then run setup again.',
    links: [{ title: 'Custom installation of Connect Sync', url: LEARN.connectCustom }],
    taskIds: ['connect.installCustom'],
  },
  {
    id: 'connectRefreshSchema',
    title: 'Refreshing the directory schema in Connect Sync',
    text: "After the AD schema is extended (new attributes, Exchange), rerun the Connect wizard and choose Refresh directory schema so Connect sees the new attributes. The rerun wizard's other tasks include view or export the configuration, device options, staging mode, user sign-in and federation.",
    links: [{ title: 'Connect Sync after installation', url: LEARN.connectPostInstall }],
    taskIds: ['connect.postInstall'],
  },
  {
    id: 'passwordWriteback',
    title: 'Password writeback for self-service password reset',
    text: 'Both tools can write passwords changed or reset in the cloud back to AD, which self-service password reset (SSPR) needs; it takes Entra ID P1. With Cloud Sync, turn it on under Entra ID > Password reset > On-premises integration once the agent runs. With Connect, tick it among the optional features of a custom install, or finish express and rerun the wizard.',
    links: [
      { title: 'Install the provisioning agent', url: LEARN.cloudSyncInstall },
      { title: 'Select the installation type', url: LEARN.connectSelectInstall },
    ],
    taskIds: ['cloudSync.installAgent', 'connect.chooseInstallType'],
  },
  {
    id: 'syncAccountSignInPolicies',
    title: 'The sync account and conditional access',
    text: 'Cloud Sync signs in to Entra ID as ADToAADSyncServiceAccount@<tenant>.onmicrosoft.com. Leave that account out of conditional access and MFA policies: a policy that blocks or challenges it stops the sync.',
    links: [{ title: 'Configure Cloud Sync', url: LEARN.cloudSyncConfigure }],
    taskIds: ['cloudSync.configure'],
  },
  {
    id: 'connectHost',
    title: 'Where Connect Sync can run',
    text: 'Connect Sync may be installed on a domain controller or on a member server: a domain-joined Windows Server 2022 or 2025, Standard edition or better, with the Desktop Experience (not Server Core), treated as Tier 0.',
    links: [{ title: 'Connect Sync prerequisites', url: LEARN.connectPrerequisites }],
    taskIds: ['connect.prerequisites'],
  },
  {
    id: 'connectSizing',
    title: 'Sizing the Connect Sync server',
    text: 'Connect Sync hardware follows the number of objects in AD. Up to 50,000 objects: 6 GB of RAM and 70 GB of disk; 50,000 to 100,000: 16 GB and 100 GB; 100,000 to 300,000: 32 GB and 300 GB, with a full SQL Server because LocalDB stops at 10 GB; 300,000 to 600,000: 32 GB and 450 GB; more than 600,000: 32 GB and 500 GB. A 1.6 GHz CPU is enough at every size. The figures include SQL Server on the same machine; a remote SQL Server is sized on its own.',
    links: [{ title: 'Connect Sync prerequisites', url: LEARN.connectPrerequisites }],
    taskIds: ['connect.prerequisites'],
  },
  {
    id: 'cloudSyncRoles',
    title: 'Roles Cloud Sync needs',
    text: 'To install the agent and run Cloud Sync you need a Hybrid Identity Administrator in Entra ID who is a member of the tenant, not a guest (B2B) user; Global Administrator is not required, and agent setup checks for the Hybrid Identity Administrator role. Keep a cloud-only Hybrid Identity Administrator for break-glass. In AD, a Domain Admin or Enterprise Admin lets setup create the gMSA, and device sync needs an Enterprise Admin for the service connection point.',
    links: [
      { title: 'Cloud Sync prerequisites', url: LEARN.cloudSyncPrerequisites },
      { title: 'Install the provisioning agent', url: LEARN.cloudSyncInstall },
    ],
    taskIds: ['cloudSync.prerequisites', 'cloudSync.installAgent'],
  },
  {
    id: 'connectEntraRoles',
    title: 'Entra roles for installing Connect Sync',
    text: 'The Entra account that installs Connect Sync is a Hybrid Identity Administrator or a Global Administrator, assigned to the user directly rather than through a group, and a work or school account, not a Microsoft account. Only an installation run as Global Administrator sets up the Connect Health agent. Setting up AD FS or PingFederate takes a Global Administrator, or a Hybrid Identity Administrator together with a Domain Name Administrator.',
    links: [
      { title: 'Connect Sync prerequisites', url: LEARN.connectPrerequisites },
      { title: 'Accounts and permissions', url: LEARN.connectAccounts },
    ],
    taskIds: ['connect.prerequisites'],
  },
  {
    id: 'sourceOfAuthority',
    title: 'Source of authority: managing synced objects in the cloud',
    text: 'Source of authority (SOA) says where an object is managed. A user or group that sync brings from AD is managed in AD and read-only in Entra ID. Its source of authority can be switched to the cloud without deleting and recreating the object, so that it is managed in Entra ID from then on and sync no longer changes it: a step towards cloud-managed groups and less dependence on AD.',
    links: [{ title: 'Source of authority overview', url: LEARN.sourceOfAuthority }],
  },
  {
    id: 'connectApplicationAuth',
    title: 'Connect Sync signing in as an application',
    text: 'Recent Connect Sync builds can authenticate to Entra ID with an application identity and a certificate instead of the Sync_ service account and its password. Read the Learn page for the build it needs and how the certificate is managed before you switch an existing server.',
    links: [{ title: 'Application-based authentication for Connect Sync', url: LEARN.connectApplicationAuth }],
  },
  {
    id: 'hardMatchHardening',
    title: 'Hard match and cloud accounts that hold roles',
    text: "Since June 1, 2026 Entra ID no longer lets Connect Sync or Cloud Sync hard-match an on-premises AD user to a cloud-only user who holds an Entra role, and Connect Sync gets a further hard-match hardening from July 1, 2026: an AD account can no longer take over a privileged cloud account. Connect's hardening guidance also says to block soft match and hard-match takeover where you don't need them.",
    links: [
      { title: "What's new in Microsoft Entra", url: LEARN.entraWhatsNew },
      { title: 'Connect Sync prerequisites', url: LEARN.connectPrerequisites },
    ],
  },
  {
    id: 'cloudSyncSourceAnchor',
    title: 'Source anchor and matching in Cloud Sync',
    text: 'Cloud Sync chooses the source anchor itself: ms-DS-ConsistencyGuid when it is set, objectGUID otherwise, and it cannot be changed. There is no matching of one person across forests, so every object must exist in one forest only.',
    links: [{ title: 'Supported Cloud Sync topologies', url: LEARN.cloudSyncTopologies }],
    // The move's readiness check is where Connect's anchor is checked against this, so it opens that task too.
    taskIds: ['cloudSync.prerequisites', 'migrateToCloudSync.readiness'],
  },
  {
    id: 'productNames',
    title: 'Old and new product names',
    text: 'Microsoft renamed Azure AD to Microsoft Entra ID (announced July 11, 2023); each old name and its new name are the same product. Azure AD Connect became Microsoft Entra Connect, Azure AD Connect Sync became Connect Sync, Azure AD Connect cloud sync became Microsoft Entra Cloud Sync with the Microsoft Entra provisioning agent, and hybrid Azure AD join became Microsoft Entra hybrid join. DirSync and Azure AD Sync no longer work: replace them with Connect Sync or Cloud Sync.',
    links: [{ title: 'New name for Azure AD', url: LEARN.entraNewName }],
  },
  {
    id: 'connectRetirement',
    title: 'Connect Sync V1, V2 and build retirement',
    text: 'Connect V1 (the 1.x builds, 1.6 among them) is no longer supported: it was retired on August 31, 2022 and stopped syncing on October 1, 2023. V2 brought SQL Server 2019 LocalDB, MSAL, TLS 1.2 only and Windows Server 2016 or later. Each 2.x build is retired 12 months after a newer build ships and may stop working without warning, so upgrade at least once a year.',
    links: [
      { title: 'Connect Sync V2', url: LEARN.connectV2 },
      { title: 'Connect Sync version history', url: LEARN.connectVersionHistory },
    ],
    taskIds: ['connectUpgrade.upgrade', 'restoreSync.upgrade'],
  },
  {
    id: 'connectVersionHistory',
    title: "Connect Sync's version history",
    text: "Connect Sync's version history page lists every build with its release date and what it fixed or added, and says whether Microsoft offers the build to automatic upgrade. The page also has a feed (aka.ms/aadconnectrss) that announces each new build, and explains when each build retires. Compare your server's build with the list before you plan an upgrade.",
    links: [{ title: 'Connect Sync version history', url: LEARN.connectVersionHistory }],
    // The feed is subscribed to where automatic upgrade is set up, so new builds are noticed.
    taskIds: ['connectUpgrade.upgrade', 'connectUpgrade.autoUpgrade'],
  },
  {
    id: 'connectCutoff',
    title: 'Why old Connect Sync servers stopped syncing',
    text: 'Since September 30, 2026, the deadline of a mandatory security update, every Connect Sync server below build 2.5.79.0 (released in May 2025) stops all sync until it is upgraded, and Connect Health agents need 4.5.2466.0. Earlier, from April 7, 2025, builds below 2.4.18.0 lost sign-in in the wizard (schema refresh, staging mode changes, federation setup) while sync went on. Changes made since the last sync are waiting, not lost: upgrade to the newest build.',
    links: [{ title: 'Mandatory Connect Sync update', url: LEARN.connectSecurityUpdates }],
    taskIds: ['restoreSync.assess', 'restoreSync.upgrade'],
  },
  {
    id: 'migrationProgram',
    title: 'Whether you must move from Connect Sync to Cloud Sync',
    text: 'Microsoft moves tenants from Connect Sync to Cloud Sync in phased waves and tells each eligible tenant when its window opens (its timeline). A tenant that cannot move in its window requests an exception through a Microsoft Support case, and one that relies on features Cloud Sync lacks can stay on Connect Sync until they arrive.',
    links: [{ title: 'Cloud Sync migration FAQ', url: LEARN.cloudSyncMigrationFaq }],
    taskIds: ['connectUpgrade.reasons'],
  },
  {
    id: 'agentUpdates',
    title: 'Keeping the provisioning agent up to date',
    text: 'The Cloud Sync agent updates itself: its Agent Updater service installs the releases Microsoft selects for automatic upgrade; every release, including the others, can be downloaded from the admin center. The version history lists which is which. Keep every agent on the same recent release.',
    links: [
      { title: 'Cloud Sync agent automatic upgrade', url: LEARN.cloudSyncAutoUpgrade },
      { title: 'Provisioning agent version history', url: LEARN.cloudSyncAgentVersions },
    ],
    taskIds: ['cloudSyncHealth.agents'],
  },
  {
    id: 'agentRemoval',
    title: 'Uninstalling a provisioning agent',
    text: 'To remove the provisioning agent from a server completely, uninstall its three components: the Agent Updater, the Provisioning Agent and the Provisioning Agent Package. The admin center shows the agent as Inactive after about an hour and drops it after about 10 days.',
    links: [
      { title: 'Cloud Sync agent automatic upgrade', url: LEARN.cloudSyncAutoUpgrade },
      { title: 'Configure Cloud Sync', url: LEARN.cloudSyncConfigure },
    ],
    taskIds: ['cloudSyncHealth.agents'],
  },
  {
    id: 'agentVersion',
    title: 'Which provisioning agent version is installed',
    text: 'The admin center lists every agent and its version under Entra ID > Entra Connect > Cloud sync > Agents. On the server, open the properties of AADConnectProvisioningAgent.exe in the agent folder under Program Files and read the version on its Details tab.',
    links: [{ title: 'Install the provisioning agent', url: LEARN.cloudSyncInstall }],
    // Read after the install, and again when verifying sync or checking the agents of a running deployment.
    taskIds: ['cloudSync.installAgent', 'cloudSync.verify', 'cloudSyncHealth.agents'],
  },
  {
    id: 'agentReleases',
    title: 'The newest provisioning agent release and what each changed',
    text: 'The version history lists every provisioning agent version with its release date and changes; check it for anything newer before quoting a number. The newest it listed when the guide was written was 1.1.2102.0 (September 22, 2025, download only), whose setup checks for the Hybrid Identity Administrator role and the Credential Manager service. Exchange hybrid writeback and the device sync preview need 1.1.1107.0 or later; provisioning cloud security groups to AD needs build 1.1.1370.0 (October 16, 2023), the release that renamed it the Microsoft Entra provisioning agent.',
    links: [{ title: 'Provisioning agent version history', url: LEARN.cloudSyncAgentVersions }],
    // The feature floors restate the lines of the task that matches builds to features.
    taskIds: ['cloudSync.installAgent', 'cloudSyncHealth.features'],
  },
  {
    id: 'agentSetupVariants',
    title: 'Special cases when installing the agent',
    text: 'A silent, scripted install from the command line is described on the PowerShell install page. On a FIPS-hardened server password hash sync needs MD5, so add <enforceFIPSPolicy enabled="false"/> to AADConnectProvisioningAgent.exe.config. US Government tenants run setup with ENVIRONMENTNAME=AzureUSGovernment.',
    links: [{ title: 'Install the provisioning agent', url: LEARN.cloudSyncInstall }],
    taskIds: ['cloudSync.installAgent'],
  },
  {
    id: 'agentHostSettings',
    title: 'Settings the agent server must have',
    text: 'Server Core is not supported: the agent host needs the Desktop Experience. Keep NTLM disabled on it, leave the Windows Credential Manager service (VaultSvc) enabled or the installation fails, set the PowerShell execution policy to Undefined or RemoteSigned, and make sure the AD schema has the msDS-ExternalDirectoryObjectId attribute.',
    links: [{ title: 'Cloud Sync prerequisites', url: LEARN.cloudSyncPrerequisites }],
    taskIds: ['cloudSync.prerequisites'],
  },
  {
    id: 'syncServerTier0',
    title: 'The security risk of a sync server: Tier 0',
    text: "A sync server writes to your directories: the Cloud Sync agent's account may create and delete users and groups in AD and reset passwords for writeback, and Connect Sync's server holds accounts with the same reach in AD and Entra ID. If one is compromised, the attacker can change identities on both sides, so classify every agent host and Connect server as Tier 0 (the control plane), like a domain controller: only Tier 0 admins sign in, NTLM stays off, its admins use MFA and privileged access workstations, and it is patched first.",
    links: [
      { title: 'Cloud Sync prerequisites', url: LEARN.cloudSyncPrerequisites },
      { title: 'Connect Sync prerequisites', url: LEARN.connectPrerequisites },
    ],
    taskIds: ['cloudSync.prerequisites', 'connect.prerequisites'],
  },
  {
    id: 'paidLicenses',
    title: 'Which sync features need a paid license',
    text: 'Password writeback, which self-service password reset needs, and Connect Health each take Entra ID P1. A tenant with more than 500,000 objects needs a paid license such as Microsoft 365, Entra ID P1 or P2, or EMS. Synced users need licenses for the services they use, such as Microsoft 365, assigned once they are in Entra ID.',
    links: [
      { title: 'Connect Sync prerequisites', url: LEARN.connectPrerequisites },
      { title: 'Connect Sync post-installation tasks', url: LEARN.connectPostInstall },
    ],
  },
  {
    id: 'cloudSyncQuarantine',
    title: 'A Cloud Sync job in quarantine',
    text: 'When most of its calls fail, for example because of bad credentials, Cloud Sync puts the configuration in quarantine and stops syncing it; the status details say why. Fix the cause, then select Restart sync.',
    links: [{ title: 'Configure Cloud Sync', url: LEARN.cloudSyncConfigure }],
    taskIds: ['cloudSync.configure', 'cloudSyncHealth.monitor'],
  },
  {
    id: 'cloudSyncDeleteThreshold',
    title: 'When the Cloud Sync delete threshold is exceeded',
    text: "When a cycle would delete more objects than allowed, Cloud Sync holds the deletes and its status reads Delete threshold exceeded. From the configuration's menu, View provisioning log shows the StagedDelete entries and Allow deletes lets them through; to reject them, fix the cause (put the OU back in scope, for instance) and Restart sync. For groups provisioned to AD only the groups are counted, not their members.",
    links: [{ title: 'Cloud Sync accidental deletes', url: LEARN.cloudSyncAccidentalDeletes }],
    taskIds: ['cloudSync.configure', 'cloudSyncHealth.monitor'],
  },
  {
    id: 'connectRunStatus',
    title: "Reading Connect Sync's run history",
    text: 'In Synchronization Service Manager > Operations every run should read success. completed-*-errors means the run finished with fewer than 5,000 errors, stopped-error-limit that it stopped after 5,000, and any other stopped-* status that it did not finish. The history is kept for 7 days.',
    links: [{ title: 'Synchronization Service Manager operations', url: LEARN.connectOperations }],
    taskIds: ['connect.verify'],
  },
  {
    id: 'bothToolsSync',
    title: 'What both sync tools do',
    text: 'Cloud Sync and Connect Sync both sync users, groups and contacts from one forest or several connected ones, with password hash sync, password writeback, Exchange hybrid writeback, extension attributes 1 to 15 and directory extensions for custom AD attributes. Both can transform attributes (Cloud Sync with its expression builder) or leave attributes out, keep references across domains of a forest, and filter by domain, OU or, for pilots, group.',
    links: [{ title: 'Cloud Sync or Connect Sync: decision guide', url: LEARN.cloudSyncDecisionGuide }],
    taskIds: ['cloudSync.chooseTool', 'connect.chooseTool'],
  },
  {
    id: 'connectOnlyExtras',
    title: 'Reconciliation and LDAP directories: Connect Sync only',
    text: 'Only Connect Sync reconciles objects that were changed outside sync back to what sync says they should be; Cloud Sync does not. An older Microsoft comparison also lists reading from LDAP directories other than AD as Connect Sync only.',
    links: [{ title: 'Cloud Sync or Connect Sync: decision guide', url: LEARN.cloudSyncDecisionGuide }],
    taskIds: ['cloudSync.chooseTool', 'connect.chooseTool'],
  },
  {
    id: 'sovereignClouds',
    title: 'Government and national clouds',
    text: 'Both tools serve the US Government clouds, which have their own endpoints. Cloud Sync also serves the China cloud, Microsoft Azure operated by 21Vianet, where password writeback for SSPR is not available yet.',
    links: [{ title: 'Cloud Sync or Connect Sync: decision guide', url: LEARN.cloudSyncDecisionGuide }],
  },
  {
    id: 'hybridDocs',
    title: "Microsoft's hybrid identity documentation",
    text: "Microsoft's hybrid identity documentation on Learn is the main page for both sync tools: from there it leads to Connect Sync's and Cloud Sync's overviews, install guides, how-to pages and references.",
    links: [{ title: 'Hybrid identity documentation', url: LEARN.hybridIdentityHub }],
  },
  {
    id: 'severalTenants',
    title: 'One AD syncing to several tenants',
    text: 'One on-premises AD can sync to more than one Entra tenant, as long as writeback is turned on in only one of those tenants.',
    links: [{ title: 'Common hybrid identity scenarios', url: LEARN.commonScenarios }],
  },
  {
    id: 'connectUpgradePaths',
    title: 'Upgrading an existing Connect Sync server',
    text: 'An existing Connect Sync server is upgraded in place, where setup keeps the configuration and sync resumes when it is done, or by swing migration: a new server gets the exported settings, runs in staging mode, and then takes over. In place suits a single server under about 100,000 objects upgraded within the last year; swing-migrate from an old Windows Server or after a year or more without upgrades. An upgrade resets edited default sync rules and is followed by a full import and sync.',
    links: [
      { title: 'Upgrade Connect Sync', url: LEARN.connectUpgrade },
      { title: 'Swing migration', url: LEARN.connectSwingMigration },
    ],
    taskIds: ['connectUpgrade.upgrade', 'restoreSync.upgrade'],
  },
  {
    id: 'connectAutoUpgrade',
    title: 'Automatic upgrade of Connect Sync',
    text: 'Get-ADSyncAutoUpgrade says whether Connect Sync upgrades itself: Enabled, Suspended or Disabled; Set-ADSyncAutoUpgrade changes it. It is on by default only for express-style installs on LocalDB with the MSOL_ account and fewer than 100,000 objects; a full SQL Server, a custom install, LocalDB over 8 GB or Connect Health uploads turned off keep it from running, and it needs build 2.3.20.0 or later. It only takes the builds Microsoft flags for it, and an open Synchronization Service Manager pauses it. Suspended means it stopped itself: the event log (source Microsoft Entra Connect Upgrade, events 300 to 399) says why.',
    links: [{ title: 'Connect Sync automatic upgrade', url: LEARN.connectAutoUpgrade }],
    taskIds: ['connectUpgrade.autoUpgrade', 'connect.postInstall'],
  },
  {
    id: 'pilotByOu',
    title: 'Moving from Connect Sync to Cloud Sync one OU at a time',
    text: 'Without the guided tool, move OU by OU: install the Cloud Sync agent (it may share the Connect server), add cloudNoFlow and JoinNoFlow rules in Connect for a pilot OU so Connect stops exporting it, scope a Cloud Sync configuration to that OU, test with provision on demand, then widen wave by wave. Never just untick the OU in Connect: its objects would be deleted in Entra ID.',
    links: [{ title: 'Pilot Cloud Sync beside Connect Sync', url: LEARN.cloudSyncPilotMigration }],
    taskIds: ['migrateToCloudSync.pilotByOu'],
  },
  {
    id: 'retireConnect',
    title: 'Retiring Connect Sync after the move',
    text: 'Once Cloud Sync carries every OU, keep Connect Sync installed, in staging mode or with its scheduler off, for a two-week validation period. Then turn its scheduler off for good, uninstall it or delete the server, and remove the service accounts it no longer needs.',
    links: [{ title: 'Connect Sync to Cloud Sync migration tool', url: LEARN.cloudSyncMigrationTool }],
    taskIds: ['migrateToCloudSync.decommission'],
  },
  {
    id: 'cloudSyncExchangeHybrid',
    title: 'Exchange hybrid with Cloud Sync',
    text: "Cloud Sync supports Exchange hybrid writeback: tick Exchange hybrid writeback in the configuration's Properties > Basics. It needs agent 1.1.1107.0 or later and the Exchange schema in AD; restart the agent if the schema was extended after the agent was installed.",
    links: [{ title: 'Exchange hybrid writeback with Cloud Sync', url: LEARN.cloudSyncExchangeHybrid }],
    taskIds: ['cloudSync.configure'],
  },
  {
    id: 'cloudSyncAttributeMapping',
    title: 'Custom attributes and attribute mapping in Cloud Sync',
    text: "A Cloud Sync configuration's Attribute mapping section lets you edit, delete or add mappings, custom mappings and directory extensions included, with an expression where a value must be transformed; map only the attributes you need.",
    links: [{ title: 'Configure Cloud Sync', url: LEARN.cloudSyncConfigure }],
    taskIds: ['cloudSync.configure'],
  },
  {
    id: 'connectAdmins',
    title: 'Who can manage the Connect Sync engine',
    text: 'By default only the person who installed Connect Sync and the local administrators can manage its sync engine, in Synchronization Service Manager or the Rules Editor. Give other admins access, so they can open those tools too, by adding them to the local ADSyncAdmins group on the server.',
    links: [{ title: 'Connect Sync post-installation tasks', url: LEARN.connectPostInstall }],
    taskIds: ['connect.postInstall'],
  },
  {
    id: 'scopeMoveRecreates',
    title: 'A user moved from a Cloud Sync OU to a Connect Sync OU',
    text: 'Moving a user from an OU that Cloud Sync syncs into an OU that Connect Sync syncs deletes the user in Entra ID and creates a new one. Hand whole OUs from one tool to the other instead of moving users across.',
    links: [{ title: 'Cloud Sync FAQ', url: LEARN.cloudSyncFaq }],
  },
  {
    id: 'connectConfigExport',
    title: "Exporting and importing Connect Sync's configuration",
    text: "Connect Sync's settings and sync rules can be exported: rerun the wizard and choose View or export current configuration, which writes them out as JSON. A new server's custom install reads them back under Import synchronization settings, which is how a swing migration or a new Windows Server carries the configuration over. Cloud Sync keeps its configuration in Entra ID, so there is nothing to export from its agent servers.",
    links: [
      { title: 'Import and export Connect Sync settings', url: LEARN.connectImportExportConfig },
      { title: 'Swing migration', url: LEARN.connectSwingMigration },
    ],
    // A staging server or an upgrade carries the settings over; a move to Cloud Sync starts by backing them up.
    taskIds: ['connectUpgrade.stagingServer', 'connectUpgrade.upgrade', 'migrateToCloudSync.readiness'],
  },
  {
    id: 'connectHealth',
    title: 'Connect Health for Connect Sync',
    text: 'Connect Health watches a Connect Sync server and raises alerts, accidental deletes among them; it needs Entra ID P1. Setup installs its agent only when run as Global Administrator (a Hybrid Identity Administrator leaves it off). Since September 30, 2026 Health agents for sync, AD DS and AD FS need version 4.5.2466.0 or later.',
    links: [
      { title: 'Connect Sync post-installation tasks', url: LEARN.connectPostInstall },
      { title: 'Mandatory Connect Sync update', url: LEARN.connectSecurityUpdates },
    ],
    // The prerequisites say which role setup needs for Health; after the install is where it is checked.
    taskIds: ['connect.postInstall', 'connect.prerequisites'],
  },
];
