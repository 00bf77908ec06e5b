/**
 * Runs several npm scripts of this package at the same time and fails when any of them fails:
 *
 *   node -r ./tests/fixtures/register-ts.js scripts/run-scripts.ts typecheck:src lint:eslint
 *   node -r ./tests/fixtures/register-ts.js scripts/run-scripts.ts --live test:jest typecheck:src lint:eslint
 *
 * The type checks, ESLint and Prettier each keep one core busy for 10-30 s and need nothing from one another, so on a
 * machine with more than one core they finish sooner side by side than one after the other. Each script's output is
 * held back and printed in one piece when it ends, under its name, so the outputs never interleave; every script runs
 * to its end even when another fails, so one run reports every problem.
 *
 * `--live <name>` runs that script in the foreground: its output is printed as it comes, and the others run beside it
 * at a lower CPU priority, their blocks printed once it has ended. jest spends much of its time waiting on browsers
 * and child processes, so the checks can use the CPU it leaves idle instead of running before it; the lower priority
 * keeps them from slowing the files jest is waiting on.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

export interface ScriptResult {
  readonly name: string;
  readonly exitCode: number;
  readonly seconds: number;
}

/**
 * The niceness of the scripts beside a live one. At rest they still get the CPU the live script leaves idle; on a
 * machine busy with other work they get little of it and can end after the live script (ESLint ended 62 s after jest
 * in a run at load 15-28).
 */
const BACKGROUND_PRIORITY = 10;

type Mode = 'held' | 'live' | 'background';

/** npm itself: the one running this file when there is one (npm run …), else the npm on the PATH. */
function npmCommand(): { command: string; args: string[] } {
  const execPath = process.env.npm_execpath;
  if (execPath && /\.[cm]?js$/.test(execPath)) return { command: process.execPath, args: [execPath] };
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
}

/** Runs one script; resolves with its result and, unless it ran live, the block to print for it. */
function runOne(
  name: string,
  mode: Mode,
  cwd: string,
  write: (text: string) => void,
): Promise<{ result: ScriptResult; block?: string }> {
  const started = Date.now();
  const npm = npmCommand();
  if (mode === 'live') write(`── ${name}: running; its output follows as it comes\n`);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    // --silent: npm's own banner and "command failed" footer would repeat what the summary line says.
    const child = spawn(npm.command, [...npm.args, 'run', '--silent', name], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') },
    });
    // Set before npm starts the script's own processes, which inherit it. Only a speed matter: ignored where refused.
    if (mode === 'background' && child.pid !== undefined) {
      try {
        setPriority(child.pid, BACKGROUND_PRIORITY);
      } catch {
        // Left at normal priority.
      }
    }
    const collect = (chunk: Buffer) => (mode === 'live' ? write(chunk.toString('utf8')) : chunks.push(chunk));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const finish = (exitCode: number, extra = '') => {
      const seconds = (Date.now() - started) / 1000;
      const mark = exitCode === 0 ? 'passed' : `FAILED (exit code ${exitCode})`;
      const result = { name, exitCode, seconds };
      if (mode === 'live') {
        write(`${extra}── ${name}: ${mark} in ${seconds.toFixed(1)} s\n`);
        resolve({ result });
        return;
      }
      const output = (Buffer.concat(chunks).toString('utf8') + extra).trimEnd();
      resolve({ result, block: `── ${name}: ${mark} in ${seconds.toFixed(1)} s\n${output ? `${output}\n` : ''}` });
    };
    child.once('error', (error) => finish(1, `could not start npm: ${error.message}\n`));
    child.once('close', (code, signal) => finish(code ?? 1, signal ? `ended by ${signal}\n` : ''));
  });
}

/**
 * Runs the named scripts side by side; resolves once all have ended. With `live`, that script (one of `names`) prints
 * as it runs and the others' blocks follow it, in the order they ended.
 */
export async function runScripts(
  names: readonly string[],
  options: { cwd?: string; write?: (text: string) => void; live?: string } = {},
): Promise<ScriptResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const { live } = options;
  let liveEnded: Promise<unknown> = Promise.resolve();
  const runs = names.map((name) => {
    const mode: Mode = live === undefined ? 'held' : name === live ? 'live' : 'background';
    const run = runOne(name, mode, cwd, write);
    if (mode === 'live') liveEnded = run;
    return run;
  });
  const printed = runs.map(async (run) => {
    const { block } = await run;
    await liveEnded;
    if (block !== undefined) write(block);
  });
  await Promise.all(printed);
  return Promise.all(runs.map(async (run) => (await run).result));
}

/** `[--live <name>] <name>…`: the scripts to run, with the live one among them. */
export function parseArguments(args: readonly string[]): { names: string[]; live?: string } | { error: string } {
  if (args[0] !== '--live') return args.length > 0 ? { names: [...args] } : { error: 'no names' };
  const [, live, ...others] = args;
  if (live === undefined || live.startsWith('-')) return { error: '--live needs the name of a script after it' };
  return { names: [live, ...others], live };
}

async function main(): Promise<void> {
  const parsed = parseArguments(process.argv.slice(2));
  if ('error' in parsed) {
    process.stderr.write(
      `${parsed.error === 'no names' ? '' : `${parsed.error}. `}Name the npm scripts to run, for example: ` +
        'run-scripts.ts typecheck:src lint:eslint, or run-scripts.ts --live test:jest typecheck:src\n',
    );
    process.exitCode = 2;
    return;
  }
  const results = await runScripts(parsed.names, { live: parsed.live });
  const failed = results.filter((result) => result.exitCode !== 0);
  if (failed.length > 0) {
    process.stdout.write(
      `\n${failed.map((r) => r.name).join(', ')} failed; the output above says why. Fix it and run npm test again.\n`,
    );
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
