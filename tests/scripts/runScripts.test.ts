/**
 * scripts/run-scripts.ts, which `npm test` uses to run the type checks and the linters side by side. Each script in
 * the throwaway package below waits until the other has started, so the pair only passes when both really run at
 * the same time; the waits are bounded, so a runner that ran them one after the other fails instead of hanging.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-guide-run-scripts-'));
  writeFileSync(join(dir, 'meet.js'), MEET);
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
      },
    }),
  );
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(...names: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    // Whatever npm runs this test must not be the npm the runner picks for the fixture package.
    delete env.npm_execpath;
    execFile(
      process.execPath,
      ['-r', REGISTER, RUNNER, ...names],
      { cwd: dir, env, timeout: 100_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
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

  it('asks for script names when given none', async () => {
    const { code, stderr } = await run();
    expect(code).toBe(2);
    expect(stderr).toMatch(/Name the npm scripts to run/);
  });

  it('is how npm test runs the type check, ESLint and the format check before jest', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.test).toBe(
      'node -r ./tests/fixtures/register-ts.js scripts/run-scripts.ts typecheck:tests lint:eslint format:check && jest',
    );
    expect(scripts['typecheck:src']).toBe('tsc -p tsconfig.json --noEmit');
    expect(scripts['typecheck:tests']).toBe('tsc -p tests/tsconfig.json --noEmit');
    expect(scripts['lint:eslint']).toBe('eslint .');
  });
});
