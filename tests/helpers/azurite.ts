import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Azurite's blob service as a child process owned by one test file.
 * Started with `node …/blob/main.js` so that one PID owns it (`npx azurite-blob` leaves an npm → sh → node tree
 * whose node survives killing the npm PID), and with `--disableTelemetry` so it never reaches outside loopback.
 */
export interface Azurite {
  readonly connectionString: string;
  readonly port: number;
  /** Where Azurite keeps its data; survives halt() and restart(). */
  readonly location: string;
  /** Milliseconds from spawn until the last start answered HTTP. */
  readonly startMs: number;
  /** Stops the process (SIGTERM, then SIGKILL) but keeps the data, to simulate an outage. */
  halt(): Promise<void>;
  /** Starts Azurite again on the same port and location; resolves once it answers. */
  restart(): Promise<void>;
  /** Stops the process and removes its data. Safe to call more than once. */
  stop(): Promise<void>;
}

/** The well-known Azurite development account; it is public and only ever valid against the emulator. */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const MAIN = require.resolve('azurite/dist/src/blob/main.js');
/**
 * Azurite needs about 2 s of CPU to start: 6-9 s of wall time on a shared 2-core machine at rest, and past 10 s under
 * load. A failed start is retried on a new port (below), so this only bounds how long a broken start takes to report.
 */
const READY_TIMEOUT_MS = 60_000;
/**
 * How long a SIGTERM gets before SIGKILL. Azurite saves its metadata to --location as it stops, and a busy machine can
 * stretch that past a few seconds; killed before it is done, the data blobFaults expects to survive an outage is lost.
 */
const KILL_GRACE_MS = 30_000;

export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
}

/** A port that was free a moment ago; the small race with other processes is handled by retrying the start. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startAzurite(): Promise<Azurite> {
  const location = mkdtempSync(join(tmpdir(), 'sync-guide-azurite-'));
  let child: ChildProcess | undefined;
  let port = 0;
  let startMs = 0;
  let stopped = false;

  const launch = async (): Promise<void> => {
    const started = Date.now();
    const proc = spawn(
      process.execPath,
      [
        MAIN,
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        String(port),
        '--location',
        location,
        '--skipApiVersionCheck',
        '--loose',
        '--disableTelemetry',
        '--silent',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    try {
      await waitUntilAnswering(port, proc, () => stderr);
      startMs = Date.now() - started;
    } catch (error) {
      await kill(proc);
      child = undefined;
      throw error;
    }
  };

  try {
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await launch();
        break;
      } catch (error) {
        // Another process may have taken the port between freePort() and Azurite's listen().
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    rmSync(location, { recursive: true, force: true });
    throw error;
  }

  const halt = async () => {
    if (child) await kill(child);
    child = undefined;
  };

  return {
    connectionString: azuriteConnectionString(port),
    port,
    location,
    get startMs() {
      return startMs;
    },
    halt,
    restart: async () => {
      if (stopped) throw new Error('Azurite was stopped for good; start a new one');
      await halt();
      await launch();
    },
    stop: async () => {
      stopped = true;
      await halt();
      rmSync(location, { recursive: true, force: true });
    },
  };
}

/** Any HTTP answer (even 400 for a bare GET) means the blob service is listening and routing requests. */
async function waitUntilAnswering(port: number, proc: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(
        `Azurite exited (code ${proc.exitCode}, signal ${proc.signalCode}) before answering on port ${port}: ${stderr()}`,
      );
    }
    try {
      await fetch(`http://127.0.0.1:${port}/${ACCOUNT}?comp=list`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`Azurite did not answer on 127.0.0.1:${port} within ${READY_TIMEOUT_MS} ms: ${stderr()}`);
}

/** SIGTERM lets Azurite flush its metadata to --location; SIGKILL is the backstop so a test run never leaves it behind. */
function kill(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => proc.kill('SIGKILL'), KILL_GRACE_MS);
    proc.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}
