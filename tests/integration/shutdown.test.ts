/**
 * Graceful shutdown of the real process (src/index.ts through the transpile-only hook), with a slow Bot Connector
 * and a client that keeps its connection alive and keeps sending, the way Teams does. On SIGTERM the bot must stop
 * accepting, let the keep-alive connection go (answering with Connection: close), let the card updates already
 * under way reach the connector, stop the reminder scheduler, close storage, and exit 0 before its deadline.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startProcess, waitForHttp, type ManagedProcess } from '../../scripts/lib/processes';
import { createPlan } from '../../src/domain/plan';
import { createStorage } from '../../src/store/createStorage';
import { PlanStore, type CardRef, type PlanRecord } from '../../src/store/planStore';
import { activity, TENANT_ID } from '../helpers/botHarness';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(ROOT, 'tests', 'fixtures', 'register-ts.js');
const ENTRY = join(ROOT, 'src', 'index.ts');
/** The bot's own deadline is 10 s; this only bounds how long the test waits for an exit at all. */
const EXIT_WAIT_MS = 30_000;
const CONNECTOR_DELAY_MS = 1000;
const CONVERSATION = '19:shutdown@thread.tacv2';
const STUCK = 'a:shutdown-stuck';
/** Transpiling the sources on start takes a while on a busy machine (about 20 s at a load of 13 on 2 cores). */
const START_TIMEOUT_MS = 90_000;

function send(
  agent: Agent,
  port: number,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers =
      payload === undefined
        ? {}
        : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
    const req = request({ host: '127.0.0.1', port, path, method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('graceful shutdown (a real process, a slow connector, a keep-alive client)', () => {
  let dir: string;
  let sqlitePath: string;
  let connector: FakeConnector;
  let bot: ManagedProcess | undefined;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sync-guide-shutdown-'));
    sqlitePath = join(dir, 'bot.sqlite');
    // One conversation's connector calls take far longer than the shutdown deadline: a send that cannot drain.
    connector = await startFakeConnector(
      {},
      { delayMs: (path) => (path.includes(encodeURIComponent(STUCK)) ? 60_000 : CONNECTOR_DELAY_MS) },
    );
    // A channel plan whose summary and first task were posted earlier behind the slow connector.
    const storage = createStorage({ kind: 'sqlite', path: sqlitePath });
    const plan = createPlan({
      id: 'plan-shutdown',
      selection: { tool: 'cloudSync' },
      createdBy: { id: 'aad-ana', name: 'Ana Admin' },
      at: '2025-11-26T10:00:00.000Z',
    });
    const card = (taskId: CardRef['taskId'], activityId: string): CardRef => ({
      taskId,
      activityId,
      conversationId: CONVERSATION,
      serviceUrl: connector.serviceUrl,
    });
    const record: PlanRecord = {
      plan,
      conversationId: CONVERSATION,
      tenantId: TENANT_ID,
      cards: [card('summary', 'shutdown-summary'), card('cloudSync.prerequisites', 'shutdown-prereq')],
    };
    await new PlanStore(storage.storage).create({ tenantId: TENANT_ID, conversationId: CONVERSATION }, record, {
      replace: true,
    });
    await storage.close();

    port = await freePort();
    bot = startProcess(process.execPath, ['--no-deprecation', '-r', REGISTER, ENTRY], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        MicrosoftAppId: '',
        HOST: '127.0.0.1',
        PORT: String(port),
        STORAGE: 'sqlite',
        SQLITE_PATH: sqlitePath,
        REMINDER_CHECK_SECONDS: '10',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        // Only exact commands are typed here, which need neither the model nor the recognizers.
        WARM_UP: 'off',
      },
    });
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, START_TIMEOUT_MS, bot.alive);
  }, START_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    await bot?.stop(1000);
    await connector?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'drains and exits 0 within its deadline',
    async () => {
      // The click answers at once; its two card updates then go out to the connector, which takes its time.
      const click = activity(
        'invoke',
        { conversationType: 'channel', conversationId: CONVERSATION, serviceUrl: connector.serviceUrl },
        {
          deliveryMode: undefined,
          name: 'adaptiveCard/action',
          value: {
            action: {
              type: 'Action.Execute',
              verb: 'task.done',
              data: { planId: 'plan-shutdown', taskId: 'cloudSync.prerequisites', revision: 1 },
            },
            trigger: 'manual',
          },
        },
      );
      const answer = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(click),
      });
      expect(answer.status).toBe(200);

      // A client that keeps one connection busy, as Teams does: typed messages back to back, each answered through
      // the slow connector, so a request is in flight whenever the signal comes.
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const message = () =>
        activity(
          'message',
          { conversationId: 'a:shutdown-chat', serviceUrl: connector.serviceUrl, deliveryMode: 'normal' },
          { text: 'help' },
        );
      const seen: Array<string | undefined> = [];
      let lastError: string | undefined;
      let signalledAt = 0;
      const traffic = (async () => {
        while (signalledAt === 0 || Date.now() - signalledAt < EXIT_WAIT_MS) {
          try {
            const result = await send(agent, port, 'POST', '/api/messages', message());
            if (signalledAt) seen.push(result.connection);
          } catch (error) {
            lastError = (error as NodeJS.ErrnoException).code;
            return;
          }
        }
      })();
      // And one message whose answer never comes back in time.
      const stuck = fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          activity(
            'message',
            { conversationId: STUCK, serviceUrl: connector.serviceUrl, deliveryMode: 'normal' },
            { text: 'help' },
          ),
        ),
      }).then(
        (response) => response.status,
        (error: Error) => error.message,
      );
      // Signal while a message is waiting for the connector's answer.
      const deadline = Date.now() + 20_000;
      while (!connector.waiting().some((path) => path.includes(encodeURIComponent('a:shutdown-chat')))) {
        if (Date.now() > deadline) throw new Error('no message reached the connector');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const exited = new Promise<number | null>((resolve) => bot!.child.once('exit', (code) => resolve(code)));
      signalledAt = Date.now();
      process.kill(bot!.child.pid!, 'SIGTERM');

      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        exited,
        new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), EXIT_WAIT_MS))),
      ]);
      clearTimeout(timer);
      const elapsedMs = Date.now() - signalledAt;
      await traffic;
      agent.destroy();
      await stuck;
      const output = bot!.output();
      expect({ code, output: code === 0 ? '' : output.slice(-3000) }).toEqual({ code: 0, output: '' });
      expect(elapsedMs).toBeLessThan(10_000);

      // The connection was let go: the answer in flight said Connection: close, and the next request found the port closed.
      expect(seen).toContain('close');
      expect(lastError).toBe('ECONNREFUSED');
      // The card updates under way reached the connector and were answered, instead of being cut off.
      const updates = connector.calls.filter((call) => call.kind === 'update');
      expect(updates.map((call) => [call.activityId, call.status, call.abandoned ?? false]).sort()).toEqual([
        ['shutdown-prereq', 200, false],
        ['shutdown-summary', 200, false],
      ]);
      // Everything ran in order, storage last: SQLite folds its write-ahead log back in and removes it when closed.
      const lines = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg: string });
      expect(lines.map((line) => line.msg)).toEqual(
        expect.arrayContaining(['SIGTERM received, shutting down', 'shutdown complete']),
      );
      expect(existsSync(`${sqlitePath}-wal`)).toBe(false);
    },
    EXIT_WAIT_MS * 2 + 10_000,
  );
});
