import {
  CONNECT_INSTALL_TASK_IDS,
  DEVICE_SYNC_TASK_ID,
  type CatalogSelection,
  type TaskContent,
  type TaskId,
} from '../../src/domain/catalog';
import { TASK_CATALOG, taskContent, tasksForSelection } from '../../src/domain/taskCatalog';
import { LEARN } from '../../src/domain/learnLinks';

const byId = (id: TaskId): TaskContent => {
  const content = taskContent(id);
  if (!content) throw new Error(`missing catalog task ${id}`);
  return content;
};

/** Everything a card shows for a task, as one string, to search for wording mistakes. */
const allText = (task: TaskContent): string =>
  [
    task.title,
    task.why,
    ...task.checklist,
    ...task.links.flatMap((link) => [link.title, link.url]),
    ...(task.commands ?? []).flatMap((command) => [command.command, command.purpose]),
  ].join('\n');

const taskRows = TASK_CATALOG.map((task) => [task.id, task] as const);
const isToolChoice = (task: TaskContent): boolean => task.id.endsWith('.chooseTool');

describe('task catalog: every task', () => {
  it.each(taskRows)('%s has a title, a one-line why and a 4–9 item checklist', (_id, task) => {
    expect(task.title.trim()).not.toBe('');
    expect(task.why.trim()).not.toBe('');
    expect(task.why).not.toContain('\n');
    expect(task.checklist.length).toBeGreaterThanOrEqual(4);
    expect(task.checklist.length).toBeLessThanOrEqual(9);
    for (const item of task.checklist) {
      expect(item.trim()).not.toBe('');
      expect(item.length).toBeLessThanOrEqual(160);
    }
  });

  it.each(taskRows)(
    '%s links only https addresses and cites Microsoft Learn (download: the admin center)',
    (id, task) => {
      expect(task.links.length).toBeGreaterThan(0);
      for (const link of task.links) {
        expect(link.title.trim()).not.toBe('');
        expect(link.url).toMatch(/^https:\/\//);
      }
      if (id === 'connect.download') {
        expect(task.links[0]?.url).toBe(LEARN.connectDownloadAdminCenter);
        expect(new URL(task.links[0].url).hostname).toBe('entra.microsoft.com');
      } else {
        expect(task.links.some((link) => new URL(link.url).hostname === 'learn.microsoft.com')).toBe(true);
      }
    },
  );

  it.each(taskRows)('%s takes its addresses from learnLinks', (_id, task) => {
    const known = new Set<string>(Object.values(LEARN));
    for (const link of task.links) expect(known).toContain(link.url);
  });

  it.each(taskRows)('%s depends only on earlier tasks of its own track', (_id, task) => {
    const position = TASK_CATALOG.indexOf(task);
    for (const dependency of task.dependsOn) {
      const dependencyContent = taskContent(dependency);
      expect(dependencyContent).toBeDefined();
      expect(dependencyContent?.track).toBe(task.track);
      expect(TASK_CATALOG.indexOf(dependencyContent!)).toBeLessThan(position);
    }
  });

  it.each(taskRows)('%s stays compact enough for a 28 KB card', (_id, task) => {
    expect(Buffer.byteLength(JSON.stringify(task), 'utf8')).toBeLessThan(4 * 1024);
  });

  it('has unique ids, each prefixed with its track', () => {
    const ids = TASK_CATALOG.map((task) => task.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const task of TASK_CATALOG) expect(task.id.startsWith(`${task.track}.`)).toBe(true);
  });
});

describe('task catalog: track lists', () => {
  it.each<[CatalogSelection, TaskId[]]>([
    [
      { tool: 'cloudSync' },
      [
        'cloudSync.chooseTool',
        'cloudSync.prerequisites',
        'cloudSync.installAgent',
        'cloudSync.configure',
        'cloudSync.verify',
      ],
    ],
    [
      { tool: 'cloudSync', deviceSyncPreview: true },
      [
        'cloudSync.chooseTool',
        'cloudSync.prerequisites',
        'cloudSync.installAgent',
        'cloudSync.configure',
        'cloudSync.deviceSync',
        'cloudSync.verify',
      ],
    ],
    [
      { tool: 'connect', deviceSyncPreview: true },
      [
        'connect.chooseTool',
        'connect.prerequisites',
        'connect.chooseInstallType',
        'connect.download',
        'connect.installExpress',
        'connect.installCustom',
        'connect.postInstall',
        'connect.verify',
      ],
    ],
  ])('%j holds %j', (selection, expectedIds) => {
    expect(tasksForSelection(selection).map((task) => task.id)).toEqual(expectedIds);
  });

  it('holds both tracks for "both", Cloud Sync first', () => {
    const tasks = tasksForSelection({ tool: 'both' });
    expect(tasks.map((task) => task.track)).toEqual([
      ...Array<string>(5).fill('cloudSync'),
      ...Array<string>(8).fill('connect'),
    ]);
  });

  it('includes device sync only when asked, and marks it (alone) as preview', () => {
    expect(tasksForSelection({ tool: 'both' }).map((task) => task.id)).not.toContain(DEVICE_SYNC_TASK_ID);
    expect(tasksForSelection({ tool: 'both', deviceSyncPreview: false }).map((task) => task.id)).not.toContain(
      DEVICE_SYNC_TASK_ID,
    );
    expect(tasksForSelection({ tool: 'both', deviceSyncPreview: true }).map((task) => task.id)).toContain(
      DEVICE_SYNC_TASK_ID,
    );
    const device = byId(DEVICE_SYNC_TASK_ID);
    expect(device.preview).toBe(true);
    expect(device.title.toLowerCase()).toContain('preview');
    expect(TASK_CATALOG.filter((task) => task.preview).map((task) => task.id)).toEqual([DEVICE_SYNC_TASK_ID]);
  });
});

describe('task catalog: no task of one tool leaks into the other track', () => {
  const cloudSyncTasks = TASK_CATALOG.filter((task) => task.track === 'cloudSync' && !isToolChoice(task));
  const connectTasks = TASK_CATALOG.filter((task) => task.track === 'connect' && !isToolChoice(task));

  it.each(cloudSyncTasks.map((task) => [task.id, task] as const))('%s has no Connect Sync material', (_id, task) => {
    for (const link of task.links) expect(link.url).not.toContain('/connect/');
    expect(allText(task)).not.toMatch(/-ADSync|ADSyncAdmins|Synchronization Service Manager|express settings/i);
    // Cloud Sync's Seamless SSO setup takes its PowerShell module out of the Connect installer; nothing else may name it.
    const withoutSso = allText({ ...task, checklist: task.checklist.filter((item) => !/Seamless SSO/.test(item)) });
    expect(withoutSso).not.toMatch(/AzureADConnect\.msi/i);
  });

  it.each(connectTasks.map((task) => [task.id, task] as const))('%s has no Cloud Sync material', (_id, task) => {
    for (const link of task.links) expect(link.url).not.toContain('/cloud-sync/');
    expect(allText(task)).not.toMatch(/cloud sync|provisioning agent|provAgentgMSA|provision on demand/i);
  });

  it('gives both tool-choice tasks the same content', () => {
    const { id: _cloudId, track: _cloudTrack, ...cloudChoice } = byId('cloudSync.chooseTool');
    const { id: _connectId, track: _connectTrack, ...connectChoice } = byId('connect.chooseTool');
    expect(cloudChoice).toEqual(connectChoice);
  });
});

describe("task catalog: the seed article's mistakes are not repeated", () => {
  it('the custom-install task is about custom settings and never presents express as its method', () => {
    const custom = byId(CONNECT_INSTALL_TASK_IDS.custom);
    expect(custom.title).toMatch(/custom/i);
    expect(allText(custom)).not.toMatch(/express/i);
    expect(custom.links.map((link) => link.url)).toContain(LEARN.connectCustom);
  });

  it('the express-install task links the express page', () => {
    const express = byId(CONNECT_INSTALL_TASK_IDS.express);
    expect(express.title).toMatch(/express/i);
    expect(express.links.map((link) => link.url)).toContain(LEARN.connectExpress);
  });

  it('the Connect verify task cites Connect material and the scheduler commands, never the Cloud Sync tutorial', () => {
    const verify = byId('connect.verify');
    const urls = verify.links.map((link) => link.url);
    expect(urls).toEqual(
      expect.arrayContaining([LEARN.connectVerifyScheduledTask, LEARN.connectScheduler, LEARN.connectOperations]),
    );
    for (const url of urls) {
      expect(url).not.toContain('cloud-sync');
      expect(url).not.toContain('tutorial-single-forest');
    }
    const commands = (verify.commands ?? []).map((command) => command.command);
    expect(commands).toEqual(
      expect.arrayContaining(['Get-ADSyncScheduler', 'Start-ADSyncSyncCycle -PolicyType Delta']),
    );
  });

  it('the installer comes from the Entra admin center, and no Download Center link appears anywhere', () => {
    expect(byId('connect.download').links.map((link) => link.url)).toContain(LEARN.connectDownloadAdminCenter);
    const everything = JSON.stringify(TASK_CATALOG);
    expect(everything).not.toMatch(/microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?download/i);
    expect(everything).not.toContain('47594');
    // The old sync-tool wizard address could not be confirmed to still work, so the bot must not cite it.
    expect(everything).not.toContain('setup.microsoft.com');
  });
});

describe('task catalog: facts the reviewer found missing or wrong', () => {
  const lines = (id: TaskId) => [byId(id).why, ...byId(id).checklist];
  const itemWith = (id: TaskId, pattern: RegExp): string => lines(id).find((line) => pattern.test(line)) ?? '';

  it.each<{ task: TaskId; fact: string; item: RegExp; says: RegExp[] }>([
    {
      task: 'connect.prerequisites',
      fact: 'AD FS/PingFederate setup needs Global Admin, or Hybrid Identity Admin plus Domain Name Admin',
      item: /PingFederate/,
      says: [/Global Administrator, or Hybrid Identity Administrator plus Domain Name Administrator/],
    },
    {
      task: 'connect.installCustom',
      fact: 'custom: the AD FS/PingFederate roles, and an admin account outside the domains being federated',
      item: /PingFederate:/,
      says: [
        /Global Admin, or Hybrid Identity Admin \+ Domain Name Admin/,
        /not in a domain being federated/,
        /onmicrosoft\.com/,
      ],
    },
    {
      task: 'cloudSync.prerequisites',
      fact: 'every 443 destination',
      item: /^Outbound 443/,
      says: [
        /\*\.msappproxy\.net/,
        /\*\.msappproxy\.com/,
        /\*\.servicebus\.windows\.net/,
        /\*\.microsoftonline\.com/,
        /\*\.microsoft\.com/,
        /\*\.windowsazure\.com/,
        /login\.windows\.net/,
      ],
    },
    {
      task: 'cloudSync.prerequisites',
      fact: 'port 80 certificate hosts, optional 8080, the separate US Gov list',
      item: /^Outbound 80/,
      says: [
        /mscrl\.microsoft\.com/,
        /(?<!ms)crl\.microsoft\.com/,
        /ocsp\.msocsp\.com/,
        /www\.microsoft\.com/,
        /8080 is optional/,
        /US Gov/,
      ],
    },
    {
      task: 'cloudSync.prerequisites',
      fact: 'proxies pass chunked HTTP 1.1',
      item: /^Proxies/,
      says: [/HTTP 1\.1 chunked/],
    },
    {
      task: 'connect.postInstall',
      fact: 'hybrid join is set up afterwards in the wizard, per forest',
      item: /hybrid join/,
      says: [/Rerun the wizard > Configure device options/, /Microsoft Entra hybrid join for each forest/],
    },
    {
      task: 'cloudSync.configure',
      fact: "Seamless SSO's AzureADConnect.msi comes from the admin center, not the Download Center",
      item: /Seamless SSO/,
      says: [
        /AzureADSSO\.psd1/,
        /AzureADConnect\.msi/,
        /Entra ID > Entra Connect > Get started/,
        /not Download Center/,
      ],
    },
    {
      task: 'connect.prerequisites',
      fact: 'only setup as Global Administrator enables the Connect Health agent',
      item: /Connect Health/,
      says: [/Only setup run as Global Admin enables the Connect Health agent/],
    },
    {
      task: 'connect.postInstall',
      fact: 'Connect Health alerts need the agent enabled by a Global Admin setup, at 4.5.2466.0 or later',
      item: /Connect Health/,
      says: [/Global Admin/, /4\.5\.2466\.0 or later/],
    },
    {
      task: 'connect.installExpress',
      fact: 'express: Global Admin for Connect Health',
      item: /Hybrid Identity Administrator/,
      says: [/Global Administrator if you want the Connect Health agent/],
    },
    {
      task: 'connect.installCustom',
      fact: 'custom: Global Admin for Connect Health',
      item: /Entra admin:/,
      says: [/Global Administrator enables Connect Health/],
    },
    {
      // Windows Server 2016 leaves extended support on 2027-01-12 (Microsoft lifecycle); a new Tier 0 server should be 2022 or 2025.
      task: 'connect.prerequisites',
      fact: 'a new server is Windows Server 2022 or 2025; 2016 leaves support on 2027-01-12; KB5070773 on 2025',
      item: /^Server:/,
      says: [/Windows Server 2022 or 2025/, /2016 leaves support on 2027-01-12/, /on 2025 add KB5070773/],
    },
    {
      // DirSync and Azure AD Sync are long gone; what people replace today is an older Connect server.
      task: 'connect.chooseInstallType',
      fact: 'upgrades today: swing migration from an older Connect server, and the move to Cloud Sync for a running one',
      item: /^Replacing an older Connect server/,
      says: [/Swing-migrate/, /export its settings/, /staging mode/],
    },
    {
      task: 'connect.chooseInstallType',
      fact: 'express still allows OU filtering and optional features',
      item: /^Express fits/,
      says: [/OU filtering and optional features included/],
    },
    {
      task: 'connect.chooseInstallType',
      // Wording of the select-installation page; the LocalDB 10 GB cap is the prerequisites page's, cited apart.
      fact: "express's criterion: fewer than 100,000 objects in the on-premises AD",
      item: /^Express assumes/,
      says: [/fewer than 100,000 objects in your on-premises AD/],
    },
    {
      task: 'connect.chooseInstallType',
      fact: 'a domain the server cannot reach calls for custom (select-installation page)',
      item: /^Go custom for/,
      says: [/a domain the server cannot reach/],
    },
    {
      // Each build retires 12 months after its successor ships: advise the newest build, keep 2.5.79.0 as history.
      task: 'connect.prerequisites',
      fact: 'install the newest build; 2.5.79.0 was the 2026-09-30 floor',
      item: /newest build/,
      says: [
        /Install the newest build from the admin center/,
        /retires 12 months after a newer one ships/,
        /2\.5\.79\.0 was the 2026-09-30 floor/,
      ],
    },
    {
      task: 'connect.download',
      fact: 'confirm the newest build, not just 2.5.79.0',
      item: /newest build/,
      says: [/newest build in the version history/, /2\.5\.79\.0 was only the 2026-09-30 floor/],
    },
    {
      task: 'migrateToCloudSync.pilotByOu',
      fact: 'the pilot takes the OU out of Connect with cloudNoFlow rules, never by unticking it (objects would be deleted)',
      item: /cloudNoFlow/,
      says: [/cloudNoFlow inbound and JoinNoFlow outbound rules/],
    },
    {
      task: 'migrateToCloudSync.readiness',
      fact: "the guided tool's limits (2026-09-16): one forest, 2,000 objects, no custom rules or group filtering",
      item: /Guided tool fits/,
      says: [
        /One forest/,
        /up to 2,000 objects in scope/,
        /no custom rules, group filtering, custom UPN or directory extensions/,
      ],
    },
    {
      task: 'cloudSyncHealth.features',
      fact: 'agent floors: Exchange hybrid 1.1.1107.0, group provisioning 1.1.1370.0; Microsoft 365 group writeback is Connect-only',
      item: /Microsoft 365 group writeback/,
      says: [/not a Cloud Sync feature/, /Connect Sync must do it/],
    },
  ])('$task: $fact', ({ task, item, says }) => {
    const line = itemWith(task, item);
    expect(line).not.toBe('');
    for (const pattern of says) expect(line).toMatch(pattern);
  });

  it('never gives 2.5.79.0 as the build to install, and names no retired sync tool as an upgrade source', () => {
    for (const task of TASK_CATALOG) {
      for (const item of task.checklist) {
        expect(item).not.toMatch(/2\.5\.79\.0 or later/);
        expect(item).not.toMatch(/DirSync|Azure AD Sync/);
      }
    }
  });

  it('cites the page that states each corrected fact', () => {
    const links = (id: TaskId) => byId(id).links.map((link) => link.url);
    expect(links('connect.prerequisites')).toEqual(
      expect.arrayContaining([LEARN.connectVersionHistory, LEARN.windowsServer2016Lifecycle]),
    );
    expect(links('connect.chooseInstallType')).toEqual(
      expect.arrayContaining([LEARN.connectSelectInstall, LEARN.connectPrerequisites]),
    );
    expect(links('migrateToCloudSync.guidedTool')).toContain(LEARN.cloudSyncMigrationTool);
    expect(links('migrateToCloudSync.pilotByOu')).toContain(LEARN.cloudSyncPilotMigration);
    expect(links('connectUpgrade.stagingServer')).toContain(LEARN.connectStagingServer);
  });

  it('cites the lifecycle page wherever a checklist gives a date for Windows Server 2016 support', () => {
    const dated = TASK_CATALOG.filter((task) => task.checklist.some((line) => /2016.*extended support/.test(line)));
    expect(dated.length).toBeGreaterThan(0);
    for (const task of dated) expect(task.links.map((link) => link.url)).toContain(LEARN.windowsServer2016Lifecycle);
  });

  it.each<{ task: TaskId; fact: string; never: RegExp }>([
    { task: 'connect.chooseInstallType', fact: 'custom is not needed for "anything else"', never: /anything else/i },
    {
      task: 'connect.chooseInstallType',
      fact: 'migrations are not lumped together as "in-place or swing"',
      never: /or MIM\? Plan an in-place or swing/,
    },
    {
      task: 'connect.chooseTool',
      fact: 'a missing trust alone does not make a forest disconnected',
      never: /no trust/i,
    },
    {
      task: 'cloudSync.configure',
      fact: 'no Download Center address for the SSO module',
      never: /download\.microsoft|details\.aspx/i,
    },
  ])('$task: $fact', ({ task, never }) => {
    for (const line of lines(task)) expect(line).not.toMatch(never);
  });
});

describe('task catalog: verify and post-install material', () => {
  it('Cloud Sync verify points at on-demand provisioning and the provisioning logs', () => {
    const verify = byId('cloudSync.verify');
    expect(verify.links.map((link) => link.url)).toEqual(
      expect.arrayContaining([LEARN.cloudSyncOnDemand, LEARN.provisioningLogs]),
    );
    expect(verify.commands?.map((command) => command.command).join('\n')).toMatch(/Provision on demand/);
    expect(verify.commands?.map((command) => command.command).join('\n')).toMatch(/Provisioning logs/);
  });

  it('Connect post-install covers the accidental-delete threshold', () => {
    const postInstall = byId('connect.postInstall');
    expect(postInstall.commands?.map((command) => command.command)).toContain('Get-ADSyncExportDeletionThreshold');
    expect(postInstall.links.map((link) => link.url)).toContain(LEARN.connectAccidentalDeletes);
  });

  it.each(TASK_CATALOG.filter((task) => task.commands).map((task) => [task.id, task] as const))(
    '%s commands say what they are for',
    (_id, task) => {
      for (const command of task.commands ?? []) {
        expect(command.command.trim()).not.toBe('');
        expect(command.purpose.trim()).not.toBe('');
      }
    },
  );
});

describe('taskContent', () => {
  it('finds catalog tasks and returns undefined for anything else', () => {
    expect(taskContent('connect.verify')?.title).toBeTruthy();
    expect(taskContent('connect.nope')).toBeUndefined();
    expect(taskContent('toString')).toBeUndefined();
  });
});

describe('learnLinks', () => {
  it('has no constant that nothing cites', () => {
    const { readFileSync, readdirSync } = require('node:fs') as typeof import('node:fs');
    const { join } = require('node:path') as typeof import('node:path');
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? sources(join(dir, entry.name))
          : entry.name.endsWith('.ts') && entry.name !== 'learnLinks.ts'
            ? [readFileSync(join(dir, entry.name), 'utf8')]
            : [],
      );
    const text = sources(join(__dirname, '../../src')).join('\n');
    expect(Object.keys(LEARN).filter((key) => !new RegExp(`LEARN\\.${key}\\b`).test(text))).toEqual([]);
  });
});
