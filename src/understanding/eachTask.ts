/**
 * A message that asks for each or every task together with something every task has ("each task and whether it's
 * open", "every step with its owner") asks for the task list, which shows that per task; the progress summary only
 * counts. The model hears the attribute words ("open", "state", "status", "finished", "owns") as progress, the report
 * or an owner change, so the reading is settled after it.
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
 * The ranking with the task list first when the message asks for each task with an attribute and the model put
 * progress first, or another reading that accounts for no more of its words than the task list does. That reading is
 * often a neighbour the attribute words speak for too (progress for "open", the report for "finished", an owner change
 * for "owns"), and for long messages the network can rank nothing at all. Only a reading `replaceable` allows is put
 * second: a change or a setting the message asks for stays first; in place of no command it scores `offerScore` at
 * most. Any other ranking is returned as it is.
 */
export function taskListFirst(
  ranked: readonly IntentScore[],
  tokens: readonly string[],
  words: EachTaskWords,
  learnt: ReadonlyMap<string, number>,
  replaceable: (intent: IntentScore['intent']) => boolean,
  offerScore: number,
): IntentScore[] {
  const [first] = ranked;
  if (first === undefined || first.intent === 'tasks' || !replaceable(first.intent)) return [...ranked];
  const tasksWords = learnt.get('tasks') ?? 0;
  if (first.intent !== 'status' && tasksWords < (first.intent === 'None' ? 1 : (learnt.get(first.intent) ?? 0)))
    return [...ranked];
  if (!asksEachTaskWith(tokens, words)) return [...ranked];
  // Where the model read no command at all, the list is offered rather than shown: nothing it learnt chose it.
  const score = first.intent === 'None' ? Math.min(first.score, offerScore) : first.score;
  return [{ intent: 'tasks', score }, ...ranked.filter((entry) => entry.intent !== 'tasks')];
}
