/**
 * The gate in front of everything that ends or swaps a conversation's plan (start over, replacing it with a new
 * one, restoring a kept one): the rule is the domain's (planRoles.ts), the person's role comes from Teams' roster,
 * and a refusal is a card that says who can do it. When Teams cannot say who the person is, the answer is no.
 */
import type { TurnContext } from 'botbuilder';
import { errorCard } from '../cards/errorCard';
import { nameOf } from '../cards/planText';
import type { AdaptiveCardJson } from '../cards/render';
import type { Plan } from '../domain/plan';
import { mayManagePlan, planManagers } from '../domain/planRoles';
import { lookupStanding } from './membership';
import { actorOf } from './turn';

/** What the person wants to do with the plan, for the wording of a refusal. */
export type PlanChange = 'discard' | 'replace' | 'restore';

export type PlanPermission =
  { readonly kind: 'allowed' } | { readonly kind: 'refused'; readonly card: AdaptiveCardJson };

const NAMED_OWNERS = 3;

/** Whether the person acting in this turn may `change` `plan`, the plan of this conversation (or the one coming back). */
export async function checkPlanPermission(
  context: TurnContext,
  plan: Plan,
  change: PlanChange,
): Promise<PlanPermission> {
  const lookup = await lookupStanding(context);
  const type = context.activity.conversation?.conversationType;
  // A channel's roster is its team's; its plan is the channel's.
  const roster = type === 'channel' ? 'team' : type === 'groupChat' ? 'group chat' : 'chat';
  const place = type === 'channel' ? 'channel' : roster;
  if (lookup.kind === 'unknown') {
    return refused(
      `I could not check with Teams who you are in this ${roster}, so I left the plan as it is. Please try again in a moment.`,
    );
  }
  if (lookup.kind === 'notMember') {
    return refused(`Teams does not list you as a member of this ${roster}, so I left the plan as it is.`);
  }
  const me = actorOf(context).id;
  const decision = mayManagePlan(plan, me, lookup.standing);
  if (decision.allowed) return { kind: 'allowed' };
  const who = whoMay(plan, type === 'channel', me);
  if (decision.reason === 'guest') {
    return refused(
      `Guests can work on this plan's tasks, but cannot ${change} the plan itself. ${capitalized(who)} can; please ask one of them.`,
    );
  }
  return refused(
    `Only ${who} can ${change} the plan of this ${place}, and never guests. Nothing changed; please ask one of them.`,
  );
}

/** "Ana Admin (who created it), the people who own its tasks (Ben Builder, Cy and 2 more) and the team's owners". */
function whoMay(plan: Plan, inTeam: boolean, askingId: string): string {
  const managers = planManagers(plan);
  const creator = managers.creator;
  // The person asking is never named to themself (a guest may own a task).
  const taskOwners = managers.taskOwners.filter((owner) => owner.id !== askingId);
  const parts = [`${nameOf(creator)} (who created it)`];
  if (taskOwners.length > 0) {
    const named = taskOwners.slice(0, NAMED_OWNERS).map(nameOf);
    const more = taskOwners.length - named.length;
    parts.push(`the people who own its tasks (${named.join(', ')}${more > 0 ? ` and ${more} more` : ''})`);
  }
  if (inTeam) parts.push("the team's owners");
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function refused(message: string): PlanPermission {
  return { kind: 'refused', card: errorCard(message, 'Not something you can do here') };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
