/**
 * Which plans have reminders on. botbuilder's Storage cannot list keys, so the scheduler needs one
 * document that names them: entries are added when someone turns reminders on and removed when they
 * are turned off (or the scheduler finds the plan gone or switched off). Every change is an eTag
 * read-modify-write, so two people switching reminders in different conversations at once both land.
 *
 * The entry is only a pointer: the plan record stays the truth about the cadence, and the scheduler
 * re-reads it before sending anything.
 */
import type { Storage } from 'botbuilder';
import { isPlanId } from '../domain/plan';
import { DocumentStore } from './documentStore';
import type { PlanLocation } from './planStore';

export interface ReminderEntry {
  /** Where the plan document lives (a channel, not a thread; the owner when a chat links to a shared plan). */
  readonly location: PlanLocation;
  readonly planId: string;
  /**
   * Where "remind" was said, as a fallback target when the plan has no posted summary to reply under
   * (a plan whose cards only ever came back in expectReplies answers).
   */
  readonly fallback: { readonly conversationId: string; readonly serviceUrl: string };
  readonly since: string;
}

interface IndexDocument {
  readonly entries: readonly ReminderEntry[];
}

/**
 * Bounds the document (Cosmos DB allows 2 MB per item; an entry is about 300 bytes). Past it, turning
 * reminders on is refused with a message rather than silently dropping someone else's reminders.
 */
export const MAX_REMINDER_PLANS = 2000;

/**
 * The longest string an entry may hold (ids, the service URL, the time). Teams' conversation ids and service URLs
 * are well under it; with it, even a full index of the longest entries (about 900 bytes each) stays under 2 MB.
 */
export const MAX_REMINDER_TEXT = 200;

/** What `add` did: recorded the entry, or refused it because the index is full or the entry is malformed. */
export type AddOutcome = 'added' | 'full' | 'invalid';

/** Whether every string of the entry is one this index will store; `add` refuses the others and writes nothing. */
export function isStorableEntry(entry: ReminderEntry): boolean {
  const texts = [entry.location.tenantId, entry.location.conversationId, entry.planId, entry.fallback.conversationId, entry.fallback.serviceUrl, entry.since];
  return isPlanId(entry.planId) && texts.every((text) => typeof text === 'string' && text.length > 0 && text.length <= MAX_REMINDER_TEXT);
}

const INDEX_ID = 'all';

export class ReminderIndex {
  private readonly documents: DocumentStore<IndexDocument>;

  /** `namespace` lets another per-plan schedule (the tenant watch) keep its own pointer document the same way. */
  constructor(storage: Storage, namespace = 'reminderIndex') {
    this.documents = new DocumentStore<IndexDocument>(storage, namespace);
  }

  async list(): Promise<readonly ReminderEntry[]> {
    return (await this.documents.read(INDEX_ID))?.value.entries ?? [];
  }

  /** Adds or refreshes the entry of a plan location. */
  async add(entry: ReminderEntry): Promise<AddOutcome> {
    if (!isStorableEntry(entry)) return 'invalid';
    // Only the known fields: whatever else the caller's object carries is not stored.
    const stored: ReminderEntry = {
      location: { tenantId: entry.location.tenantId, conversationId: entry.location.conversationId },
      planId: entry.planId,
      fallback: { conversationId: entry.fallback.conversationId, serviceUrl: entry.fallback.serviceUrl },
      since: entry.since,
    };
    const same = sameLocation(stored.location);
    const added = await this.change((entries) => {
      const others = entries.filter((known) => !same(known));
      return others.length >= MAX_REMINDER_PLANS ? undefined : [...others, stored];
    });
    return added ? 'added' : 'full';
  }

  /** Removes the entry of a location; with `planId`, only if it still names that plan (a newer plan's entry stays). */
  async remove(location: PlanLocation, planId?: string): Promise<void> {
    const same = sameLocation(location);
    await this.change((entries) => entries.filter((known) => !(same(known) && (planId === undefined || known.planId === planId))));
  }

  /**
   * The first write has no create-if-absent in botbuilder's Storage: a create is read back and, when another
   * writer's create won, redone as an update of theirs (the same pattern as the team index).
   */
  private async change(apply: (entries: readonly ReminderEntry[]) => ReminderEntry[] | undefined): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await this.documents.update(INDEX_ID, (current) => {
        const next = apply(current.entries);
        if (next === undefined) return { next: undefined, result: false };
        return { next: next.length === current.entries.length && next.every((e, i) => e === current.entries[i]) ? undefined : { entries: next }, result: true };
      });
      if (outcome.kind === 'written' || outcome.kind === 'unchanged') return outcome.result;
      if (outcome.kind === 'gaveUp') throw new Error('The reminder index stayed busy; try again in a moment.');
      const created = apply([]);
      if (created === undefined) return false;
      await this.documents.put(INDEX_ID, { entries: created });
      const check = await this.documents.read(INDEX_ID);
      if (check && JSON.stringify(check.value.entries) === JSON.stringify(created)) return true;
    }
    return false;
  }
}

function sameLocation(location: PlanLocation): (entry: ReminderEntry) => boolean {
  return (entry) => entry.location.tenantId === location.tenantId && entry.location.conversationId === location.conversationId;
}
