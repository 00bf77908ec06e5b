/**
 * Which changes deserve a note in the plan's thread, and the note's words. Only milestones: a task
 * marked done, and the plan finished. Starting, skipping or reopening a task shows on its card and in
 * the history, and a note for every click would bury the thread's conversation.
 */
import { taskContent } from '../domain/taskCatalog';
import { isFinished, taskNumber, type HistoryEntry, type Plan } from '../domain/plan';
import { nameOf } from '../cards/planText';

export interface MilestoneNote {
  /** Stable per change, so a retried or repeated fan-out never posts the same note twice. */
  readonly key: string;
  /** Teams Markdown; people's names are escaped. */
  readonly text: string;
}

export function milestoneNotes(plan: Plan, entries: readonly HistoryEntry[]): MilestoneNote[] {
  const notes: MilestoneNote[] = [];
  for (const entry of entries) {
    if (entry.to !== 'done' || entry.from === 'done') continue;
    const number = taskNumber(plan, entry.task);
    const title = taskContent(entry.task)?.title ?? entry.task;
    notes.push({
      key: `note:${plan.id}:${entry.task}:done:${entry.at}`,
      text: `✅ ${nameOf(entry.by)} marked **${number !== undefined ? `${number}. ` : ''}${title}** as done.`,
    });
  }
  // Finished by this change: something moved out of an open status and nothing open is left.
  const closedSomething = entries.some(
    (entry) =>
      (entry.from === 'todo' || entry.from === 'inProgress') && entry.to !== 'todo' && entry.to !== 'inProgress',
  );
  if (closedSomething && isFinished(plan)) {
    notes.push({
      key: `note:${plan.id}:finished:${plan.revision}`,
      text: '🎉 Every task of this deployment plan is done or skipped: the plan is finished. Say **history** to see who did what.',
    });
  }
  return notes;
}
