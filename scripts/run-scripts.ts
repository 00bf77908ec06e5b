/**
 * Runs several npm scripts of this package at the same time and fails when any of them fails:
 *
 *   node -r ./tests/fixtures/register-ts.js scripts/run-scripts.ts typecheck:src lint:eslint
 *
 * The type checks, ESLint and Prettier each keep one core busy for 10-30 s and need nothing from one another, so on a
 * machine with more than one core they finish sooner side by side than one after the other. Each script's output is
 * held back and printed in one piece when it ends, under its name, so the outputs never interleave; every script runs
 * to its end even when another fails, so one run reports every problem.
 */
import { spawn } from 'node:child_process';

export interface ScriptResult {
  readonly name: string;
  readonly exitCode: number;
  readonly seconds: number;
}

/** npm itself: the one running this file when there is one (npm run …), else the npm on the PATH. */
function npmCommand(): { command: string; args: string[] } {
  const execPath = process.env.npm_execpath;
  if (execPath && /\.[cm]?js$/.test(execPath)) return { command: process.execPath, args: [execPath] };
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
}

function runOne(name: string, cwd: string, write: (text: string) => void): Promise<ScriptResult> {
  const started = Date.now();
  const npm = npmCommand();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    // --silent: npm's own banner and "command failed" footer would repeat what the summary line says.
    const child = spawn(npm.command, [...npm.args, 'run', '--silent', name], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') },
    });
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finish = (exitCode: number, extra = '') => {
      const seconds = (Date.now() - started) / 1000;
      const output = Buffer.concat(chunks).toString('utf8') + extra;
      const mark = exitCode === 0 ? 'passed' : `FAILED (exit code ${exitCode})`;
      write(`── ${name}: ${mark} in ${seconds.toFixed(1)} s\n${output.trimEnd() ? `${output.trimEnd()}\n` : ''}`);
      resolve({ name, exitCode, seconds });
    };
    child.once('error', (error) => finish(1, `could not start npm: ${error.message}\n`));
    child.once('close', (code, signal) => finish(code ?? 1, signal ? `ended by ${signal}\n` : ''));
  });
}

/** Runs the named scripts side by side; resolves once all have ended. */
export async function runScripts(
  names: readonly string[],
  options: { cwd?: string; write?: (text: string) => void } = {},
): Promise<ScriptResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  return Promise.all(names.map((name) => runOne(name, cwd, write)));
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  if (names.length === 0) {
    process.stderr.write('Name the npm scripts to run, for example: run-scripts.ts typecheck:src lint:eslint\n');
    process.exitCode = 2;
    return;
  }
  const results = await runScripts(names);
  const failed = results.filter((result) => result.exitCode !== 0);
  if (failed.length > 0) {
    process.stdout.write(
      `\n${failed.map((r) => r.name).join(', ')} failed; the output above says why. Fix it and run npm test again.\n`,
    );
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
