import { fastestRunMs } from './hostileText';

/** Blocks this thread without using CPU, as a process does while the machine's cores are busy with other work. */
function waitWithoutCpu(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Spins until this process has used `ms` of CPU time. */
function burnCpu(ms: number): void {
  const started = process.cpuUsage();
  for (;;) {
    const { user, system } = process.cpuUsage(started);
    if ((user + system) / 1000 >= ms) return;
  }
}

describe('fastestRunMs: the CPU time work costs, not how long it waited for a core', () => {
  it('does not count time the process spent off the CPU', () => {
    expect(fastestRunMs(() => waitWithoutCpu(300), 50)).toBeLessThan(50);
  });

  it('counts work that keeps the CPU busy, on every try', () => {
    let runs = 0;
    const ms = fastestRunMs(() => {
      runs++;
      burnCpu(80);
    }, 50);
    expect(ms).toBeGreaterThanOrEqual(80);
    expect(runs).toBe(3);
  });

  it('stops at the first run within the bound', () => {
    let runs = 0;
    fastestRunMs(() => runs++, 50);
    expect(runs).toBe(1);
  });
});
