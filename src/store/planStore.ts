/**
 * Plans in their own documents, one per tenant and conversation, changed only through
 * DocumentStore.update (read with eTag → pure transition → conditional write → retry on conflict).
 * BotState is last-writer-wins, so two people clicking at once would lose a change there.
 */
import type { Storage } from 'botbuilder';
import type { DecisionSummary } from '../domain/decision';
import { applyAction as applyPlanAction, type Actor, type HistoryEntry, type Plan, type PlanAction } from '../domain/plan';
import type { TaskId } from '../domain/catalog';
import { DocumentStore, type DocumentStoreOptions } from './documentStore';
import { baseConversationId } from './conversationRegistry';

/** Where a plan lives. A channel thread id is reduced to its channel, so every thread shares one plan. */
export interface PlanLocation {
  readonly tenantId: string;
  readonly conversationId: string;
}

/** A card the bot posted for this plan, so it can be updated in place later. */
export interface CardRef {
  readonly taskId: TaskId | 'summary';
  readonly conversationId: string;
  readonly activityId: string;
  readonly serviceUrl: string;
}

export interface PlanRecord {
  readonly plan: Plan;
  readonly decision?: DecisionSummary;
  readonly conversationId: string;
  readonly tenantId: string;
  readonly cards: readonly CardRef[];
}

export interface ApplyRequest {
  readonly planId: string;
  readonly taskId: string;
  readonly action: PlanAction;
  readonly actor: Actor;
  readonly at: string;
  /** The revision the clicked card showed; only reported back, since transitions are idempotent. */
  readonly expectedRevision?: number;
}

export type ApplyOutcome =
  | { readonly kind: 'changed'; readonly record: PlanRecord; readonly entries: readonly HistoryEntry[]; readonly stale: boolean }
  | { readonly kind: 'unchanged'; readonly record: PlanRecord; readonly by: Actor; readonly at: string; readonly stale: boolean }
  | { readonly kind: 'rejected'; readonly record: PlanRecord; readonly reason: 'unknownTask' | 'notAllowed'; readonly message: string }
  /** No plan in this conversation. */
  | { readonly kind: 'noPlan' }
  /** The card names a plan this conversation does not hold (replaced, forged, or from elsewhere). */
  | { readonly kind: 'otherPlan'; readonly record: PlanRecord }
  /** Contention outlasted the retries; nothing was written. */
  | { readonly kind: 'busy' };

/** Copies kept per task (and for the summary); older ones are no longer updated. */
export const MAX_CARD_COPIES = 3;

type Decided =
  | { kind: 'changed'; entries: readonly HistoryEntry[]; stale: boolean }
  | { kind: 'unchanged'; by: Actor; at: string; stale: boolean }
  | { kind: 'rejected'; reason: 'unknownTask' | 'notAllowed'; message: string }
  | { kind: 'otherPlan' };

export class PlanStore {
  private readonly documents: DocumentStore<PlanRecord>;

  constructor(storage: Storage, options: DocumentStoreOptions = {}) {
    this.documents = new DocumentStore<PlanRecord>(storage, 'plans', options);
  }

  /** Storage key of a location, exposed for tests and diagnostics. */
  key(location: PlanLocation): string {
    return this.documents.key(documentId(location));
  }

  async load(location: PlanLocation): Promise<PlanRecord | undefined> {
    return (await this.documents.read(documentId(location)))?.value;
  }

  /**
   * Without `replace`, an existing plan wins and is returned. Two creates racing for an empty
   * conversation can both write (botbuilder's Storage has no create-if-absent); the later one stays,
   * and cards of the other are then refused as "another plan".
   */
  async create(location: PlanLocation, record: PlanRecord, options: { replace: boolean }): Promise<'created' | { exists: PlanRecord }> {
    const id = documentId(location);
    if (!options.replace) {
      const existing = await this.documents.read(id);
      if (existing) return { exists: existing.value };
    }
    await this.documents.put(id, { ...record, conversationId: baseConversationId(location.conversationId), tenantId: location.tenantId });
    return 'created';
  }

  /** Rejected and unchanged results write nothing; a change is exactly one conditional write. */
  async applyAction(location: PlanLocation, request: ApplyRequest): Promise<ApplyOutcome> {
    const outcome = await this.documents.update<Decided>(documentId(location), (record) => {
      if (record.plan.id !== request.planId) return { next: undefined, result: { kind: 'otherPlan' } };
      const stale = request.expectedRevision !== undefined && request.expectedRevision !== record.plan.revision;
      const result = applyPlanAction(record.plan, request);
      switch (result.kind) {
        case 'changed':
          return { next: { ...record, plan: result.plan }, result: { kind: 'changed', entries: result.entries, stale } };
        case 'unchanged':
          return { next: undefined, result: { kind: 'unchanged', by: result.by, at: result.at, stale } };
        case 'rejected':
          return { next: undefined, result: { kind: 'rejected', reason: result.reason, message: result.message } };
      }
    });
    switch (outcome.kind) {
      case 'missing':
        return { kind: 'noPlan' };
      case 'gaveUp':
        return { kind: 'busy' };
      case 'written':
      case 'unchanged': {
        const record = outcome.value;
        const decided = outcome.result;
        switch (decided.kind) {
          case 'otherPlan':
            return { kind: 'otherPlan', record };
          case 'changed':
            return { kind: 'changed', record, entries: decided.entries, stale: decided.stale };
          case 'unchanged':
            return { kind: 'unchanged', record, by: decided.by, at: decided.at, stale: decided.stale };
          case 'rejected':
            return { kind: 'rejected', record, reason: decided.reason, message: decided.message };
        }
      }
    }
  }

  /**
   * Adds posted cards (ignoring refs without an activity id, which expectReplies turns produce).
   * `replacing` drops the card a fresh post stands in for. Keeps the newest MAX_CARD_COPIES per task.
   */
  async rememberCards(location: PlanLocation, refs: readonly CardRef[], options: { planId?: string; replacing?: string } = {}): Promise<boolean> {
    const usable = refs.filter((ref) => typeof ref.activityId === 'string' && ref.activityId.length > 0);
    if (usable.length === 0 && options.replacing === undefined) return false;
    const outcome = await this.documents.update(documentId(location), (record) => {
      if (options.planId !== undefined && record.plan.id !== options.planId) return { next: undefined, result: false };
      const newIds = new Set(usable.map((ref) => ref.activityId));
      const kept = record.cards.filter((ref) => !newIds.has(ref.activityId) && ref.activityId !== options.replacing);
      return { next: { ...record, cards: capCopies([...kept, ...usable]) }, result: true };
    });
    return outcome.kind === 'written';
  }

  async remove(location: PlanLocation): Promise<void> {
    await this.documents.remove(documentId(location));
  }
}

function documentId(location: PlanLocation): string {
  return `${encodeURIComponent(location.tenantId)}/${encodeURIComponent(baseConversationId(location.conversationId))}`;
}

function capCopies(cards: readonly CardRef[]): CardRef[] {
  const seen = new Map<string, number>();
  const keptNewestFirst: CardRef[] = [];
  for (let i = cards.length - 1; i >= 0; i--) {
    const count = seen.get(cards[i].taskId) ?? 0;
    if (count < MAX_CARD_COPIES) keptNewestFirst.push(cards[i]);
    seen.set(cards[i].taskId, count + 1);
  }
  return keptNewestFirst.reverse();
}
