/**
 * "My tasks": per person, which plans have a task assigned to them and where those plans live, so
 * `my tasks` in personal chat does not have to search every plan (botbuilder's Storage cannot list keys).
 *
 * The plan is the truth and this index is only a pointer to it: whoever reads it checks every entry against
 * the plan it names and drops the ones that no longer hold (plan replaced or removed, task reassigned).
 * A missed index write therefore never shows a wrong task; at worst a task is missing from "my tasks" until
 * its next assignment.
 *
 * Stored as a PagedIndex per person (pages of 64 KB, no cap on how many assignments a person has); the first page
 * is the document earlier versions kept, so their lists carry over as they are. The index keeps a locator per
 * assignment, so adding or removing one reads the same few documents however many the person has.
 *
 * Write cost: an assign is one plan write plus one index write (the new owner's); a reassign or unassign adds
 * one more (the previous owner's). Each index write is an eTag read-modify-write with retries, like the plan.
 * A read of "my tasks" is one read per index page plus one read per distinct plan (two more for a linked one),
 * and at most one index write per page when stale entries were dropped.
 */
import type { Storage } from 'botbuilder';
import type { TaskId } from '../domain/catalog';
import { PagedIndex } from './pagedIndex';
import { baseConversationId } from './conversationRegistry';
import type { PlanLocation } from './planStore';

/** One task assigned to the person, and how to find its plan again. */
export interface MyTaskEntry {
  readonly planId: string;
  readonly taskId: TaskId;
  /** Where the plan is stored (its owner location, never a personal chat that only links to it). */
  readonly location: PlanLocation;
  /** For a team channel: the team, whose membership decides who may change the plan from elsewhere. */
  readonly teamId?: string;
  readonly conversationType?: string;
  /** "Identity Team › Identity rollout", "group chat Rollout crew": what the person recognises. */
  readonly where: string;
  readonly assignedAt: string;
}

/** An id per assignment: one entry per plan and task. */
const idOf = (entry: Pick<MyTaskEntry, 'planId' | 'taskId'>): string => `${entry.planId}|${entry.taskId}`;

export class MyTasksIndex {
  private readonly index: PagedIndex<MyTaskEntry>;

  constructor(storage: Storage) {
    this.index = new PagedIndex<MyTaskEntry>(storage, 'myTasks', { idOf, locate: true });
  }

  /** The storage key of the person's first page (where earlier versions kept the whole list). */
  key(tenantId: string, userId: string): string {
    return this.index.key(documentId(tenantId, userId));
  }

  /** The person's assignments, newest first. */
  async entries(tenantId: string, userId: string): Promise<readonly MyTaskEntry[]> {
    const entries = await this.index.list(documentId(tenantId, userId));
    // Stable: assignments recorded at the same moment keep their page order.
    return entries.sort((a, b) => (a.assignedAt < b.assignedAt ? 1 : a.assignedAt > b.assignedAt ? -1 : 0));
  }

  /** Records (or refreshes) one assignment. */
  async add(tenantId: string, userId: string, entry: MyTaskEntry): Promise<void> {
    const normalized: MyTaskEntry = {
      ...entry,
      location: {
        tenantId: entry.location.tenantId,
        conversationId: baseConversationId(entry.location.conversationId),
      },
    };
    await this.index.upsert(documentId(tenantId, userId), [normalized]).catch((error: unknown) => {
      throw new Error('Could not record the assignment in the task index.', { cause: error });
    });
  }

  /** Forgets assignments; absent ones are fine (the index may already have dropped them). */
  async remove(
    tenantId: string,
    userId: string,
    gone: ReadonlyArray<Pick<MyTaskEntry, 'planId' | 'taskId'>>,
  ): Promise<void> {
    if (gone.length === 0) return;
    await this.index.removeIds(documentId(tenantId, userId), gone.map(idOf)).catch((error: unknown) => {
      throw new Error('The task index stayed busy; an entry was left for the next read to drop.', { cause: error });
    });
  }
}

function documentId(tenantId: string, userId: string): string {
  return `${encodeURIComponent(tenantId.toLowerCase())}/${encodeURIComponent(userId)}`;
}
