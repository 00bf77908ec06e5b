/**
 * Where the app is installed: one record per conversation (a personal chat, a group chat, or a team's
 * channel), kept from install events so later sends can reach it proactively, plus a per-tenant index of
 * team installs so "share" can list them (botbuilder's Storage cannot list keys).
 *
 * Every change is an eTag read-modify-write through DocumentStore, so the "welcomed" flag survives two
 * install events arriving at once (Teams sends installationUpdate and conversationUpdate together).
 */
import type { ConversationReference, Storage } from 'botbuilder';
import { DocumentStore } from './documentStore';
import { PagedIndex } from './pagedIndex';

/** What we keep about a conversation the app is installed in, so later sends can reach it proactively. */
export interface ConversationRecord {
  readonly reference: Partial<ConversationReference>;
  readonly conversationType: string;
  readonly tenantId?: string;
  readonly teamId?: string;
  readonly teamName?: string;
  /** For a team install: the channel chosen at install (the conversation of the install event). */
  readonly channelName?: string;
  readonly active: boolean;
  /** Set once, by whichever install event claimed the welcome first. */
  readonly welcomedAt?: string;
  readonly installedAt: string;
  readonly updatedAt: string;
}

export type InstallFacts = Omit<ConversationRecord, 'installedAt' | 'updatedAt' | 'welcomedAt' | 'active'>;

/** One team install as "share" lists it. */
export interface TeamInstall {
  readonly conversationId: string;
  readonly teamId: string;
  readonly teamName?: string;
  readonly channelName?: string;
  readonly serviceUrl: string;
  readonly active: boolean;
}

/** A channel thread id is the channel id plus `;messageid=…`; everything about a channel is keyed by the channel. */
export function baseConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0];
}

export class ConversationRegistry {
  private readonly records: DocumentStore<ConversationRecord>;
  /**
   * Per tenant, paged (no cap on teams); page 0 is the document earlier versions kept, field `teams`. One entry per
   * team (under its newest channel), found through its locator, so an install reads a few documents however many
   * teams the tenant has.
   */
  private readonly indexes: PagedIndex<TeamInstall>;

  constructor(storage: Storage) {
    this.records = new DocumentStore<ConversationRecord>(storage, 'conversations');
    this.indexes = new PagedIndex<TeamInstall>(storage, 'conversationIndex', {
      idOf: (team) => team.teamId,
      field: 'teams',
      locate: true,
    });
  }

  private id(conversationId: string): string {
    return encodeURIComponent(baseConversationId(conversationId));
  }

  async get(conversationId: string): Promise<ConversationRecord | undefined> {
    return (await this.records.read(this.id(conversationId)))?.value;
  }

  /** Unknown conversations count as active: a plan can be started where no install event was seen (older installs). */
  async isActive(conversationId: string): Promise<boolean> {
    return (await this.get(conversationId))?.active ?? true;
  }

  /**
   * Records an install (or re-install) and says whether this event should send the welcome: true for
   * exactly one of the events of an install, false for the rest and for re-deliveries.
   */
  async install(facts: InstallFacts, now: Date): Promise<{ record: ConversationRecord; welcome: boolean }> {
    const conversationId = facts.reference.conversation?.id;
    if (!conversationId) throw new Error('A conversation reference without a conversation id cannot be stored.');
    const id = this.id(conversationId);
    const at = now.toISOString();
    // Created without the flag, then claimed with an eTag: a create never carries a claim it could overwrite.
    if (!(await this.records.read(id)))
      await this.records.put(id, { ...facts, active: true, installedAt: at, updatedAt: at });
    const outcome = await this.records.update(id, (current) => {
      // A re-install after a removal welcomes again; a second event of the same install does not.
      const welcome = !current.welcomedAt || !current.active;
      const next: ConversationRecord = {
        ...current,
        ...facts,
        active: true,
        updatedAt: at,
        welcomedAt: welcome ? at : current.welcomedAt,
      };
      return { next, result: welcome };
    });
    if (outcome.kind !== 'written' && outcome.kind !== 'unchanged')
      throw new Error(`Could not record the install of ${conversationId} (${outcome.kind}).`);
    const record = outcome.value;
    if (record.conversationType === 'channel' && record.teamId && record.reference.serviceUrl)
      await this.index(record, conversationId);
    return { record, welcome: outcome.result };
  }

  /** Removal, or a 403 from the connector: no further sends go there until the app is installed again. */
  async markInactive(conversationId: string, now: Date): Promise<void> {
    const outcome = await this.records.update(this.id(conversationId), (current) =>
      current.active
        ? { next: { ...current, active: false, updatedAt: now.toISOString() }, result: true }
        : { next: undefined, result: false },
    );
    if (outcome.kind === 'missing') {
      // A 403 from a conversation no install event told us about (installed before this version): remember it anyway.
      const at = now.toISOString();
      await this.records.put(this.id(conversationId), {
        reference: {
          conversation: { id: baseConversationId(conversationId) } as ConversationReference['conversation'],
        },
        conversationType: 'unknown',
        active: false,
        installedAt: at,
        updatedAt: at,
      });
      return;
    }
    if (outcome.kind === 'written' && outcome.value.tenantId && outcome.value.teamId) {
      const scope = tenantScope(outcome.value.tenantId);
      const listed = await this.indexes.find(scope, outcome.value.teamId);
      // Only if the team is listed under this channel: after a move to another channel, that one stays active.
      if (listed && listed.conversationId === baseConversationId(conversationId) && listed.active)
        await this.indexes.upsert(scope, [{ ...listed, active: false }]);
    }
  }

  /** Active team installs of a tenant, newest first. */
  async teams(tenantId: string): Promise<TeamInstall[]> {
    // Pages hold the oldest first (new installs are appended); earlier versions' single page held the newest first.
    return (await this.indexes.list(tenantScope(tenantId))).filter((team) => team.active).reverse();
  }

  private async index(record: ConversationRecord, conversationId: string): Promise<void> {
    if (!record.tenantId || !record.teamId || !record.reference.serviceUrl) return;
    const entry: TeamInstall = {
      conversationId: baseConversationId(conversationId),
      teamId: record.teamId,
      teamName: record.teamName,
      channelName: record.channelName,
      serviceUrl: record.reference.serviceUrl,
      active: true,
    };
    const scope = tenantScope(record.tenantId);
    // A team installed again in another channel is listed once, under its newest channel, and moves to the end
    // (pages hold the oldest first); the same channel again is refreshed where it is.
    const listed = await this.indexes.find(scope, entry.teamId);
    if (listed && listed.conversationId !== entry.conversationId) await this.indexes.removeIds(scope, [entry.teamId]);
    await this.indexes.upsert(scope, [entry]);
  }
}

function tenantScope(tenantId: string): string {
  return encodeURIComponent(tenantId.toLowerCase());
}
