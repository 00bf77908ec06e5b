/**
 * The OutgoingSender plus what it must not know about: whether a conversation still has the app.
 * A send to a conversation marked inactive (app removed, or an earlier 403) is skipped without a call;
 * a send that Teams refuses as blocked (403, MessageWritesBlocked, …) marks the conversation inactive,
 * so the bot stops writing there instead of failing the same way forever.
 */
import type { OutgoingSender, SendJob, SendOutcome } from '../messaging/sender';
import { baseConversationId } from '../store/conversationRegistry';
import type { Logger } from '../logger';

/** The registry as the outgoing side sees it. */
export interface ConversationGuard {
  isActive(conversationId: string): Promise<boolean>;
  markInactive(conversationId: string): Promise<void>;
}

export type DeliveryOutcome<T> =
  SendOutcome<T> | { readonly ok: false; readonly reason: 'inactive'; readonly attempts: 0 };

export type DeliveryLogger = Pick<Logger, 'warn' | 'error'>;

export class Delivery {
  constructor(
    private readonly sender: OutgoingSender,
    private readonly logger: DeliveryLogger,
    private readonly guard?: ConversationGuard,
  ) {}

  /** Never throws: a storage failure while checking or marking is logged, and the send goes ahead as if active. */
  async send<T>(job: SendJob<T>): Promise<DeliveryOutcome<T>> {
    const conversationId = baseConversationId(job.conversationId);
    if (this.guard && !(await this.safely(() => this.guard!.isActive(conversationId), true))) {
      return { ok: false, reason: 'inactive', attempts: 0 };
    }
    const outcome = await this.sender.enqueue({ ...job, conversationId });
    if (!outcome.ok && outcome.reason === 'blocked' && this.guard) {
      this.logger.warn({ conversationId }, 'Teams refused a send as blocked; marking the conversation inactive');
      await this.safely(() => this.guard!.markInactive(conversationId), undefined);
    }
    return outcome;
  }

  private async safely<R>(work: () => Promise<R>, fallback: R): Promise<R> {
    try {
      return await work();
    } catch (error) {
      this.logger.error({ err: error }, 'conversation registry unavailable for an outgoing send');
      return fallback;
    }
  }
}
