/**
 * scripts/run-scripts.ts, which `npm test` uses to run jest with the type checks and the linters beside it. Each
 * script in the throwaway package below waits until the other has started, so the pair only passes when both really
 * run at the same time; the waits are bounded, so a runner that ran them one after the other fails instead of hanging.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(ROOT, 'tests', 'fixtures', 'register-ts.js');
const RUNNER = join(ROOT, 'scripts', 'run-scripts.ts');

// Prints a line, announces itself with a file, waits (at most 60 s) for the other script's file, prints again, and
// exits with the code it was given.
const MEET = `
const fs = require('node:fs');
const [me, other, code] = process.argv.slice(2);
console.log(me + ': started');
fs.writeFileSync(me + '.here', '');
const until = Date.now() + 60000;
const wait = () => {
  if (fs.existsSync(other + '.here')) {
    console.error(me + ': met ' + other);
    process.exit(Number(code));
  }
  if (Date.now() > until) {
    console.error(me + ': ' + other + ' never started');
    process.exit(4);
  }
  setTimeout(wait, 20);
};
wait();
`;

// The live script: prints a line, then waits (at most 60 s) for the test to answer it with a file, which the test
// writes only once that line has reached the runner's output: so the test passes only if the output streams.
const LIVE = `
const fs = require('node:fs');
const os = require('node:os');
console.log('live: started at priority ' + os.getPriority());
const until = Date.now() + 60000;
const wait = () => {
  if (fs.existsSync('answer')) {
    console.log('live: answered');
    process.exit(0);
  }
  if (Date.now() > until) {
    console.error('live: nobody answered');
    process.exit(4);
  }
  setTimeout(wait, 20);
};
wait();
`;

// A script beside the live one: says its priority and ends at once with the code it was given, long before live.
const QUICK = `
const os = require('node:os');
console.log('quick: priority ' + os.getPriority());
process.exit(Number(process.argv[2]));
`;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-guide-run-scripts-'));
  writeFileSync(join(dir, 'meet.js'), MEET);
  writeFileSync(join(dir, 'live.js'), LIVE);
  writeFileSync(join(dir, 'quick.js'), QUICK);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'run-scripts-fixture',
      private: true,
      scripts: {
        left: 'node meet.js left right 0',
        right: 'node meet.js right left 0',
        patient: 'node meet.js patient broken 0',
        broken: 'node meet.js broken patient 3',
        live: 'node live.js',
        quick: 'node quick.js 0',
        'quick-broken': 'node quick.js 5',
      },
    }),
  );
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The runner's environment: whatever npm runs this test must not be the npm the runner picks for the fixture. */
function runnerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.npm_execpath;
  return env;
}

function run(...names: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', REGISTER, RUNNER, ...names],
      { cwd: dir, env: runnerEnv(), timeout: 100_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Runs with `--live live`, writing the live script's answer file once its first line has reached the output. */
function runLive(...others: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', REGISTER, RUNNER, '--live', 'live', ...others], {
      cwd: dir,
      env: runnerEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const kill = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('live: started') && !existsSync(join(dir, 'answer'))) writeFileSync(join(dir, 'answer'), '');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('close', (code) => {
      clearTimeout(kill);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

/**
 * The block a script's output was printed in: from its heading to the next heading, or to the blank line before the
 * closing summary when it is the last block (the scripts end in either order).
 */
function block(stdout: string, name: string): string {
  const start = stdout.indexOf(`── ${name}:`);
  if (start < 0) return '';
  const ends = [stdout.indexOf('── ', start + 3), stdout.indexOf('\n\n', start) + 1].filter((end) => end > start);
  return stdout.slice(start, ends.length > 0 ? Math.min(...ends) : undefined);
}

describe('run-scripts', () => {
  it('runs the scripts at the same time and passes when all pass, each output in one block under its name', async () => {
    const { code, stdout } = await run('left', 'right');
    expect(code).toBe(0);
    expect(block(stdout, 'left')).toMatch(/^── left: passed in \d+\.\d s\nleft: started\nleft: met right\n$/);
    expect(block(stdout, 'right')).toMatch(/^── right: passed in \d+\.\d s\nright: started\nright: met left\n$/);
  });

  it('fails when one script fails, still runs the others to their end, and names the one that failed', async () => {
    const { code, stdout } = await run('patient', 'broken');
    expect(code).toBe(1);
    expect(block(stdout, 'broken')).toMatch(/^── broken: FAILED \(exit code 3\) in \d+\.\d s\nbroken: started\n/);
    expect(block(stdout, 'patient')).toMatch(
      /^── patient: passed in \d+\.\d s\npatient: started\npatient: met broken\n$/,
    );
    expect(stdout).toMatch(/broken failed; the output above says why/);
  });

  it('--live: prints that script as it runs, runs the others beside it at a lower priority, their blocks after it', async () => {
    const { code, stdout } = await runLive('quick');
    expect(code).toBe(0);
    const liveBlock = stdout.slice(0, stdout.indexOf('── quick:'));
    expect(liveBlock).toMatch(
      /^── live: running; its output follows as it comes\nlive: started at priority (-?\d+)\nlive: answered\n── live: passed in \d+\.\d s\n$/,
    );
    // quick ended long before live, yet its block comes after live's output, whole.
    expect(block(stdout, 'quick')).toMatch(/^── quick: passed in \d+\.\d s\nquick: priority (-?\d+)\n$/);
    const livePriority = Number(/live: started at priority (-?\d+)/.exec(stdout)![1]);
    const quickPriority = Number(/quick: priority (-?\d+)/.exec(stdout)![1]);
    expect(quickPriority).toBeGreaterThan(livePriority);
  });

  it('--live: fails when a script beside the live one fails, and names it', async () => {
    const { code, stdout } = await runLive('quick-broken');
    expect(code).toBe(1);
    expect(stdout).toMatch(/── live: passed in/);
    expect(block(stdout, 'quick-broken')).toMatch(/^── quick-broken: FAILED \(exit code 5\) in \d+\.\d s\n/);
    expect(stdout).toMatch(/quick-broken failed; the output above says why/);
  });

  it('asks for the name after --live', async () => {
    const { code, stderr } = await run('--live');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--live needs the name of a script after it/);
  });

  it('asks for script names when given none', async () => {
    const { code, stderr } = await run();
    expect(code).toBe(2);
    expect(stderr).toMatch(/Name the npm scripts to run/);
  });

  it('is how npm test runs jest, with both type checks, ESLint and the format check beside it', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.test).toBe(
      'node -r ./tests/fixtures/register-ts.js scripts/run-scripts.ts --live test:jest typecheck:src typecheck:tests lint:eslint format:check',
    );
    expect(scripts['test:jest']).toBe('jest');
    expect(scripts['typecheck:src']).toBe('tsc -p tsconfig.json --noEmit');
    expect(scripts['typecheck:tests']).toBe('tsc -p tests/tsconfig.json --noEmit');
    expect(scripts['lint:eslint']).toBe('eslint .');
  });
});
