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
    id: 'cloudSyncNetwork',
    title: 'Network access for the Cloud Sync agent',
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
    text: 'The agent runs as a group managed service account, domain\\provAgentgMSA$, which setup creates with Domain Admin or Enterprise Admin credentials and reuses on every further agent. It needs a forest schema of Windows Server 2012 or later, a domain controller on 2012 or later with the RSAT PowerShell modules, and Windows Server 2016 or later wherever the agent runs. Your own gMSA instead needs read on users, groups, contacts, computers, devices, InetOrgPerson and foreign security principals, full control on groups, and create and delete on users.',
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
    taskIds: ['connect.installExpress', 'connect.installCustom'],
  },
  {
    id: 'connectFiltering',
    title: 'Choosing what Connect Sync syncs',
    text: 'The custom wizard filters by domain and OU first, then optionally by group; group filtering takes direct members only, ignores nested groups and is meant for pilots. After an express install, clear "Start the synchronization process" on the last page, rerun the wizard to pick OUs, then turn the scheduler back on. After any filter change run a full cycle: Start-ADSyncSyncCycle -PolicyType Initial.',
    links: [
      { title: 'Install with custom settings', url: LEARN.connectCustom },
      { title: 'Connect Sync scheduler', url: LEARN.connectScheduler },
    ],
    taskIds: ['connect.installCustom', 'connect.verify'],
  },
  {
    id: 'cloudSyncScopeLimits',
    title: 'Limits of Cloud Sync scoping',
    text: 'A Cloud Sync configuration is capped at 4 MB, about 50 separately scoped OUs or groups; nested OUs are fine. Group scoping follows no nested groups and suits pilots. Renamed OUs or groups are not noticed, deleting a scoping group leaves its members in place, and password hash sync does not cover InetOrgPerson objects.',
    links: [
      { title: 'Cloud Sync prerequisites', url: LEARN.cloudSyncPrerequisites },
      { title: 'Configure Cloud Sync', url: LEARN.cloudSyncConfigure },
    ],
    taskIds: ['cloudSync.configure'],
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
    text: 'The provisioning agent is light: you can install it on a member server or on a domain controller (both supported), on Windows Server 2016 or later with at least 4 GB of RAM and .NET Framework 4.7.1 or later. Treat its host as Tier 0 and spread three agents over separate servers so one can fail over to another.',
    links: [{ title: 'Cloud Sync prerequisites', url: LEARN.cloudSyncPrerequisites }],
    taskIds: ['cloudSync.prerequisites'],
  },
  {
    id: 'signInBothTools',
    title: 'Sign-in methods in each tool',
    text: 'Password hash sync and password writeback (SSPR) work with both tools. Setting up pass-through authentication or AD FS/PingFederate federation needs Connect Sync; PTA or federation already in place keeps working beside Cloud Sync.',
    links: [{ title: 'Cloud Sync or Connect Sync: decision guide', url: LEARN.cloudSyncDecisionGuide }],
  },
  {
    id: 'connectScheduler',
    title: "Reading Connect Sync's scheduler",
    text: 'Get-ADSyncScheduler on the active server should show SyncCycleEnabled True, StagingModeEnabled False and a next run within the 30-minute interval. Start-ADSyncSyncCycle -PolicyType Delta runs a delta cycle now, -PolicyType Initial a full one, and Set-ADSyncScheduler -SyncCycleEnabled $true turns a stopped scheduler back on.',
    links: [{ title: 'Connect Sync scheduler', url: LEARN.connectScheduler }],
    taskIds: ['connect.verify'],
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
    text: 'Connect Sync may be installed on a domain controller or on a member server. Its size follows the object count: LocalDB holds about 100,000 objects (10 GB); from 100,000 to 300,000 objects plan a full SQL Server, 32 GB of RAM and 300 GB of disk.',
    links: [{ title: 'Connect Sync prerequisites', url: LEARN.connectPrerequisites }],
    taskIds: ['connect.prerequisites'],
  },
];
