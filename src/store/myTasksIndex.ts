/**
 * "My tasks": per person, which plans have a task assigned to them and where those plans live, so
 * `my tasks` in personal chat does not have to search every plan (botbuilder's Storage cannot list keys).
 *
 * The plan is the truth and this index is only a pointer to it: whoever reads it checks every entry against
 * the plan it names and drops the ones that no longer hold (plan replaced or removed, task reassigned).
 * A missed index write therefore never shows a wrong task; at worst a task is missing from "my tasks" until
 * its next assignment.
 *
 * Write cost: an assign is one plan write plus one index write (the new owner's); a reassign or unassign adds
 * one more (the previous owner's). Each index write is an eTag read-modify-write with retries, like the plan.
 * A read of "my tasks" is one index read plus one read per distinct plan (two more for a linked one), and at
 * most one index write when stale entries were dropped.
 */
import type { Storage } from 'botbuilder';
import type { TaskId } from '../domain/catalog';
import { DocumentStore } from './documentStore';
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

interface MyTasksDocument {
  readonly entries: readonly MyTaskEntry[];
}

/** A person with more open assignments than this has a bigger problem than this list; it stays bounded. */
export const MAX_MY_TASK_ENTRIES = 200;

export class MyTasksIndex {
  private readonly documents: DocumentStore<MyTasksDocument>;

  constructor(storage: Storage) {
    this.documents = new DocumentStore<MyTasksDocument>(storage, 'myTasks');
  }

  key(tenantId: string, userId: string): string {
    return this.documents.key(documentId(tenantId, userId));
  }

  async entries(tenantId: string, userId: string): Promise<readonly MyTaskEntry[]> {
    return (await this.documents.read(documentId(tenantId, userId)))?.value.entries ?? [];
  }

  /** Records (or refreshes) one assignment; the newest first. */
  async add(tenantId: string, userId: string, entry: MyTaskEntry): Promise<void> {
    const normalized: MyTaskEntry = { ...entry, location: { tenantId: entry.location.tenantId, conversationId: baseConversationId(entry.location.conversationId) } };
    await this.change(tenantId, userId, (entries) => [normalized, ...entries.filter((e) => !sameTask(e, normalized))].slice(0, MAX_MY_TASK_ENTRIES), (entries) =>
      entries.some((e) => sameTask(e, normalized)),
    );
  }

  /** Forgets assignments; absent ones are fine (the index may already have dropped them). */
  async remove(tenantId: string, userId: string, gone: ReadonlyArray<Pick<MyTaskEntry, 'planId' | 'taskId'>>): Promise<void> {
    if (gone.length === 0) return;
    const isGone = (entry: MyTaskEntry) => gone.some((g) => sameTask(g, entry));
    const outcome = await this.documents.update(documentId(tenantId, userId), (current) =>
      current.entries.some(isGone) ? { next: { entries: current.entries.filter((e) => !isGone(e)) }, result: undefined } : { next: undefined, result: undefined },
    );
    if (outcome.kind === 'gaveUp') throw new Error('The task index stayed busy; an entry was left for the next read to drop.');
  }

  /**
   * An eTag update of the document, or its creation. Storage has no create-if-absent, so a creation is read
   * back: if a concurrent creation replaced it, the change is applied again as an update on top of theirs.
   * One window stays open: a creation read back before a second creation lands is overwritten by it. That
   * needs two first-ever assignments of one person within a few milliseconds, and costs only a missing
   * "my tasks" entry (never a wrong one), repaired at the person's next assignment.
   */
  private async change(
    tenantId: string,
    userId: string,
    apply: (entries: readonly MyTaskEntry[]) => MyTaskEntry[],
    applied: (entries: readonly MyTaskEntry[]) => boolean,
  ): Promise<void> {
    const id = documentId(tenantId, userId);
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await this.documents.update(id, (current) => ({ next: { entries: apply(current.entries) }, result: undefined }));
      if (outcome.kind === 'written' || outcome.kind === 'unchanged') return;
      if (outcome.kind === 'gaveUp') break;
      await this.documents.put(id, { entries: apply([]) });
      const check = await this.documents.read(id);
      if (check && applied(check.value.entries)) return;
    }
    throw new Error('Could not record the assignment in the task index.');
  }
}

function sameTask(a: Pick<MyTaskEntry, 'planId' | 'taskId'>, b: Pick<MyTaskEntry, 'planId' | 'taskId'>): boolean {
  return a.planId === b.planId && a.taskId === b.taskId;
}

function documentId(tenantId: string, userId: string): string {
  return `${encodeURIComponent(tenantId.toLowerCase())}/${encodeURIComponent(userId)}`;
}
