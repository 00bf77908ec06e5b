/**
 * A message that asks for each or every task together with something every task has ("each task and whether it's
 * open", "every step with its owner") asks for the task list, which shows that per task; the progress summary only
 * counts. The model hears the attribute words ("open", "state", "status") as progress, so the reading is settled
 * after it, and only between those two: the words say nothing against any other command.
 */
import type { IntentScore } from './intentModel';

/** The words of this check, from the corpus (`eachTask` in nlu/<locale>.json), as sets. */
export interface EachTaskWords {
  /** "each", "every". */
  readonly every: ReadonlySet<string>;
  /** What a task is called ("task", "step", "item"). */
  readonly taskNouns: ReadonlySet<string>;
  /** What every task has ("state", "open", "owner", "due"). */
  readonly attributes: ReadonlySet<string>;
  /** Words that open a yes or no question: "is every task done?" asks about progress, not for the list. */
  readonly yesNoOpeners: ReadonlySet<string>;
}

export function eachTaskWords(lists: Readonly<Record<keyof EachTaskWords, readonly string[]>>): EachTaskWords {
  return {
    every: new Set(lists.every),
    taskNouns: new Set(lists.taskNouns),
    attributes: new Set(lists.attributes),
    yesNoOpeners: new Set(lists.yesNoOpeners),
  };
}

/** How far after "each" or "every" the task noun may come ("each of the steps", "every single task"). */
const NOUN_REACH = 3;

/** Whether the tokens ask for each task with a per-task attribute after it. One pass over bounded tokens. */
export function asksEachTaskWith(tokens: readonly string[], words: EachTaskWords): boolean {
  if (words.yesNoOpeners.has(tokens[0] ?? '')) return false;
  let nounAt = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (nounAt < 0 && words.every.has(tokens[i])) {
      const end = Math.min(tokens.length, i + 1 + NOUN_REACH);
      for (let j = i + 1; j < end; j++)
        if (words.taskNouns.has(tokens[j])) {
          nounAt = j;
          break;
        }
    }
    if (nounAt >= 0 && i > nounAt && words.attributes.has(tokens[i])) return true;
  }
  return false;
}

/**
 * The ranking with the task list first when the model put progress first, or the task list just ahead of progress,
 * and the message asks for each task with an attribute. Any other ranking is returned as it is.
 */
export function taskListFirst(
  ranked: readonly IntentScore[],
  tokens: readonly string[],
  words: EachTaskWords,
): IntentScore[] {
  const [first, second] = ranked;
  const between = first?.intent === 'status' || (first?.intent === 'tasks' && second?.intent === 'status');
  if (!between || !asksEachTaskWith(tokens, words)) return [...ranked];
  return [{ ...first, intent: 'tasks' }, ...ranked.filter((entry) => entry.intent !== 'tasks')];
}
