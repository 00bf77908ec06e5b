import { archiveHistory } from '../../src/domain/historyArchive';
import { createPlan } from '../../src/domain/plan';
import { historyCard } from '../../src/cards/historyCard';
import { cardText, expectValidCard } from '../helpers/cardAssertions';
import { act, ANA, AT, planWithEveryStatus, TOOLS } from '../helpers/planCardFixtures';

describe.each(TOOLS)('history card for %s', (_tool, selection) => {
  it('renders a valid history card', () => {
    expectValidCard(historyCard(planWithEveryStatus(selection)));
  });
});

describe('history', () => {
  it('history shows the newest 15 changes first, with who, when, from and to', () => {
    let plan = createPlan({ id: 'p', selection: { tool: 'cloudSync' }, createdBy: ANA, at: AT });
    for (let i = 0; i < 10; i++) {
      plan = act(
        plan,
        'cloudSync.prerequisites',
        'done',
        { id: 'b', name: 'Ben' },
        `2025-11-26T11:${String(i).padStart(2, '0')}:00.000Z`,
      );
      plan = act(
        plan,
        'cloudSync.prerequisites',
        'reopen',
        { id: 'c', name: 'Cleo' },
        `2025-11-26T12:${String(i).padStart(2, '0')}:00.000Z`,
      );
    }
    const card = historyCard(plan) as any;
    expectValidCard(card);
    const entries = card.body.filter((item: any) => item.type === 'Container');
    expect(entries).toHaveLength(15);
    expect(cardText(entries[0])).toContain('Cleo · 12:09 UTC, 26 Nov');
    expect(cardText(entries[0])).toContain('2. Review Cloud Sync prerequisites: Done → To do');
    expect(cardText(card)).toContain('The latest 15 of 21 changes');
  });

  it('history counts and shows the same changes once the oldest have moved to archived pages', () => {
    let whole = createPlan({ id: 'p', selection: { tool: 'cloudSync' }, createdBy: ANA, at: AT });
    let kept = whole;
    for (let i = 0; i < 90; i++) {
      const [action, who] =
        i % 2 ? (['reopen', { id: 'c', name: 'Cleo' }] as const) : (['done', { id: 'b', name: 'Ben' }] as const);
      const at = new Date(Date.parse(AT) + i * 60_000).toISOString();
      whole = act(whole, 'cloudSync.prerequisites', action, who, at);
      kept = archiveHistory(act(kept, 'cloudSync.prerequisites', action, who, at)).plan;
    }
    expect(kept.archive?.pages).toBeGreaterThan(0);
    expect(cardText(historyCard(kept))).toContain(`The latest 15 of ${whole.history.length} changes`);
    expect(historyCard(kept)).toEqual(historyCard(whole));
  });
});
