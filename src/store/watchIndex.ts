/**
 * Which plans have the tenant watch on. The watch looks at every one of them on every check (each is "due" every
 * time), so unlike reminders it needs the whole list, and its cost follows the number of watched plans by nature.
 * The list is a PagedIndex (pages of 64 KB, no cap); its first page is the `watchIndex/all` document earlier
 * versions kept, so those pointers carry over as they are. A locator per plan location lets adding or removing one
 * read the same few documents however many plans are watched.
 */
import type { Storage } from 'botbuilder';
import { PagedIndex } from './pagedIndex';
import type { PlanLocation } from './planStore';
import { isStorableEntry, locationId, storedEntry, type ReminderEntry } from './reminderIndex';

const SCOPE = 'all';

export class WatchIndex {
  private readonly index: PagedIndex<ReminderEntry>;

  constructor(storage: Storage) {
    this.index = new PagedIndex<ReminderEntry>(storage, 'watchIndex', {
      idOf: (entry) => locationId(entry.location),
      locate: true,
    });
  }

  async list(): Promise<readonly ReminderEntry[]> {
    return this.index.list(SCOPE);
  }

  /** Adds or refreshes the pointer of a plan location; 'invalid' (nothing written) for an entry it will not store. */
  async add(entry: ReminderEntry): Promise<'added' | 'invalid'> {
    if (!isStorableEntry(entry)) return 'invalid';
    await this.index.upsert(SCOPE, [storedEntry(entry)]);
    return 'added';
  }

  /** Removes the pointer of a location; with `planId`, only if it still names that plan (a newer plan's stays). */
  async remove(location: PlanLocation, planId?: string): Promise<void> {
    await this.index.removeIds(
      SCOPE,
      [locationId(location)],
      (entry) => planId === undefined || entry.planId === planId,
    );
  }
}
