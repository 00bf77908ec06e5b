import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const config = require('../jest.config.js') as { testSequencer?: string };
const Sequencer = require('../jest.sequencer.js') as {
  new (options: unknown): {
    sort(tests: FakeTest[]): FakeTest[];
    time(test: FakeTest): number | undefined;
    hasFailed(test: FakeTest): boolean;
  };
  MEASURED_SECONDS: Record<string, number>;
};

interface FakeTest {
  path: string;
  context: unknown;
}

/** Test files as jest hands them to a sequencer, with the sizes its file map would report; no cache behind them. */
function filesOfSize(sizes: Record<string, number>): FakeTest[] {
  const context = {
    config: { rootDir: ROOT, cache: false, cacheDirectory: '/nonexistent', id: 'sequencer-test' },
    hasteFS: { getSize: (path: string) => sizes[path.slice(ROOT.length + 1)] ?? 0 },
  };
  return Object.keys(sizes).map((relative) => ({ path: join(ROOT, relative), context }));
}

const names = (tests: FakeTest[]) => tests.map((test) => test.path.slice(ROOT.length + 1));

// Sizes as in the tree: the slowest files are not the largest, so size alone would start them late.
const SIZES = {
  'tests/domain/advisor.test.ts': 53_280,
  'tests/domain/plan.test.ts': 23_279,
  'tests/integration/twoInstances.test.ts': 13_617,
  'tests/e2e/playgroundChannel.test.ts': 9_954,
  'tests/e2e/playgroundConnectSync.test.ts': 4_200,
  'tests/e2e/playgroundSomethingNew.test.ts': 3_000,
  'tests/domain/toolNames.test.ts': 1_500,
};

describe('the order jest starts test files in', () => {
  it('is the sequencer in this repository', () => {
    expect(config.testSequencer).toBe('<rootDir>/jest.sequencer.js');
  });

  it('starts the slowest files first in a fresh clone, where jest has no durations and would go by size', () => {
    const sorted = names(new Sequencer({}).sort(filesOfSize(SIZES)));
    expect(sorted).toEqual([
      'tests/e2e/playgroundConnectSync.test.ts',
      'tests/e2e/playgroundChannel.test.ts',
      // An end-to-end file nobody measured yet is still started before the quick ones.
      'tests/e2e/playgroundSomethingNew.test.ts',
      'tests/integration/twoInstances.test.ts',
      // Nothing known: jest's order, largest first.
      'tests/domain/advisor.test.ts',
      'tests/domain/plan.test.ts',
      'tests/domain/toolNames.test.ts',
    ]);
  });

  it("goes by jest's cached durations where it has them, and a file that failed last time still goes first", () => {
    const sequencer = new Sequencer({});
    const cached: Record<string, number> = {
      'tests/domain/toolNames.test.ts': 400_000,
      'tests/e2e/playgroundConnectSync.test.ts': 10_000,
    };
    jest.spyOn(sequencer, 'time').mockImplementation((test) => cached[test.path.slice(ROOT.length + 1)]);
    jest.spyOn(sequencer, 'hasFailed').mockImplementation((test) => test.path.endsWith('tests/domain/plan.test.ts'));
    expect(names(sequencer.sort(filesOfSize(SIZES)))).toEqual([
      'tests/domain/plan.test.ts',
      'tests/domain/toolNames.test.ts',
      'tests/e2e/playgroundChannel.test.ts',
      'tests/e2e/playgroundSomethingNew.test.ts',
      'tests/integration/twoInstances.test.ts',
      'tests/e2e/playgroundConnectSync.test.ts',
      'tests/domain/advisor.test.ts',
    ]);
  });

  it('lists only files that exist, so a renamed slow file is not silently started late', () => {
    const missing = Object.keys(Sequencer.MEASURED_SECONDS).filter((relative) => !existsSync(join(ROOT, relative)));
    expect(missing).toEqual([]);
  });
});
