/**
 * The cards for a change that never reached a task: no plan here, a card of another plan, a task the plan does
 * not have, or contention that outlasted the retries. Status buttons, owner and due date changes all answer with
 * the same words, so they are written once.
 */
import { errorCard } from '../cards/errorCard';
import { notThisPlanCard } from '../cards/planNotices';
import type { AdaptiveCardJson } from '../cards/render';

export type Unapplied = 'noPlan' | 'otherPlan' | 'unknownTask' | 'busy';

/** `retryHint` ends the "busy" answer: a typed command is tried again, a button pressed again. */
export function unappliedCard(kind: Unapplied, retryHint = 'please try again'): AdaptiveCardJson {
  switch (kind) {
    case 'noPlan':
      return errorCard(
        'There is no plan in this conversation any more, so nothing changed. Say "start" to create one.',
      );
    case 'otherPlan':
      return notThisPlanCard({ nothingChanged: true });
    case 'unknownTask':
      return errorCard('That task is not part of this plan. Say "tasks" to see the current list.');
    case 'busy':
      return errorCard(
        `Many changes arrived at the same moment and yours could not be saved. Nothing changed; ${retryHint}.`,
      );
  }
}
