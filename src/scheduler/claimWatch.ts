/**
 * How long this instance has seen each plan's digest claim standing, unchanged, on its own clock. Another
 * instance's timestamps would mean comparing two clocks; the time this instance itself has watched a claim
 * does not, so a claim is taken over only after a whole lease of watching, however far the clocks disagree.
 *
 * In memory and per instance on purpose: it only decides when this instance may stop waiting. One that
 * restarts, or never saw the claim before, waits a whole lease from its first sight, which errs on the safe side.
 */
import { claimKey } from './digestClaims';
import type { DigestClaim } from '../store/reminderRun';

export class ClaimWatch {
  private readonly seen = new Map<string, { readonly key: string; readonly since: number }>();

  constructor(private readonly leaseMs: number) {}

  /**
   * Notes the claim `plan` has now (or none) at `nowMs`; returns its key once it has stood unchanged for a lease,
   * which makes it one this instance may take over.
   */
  observe(plan: string, claim: DigestClaim | undefined, nowMs: number): string | undefined {
    if (!claim) {
      this.seen.delete(plan);
      return undefined;
    }
    const key = claimKey(claim);
    const known = this.seen.get(plan);
    if (!known || known.key !== key) {
      this.seen.set(plan, { key, since: nowMs });
      return undefined;
    }
    return nowMs - known.since >= this.leaseMs ? key : undefined;
  }

  /** Forgets plans no longer checked (reminders off, plan gone), so the map stays as small as the reminder index. */
  keepOnly(plans: ReadonlySet<string>): void {
    for (const plan of this.seen.keys()) if (!plans.has(plan)) this.seen.delete(plan);
  }
}
