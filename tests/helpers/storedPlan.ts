import { MemoryStorage } from 'botbuilder';
import type { Plan } from '../../src/domain/plan';
import { PlanStore, type CardRef, type PlanLocation } from '../../src/store/planStore';

/** Stores `plan` as the plan of the conversation at `location`, with the posted cards given (none by default). */
export async function storePlan(
  planStore: PlanStore,
  location: PlanLocation,
  plan: Plan,
  cards: readonly CardRef[] = [],
): Promise<void> {
  const created = await planStore.create(
    location,
    { plan, conversationId: location.conversationId, tenantId: location.tenantId, cards },
    { replace: false },
  );
  if (created !== 'created') throw new Error(`the test plan could not be stored: ${String(created)}`);
}

/** The plan's summary card, posted in the conversation at `location` as activity `activityId`. */
export function summaryCardIn(location: PlanLocation, activityId = 'sum-1'): CardRef {
  return {
    taskId: 'summary',
    activityId,
    conversationId: location.conversationId,
    serviceUrl: 'https://smba.example/',
  };
}

/** A PlanStore over fresh memory that already holds `plan` as the plan of the conversation at `location`. */
export async function planStoreWith(
  location: PlanLocation,
  plan: Plan,
): Promise<{ storage: MemoryStorage; planStore: PlanStore }> {
  const storage = new MemoryStorage();
  const planStore = new PlanStore(storage);
  await storePlan(planStore, location, plan);
  return { storage, planStore };
}
