/**
 * Plans in their own documents, one per tenant and conversation, changed only through
 * DocumentStore.update (read with eTag → pure transition → conditional write → retry on conflict).
 * BotState is last-writer-wins, so two people clicking at once would lose a change there.
 *
 * A plan shared from a personal chat to a channel moves to the channel's key, and the personal chat
 * keeps a link to it: one document, so a change is still one write, and either conversation loads
 * the same plan (a linked load costs two more reads).
 */
import type { Storage } from 'botbuilder';
import type { DecisionSummary } from '../domain/decision';
import {
  applyAction as applyPlanAction,
  type ActionRefusal,
  type Actor,
  type HistoryEntry,
  type Plan,
  type PlanAction,
  type PlanEditEntry,
  type PlanHistoryEntry,
} from '../domain/plan';
import { applyPlanEdit, type PlanEdit, type PlanEditRejection } from '../domain/planEdits';
import type { TaskId } from '../domain/catalog';
import type { CheckEvidence } from '../domain/tenantHealth';
import { archiveHistory, type HistoryPage } from '../domain/historyArchive';
import type { DecisionRecord } from './decisionStore';
import { DocumentStore, type DocumentStoreOptions, type Mutation, type UpdateOutcome } from './documentStore';
import { isRestorable, restorableUntil, type PlanLogEntry } from '../domain/planRetention';
import { PlanLog, type KeptPlan } from './planLog';
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
  /** A tenant check's findings, kept on the task and its history entry when the action is "done". */
  readonly evidence?: CheckEvidence;
}

/**
 * What a status action or an edit did to the stored plan. `Change` is what a change reports besides the record
 * (the history entries it added), `Rejection` why the domain refused one, as the domain said it.
 */
export type TransitionOutcome<Change extends object, Rejection extends Refusal> =
  | ({ readonly kind: 'changed'; readonly record: PlanRecord; readonly stale: boolean } & Readonly<Change>)
  | {
      readonly kind: 'unchanged';
      readonly record: PlanRecord;
      readonly by: Actor;
      readonly at: string;
      readonly stale: boolean;
    }
  | ({ readonly kind: 'rejected'; readonly record: PlanRecord } & Readonly<Rejection>)
  /** No plan in this conversation. */
  | { readonly kind: 'noPlan' }
  /** The card names a plan this conversation does not hold (replaced, forged, or from elsewhere). */
  | { readonly kind: 'otherPlan'; readonly record: PlanRecord }
  /** Contention outlasted the retries; nothing was written. */
  | { readonly kind: 'busy' };

/** A domain refusal: always a reason, plus whatever the domain gives to explain it. */
type Refusal = { readonly reason: string };

type ActionRejection = { readonly reason: 'unknownTask' | 'notAllowed'; readonly refusal: ActionRefusal };
type EditRejection = { readonly reason: PlanEditRejection; readonly message: string };

export type ApplyOutcome = TransitionOutcome<{ entries: readonly HistoryEntry[] }, ActionRejection>;

export interface EditRequest {
  readonly planId: string;
  readonly edit: PlanEdit;
  readonly actor: Actor;
  readonly at: string;
  readonly expectedRevision?: number;
}

export type EditOutcome = TransitionOutcome<{ entry: PlanEditEntry }, EditRejection>;

/** A conversation whose plan lives under another conversation's key (a personal plan shared to a channel). */
export interface PlanLink {
  readonly target: PlanLocation;
  readonly planId: string;
  readonly at: string;
}

export type ShareOutcome =
  | { readonly kind: 'shared'; readonly record: PlanRecord }
  | { readonly kind: 'noPlan' }
  /** The channel already has a plan of its own; nothing moved. */
  | { readonly kind: 'targetHasPlan'; readonly record: PlanRecord }
  /** The plan is already the channel's (shared before, or a plan of that channel). */
  | { readonly kind: 'alreadyThere'; readonly record: PlanRecord };

/** Who did it, for the plan log; optional so internal moves (sharing, tests) need none. */
export interface Audit {
  readonly by: Actor;
  readonly at: string;
}

/**
 * Where plan documents are stored (`plans/<tenant>/<conversation>`). A plan is only ever changed by writing a new one
 * made by a pure transition, so a store may hand every reader the same frozen copy (createStorage.ts).
 */
export const PLAN_DOCUMENTS = 'plans';

/** Copies kept per task (and for the summary); older ones are no longer updated. */
export const MAX_CARD_COPIES = 3;

/** A domain transition of one plan, as applyTransition runs it: the changed plan with what to report, or why not. */
type Transition<Change extends object, Rejection extends Refusal> =
  | { kind: 'changed'; plan: Plan; change: Change }
  | { kind: 'unchanged'; by: Actor; at: string }
  | ({ kind: 'rejected' } & Rejection);

/** What the mutation decided, carried out of DocumentStore.update (which may run it more than once). */
type Decided<Change extends object, Rejection extends Refusal> =
  | { kind: 'changed'; change: Change; stale: boolean }
  | { kind: 'unchanged'; by: Actor; at: string; stale: boolean }
  | ({ kind: 'rejected' } & Rejection)
  | { kind: 'otherPlan' };

/** What the caller keeps beside a plan it discards or replaces: the accepted decision the plan was built from. */
export interface KeepWith {
  readonly decision?: DecisionRecord;
}

export type RestoreOutcome =
  | {
      readonly kind: 'restored';
      readonly record: PlanRecord;
      readonly decision?: DecisionRecord;
      readonly replaced?: PlanRecord;
    }
  /** The plan is the conversation's current plan already (a second click). */
  | { readonly kind: 'alreadyCurrent'; readonly record: PlanRecord }
  /** Not restorable: never kept, restored already, or kept longer ago than KEEP_DAYS. */
  | { readonly kind: 'gone' }
  /** The conversation's current plan is not the one the person agreed to replace; nothing changed. */
  | { readonly kind: 'currentChanged'; readonly current: PlanRecord }
  | { readonly kind: 'busy' };

export class PlanStore {
  private readonly documents: DocumentStore<PlanRecord>;
  private readonly links: DocumentStore<PlanLink>;
  private readonly planLog: PlanLog;

  constructor(
    private readonly storage: Storage,
    options: DocumentStoreOptions = {},
  ) {
    this.documents = new DocumentStore<PlanRecord>(storage, PLAN_DOCUMENTS, options);
    this.links = new DocumentStore<PlanLink>(storage, 'planLinks', options);
    this.planLog = new PlanLog(storage, options);
  }

  /** Earlier plans of this conversation and how they ended, newest first (planLog.ts). */
  log(location: PlanLocation): Promise<readonly PlanLogEntry[]> {
    return this.planLog.entries(documentId(location));
  }

  /**
   * The history moved out of `plan`'s document, oldest first (historyArchive.ts). No turn needs it — the plan keeps
   * what its cards and reports use — so it is there for audits; a page that is missing is reported, not skipped.
   */
  async archivedHistory(plan: Plan): Promise<PlanHistoryEntry[]> {
    const keys = Array.from({ length: plan.archive?.pages ?? 0 }, (_, number) => historyPageKey(plan.id, number));
    if (keys.length === 0) return [];
    const items = await this.storage.read(keys);
    return keys.flatMap((key) => {
      const page = items[key] as HistoryPage | undefined;
      if (!page) throw new Error(`Archived history page ${key} is missing.`);
      return [...page.entries];
    });
  }

  /** Storage key of a location, exposed for tests and diagnostics. */
  key(location: PlanLocation): string {
    return this.documents.key(documentId(location));
  }

  async load(location: PlanLocation): Promise<PlanRecord | undefined> {
    return (await this.find(location))?.record;
  }

  /** Where the plan of `location` is stored: its own key, or the key its link points to. */
  async owner(location: PlanLocation): Promise<PlanLocation | undefined> {
    return (await this.find(location))?.owner;
  }

  /** The plan `location` loads and where it is stored, in one lookup. */
  current(location: PlanLocation): Promise<{ record: PlanRecord; owner: PlanLocation } | undefined> {
    return this.find(location);
  }

  private async find(location: PlanLocation): Promise<{ record: PlanRecord; owner: PlanLocation } | undefined> {
    const own = await this.documents.read(documentId(location));
    if (own) return { record: own.value, owner: normalized(location) };
    const link = await this.links.read(documentId(location));
    if (!link) return undefined;
    const target = await this.documents.read(documentId(link.value.target));
    // A link whose plan was replaced or removed in the channel leads nowhere: the chat has no plan.
    if (!target || target.value.plan.id !== link.value.planId) return undefined;
    return { record: target.value, owner: normalized(link.value.target) };
  }

  /**
   * Moves the plan of `from` to `to` and leaves a link behind, so both load the same document.
   * Order: create at the channel, link the chat, drop the chat's copy; a crash in between leaves
   * at worst a stale private copy, never a lost plan.
   */
  async share(from: PlanLocation, to: PlanLocation, now: Date): Promise<ShareOutcome> {
    const source = await this.find(from);
    if (!source) return { kind: 'noPlan' };
    if (documentId(source.owner) === documentId(to)) return { kind: 'alreadyThere', record: source.record };
    const existing = await this.documents.read(documentId(to));
    if (existing) return { kind: 'targetHasPlan', record: existing.value };
    const moved: PlanRecord = {
      ...source.record,
      conversationId: baseConversationId(to.conversationId),
      tenantId: to.tenantId,
    };
    await this.documents.put(documentId(to), moved);
    await this.links.put(documentId(from), { target: normalized(to), planId: moved.plan.id, at: now.toISOString() });
    if (documentId(source.owner) === documentId(from)) await this.documents.remove(documentId(from));
    return { kind: 'shared', record: moved };
  }

  /**
   * Without `replace`, an existing plan wins and is returned. Two creates racing for an empty
   * conversation can both write (botbuilder's Storage has no create-if-absent); the later one stays,
   * and cards of the other are then refused as "another plan".
   *
   * With `replace` and an audit, the plan replaced is kept for `restore` (planLog.ts): its copy is written just
   * before its replacement, which is conditional on the eTag of the version copied, so a click landing in between is
   * in the copy or retried, never lost.
   */
  async create(
    location: PlanLocation,
    record: PlanRecord,
    options: { replace: boolean; audit?: Audit; keep?: KeepWith },
  ): Promise<'created' | { exists: PlanRecord }> {
    const id = documentId(location);
    if (!options.replace) {
      const existing = await this.find(location);
      if (existing) return { exists: existing.record };
    }
    const next: PlanRecord = {
      ...record,
      conversationId: baseConversationId(location.conversationId),
      tenantId: location.tenantId,
    };
    let replaced: PlanRecord | undefined;
    if (options.replace) {
      const audit = options.audit;
      const outcome = await this.documents.update(id, (current) => ({
        next,
        result: current,
        ...(audit && current.plan.id !== next.plan.id
          ? { alsoWrite: { [this.planLog.keptKey(id, current.plan.id)]: kept(current, options.keep, audit) } }
          : {}),
      }));
      if (outcome.kind === 'gaveUp')
        throw new Error('The plan stayed busy with other changes, so it was not replaced.');
      if (outcome.kind === 'written') replaced = outcome.result;
      if (outcome.kind === 'missing') await this.documents.put(id, next);
    } else {
      await this.documents.put(id, next);
    }
    // A new plan of its own ends any link to a shared one (the shared plan itself stays with its channel).
    await this.links.remove(id);
    if (replaced && options.audit && replaced.plan.id !== record.plan.id) {
      await this.planLog.record(id, [logEntry('replaced', replaced, options.audit, true)], new Date(options.audit.at));
    }
    return 'created';
  }

  /** A plan of this conversation that can still be restored, as it was kept, with its log entry. */
  async restorable(
    location: PlanLocation,
    planId: string,
    now: Date,
  ): Promise<{ record: PlanRecord; entry: PlanLogEntry } | undefined> {
    const found = await this.findKept(documentId(location), planId, now);
    return found && { record: found.copy.record, entry: found.entry };
  }

  private async findKept(
    id: string,
    planId: string,
    now: Date,
  ): Promise<{ copy: KeptPlan; entry: PlanLogEntry } | undefined> {
    const entry = (await this.planLog.entries(id)).find(
      (candidate) => candidate.planId === planId && isRestorable(candidate, now),
    );
    const copy = entry ? await this.planLog.readKept(id, planId) : undefined;
    return entry && copy && copy.record.plan.id === planId ? { copy, entry } : undefined;
  }

  /**
   * Brings back a plan kept when it was discarded or replaced. `replacing` is the current plan the person agreed to
   * replace (none: only if there is none); that plan is kept in turn, so a restore is undone the same way.
   */
  async restore(
    location: PlanLocation,
    planId: string,
    options: { replacing?: string; audit: Audit; keep?: KeepWith },
  ): Promise<RestoreOutcome> {
    const id = documentId(location);
    const now = new Date(options.audit.at);
    const copy = (await this.findKept(id, planId, now))?.copy;
    if (!copy) return { kind: 'gone' };
    const restored: PlanRecord = {
      ...copy.record,
      conversationId: baseConversationId(location.conversationId),
      tenantId: location.tenantId,
    };
    type Decided =
      | { kind: 'replaced'; current: PlanRecord }
      | { kind: 'alreadyCurrent'; current: PlanRecord }
      | { kind: 'currentChanged'; current: PlanRecord };
    const outcome = await this.documents.update<Decided>(id, (current) => {
      if (current.plan.id === planId) return { next: undefined, result: { kind: 'alreadyCurrent', current } };
      if (current.plan.id !== options.replacing)
        return { next: undefined, result: { kind: 'currentChanged', current } };
      return {
        next: restored,
        result: { kind: 'replaced', current },
        alsoWrite: { [this.planLog.keptKey(id, current.plan.id)]: kept(current, options.keep, options.audit) },
      };
    });
    if (outcome.kind === 'gaveUp') return { kind: 'busy' };
    if (outcome.kind === 'unchanged') {
      const decided = outcome.result;
      return decided.kind === 'alreadyCurrent'
        ? { kind: 'alreadyCurrent', record: decided.current }
        : { kind: 'currentChanged', current: decided.current };
    }
    if (outcome.kind === 'missing') {
      // No plan of its own here; a chat that followed a shared plan stops following it (the channel keeps that plan).
      const followed = await this.find(location);
      if (followed && followed.record.plan.id !== options.replacing)
        return { kind: 'currentChanged', current: followed.record };
      await this.documents.put(id, restored);
    }
    await this.links.remove(id);
    const replaced = outcome.kind === 'written' ? outcome.result.current : undefined;
    const added = [
      logEntry('restored', restored, options.audit, false),
      ...(replaced ? [logEntry('replaced', replaced, options.audit, true)] : []),
    ];
    await this.planLog.record(id, added, now, planId);
    return { kind: 'restored', record: restored, decision: copy.decision, ...(replaced ? { replaced } : {}) };
  }

  /** Rejected and unchanged results write nothing; a change is exactly one conditional write. */
  applyAction(location: PlanLocation, request: ApplyRequest): Promise<ApplyOutcome> {
    return this.applyTransition<{ entries: readonly HistoryEntry[] }, ActionRejection>(location, request, (plan) => {
      const result = applyPlanAction(plan, request);
      return result.kind === 'changed'
        ? { kind: 'changed', plan: result.plan, change: { entries: result.entries } }
        : result;
    });
  }

  /** Owner, due date and reminder changes (applyPlanEdit): like applyAction, one conditional write at most. */
  applyEdit(location: PlanLocation, request: EditRequest): Promise<EditOutcome> {
    return this.applyTransition<{ entry: PlanEditEntry }, EditRejection>(location, request, (plan) => {
      const result = applyPlanEdit(plan, request.edit, request.actor, request.at);
      return result.kind === 'changed'
        ? { kind: 'changed', plan: result.plan, change: { entry: result.entry } }
        : result;
    });
  }

  /** The plan `request` names, moved by `transition`: written once if it changed, left alone otherwise. */
  private async applyTransition<Change extends object, Rejection extends Refusal>(
    location: PlanLocation,
    request: { readonly planId: string; readonly expectedRevision?: number },
    transition: (plan: Plan) => Transition<Change, Rejection>,
  ): Promise<TransitionOutcome<Change, Rejection>> {
    const outcome = await this.updateOwned<Decided<Change, Rejection>>(location, (record) => {
      if (record.plan.id !== request.planId) return { next: undefined, result: { kind: 'otherPlan' } };
      const stale = request.expectedRevision !== undefined && request.expectedRevision !== record.plan.revision;
      const result = transition(record.plan);
      switch (result.kind) {
        case 'changed': {
          const { plan, page } = archiveHistory(result.plan);
          return {
            next: { ...record, plan },
            result: { kind: 'changed', change: result.change, stale },
            ...(page ? { alsoWrite: { [historyPageKey(page.planId, page.number)]: page } } : {}),
          };
        }
        case 'unchanged':
          return { next: undefined, result: { kind: 'unchanged', by: result.by, at: result.at, stale } };
        case 'rejected':
          return { next: undefined, result };
      }
    });
    if (outcome.kind === 'missing') return { kind: 'noPlan' };
    if (outcome.kind === 'gaveUp') return { kind: 'busy' };
    const record = outcome.value;
    const decided = outcome.result;
    switch (decided.kind) {
      case 'otherPlan':
        return { kind: 'otherPlan', record };
      case 'changed':
        return { kind: 'changed', record, ...decided.change, stale: decided.stale };
      case 'unchanged':
        return { kind: 'unchanged', record, by: decided.by, at: decided.at, stale: decided.stale };
      case 'rejected':
        return { ...decided, record };
    }
  }

  /**
   * Adds posted cards (ignoring refs without an activity id, which expectReplies turns produce).
   * `replacing` drops the card a fresh post stands in for. Keeps the newest MAX_CARD_COPIES per task.
   */
  async rememberCards(
    location: PlanLocation,
    refs: readonly CardRef[],
    options: { planId?: string; replacing?: string } = {},
  ): Promise<boolean> {
    const usable = refs.filter((ref) => typeof ref.activityId === 'string' && ref.activityId.length > 0);
    if (usable.length === 0 && options.replacing === undefined) return false;
    const outcome = await this.updateOwned(location, (record) => {
      if (options.planId !== undefined && record.plan.id !== options.planId) return { next: undefined, result: false };
      const newIds = new Set(usable.map((ref) => ref.activityId));
      const kept = record.cards.filter((ref) => !newIds.has(ref.activityId) && ref.activityId !== options.replacing);
      return { next: { ...record, cards: capCopies([...kept, ...usable]) }, result: true };
    });
    return outcome.kind === 'written';
  }

  /**
   * An update of the plan document `location` uses: its own (one read and one write, as before sharing
   * existed), or, when it has none, the one its link points to. Still exactly one write per change.
   */
  private async updateOwned<R>(
    location: PlanLocation,
    mutate: (current: PlanRecord) => Mutation<PlanRecord, R>,
  ): Promise<UpdateOutcome<PlanRecord, R>> {
    const own = await this.documents.update(documentId(location), mutate);
    if (own.kind !== 'missing') return own;
    const link = await this.links.read(documentId(location));
    if (!link) return own;
    // Same rule as find(): a link to a plan the channel no longer has leads nowhere.
    const target = await this.documents.read(documentId(link.value.target));
    if (!target || target.value.plan.id !== link.value.planId) return own;
    return this.documents.update(documentId(link.value.target), mutate);
  }

  /**
   * Read-modify-write of the record `location` loads (its own or the linked one), for changes that are not
   * status actions: reminder settings, the reminder scheduler's claims. `mutate` must be pure; it may run again.
   */
  updateRecord<R>(
    location: PlanLocation,
    mutate: (current: PlanRecord) => Mutation<PlanRecord, R>,
  ): Promise<UpdateOutcome<PlanRecord, R>> {
    return this.updateOwned(location, mutate);
  }

  /**
   * Removes this conversation's own plan; a linked conversation only drops its link (the channel keeps the plan).
   * With an audit the plan is kept for `restore` first (planLog.ts), so a crash before the delete loses nothing.
   * A click landing between the copy and the delete (milliseconds) is not in the copy.
   */
  async remove(location: PlanLocation, audit?: Audit, keep?: KeepWith): Promise<void> {
    const id = documentId(location);
    const found = audit ? await this.find(location) : undefined;
    const own = found !== undefined && documentId(found.owner) === id;
    if (found && own && audit) await this.planLog.keep(id, kept(found.record, keep, audit));
    await this.documents.remove(id);
    await this.links.remove(id);
    if (found && audit)
      await this.planLog.record(
        id,
        [logEntry(own ? 'removed' : 'unlinked', found.record, audit, own)],
        new Date(audit.at),
      );
  }
}

function kept(record: PlanRecord, keep: KeepWith | undefined, audit: Audit): KeptPlan {
  return { record, ...(keep?.decision ? { decision: keep.decision } : {}), keptAt: audit.at };
}

function logEntry(kind: PlanLogEntry['kind'], record: PlanRecord, audit: Audit, restorable: boolean): PlanLogEntry {
  return {
    kind,
    planId: record.plan.id,
    tool: record.plan.selection.tool,
    by: audit.by,
    at: audit.at,
    ...(restorable ? { restorableUntil: restorableUntil(audit.at) } : {}),
  };
}

function normalized(location: PlanLocation): PlanLocation {
  return { tenantId: location.tenantId, conversationId: baseConversationId(location.conversationId) };
}

/** Where page `number` of a plan's archived history is kept; by plan id, so sharing the plan does not move it. */
export function historyPageKey(planId: string, number: number): string {
  return `planHistory/${planId}/${number}`;
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
