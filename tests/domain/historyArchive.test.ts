import { HISTORY_LIMIT } from '../../src/cards/historyCard';
import {
  archiveHistory,
  HISTORY_PAGE_SIZE,
  historyLength,
  lastChangeByTask,
  RECENT_HISTORY_LIMIT,
  type HistoryPage,
} from '../../src/domain/historyArchive';
import { applyAction, createPlan, planHistory, statusEntryCount, type Actor, type Plan } from '../../src/domain/plan';
import { applyPlanEdit, type PlanEdit } from '../../src/domain/planEdits';

const people: Actor[] = [
  { id: 'aad-ana', name: 'Ana Admin' },
  { id: 'aad-ben', name: 'Ben Network' },
  { id: 'aad-cy', name: 'Cy Security' },
];
const TASKS = ['cloudSync.prerequisites', 'cloudSync.installAgent', 'cloudSync.configure'];
const at = (i: number) => new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();

/** Change number i of a busy plan: status clicks on three tasks, with owner, due date and reminder edits mixed in. */
function change(plan: Plan, i: number): Plan {
  const actor = people[i % people.length];
  const task = TASKS[i % TASKS.length];
  if (i % 7 === 3 || i % 11 === 5 || i % 13 === 0) {
    const edit: PlanEdit =
      i % 7 === 3
        ? { kind: 'assign', taskId: task, owner: people[(i + 1) % people.length] }
        : i % 11 === 5
          ? { kind: 'setDue', taskId: task, due: `2027-01-${String((i % 27) + 1).padStart(2, '0')}` }
          : { kind: 'setReminders', cadence: i % 2 ? 'daily' : 'weekly' };
    const result = applyPlanEdit(plan, edit, actor, at(i));
    return result.kind === 'changed' ? result.plan : plan;
  }
  const status = plan.tasks.find((t) => t.id === task)!.status;
  const result = applyAction(plan, { taskId: task, action: status === 'done' ? 'reopen' : 'done', actor, at: at(i) });
  return result.kind === 'changed' ? result.plan : plan;
}

/** The same changes twice: once on a plan that is never archived, once archived after every change as PlanStore does. */
function run(changes: number) {
  let whole = createPlan({ id: 'plan-arch', selection: { tool: 'cloudSync' }, createdBy: people[0], at: at(0) });
  let kept = whole;
  const pages: HistoryPage[] = [];
  let largestDocument = 0;
  for (let i = 1; i <= changes; i++) {
    whole = change(whole, i);
    const archived = archiveHistory(change(kept, i));
    kept = archived.plan;
    if (archived.page) pages.push(archived.page);
    largestDocument = Math.max(largestDocument, planHistory(kept).length);
  }
  return { whole, kept, pages, largestDocument };
}

describe('archiveHistory', () => {
  it('leaves a plan within the limit alone', () => {
    const { kept, pages } = run(RECENT_HISTORY_LIMIT - 10);
    expect(pages).toEqual([]);
    expect(kept.archive).toBeUndefined();
  });

  it.each([100, 400, 1000])(
    'after %i changes: pages plus the document are exactly the whole history, and the document stays bounded',
    (changes) => {
      const { whole, kept, pages, largestDocument } = run(changes);
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.map((p) => p.number)).toEqual(pages.map((_, i) => i));
      expect(pages.every((p) => p.entries.length === HISTORY_PAGE_SIZE)).toBe(true);
      expect([...pages.flatMap((p) => p.entries), ...planHistory(kept)]).toEqual(planHistory(whole));
      expect(largestDocument).toBeLessThanOrEqual(RECENT_HISTORY_LIMIT);
      // What cards and reports read from the plan is the same as if nothing had moved.
      expect(historyLength(kept)).toBe(planHistory(whole).length);
      expect(statusEntryCount(kept)).toBe(whole.history.length);
      expect(lastChangeByTask(kept)).toEqual(lastChangeByTask(whole));
      expect({ ...kept, history: [], editHistory: [], archive: undefined }).toEqual({
        ...whole,
        history: [],
        editHistory: [],
        archive: undefined,
      });
    },
  );

  it('writes the same page whichever attempt or instance cuts it', () => {
    let plan = run(10).kept;
    let i = 11;
    while (!archiveHistory(change(plan, i)).page) plan = change(plan, i++);
    const next = change(plan, i);
    expect(archiveHistory(next)).toEqual(archiveHistory(structuredClone(next)));
    expect(archiveHistory(next).page?.number).toBe(0);
  });

  it('keeps more recent entries in the document than the history card shows', () => {
    expect(RECENT_HISTORY_LIMIT - HISTORY_PAGE_SIZE).toBeGreaterThanOrEqual(HISTORY_LIMIT);
  });
});
