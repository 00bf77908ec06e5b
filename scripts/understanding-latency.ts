/**
 * How much understanding costs, on its own (no HTTP, no storage): training time at start, memory the model and
 * the search index add, and the time to read one message (p50/p99), for read-only paraphrases and questions and
 * separately for due dates (the date recognizer runs only for those).
 *
 *   node --expose-gc -r ./tests/fixtures/register-ts.js scripts/understanding-latency.ts [--rounds 200]
 */
import { join } from 'node:path';
import { DUE_DATE_PARAPHRASES, READ_ONLY_PARAPHRASES } from './lib/paraphrases';

// The sources are loaded at run time (through register-ts), as the bench target does: scripts/ compiles on its own.
const ROOT = join(__dirname, '..');
interface UnderstandingLike {
  interpret(text: string, context: object): unknown;
}
const { loadCorpus } = require(join(ROOT, 'src', 'understanding', 'corpus')) as { loadCorpus(locale: string): object };
const { createPlan } = require(join(ROOT, 'src', 'domain', 'plan')) as { createPlan(input: object): object };
const { planContext } = require(join(ROOT, 'src', 'understanding', 'planContext')) as {
  planContext(plan: object, now: Date): object;
};
const { Understanding } = require(join(ROOT, 'src', 'understanding', 'understand')) as {
  Understanding: new (corpus: object) => UnderstandingLike;
};

const roundsAt = process.argv.indexOf('--rounds');
const ROUNDS = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 200;
const gc = (globalThis as { gc?: () => void }).gc;

function memory(): { heap: number; rss: number } {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, rss: usage.rss };
}

function percentiles(samples: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: sorted[Math.floor(sorted.length * 0.5)],
    p99: sorted[Math.floor(sorted.length * 0.99)],
    max: sorted[sorted.length - 1],
  };
}

function time(messages: readonly string[], run: (text: string) => unknown, rounds: number): number[] {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const text of messages) {
      const started = process.hrtime.bigint();
      run(text);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return samples;
}

const now = new Date('2026-12-01T10:00:00Z');
const context = planContext(
  createPlan({
    id: 'bench',
    selection: { tool: 'cloudSync' },
    createdBy: { id: 'u', name: 'U' },
    at: now.toISOString(),
  }),
  now,
);
const corpus = loadCorpus('en');
const before = memory();
const started = process.hrtime.bigint();
const understanding = new Understanding(corpus);
const trainingMs = Number(process.hrtime.bigint() - started) / 1e6;
const after = memory();

// Warm-up, then measure.
time(READ_ONLY_PARAPHRASES, (text) => understanding.interpret(text, context), 20);
const readOnly = percentiles(time(READ_ONLY_PARAPHRASES, (text) => understanding.interpret(text, context), ROUNDS));
time(DUE_DATE_PARAPHRASES, (text) => understanding.interpret(text, context), 3);
const dueDates = percentiles(
  time(DUE_DATE_PARAPHRASES, (text) => understanding.interpret(text, context), Math.max(5, Math.floor(ROUNDS / 20))),
);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(3)} ms`;
console.log(`training and indexing at start: ${trainingMs.toFixed(0)} ms`);
console.log(
  `memory added: heap ${mb(after.heap - before.heap)}, RSS ${mb(after.rss - before.rss)}${gc ? '' : ' (run with --expose-gc for settled figures)'}`,
);
console.log(
  `paraphrases and questions (${READ_ONLY_PARAPHRASES.length} messages × ${ROUNDS}): p50 ${ms(readOnly.p50)}, p99 ${ms(readOnly.p99)}, max ${ms(readOnly.max)}`,
);
console.log(
  `due dates in words (${DUE_DATE_PARAPHRASES.length} messages): p50 ${ms(dueDates.p50)}, p99 ${ms(dueDates.p99)}`,
);
