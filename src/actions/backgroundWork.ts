/**
 * Work that runs after the current turn's answer has left: card updates, follow-up messages, uploads. Teams
 * waits for invoke answers and resends slow ones, so anything that talks to other services goes here. Tracked
 * so tests and shutdown can wait for it; errors are logged, never thrown, because nobody awaits the result.
 */
import type { Logger } from '../logger';
export class BackgroundWork {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly logger: Pick<Logger, 'error'>,
    /** Names the work in the log line of a failure. */
    private readonly what: string,
  ) {}

  /** Runs `work` once the current turn has answered. Returns at once. */
  track(work: () => Promise<void>): void {
    // setImmediate: let the invoke answer leave before the first outgoing call starts.
    const promise = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => this.logger.error({ err: error }, `${this.what} failed`))
      .finally(() => this.inFlight.delete(promise));
    this.inFlight.add(promise);
  }

  /** Resolves when all tracked work has finished, including work tracked while waiting. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
