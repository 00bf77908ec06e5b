/**
 * A message that asks for each or every task together with something every task has ("each task and whether it's
 * open", "every step with its owner") asks for the task list, which shows that per task; the progress summary only
 * counts. The model hears the attribute words ("open", "state", "status") as progress, so the reading is settled
 * after it, and only between those two: the words say nothing against any other command.
 */
import type { IntentScore } from './intentModel';

const EVERY = new Set(['each', 'every']);
const TASK_NOUNS = new Set(['task', 'tasks', 'step', 'steps', 'item', 'items', 'chore', 'chores']);
const ATTRIBUTES = new Set([
  'state',
  'status',
  'open',
  'closed',
  'done',
  'finished',
  'complete',
  'owner',
  'owners',
  'owns',
  'who',
  'assignee',
  'assigned',
  'due',
  'date',
  'dates',
]);
/** "is every task done?" asks a yes or no about progress, not for the list. */
const YES_NO_OPENERS = new Set(['is', 'are', 'has', 'have', 'did', 'do', 'does']);
/** How far after "each" or "every" the task noun may come ("each of the steps", "every single task"). */
const NOUN_REACH = 3;

/** Whether the tokens ask for each task with a per-task attribute after it. One pass over bounded tokens. */
export function asksEachTaskWith(tokens: readonly string[]): boolean {
  if (YES_NO_OPENERS.has(tokens[0] ?? '')) return false;
  let nounAt = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (nounAt < 0 && EVERY.has(tokens[i])) {
      const end = Math.min(tokens.length, i + 1 + NOUN_REACH);
      for (let j = i + 1; j < end; j++)
        if (TASK_NOUNS.has(tokens[j])) {
          nounAt = j;
          break;
        }
    }
    if (nounAt >= 0 && i > nounAt && ATTRIBUTES.has(tokens[i])) return true;
  }
  return false;
}

/**
 * The ranking with the task list first when the model put progress first, or the task list just ahead of progress,
 * and the message asks for each task with an attribute. Any other ranking is returned as it is.
 */
export function taskListFirst(ranked: readonly IntentScore[], tokens: readonly string[]): IntentScore[] {
  const [first, second] = ranked;
  const between = first?.intent === 'status' || (first?.intent === 'tasks' && second?.intent === 'status');
  if (!between || !asksEachTaskWith(tokens)) return [...ranked];
  return [{ ...first, intent: 'tasks' }, ...ranked.filter((entry) => entry.intent !== 'tasks')];
}
