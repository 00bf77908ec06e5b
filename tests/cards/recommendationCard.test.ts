import { ACCEPT_VERB, OVERRIDE_VERB, headlineOf, recommendationCard } from '../../src/cards/recommendationCard';
import { recommend } from '../../src/domain/advisor';
import type { Answers } from '../../src/domain/answers';
import { CARD_BYTE_BUDGET, cardText, executeActions, expectValidCard, inspectCard } from '../helpers/cardAssertions';

const base: Answers = {
  forestTopology: 'single', signIn: 'phs', devices: 'none', largestDomainObjects: 'under100k', groupOver50kMembers: 'no',
  customization: [], otherNeeds: [], enterpriseAdminAvailable: 'notAsked', connectTotalObjects: 'notAsked',
};
const ana = { id: '29:ana', name: 'Ana [Admin]' };
const answered = [{ question: 'forestTopology' as const, by: ana, at: '2026-11-26T10:42:00Z' }];

const scenarios: Array<[string, Answers, string]> = [
  ['single forest, PHS → Cloud Sync', base, 'cloudSync'],
  ['PTA → Connect custom', { ...base, signIn: 'ptaSetup', enterpriseAdminAvailable: 'yes' }, 'connect'],
  ['disconnected forests → Cloud Sync', { ...base, forestTopology: 'includesDisconnected' }, 'cloudSync'],
  ['hybrid join + disconnected forest → both', { ...base, forestTopology: 'includesDisconnected', devices: 'hybridJoin', enterpriseAdminAvailable: 'yes' }, 'both'],
  ['everything not sure', { forestTopology: 'notSure', signIn: 'notSure', devices: 'notSure', largestDomainObjects: 'notSure', groupOver50kMembers: 'notSure', customization: 'notSure', otherNeeds: 'notSure', enterpriseAdminAvailable: 'notSure', connectTotalObjects: 'notSure' }, 'both'],
];

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
      expect(action.fallback).toEqual({ type: 'Action.Submit', title: action.title, data: { ...action.data, verb: action.verb } });
    }
  });

  it('names the install type for Connect and the reasons for it', () => {
    const answers: Answers = { ...base, signIn: 'ptaSetup', enterpriseAdminAvailable: 'yes' };
    const card = recommendationCard({ decisionId: 'd', ownerId: '29:ana', recommendation: recommend(answers), answers, answered });
    expect(cardText(card)).toContain('Connect Sync: custom install');
    expect(cardText(card)).toContain('Why the custom install');
  });

  it('after a choice shows who chose what and when, and no buttons', () => {
    const recommendation = recommend(base);
    const card = recommendationCard({
      decisionId: 'd', ownerId: '29:ana', recommendation, answers: base, answered,
      choice: { tool: 'connect', overridden: true, by: { id: 'b', name: 'Bo' }, at: '2026-11-26T11:05:00Z' }, note: 'The plan is below.',
    });
    expectValidCard(card);
    expect(executeActions(card)).toEqual([]);
    expect(cardText(card)).toContain('Bo (26 Nov 2026, 11:05 UTC) chose **Connect Sync** instead of the recommended Cloud Sync. The plan is below.');
  });
});
