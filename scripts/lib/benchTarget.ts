/**
 * One benchmark target, run as its own process by scripts/bench.ts so the load generator never shares an event loop
 * with the server it measures:
 *
 *   node -r tests/fixtures/register-ts.js scripts/lib/benchTarget.ts <restify|echo|bot> [STORAGE env in process.env]
 *
 * - restify: the bare HTTP ceiling, with the same JSON body parsing as our edge and a canned reply.
 * - echo:    the framework's floor: CloudAdapter + TeamsActivityHandler on restify, echoing messages (expectReplies)
 *            and answering card actions with a one-line card. No logging; no state, unless STORAGE=blob names a
 *            store: then it makes our turn's storage calls there (one read per message, read + write per click).
 * - bot:     our bot, built by createApp exactly as src/index.ts does, with a counting decorator on its storage.
 *
 * Talks to the parent over IPC: it sends { ready, port } once listening and answers { cmd } messages with stats.
 */
import type { Storage, StoreItems } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { READ_ONLY_PARAPHRASES } from './paraphrases';

const ROOT = join(__dirname, '..', '..');
export const BENCH_TENANT = '11111111-2222-3333-4444-555555555555';
export const benchConversation = (i: number): string => `19:bench-${i}@thread.tacv2`;

/**
 * The few parts of src/ the bench needs. scripts/ is compiled on its own with rootDir scripts/, so it cannot import
 * src/ at compile time; the bench loads src/ at run time through the transpile hook (as the process tests do) and
 * states here the shape it relies on.
 */
interface SrcApp {
  readonly storage: { readonly storage: Storage; readonly kind: string };
  listen(): Promise<{ host: string; port: number }>;
  close(): Promise<void>;
}
interface PlanLike {
  readonly id: string;
  readonly revision: number;
}
interface Src {
  app: { createApp(config: unknown, logger: unknown): SrcApp };
  config: { loadConfig(env: Record<string, string | undefined>): unknown };
  logger: { createLogger(level: string, format: 'json' | 'pretty'): unknown };
  plan: {
    createPlan(input: {
      id: string;
      selection: { tool: 'cloudSync' | 'connect' | 'both' };
      createdBy: { id: string; name: string };
      at: string;
    }): PlanLike;
    applyAction(
      plan: PlanLike,
      request: { taskId: string; action: 'done' | 'reopen'; actor: { id: string; name: string }; at: string },
    ): { kind: string; plan?: PlanLike };
  };
  historyArchive: { archiveHistory(plan: PlanLike): { plan: PlanLike; page?: { planId: string; number: number } } };
  planStore: {
    PlanStore: new (storage: Storage) => {
      create(
        location: { tenantId: string; conversationId: string },
        record: object,
        options: { replace: boolean },
      ): Promise<unknown>;
      load(location: { tenantId: string; conversationId: string }): Promise<{ plan: PlanLike } | undefined>;
    };
  };
  summaryCard: { nextCard(plan: PlanLike): object };
  taskCard: { taskCard(plan: PlanLike, taskId: string): object };
  understand: { sharedUnderstanding(): { interpret(text: string, context: object): unknown } };
  planContext: { planContext(plan: PlanLike, now: Date): object };
}
const load = <K extends keyof Src>(path: string): Src[K] => require(join(ROOT, 'src', path)) as Src[K];

/** Storage calls by the kind of document they touch, so "writes per turn" can leave dialog state aside. */
export interface StorageCounts {
  reads: number;
  writes: number;
  deletes: number;
  /** Keys read / written per category: plan, privateState (dialog), conversationState, other. */
  readKeys: Record<string, number>;
  writeKeys: Record<string, number>;
}

export interface TargetStats {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly storage?: StorageCounts;
}

export type TargetRequest =
  | { cmd: 'stats'; gc?: boolean }
  | { cmd: 'reset' }
  | { cmd: 'seed'; plans: number }
  | { cmd: 'revisions'; plans: number }
  | { cmd: 'profile'; iterations: number }
  | { cmd: 'stop' };

function category(key: string): string {
  if (key.startsWith('plans/')) return 'plan';
  if (/\/conversations\/.*\/users\//.test(key)) return 'privateState';
  if (/^[^/]+\/conversations\//.test(key)) return 'conversationState';
  return 'other';
}

function emptyCounts(): StorageCounts {
  return { reads: 0, writes: 0, deletes: 0, readKeys: {}, writeKeys: {} };
}

/**
 * Counts every call on the app's storage instance. A decorator installed on the instance rather than a wrapper object,
 * because createApp builds its storage itself and hands that one instance to every PlanStore and BotState.
 */
function countCalls(storage: Storage, counts: () => StorageCounts): void {
  const read = storage.read.bind(storage);
  const write = storage.write.bind(storage);
  const remove = storage.delete.bind(storage);
  const tally = (into: Record<string, number>, keys: string[]) => {
    for (const key of keys) into[category(key)] = (into[category(key)] ?? 0) + 1;
  };
  storage.read = async (keys: string[]) => {
    counts().reads++;
    tally(counts().readKeys, keys);
    return read(keys);
  };
  storage.write = async (changes: StoreItems) => {
    counts().writes++;
    tally(counts().writeKeys, Object.keys(changes));
    return write(changes);
  };
  storage.delete = async (keys: string[]) => {
    counts().deletes++;
    return remove(keys);
  };
}

async function startRestify(): Promise<{ port: number; close(): Promise<void> }> {
  const restify = require('restify') as typeof import('restify');
  const server = restify.createServer({ name: 'bench-ceiling', handleUncaughtExceptions: false });
  const jsonOptions = { maxBodySize: 256 * 1024, mapParams: false };
  server.use(restify.plugins.jsonBodyParser(jsonOptions));
  const canned = { activities: [{ type: 'message', text: 'canned' }] };
  server.post('/api/messages', (_req, res, next) => {
    res.json(200, canned);
    return next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The echo bot, optionally with `storage`: then each turn makes the storage calls our turn makes — a message reads
 * one document of its conversation, a card action reads it and writes it back with its eTag — so a row on a
 * networked store can be compared with the framework's floor on that same store.
 */
async function startEcho(storage?: Storage): Promise<{ port: number; close(): Promise<void> }> {
  const restify = require('restify') as typeof import('restify');
  const { CloudAdapter, ConfigurationBotFrameworkAuthentication, TeamsActivityHandler } =
    require('botbuilder') as typeof import('botbuilder');
  const keyOf = (context: import('botbuilder').TurnContext) => `echo/${context.activity.conversation.id}`;
  class EchoBot extends TeamsActivityHandler {
    constructor() {
      super();
      this.onMessage(async (context, next) => {
        if (storage) await storage.read([keyOf(context)]);
        await context.sendActivity(`Echo: ${context.activity.text}`);
        await next();
      });
    }
    protected override async onAdaptiveCardInvoke(
      context: import('botbuilder').TurnContext,
    ): Promise<import('botbuilder').AdaptiveCardInvokeResponse> {
      if (storage) {
        const key = keyOf(context);
        const current = (await storage.read([key]))[key] as { clicks?: number; eTag?: string } | undefined;
        await storage.write({ [key]: { clicks: (current?.clicks ?? 0) + 1, eTag: current?.eTag ?? '*' } });
      }
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Done' }] },
      };
    }
  }
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'bench-echo', handleUncaughtExceptions: false });
  const jsonOptions = { maxBodySize: 256 * 1024, mapParams: false };
  server.use(restify.plugins.jsonBodyParser(jsonOptions));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startBot(): Promise<{
  port: number;
  app: SrcApp;
  close(): Promise<void>;
  counts: () => StorageCounts;
  reset(): void;
  cleanup(): void;
}> {
  let dir: string | undefined;
  // The process runs with NODE_ENV=production (libraries take their production paths), but the bot is configured in
  // local mode (no app id, loopback), which the configuration refuses beside NODE_ENV=production: it does not see it.
  const { NODE_ENV: _production, ...inherited } = process.env;
  const env: Record<string, string | undefined> = { ...inherited, PORT: '0', MicrosoftAppId: '', HOST: '127.0.0.1' };
  if ((env.STORAGE ?? 'sqlite') === 'sqlite') {
    dir = mkdtempSync(join(tmpdir(), 'sync-guide-bench-'));
    env.SQLITE_PATH = join(dir, 'bench.sqlite');
  }
  const config = load<'config'>('config').loadConfig(env) as { logLevel: string; logFormat: 'json' | 'pretty' };
  const logger = load<'logger'>('logger').createLogger(config.logLevel, config.logFormat);
  const app = load<'app'>('app').createApp(config, logger);
  let counts = emptyCounts();
  countCalls(app.storage.storage, () => counts);
  const { port } = await app.listen();
  return {
    port,
    app,
    close: () => app.close(),
    counts: () => counts,
    reset: () => {
      counts = emptyCounts();
    },
    cleanup: () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The echo bot's store, when the environment names one (as for our bot): the bench uses Azurite's blob store. */
function echoStorage(): Storage | undefined {
  if (process.env.STORAGE !== 'blob') return undefined;
  const { BlobsStorage } = require('botbuilder-azure-blobs') as typeof import('botbuilder-azure-blobs');
  return new BlobsStorage(process.env.BLOB_CONNECTION_STRING ?? '', process.env.BLOB_CONTAINER ?? 'bench-echo');
}

function stats(counts?: StorageCounts, gc = false): TargetStats {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (gc && collect) {
    // Twice: the first pass can leave objects that only become collectable after finalizers ran.
    collect();
    collect();
  }
  const memory = process.memoryUsage();
  return {
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    ...(counts ? { storage: JSON.parse(JSON.stringify(counts)) as StorageCounts } : {}),
  };
}

async function main(): Promise<void> {
  const kind = process.argv[2];
  const send = (message: object) => process.send?.(message);
  /** A failed command goes back to the parent as { error } rather than becoming an unhandled rejection here. */
  const onMessage = (handle: (message: TargetRequest) => Promise<void>) =>
    process.on('message', (message: TargetRequest) => {
      handle(message).catch((error: unknown) =>
        send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
    });
  // The parent owns this process: if it goes away, so do we.
  process.on('disconnect', () => process.exit(0));

  if (kind === 'restify' || kind === 'echo') {
    const storage = kind === 'echo' ? echoStorage() : undefined;
    const target = kind === 'restify' ? await startRestify() : await startEcho(storage);
    onMessage(async (message) => {
      if (message.cmd === 'stats') send({ stats: stats(undefined, message.gc) });
      else if (message.cmd === 'seed' && storage) {
        // Documents the size of a plan in use (~4 KB), so the echo bot's reads fetch as much as ours do.
        for (let i = 0; i < message.plans; i++)
          await storage.write({ [`echo/${benchConversation(i)}`]: { filler: 'x'.repeat(4000), eTag: '*' } });
        send({ ok: true });
      } else if (message.cmd === 'stop') {
        await target.close();
        process.exit(0);
      } else send({ ok: true });
    });
    send({ ready: true, port: target.port });
    return;
  }
  if (kind !== 'bot') throw new Error(`unknown target "${kind}"`);

  const bot = await startBot();
  const { PlanStore } = load<'planStore'>('store/planStore');
  const { createPlan, applyAction } = load<'plan'>('domain/plan');
  const { archiveHistory } = load<'historyArchive'>('domain/historyArchive');
  const store = new PlanStore(bot.app.storage.storage);
  const location = (i: number) => ({ tenantId: BENCH_TENANT, conversationId: benchConversation(i) });

  onMessage(async (message) => {
    try {
      switch (message.cmd) {
        case 'stats':
          send({ stats: stats(bot.counts(), message.gc) });
          break;
        case 'reset':
          bot.reset();
          send({ ok: true });
          break;
        case 'seed': {
          // Plans without posted cards: a done click then costs its turn only, no card fan-out to a connector.
          // Each plan has already lived a while — 100 to 138 clicks by 50 people (an even number: the task ends open),
          // archived as PlanStore archives them — so its document is anywhere between just after a history page was
          // cut and just before the next cut, as plans in use are, rather than fresh and small. The seeded plans'
          // pages are not written: no turn reads a page, and Azurite (unlike Azure) slows down with every blob it holds.
          const started = Date.now();
          for (let i = 0; i < message.plans; i++) {
            let plan = createPlan({
              id: `bench-plan-${i}`,
              selection: { tool: 'cloudSync' },
              createdBy: { id: 'aad-bench', name: 'Bench' },
              at: new Date(started).toISOString(),
            });
            for (let click = 0; click < 100 + 2 * (i % 20); click++) {
              const actor = { id: `aad-bench-${click % 50}`, name: `Bench User ${click % 50}` };
              const changed = applyAction(plan, {
                taskId: 'cloudSync.prerequisites',
                action: click % 2 ? 'reopen' : 'done',
                actor,
                at: new Date(started + click * 1000).toISOString(),
              });
              plan = archiveHistory(changed.plan ?? plan).plan;
            }
            await store.create(
              location(i),
              { plan, conversationId: benchConversation(i), tenantId: BENCH_TENANT, cards: [] },
              { replace: true },
            );
          }
          // Let the background WAL checkpoint copy the seed's writes before anything is measured.
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          send({ ok: true });
          break;
        }
        case 'revisions': {
          let sum = 0;
          for (let i = 0; i < message.plans; i++) sum += (await store.load(location(i)))?.plan.revision ?? 0;
          send({ revisions: sum });
          break;
        }
        case 'profile': {
          // What one card render costs, the largest piece of our turn that the echo bot does not have.
          const cards = {
            ...load<'summaryCard'>('cards/summaryCard'),
            ...load<'taskCard'>('cards/taskCard'),
          };
          const plan = (await store.load(location(0)))!.plan;
          const time = (fn: () => unknown) => {
            const started = process.hrtime.bigint();
            for (let i = 0; i < message.iterations; i++) fn();
            return Number(process.hrtime.bigint() - started) / 1e3 / message.iterations;
          };
          const planLoad = async () => {
            const started = process.hrtime.bigint();
            for (let i = 0; i < message.iterations; i++) await store.load(location(i % 1000));
            return Number(process.hrtime.bigint() - started) / 1e3 / message.iterations;
          };
          // Reading one message in people's words (model, entities, guide search), each timed alone for p50/p99.
          const understanding = load<'understand'>('understanding/understand').sharedUnderstanding();
          const situation = load<'planContext'>('understanding/planContext').planContext(plan, new Date());
          const samples: number[] = [];
          for (let i = 0; i < message.iterations; i++) {
            const started = process.hrtime.bigint();
            understanding.interpret(READ_ONLY_PARAPHRASES[i % READ_ONLY_PARAPHRASES.length], situation);
            samples.push(Number(process.hrtime.bigint() - started) / 1e3);
          }
          samples.sort((a, b) => a - b);
          const understandingUs = {
            p50: samples[Math.floor(samples.length / 2)],
            p99: samples[Math.floor(samples.length * 0.99)],
          };
          send({
            profile: {
              nextCardUs: time(() => cards.nextCard(plan)),
              taskCardUs: time(() => cards.taskCard(plan, 'cloudSync.prerequisites')),
              planLoadUs: await planLoad(),
              understandingUs,
            },
          });
          break;
        }
        case 'stop':
          await bot.close();
          bot.cleanup();
          process.exit(0);
      }
    } catch (error) {
      send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  send({ ready: true, port: bot.port, storage: bot.app.storage.kind });
}

// Only as a process entry point: scripts/bench.ts imports this module for its types and constants.
if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
