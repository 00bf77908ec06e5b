import { createPlan, nextTask, numberedTasks } from '../../src/domain/plan';
import { nextCard, summaryCard } from '../../src/cards/summaryCard';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import {
  act,
  ANA,
  AT,
  checkedPlan,
  freshPlan,
  decision,
  planWithEveryStatus,
  TOOLS,
} from '../helpers/planCardFixtures';

describe.each(TOOLS)('summary card for %s', (tool, selection) => {
  const plan = planWithEveryStatus(selection);

  it('renders valid summary and next cards', () => {
    for (const card of [summaryCard(plan, decision(tool)), summaryCard(plan), nextCard(plan)]) {
      expectValidCard(card);
    }
  });

  it('puts every task with its number on the summary and highlights the next one', () => {
    const card = summaryCard(plan, decision(tool));
    const text = cardText(card);
    const numbers = summaryNumbers(card);
    for (const task of numberedTasks(plan)) expect(numbers).toContain(String(task.number));
    const next = nextTask(plan)!;
    const number = numberedTasks(plan).find((t) => t.id === next.id)!.number;
    expect(text).toContain(`**Next:** ${number}.`);
    expect(JSON.stringify(card)).toContain('"style":"accent"');
    expect(executeActions(card).map((a) => a.verb)).toEqual(['plan.next']);
    expect(executeActions(card)[0].data).toEqual({ planId: plan.id, revision: plan.revision });
  });
});

describe('what next and all done', () => {
  it('answers with the next task card, then with the all-done card when nothing is open', () => {
    let plan = createPlan({ id: 'p', selection: { tool: 'cloudSync' }, createdBy: ANA, at: AT });
    expect(cardText(nextCard(plan))).toContain('Review Cloud Sync prerequisites');
    for (const task of plan.tasks.filter((t) => t.status === 'todo'))
      plan = act(plan, task.id, task.id === 'cloudSync.verify' ? 'skip' : 'done');
    const text = cardText(nextCard(plan));
    expect(text).toContain('All tasks are settled');
    expect(text).toContain('Verify users are syncing');
    expect(cardText(summaryCard(plan))).toContain('100%');
  });
});

/** TextBlocks that hold only a task number; a "2."-style text would render as an empty Markdown list item. */
function summaryNumbers(card: object): string[] {
  const texts: string[] = [];
  JSON.stringify(card, (key, value) => {
    if (key === 'text' && typeof value === 'string' && /^\d+\.?$/.test(value)) texts.push(value);
    return value;
  });
  expect(texts.filter((t) => t.endsWith('.'))).toEqual([]);
  return texts;
}

describe('"Check now" follows GRAPH_CHECKS, not whether the plan was checked before', () => {
  const titles = (card: object) => executeActions(card).map((action) => action.title);
  it('the summary offers it whenever checks are on, and never when off, checked before or not', () => {
    const plan = freshPlan({ tool: 'cloudSync' });
    for (const shown of [plan, checkedPlan(plan)]) {
      const on = summaryCard(shown, undefined, { tenantChecks: true });
      expectValidCard(on);
      expect(titles(on)).toContain('Check now');
      expect(titles(summaryCard(shown, undefined, { tenantChecks: false }))).not.toContain('Check now');
      expect(titles(summaryCard(shown))).not.toContain('Check now');
    }
    expect(titles(nextCard(plan, undefined, undefined, true))).not.toContain('Check now'); // the next task is not a verify task
  });
});
