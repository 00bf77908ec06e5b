/** Which sync tool a question names, and the plan context such a question is answered in. */
import { planForTool, toolNamed } from '../../src/understanding/namedTool';
import { tokenize } from '../../src/understanding/textPrep';
import { CLOUD_SYNC_PLAN_TASKS } from '../helpers/guidePlan';

const named = (text: string) => toolNamed(tokenize(text.toLowerCase()));

describe('toolNamed', () => {
  it.each([
    ['which server editions can host aadc', 'connect'],
    ['is azure ad connect v1 still supported', 'connect'],
    ['does the connect sync server need 443', 'connect'],
    ['how many OUs can one cloud sync configuration hold', 'cloudSync'],
    ['ECS and device writeback', 'cloudSync'],
    ['where do provisioning agents log', 'cloudSync'],
    ['does connect sync update itself', 'connect'],
    ['Get-ADSyncScheduler says SyncCycleEnabled False', 'connect'],
    ['the sync engine wrote a warning to the event log', 'connect'],
    ['the Synchronization Service shows stopped-server-down', 'connect'],
  ])('"%s" names %s', (text, tool) => {
    expect(named(text)).toBe(tool);
  });

  it.each([
    'can the agent connect through a proxy',
    'unable to connect to the domain controller',
    'moving from connect to cloud sync',
    'how do I verify sync worked',
    'does the sync service account need a mailbox',
  ])('"%s" names no single tool (the verb, both tools, or neither)', (text) => {
    expect(named(text)).toBeUndefined();
  });
});

describe('planForTool', () => {
  it("takes the other tool's install tasks out of the plan, adds none of the named tool's and keeps the rest", () => {
    const plan = [...CLOUD_SYNC_PLAN_TASKS, 'cloudSyncHealth.agents'];
    const seen = planForTool(plan, 'connect');
    expect(seen).not.toContain('cloudSync.prerequisites');
    expect(seen).not.toContain('connect.prerequisites');
    expect(seen).toContain('cloudSync.chooseTool');
    expect(seen).toContain('cloudSyncHealth.agents');
    expect(planForTool(plan, 'cloudSync')).toEqual(plan);
    expect(planForTool(plan, undefined)).toEqual(plan);
  });
});
