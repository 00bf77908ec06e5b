/**
 * Local mode authenticates nothing, so it must only be reachable, and only reach out, on this machine. A web page
 * the developer visits can make the browser send requests to 127.0.0.1 under its own host name (DNS rebinding) or
 * with its own Origin; an activity can name any serviceUrl. Every row here talks to loopback only: the
 * "non-loopback" service URLs are either never contacted (expectReplies) or 0.0.0.0, which Linux routes to this
 * machine, so a missing check shows up as a call to the fake connector rather than as traffic leaving the host.
 */
import { request } from 'node:http';
import { createPlan } from '../../src/domain/plan';
import { PlanStore, type CardRef, type PlanLocation, type PlanRecord } from '../../src/store/planStore';
import { activity, cardsOf, startHarness, TENANT_ID, type Harness } from '../helpers/botHarness';
import { cardText } from '../helpers/cardAssertions';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector';

/** fetch() will not send a Host header of our choosing, so this goes through node:http. */
function get(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function postWith(
  port: number,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/messages',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(payload)),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('local mode: loopback Host and Origin only', () => {
  let bot: Harness;
  let port: number;
  beforeAll(async () => {
    bot = await startHarness();
    port = Number(new URL(bot.baseUrl).port);
  });
  afterAll(() => bot.close());

  const refusedHosts = [
    'evil.example',
    'evil.example:3978',
    '10.0.0.5',
    '192.168.1.20:3978',
    '127.0.0.1.evil.example',
    'localhost.evil.example',
    '0.0.0.0',
    '[::2]:3978',
    '[::ffff:7f00:1]',
    '127.0.0.256',
    'localhost:3978@evil.example',
  ];
  it.each(refusedHosts)('refuses Host "%s" with 403 on every route', async (host) => {
    for (const path of ['/healthz', '/readyz', '/reports/x.csv', '/no-such-route']) {
      const answer = await get(port, path, { host });
      expect([path, answer.status]).toEqual([path, 403]);
      expect(answer.body).toContain('loopback');
    }
    const message = await postWith(port, { host }, activity('message', {}, { text: 'help' }));
    expect(message.status).toBe(403);
  });

  it.each(['127.0.0.1', '127.0.0.1:3978', '127.1.2.3:80', 'localhost', 'LocalHost:3978', '[::1]', '[::1]:3978'])(
    'serves Host "%s"',
    async (host) => {
      const answer = await get(port, '/healthz', { host });
      expect(answer.status).toBe(200);
    },
  );

  it.each(['http://evil.example', 'https://127.0.0.1.evil.example:3978', 'null'])(
    'refuses a request from a page at Origin "%s"',
    async (origin) => {
      const health = await get(port, '/healthz', { host: `127.0.0.1:${port}`, origin });
      expect(health.status).toBe(403);
      const message = await postWith(
        port,
        { host: `127.0.0.1:${port}`, origin },
        activity('message', {}, { text: 'help' }),
      );
      expect(message.status).toBe(403);
    },
  );

  it.each(['http://localhost:56150', 'http://127.0.0.1:3978', 'https://[::1]:8443'])(
    'serves a request from a local page at Origin "%s"',
    async (origin) => {
      const message = await postWith(
        port,
        { host: `127.0.0.1:${port}`, origin },
        activity('message', {}, { text: 'help' }),
      );
      expect(message.status).toBe(200);
      expect(cardText(cardsOf(JSON.parse(message.body).activities)[0])).toMatch(/What I can do/);
    },
  );
});

describe('local mode: loopback service URLs only', () => {
  let bot: Harness;
  let connector: FakeConnector;
  let store: PlanStore;
  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startHarness({}, { sender: { retry: { baseDelayMs: 5, maxDelayMs: 20 } } });
    store = new PlanStore(bot.app.storage.storage);
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  const elsewhere = () => connector.serviceUrl.replace('127.0.0.1', '0.0.0.0');

  it.each([
    ['a public connector', 'https://smba.trafficmanager.net/emea/'],
    ['a private address', 'http://10.1.2.3/'],
    ['a name that only starts like localhost', 'http://localhost.evil.example/'],
    ['not a URL', 'localhost:3990'],
    ['a file URL', 'file:///etc/passwd'],
  ])('refuses an activity whose serviceUrl is %s, before the turn', async (_label, serviceUrl) => {
    // expectReplies: the turn would not send anything, so nothing is contacted whether or not the check exists.
    const answer = await bot.post(activity('message', { serviceUrl }, { text: 'help' }));
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.body)).toMatch(/loopback/);
  });

  it('refuses a message whose replies would go to a non-loopback address, and sends nothing', async () => {
    const answer = await bot.post(
      activity(
        'message',
        { serviceUrl: elsewhere(), deliveryMode: 'normal', conversationId: 'a:elsewhere' },
        { text: 'help' },
      ),
    );
    expect(answer.status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connector.calls).toEqual([]);
  });

  it('still answers through a loopback connector', async () => {
    const answer = await bot.post(
      activity(
        'message',
        { serviceUrl: connector.serviceUrl, deliveryMode: 'normal', conversationId: 'a:loopback' },
        { text: 'help' },
      ),
    );
    expect(answer.status).toBe(200);
    await connector.waitFor((calls) => calls.some((call) => call.kind === 'send' || call.kind === 'reply'));
  });

  it('does not send card updates to a stored non-loopback serviceUrl', async () => {
    // Cards stored by an earlier run (another configuration, or an older version without the edge check).
    const conversationId = '19:stored-elsewhere@thread.tacv2';
    const location: PlanLocation = { tenantId: TENANT_ID, conversationId };
    const plan = createPlan({
      id: 'plan-elsewhere',
      selection: { tool: 'cloudSync' },
      createdBy: { id: 'aad-ana', name: 'Ana Admin' },
      at: '2025-11-26T10:00:00.000Z',
    });
    const card = (taskId: CardRef['taskId'], activityId: string): CardRef => ({
      taskId,
      activityId,
      conversationId,
      serviceUrl: elsewhere(),
    });
    const record: PlanRecord = {
      plan,
      conversationId,
      tenantId: TENANT_ID,
      cards: [card('summary', 'elsewhere-summary'), card('cloudSync.prerequisites', 'elsewhere-prereq')],
    };
    expect(await store.create(location, record, { replace: true })).toBe('created');
    connector.calls.length = 0;

    const click = activity(
      'invoke',
      { conversationType: 'channel', conversationId, serviceUrl: connector.serviceUrl },
      {
        deliveryMode: undefined,
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'task.done',
            data: { planId: 'plan-elsewhere', taskId: 'cloudSync.prerequisites', revision: 1 },
          },
          trigger: 'manual',
        },
      },
    );
    const answer = await bot.post(click);
    expect(answer.status).toBe(200);
    expect(cardText(answer.body.value)).toMatch(/Marked done by Ana Admin/);
    await bot.app.planFeature.idle();
    expect(connector.calls.filter((call) => call.kind === 'update')).toEqual([]);
  });
});
