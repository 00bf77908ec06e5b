/** The wrap-up once every task of a plan is settled: how many were done and skipped, and which were skipped. */
import { numberedTasks, progress, type Plan } from '../domain/plan';
import { toolTitle } from '../domain/toolNames';
import { catalogText, formatWhen, nameOf } from './planText';
import { renderCard, type AdaptiveCardJson } from './render';

export function allDoneCard(plan: Plan): AdaptiveCardJson {
  const counts = progress(plan);
  const last = plan.history[plan.history.length - 1];
  const skipped = numberedTasks(plan).filter((task) => task.status === 'skipped');
  return renderCard('allDone', {
    toolTitle: toolTitle(plan),
    finishedLine: last ? `Last task settled by ${nameOf(last.by)} at ${formatWhen(last.at)}.` : '',
    facts: [
      { title: 'Done', value: String(counts.done) },
      { title: 'Skipped', value: String(counts.skipped) },
      ...(counts.notApplicable > 0 ? [{ title: 'Not applicable', value: String(counts.notApplicable) }] : []),
    ],
    hasSkipped: skipped.length > 0,
    skipped: skipped.map((task) => ({ text: `⏭️ ${task.number}. ${catalogText(task.content.title)}` })),
  });
}
