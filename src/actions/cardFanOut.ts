/**
 * Keeps the plan's posted cards current after a change: every stored copy of the changed tasks and
 * the summary card is re-rendered from the stored plan and updated in place, through the
 * OutgoingSender (paced, retried). Runs after the invoke has answered; callers never wait for it.
 *
 * Each update renders the plan as it is when the update runs, keyed by activity id, so a burst of
 * clicks collapses into few updates and the last one always shows the newest state. A card Teams
 * lost (404 / ActivityNotFoundInConversation) is posted again and its new id replaces the old one.
 * Sends go through Delivery: a conversation that removed the app (or answered 403) is skipped.
 */
import type { TaskId } from '../domain/catalog';
import type { AdaptiveCardJson } from '../cards/render';
import { summaryCard } from '../cards/summaryCard';
import { taskCard } from '../cards/taskCard';
import type { CardPort, CardTarget } from '../messaging/ports';
import { BackgroundWork } from './backgroundWork';
import type { Delivery } from './delivery';
import { baseConversationId } from '../store/conversationRegistry';
import type { CardRef, PlanLocation, PlanRecord, PlanStore } from '../store/planStore';
import type { Logger } from '../logger';

export type FanOutLogger = Pick<Logger, 'warn' | 'error'>;

export interface CardFanOutDeps {
  readonly planStore: PlanStore;
  /** The app's one Delivery (outgoing.ts). */
  readonly delivery: Delivery;
  readonly port: CardPort;
  readonly logger: FanOutLogger;
  /** Render time for overdue marks; without it cards show due dates but no overdue mark. */
  readonly clock?: () => Date;
  /** GRAPH_CHECKS is on: refreshed summaries and verify tasks keep "Check now". */
  readonly tenantChecks?: boolean;
}

export class CardFanOut {
  private readonly background: BackgroundWork;
  private readonly delivery: Delivery;

  constructor(private readonly deps: CardFanOutDeps) {
    this.delivery = deps.delivery;
    this.background = new BackgroundWork(deps.logger, 'plan card fan-out');
  }

  /** Schedules updates of every stored copy of `taskIds` and of the summary. Returns at once. */
  refresh(location: PlanLocation, record: PlanRecord, taskIds: readonly TaskId[]): void {
    const wanted = new Set<string>(['summary', ...taskIds]);
    const refs = record.cards.filter((ref) => wanted.has(ref.taskId));
    if (refs.length === 0) return;
    this.track(async () => {
      await Promise.all(refs.map((ref) => this.updateOne(location, record.plan.id, ref)));
    });
  }

  /** Posts a card outside any turn (e.g. the answer to a button), paced with the other traffic. */
  post(location: PlanLocation, target: CardTarget, card: AdaptiveCardJson): void {
    this.track(async () => {
      const outcome = await this.delivery.send({
        conversationId: baseConversationId(target.conversationId),
        tenantId: location.tenantId,
        run: (signal) => this.deps.port.post(target, card, signal),
      });
      if (!outcome.ok) this.deps.logger.warn({ reason: outcome.reason }, 'could not post a plan card');
    });
  }

  /** Resolves when all scheduled work has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.background.idle();
  }

  /** Runs `work` after the current turn's answer has left, tracked by idle(); errors are logged, never thrown. */
  track(work: () => Promise<void>): void {
    this.background.track(work);
  }

  private async updateOne(location: PlanLocation, planId: string, ref: CardRef): Promise<void> {
    const outcome = await this.delivery.send({
      conversationId: baseConversationId(ref.conversationId),
      tenantId: location.tenantId,
      key: `update:${ref.activityId}`,
      whileRunning: 'followUp',
      run: async (signal) => {
        const card = await this.currentCard(location, planId, ref.taskId);
        if (card) await this.deps.port.update(ref, card, signal);
      },
    });
    if (outcome.ok) return;
    if (outcome.reason !== 'notFound') {
      this.deps.logger.warn({ reason: outcome.reason, taskId: ref.taskId }, 'could not update a plan card');
      return;
    }
    await this.repost(location, planId, ref);
  }

  private async repost(location: PlanLocation, planId: string, lost: CardRef): Promise<void> {
    const outcome = await this.delivery.send({
      conversationId: baseConversationId(lost.conversationId),
      tenantId: location.tenantId,
      key: `repost:${lost.activityId}`,
      run: async (signal) => {
        const card = await this.currentCard(location, planId, lost.taskId);
        return card ? this.deps.port.post(lost, card, signal) : undefined;
      },
    });
    if (!outcome.ok || !outcome.value) {
      this.deps.logger.warn(
        { reason: outcome.ok ? 'noId' : outcome.reason, taskId: lost.taskId },
        'could not replace a lost plan card',
      );
      return;
    }
    await this.deps.planStore.rememberCards(location, [{ ...lost, activityId: outcome.value }], {
      planId,
      replacing: lost.activityId,
    });
  }

  /** The card as the stored plan has it now; undefined when the plan was replaced or removed meanwhile. */
  private async currentCard(
    location: PlanLocation,
    planId: string,
    taskId: CardRef['taskId'],
  ): Promise<AdaptiveCardJson | undefined> {
    const record = await this.deps.planStore.load(location);
    if (!record || record.plan.id !== planId) return undefined;
    const now = this.deps.clock?.();
    return taskId === 'summary'
      ? summaryCard(record.plan, record.decision, { now, tenantChecks: this.deps.tenantChecks })
      : taskCard(record.plan, taskId, undefined, { now, tenantChecks: this.deps.tenantChecks });
  }
}
