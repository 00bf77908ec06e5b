/**
 * `npm run bench` (not part of `npm test`: it is slow and its figures depend on the machine). In one run on this machine:
 *   1. a bare restify route with our body parsing (the HTTP ceiling),
 *   2. a plain botbuilder echo bot on the same stack (CloudAdapter + TeamsActivityHandler; the framework's floor),
 *   3. our bot with SQLite, 4. our bot with Azurite (blob), and 5. our bot with SQLite and LOG_LEVEL=warn (to show
 *      what the per-turn log line costs),
 * each in its own process, driven by autocannon from this one: "what's next" messages with expectReplies over
 * 1,000 plans in 1,000 channel conversations, and done/reopen card invokes alternating on those plans.
 * Reports requests/s, p50/p99, ratios to the echo bot of the same run, storage calls per turn (counted inside the
 * bot process), and memory after 10,000 and 20,000 conversations; writes docs/benchmarks.md.
 *
 * Each of our rows is measured in rounds paired with the echo bot — echo, ours, echo, ours… — and its ratios are the
 * median of the per-round ratios, so a slow spell on a shared machine hits both sides of a ratio instead of one row.
 *
 * Options: --duration <s> (default 10), --warmup <s> (default 2), --connections <n> (default 50),
 *          --rounds <n> (default 3; for the SQLite and Azurite rows, the LOG_LEVEL=warn row runs one), --no-write,
 *          --scale (after the turn rows, the scale section: scripts/lib/scaleTarget.ts on SQLite and on Azurite),
 *          --scale-plans <n> (default 100,000), --scale-azurite-plans <n> (default: the same), --scale-only (just the scale section, replacing it in docs/benchmarks.md:
 *          for working on it with a smaller --scale-plans),
 *          --only <rows> (a comma list of sqlite, sqlite-warn, azurite) and --workloads <list> (of next, paraphrased,
 *          done): run just those rows and workloads, each still paired round by round with the echo bot, and print
 *          their per-round ratios and medians instead of writing docs/benchmarks.md (no ceiling row, no memory or
 *          profile section): for comparing one row before and after a change, e.g.
 *          `npm run bench -- --only sqlite --workloads next --rounds 5`.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { startBenchAzurite, type BenchAzurite } from './lib/benchAzurite';
import {
  BENCH_TENANT,
  benchConversation,
  type StorageCounts,
  type TargetRequest,
  type TargetStats,
} from './lib/benchTarget';
import { READ_ONLY_PARAPHRASES } from './lib/paraphrases';

const ROOT = join(__dirname, '..');
const REGISTER = join(ROOT, 'tests', 'fixtures', 'register-ts.js');
const TARGET = join(__dirname, 'lib', 'benchTarget.ts');
const PLANS = 1_000;
const USERS = 50;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}
const DURATION_S = option('duration', 10);
const WARMUP_S = option('warmup', 2);
const CONNECTIONS = option('connections', 50);
const ROUNDS = option('rounds', 3);
const SCALE_ONLY = process.argv.includes('--scale-only');
const SCALE = SCALE_ONLY || process.argv.includes('--scale');
const SCALE_PLANS = option('scale-plans', 100_000);
/** Azurite answers a few hundred calls a second on this machine: seeding it as large can take longer than the rest. */
const SCALE_AZURITE_PLANS = option('scale-azurite-plans', SCALE_PLANS);
const SCALE_TARGET = join(__dirname, 'lib', 'scaleTarget.ts');
const SCALE_HEADING = '## At scale: finding due plans';

function listOption<T extends string>(name: string, all: readonly T[]): readonly T[] {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return all;
  const chosen = (process.argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = chosen.filter((c) => !all.includes(c as T));
  if (chosen.length === 0 || unknown.length > 0) throw new Error(`--${name} takes a comma list of ${all.join(', ')}`);
  return chosen as T[];
}
const ROWS = listOption('only', ['sqlite', 'sqlite-warn', 'azurite'] as const);
const WORKLOADS = listOption('workloads', ['next', 'paraphrased', 'done'] as const);
/** A partial run: the table would miss rows, so it prints its rounds instead of writing docs/benchmarks.md. */
const FILTERED = process.argv.includes('--only') || process.argv.includes('--workloads');

// ---------------------------------------------------------------------------------------------------------------
// autocannon ships no types; this is the part of its API used here.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  setupRequest: (request: { body?: string }) => { body?: string };
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;
const autocannon = require('autocannon') as Autocannon;

// ---------------------------------------------------------------------------------------------------------------
// Request bodies, built once: generating JSON per request would load the client, which shares the CPUs.

function message(conversation: number, text: string): string {
  const user = conversation % USERS;
  return JSON.stringify({
    type: 'message',
    id: `bench-${conversation}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    from: { id: `29:bench-user-${user}`, name: `Bench User ${user}`, aadObjectId: `aad-bench-${user}` },
    recipient: { id: '28:sync-guide-bot', name: 'Sync Guide' },
    conversation: {
      id: benchConversation(conversation),
      conversationType: 'channel',
      tenantId: BENCH_TENANT,
      isGroup: true,
    },
    channelData: { tenant: { id: BENCH_TENANT } },
    text,
  });
}

function invoke(plan: number, verb: string): string {
  const user = plan % USERS;
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `bench-invoke-${plan}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: `29:bench-user-${user}`, name: `Bench User ${user}`, aadObjectId: `aad-bench-${user}` },
    recipient: { id: '28:sync-guide-bot', name: 'Sync Guide' },
    conversation: { id: benchConversation(plan), conversationType: 'channel', tenantId: BENCH_TENANT, isGroup: true },
    channelData: { tenant: { id: BENCH_TENANT } },
    value: {
      action: {
        type: 'Action.Execute',
        verb,
        data: { planId: `bench-plan-${plan}`, taskId: 'cloudSync.prerequisites', revision: 1 },
      },
      trigger: 'manual',
    },
  });
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
const NEXT_BODIES = range(0, PLANS).map((i) => message(i, "what's next"));
/** People's own words that change nothing (next, status, tasks, history, why, help and questions for the guide), one per conversation in turn. */
const PARAPHRASE_BODIES = range(0, PLANS).map((i) =>
  message(i, READ_ONLY_PARAPHRASES[i % READ_ONLY_PARAPHRASES.length]),
);
/**
 * Done on every plan, then reopen on every plan, round and round: the same plan comes back only after 1,000 other
 * requests, long after its previous request finished, so every invoke changes its plan (checked by revisions).
 */
const DONE_REOPEN_BODIES = [
  ...range(0, PLANS).map((i) => invoke(i, 'task.done')),
  ...range(0, PLANS).map((i) => invoke(i, 'task.reopen')),
];

// ---------------------------------------------------------------------------------------------------------------

interface Target {
  readonly name: string;
  readonly url: string;
  ask<T>(request: TargetRequest): Promise<T>;
  stop(): Promise<void>;
}

async function startTarget(
  name: string,
  kind: 'restify' | 'echo' | 'bot',
  env: Record<string, string> = {},
): Promise<Target> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--no-deprecation', '--expose-gc', '-r', REGISTER, TARGET, kind],
    {
      cwd: ROOT,
      // Production-like logging (JSON at info) goes to /dev/null: its cost is the bot's, the terminal's is not.
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = () =>
    new Promise<any>((resolve, reject) => {
      const onExit = () => reject(new Error(`${name} exited: ${stderr}`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        resolve(m);
      });
    });
  const ready = await Promise.race([
    next(),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${name} did not start: ${stderr}`)), 30_000)),
  ]);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    name,
    url: `http://127.0.0.1:${ready.port}`,
    ask: <T>(request: TargetRequest) => {
      const answer = queue.then(async () => {
        const reply = next();
        child.send(request);
        const value = await reply;
        if (value.error) throw new Error(`${name}: ${value.error}`);
        return value as T;
      });
      queue = answer.catch(() => undefined);
      return answer;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.send({ cmd: 'stop' });
      await exited;
      clearTimeout(force);
    },
  };
}

interface Run {
  readonly target: string;
  readonly workload: 'next' | 'paraphrased' | 'done/reopen' | 'canned POST';
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly failures: number;
  storage?: StorageCounts;
  changed?: number;
  /** For our rows: median over rounds of (our req/s ÷ the echo bot's in the same round), and the same for p99. */
  rpsRatio?: number;
  p99Ratio?: number;
  rounds?: number;
}

/**
 * Where each body list was left: the counted run continues the warm-up's rotation instead of starting over, or its
 * first "done" clicks would land on plans the warm-up already marked done and change nothing.
 */
const cursors = new WeakMap<Target, Map<readonly string[], { k: number }>>();

async function drive(
  target: Target,
  bodies: readonly string[],
  options: { duration?: number; amount?: number },
): Promise<AutocannonResult> {
  const perTarget = cursors.get(target) ?? new Map<readonly string[], { k: number }>();
  cursors.set(target, perTarget);
  const cursor = perTarget.get(bodies) ?? { k: 0 };
  perTarget.set(bodies, cursor);
  return autocannon({
    url: target.url,
    connections: CONNECTIONS,
    ...options,
    requests: [
      {
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[cursor.k++ % bodies.length] }),
      },
    ],
  });
}

/** Response body bytes of the sample requests, by target and workload: part of what each turn costs. */
const responseBytes = new Map<string, number>();

/** One sample request first, so a broken target fails loudly instead of producing fast error figures. */
async function check(target: Target, workload: Run['workload'], body: string, expected: RegExp): Promise<void> {
  const response = await fetch(`${target.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  if (response.status !== 200 || !expected.test(text))
    throw new Error(`${target.name} answered ${response.status}: ${text.slice(0, 300)}`);
  responseBytes.set(`${target.name}|${workload}`, Buffer.byteLength(text));
}

async function measure(
  target: Target,
  workload: Run['workload'],
  bodies: readonly string[],
  counted: boolean,
): Promise<Run> {
  process.stdout.write(`  ${target.name}, ${workload}: warm-up ${WARMUP_S} s, `);
  await drive(target, bodies, { duration: WARMUP_S });
  if (counted) await target.ask({ cmd: 'reset' });
  process.stdout.write(`measuring ${DURATION_S} s … `);
  const result = await drive(target, bodies, { duration: DURATION_S });
  const run: Run = {
    target: target.name,
    workload,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
  if (counted) {
    // Turns still in flight when autocannon stopped finish within a few ms; their calls belong to the counted turns.
    await new Promise((resolve) => setTimeout(resolve, 300));
    run.storage = (await target.ask<{ stats: TargetStats }>({ cmd: 'stats' })).stats.storage;
  }
  console.log(
    `${Math.round(run.rps)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms${run.failures ? `, ${run.failures} FAILED` : ''}`,
  );
  return run;
}

async function benchBot(name: string, env: Record<string, string>, echo: Target, rounds: number, memory: boolean) {
  const target = await startTarget(name, 'bot', env);
  const runs: Run[] = [];
  let rss: { afterPlans: TargetStats; after10k?: TargetStats; after20k?: TargetStats } | undefined;
  let profile:
    | { nextCardUs: number; taskCardUs: number; planLoadUs: number; understandingUs: { p50: number; p99: number } }
    | undefined;
  try {
    await target.ask({ cmd: 'seed', plans: PLANS });
    await check(target, 'next', NEXT_BODIES[0], /Review Cloud Sync prerequisites/);
    // Plan 0 takes one extra change here; the counted run's changes are measured by revisions before and after it.
    await check(target, 'done/reopen', invoke(0, 'task.start'), /Started by|In progress/);
    // The paraphrased row runs with the main row only (or when a filtered run asks): it measures understanding, which no storage changes.
    const workloads = (['next', 'paraphrased', 'done/reopen'] as const).filter(
      (w) => (w !== 'paraphrased' || memory || FILTERED) && WORKLOADS.includes(w === 'done/reopen' ? 'done' : w),
    );
    if (workloads.includes('paraphrased'))
      await check(target, 'paraphrased', PARAPHRASE_BODIES[0], /Review Cloud Sync prerequisites/);
    for (const workload of workloads) {
      const bodies =
        workload === 'next' ? NEXT_BODIES : workload === 'paraphrased' ? PARAPHRASE_BODIES : DONE_REOPEN_BODIES;
      const pairs: Array<{ echo: Run; ours: Run }> = [];
      for (let round = 1; round <= rounds; round++) {
        const echoRun = await measure(echo, workload, bodies, false);
        echoRuns.push(echoRun);
        pairs.push({
          echo: echoRun,
          ours: workload === 'done/reopen' ? await measureDone(target) : await measure(target, workload, bodies, true),
        });
      }
      runs.push(combineRounds(pairs));
      if (FILTERED) printRounds(name, workload, pairs);
    }
    if (memory && !FILTERED) {
      const afterPlans = (await target.ask<{ stats: TargetStats }>({ cmd: 'stats', gc: true })).stats;
      process.stdout.write(`  ${name}: 10,000 more conversations … `);
      await drive(
        target,
        range(PLANS, 10_000).map((i) => message(i, "what's next")),
        { amount: 10_000 },
      );
      const after10k = (await target.ask<{ stats: TargetStats }>({ cmd: 'stats', gc: true })).stats;
      process.stdout.write('and 10,000 more … ');
      await drive(
        target,
        range(PLANS + 10_000, 10_000).map((i) => message(i, "what's next")),
        { amount: 10_000 },
      );
      const after20k = (await target.ask<{ stats: TargetStats }>({ cmd: 'stats', gc: true })).stats;
      console.log(`RSS ${mb(afterPlans.rssBytes)} → ${mb(after10k.rssBytes)} → ${mb(after20k.rssBytes)}`);
      rss = { afterPlans, after10k, after20k };
      profile = (await target.ask<{ profile: typeof profile }>({ cmd: 'profile', iterations: 2_000 })).profile;
    }
  } finally {
    await target.stop();
  }
  return { runs, rss, profile };
}

/** Every echo-bot run of the session, by workload: the echo rows of the table are their medians. */
const echoRuns: Run[] = [];

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** One table row from several runs of the same target and workload: medians of the rates, sums of the counts. */
function combineRuns(runs: readonly Run[]): Run {
  const storage = runs.every((r) => r.storage) ? runs.map((r) => r.storage!).reduce(addCounts) : undefined;
  const changed = runs.every((r) => r.changed !== undefined) ? runs.reduce((sum, r) => sum + r.changed!, 0) : undefined;
  return {
    target: runs[0].target,
    workload: runs[0].workload,
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    total: runs.reduce((sum, r) => sum + r.total, 0),
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
    rounds: runs.length,
    ...(storage ? { storage } : {}),
    ...(changed !== undefined ? { changed } : {}),
  };
}

/** A filtered run's record of one row: each round's ratios, so the spread shows beside the median. */
function printRounds(name: string, workload: Run['workload'], pairs: ReadonlyArray<{ echo: Run; ours: Run }>): void {
  const rps = pairs.map((p) => p.ours.rps / p.echo.rps);
  const p99 = pairs.map((p) => p.ours.p99 / p.echo.p99);
  console.log(
    `  => ${name}, ${workload}: req/s ratio per round ${rps.map((r) => fixed(r)).join(' ')} (median ${fixed(median(rps))}, ` +
      `spread ${fixed(Math.min(...rps))}–${fixed(Math.max(...rps))}); p99 ratio per round ${p99.map((r) => fixed(r)).join(' ')} (median ${fixed(median(p99))})`,
  );
}

function combineRounds(pairs: ReadonlyArray<{ echo: Run; ours: Run }>): Run {
  return {
    ...combineRuns(pairs.map((p) => p.ours)),
    rpsRatio: median(pairs.map((p) => p.ours.rps / p.echo.rps)),
    p99Ratio: median(pairs.map((p) => p.ours.p99 / p.echo.p99)),
  };
}

function addCounts(a: StorageCounts, b: StorageCounts): StorageCounts {
  const keys = (x: Record<string, number>, y: Record<string, number>) =>
    Object.fromEntries([...new Set([...Object.keys(x), ...Object.keys(y)])].map((k) => [k, (x[k] ?? 0) + (y[k] ?? 0)]));
  return {
    reads: a.reads + b.reads,
    writes: a.writes + b.writes,
    deletes: a.deletes + b.deletes,
    readKeys: keys(a.readKeys, b.readKeys),
    writeKeys: keys(a.writeKeys, b.writeKeys),
  };
}

/** Like measure(), plus the plans' revisions before and after the counted run: each change adds exactly one. */
async function measureDone(target: Target): Promise<Run> {
  process.stdout.write(`  ${target.name}, done/reopen: warm-up ${WARMUP_S} s, `);
  await drive(target, DONE_REOPEN_BODIES, { duration: WARMUP_S });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const before = (await target.ask<{ revisions: number }>({ cmd: 'revisions', plans: PLANS })).revisions;
  await target.ask({ cmd: 'reset' });
  process.stdout.write(`measuring ${DURATION_S} s … `);
  const result = await drive(target, DONE_REOPEN_BODIES, { duration: DURATION_S });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const storage = (await target.ask<{ stats: TargetStats }>({ cmd: 'stats' })).stats.storage;
  const after = (await target.ask<{ revisions: number }>({ cmd: 'revisions', plans: PLANS })).revisions;
  const run: Run = {
    target: target.name,
    workload: 'done/reopen',
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    storage,
    changed: after - before,
  };
  console.log(
    `${Math.round(run.rps)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.changed} plan changes${run.failures ? `, ${run.failures} FAILED` : ''}`,
  );
  return run;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

async function main(): Promise<void> {
  const started = Date.now();
  if (SCALE_ONLY) {
    const section = renderScale(await runScale(), Math.round((Date.now() - started) / 1000));
    console.log(`\n${section}`);
    if (!process.argv.includes('--no-write')) {
      const path = join(ROOT, 'docs', 'benchmarks.md');
      const current = readFileSync(path, 'utf8');
      const at = current.indexOf(SCALE_HEADING);
      writeFileSync(path, `${at >= 0 ? current.slice(0, at) : `${current.trimEnd()}\n\n`}${section}`);
      console.log('Wrote the scale section of docs/benchmarks.md');
    }
    return;
  }
  console.log(
    `Benchmark: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up, ${DURATION_S} s measured per row, ${PLANS} plans in ${PLANS} conversations.`,
  );
  const runs: Run[] = [];
  let echoRss: TargetStats | undefined;

  if (!FILTERED) {
    const ceiling = await startTarget('bare restify', 'restify');
    try {
      runs.push(await measure(ceiling, 'canned POST', NEXT_BODIES, false));
    } finally {
      await ceiling.stop();
    }
  }

  // The echo bot stays up for the whole session: each of our rows is measured in rounds paired with it.
  const echo = await startTarget('echo bot', 'echo');
  let sqlite: Awaited<ReturnType<typeof benchBot>> | undefined;
  let azurite: BenchAzurite | undefined;
  let echoOnBlob: Target | undefined;
  try {
    await check(echo, 'next', NEXT_BODIES[0], /Echo: what's next/);
    await check(echo, 'done/reopen', invoke(0, 'task.start'), /Done/);
    if (ROWS.includes('sqlite')) {
      sqlite = await benchBot('our bot, SQLite', { STORAGE: 'sqlite' }, echo, ROUNDS, true);
      runs.push(...sqlite.runs);
    }
    if (ROWS.includes('sqlite-warn')) {
      const quiet = await benchBot(
        'our bot, SQLite, LOG_LEVEL=warn',
        { STORAGE: 'sqlite', LOG_LEVEL: 'warn' },
        echo,
        FILTERED ? ROUNDS : 1,
        false,
      );
      runs.push(...quiet.runs);
    }
    echoRss = (await echo.ask<{ stats: TargetStats }>({ cmd: 'stats', gc: true })).stats;
    if (!ROWS.includes('azurite')) return;
    // On Azurite every storage call is an HTTP round trip to an emulator on these same CPUs; the echo bot making the
    // same calls there is the floor that row is paired with.
    azurite = await startBenchAzurite();
    const blobEnv = { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString };
    echoOnBlob = await startTarget('echo bot, Azurite', 'echo', { ...blobEnv, BLOB_CONTAINER: 'bench-echo' });
    await echoOnBlob.ask({ cmd: 'seed', plans: PLANS });
    await check(echoOnBlob, 'next', NEXT_BODIES[0], /Echo: what's next/);
    await check(echoOnBlob, 'done/reopen', invoke(0, 'task.start'), /Done/);
    const blob = await benchBot('our bot, Azurite', { ...blobEnv, BLOB_CONTAINER: 'bench' }, echoOnBlob, ROUNDS, false);
    runs.push(...blob.runs);
  } finally {
    await echoOnBlob?.stop();
    await azurite?.stop();
    await echo.stop();
  }
  const echoRows = ['echo bot', 'echo bot, Azurite'].flatMap((target) =>
    (['next', 'paraphrased', 'done/reopen'] as const)
      .map((workload) => echoRuns.filter((r) => r.target === target && r.workload === workload))
      .filter((list) => list.length > 0)
      .map((list) => combineRuns(list)),
  );
  runs.splice(1, 0, ...echoRows);
  if (FILTERED || !sqlite) return;

  const turnSeconds = Math.round((Date.now() - started) / 1000);
  const scale = SCALE ? renderScale(await runScale(), Math.round((Date.now() - started) / 1000) - turnSeconds) : '';
  const report =
    render(runs, sqlite.rss, echoRss, sqlite.profile, Math.round((Date.now() - started) / 1000)) +
    (scale ? `\n${scale}` : '');
  console.log(`\n${report}`);
  if (!process.argv.includes('--no-write')) {
    writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), report);
    console.log('Wrote docs/benchmarks.md');
  }
}

function render(
  runs: Run[],
  rss: { afterPlans: TargetStats; after10k?: TargetStats; after20k?: TargetStats } | undefined,
  echoRss: TargetStats | undefined,
  profile:
    | { nextCardUs: number; taskCardUs: number; planLoadUs: number; understandingUs?: { p50: number; p99: number } }
    | undefined,
  seconds: number,
): string {
  const echoNext = runs.find((r) => r.target === 'echo bot' && r.workload === 'next')!;
  const echoInvoke = runs.find((r) => r.target === 'echo bot' && r.workload === 'done/reopen')!;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  let nproc = String(cpus().length);
  try {
    nproc = execSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // os.cpus() is the fallback
  }
  const lines: string[] = [];
  lines.push('# Benchmarks', '');
  lines.push(
    `Generated by \`npm run bench\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 10)}; the whole run took ${seconds} s.`,
    '',
  );
  lines.push(
    `Machine: ${nproc} CPUs (\`nproc\`; ${cpu}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB memory, Node ${process.version}, ${process.platform}. The load generator (autocannon 9.0.0, in the bench process) and the server under test share these CPUs.`,
    '',
  );
  lines.push('## Method', '');
  lines.push(
    `Each target runs in its own process; autocannon drives it with ${CONNECTIONS} connections for ${DURATION_S} s after a ${WARMUP_S} s warm-up. ` +
      `"next" is a \`what's next\` message with \`deliveryMode: expectReplies\` in one of ${PLANS} channel conversations (round robin), each holding a Cloud Sync plan; ` +
      `"done/reopen" is an \`adaptiveCard/action\` invoke (\`task.done\` on every plan, then \`task.reopen\` on every plan, round and round), so every invoke changes its plan. ` +
      'The seeded plans have no posted cards, so a change triggers no card fan-out: the figures are the turn itself. ' +
      'The echo bot (CloudAdapter + TeamsActivityHandler on restify, no state, no logging) echoes messages and answers card actions with a one-line card; ' +
      '"echo bot, Azurite" is the same bot making our turn\'s storage calls on Azurite (a read of a 4 KB blob per message, a read and a conditional write per click), and its rows\' ratios show what those calls alone cost; Azurite keeps its data in memory (`--inMemoryPersistence`), so its own disk writes are not measured. ' +
      'Our bot is built by `createApp` exactly as `src/index.ts` builds it, with production logging (JSON at info, one line per turn) sent to /dev/null; the LOG_LEVEL=warn row shows what that line costs. ' +
      'Storage calls are counted inside the bot process by a decorator on its Storage instance; RSS is read inside the target after two forced GCs. ' +
      `The echo bot stays up for the whole session and each of our rows is measured in rounds paired with it (echo, ours, echo, ours; ${ROUNDS} rounds, one for the LOG_LEVEL=warn row): ` +
      'a row shows the medians of its rounds, and its ratios are the medians of the per-round ratios, so a slow spell on this shared machine lands on both sides of a ratio. ' +
      'The echo rows are the medians of all the echo runs.',
    '',
  );
  lines.push('## Throughput and latency', '');
  lines.push(
    '| target | workload | rounds | req/s | p50 ms | p99 ms | req/s ÷ echo | p99 ÷ echo | response bytes | failed |',
  );
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of runs) {
    const echo = r.workload === 'done/reopen' ? echoInvoke : echoNext;
    const bytes = responseBytes.get(`${r.target}|${r.workload}`);
    lines.push(
      `| ${r.target} | ${r.workload} | ${r.rounds ?? 1} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${fixed(r.rpsRatio ?? r.rps / echo.rps)} | ${fixed(r.p99Ratio ?? r.p99 / echo.p99)} | ${bytes ?? '–'} | ${r.failures} |`,
    );
  }
  lines.push(
    '',
    'Ratios compare with the echo bot on the same workload (for done/reopen: the echo bot answering the same invoke), paired round by round for our rows; ' +
      'the Azurite row is paired with the echo bot making the same storage calls on Azurite (a 4 KB blob read per message, a read and a conditional write per click).',
    '',
  );

  lines.push('## Against the throughput targets', '');
  lines.push('| target | measured | met |', '|---|---|---|');
  for (const r of runs.filter((x) => x.target.startsWith('our bot') && !x.target.includes('warn'))) {
    const ratio = r.rpsRatio as number;
    const p99 = r.p99Ratio as number;
    const floor = r.target.includes('Azurite') ? 'the echo bot with the same Azurite calls' : 'echo';
    if (r.workload === 'next') {
      lines.push(
        `| ${r.target}: "what's next" ≥ 0.85× ${floor} req/s, p99 ≤ 1.5× | ${fixed(ratio)}×, p99 ${fixed(p99)}× | ${ratio >= 0.85 && p99 <= 1.5 ? 'yes' : 'no'} |`,
      );
    } else if (r.workload === 'paraphrased') {
      const reading = profile?.understandingUs;
      lines.push(
        `| ${r.target}: reading a message in people's words, p99 ≤ 1 ms (in-process) | ${reading ? `${fixed(reading.p99 / 1000, 2)} ms (p50 ${fixed(reading.p50 / 1000, 2)} ms); whole turn ${fixed(ratio)}× echo, p99 ${fixed(p99)}×` : 'not profiled'} | ${reading ? (reading.p99 <= 1000 ? 'yes' : 'no') : '–'} |`,
      );
    } else {
      lines.push(
        `| ${r.target}: "done" invoke ≥ 0.6× ${floor} answering the same invoke | ${fixed(ratio)}× | ${ratio >= 0.6 ? 'yes' : 'no'} |`,
      );
    }
  }
  lines.push('');

  lines.push('## Storage calls per turn', '');
  lines.push(
    'Per measured turn (keys touched, by kind of document). "private" is the per-person dialog state (PrivateConversationState), "conversation" is ConversationState.',
    '',
  );
  lines.push(
    '| target | workload | turns | plan reads | plan writes | private reads | private writes | conversation reads | conversation writes | other reads | other writes | plan writes per change |',
  );
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of runs.filter((x) => x.storage)) {
    const s = r.storage!;
    const per = (n: number | undefined) => fixed((n ?? 0) / r.total, 3);
    const perChange = r.changed ? `${fixed((s.writeKeys.plan ?? 0) / r.changed, 3)} (${r.changed} changes)` : '–';
    lines.push(
      `| ${r.target} | ${r.workload} | ${r.total} | ${per(s.readKeys.plan)} | ${per(s.writeKeys.plan)} | ${per(s.readKeys.privateState)} | ${per(s.writeKeys.privateState)} | ${per(s.readKeys.conversationState)} | ${per(s.writeKeys.conversationState)} | ${per(s.readKeys.other)} | ${per(s.writeKeys.other)} | ${perChange} |`,
    );
  }
  lines.push('');

  lines.push(
    'Reading the table: a read-only turn reads its plan once and writes nothing to it; a change reads the plan once and writes it once ' +
      '(one conditional write; more only on an eTag conflict). "Other writes" on a change are history pages: once a plan holds 30 history entries, ' +
      'the oldest 15 move to a page written just before the plan (docs/storage.md), so one change in 15 writes two keys in two calls. ' +
      'Card invokes read no BotState. ConversationState is never read or written. ' +
      'Plan commands ("what\'s next", "status", "done 3" …) skip the sender\'s private (dialog) state altogether, ' +
      'because they go to their own handlers whether or not a questionnaire is running (`src/bot/chooseToolFeature.ts`, `intercept`); ' +
      'other messages read it to learn whether that person is answering questions.',
    '',
  );

  if (rss) {
    lines.push('## Memory', '');
    lines.push('Our bot with SQLite, RSS and V8 heap in use after forced GC:', '');
    lines.push('| after | RSS | heap used |', '|---|---:|---:|');
    lines.push(
      `| the runs above (${PLANS} conversations with plans) | ${mb(rss.afterPlans.rssBytes)} | ${mb(rss.afterPlans.heapUsedBytes)} |`,
    );
    if (rss.after10k)
      lines.push(
        `| 10,000 more conversations ("what's next", no plan) | ${mb(rss.after10k.rssBytes)} | ${mb(rss.after10k.heapUsedBytes)} |`,
      );
    if (rss.after20k)
      lines.push(`| another 10,000 conversations | ${mb(rss.after20k.rssBytes)} | ${mb(rss.after20k.heapUsedBytes)} |`);
    if (echoRss)
      lines.push(`| echo bot after its runs, for reference | ${mb(echoRss.rssBytes)} | ${mb(echoRss.heapUsedBytes)} |`);
    lines.push('');
  }
  if (profile) {
    const ours = runs.find((r) => r.target === 'our bot, SQLite' && r.workload === 'next');
    lines.push('## Where our turn spends its time (in-process, SQLite)', '');
    lines.push(
      `- rendering the "what's next" card (data built, shape found in the cache, values filled in): ${fixed(profile.nextCardUs, 0)} µs; a task card: ${fixed(profile.taskCardUs, 0)} µs`,
    );
    lines.push(`- loading one plan document from SQLite (read + JSON parse): ${fixed(profile.planLoadUs, 0)} µs`);
    if (profile.understandingUs) {
      lines.push(
        `- reading a message in people's words (intent model, task words, guide search), read-only paraphrases and questions: p50 ${fixed(profile.understandingUs.p50, 0)} µs, p99 ${fixed(profile.understandingUs.p99, 0)} µs`,
      );
    }
    if (ours) {
      lines.push(
        `- at the measured ${Math.round(ours.rps)} "what's next" turns/s, card rendering alone takes ${fixed((profile.nextCardUs * ours.rps) / 1e4, 0)}% of one CPU, ` +
          `and the echo bot's whole turn costs about ${fixed(1e6 / echoNext.rps, 0)} µs of wall time per request at its rate`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// The scale section.

interface ScaleCheck {
  readonly label: string;
  readonly expected: number;
  readonly due: number;
  readonly sent: number;
  readonly reads: number;
  readonly planReads: number;
  readonly indexReads: number;
  readonly writes: number;
  readonly ms: number;
}
interface ScaleResult {
  readonly kind: 'sqlite' | 'blob';
  readonly plans: number;
  readonly reminderPlans: number;
  readonly seedSeconds: number;
  readonly afterSeed: { rssBytes: number; heapUsedBytes: number };
  readonly checks: readonly ScaleCheck[];
  readonly week: {
    checks: number;
    reads: number;
    writes: number;
    sent: number;
    expectedSent: number;
    maxReads: number;
    seconds: number;
  };
  /** The week's check at next Monday 09:05, when every weekly plan is due at once. */
  readonly monday: { due: number; sent: number; reads: number; writes: number; ms: number };
  readonly afterWeek: { rssBytes: number; heapUsedBytes: number };
  /** At the end of each simulated day (scaleTarget.ts reads it after forced GCs; the parts are Linux only). */
  readonly weekMemory?: ReadonlyArray<{
    day: number;
    rssBytes: number;
    heapUsedBytes: number;
    externalBytes: number;
    rssAnonBytes?: number;
    rssFileBytes?: number;
  }>;
  readonly milestones: ReadonlyArray<{
    nth: number;
    outcome: string;
    reads: number;
    writes: number;
    ms: number;
    slotPages: number;
  }>;
  readonly largestIndexDocument: { key: string; bytes: number };
  readonly fileBytesPerPlan?: number;
}

/** Runs scaleTarget.ts in its own process, once on SQLite and once on Azurite (an emulator of its own). */
async function runScale(): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const kind of ['sqlite', 'blob'] as const) {
    const azurite = kind === 'blob' ? await startBenchAzurite() : undefined;
    try {
      const plans = kind === 'blob' ? SCALE_AZURITE_PLANS : SCALE_PLANS;
      process.stdout.write(`  scale, ${kind === 'sqlite' ? 'SQLite' : 'Azurite'}: ${plans} plans … `);
      const args = [
        '--no-deprecation',
        '--expose-gc',
        '-r',
        REGISTER,
        SCALE_TARGET,
        kind,
        String(plans),
        ...(azurite ? [azurite.connectionString] : []),
      ];
      const output = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, args, {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
        child.once('exit', (code) =>
          code === 0 ? resolve(stdout) : reject(new Error(`scale target (${kind}) exited with ${code}: ${stderr}`)),
        );
      });
      const result = JSON.parse(output.trim().split('\n').pop()!) as ScaleResult;
      console.log(`seeded in ${fixed(result.seedSeconds, 0)} s; week of checks in ${fixed(result.week.seconds, 0)} s`);
      results.push(result);
    } finally {
      await azurite?.stop();
    }
  }
  return results;
}

function renderScale(results: readonly ScaleResult[], seconds: number): string {
  const lines: string[] = [SCALE_HEADING, ''];
  lines.push(
    `Generated by \`npm run bench -- --scale\` on ${new Date().toISOString().slice(0, 10)} (this section took ${seconds} s). ` +
      `Load average when the section was written: ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs; durations rise with other work on the machine, the storage call counts do not.`,
    '',
    `Method (scripts/lib/scaleTarget.ts, one process per backend, Azurite in memory): ${results.map((r) => `${r.kind === 'sqlite' ? 'SQLite' : 'Azurite'}: ${r.plans.toLocaleString('en')} channel plans in ${Math.round(r.plans / 5).toLocaleString('en')} teams of 5 channels, ${r.reminderPlans.toLocaleString('en')} of them with weekly reminders`).join('; ')}; 50 tenants. ` +
      'Reminder pointers are spread over the hours of the week (100 due in the second hour, up to 1,000 in the third, the rest over the hours up to Sunday 23:00). ' +
      "Seeding writes 48 plan documents at a time (on SQLite 4 storage calls of 12 in flight; on Azurite 48 uploads in flight through a container client, blobs laid out exactly as BlobsStorage writes them) and then each slot's pointers in one append through the app's queue code. " +
      'Azurite runs with a preload (scripts/lib/azuriteNameFirst.js) that lets its in-memory store find a blob through its index on the name; without it every call scans the whole container. ' +
      'The real ReminderScheduler runs on an injected clock; sends go to a port that answers at once. Storage calls are counted in the process (keys read and written, deletes counted as writes). ' +
      '"plan reads" per due plan are four: the look, the claim\'s read-modify-write, the renewal right before the send, and the record of the send; writes are those three.',
    '',
  );
  lines.push('### Storage calls per scheduler check', '');
  lines.push(
    '| backend | check | plans due | digests expected | digests sent | keys read | of them plan reads | of them index reads | keys written | duration ms |',
  );
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    for (const c of r.checks) {
      lines.push(
        `| ${r.kind === 'sqlite' ? 'SQLite' : 'Azurite'} | ${c.label} | ${c.due} | ${c.expected} | ${c.sent} | ${c.reads} | ${c.planReads} | ${c.indexReads} | ${c.writes} | ${fixed(c.ms, 1)} |`,
      );
    }
  }
  lines.push(
    '',
    "A check with nothing due reads the queue's cursor and the current hour's slot (plus, on a process's first check, the old single reminder document it would migrate): a constant handful, whatever the number of plans. With plans due, reads and writes grow with the plans due, not with the plans that have reminders.",
    '',
  );
  lines.push('### A simulated week, memory and size', '');
  lines.push(
    '| backend | seed time | RSS / heap after seed | hourly checks over a week | digests expected | digests sent | most keys read by one check | RSS / heap after the week | largest index document ever written | database file per plan |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    lines.push(
      `| ${r.kind === 'sqlite' ? 'SQLite' : 'Azurite'} | ${fixed(r.seedSeconds, 0)} s | ${mb(r.afterSeed.rssBytes)} / ${mb(r.afterSeed.heapUsedBytes)} | ${r.week.checks} in ${fixed(r.week.seconds, 0)} s | ${r.week.expectedSent} | ${r.week.sent} | ${r.week.maxReads} | ${mb(r.afterWeek.rssBytes)} / ${mb(r.afterWeek.heapUsedBytes)} | ${fixed(r.largestIndexDocument.bytes / 1024, 1)} KB (\`${r.largestIndexDocument.key}\`) | ${r.fileBytesPerPlan === undefined ? '– (Azurite in memory)' : `${fixed(r.fileBytesPerPlan / 1024, 1)} KB`} |`,
    );
  }
  lines.push(
    '',
    "The week runs from hour 3 to hour 170 after Monday 10:00: the digests expected are the rest of this week's plans, then every weekly plan again at next Monday 09:05, when the next period opens; the run fails if the count differs. " +
      'RSS and heap are read after two forced GCs.',
    '',
    '### Memory over the simulated week',
    '',
    "Read at the end of each simulated day, after two forced GCs. RSS splits into anonymous memory (JS heap and native allocations: where a leak would grow) and file-backed memory (SQLite's memory-mapped database pages, up to the 256 MB map: cache the kernel can drop, which grows as the week touches more of the file).",
    '',
    '| backend | day | RSS | of it anonymous | of it file-backed | heap used | external |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...results.flatMap((r) =>
      (r.weekMemory ?? []).map(
        (m) =>
          `| ${r.kind === 'sqlite' ? 'SQLite' : 'Azurite'} | ${m.day} | ${mb(m.rssBytes)} | ${m.rssAnonBytes === undefined ? '–' : mb(m.rssAnonBytes)} | ${m.rssFileBytes === undefined ? '–' : mb(m.rssFileBytes)} | ${mb(m.heapUsedBytes)} | ${mb(m.externalBytes)} |`,
      ),
    ),
    '',
    "That Monday check is the week's busiest: every weekly plan is due at once, so its reads are those of every weekly plan, as due plans should cost.",
    '',
    '| backend | plans due | digests sent | keys read | keys written | duration s |',
    '|---|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.kind === 'sqlite' ? 'SQLite' : 'Azurite'} | ${r.monday.due} | ${r.monday.sent} | ${r.monday.reads} | ${r.monday.writes} | ${fixed(r.monday.ms / 1000, 1)} |`,
    ),
    '',
  );
  lines.push('### Turning reminders on for the nth plan', '');
  lines.push(
    'Pointers for other plans were added in bulk up to one short of each count, all due at the same Monday 09:00 as every weekly plan, then one `add` (what a "Turn on reminders" click does to the queue) into that slot was timed and counted. ' +
      "The add starts at the page the slot's first page names as the first with room, so its reads stay the same however many pages the slot has.",
    '',
  );
  lines.push(
    '| backend | nth plan with reminders | outcome | pages in its slot | keys read | keys written | ms |',
    '|---|---:|---|---:|---:|---:|---:|',
  );
  for (const r of results) {
    for (const m of r.milestones)
      lines.push(
        `| ${r.kind === 'sqlite' ? 'SQLite' : 'Azurite'} | ${m.nth.toLocaleString('en')} | ${m.outcome} | ${m.slotPages} | ${m.reads} | ${m.writes} | ${fixed(m.ms, 1)} |`,
      );
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
