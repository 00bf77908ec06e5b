import { headlineOf, recommendationCard, titleOf } from '../../src/cards/recommendationCard';
import { ACCEPT_VERB, OVERRIDE_VERB } from '../../src/domain/decisionVerbs';
import { recommend } from '../../src/domain/advisor';
import { ANSWER_KEYS, type Answers } from '../../src/domain/answers';
import { CARD_BYTE_BUDGET, cardText, executeActions, expectValidCard, inspectCard } from '../helpers/cardAssertions';
import { CLOUD_SYNC_ANSWERS } from '../helpers/decisionFixtures';

const base: Answers = CLOUD_SYNC_ANSWERS;
const ana = { id: '29:ana', name: 'Ana [Admin]' };
const answered = [{ question: 'forestTopology' as const, by: ana, at: '2026-11-26T10:42:00Z' }];

const scenarios: Array<[string, Answers, string]> = [
  ['single forest, PHS → Cloud Sync', base, 'cloudSync'],
  ['PTA → Connect custom', { ...base, signIn: 'ptaSetup', enterpriseAdminAvailable: 'yes' }, 'connect'],
  ['disconnected forests → Cloud Sync', { ...base, forestTopology: 'includesDisconnected' }, 'cloudSync'],
  [
    'hybrid join + disconnected forest → both',
    { ...base, forestTopology: 'includesDisconnected', devices: 'hybridJoin', enterpriseAdminAvailable: 'yes' },
    'both',
  ],
  ['everything not sure', Object.fromEntries(ANSWER_KEYS.map((key) => [key, 'notSure'])) as unknown as Answers, 'both'],
  [
    'Connect 2.4, PHS → restore, then Cloud Sync',
    {
      ...base,
      currentSync: 'connect',
      connectBuild: 'belowMandatory',
      connectServerOs: 'ws2019',
      connectStaging: 'no',
      connectTotalObjects: 'under100k',
    },
    'cloudSync',
  ],
  [
    'Connect, PTA → stay',
    {
      ...base,
      currentSync: 'connect',
      connectBuild: 'current',
      connectServerOs: 'ws2022OrLater',
      connectStaging: 'yes',
      signIn: 'ptaSetup',
    },
    'connect',
  ],
  [
    'Cloud Sync today, Exchange hybrid → health',
    { ...base, currentSync: 'cloudSync', otherNeeds: ['exchangeHybrid'] },
    'cloudSync',
  ],
];

/** Answers stored before the questions about what runs today existed: the card must still render them. */
const legacy = {
  forestTopology: 'single',
  signIn: 'notSure',
  devices: 'none',
  largestDomainObjects: 'under100k',
  groupOver50kMembers: 'no',
  customization: [],
  otherNeeds: [],
  enterpriseAdminAvailable: 'notAsked',
  connectTotalObjects: 'notAsked',
} as unknown as Answers;

describe('recommendation card', () => {
  it.each(scenarios)('%s: valid, small, ids-only buttons', (_name, answers, tool) => {
    const recommendation = recommend(answers);
    expect(recommendation.tool).toBe(tool);
    const card = recommendationCard({ decisionId: 'd1', ownerId: '29:ana', recommendation, answers, answered });
    expectValidCard(card);
    expect(inspectCard(card).utf16Bytes).toBeLessThan(CARD_BYTE_BUDGET);
    const text = cardText(card);
    expect(text).toContain(headlineOf(recommendation));
    for (const factor of recommendation.factors) expect(text).toContain(factor.link);
    for (const assumption of recommendation.assumptions) expect(text).toContain(assumption.assumed);
    for (const warning of recommendation.warnings) expect(text).toContain(warning.text);
    expect(text).toContain('Ana \\[Admin\\]');

    const actions = executeActions(card) as Array<Record<string, any>>;
    expect(actions[0]).toMatchObject({ verb: ACCEPT_VERB, data: { decisionId: 'd1', owner: '29:ana' } });
    const overrides = actions.slice(1);
    expect(overrides.length).toBe(tool === 'both' ? 2 : 1);
    for (const action of actions) {
      expect([ACCEPT_VERB, OVERRIDE_VERB]).toContain(action.verb);
      for (const key of Object.keys(action.data)) expect(['decisionId', 'owner', 'tool']).toContain(key);
      expect(action.fallback).toEqual({
        type: 'Action.Submit',
        title: action.title,
        data: { ...action.data, verb: action.verb },
      });
    }
  });

  it('shows the path from what runs today: the urgent restore first, then the move, with its own buttons', () => {
    const answers: Answers = {
      ...base,
      currentSync: 'connect',
      connectBuild: 'belowMandatory',
      connectServerOs: 'ws2019',
      connectStaging: 'no',
      connectTotalObjects: 'under100k',
    };
    const recommendation = recommend(answers);
    const card = recommendationCard({ decisionId: 'd', ownerId: '29:ana', recommendation, answers, answered });
    const text = cardText(card);
    expect(titleOf(recommendation)).toBe('Move to Microsoft Entra Cloud Sync');
    expect(text).toMatch(/1\. \*\*Restore sync first \(urgent\)\.\*\* .*stopped syncing on 30 September 2026/);
    expect(text).toMatch(/2\. \*\*Move to Cloud Sync OU by OU\.\*\*/);
    expect(text.indexOf('Restore sync first')).toBeLessThan(text.indexOf('Move to Cloud Sync OU by OU'));
    expect(JSON.stringify(card)).toContain('"style":"attention"');
    expect(executeActions(card).map((action: any) => action.title)).toEqual([
      'Accept this plan',
      'Stay on Connect Sync instead',
    ]);
    expect(text).not.toContain('express install');
  });

  it('staying on Connect lists what keeps the tenant there and what would let it move', () => {
    const answers: Answers = {
      ...base,
      currentSync: 'connect',
      connectBuild: 'current',
      connectServerOs: 'ws2022OrLater',
      connectStaging: 'yes',
      signIn: 'ptaSetup',
    };
    const recommendation = recommend(answers);
    const text = cardText(
      recommendationCard({ decisionId: 'd', ownerId: '29:ana', recommendation, answers, answered }),
    );
    expect(text).toContain('What keeps you on Connect Sync');
    expect(text).toMatch(/Setting up pass-through authentication\.\*\* What would let you move: .*password hash sync/);
    expect(text).toMatch(/Upgrade the staging server first/);
  });

  it('lists each unknown with a way to check it and an "Answer now" button carrying only ids', () => {
    const answers: Answers = { ...base, otherNeeds: 'notSure' };
    const recommendation = recommend(answers);
    const card = recommendationCard({ decisionId: 'd9', ownerId: '29:ana', recommendation, answers, answered });
    const text = cardText(card);
    expect(text).toContain("Open questions: Microsoft's default held, please confirm");
    expect(text).toContain('(this decided the outcome)');
    expect(text).toContain('How to check:');
    const submits = JSON.stringify(card).match(/"type":"Action\.Submit","title":"Answer now","data":\{[^}]*\}/g) ?? [];
    expect(submits).toEqual([
      '"type":"Action.Submit","title":"Answer now","data":{"refine":"otherNeeds","decisionId":"d9","owner":"29:ana"}',
    ]);
  });

  it('has no "Answer now" buttons once the recommendation was chosen', () => {
    const answers: Answers = { ...base, otherNeeds: 'notSure' };
    const card = recommendationCard({
      decisionId: 'd',
      ownerId: '29:ana',
      recommendation: recommend(answers),
      answers,
      answered,
      choice: { tool: 'cloudSync', overridden: false, by: { id: 'b', name: 'Bo' }, at: '2026-11-26T11:05:00Z' },
    });
    expect(JSON.stringify(card)).not.toContain('Answer now');
  });

  it('renders answers and recommendations stored before the questions about today existed', () => {
    const recommendation = recommend(legacy);
    const card = recommendationCard({ decisionId: 'd', ownerId: '29:ana', recommendation, answers: legacy, answered });
    expectValidCard(card);
    expect(cardText(card)).toContain(headlineOf(recommendation));
    // A recommendation object stored before paths existed has none of the new fields.
    const { paths: _p, current: _c, urgent: _u, uncertainty: _n, ...old } = recommendation;
    const oldCard = recommendationCard({
      decisionId: 'd',
      ownerId: '29:ana',
      recommendation: { ...old, assumptions: [] } as never,
      answers: legacy,
      answered,
    });
    expectValidCard(oldCard);
    expect(cardText(oldCard)).toContain('Microsoft Entra Cloud Sync');
  });

  it('names the install type for Connect and the reasons for it', () => {
    const answers: Answers = { ...base, signIn: 'ptaSetup', enterpriseAdminAvailable: 'yes' };
    const card = recommendationCard({
      decisionId: 'd',
      ownerId: '29:ana',
      recommendation: recommend(answers),
      answers,
      answered,
    });
    expect(cardText(card)).toContain('Connect Sync: custom install');
    expect(cardText(card)).toContain('Why the custom install');
  });

  it('after a choice shows who chose what and when, and no buttons', () => {
    const recommendation = recommend(base);
    const card = recommendationCard({
      decisionId: 'd',
      ownerId: '29:ana',
      recommendation,
      answers: base,
      answered,
      choice: { tool: 'connect', overridden: true, by: { id: 'b', name: 'Bo' }, at: '2026-11-26T11:05:00Z' },
      note: 'The plan is below.',
    });
    expectValidCard(card);
    expect(executeActions(card)).toEqual([]);
    expect(cardText(card)).toContain(
      'Bo (26 Nov 2026, 11:05 UTC) chose **Connect Sync** instead of the recommended Cloud Sync. The plan is below.',
    );
  });
});
