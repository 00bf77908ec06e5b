import type { ConversationReference, Storage } from 'botbuilder';

/** What we keep about a conversation the app is installed in, so later sends can reach it proactively. */
export interface ConversationRecord {
  readonly reference: Partial<ConversationReference>;
  readonly conversationType: string;
  readonly tenantId?: string;
  readonly teamId?: string;
  readonly active: boolean;
  readonly installedAt: string;
  readonly updatedAt: string;
}

/** A channel thread id is the channel id plus `;messageid=…`; everything about a channel is keyed by the channel. */
export function baseConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0];
}

export class ConversationRegistry {
  constructor(private readonly storage: Storage) {}

  private key(conversationId: string): string {
    return `conversations/${encodeURIComponent(baseConversationId(conversationId))}`;
  }

  async get(conversationId: string): Promise<ConversationRecord | undefined> {
    const key = this.key(conversationId);
    return (await this.storage.read([key]))[key] as ConversationRecord | undefined;
  }

  /**
   * Last writer wins on purpose: every writer stores the same facts about the same conversation,
   * and the latest reference (service URL) is the one to keep.
   */
  async remember(record: Omit<ConversationRecord, 'installedAt' | 'updatedAt'>, now: Date): Promise<ConversationRecord> {
    const conversationId = record.reference.conversation?.id;
    if (!conversationId) throw new Error('A conversation reference without a conversation id cannot be stored.');
    const existing = await this.get(conversationId);
    const stored: ConversationRecord = { ...record, installedAt: existing?.installedAt ?? now.toISOString(), updatedAt: now.toISOString() };
    await this.storage.write({ [this.key(conversationId)]: { ...stored, eTag: '*' } });
    return stored;
  }

  async markInactive(conversationId: string, now: Date): Promise<void> {
    const existing = await this.get(conversationId);
    if (!existing || !existing.active) return;
    await this.storage.write({ [this.key(conversationId)]: { ...existing, active: false, updatedAt: now.toISOString(), eTag: '*' } });
  }
}
