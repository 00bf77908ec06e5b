import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage } from '../../src/store/createStorage';
import { RecoveringStorage } from '../../src/store/recoveringStorage';
import { isEtagConflict } from '../../src/store/storageErrors';
import {
  probeStorage,
  READINESS_PROBE_TIMEOUT_MS,
  STARTUP_PROBE_TIMEOUT_MS,
  StorageUnavailableError,
} from '../../src/store/storageProbe';
import { azuriteConnectionString, freePort } from '../helpers/azurite';
import { startHarness } from '../helpers/botHarness';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(ROOT, 'tests', 'fixtures', 'register-ts.js');
const ENTRY = join(ROOT, 'src', 'index.ts');
const MARK_LOADED = join(ROOT, 'tests', 'fixtures', 'mark-entry-loaded.js');

/** A storage whose read never settles: what a black-holed endpoint looks like from the caller. */
const hanging: Storage = {
  read: () => new Promise<StoreItems>(() => {}),
  write: async () => {},
  delete: async () => {},
};

/** Accepts TCP connections and never answers: the SDK would wait for the OS timeout, minutes. */
let blackHole: Server;
let blackHolePort: number;
const sockets = new Set<Socket>();
let cwd: string;

beforeAll(async () => {
  blackHole = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  blackHolePort = (blackHole.address() as { port: number }).port;
  // An empty working directory, so a developer's .env cannot change what the child process sees.
  cwd = mkdtempSync(join(tmpdir(), 'sync-guide-start-'));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => blackHole.close(resolve));
  rmSync(cwd, { recursive: true, force: true });
});

describe('probeStorage', () => {
  it('resolves when storage answers', async () => {
    await expect(probeStorage(new MemoryStorage(), 1_000)).resolves.toBeUndefined();
  });

  it('rejects within the timeout when storage never answers', async () => {
    const started = Date.now();
    const error = await probeStorage(hanging, 200).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(error).toMatchObject({ timedOut: true, message: expect.stringMatching(/did not answer within 200 ms/) });
    // Generous margins: the point is "bounded by the probe", not how fast this machine is.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('rejects with the cause when the read fails', async () => {
    const failing: Storage = { ...hanging, read: async () => Promise.reject(new Error('boom')) };
    await expect(probeStorage(failing, 1_000)).rejects.toMatchObject({
      timedOut: false,
      message: expect.stringMatching(/boom/),
    });
  });

  it('bounds a blob client whose endpoint accepts connections but never answers', async () => {
    const handle = createStorage({
      kind: 'blob',
      connectionString: azuriteConnectionString(blackHolePort),
      container: 'never',
    });
    const started = Date.now();
    await expect(probeStorage(handle.storage, 500)).rejects.toMatchObject({ timedOut: true });
    // timedOut says the probe's own limit ended it; this only tells an answer from a hang of minutes, with room for a
    // busy machine (3.4 s seen for the 500 ms limit on 2 shared cores).
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('fails fast, without waiting out SDK retries, when the blob endpoint refuses connections', async () => {
    const handle = createStorage({
      kind: 'blob',
      connectionString: azuriteConnectionString(await freePort()),
      container: 'refused',
    });
    const started = Date.now();
    await expect(probeStorage(handle.storage, 10_000)).rejects.toMatchObject({
      timedOut: false,
      message: expect.stringMatching(/ECONNREFUSED/),
    });
    // The SDK default (4 tries, exponential from 4 s) would take about 16 s here.
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});

describe('/readyz with blob storage that accepts connections but never answers', () => {
  it('answers 503 within the readiness limit instead of hanging the probe', async () => {
    const harness = await startHarness({
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azuriteConnectionString(blackHolePort),
      BLOB_CONTAINER: 'never',
    });
    try {
      const started = Date.now();
      const response = await fetch(`${harness.baseUrl}/readyz`);
      expect(response.status).toBe(503);
      // Without the probe's own limit the blob client waits minutes on this endpoint. The margin over the limit is
      // for a busy machine, where one loopback request can take many seconds (15 s seen with 3 jest workers and
      // other jobs on 2 cores), and it still tells an answer from a hang.
      expect(Date.now() - started).toBeLessThan(READINESS_PROBE_TIMEOUT_MS + 30_000);
      expect((await fetch(`${harness.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await harness.close();
    }
  });
});

describe('RecoveringStorage', () => {
  /** A fake cloud client: fails the way the Cosmos SDK does, and counts how often it was built. */
  function fake(fail: () => unknown): { storage: RecoveringStorage; built: () => number; arm: (on: boolean) => void } {
    let built = 0;
    let armed = true;
    const storage = new RecoveringStorage(() => {
      built++;
      const memory = new MemoryStorage();
      return {
        read: (keys) => (armed ? Promise.reject(fail()) : memory.read(keys)),
        write: (changes) => (armed ? Promise.reject(fail()) : memory.write(changes)),
        delete: (keys) => memory.delete(keys),
      };
    });
    return { storage, built: () => built, arm: (on) => (armed = on) };
  }

  it("turns Cosmos' 412 (code, its own message) into the shared eTag conflict error", async () => {
    const { storage } = fake(() =>
      Object.assign(
        new Error(
          '[Error upserting document] Operation cannot be performed because one of the specified precondition is not met',
        ),
        { code: 412 },
      ),
    );
    const error = await storage.write({ 'plans/p1': { v: 1, eTag: '"abc"' } }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/Storage: error writing "plans\/p1" due to eTag conflict/);
    expect(isEtagConflict(error)).toBe(true);
  });

  it('treats "not found" on a conditional write as a conflict (the document it expected is gone), but not on a plain write', async () => {
    const { storage } = fake(() =>
      Object.assign(new Error('[Error upserting document] Entity with the specified id does not exist'), { code: 404 }),
    );
    await expect(storage.write({ 'plans/p1': { v: 1, eTag: '"abc"' } })).rejects.toThrow(/etag conflict/i);
    await expect(storage.write({ 'plans/p1': { v: 1, eTag: '*' } })).rejects.toThrow(/does not exist/);
  });

  it('rebuilds the client after a failure, so a client that failed its first call can recover', async () => {
    const { storage, built, arm } = fake(() =>
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    );
    await expect(storage.read(['k'])).rejects.toThrow(/ECONNREFUSED/);
    await expect(storage.read(['k'])).rejects.toThrow(/ECONNREFUSED/);
    expect(built()).toBe(2);
    arm(false);
    await storage.write({ k: { v: 1 } });
    expect((await storage.read(['k'])).k).toMatchObject({ v: 1 });
    expect(built()).toBe(3);
  });

  it('keeps the client after a conflict: a conflict is an answer, not a broken connection', async () => {
    const { storage, built } = fake(() => Object.assign(new Error('precondition'), { statusCode: 412 }));
    await expect(storage.write({ k: { v: 1, eTag: '"old"' } })).rejects.toThrow(/etag conflict/i);
    await expect(storage.write({ k: { v: 1, eTag: '"old"' } })).rejects.toThrow(/etag conflict/i);
    expect(built()).toBe(1);
  });
});

describe('start-up with blob storage that does not answer', () => {
  /**
   * Loading and transpiling the sources costs a child about 5 s of CPU, and a minute or more of wall time on a busy
   * 2-core machine, so nothing here is timed from the spawn: time runs from the marker line the preload prints once the
   * entry point is loaded (by then the probe has started). A child still running a minute after that line is stuck
   * and is killed; one still loading when the test times out is killed by afterAll.
   */
  const STUCK_AFTER_LOAD_MS = 60_000;
  const running = new Set<ChildProcess>();

  afterAll(async () => {
    await Promise.all(
      [...running].map((child) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        return exited;
      }),
    );
  });

  interface Ended {
    code: number | null;
    signal: NodeJS.Signals | null;
    /** From "entry point loaded" to exit; undefined if the process never got that far. */
    afterLoadMs: number | undefined;
    output: string;
  }

  /** Runs the real entry point from source and reports how it ended. */
  function start(connectionString: string): Promise<Ended> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--no-deprecation', '-r', REGISTER, '-r', MARK_LOADED, ENTRY], {
        cwd,
        env: {
          PATH: process.env.PATH,
          STORAGE: 'blob',
          BLOB_CONNECTION_STRING: connectionString,
          PORT: '0',
          LOG_FORMAT: 'pretty',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.add(child);
      let output = '';
      let loadedAt: number | undefined;
      let stuck: NodeJS.Timeout | undefined;
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (loadedAt === undefined && output.includes('entry point loaded\n')) {
          loadedAt = Date.now();
          stuck = setTimeout(() => child.kill('SIGKILL'), STUCK_AFTER_LOAD_MS);
        }
      });
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        clearTimeout(stuck);
        running.delete(child);
        resolve({ code, signal, afterLoadMs: loadedAt === undefined ? undefined : Date.now() - loadedAt, output });
      });
    });
  }

  it('exits 1 quickly with a message naming the storage and what to check, whether the endpoint refuses or hangs', async () => {
    const [refused, hung] = await Promise.all([
      start(azuriteConnectionString(await freePort())),
      start(azuriteConnectionString(blackHolePort)),
    ]);
    console.log(
      `start-up fail-fast after loading: refused endpoint ${refused.afterLoadMs} ms, hanging endpoint ${hung.afterLoadMs} ms`,
    );

    // Exited by itself, not killed as stuck. Seconds after loading, not the SDK's 16 s of retries (refused) or its
    // unbounded wait (hanging); the 5 s of headroom over the probe is for a busy machine. A refused endpoint must fail
    // on its own error, before the probe's timer.
    expect(refused).toMatchObject({ code: 1, signal: null, afterLoadMs: expect.any(Number) });
    expect(refused.afterLoadMs).toBeLessThan(STARTUP_PROBE_TIMEOUT_MS + 5_000);
    expect(refused.output).toMatch(/Storage "blob" did not answer at start-up/);
    expect(refused.output).toMatch(/ECONNREFUSED/);
    expect(refused.output).not.toMatch(/did not answer within/);
    expect(refused.output).toMatch(/Check BLOB_CONNECTION_STRING/);
    expect(refused.output).not.toContain('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq');

    expect(hung).toMatchObject({ code: 1, signal: null, afterLoadMs: expect.any(Number) });
    expect(hung.afterLoadMs).toBeLessThan(STARTUP_PROBE_TIMEOUT_MS + 5_000);
    expect(hung.output).toMatch(/Storage "blob" did not answer at start-up.*did not answer within 5000 ms/);
    expect(hung.output).toMatch(/Check BLOB_CONNECTION_STRING/);
  }, 300_000);
});
