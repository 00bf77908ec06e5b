import { CheckLoop, walkEach } from '../../src/scheduler/checkLoop';

/** A check that stays running until the test lets it finish. */
function gatedCheck() {
  let calls = 0;
  let release: (() => void) | undefined;
  const check = () => {
    calls++;
    return new Promise<number>((resolve) => {
      release = () => resolve(calls);
    });
  };
  return { check, calls: () => calls, finish: () => release?.() };
}

/** The smallest scheduler: its check is the given function. */
class Loop<T> extends CheckLoop<T> {
  constructor(
    private readonly pass: () => Promise<T>,
    checkSeconds: number,
    private readonly enabled = true,
  ) {
    super(checkSeconds);
  }
  protected check(): Promise<T> {
    return this.pass();
  }
  protected override isEnabled(): boolean {
    return this.enabled;
  }
}

afterEach(() => {
  jest.useRealTimers();
});

describe('CheckLoop', () => {
  test('a second runOnce while a check runs gets that check, not a second one', async () => {
    const gate = gatedCheck();
    const loop = new Loop(gate.check, 0);
    const first = loop.runOnce();
    const second = loop.runOnce();
    expect(second).toBe(first);
    gate.finish();
    await expect(first).resolves.toBe(1);
    expect(gate.calls()).toBe(1);
    // Once it is over, the next runOnce is a new check.
    const third = loop.runOnce();
    gate.finish();
    await expect(third).resolves.toBe(2);
  });

  test('the timer starts checks and skips a tick while one still runs', async () => {
    jest.useFakeTimers();
    const gate = gatedCheck();
    const loop = new Loop(gate.check, 60);
    loop.start();
    loop.start(); // a second start sets no second timer
    expect(gate.calls()).toBe(0);
    jest.advanceTimersByTime(60_000);
    expect(gate.calls()).toBe(1);
    jest.advanceTimersByTime(60_000); // still running: no overlap
    expect(gate.calls()).toBe(1);
    gate.finish();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(60_000);
    expect(gate.calls()).toBe(2);
    gate.finish();
    await loop.stop();
    jest.advanceTimersByTime(10 * 60_000);
    expect(gate.calls()).toBe(2);
  });

  test('stop waits for the check in progress, and start after stop does nothing', async () => {
    jest.useFakeTimers();
    const gate = gatedCheck();
    const loop = new Loop(gate.check, 60);
    const running = loop.runOnce();
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    gate.finish();
    await stopping;
    await expect(running).resolves.toBe(1);
    loop.start();
    jest.advanceTimersByTime(10 * 60_000);
    expect(gate.calls()).toBe(1);
    await loop.stop(); // twice is fine
  });

  test('no timer with 0 seconds or when the loop has nothing to do', () => {
    jest.useFakeTimers();
    const idle = gatedCheck();
    new Loop(idle.check, 0).start();
    new Loop(idle.check, 60, false).start();
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(10 * 60_000);
    expect(idle.calls()).toBe(0);
  });
});

describe('walkEach', () => {
  test('keeps at most `concurrency` checks in flight and visits every item once', async () => {
    let inFlight = 0;
    let most = 0;
    const walked = await walkEach(
      [1, 2, 3, 4, 5, 6, 7],
      3,
      async (n) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        return n * 10;
      },
      () => -1,
    );
    expect(most).toBe(3);
    expect(walked.map((w) => w.result).sort((a, b) => a - b)).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  test('an item whose check throws gets the error result and the walk goes on', async () => {
    const errors: unknown[] = [];
    const walked = await walkEach(
      ['a', 'bad', 'c'],
      1,
      async (s) => {
        if (s === 'bad') throw new Error('broken record');
        return s.toUpperCase();
      },
      (error, item) => {
        errors.push(error);
        return `failed:${item}`;
      },
    );
    expect(walked).toEqual([
      { item: 'a', result: 'A' },
      { item: 'bad', result: 'failed:bad' },
      { item: 'c', result: 'C' },
    ]);
    expect(errors).toEqual([new Error('broken record')]);
  });

  test('nothing to walk: no call, empty result', async () => {
    const checkOne = jest.fn(async () => 1);
    await expect(walkEach([], 4, checkOne, () => 0)).resolves.toEqual([]);
    expect(checkOne).not.toHaveBeenCalled();
  });
});
