/**
 * Who may discard, replace or restore a plan. Anyone in a conversation works on its tasks; ending the plan the
 * whole conversation relies on is for the people responsible for it:
 *
 * - in personal chat, the person (the plan is theirs alone);
 * - in a team channel or group chat: the plan's creator, the people who own one of its tasks, and — in a team —
 *   the team's owners;
 * - never a guest, whatever else is true of them (a guest may have created the plan or own a task).
 *
 * Pure: the caller finds out where the person stands (Teams' roster) and passes it in.
 */
import type { Actor, Plan } from './plan';

/** Whether someone belongs to a conversation, as Teams answers when asked now. */
export type MemberLookup =
  | { readonly kind: 'member'; readonly member: Actor }
  | { readonly kind: 'notMember' }
  /** Teams did not answer usefully (outage, throttling, no connector in this turn). */
  | { readonly kind: 'unknown' };

/** A person's role in a team or group chat, as the roster reports it. */
export type MemberRole = 'owner' | 'member' | 'guest';

/** Where the person acting stands in the conversation of the plan. */
export type Standing =
  { readonly kind: 'personal' } | { readonly kind: 'shared'; readonly role: MemberRole; readonly inTeam: boolean };

export type ManageDecision =
  | { readonly allowed: true; readonly as: 'personal' | 'creator' | 'taskOwner' | 'teamOwner' }
  | { readonly allowed: false; readonly reason: 'guest' | 'notResponsible' };

export function mayManagePlan(plan: Plan, actorId: string, standing: Standing): ManageDecision {
  if (standing.kind === 'personal') return { allowed: true, as: 'personal' };
  if (standing.role === 'guest') return { allowed: false, reason: 'guest' };
  if (plan.createdBy.id === actorId) return { allowed: true, as: 'creator' };
  if (plan.tasks.some((task) => task.owner?.id === actorId)) return { allowed: true, as: 'taskOwner' };
  if (standing.inTeam && standing.role === 'owner') return { allowed: true, as: 'teamOwner' };
  return { allowed: false, reason: 'notResponsible' };
}

/** The people a refusal names: the creator, and each task owner once, in task order. */
export function planManagers(plan: Plan): { readonly creator: Actor; readonly taskOwners: readonly Actor[] } {
  const seen = new Set<string>([plan.createdBy.id]);
  const taskOwners: Actor[] = [];
  for (const task of plan.tasks) {
    if (task.owner && !seen.has(task.owner.id)) {
      seen.add(task.owner.id);
      taskOwners.push(task.owner);
    }
  }
  return { creator: plan.createdBy, taskOwners };
}
