/**
 * The coordination family on its own, without Teams: the picker's value, typed dates and mention entities are checked
 * before anything is read or written, only the person acting or a confirmed member becomes an owner, and every
 * refusal is a card that leaves the plan as it was.
 */
import {
  coordinationVerbHandlers,
  mentionedOwner,
  parseDueInput,
  parseOwnerInput,
  runCoordinationCommand,
  type CoordinationDeps,
  type CoordinationTurn,
} from '../../src/actions/coordinationActions';
import { COORDINATION_VERBS } from '../../src/domain/coordinationVerbs';
import { createPlan, numberedTasks, type Actor } from '../../src/domain/plan';
import type { MemberLookup } from '../../src/domain/planRoles';
import { silentLogger } from '../../src/logger';
import { MyTasksIndex } from '../../src/store/myTasksIndex';
import type { PlanLocation } from '../../src/store/planStore';
import { planStoreWith } from '../helpers/storedPlan';
import { cardText, expectValidCard } from '../helpers/cardAssertions';

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const BEN: Actor = { id: 'aad-ben', name: 'Ben' };
const HERE: PlanLocation = { tenantId: 't1', conversationId: '19:rollout@thread.tacv2' };

async function setup(conversationType: string | undefined = 'channel', members: Record<string, MemberLookup> = {}) {
  const plan = createPlan({
    id: 'plan-coord',
    selection: { tool: 'cloudSync' },
    createdBy: ANA,
    at: '2026-12-01T09:00:00.000Z',
  });
  const { storage, planStore } = await planStoreWith(HERE, plan);
  const myTasks = new MyTasksIndex(storage);
  const changed: string[][] = [];
  const lookedUp: string[] = [];
  const deps: CoordinationDeps = {
    planStore,
    myTasks,
    clock: () => new Date('2026-12-01T10:00:00.000Z'),
    logger: silentLogger,
    outgoing: { changed: (_location, _record, taskIds) => void changed.push([...taskIds]) },
  };
  const turn: CoordinationTurn = {
    location: HERE,
    actor: ANA,
    conversationType,
    selfIds: [ANA.id, '29:ana'],
    botId: '28:bot',
    mentioned: [],
    lookupMember: async (userId) => {
      lookedUp.push(userId);
      return members[userId] ?? { kind: 'notMember' };
    },
    someMembers: async () => [{ id: BEN.id, name: BEN.name }],
    placeOf: async (location) => ({ location, where: 'Identity › Rollout', conversationType: 'channel' }),
  };
  const task2 = numberedTasks(plan)[1];
  const ids = { planId: plan.id, taskId: task2.id };
  const stored = async () => JSON.stringify((await planStore.load(HERE))!.plan);
  const ownerOf2 = async () => (await planStore.load(HERE))!.plan.tasks.find((t) => t.id === task2.id)?.owner;
  return { deps, turn, ids, changed, lookedUp, stored, ownerOf2, myTasks };
}

describe('coordination input', () => {
  it.each([
    ['no data', undefined, undefined],
    ['no owner', {}, undefined],
    ['an owner of the wrong type', { ownerId: { id: 'x' } }, undefined],
    ['a blank owner', { ownerId: '   ' }, undefined],
    ['an oversized owner', { ownerId: 'u'.repeat(201) }, undefined],
    ['an owner with spaces round it', { ownerId: ' 29:ben ' }, '29:ben'],
  ])('the picked owner: %s', (_name, data, expected) => {
    expect(parseOwnerInput(data)).toBe(expected);
  });

  it.each([
    ['no data', undefined, ''],
    ['a date of the wrong type', { dueDate: 20261215 }, ''],
    ['a date', { dueDate: '2026-12-15' }, '2026-12-15'],
    ['an oversized date, cut', { dueDate: '9'.repeat(10_000) }, '9'.repeat(100)],
  ])('the typed date: %s', (_name, data, expected) => {
    expect(parseDueInput(data)).toBe(expected);
  });

  it('reads the past-date question from its own field', () => {
    expect(parseDueInput({ due: '2026-01-01', dueDate: 'other' }, 'due')).toBe('2026-01-01');
  });

  it.each([
    ['no mention', [], /@mention them/],
    ['only the bot', [{ id: '28:bot', name: 'Sync Guide' }], /@mention them/],
    ['a forged mention', [null, 'text', { id: 42 }, { id: '' }], /@mention them/],
    ['an oversized id', [{ id: 'u'.repeat(201), name: 'Long' }], /@mention them/],
    [
      'two people',
      [
        { id: '29:ben', name: 'Ben' },
        { id: '29:carl', name: 'Carl' },
      ],
      /mentions 2 people/,
    ],
  ])('refuses %s with how to name someone', async (_name, mentioned, says) => {
    const { turn } = await setup();
    const who = mentionedOwner({ ...turn, mentioned }, 3);
    expect('refusal' in who && who.refusal).toMatch(says);
  });

  it('reads one person mentioned, twice or with the bot', async () => {
    const { turn } = await setup();
    const mentioned = [{ id: '28:bot' }, { id: '29:ben', name: 'Ben' }, { id: '29:ben', name: 'Ben' }];
    expect(mentionedOwner({ ...turn, mentioned }, 3)).toEqual({ kind: 'someone', userId: '29:ben', shownName: 'Ben' });
  });

  it('refuses anyone but yourself in a personal chat', async () => {
    const { turn } = await setup('personal');
    const who = mentionedOwner({ ...turn, mentioned: [{ id: '29:ben' }] }, 3);
    expect('refusal' in who && who.refusal).toContain('"assign 3 to me"');
  });
});

describe('coordination verbs', () => {
  it('handles every coordination verb itself', async () => {
    const { deps } = await setup();
    expect(Object.keys(coordinationVerbHandlers(deps)).sort()).toEqual(Object.values(COORDINATION_VERBS).sort());
  });

  it('"Assign to me" makes the person acting the owner and adds the task to their list', async () => {
    const { deps, turn, ids, changed, ownerOf2, myTasks } = await setup();
    const card = await coordinationVerbHandlers(deps)[COORDINATION_VERBS.assignMe](turn, ids);
    expectValidCard(card);
    expect(cardText(card)).toContain('Assigned to Ana');
    expect(await ownerOf2()).toEqual(ANA);
    expect(changed).toEqual([[ids.taskId]]);
    expect((await myTasks.entries('t1', ANA.id)).map((entry) => entry.taskId)).toEqual([ids.taskId]);
  });

  it('assigns a member Teams confirms', async () => {
    const { deps, turn, ids, ownerOf2 } = await setup('channel', { '29:ben': { kind: 'member', member: BEN } });
    await coordinationVerbHandlers(deps)[COORDINATION_VERBS.assign](turn, { ...ids, ownerId: '29:ben' });
    expect(await ownerOf2()).toEqual(BEN);
  });

  it('picking your own Teams id means you', async () => {
    const { deps, turn, ids, lookedUp, ownerOf2 } = await setup();
    await coordinationVerbHandlers(deps)[COORDINATION_VERBS.assign](turn, { ...ids, ownerId: '29:ana' });
    expect(await ownerOf2()).toEqual(ANA);
    expect(lookedUp).toEqual([]);
  });

  it.each([
    ['a non-member', 'channel', {}, '29:carl', /not a member of this team/],
    ['someone Teams cannot confirm', 'groupChat', { '29:carl': { kind: 'unknown' } }, '29:carl', /could not check/],
    ['the bot', 'channel', {}, '28:bot', /cannot own its tasks/],
    ['someone else in a personal chat', 'personal', {}, '29:ben', /only you can own tasks/],
  ] as const)('refuses %s and changes nothing', async (_name, type, members, ownerId, says) => {
    const { deps, turn, ids, stored, changed } = await setup(type, members);
    const before = await stored();
    const card = await coordinationVerbHandlers(deps)[COORDINATION_VERBS.assign](turn, { ...ids, ownerId });
    expectValidCard(card);
    expect(cardText(card)).toMatch(says);
    expect(await stored()).toBe(before);
    expect(changed).toEqual([]);
  });

  it.each([
    ['no ids', () => ({}), /does not name a plan/],
    ['an unknown task', (ids: { planId: string }) => ({ planId: ids.planId, taskId: 'no-such-task' }), /do not know/],
    [
      'another plan',
      (ids: { taskId: string }) => ({ planId: 'plan-older', taskId: ids.taskId }),
      /not the current plan/,
    ],
    [
      'a damaged revision',
      (ids: { planId: string; taskId: string }) => ({ ...ids, revision: -1 }),
      /damaged plan version/,
    ],
  ])('refuses a button with %s, for every verb, and changes nothing', async (_name, dataOf, says) => {
    const { deps, turn, ids, stored, changed } = await setup();
    const before = await stored();
    for (const handle of Object.values(coordinationVerbHandlers(deps))) {
      const card = await handle(turn, { ...dataOf(ids), ownerId: '29:ana', dueDate: '2026-12-15' });
      expectValidCard(card);
      expect(cardText(card)).toMatch(says);
    }
    expect(await stored()).toBe(before);
    expect(changed).toEqual([]);
  });

  it('asks again for a date that never arrived, and sets one that did', async () => {
    const { deps, turn, ids } = await setup();
    const handlers = coordinationVerbHandlers(deps);
    expect(cardText(await handlers[COORDINATION_VERBS.setDue](turn, ids))).toContain('I did not receive a date');
    const set = await handlers[COORDINATION_VERBS.setDue](turn, { ...ids, dueDate: '2026-12-15' });
    expect(cardText(set)).toContain('Due date set to');
  });
});

describe('typed coordination commands', () => {
  it('"assign 2 to me", then "due 2 clear" on a task without a date', async () => {
    const { deps, turn, ownerOf2 } = await setup();
    await runCoordinationCommand(deps, turn, { name: 'assign', taskNumber: 2, to: 'me' });
    expect(await ownerOf2()).toEqual(ANA);
    const card = await runCoordinationCommand(deps, turn, { name: 'due', taskNumber: 2, date: null });
    expect(cardText(card)).toContain('Nothing changed');
  });

  it('"assign 2 to @name" without a mention says how, and changes nothing', async () => {
    const { deps, turn, stored } = await setup();
    const before = await stored();
    const card = await runCoordinationCommand(deps, turn, { name: 'assign', taskNumber: 2, to: 'mentioned' });
    expect(cardText(card)).toContain('@Sync Guide assign 2 to @name');
    expect(await stored()).toBe(before);
  });

  it('names a task that is not on the plan', async () => {
    const { deps, turn } = await setup();
    const card = await runCoordinationCommand(deps, turn, { name: 'unassign', taskNumber: 99 });
    expectValidCard(card);
    expect(cardText(card)).toContain('99');
  });
});
