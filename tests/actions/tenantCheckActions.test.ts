import { MemoryStorage } from 'botbuilder';
import {
  createTenantCheckActions,
  parseCheckData,
  parseEvidenceData,
  parseWatchData,
  type TenantCheckActionDeps,
  type TenantTurn,
} from '../../src/actions/tenantCheckActions';
import { TENANT_VERBS } from '../../src/domain/tenantVerbs';
import { createPlan } from '../../src/domain/plan';
import { PlanStore, type PlanLocation } from '../../src/store/planStore';
import { WatchIndex } from '../../src/store/watchIndex';
import { TenantChecks } from '../../src/tenant/tenantChecks';
import { cardText, expectValidCard } from '../helpers/cardAssertions';

const TENANT = '00000000-0000-4000-8000-00000000c0de';
const HERE: PlanLocation = { tenantId: TENANT, conversationId: '19:team@thread.tacv2' };
const NOW = new Date('2026-12-01T10:00:00.000Z');

describe('tenant check button data', () => {
  it.each([
    ['a plan', { planId: 'plan-1' }, { planId: 'plan-1' }],
    [
      'a plan and its verify task',
      { planId: 'plan-1', taskId: 'cloudSync.verify' },
      { planId: 'plan-1', taskId: 'cloudSync.verify' },
    ],
    [
      'a task Graph cannot observe, dropped',
      { planId: 'plan-1', taskId: 'cloudSync.prerequisites' },
      { planId: 'plan-1' },
    ],
    ['no object', 'plan-1', undefined],
    ['a forged plan id', { planId: '../plan' }, undefined],
    ['an oversized plan id', { planId: 'p'.repeat(65) }, undefined],
  ])('"Check now" with %s', (_label, data, expected) => {
    expect(parseCheckData(data)).toEqual(expected);
  });

  it.each([
    [
      'a verify task and a revision',
      { planId: 'plan-1', taskId: 'cloudSync.verify', checkedAt: 'x', revision: 3 },
      { planId: 'plan-1', taskId: 'cloudSync.verify', track: 'cloudSync', checkedAt: 'x', revision: 3 },
    ],
    [
      'the revision as a string',
      { planId: 'plan-1', taskId: 'connect.verify', revision: '7' },
      { planId: 'plan-1', taskId: 'connect.verify', track: 'connect', checkedAt: undefined, revision: 7 },
    ],
    [
      'an oversized revision, ignored',
      { planId: 'plan-1', taskId: 'cloudSync.verify', revision: '1'.repeat(11) },
      { planId: 'plan-1', taskId: 'cloudSync.verify', track: 'cloudSync', checkedAt: undefined },
    ],
    ['a task Graph cannot observe', { planId: 'plan-1', taskId: 'cloudSync.prerequisites' }, undefined],
    ['a forged task', { planId: 'plan-1', taskId: '__proto__' }, undefined],
    ['no plan', { taskId: 'cloudSync.verify' }, undefined],
    ['an array', [{ planId: 'plan-1', taskId: 'cloudSync.verify' }], undefined],
  ])('"Mark done with this evidence" with %s', (_label, data, expected) => {
    expect(parseEvidenceData(data)).toEqual(expected);
  });

  it.each([
    ['on', { planId: 'plan-1', watch: 'on' }, { planId: 'plan-1', on: true }],
    ['off', { planId: 'plan-1', watch: 'off' }, { planId: 'plan-1', on: false }],
    ['a forged setting', { planId: 'plan-1', watch: 'ON ' }, undefined],
    ['a setting of the wrong type', { planId: 'plan-1', watch: true }, undefined],
    ['no plan', { watch: 'on' }, undefined],
    ['null', null, undefined],
  ])('the watch button with %s', (_label, data, expected) => {
    expect(parseWatchData(data)).toEqual(expected);
  });
});

describe('tenant check verbs with forged data', () => {
  async function setup() {
    const storage = new MemoryStorage();
    const planStore = new PlanStore(storage);
    await planStore.create(
      HERE,
      {
        plan: createPlan({
          id: 'plan-1',
          selection: { tool: 'cloudSync' },
          createdBy: { id: 'a', name: 'Ana' },
          at: NOW.toISOString(),
        }),
        conversationId: HERE.conversationId,
        tenantId: HERE.tenantId,
        cards: [],
      },
      { replace: false },
    );
    const deps: TenantCheckActionDeps = {
      planStore,
      checks: new TenantChecks({
        config: { enabled: true, tenantId: TENANT },
        clock: () => NOW,
        logger: { warn: () => undefined },
      }),
      watchIndex: new WatchIndex(storage),
      outgoing: { changed: () => undefined, delivery: { send: async () => ({ ok: true }) } } as never,
      port: { postMessage: async () => 'sent' },
      clock: () => NOW,
      logger: { warn: () => undefined },
      simulated: false,
      watchSeconds: 300,
    };
    const turn: TenantTurn = {
      location: HERE,
      actor: { id: 'a', name: 'Ana' },
      target: { tenantId: TENANT, conversationId: HERE.conversationId, serviceUrl: 'https://smba.example/' },
    };
    return { planStore, deps, turn, actions: createTenantCheckActions(deps) };
  }

  it.each([
    [TENANT_VERBS.check, { planId: 'x'.repeat(1_000) }, 'does not name a plan'],
    [
      TENANT_VERBS.doneWithEvidence,
      { planId: 'plan-1', taskId: 'cloudSync.prerequisites' },
      'does not name a task a tenant check can prove',
    ],
    [TENANT_VERBS.watchSet, { planId: 'plan-1', watch: 'maybe' }, 'does not say whether to turn the watch on or off'],
  ])('%s answers with a card that says what to do, and changes nothing', async (verb, data, expected) => {
    const { planStore, turn, actions } = await setup();
    const before = await planStore.load(HERE);
    const card = await actions.verbs[verb](turn, data);
    expectValidCard(card);
    expect(cardText(card)).toContain(expected);
    expect(await planStore.load(HERE)).toEqual(before);
    await actions.idle();
  });

  it('owns exactly the four tenant check verbs', async () => {
    const { actions } = await setup();
    expect(Object.keys(actions.verbs).sort()).toEqual(Object.values(TENANT_VERBS).sort());
  });
});
