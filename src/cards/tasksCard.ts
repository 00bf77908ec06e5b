/** Every task of a plan with its number and status, by track, the next one highlighted. */
import { nextTask, numberedTasks, type Plan } from '../domain/plan';
import { TRACK_LABELS, toolTitle } from '../domain/toolNames';
import { taskRow, trackOrder } from './planText';
import { renderCard, type AdaptiveCardJson } from './render';

export function tasksCard(plan: Plan): AdaptiveCardJson {
  const next = nextTask(plan);
  const numbered = numberedTasks(plan);
  return renderCard('tasks', {
    planId: plan.id,
    revision: plan.revision,
    toolTitle: toolTitle(plan),
    tracks: trackOrder(plan).map((track) => ({
      label: TRACK_LABELS[track],
      tasks: numbered
        .filter((task) => task.track === track)
        .map((task) => ({ ...taskRow(task, task.id === next?.id), taskId: task.id })),
    })),
    multiTrack: trackOrder(plan).length > 1,
  });
}
