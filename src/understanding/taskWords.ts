/**
 * The words that name each task: the corpus's own list for the task (how people say it, "the agent install"),
 * plus what the catalog gives every task for free: its title as the card shows it, which people copy ("done with
 * Check the provisioning agents"). So a track added to the catalog is nameable from its first day, and the corpus
 * adds the shorter, spoken names.
 */
import type { TaskId } from '../domain/catalog';
import { TASK_CATALOG } from '../domain/taskCatalog';
import type { Corpus } from './corpus';
import { tokenize } from './textPrep';

export function taskWordsOf(corpus: Corpus): Readonly<Record<TaskId, readonly string[]>> {
  const words = {} as Record<TaskId, string[]>;
  for (const task of TASK_CATALOG) {
    const spoken = corpus.taskNames[task.id] ?? [];
    words[task.id] = [
      ...new Set([...spoken, ...fromTitle(task.title)].map(withoutArticle).filter((phrase) => phrase !== '')),
    ];
  }
  return words;
}

/**
 * "the agent" names the task as "agent" does; kept, the article would claim the word before a longer name ("the agent
 * install" read as "the agent" + "install"), since phrases are matched from the left.
 */
function withoutArticle(phrase: string): string {
  return tokenize(phrase.toLowerCase())
    .filter((token, i) => i > 0 || !ARTICLES.has(token))
    .join(' ');
}

const ARTICLES = new Set(['the', 'a', 'an']);

/** The card's title, without a "(preview)"-style note. */
function fromTitle(title: string): string[] {
  return [tokenize(title.toLowerCase().replace(/\([^()]{0,40}\)/g, ' ')).join(' ')];
}
