/**
 * The door to tenant checks: off unless GRAPH_CHECKS=on, only the bot's own tenant, and at most one Graph round
 * per tenant per minute however many people press "Check now" (one round in flight is shared, and its answer is
 * kept for CACHE_MS, longer when Graph asked us to wait).
 *
 * The cache is per instance: several instances may each make their round in the same minute. That bounds the load
 * to instances × 1 round a minute, which Graph's per-app limits are far above.
 */
import type { GraphConfig } from '../config';
import type { TenantSnapshot } from '../domain/tenantHealth';
import type { ReadOutcome } from './tenantReader';
import type { Logger } from '../logger';

export type CheckOutcome =
  | { readonly kind: 'off' }
  /** The request came from a tenant other than the bot's own: nothing was read. */
  | { readonly kind: 'otherTenant' }
  | { readonly kind: 'read'; readonly snapshot: TenantSnapshot; readonly cached: boolean }
  | { readonly kind: 'tokenFailed'; readonly reason: string; readonly at: string };

export interface TenantChecksDeps {
  readonly config: Pick<GraphConfig, 'enabled' | 'tenantId'>;
  /** One Graph round. Absent when checks are off, so nothing can call Graph by mistake. */
  readonly read?: () => Promise<ReadOutcome>;
  readonly clock: () => Date;
  readonly logger: Pick<Logger, 'warn'>;
}

export const CACHE_MS = 60_000;

interface Cached {
  readonly outcome: CheckOutcome;
  readonly until: number;
}

export class TenantChecks {
  private cached: Cached | undefined;
  private inFlight: Promise<CheckOutcome> | undefined;

  constructor(private readonly deps: TenantChecksDeps) {}

  get enabled(): boolean {
    return this.deps.config.enabled && this.deps.read !== undefined;
  }

  /** Whether `tenantId` (from the activity) is the one tenant checks may read. */
  isOwnTenant(tenantId: string): boolean {
    return this.enabled && tenantId.toLowerCase() === this.deps.config.tenantId;
  }

  /** The last answer while it is fresh, without calling Graph; undefined when a round is needed. */
  peek(tenantId: string): CheckOutcome | undefined {
    if (!this.enabled) return { kind: 'off' };
    if (!this.isOwnTenant(tenantId)) return { kind: 'otherTenant' };
    const cached = this.cached;
    if (cached && cached.until > this.deps.clock().getTime())
      return cached.outcome.kind === 'read' ? { ...cached.outcome, cached: true } : cached.outcome;
    return undefined;
  }

  /** The fresh answer, or a new round (shared with anyone else asking meanwhile). Never rejects. */
  check(tenantId: string): Promise<CheckOutcome> {
    const known = this.peek(tenantId);
    if (known) return Promise.resolve(known);
    this.inFlight ??= this.round().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async round(): Promise<CheckOutcome> {
    const startedAt = this.deps.clock();
    let outcome: CheckOutcome;
    try {
      const read = await this.deps.read!();
      outcome =
        read.kind === 'read'
          ? { kind: 'read', snapshot: read.snapshot, cached: false }
          : { kind: 'tokenFailed', reason: read.reason, at: startedAt.toISOString() };
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'tenant check: the Graph round failed');
      outcome = { kind: 'tokenFailed', reason: 'unexpected error', at: startedAt.toISOString() };
    }
    if (outcome.kind === 'tokenFailed')
      this.deps.logger.warn({ reason: outcome.reason }, 'tenant check: no Microsoft Graph token');
    this.cached = { outcome, until: startedAt.getTime() + Math.max(CACHE_MS, retryAfterMs(outcome)) };
    return outcome;
  }
}

/** The longest wait Graph asked for in this round: no round before it has passed. */
function retryAfterMs(outcome: CheckOutcome): number {
  if (outcome.kind !== 'read') return 0;
  const parts = [
    outcome.snapshot.organization,
    outcome.snapshot.passwordSync,
    outcome.snapshot.syncedUsers,
    outcome.snapshot.cloudSyncJobs,
  ];
  return Math.max(
    0,
    ...parts.map((part) => (!part.ok && part.problem.kind === 'throttled' ? part.problem.retryAfterSeconds * 1000 : 0)),
  );
}
