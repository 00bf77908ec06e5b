/**
 * Posting a plan's cards outside any turn: after the click that created or shared the plan has been
 * answered. In a team channel the plan becomes one thread (the summary as a new root post, the open tasks
 * as replies in it); in a chat the cards follow each other. Every post goes through Delivery (paced,
 * retried, skipped for conversations without the app), and every posted card is remembered on the plan
 * so later changes can update it in place.
 *
 * Milestone notes (a task done, the plan finished) go to every conversation holding a summary copy.
 */
import { numberedTasks, type HistoryEntry } from '../domain/plan';
import { summaryCard } from '../cards/summaryCard';
import { taskCard } from '../cards/taskCard';
import type { AdaptiveCardJson } from '../cards/render';
import { baseConversationId } from '../store/conversationRegistry';
import type { CardRef, PlanLocation, PlanRecord, PlanStore } from '../store/planStore';
import type { CardTarget, CreatedThread, PostingPort } from '../messaging/ports';
import type { CardFanOut } from './cardFanOut';
import type { Delivery, DeliveryOutcome } from './delivery';
import { milestoneNotes } from './milestones';
import type { Logger } from '../logger';

/** Where a plan is posted. */
export type Destination =
  | {
      readonly kind: 'channel';
      readonly serviceUrl: string;
      readonly channelId: string;
      /**
       * Used when a new thread cannot be created (a connector without the create-conversation API, like some
       * local test clients): the summary then goes into this conversation, e.g. the thread where "start" was said.
       */
      readonly fallbackConversationId: string;
    }
  | { readonly kind: 'chat'; readonly serviceUrl: string; readonly conversationId: string };

export interface PostingResult {
  readonly posted: number;
  /** The conversation the cards went to (a thread id in a channel). */
  readonly conversationId?: string;
  /** True when the thread could not be created and the summary went to the fallback conversation. */
  readonly fellBack: boolean;
  /** Why posting stopped early, if it did. */
  readonly stopped?: string;
}

export type PlanPostingLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface PlanPostingDeps {
  readonly planStore: PlanStore;
  readonly delivery: Delivery;
  readonly port: PostingPort;
  /** Tracks background work so idle() and shutdown can wait for it. */
  readonly background: Pick<CardFanOut, 'track'>;
  readonly logger: PlanPostingLogger;
  /** Render time for overdue marks (a shared plan can already have due dates). */
  readonly clock?: () => Date;
  /** GRAPH_CHECKS is on: the summary and the verify tasks are posted with "Check now". */
  readonly tenantChecks?: boolean;
}

/** The cards a plan is posted with: the summary, then one card per open task (done and not applicable ones appear on the summary). */
export function cardsToPost(
  record: PlanRecord,
  now?: Date,
  tenantChecks?: boolean,
): Array<{ taskId: CardRef['taskId']; card: AdaptiveCardJson }> {
  const open = numberedTasks(record.plan).filter((task) => task.status === 'todo' || task.status === 'inProgress');
  return [
    { taskId: 'summary', card: summaryCard(record.plan, record.decision, { now, tenantChecks }) },
    ...open.map((task) => ({
      taskId: task.id,
      card: taskCard(record.plan, task.id, undefined, { now, tenantChecks }),
    })),
  ];
}

/** `<channel>;messageid=<root>`: what Teams calls a thread, and what replies into it are sent to. */
export function threadConversationId(channelId: string, created: CreatedThread): string {
  return created.conversationId.includes(';messageid=')
    ? created.conversationId
    : `${baseConversationId(channelId)};messageid=${created.activityId}`;
}

export class PlanPosting {
  constructor(private readonly deps: PlanPostingDeps) {}

  /** Schedules posting of the plan now stored at `location`; returns at once. */
  schedule(
    location: PlanLocation,
    planId: string,
    destination: Destination,
    onDone?: (result: PostingResult) => void,
  ): void {
    this.deps.background.track(async () => {
      const result = await this.post(location, planId, destination);
      onDone?.(result);
    });
  }

  /** Posts the plan's cards and remembers them; resolves when done (or stopped). */
  async post(location: PlanLocation, planId: string, destination: Destination): Promise<PostingResult> {
    const record = await this.deps.planStore.load(location);
    if (!record || record.plan.id !== planId)
      return { posted: 0, fellBack: false, stopped: 'plan replaced before posting' };
    const [summary, ...tasks] = cardsToPost(record, this.deps.clock?.(), this.deps.tenantChecks);
    const tenantId = location.tenantId;
    const refs: CardRef[] = [];

    let target: CardTarget;
    let fellBack = false;
    if (destination.kind === 'channel') {
      const created = await this.deps.delivery.send({
        conversationId: destination.channelId,
        tenantId,
        key: `thread:${planId}`,
        run: (signal) =>
          this.deps.port.createThread(
            { serviceUrl: destination.serviceUrl, channelId: baseConversationId(destination.channelId) },
            summary.card,
            signal,
          ),
      });
      if (created.ok) {
        target = {
          conversationId: threadConversationId(destination.channelId, created.value),
          serviceUrl: destination.serviceUrl,
        };
        refs.push({ taskId: 'summary', activityId: created.value.activityId, ...target });
      } else if (created.reason === 'notFound' || created.reason === 'failed') {
        // The connector has no create-conversation API (or refused it): keep the plan together in the thread where it was asked for.
        this.deps.logger.warn(
          { reason: created.reason },
          'could not start a channel thread; posting the plan in the current thread instead',
        );
        fellBack = true;
        target = { conversationId: destination.fallbackConversationId, serviceUrl: destination.serviceUrl };
        const root = await this.postCard(tenantId, target, `post:${planId}:summary`, summary.card);
        if (!root.ok) return this.stop(refs, location, planId, 0, target, true, root);
        if (root.value) refs.push({ taskId: 'summary', activityId: root.value, ...target });
      } else {
        return this.stop(refs, location, planId, 0, undefined, false, created);
      }
    } else {
      target = { conversationId: destination.conversationId, serviceUrl: destination.serviceUrl };
      const root = await this.postCard(tenantId, target, `post:${planId}:summary`, summary.card);
      if (!root.ok) return this.stop(refs, location, planId, 0, target, false, root);
      if (root.value) refs.push({ taskId: 'summary', activityId: root.value, ...target });
    }
    // The summary first on its own, so a click on it can update it while the task cards are still arriving.
    await this.deps.planStore.rememberCards(location, refs, { planId });

    const taskRefs: CardRef[] = [];
    let posted = 1;
    for (const task of tasks) {
      const outcome = await this.postCard(
        tenantId,
        target,
        `post:${planId}:${task.taskId}:${target.conversationId}`,
        task.card,
      );
      if (!outcome.ok) return this.stop(taskRefs, location, planId, posted, target, fellBack, outcome);
      posted++;
      if (outcome.value) taskRefs.push({ taskId: task.taskId, activityId: outcome.value, ...target });
    }
    await this.deps.planStore.rememberCards(location, taskRefs, { planId });
    return { posted, conversationId: target.conversationId, fellBack };
  }

  /** Milestone notes for a change, into every conversation that holds a summary of the plan. */
  announce(location: PlanLocation, record: PlanRecord, entries: readonly HistoryEntry[]): void {
    const notes = milestoneNotes(record.plan, entries);
    if (notes.length === 0) return;
    const targets = new Map<string, CardTarget>();
    for (const ref of record.cards) {
      if (ref.taskId === 'summary')
        targets.set(ref.conversationId, { conversationId: ref.conversationId, serviceUrl: ref.serviceUrl });
    }
    this.deps.background.track(async () => {
      await Promise.all(
        [...targets.values()].map(async (target) => {
          for (const note of notes) {
            const outcome = await this.deps.delivery.send({
              conversationId: target.conversationId,
              tenantId: location.tenantId,
              key: `${note.key}:${target.conversationId}`,
              run: (signal) => this.deps.port.postText(target, note.text, signal),
            });
            if (!outcome.ok) {
              this.deps.logger.warn({ reason: outcome.reason }, 'could not post a milestone note');
              return;
            }
          }
        }),
      );
    });
  }

  private postCard(
    tenantId: string,
    target: CardTarget,
    key: string,
    card: AdaptiveCardJson,
  ): Promise<DeliveryOutcome<string | undefined>> {
    return this.deps.delivery.send({
      conversationId: target.conversationId,
      tenantId,
      key,
      run: (signal) => this.deps.port.post(target, card, signal),
    });
  }

  /** Posting ends early (conversation blocked or inactive, retries exhausted): keep what was posted, say why. */
  private async stop(
    refs: CardRef[],
    location: PlanLocation,
    planId: string,
    posted: number,
    target: CardTarget | undefined,
    fellBack: boolean,
    outcome: DeliveryOutcome<unknown>,
  ): Promise<PostingResult> {
    const reason = outcome.ok ? 'unknown' : outcome.reason;
    this.deps.logger.warn({ reason, posted }, 'stopped posting a plan');
    if (refs.length > 0) await this.deps.planStore.rememberCards(location, refs, { planId });
    return { posted, conversationId: target?.conversationId, fellBack, stopped: reason };
  }
}
