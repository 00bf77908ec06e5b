/** What understanding needs to know of a plan: its numbered tasks, the next one and the one in progress. */
import { nextTask, numberedTasks, type Plan } from '../domain/plan';
import type { UnderstandingContext } from './understand';

export function planContext(plan: Plan | undefined, now: Date): UnderstandingContext {
  if (!plan) return { now };
  const tasks = numberedTasks(plan);
  const next = nextTask(plan);
  const nextNumber = next ? tasks.find((task) => task.id === next.id)?.number : undefined;
  const inProgress = tasks.find((task) => task.status === 'inProgress');
  return {
    now,
    tasks: tasks.map((task) => ({ number: task.number, id: task.id, title: task.content.title, status: task.status })),
    ...(nextNumber !== undefined ? { nextNumber } : {}),
    ...((inProgress?.number ?? nextNumber) !== undefined ? { currentNumber: inProgress?.number ?? nextNumber } : {}),
  };
}
