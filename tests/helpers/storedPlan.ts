import { MemoryStorage } from 'botbuilder';
import type { Plan } from '../../src/domain/plan';
import { PlanStore, type PlanLocation } from '../../src/store/planStore';

/** A PlanStore over fresh memory that already holds `plan` as the plan of the conversation at `location`. */
export async function planStoreWith(
  location: PlanLocation,
  plan: Plan,
): Promise<{ storage: MemoryStorage; planStore: PlanStore }> {
  const storage = new MemoryStorage();
  const planStore = new PlanStore(storage);
  const created = await planStore.create(
    location,
    { plan, conversationId: location.conversationId, tenantId: location.tenantId, cards: [] },
    { replace: false },
  );
  if (created !== 'created') throw new Error(`the test plan could not be stored: ${String(created)}`);
  return { storage, planStore };
}
