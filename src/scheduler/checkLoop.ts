/**
 * The loop both schedulers run (reminder digests and the tenant watch): a timer every `checkSeconds` that starts a
 * check unless one is still running, `runOnce` for tests and for callers that want a check now (a second call while
 * one runs gets the same check, so checks never overlap), and `stop` that ends the timer and waits for the check in
 * progress, so shutdown never cuts a plan between its claim and its record. The timer is unref'd so it never keeps a
 * process (or jest) alive.
 */
export abstract class CheckLoop<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;
  private stopped = false;

  /** @param checkSeconds real seconds between checks; 0 means start() does nothing (tests call runOnce) */
  protected constructor(private readonly checkSeconds: number) {}

  /** One pass. It must not reject (failures are the check's to log): the timer has no one to tell. */
  protected abstract check(): Promise<T>;

  /** Asked at start(): a loop with nothing to do never sets a timer. */
  protected isEnabled(): boolean {
    return true;
  }

  start(): void {
    if (this.checkSeconds <= 0 || !this.isEnabled() || this.timer || this.stopped) return;
    this.timer = setInterval(() => {
      // A check still running (slow storage, paced sends) is not overlapped by the next one.
      if (!this.running) void this.runOnce();
    }, this.checkSeconds * 1000);
    this.timer.unref();
  }

  /** Stops the timer and waits for a check in progress. Safe to call twice. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  runOnce(): Promise<T> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}

/**
 * Runs `checkOne` over `items` with at most `concurrency` in flight and never rejects: an item whose check throws
 * gets `onError`'s result instead, so one bad plan does not stop the walk over the others. Results come in the order
 * the checks finish.
 */
export async function walkEach<I, R>(
  items: readonly I[],
  concurrency: number,
  checkOne: (item: I) => Promise<R>,
  onError: (error: unknown, item: I) => R,
): Promise<Array<{ readonly item: I; readonly result: R }>> {
  const queue = [...items];
  const done: Array<{ item: I; result: R }> = [];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const item = next;
      const result = await checkOne(item).catch((error: unknown) => onError(error, item));
      done.push({ item, result });
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), queue.length) }, worker));
  return done;
}
