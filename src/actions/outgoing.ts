/**
 * The app's one outgoing service, built once in app.ts: everything the bot sends outside a turn's own answer
 * goes through it and its one Delivery (the paced, retrying sender plus the conversation registry's "does this
 * conversation still have the app"). It keeps posted plan cards current after a change, posts a plan's cards,
 * posts single cards after an invoke has answered, and announces milestones in the plan's threads.
 *
 * Use cases that change a plan call `changed` themselves; nothing above this layer is called back.
 * All work runs after the current turn has answered; idle() waits for it (tests, shutdown).
 */
import type { TaskId } from '../domain/catalog';
import type { HistoryEntry } from '../domain/plan';
import type { AdaptiveCardJson } from '../cards/render';
import type { CardTarget, PostingPort } from '../messaging/ports';
import type { OutgoingSender } from '../messaging/sender';
import type { Logger } from '../logger';
import type { PlanLocation, PlanRecord, PlanStore } from '../store/planStore';
import { CardFanOut } from './cardFanOut';
import { Delivery, type ConversationGuard } from './delivery';
import { PlanPosting, type Destination, type PostingResult } from './planPosting';

export interface OutgoingDeps {
  readonly planStore: PlanStore;
  readonly sender: OutgoingSender;
  /** Posts, updates and thread creation through the Bot Connector (connectorPort.ts), or a test double. */
  readonly port: PostingPort;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Which conversations still have the app; without it every conversation counts as active. */
  readonly guard?: ConversationGuard;
  /** Render time for overdue marks. */
  readonly clock?: () => Date;
  /** GRAPH_CHECKS is on: posted and refreshed summaries and verify tasks offer "Check now". */
  readonly tenantChecks?: boolean;
}

export class Outgoing {
  /** The app's one Delivery; schedulers and features that post their own kinds of message send through it. */
  readonly delivery: Delivery;
  private readonly fanOut: CardFanOut;
  private readonly posting: PlanPosting;

  constructor(deps: OutgoingDeps) {
    this.delivery = new Delivery(deps.sender, deps.logger, deps.guard);
    const { planStore, port, logger, clock, tenantChecks } = deps;
    this.fanOut = new CardFanOut({ planStore, delivery: this.delivery, port, logger, clock, tenantChecks });
    this.posting = new PlanPosting({
      planStore,
      delivery: this.delivery,
      port,
      background: this.fanOut,
      logger,
      clock,
      tenantChecks,
    });
  }

  /**
   * After a change to a plan: refreshes every posted copy of `taskIds` and the summary, and posts milestone
   * notes for the status entries among `entries`. Returns at once: Teams waits for the invoke answer, and
   * slow answers come back as duplicate clicks.
   */
  changed(
    location: PlanLocation,
    record: PlanRecord,
    taskIds: readonly TaskId[],
    entries: readonly HistoryEntry[] = [],
  ): void {
    this.fanOut.refresh(location, record, taskIds);
    this.posting.announce(location, record, entries);
  }

  /** Schedules posting of the plan stored at `location` (a channel gets one thread); returns at once. */
  postPlan(
    location: PlanLocation,
    planId: string,
    destination: Destination,
    onDone?: (result: PostingResult) => void,
  ): void {
    this.posting.schedule(location, planId, destination, onDone);
  }

  /** Posts one card after the turn has answered (e.g. the next task after "What's next" on the summary). */
  postCard(location: PlanLocation, target: CardTarget, card: AdaptiveCardJson): void {
    this.fanOut.post(location, target, card);
  }

  /** Resolves when every update and post scheduled so far has finished. */
  idle(): Promise<void> {
    return this.fanOut.idle();
  }
}
