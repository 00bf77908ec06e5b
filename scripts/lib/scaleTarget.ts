/**
 * The scale part of `npm run bench -- --scale`, in its own process (so its memory figures are its own):
 * `scaleTarget.ts <sqlite|blob> <plans> [connection string]`.
 *
 * Seeds `plans` channel plans (50 tenants; teams of 5 channels, so 100,000 plans are 20,000 teams' channels), a tenth
 * of them with weekly reminders whose pointers are spread over the hours of the week, then drives the real
 * ReminderScheduler on an injected clock, counting storage calls inside this process:
 *   - checks with 0, 100 and 1,000 plans due (reads and writes per check, and how long it took);
 *   - a simulated week of hourly checks (memory at the end of each day, the largest index document written), whose
 *     digest count must be exactly the expected one: the rest of this week's plans, then every weekly plan again when
 *     next Monday 09:00 opens the next period (the run fails otherwise);
 *   - turning reminders on for the 2,001st, 20,001st and last plan (one `add` each, after bulk pointers up to there),
 *     all into the Monday 09:00 slot where every weekly pointer waits, so the slot is hundreds of pages by the end.
 * Sends go to a fake port that answers at once: the figures are the scheduler's and storage's.
 * Prints one JSON line to stdout.
 */
import { statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { createBlobSeeder } from './blobSeeder';
import { readMemory, type MemoryReading } from './processMemory';

/**
 * The parts of src/ this uses. scripts/ is compiled on its own with rootDir scripts/, so src/ is loaded at run time
 * through the transpile hook (as benchTarget.ts does) and its shape is stated here.
 */
interface PlanLocation {
  readonly tenantId: string;
  readonly conversationId: string;
}
type Plan = { readonly id: string } & Record<string, unknown>;
interface QueuedReminder {
  readonly location: PlanLocation;
  readonly planId: string;
  readonly fallback: { readonly conversationId: string; readonly serviceUrl: string };
  readonly since: string;
  readonly dueAt: string;
}
interface ReminderIndexLike {
  addMany(entries: readonly QueuedReminder[], now: Date): Promise<void>;
  slotFor(dueAt: string, now: Date): number;
  slotKey(slot: number, n?: number): string;
  add(entry: Omit<QueuedReminder, 'dueAt'>, dueAt: Date, now: Date): Promise<string>;
  advance(hour: number): Promise<void>;
}
interface DeliveryJob {
  run(signal: AbortSignal): Promise<unknown>;
}
interface SchedulerLike {
  runOnce(): Promise<{ results: ReadonlyArray<{ planId: string; outcome: string }> }>;
}
const ROOT = join(__dirname, '..', '..');
const src = (path: string) => require(join(ROOT, 'src', path));
const { createStorage } = src('store/createStorage') as {
  createStorage(config: object): { storage: Storage; close(): Promise<void> };
};
const { PlanStore } = src('store/planStore') as {
  PlanStore: new (storage: Storage) => { key(location: PlanLocation): string };
};
const { HOUR_MS, ReminderIndex } = src('store/reminderIndex') as {
  HOUR_MS: number;
  ReminderIndex: new (storage: Storage) => ReminderIndexLike;
};
const { ReminderScheduler } = src('scheduler/reminderScheduler') as {
  ReminderScheduler: new (deps: object) => SchedulerLike;
};
const { createPlan } = src('domain/plan') as { createPlan(input: object): Plan };
const { applyPlanEdit } = src('domain/planEdits') as {
  applyPlanEdit(plan: Plan, edit: object, actor: object, at: string): { plan?: Plan; message?: string };
};
const { periodKey } = src('domain/digest') as { periodKey(now: Date, cadence: string): string };

const [kind, plansArg, connectionString] = process.argv.slice(2);
const PLANS = Number(plansArg);
const TENANTS = 50;
const CHANNELS_PER_TEAM = 5;
const REMINDER_SHARE = 10;
/** Plan documents per storage call, and calls in flight: 48 writes at a time on SQLite. */
const SEED_BATCH = 12;
const SEED_WORKERS = 4;
/**
 * Uploads in flight when seeding Azurite. Plans go in straight through a container client (blobSeeder.ts writes the
 * blobs BlobsStorage would): through BlobsStorage at 48 in flight, 1,000 plans took 10 s at load 20.
 */
const BLOB_SEED_IN_FLIGHT = 48;
/** Monday 10:00 UTC: every weekly period of this week is open (digests open at 09:00). */
const T0 = Date.parse('2026-12-07T10:00:00.000Z');
const ANA = { id: 'aad-ana', name: 'Ana Admin' };

interface Counts {
  readKeys: number;
  writeKeys: number;
  deleteKeys: number;
  planReads: number;
  indexReads: number;
}
const fresh = (): Counts => ({ readKeys: 0, writeKeys: 0, deleteKeys: 0, planReads: 0, indexReads: 0 });
let counts = fresh();
let largestIndexDocument = { key: '', bytes: 0 };

/** Counts keys per call and remembers the largest index document ever written. */
function counted(storage: Storage): Storage {
  return {
    read: async (keys: string[]) => {
      counts.readKeys += keys.length;
      for (const key of keys) {
        if (key.startsWith('plans/')) counts.planReads++;
        else counts.indexReads++;
      }
      return storage.read(keys);
    },
    write: async (changes: StoreItems) => {
      counts.writeKeys += Object.keys(changes).length;
      for (const [key, value] of Object.entries(changes)) {
        if (key.startsWith('plans/')) continue;
        // As stored: the eTag a write carries is its condition, not part of the document.
        const { eTag: _condition, ...document } = value as Record<string, unknown>;
        const bytes = Buffer.byteLength(JSON.stringify(document));
        if (bytes > largestIndexDocument.bytes) largestIndexDocument = { key, bytes };
      }
      return storage.write(changes);
    },
    delete: async (keys: string[]) => {
      counts.deleteKeys += keys.length;
      return storage.delete(keys);
    },
  };
}

const memory = readMemory;

/** Phase lines on stderr (stdout carries only the JSON result), so a slow run shows where its time goes. */
function progress(line: string): void {
  process.stderr.write(`scale ${kind}: ${line}\n`);
}

const tenantOf = (i: number) => `bench-tenant-${String(i % TENANTS).padStart(2, '0')}-0000-4000-8000-000000000000`;
const locationOf = (i: number): PlanLocation => ({
  tenantId: tenantOf(i),
  conversationId: `19:team-${Math.floor(i / CHANNELS_PER_TEAM)}-channel-${i % CHANNELS_PER_TEAM}@thread.tacv2`,
});
const planIdOf = (i: number) => `bench-plan-${i}`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-guide-scale-'));
  const dbPath = join(dir, 'scale.sqlite');
  const container = `scale${Date.now()}`;
  const handle =
    kind === 'sqlite'
      ? createStorage({ kind: 'sqlite', path: dbPath })
      : createStorage({ kind: 'blob', connectionString: connectionString, container });
  const seeder =
    kind === 'sqlite' ? undefined : await createBlobSeeder(connectionString, container, BLOB_SEED_IN_FLIGHT);
  const storage = counted(handle.storage);
  const planStore = new PlanStore(storage);
  const index = new ReminderIndex(storage);
  let now = T0;
  const clock = () => new Date(now);
  let sends = 0;
  const delivery = {
    send: async (job: DeliveryJob) => ({ ok: true, value: await job.run(new AbortController().signal), attempts: 1 }),
  };
  const port = { postMessage: async () => `sent-${++sends}` };
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const scheduler = new ReminderScheduler({
    planStore,
    index,
    delivery,
    port,
    clock,
    logger: quiet,
    hourUtc: 9,
    checkSeconds: 0,
    instanceId: 'scale',
  });

  // --- seed -------------------------------------------------------------------------------------------------------
  const base = createPlan({
    id: 'template',
    selection: { tool: 'cloudSync' },
    createdBy: ANA,
    at: new Date(T0 - 30 * 24 * HOUR_MS).toISOString(),
  });
  const edited = applyPlanEdit(
    base,
    { kind: 'setReminders', cadence: 'weekly' },
    ANA,
    new Date(T0 - 14 * 24 * HOUR_MS).toISOString(),
  );
  if (!edited.plan)
    throw new Error(`Could not turn reminders on for the template plan: ${edited.message ?? 'no reason given'}`);
  const withReminders = edited.plan;
  const lastWeek = periodKey(new Date(T0 - 7 * 24 * HOUR_MS), 'weekly');
  const reminderPlans = Math.floor(PLANS / REMINDER_SHARE);
  // Pointers over the week's hours after T0 (none in T0's own hour); hours 1 and 2 hold exactly 100 and 1,000. The
  // rest stay inside this ISO week (hours 3 to 157 after Monday 10:00 end on Sunday 23:00): a pointer due next Monday
  // before 09:00 would wait for the next period and blur the week's count.
  const LAST_SPREAD_HOUR = 157;
  const dueHour = (r: number): number => (r < 100 ? 1 : r < 1_100 ? 2 : 3 + ((r - 1_100) % (LAST_SPREAD_HOUR - 2)));
  const seedStarted = process.hrtime.bigint();
  const pointers: QueuedReminder[] = [];
  const planItems = (from: number, to: number): StoreItems => {
    const items: StoreItems = {};
    for (let i = from; i < Math.min(PLANS, to); i++) {
      const location = locationOf(i);
      const reminders = i % REMINDER_SHARE === 0;
      const plan = { ...(reminders ? withReminders : base), id: planIdOf(i) };
      items[planStore.key(location)] = {
        plan,
        conversationId: location.conversationId,
        tenantId: location.tenantId,
        cards: [],
        ...(reminders ? { reminderRun: { lastSentPeriodKey: lastWeek } } : {}),
        eTag: '*',
      };
      if (reminders) {
        const r = i / REMINDER_SHARE;
        pointers.push({
          location,
          planId: planIdOf(i),
          fallback: { conversationId: location.conversationId, serviceUrl: 'http://127.0.0.1:9/' },
          since: new Date(T0 - 14 * 24 * HOUR_MS).toISOString(),
          dueAt: new Date(T0 + dueHour(r) * HOUR_MS).toISOString(),
        });
      }
    }
    return items;
  };
  if (seeder) {
    // In chunks so the pending documents stay a bounded part of memory whatever PLANS is.
    for (let from = 0; from < PLANS; from += 10_000) await seeder.write(planItems(from, from + 10_000));
  } else {
    let nextBatch = 0;
    await Promise.all(
      Array.from({ length: SEED_WORKERS }, async () => {
        for (let from = nextBatch; from < PLANS; from = nextBatch) {
          nextBatch += SEED_BATCH;
          await storage.write(planItems(from, from + SEED_BATCH));
        }
      }),
    );
  }
  progress(`wrote ${PLANS} plans in ${(Number(process.hrtime.bigint() - seedStarted) / 1e9).toFixed(0)} s`);
  // One append per slot, a few slots at a time: each slot's chain is written by one writer.
  const bySlot = new Map<number, QueuedReminder[]>();
  for (const pointer of pointers) {
    const slot = index.slotFor(pointer.dueAt, clock());
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), pointer]);
  }
  const slotBatches = [...bySlot.values()];
  await Promise.all(
    Array.from({ length: SEED_WORKERS }, async () => {
      for (let batch = slotBatches.shift(); batch; batch = slotBatches.shift()) await index.addMany(batch, clock());
    }),
  );
  await index.advance(Math.floor(T0 / HOUR_MS));
  const seedSeconds = Number(process.hrtime.bigint() - seedStarted) / 1e9;
  progress(`seeded ${PLANS} plans in ${seedSeconds.toFixed(0)} s`);
  const afterSeed = memory();

  // --- checks with 0, 100 and 1,000 due ---------------------------------------------------------------------------
  const checks: Array<{
    label: string;
    expected: number;
    due: number;
    sent: number;
    reads: number;
    planReads: number;
    indexReads: number;
    writes: number;
    ms: number;
  }> = [];
  const inHour1 = Math.min(100, reminderPlans);
  const inHour2 = Math.min(1_000, reminderPlans - inHour1);
  const measure = async (label: string, at: number, expected: number) => {
    now = at;
    counts = fresh();
    const sentBefore = sends;
    const started = process.hrtime.bigint();
    const summary = await scheduler.runOnce();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    checks.push({
      label,
      expected,
      due: summary.results.length,
      sent: sends - sentBefore,
      reads: counts.readKeys,
      planReads: counts.planReads,
      indexReads: counts.indexReads,
      writes: counts.writeKeys + counts.deleteKeys,
      ms,
    });
    progress(`check "${label}": ${summary.results.length} due, ${counts.readKeys} keys read in ${ms.toFixed(0)} ms`);
  };
  await measure('0 due', T0 + 30 * 60_000, 0);
  await measure('0 due, again', T0 + 40 * 60_000, 0);
  await measure(`${inHour1.toLocaleString('en')} due`, T0 + 1 * HOUR_MS + 5 * 60_000, inHour1);
  await measure('0 due, after it', T0 + 1 * HOUR_MS + 10 * 60_000, 0);
  await measure(`${inHour2.toLocaleString('en')} due`, T0 + 2 * HOUR_MS + 5 * 60_000, inHour2);
  const wrongCheck = checks.find((c) => c.sent !== c.expected);
  if (wrongCheck)
    throw new Error(
      `The check "${wrongCheck.label}" sent ${wrongCheck.sent} digests; ${wrongCheck.expected} were due.`,
    );

  progress('checks with 0, 100 and 1,000 due done');
  // --- a simulated week of hourly checks --------------------------------------------------------------------------
  // Hours 3 to 170 after Monday 10:00: the rest of this week's plans, then at hour 167 (next Monday 09:05) every weekly
  // plan again, since the next period opens then.
  const NEXT_MONDAY_HOUR = 167;
  const expectedSent = reminderPlans - inHour1 - inHour2 + reminderPlans;
  const weekCounts = { checks: 0, reads: 0, writes: 0, sent: 0, expectedSent, maxReads: 0 };
  let monday = { due: 0, sent: 0, reads: 0, writes: 0, ms: 0 };
  // A reading at the end of each simulated day, so "flat" is judged on a curve rather than on two points.
  const weekMemory: Array<MemoryReading & { day: number }> = [];
  const weekStarted = process.hrtime.bigint();
  const sentBeforeWeek = sends;
  for (let hour = 3; hour < 3 + 7 * 24; hour++) {
    now = T0 + hour * HOUR_MS + 5 * 60_000;
    counts = fresh();
    const sentBefore = sends;
    const started = process.hrtime.bigint();
    const summary = await scheduler.runOnce();
    if (hour === NEXT_MONDAY_HOUR) {
      monday = {
        due: summary.results.length,
        sent: sends - sentBefore,
        reads: counts.readKeys,
        writes: counts.writeKeys + counts.deleteKeys,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      };
    }
    weekCounts.checks++;
    weekCounts.reads += counts.readKeys;
    weekCounts.writes += counts.writeKeys + counts.deleteKeys;
    weekCounts.maxReads = Math.max(weekCounts.maxReads, counts.readKeys);
    if ((hour - 3 + 1) % 24 === 0) weekMemory.push({ day: (hour - 3 + 1) / 24, ...memory() });
  }
  weekCounts.sent = sends - sentBeforeWeek;
  if (weekCounts.sent !== expectedSent)
    throw new Error(`The simulated week sent ${weekCounts.sent} digests; ${expectedSent} were expected.`);
  const weekSeconds = Number(process.hrtime.bigint() - weekStarted) / 1e9;
  progress(`simulated week in ${weekSeconds.toFixed(0)} s (the Monday check: ${(monday.ms / 1000).toFixed(0)} s)`);
  const afterWeek = memory();

  // --- the 2,001st, 20,001st and last plan turn reminders on -------------------------------------------------------
  const milestones: Array<{
    nth: number;
    outcome: string;
    reads: number;
    writes: number;
    ms: number;
    slotPages: number;
  }> = [];
  // Where a weekly plan turned on now waits: the Monday 09:00 after this one, the slot every weekly pointer is in.
  const nextMonday = new Date(T0 + (NEXT_MONDAY_HOUR + 7 * 24) * HOUR_MS);
  const hotSlot = index.slotFor(nextMonday.toISOString(), clock());
  /** The hot slot's length in pages, read past the counters. */
  const slotPages = async (): Promise<number> => {
    let n = 0;
    while ((await handle.storage.read([index.slotKey(hotSlot, n)]))[index.slotKey(hotSlot, n)]) n++;
    return n;
  };
  // Each `add` is what one "Turn on reminders" click does to the queue.
  const turnOn = async (i: number) => {
    const location = locationOf(i);
    counts = fresh();
    const started = process.hrtime.bigint();
    const outcome = await index.add(
      {
        location,
        planId: planIdOf(i),
        fallback: { conversationId: location.conversationId, serviceUrl: 'http://127.0.0.1:9/' },
        since: clock().toISOString(),
      },
      nextMonday,
      clock(),
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    milestones.push({
      nth: i + 1,
      outcome,
      reads: counts.readKeys,
      writes: counts.writeKeys,
      ms,
      slotPages: await slotPages(),
    });
  };
  // The plans without reminders, in order: bulk pointers for them up to one short of each milestone, then one `add`.
  const withoutPointer = (function* () {
    for (let i = 0; i < PLANS; i++) if (i % REMINDER_SHARE !== 0) yield i;
  })();
  let withPointer = reminderPlans;
  const fillTo = async (count: number) => {
    const batch: QueuedReminder[] = [];
    while (withPointer < count) {
      const i = withoutPointer.next().value as number;
      const location = locationOf(i);
      batch.push({
        location,
        planId: planIdOf(i),
        fallback: { conversationId: location.conversationId, serviceUrl: 'http://127.0.0.1:9/' },
        since: clock().toISOString(),
        dueAt: nextMonday.toISOString(),
      });
      withPointer++;
    }
    for (let k = 0; k < batch.length; k += 2_000) await index.addMany(batch.slice(k, k + 2_000), clock());
  };
  for (const nth of [2_001, reminderPlans + 1, 20_001, PLANS]) {
    if (nth > PLANS || nth <= withPointer) continue;
    await fillTo(nth - 1);
    await turnOn(withoutPointer.next().value as number);
    milestones[milestones.length - 1].nth = nth;
    withPointer++;
  }

  progress('turning reminders on for the nth plan done');
  const fileBytes =
    kind === 'sqlite' ? ['', '-wal'].reduce((sum, suffix) => sum + (safeSize(dbPath + suffix) ?? 0), 0) : undefined;
  const result = {
    kind,
    plans: PLANS,
    reminderPlans,
    seedSeconds,
    afterSeed,
    checks,
    week: { ...weekCounts, seconds: weekSeconds },
    monday,
    afterWeek,
    weekMemory,
    milestones,
    largestIndexDocument,
    fileBytesPerPlan: fileBytes === undefined ? undefined : fileBytes / PLANS,
  };
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function safeSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
