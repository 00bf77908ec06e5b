import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startProcess, waitForHttp, type ManagedProcess } from './processes';

/** This file runs from scripts/lib (tests) and from build/scripts/lib (compiled), so find the root instead of counting levels. */
function findRepoRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, '.m365agentsplayground.yml'))) return dir;
  }
  throw new Error(`Could not find the repository root above ${from}.`);
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const PLAYGROUND_CONFIG = join(REPO_ROOT, '.m365agentsplayground.yml');

export interface PlaygroundOptions {
  readonly botEndpoint: string;
  readonly port: number;
  /** Where the Playground writes its log; two instances must not share one file. */
  readonly logFile: string;
  readonly echo?: boolean;
}

/**
 * Starts the Microsoft 365 Agents Playground (a local Teams-like web client) against a bot endpoint.
 * Channel id `msteams` turns on the Teams-specific activities (install events, channels, mentions);
 * no browser is opened and no telemetry is sent.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<ManagedProcess & { url: string }> {
  mkdirSync(resolve(options.logFile, '..'), { recursive: true });
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [REPO_ROOT] });
  const playground = startProcess(
    process.execPath,
    [cli, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    {
      cwd: REPO_ROOT,
      echo: options.echo,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
        M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
        TEAMSAPPTESTER_LOGFILE: options.logFile,
      },
    },
  );
  const url = `http://localhost:${options.port}`;
  try {
    await waitForHttp(url, 30_000, playground.alive);
  } catch (error) {
    await playground.stop();
    throw new Error(
      `The Agents Playground did not start: ${(error as Error).message}\n${playground.output().slice(-2000)}`,
      { cause: error },
    );
  }
  return Object.assign(playground, { url });
}
