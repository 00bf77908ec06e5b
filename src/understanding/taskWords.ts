/**
 * The words that name each task: the corpus's own list for the task (how people say it, "the agent install"),
 * plus what the catalog gives every task for free: its title as the card shows it, which people copy ("done with
 * Check the provisioning agents"). So a track added to the catalog is nameable from its first day, and the corpus
 * adds the shorter, spoken names.
 */
import { TASK_CATALOG, type TaskId } from '../domain/catalog';
import type { Corpus } from './corpus';
import { tokenize } from './textPrep';

export function taskWordsOf(corpus: Corpus): Readonly<Record<TaskId, readonly string[]>> {
  const words = {} as Record<TaskId, string[]>;
  for (const task of TASK_CATALOG) {
    const spoken = corpus.taskNames[task.id] ?? [];
    words[task.id] = [...new Set([...spoken.map((phrase) => phrase.toLowerCase()), ...fromTitle(task.title)])];
  }
  return words;
}

/** The card's title, without a "(preview)"-style note. */
function fromTitle(title: string): string[] {
  return [tokenize(title.toLowerCase().replace(/\([^()]{0,40}\)/g, ' ')).join(' ')];
}
