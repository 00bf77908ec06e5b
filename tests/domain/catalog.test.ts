import {
  CONNECT_INSTALL_TASK_IDS,
  DEVICE_SYNC_TASK_ID,
  TASK_CATALOG,
  taskContent,
  tasksForSelection,
  type CatalogSelection,
  type TaskContent,
  type TaskId,
} from '../../src/domain/catalog';
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

  it.each(taskRows)('%s links only https addresses and cites Microsoft Learn (download: the admin center)', (id, task) => {
    expect(task.links.length).toBeGreaterThan(0);
    for (const link of task.links) {
      expect(link.title.trim()).not.toBe('');
      expect(link.url).toMatch(/^https:\/\//);
    }
    if (id === 'connect.download') {
      expect(task.links[0]?.url).toBe(LEARN.connectDownloadAdminCenter);
      expect(new URL(task.links[0]!.url).hostname).toBe('entra.microsoft.com');
    } else {
      expect(task.links.some((link) => new URL(link.url).hostname === 'learn.microsoft.com')).toBe(true);
    }
  });

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
      ['cloudSync.chooseTool', 'cloudSync.prerequisites', 'cloudSync.installAgent', 'cloudSync.configure', 'cloudSync.verify'],
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
    expect(allText(task)).not.toMatch(/-ADSync|ADSyncAdmins|Synchronization Service Manager|AzureADConnect\.msi|express settings/i);
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
    expect(commands).toEqual(expect.arrayContaining(['Get-ADSyncScheduler', 'Start-ADSyncSyncCycle -PolicyType Delta']));
  });

  it('the installer comes from the Entra admin center, and no Download Center link appears anywhere', () => {
    expect(byId('connect.download').links.map((link) => link.url)).toContain(LEARN.connectDownloadAdminCenter);
    const everything = JSON.stringify(TASK_CATALOG);
    expect(everything).not.toMatch(/microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?download/i);
    expect(everything).not.toContain('47594');
    // The old sync-tool wizard address could not be confirmed to still work (facts §4 item 4).
    expect(everything).not.toContain('setup.microsoft.com');
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
