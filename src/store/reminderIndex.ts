/**
 * When each plan with reminders on is next due: a queue of pointers in 168 hourly slots, one per hour of the week
 * (a ring: the slot of an hour is its number since the epoch modulo 168). A pointer sits in the slot of the hour it
 * is next due in; a scheduler check reads only the slots from the queue's cursor up to the current hour, so its cost
 * follows the plans due, not every plan with reminders. After a check looks at a plan, the pointer moves to the slot
 * of the plan's next period (or is dropped when the plan is gone or its reminders are off).
 *
 * Every slot is a PagedIndex (pages of 64 KB, no cap), so no document grows without bound: 100,000 plans due in the
 * same hour are about 600 pages, each read once when they are due. Digests open at one configured hour, so slots fill
 * unevenly; that is the price of reading nothing in the other 167 hours. Adding a pointer appends it to its slot's
 * chain (PagedIndex.append), so it reads a few pages however full the slot is; removing the pointers a check moved on
 * points later appends back at the room they left, so a slot refilled every week does not keep growing.
 *
 * The cursor (`reminderQueue/cursor`) says which hours are drained: every pointer due before it was handled. It only
 * moves forward, and only after a check handled everything due before the current hour, so an instance that dies
 * mid-check leaves the pointers where they were for the next check (on any instance) to find.
 *
 * The pointer is only a pointer: the plan record stays the truth about the cadence and what was sent, and the
 * scheduler re-reads it before sending anything. A stray pointer costs one plan read; a missing one would stop the
 * plan's digests, which is why a pointer is always written at its new slot before it is removed from the old one.
 *
 * Earlier versions kept every pointer in one document (`reminderIndex/all`, capped at 2,000 plans);
 * `migrateSingleDocument` moves its entries into the queue, due at once, the first time a scheduler checks.
 */
import type { Storage } from 'botbuilder';
import { isPlanId } from '../domain/plan';
import { DocumentStore } from './documentStore';
import { PagedIndex } from './pagedIndex';
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

/** A pointer in the queue: the entry and when its plan is next due (ISO time). */
export interface QueuedReminder extends ReminderEntry {
  readonly dueAt: string;
}

/** A pointer found due, and the slot it was found in (where it has to be removed from). */
export interface DueReminder {
  readonly entry: QueuedReminder;
  readonly slot: number;
}

/**
 * The longest string an entry may hold (ids, the service URL, the time). Teams' conversation ids and service URLs
 * are well under it; with it, an entry stays under about 1.2 KB, so a 64 KB page holds at least 50 of them.
 */
export const MAX_REMINDER_TEXT = 200;

/** One slot per hour of the week. */
export const QUEUE_SLOTS = 168;
export const HOUR_MS = 3_600_000;

/** Whether every string of the entry is one this index will store; `add` refuses the others and writes nothing. */
export function isStorableEntry(entry: ReminderEntry): boolean {
  const texts = [
    entry.location.tenantId,
    entry.location.conversationId,
    entry.planId,
    entry.fallback.conversationId,
    entry.fallback.serviceUrl,
    entry.since,
  ];
  return (
    isPlanId(entry.planId) &&
    texts.every((text) => typeof text === 'string' && text.length > 0 && text.length <= MAX_REMINDER_TEXT)
  );
}

/** Only the known fields: whatever else the caller's object carries is not stored. */
export function storedEntry(entry: ReminderEntry): ReminderEntry {
  return {
    location: { tenantId: entry.location.tenantId, conversationId: entry.location.conversationId },
    planId: entry.planId,
    fallback: { conversationId: entry.fallback.conversationId, serviceUrl: entry.fallback.serviceUrl },
    since: entry.since,
  };
}

/** One pointer per plan document: the location identifies it. */
export function locationId(location: PlanLocation): string {
  return JSON.stringify([location.tenantId, location.conversationId]);
}

/** A pointer as found: its plan location and due time (a plan may have copies with other times). */
function pointerId(entry: QueuedReminder): string {
  return JSON.stringify([entry.location.tenantId, entry.location.conversationId, entry.dueAt]);
}

/** The slot an hour (hours since the epoch) belongs to. */
export function slotOfHour(hour: number): number {
  return ((hour % QUEUE_SLOTS) + QUEUE_SLOTS) % QUEUE_SLOTS;
}

const hourOf = (ms: number) => Math.floor(ms / HOUR_MS);
const slotScope = (slot: number) => `slot-${slot}`;
const LEGACY_KEY = 'reminderIndex/all';
const CURSOR_ID = 'cursor';

interface Cursor {
  /** Hours since the epoch: every pointer due before this hour has been handled. */
  readonly through: number;
}

export class ReminderIndex {
  private readonly slots: PagedIndex<QueuedReminder>;
  private readonly cursors: DocumentStore<Cursor>;

  constructor(private readonly storage: Storage) {
    this.slots = new PagedIndex<QueuedReminder>(storage, 'reminderQueue', {
      idOf: (entry) => locationId(entry.location),
    });
    this.cursors = new DocumentStore<Cursor>(storage, 'reminderQueue');
  }

  /** The storage key of page `n` of a slot, for tests and the bench. */
  slotKey(slot: number, n = 0): string {
    return this.slots.key(slotScope(slot), n);
  }

  /**
   * Puts the plan's pointer in the slot of `dueAt` (or of `now` when that is earlier: the past is drained).
   * 'invalid': an entry this index will not store; nothing was written.
   */
  async add(entry: ReminderEntry, dueAt: Date, now: Date): Promise<'added' | 'invalid'> {
    if (!isStorableEntry(entry)) return 'invalid';
    await this.addMany([{ ...storedEntry(entry), dueAt: dueAt.toISOString() }], now);
    return 'added';
  }

  /**
   * Several pointers, each where `add` would put it. Appended at the end of their slot's chain, so the reads do not
   * grow with the slot: the slot of Monday 09:00 holds every weekly plan. An older pointer of the same plan may stay
   * in the slot; the scheduler looks at a plan once however many pointers it finds, and removes them all.
   */
  async addMany(entries: readonly QueuedReminder[], now: Date): Promise<void> {
    for (const [slot, queued] of this.bySlot(entries, now)) await this.slots.append(slotScope(slot), queued);
  }

  private bySlot(entries: readonly QueuedReminder[], now: Date): Map<number, QueuedReminder[]> {
    const bySlot = new Map<number, QueuedReminder[]>();
    for (const entry of entries) {
      const slot = this.slotFor(entry.dueAt, now);
      const queued = bySlot.get(slot) ?? [];
      queued.push({ ...storedEntry(entry), dueAt: entry.dueAt });
      bySlot.set(slot, queued);
    }
    return bySlot;
  }

  /** The slot `addMany` would put a pointer due at `dueAt` in, at `now`. */
  slotFor(dueAt: string, now: Date): number {
    return slotOfHour(hourOf(Math.max(Date.parse(dueAt), now.getTime())));
  }

  /**
   * The pointers due at `now`: those in the slots from the cursor's hour to the current one (at most a week of slots)
   * whose time has come. Reads the cursor and each of those slots' pages; nothing else.
   */
  async due(now: Date): Promise<{
    readonly due: DueReminder[];
    readonly nowHour: number;
    readonly slotsRead: number;
    readonly through?: number;
  }> {
    const nowHour = hourOf(now.getTime());
    const oldest = nowHour - QUEUE_SLOTS + 1;
    const through = (await this.cursors.read(CURSOR_ID))?.value.through;
    // Never past the current hour: a cursor written by an instance whose clock runs ahead must not hide this hour.
    const from =
      through === undefined || !Number.isFinite(through) ? oldest : Math.min(Math.max(through, oldest), nowHour);
    const due: DueReminder[] = [];
    for (let hour = from; hour <= nowHour; hour++) {
      const slot = slotOfHour(hour);
      // Every copy, not one per plan: the scheduler removes all of a plan's pointers it looked at.
      for (const page of await this.slots.pages(slotScope(slot))) {
        for (const entry of page.entries) if (Date.parse(entry.dueAt) <= now.getTime()) due.push({ entry, slot });
      }
    }
    return {
      due,
      nowHour,
      slotsRead: nowHour - from + 1,
      ...(through !== undefined && Number.isFinite(through) ? { through } : {}),
    };
  }

  /** Removes these pointers from `slot`, each only while it still has the due time it was found with. */
  async removeFrom(slot: number, entries: readonly QueuedReminder[]): Promise<void> {
    const found = new Set(entries.map(pointerId));
    if (found.size === 0) return;
    await this.slots.remove(slotScope(slot), (entry) => found.has(pointerId(entry)));
  }

  /** Marks every hour before `hour` as drained. Only forward: a slower instance never moves it back. */
  async advance(hour: number): Promise<void> {
    const outcome = await this.cursors.update(CURSOR_ID, (current) =>
      current.through >= hour ? { next: undefined, result: undefined } : { next: { through: hour }, result: undefined },
    );
    // The first cursor: a creator racing another can only set an earlier hour, which costs a re-read of drained slots.
    if (outcome.kind === 'missing') await this.cursors.put(CURSOR_ID, { through: hour });
  }

  /** Every pointer of a plan location, in any slot. Reads all 168 slots: for tests and diagnostics, never a check. */
  async scheduled(location: PlanLocation): Promise<QueuedReminder[]> {
    const id = locationId(location);
    const found: QueuedReminder[] = [];
    for (let slot = 0; slot < QUEUE_SLOTS; slot++) {
      for (const entry of await this.slots.list(slotScope(slot)))
        if (locationId(entry.location) === id) found.push(entry);
    }
    return found;
  }

  /**
   * Moves the pointers of the single `reminderIndex/all` document of earlier versions into the queue, due at once
   * (the next check reads each plan and moves it on to its real next period), then deletes that document. Run again
   * after a crash in between, it writes the same pointers again: nothing is lost or doubled.
   */
  async migrateSingleDocument(now: Date): Promise<number> {
    const legacy = (await this.storage.read([LEGACY_KEY]))[LEGACY_KEY] as { entries?: unknown } | undefined;
    if (!legacy) return 0;
    const entries = (Array.isArray(legacy.entries) ? (legacy.entries as ReminderEntry[]) : []).filter((entry) =>
      isMigratable(entry),
    );
    // A one-off: looking for each pointer first (upsert) keeps a rerun from adding copies.
    const queued = entries.map((entry) => ({ ...storedEntry(entry), dueAt: now.toISOString() }));
    for (const [slot, inSlot] of this.bySlot(queued, now)) await this.slots.upsert(slotScope(slot), inSlot);
    await this.storage.delete([LEGACY_KEY]);
    return entries.length;
  }
}

/** Old entries were checked by `isStorableEntry` when written; one that fails it now (hand-edited) is left behind. */
function isMigratable(entry: unknown): entry is ReminderEntry {
  const candidate = entry as ReminderEntry | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.location === 'object' &&
    candidate.location !== null &&
    typeof candidate.fallback === 'object' &&
    candidate.fallback !== null &&
    isStorableEntry(candidate)
  );
}
