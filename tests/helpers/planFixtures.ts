/** The people, the start time and the plan the domain tests begin from. */
import { createPlan, type Actor, type Plan, type PlanSelection } from '../../src/domain/plan';

export const alice: Actor = { id: 'aad-alice', name: 'Alice Admin' };
export const bob: Actor = { id: 'aad-bob', name: 'Bob Builder' };
export const carol: Actor = { id: 'aad-carol', name: 'Carol Ops' };

/** When Alice created the plan. */
export const T0 = '2026-11-26T09:00:00.000Z';

/** A fresh plan ('plan-1') Alice created at T0; Cloud Sync unless told otherwise. */
export function newPlan(selection: PlanSelection = { tool: 'cloudSync' }): Plan {
  return createPlan({ id: 'plan-1', selection, createdBy: alice, at: T0 });
}

/** The plan after a change the test needs to have happened; anything else fails the test with the result. */
export function changedPlan(result: { kind: string; plan?: Plan }): Plan {
  if (result.kind !== 'changed' || !result.plan) throw new Error(`not changed: ${JSON.stringify(result)}`);
  return result.plan;
}
