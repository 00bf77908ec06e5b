/**
 * The small answers about a plan that are not a plan card: the notice above a card after a click, and the
 * "no plan here", "not this plan" and "no such task" cards.
 */
import { numberedTasks, type ActionRefusal, type Actor, type Plan, type TaskStatus } from '../domain/plan';
import { taskContent } from '../domain/taskCatalog';
import { errorCard } from './errorCard';
import { catalogText, formatWhen, nameOf, STATUS } from './planText';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';

/** A notice shown above the card body: why the card looks the way it does after a click. */
export interface CardNotice {
  text: string;
  tone: 'info' | 'warning';
}

/** "Already marked done by Ana at 10:42 UTC, 26 Nov" for a repeated or stale click. */
export function alreadyNotice(status: TaskStatus, by: Actor, at: string): CardNotice {
  return {
    text: `Already ${STATUS[status].changed.toLowerCase()} by ${nameOf(by)} at ${formatWhen(at)}. Nothing changed.`,
    tone: 'info',
  };
}

/**
 * Why a button changed nothing, in words. The refusal may name whoever settled the task: that name is escaped
 * here, and only here, so no caller has to remember to.
 */
export function refusalNotice(refusal: ActionRefusal): CardNotice {
  return { text: refusalText(refusal), tone: 'warning' };
}

function refusalText(refusal: ActionRefusal): string {
  switch (refusal.kind) {
    case 'unknownTask':
      return 'That task is not part of this plan.';
    case 'unknownAction':
      return `Unknown action "${escapeMarkdown(refusal.action)}".`;
    case 'toolChosen':
      return 'The sync tool was chosen when this plan was created. To choose again, start over.';
    case 'notSwitchable':
      return 'Only the Connect Sync install tasks and the two ways to move to Cloud Sync can be switched.';
    case 'blocked': {
      const title = `"${catalogText(taskContent(refusal.taskId)?.title ?? refusal.taskId)}"`;
      const who = refusal.by ? ` by ${nameOf(refusal.by)}` : '';
      switch (refusal.status) {
        case 'done':
          return refusal.action === 'switchInstallType'
            ? `${title} is already done${who}. Reopen it before switching the install type.`
            : `${title} was marked done${who}. Reopen it first to change it.`;
        case 'skipped':
          return `${title} was skipped${who}. Reopen it first to work on it.`;
        case 'notApplicable':
          return `${title} does not apply to the install type this plan uses. Switch the install type to use it.`;
        default:
          return `${title} cannot be changed that way right now.`;
      }
    }
  }
}

export function noPlanCard(): AdaptiveCardJson {
  return renderCard('noPlan', {
    title: 'No plan here yet',
    message:
      'This conversation has no deployment plan. Say **start** to answer a few questions, pick a sync tool and get one.',
  });
}

/**
 * A button on a card of a plan this conversation no longer has (replaced or discarded): the one answer for every
 * such click. `nothingChanged` says so when the button would have changed something; `next` points at the current
 * plan's own card of that kind.
 */
export function notThisPlanCard(
  options: { readonly nothingChanged?: boolean; readonly next?: string } = {},
): AdaptiveCardJson {
  const unchanged = options.nothingChanged ? ', so nothing changed' : '';
  return errorCard(
    `This card belongs to a plan that is not the current plan of this conversation${unchanged}. ${options.next ?? 'Say "status" for the current plan.'}`,
    'Not this plan',
  );
}

/** A typed command ("done 12", "due 12 …") named a number the plan's task list does not have. */
export function noSuchTaskCard(plan: Plan, number: number): AdaptiveCardJson {
  const count = numberedTasks(plan).length;
  return errorCard(
    `This plan has tasks 1 to ${count}, so there is no task ${number}. Say "tasks" to see them with their numbers.`,
  );
}
