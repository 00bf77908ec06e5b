/**
 * Azurite's blob service for the benchmark: `node …/blob/main.js` so one PID owns it, `--disableTelemetry` so it never
 * leaves loopback, data in a temp directory removed afterwards. (tests/helpers/azurite.ts does the same for tests;
 * scripts/ is compiled on its own and cannot import from tests/.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './processes';

/** The public, emulator-only development account. */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface BenchAzurite {
  readonly connectionString: string;
  stop(): Promise<void>;
}

export async function startBenchAzurite(): Promise<BenchAzurite> {
  const location = mkdtempSync(join(tmpdir(), 'sync-guide-bench-azurite-'));
  const port = await freePort();
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const child = spawn(
    process.execPath,
    [
      // Loki's lookups by blob name use its index (see azuriteNameFirst.js): without it the scale bench's seeding
      // and every check slow down with the number of blobs in the container.
      '-r',
      join(__dirname, 'azuriteNameFirst.js'),
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
      '--silent',
      '--inMemoryPersistence',
    ],
    {
      // In memory: the emulator's own disk writes are not what the bench measures. Its working directory is a
      // temporary folder all the same, in case it writes anything there.
      cwd: location,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const force = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(force);
    }
    rmSync(location, { recursive: true, force: true });
  };
  // 15 s was not enough on the shared 2-core machine (load 14: no answer in time); the tests' helper waits 60 s too.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Azurite exited before answering: ${stderr}`);
    }
    try {
      await fetch(`http://127.0.0.1:${port}/${ACCOUNT}?comp=list`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`Azurite did not answer on port ${port}: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    stop,
  };
}
