import { MemoryStorage } from 'botbuilder';
import {
  parseShareData,
  SHARE_VERB,
  shareCommand,
  shareVerbHandlers,
  type ChannelChoice,
  type ShareActionDeps,
  type ShareTurn,
} from '../../src/actions/shareActions';
import type { Destination } from '../../src/actions/planPosting';
import { createPlan, type Actor } from '../../src/domain/plan';
import { PlanStore, type PlanLocation } from '../../src/store/planStore';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const CHAT: PlanLocation = { tenantId: 't1', conversationId: 'a:personal-chat' };
const CHANNEL = '19:rollout@thread.tacv2';
const CHOICE: ChannelChoice = {
  team: { conversationId: CHANNEL, teamId: '19:team@thread.tacv2', serviceUrl: 'https://smba.example/', active: true },
  channelId: CHANNEL,
  teamName: 'Identity',
  channelName: 'Rollout',
  label: 'Identity › Rollout',
};

async function setup(options: { personal?: boolean; choices?: readonly ChannelChoice[] } = {}) {
  const planStore = new PlanStore(new MemoryStorage());
  await planStore.create(
    CHAT,
    {
      plan: createPlan({ id: 'plan-1', selection: { tool: 'cloudSync' }, createdBy: ANA, at: '2025-11-26T10:00:00Z' }),
      conversationId: CHAT.conversationId,
      tenantId: CHAT.tenantId,
      cards: [],
    },
    { replace: false },
  );
  const posted: Array<{ location: PlanLocation; planId: string; destination: Destination }> = [];
  const deps: ShareActionDeps = {
    planStore,
    clock: () => new Date('2025-11-26T11:00:00Z'),
    postPlan: async (location, planId, destination) => {
      posted.push({ location, planId, destination });
      return 4;
    },
  };
  const turn: ShareTurn = {
    location: CHAT,
    personal: options.personal ?? true,
    choices: async () => options.choices ?? [CHOICE],
  };
  return { planStore, deps, turn, posted };
}

describe('parseShareData', () => {
  const good = { planId: 'plan-1', teamId: '19:team@thread.tacv2', channelId: CHANNEL };
  it.each([
    ['three good ids', good, good],
    ['a channel thread, kept as its channel', { ...good, channelId: `${CHANNEL};messageid=42` }, good],
    ['no object', 'plan-1', undefined],
    ['an array', [good], undefined],
    ['a missing team', { planId: 'plan-1', channelId: CHANNEL }, undefined],
    ['a forged team id', { ...good, teamId: '19:x/../y' }, undefined],
    ['a non-string channel', { ...good, channelId: { id: CHANNEL } }, undefined],
    ['an oversized plan id', { ...good, planId: 'p'.repeat(201) }, undefined],
  ])('%s', (_label, data, expected) => {
    expect(parseShareData(data)).toEqual(expected);
  });
});

describe('share', () => {
  it('lists the channels to pick, each button naming the plan, team and channel', async () => {
    const { deps, turn } = await setup();
    const card = await shareCommand(deps, turn);
    expectValidCard(card);
    expect(executeActions(card).map((action) => [action.verb, action.data])).toEqual([
      [SHARE_VERB, { planId: 'plan-1', teamId: CHOICE.team.teamId, channelId: CHANNEL }],
    ]);
  });

  it.each([
    ['outside personal chat', { personal: false }, 'Share from personal chat'],
    ['with no team to pick', { choices: [] }, 'No team to share to'],
  ])('refuses %s with a card that says what to do', async (_label, options, title) => {
    const { deps, turn } = await setup(options);
    expect(cardText(await shareCommand(deps, turn))).toContain(title);
  });

  it('moves the plan to the picked channel and posts it there as a thread', async () => {
    const { deps, turn, planStore, posted } = await setup();
    const card = await shareVerbHandlers(deps)[SHARE_VERB](turn, {
      planId: 'plan-1',
      teamId: CHOICE.team.teamId,
      channelId: CHANNEL,
    });
    expect(cardText(card)).toContain('Posting 4 cards as a thread in Identity › Rollout');
    expect(posted).toEqual([
      {
        location: { tenantId: 't1', conversationId: CHANNEL },
        planId: 'plan-1',
        destination: {
          kind: 'channel',
          serviceUrl: CHOICE.team.serviceUrl,
          channelId: CHANNEL,
          fallbackConversationId: CHANNEL,
        },
      },
    ]);
    expect(await planStore.owner(CHAT)).toEqual({ tenantId: 't1', conversationId: CHANNEL });
  });

  it.each([
    ['forged data', { planId: 'plan-1', teamId: 'x'.repeat(300), channelId: CHANNEL }, 'does not name a channel'],
    [
      'a channel no longer offered',
      { planId: 'plan-1', teamId: CHOICE.team.teamId, channelId: '19:gone@thread.tacv2' },
      'I cannot share to that channel',
    ],
    [
      'another plan',
      { planId: 'plan-2', teamId: CHOICE.team.teamId, channelId: CHANNEL },
      'no longer the plan of this chat',
    ],
  ])('answers %s with a card, and shares nothing', async (_label, data, expected) => {
    const { deps, turn, planStore, posted } = await setup();
    expect(cardText(await shareVerbHandlers(deps)[SHARE_VERB](turn, data))).toContain(expected);
    expect(posted).toEqual([]);
    expect(await planStore.owner(CHAT)).toEqual(CHAT);
  });
});
