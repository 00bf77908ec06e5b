/**
 * The connector and contention faults: the Bot Connector answering 429 / 500 or not at all while
 * a done click fans out card updates, and a storage on which every conditional plan write conflicts. Each case
 * proves the invoke still answers 200 with a card, retries stay bounded, nothing is posted twice, the process
 * keeps serving, and (for contention) nothing is written.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import pino from 'pino';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createPlan } from '../../src/domain/plan';
import { AttemptTimeoutError, OutgoingSender } from '../../src/messaging/sender';
import { PlanStore, type CardRef, type PlanLocation, type PlanRecord } from '../../src/store/planStore';
import { etagConflict } from '../../src/store/storageErrors';
import { activity, cardsOf, TENANT_ID, type ActivityOptions } from '../helpers/botHarness';
import { cardText, expectValidCard } from '../helpers/cardAssertions';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../helpers/fakeConnector';

/** A running app with its log lines, so "logged" is something a test can check. */
interface LoggedApp {
  readonly app: App;
  readonly baseUrl: string;
  readonly logs: Array<{ level: number; msg: string; [key: string]: unknown }>;
  post(body: unknown): Promise<{ status: number; body: any }>;
}

/** Long enough for the connector client's own Retry-After waits below the sender; the hanging case uses a short one. */
const ATTEMPT_TIMEOUT_MS = 10_000;

async function startApp(attemptTimeoutMs = ATTEMPT_TIMEOUT_MS): Promise<LoggedApp> {
  const logs: LoggedApp['logs'] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const config = loadConfig({ STORAGE: 'memory', PORT: '0' });
  // Short delays so retries happen in test time; the limits (attempt counts) are the production ones.
  const app = createApp(config, logger, { sender: { retry: { baseDelayMs: 5, maxDelayMs: 20 }, attemptTimeoutMs } });
  const { port } = await app.listen();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    logs,
    post: async (body) => {
      const response = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

/** A plan whose summary and first task card were "posted" earlier into `conversationId` behind `serviceUrl`. */
async function seedChannelPlan(
  app: App,
  conversationId: string,
  serviceUrl: string,
  planId: string,
  withTaskCards = true,
): Promise<PlanLocation> {
  const location: PlanLocation = { tenantId: TENANT_ID, conversationId };
  const plan = createPlan({
    id: planId,
    selection: { tool: 'cloudSync' },
    createdBy: { id: 'aad-ana', name: 'Ana Admin' },
    at: '2025-11-26T10:00:00.000Z',
  });
  const card = (taskId: CardRef['taskId'], activityId: string): CardRef => ({
    taskId,
    activityId,
    conversationId,
    serviceUrl,
  });
  const record: PlanRecord = {
    plan,
    conversationId,
    tenantId: TENANT_ID,
    cards: withTaskCards
      ? [
          card('summary', `${planId}-summary`),
          card('cloudSync.prerequisites', `${planId}-prereq`),
          card('cloudSync.installAgent', `${planId}-agent`),
        ]
      : [card('summary', `${planId}-summary`)],
  };
  await new PlanStore(app.storage.storage).create(location, record, { replace: true });
  return location;
}

const click = (verb: string, planId: string, taskId: string, revision: number, options: ActivityOptions) =>
  activity('invoke', options, {
    deliveryMode: undefined,
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data: { planId, taskId, revision } }, trigger: 'manual' },
  });

function expectCardAnswer(result: { status: number; body: any }, says: string | RegExp): void {
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expectValidCard(result.body.value);
  expect(cardText(result.body.value)).toMatch(says);
}

/** Card posts; a text-only milestone note ("Ana marked 2. … as done") is expected after a done click and is not a repost. */
const posts = (calls: ConnectorCall[]) =>
  calls.filter(
    (c) =>
      (c.kind === 'send' || c.kind === 'reply' || c.kind === 'create') &&
      (c.body?.attachments !== undefined || c.body?.activity !== undefined),
  );

describe('card fan-out while the Bot Connector misbehaves', () => {
  let bot: LoggedApp;
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startApp();
  });
  afterAll(async () => {
    await bot?.app.close();
    await connector?.close();
  });
  beforeEach(() => {
    connector.calls.length = 0;
  });

  const channel = (n: number): ActivityOptions => ({
    conversationType: 'channel',
    conversationId: `19:faults-${n}@thread.tacv2`,
    serviceUrl: connector.serviceUrl,
    deliveryMode: 'normal',
  });

  it('429 with Retry-After, then 200: each card is updated exactly once, nothing is posted', async () => {
    const options = channel(1);
    await seedChannelPlan(bot.app, options.conversationId!, connector.serviceUrl, 'plan-429');
    // A fifth of a second takes the same path as Teams' whole seconds (the hint, not the backoff, sets the wait)
    // without holding the test for them; the backoff here is at most 20 ms, so a later retry shows the hint was used.
    connector.failNext({ status: 429, retryAfter: '0.2', kind: 'update' }, 2);
    expectCardAnswer(
      await bot.post(click('task.done', 'plan-429', 'cloudSync.prerequisites', 1, options)),
      /Marked done by Ana Admin/,
    );
    await bot.app.planFeature.idle();

    const updates = connector.calls.filter((c) => c.kind === 'update');
    const throttled = updates.filter((c) => c.status === 429);
    expect(throttled).toHaveLength(2);
    // Each throttled card was tried again only after the Retry-After had passed (a lower bound: load only lengthens it).
    for (const refused of throttled) {
      const retried = updates.find((c) => c.activityId === refused.activityId && c.at > refused.at);
      expect(retried).toBeDefined();
      expect(retried!.at - refused.at).toBeGreaterThanOrEqual(200);
    }
    const delivered = updates.filter((c) => c.status === 200);
    // The summary and the clicked task's posted copy; the other task's card did not change and is left alone.
    expect(delivered.map((c) => c.activityId).sort()).toEqual(['plan-429-prereq', 'plan-429-summary']);
    const summary = delivered.find((c) => c.activityId === 'plan-429-summary')!;
    expectValidCard(summary.body.attachments[0].content);
    expect(cardText(summary.body.attachments[0].content)).toContain('2 of 5 tasks settled');
    expect(posts(connector.calls)).toEqual([]);
  });

  it('500 on every call: bounded attempts, no repost, logged, and the bot keeps serving', async () => {
    const options = channel(2);
    // Only the summary card: one card proves the bound.
    const location = await seedChannelPlan(bot.app, options.conversationId!, connector.serviceUrl, 'plan-500', false);
    connector.failNext({ status: 500, kind: 'update' }, 1_000);
    const logsBefore = bot.logs.length;
    expectCardAnswer(
      await bot.post(click('task.done', 'plan-500', 'cloudSync.prerequisites', 1, options)),
      /Marked done by Ana Admin/,
    );
    await bot.app.planFeature.idle();

    const updates = connector.calls.filter((c) => c.kind === 'update');
    const perCard = new Map<string, number>();
    for (const call of updates) perCard.set(call.activityId!, (perCard.get(call.activityId!) ?? 0) + 1);
    expect([...perCard.keys()]).toEqual(['plan-500-summary']);
    // The sender makes exactly 2 attempts on a 500 (a 500 on a post may have been stored), and the connector
    // client's own retry policy is switched off, so nothing below it multiplies the calls. Never a post.
    for (const count of perCard.values()) expect(count).toBe(2);
    expect(updates.every((c) => c.status === 500)).toBe(true);
    expect(posts(connector.calls)).toEqual([]);
    const warnings = bot.logs
      .slice(logsBefore)
      .filter((line) => line.level >= 40 && /could not update a plan card|outgoing send not delivered/.test(line.msg));
    expect(warnings.length).toBeGreaterThanOrEqual(1);

    // The change itself was saved, and the process still answers.
    expect((await new PlanStore(bot.app.storage.storage).load(location))?.plan.revision).toBe(2);
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
  });

  it('recovers once the connector answers again', async () => {
    // The old connector still has 500s scripted; a fresh one stands for the service coming back.
    const fresh = await startFakeConnector();
    try {
      const options: ActivityOptions = { ...channel(3), serviceUrl: fresh.serviceUrl };
      await seedChannelPlan(bot.app, options.conversationId!, fresh.serviceUrl, 'plan-ok');
      expectCardAnswer(
        await bot.post(click('task.start', 'plan-ok', 'cloudSync.prerequisites', 1, options)),
        /Started by Ana Admin|In progress/,
      );
      await bot.app.planFeature.idle();
      expect(
        fresh.calls
          .filter((c) => c.kind === 'update' && c.status === 200)
          .map((c) => c.activityId)
          .sort(),
      ).toEqual(['plan-ok-prereq', 'plan-ok-summary']);
      expect(posts(fresh.calls)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

/** A "Bot Connector" that accepts every request and never answers: the worst kind of outage for a client. */
async function startHangingConnector(): Promise<{
  serviceUrl: string;
  received: Array<{ method: string; url: string }>;
  open: () => number;
  close(): Promise<void>;
}> {
  const received: Array<{ method: string; url: string }> = [];
  const pending = new Set<IncomingMessage>();
  const server: Server = createServer((req) => {
    received.push({ method: req.method ?? '', url: req.url ?? '' });
    pending.add(req);
    req.resume();
    // Dropped from the set when the client gives up (aborts) and the socket closes.
    req.socket.once('close', () => pending.delete(req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    open: () => pending.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('a Bot Connector that never answers', () => {
  let bot: LoggedApp;
  let hanging: Awaited<ReturnType<typeof startHangingConnector>>;
  beforeAll(async () => {
    hanging = await startHangingConnector();
    bot = await startApp(300);
  });
  afterAll(async () => {
    await bot?.app.close();
    await hanging?.close();
  });

  it('answers the click at once, gives up on the updates after bounded attempts, and frees the queue', async () => {
    const options: ActivityOptions = {
      conversationType: 'channel',
      conversationId: '19:hang@thread.tacv2',
      serviceUrl: hanging.serviceUrl,
      deliveryMode: 'normal',
    };
    await seedChannelPlan(bot.app, options.conversationId!, hanging.serviceUrl, 'plan-hang');
    expectCardAnswer(
      await bot.post(click('task.done', 'plan-hang', 'cloudSync.prerequisites', 1, options)),
      /Marked done by Ana Admin/,
    );
    // idle() resolving at all is the point: without a per-attempt timeout it would wait forever.
    await bot.app.planFeature.idle();

    const updates = hanging.received.filter((r) => r.method === 'PUT');
    const perCard = new Map<string, number>();
    for (const r of updates) perCard.set(r.url, (perCard.get(r.url) ?? 0) + 1);
    expect(perCard.size).toBe(2);
    // Two attempts per card (a call with no answer may have been carried out, so it is retried like a 500).
    for (const count of perCard.values()) expect(count).toBe(2);
    // No card is reposted; the only POSTs are the milestone note of the done task, given up after the same two attempts.
    expect(hanging.received.filter((r) => r.method === 'POST')).toHaveLength(2);
    const gaveUp = bot.logs.filter(
      (line) => line.msg === 'outgoing send not delivered' && line.reason === 'gaveUp' && line.code === 'ETIMEDOUT',
    );
    expect(gaveUp).toHaveLength(3);
    // Each cut-off call was aborted, not left hanging: the connector sees its sockets close (polled until then; the
    // limit only ends a wait for sockets that stay open, so it leaves a busy machine plenty of time).
    const until = Date.now() + 30_000;
    while (hanging.open() > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hanging.open()).toBe(0);

    // The conversation's queue is free again: a typed command in the same conversation still gets its turn answered.
    const typed = await bot.post(
      activity('message', { ...options, deliveryMode: 'expectReplies' }, { text: 'status' }),
    );
    expect(typed.status).toBe(200);
    expect(cardText(cardsOf(typed.body.activities)[0])).toContain('2 of 5 tasks settled');
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe('OutgoingSender attempt timeout', () => {
  it('cuts off an attempt that never settles, aborts its signal, and gives up after the 500-rule attempts', async () => {
    const signals: AbortSignal[] = [];
    const sender = new OutgoingSender({ retry: { baseDelayMs: 1, maxDelayMs: 2 }, attemptTimeoutMs: 20 });
    const outcome = await sender.enqueue({
      conversationId: 'c1',
      run: (signal) => {
        signals.push(signal);
        return new Promise<never>(() => undefined);
      },
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'gaveUp', attempts: 2 });
    expect(!outcome.ok && outcome.error).toBeInstanceOf(AttemptTimeoutError);
    expect(signals).toHaveLength(2);
    expect(signals.every((signal) => signal.aborted && signal.reason instanceof AttemptTimeoutError)).toBe(true);
    expect(sender.counters).toMatchObject({ attempts: 2, timedOut: 2, gaveUp: 1, sent: 0 });
  });

  it('leaves an attempt that answers in time alone, and ignores a late failure of a cut-off one', async () => {
    const sender = new OutgoingSender({ retry: { baseDelayMs: 1, maxDelayMs: 2 }, attemptTimeoutMs: 50 });
    let calls = 0;
    const outcome = await sender.enqueue({
      conversationId: 'c1',
      run: (signal) =>
        new Promise<string>((resolve, reject) => {
          calls++;
          // First call: rejects only once aborted (as a fetch does), after the sender stopped listening.
          if (calls === 1) signal.addEventListener('abort', () => reject(new Error('aborted')));
          else resolve('sent');
        }),
    });
    expect(outcome).toMatchObject({ ok: true, value: 'sent', attempts: 2 });
    expect(sender.counters).toMatchObject({ timedOut: 1, sent: 1 });
  });

  it('rejects a negative timeout at construction', () => {
    expect(() => new OutgoingSender({ attemptTimeoutMs: -1 })).toThrow(/attemptTimeoutMs/);
  });
});

describe('storage contention: every conditional plan write conflicts', () => {
  let bot: LoggedApp;
  let location: PlanLocation;
  let planWrites = 0;
  const chat: ActivityOptions = { conversationId: 'a:contention', conversationType: 'personal' };

  beforeAll(async () => {
    bot = await startApp();
    location = await seedChannelPlan(bot.app, chat.conversationId!, 'http://127.0.0.1:9/', 'plan-busy');
    // Another writer always wins the race: every eTag-conditioned write of a plan fails the way the backends fail.
    const storage = bot.app.storage.storage;
    const write = storage.write.bind(storage);
    storage.write = async (changes) => {
      for (const [key, item] of Object.entries(changes)) {
        const eTag = (item as { eTag?: string }).eTag;
        if (key.startsWith('plans/') && eTag && eTag !== '*') {
          planWrites++;
          throw etagConflict(key);
        }
      }
      return write(changes);
    };
  });
  afterAll(() => bot?.app.close());

  it('a done click answers 200 with a clear "please press again" card after bounded retries, and nothing is written', async () => {
    const before = JSON.stringify(await new PlanStore(bot.app.storage.storage).load(location));
    planWrites = 0;
    const result = await bot.post(click('task.done', 'plan-busy', 'cloudSync.prerequisites', 1, chat));
    expectCardAnswer(result, /same moment.*could not be saved.*Nothing changed.*press the button again/s);
    // DocumentStore's attempt limit (8): bounded, and more than one, so a real short burst would have got through.
    expect(planWrites).toBe(8);
    expect(JSON.stringify(await new PlanStore(bot.app.storage.storage).load(location))).toBe(before);
    await bot.app.planFeature.idle();
  });

  it('the typed twin ("done 2") says the same instead of dropping the change silently', async () => {
    const before = JSON.stringify(await new PlanStore(bot.app.storage.storage).load(location));
    const result = await bot.post(activity('message', chat, { text: 'done 2' }));
    expect(result.status).toBe(200);
    const [card] = cardsOf(result.body.activities);
    expectValidCard(card);
    expect(cardText(card)).toMatch(/could not be saved.*press the button again/s);
    expect(JSON.stringify(await new PlanStore(bot.app.storage.storage).load(location))).toBe(before);
  });

  it('read-only turns still work, and the process is healthy', async () => {
    const [card] = cardsOf((await bot.post(activity('message', chat, { text: 'status' }))).body.activities);
    expect(cardText(card)).toContain('1 of 5 tasks settled');
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
  });
});
