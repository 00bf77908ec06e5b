/**
 * A digest claim this instance holds while its send is under way. Other instances take a claim over once they
 * have watched it unchanged for a lease (ClaimWatch), so the holder renews it — a new token, written only if
 * the claim is still this one — every third of a lease while the send waits in the queue or between retries,
 * and once more right before each attempt, which goes out only if that renewal succeeded. An attempt then
 * always starts under a claim every other instance has to watch for a whole lease again, and it takes seconds.
 */
import { randomUUID } from 'node:crypto';
import type { PlanLocation, PlanStore } from '../store/planStore';
import { renewClaim } from './digestClaims';

export type Renewal = 'renewed' | 'lost' | 'unknown';

export interface HeldClaimDeps {
  readonly planStore: Pick<PlanStore, 'updateRecord'>;
  readonly location: PlanLocation;
  readonly planId: string;
  readonly clock: () => Date;
  /** Waits `ms`, or rejects when `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly leaseMs: number;
}

export class HeldClaim {
  private current: string;
  private lost = false;
  /** Renewals run one at a time: two at once would each find the other's token and call the claim lost. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: HeldClaimDeps,
    token: string,
  ) {
    this.current = token;
  }

  /** The token the claim has now, as far as this instance wrote it. */
  get token(): string {
    return this.current;
  }

  /** True once a renewal found the claim gone or someone else's. */
  get isLost(): boolean {
    return this.lost;
  }

  /** Writes a new token if the claim is still ours. 'unknown': storage did not say (busy or failing). */
  renew(): Promise<Renewal> {
    const next = this.chain.then(() => this.renewNow());
    this.chain = next;
    return next;
  }

  /** Renews every third of a lease until `work` settles, and returns what `work` returned. */
  async keepWhile<T>(work: () => Promise<T>): Promise<T> {
    const stop = new AbortController();
    const beating = (async () => {
      while (!this.lost) {
        try {
          await this.deps.sleep(this.deps.leaseMs / 3, stop.signal);
        } catch {
          return;
        }
        await this.renew();
      }
    })();
    try {
      return await work();
    } finally {
      stop.abort();
      await beating;
    }
  }

  private async renewNow(): Promise<Renewal> {
    if (this.lost) return 'lost';
    const next = randomUUID();
    try {
      const outcome = await this.deps.planStore.updateRecord(this.deps.location, (record) =>
        renewClaim(record, { planId: this.deps.planId, token: this.current, next, now: this.deps.clock() }),
      );
      if (outcome.kind === 'gaveUp') return 'unknown';
      if (outcome.kind === 'written' && outcome.result) {
        this.current = next;
        return 'renewed';
      }
      this.lost = true;
      return 'lost';
    } catch {
      return 'unknown';
    }
  }
}
