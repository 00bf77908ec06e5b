import { createPlan } from '../../src/domain/plan';
import { historyCard } from '../../src/cards/historyCard';
import { summaryCard } from '../../src/cards/summaryCard';
import { taskCard } from '../../src/cards/taskCard';
import { cardText, expectValidCard } from '../helpers/cardAssertions';
import { act, AT, decision, EVIL_NAMES } from '../helpers/planCardFixtures';

describe('user-provided names', () => {
  const evil = EVIL_NAMES;

  it.each(evil)('shows %s literally on task, summary and history cards', (name) => {
    const actor = { id: 'x', name };
    let plan = createPlan({ id: 'p', selection: { tool: 'cloudSync' }, createdBy: actor, at: AT });
    plan = act(plan, 'cloudSync.prerequisites', 'done', actor);
    const cards = [
      taskCard(plan, 'cloudSync.prerequisites'),
      summaryCard(plan, { ...decision('cloudSync'), decidedBy: actor }),
      historyCard(plan),
    ];
    for (const card of cards) {
      expectValidCard(card);
      const json = JSON.stringify(card);
      expect(json).not.toContain('**Boss**');
      expect(json).not.toContain('[click](');
      expect(json).not.toContain('<script>');
      // Escaped, not dropped: the name is still there, character by character.
      const unescaped = cardText(card).replace(/\\(.)/g, '$1');
      expect(unescaped).toContain(name);
    }
  });
});
