// Which test file starts first. With three workers, a run ends when its last worker does, so the files that take
// longest must start at once: a two- or three-minute file handed out near the end of the queue makes the whole run wait
// for it while the other workers sit idle.
//
// jest's own sequencer orders by the durations it cached on an earlier run, and by file size when it has none. A fresh
// clone has none, and size says nothing here: the end-to-end files are among the smallest and the slowest. So every file
// gets an estimate — jest's cached duration when there is one (it is the newest measurement), else the figure below,
// else, for an end-to-end file not listed yet, what such a file usually takes — and the longest go first. Files with no
// estimate keep jest's order (by size) after them. A file that failed last time still goes first, as with jest.
'use strict';
const { default: JestSequencer } = require('@jest/test-sequencer');

/**
 * Seconds each slow file took in a whole run on the 2-core machine (three files at a time, load 2-5), rounded. Only an
 * order is taken from them, so they need not be exact; a file that gets much slower or faster should be updated here
 * (`npx jest --json --outputFile=run.json` gives every file's start and end).
 */
const MEASURED_SECONDS = {
  // The end to end files split on 2026-11-30 (all but the tenant checks and free text) are estimates: whole runs at
  // load 20-28 scaled by the ratio the tenant checks file showed between such a run and this table (about 3). The two
  // typed-questionnaire files are the sums of the four files they were merged from, less a fifth for the reloads.
  'tests/e2e/playgroundConnectSync.test.ts': 105,
  'tests/e2e/playgroundTyped.test.ts': 80,
  'tests/e2e/playgroundChannel.test.ts': 90,
  'tests/integration/twoInstances.test.ts': 56,
  'tests/e2e/playgroundTenantChecks.test.ts': 53,
  'tests/e2e/playground.test.ts': 65,
  'tests/bot/coordination.test.ts': 15,
  'tests/integration/hostileText.test.ts': 28,
  'tests/scripts/package.test.ts': 23,
  'tests/store/storageProbe.test.ts': 20,
  'tests/bot/planRecovery.test.ts': 17,
  'tests/integration/shutdown.test.ts': 17,
  'tests/bot/planFeature.test.ts': 17,
  'tests/store/blobFaults.test.ts': 16,
  'tests/scheduler/digestSkew.test.ts': 15,
  'tests/integration/reminderWeek.test.ts': 14,
  'tests/integration/channelThreads.test.ts': 14,
  'tests/integration/faults.test.ts': 13,
  'tests/store/sqliteCrash.test.ts': 12,
  'tests/store/storage.blob.contract.test.ts': 11,
};

/** An end-to-end file starts a bot, the Agents Playground and Chromium before its first test: never a short file. */
const UNLISTED_E2E_SECONDS = 60;

class LongestFirstSequencer extends JestSequencer {
  /** Estimated milliseconds for a test file, or undefined when nothing is known about it. */
  estimate(test) {
    const cached = this.time(test);
    if (cached != null) return cached;
    const relative = relativePath(test);
    if (relative in MEASURED_SECONDS) return MEASURED_SECONDS[relative] * 1000;
    if (relative.startsWith('tests/e2e/')) return UNLISTED_E2E_SECONDS * 1000;
    return undefined;
  }

  sort(tests) {
    // jest's order first (failed first, then cached duration or size); a stable sort keeps it among equals.
    const base = super.sort([...tests]);
    const rank = new Map(base.map((test, index) => [test, index]));
    const estimates = new Map(base.map((test) => [test, this.estimate(test)]));
    return base.sort((a, b) => {
      const failedA = this.hasFailed(a);
      const failedB = this.hasFailed(b);
      if (failedA !== failedB) return failedA ? -1 : 1;
      const ea = estimates.get(a);
      const eb = estimates.get(b);
      if (ea != null && eb != null && ea !== eb) return eb - ea;
      if ((ea != null) !== (eb != null)) return ea != null ? -1 : 1;
      return rank.get(a) - rank.get(b);
    });
  }
}

/** The test's path from the project root, with forward slashes, as the table is written. */
function relativePath(test) {
  const root = test.context.config.rootDir;
  const path = test.path.startsWith(root) ? test.path.slice(root.length + 1) : test.path;
  return path.split('\\').join('/');
}

module.exports = LongestFirstSequencer;
module.exports.MEASURED_SECONDS = MEASURED_SECONDS;
