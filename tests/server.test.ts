import pino from 'pino';
import { createApp, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { cardText, expectValidCard } from './helpers/cardAssertions';
import { activity, BOT, cardsOf, startHarness, TENANT_ID, type Harness } from './helpers/botHarness';

describe('HTTP edge (local mode)', () => {
  let bot: Harness;
  beforeAll(async () => {
    bot = await startHarness();
  });
  afterAll(() => bot.close());

  it('answers /healthz with version, storage kind and uptime', async () => {
    const response = await fetch(`${bot.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      version: expect.any(String),
      storage: 'memory',
      uptimeSeconds: expect.any(Number),
    });
  });

  it('keeps an idle connection open longer than a client does, so a request sent on it is never reset by its closing', () => {
    // Node's own 5 s is shorter than fetch (4 s, then what the server announces) plus any pause of a busy process.
    const http = bot.app.server.server;
    expect(http.keepAliveTimeout).toBeGreaterThanOrEqual(60_000);
    expect(http.headersTimeout).toBeGreaterThan(http.keepAliveTimeout);
  });

  it('answers /readyz after touching storage', async () => {
    const response = await fetch(`${bot.baseUrl}/readyz`);
    expect(response.status).toBe(200);
    expect((await response.json()).storage).toBe('memory');
  });

  it('replies to "help" with a valid help card listing the commands', async () => {
    const [card] = cardsOf(await bot.say('help'));
    expectValidCard(card);
    expect(cardText(card)).toMatch(/what's next/);
    expect(cardText(card)).toMatch(/start over/);
  });

  it('answers unknown text with help instead of silence, without echoing markup', async () => {
    const [card] = cardsOf(await bot.say('**bold** [link](http://x)'));
    expectValidCard(card);
    expect(cardText(card)).toContain("I didn't catch");
    expect(cardText(card)).toContain('\\*\\*bold\\*\\*');
  });

  it('matches commands after removing its own @mention in a channel', async () => {
    const replies = await bot.say(`<at>${BOT.name}</at> help`, {
      conversationType: 'channel',
      conversationId: '19:general@thread.tacv2;messageid=1',
      extra: { entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }] },
    });
    expect(cardText(cardsOf(replies)[0])).toMatch(/What I can do/);
    expect(cardText(cardsOf(replies)[0])).toMatch(/@Sync Guide/);
  });

  it.each(['personal', 'channel', 'groupChat'] as const)(
    'sends a welcome card when installed in %s scope',
    async (conversationType) => {
      const result = await bot.post(activity('installationUpdate', { conversationType }, { action: 'add' }));
      expect(result.status).toBe(200);
      const [card] = cardsOf(result.body.activities);
      expectValidCard(card);
      expect(cardText(card)).toMatch(/Entra Sync Guide/);
    },
  );

  it.each([
    ['malformed JSON', '{"type": "message",', 'application/json', 400],
    ['truncated JSON', '{"type":"mess', 'application/json', 400],
    ['JSON that is not an activity', '{"foo":1}', 'application/json', 400],
    ['an array', '[1,2,3]', 'application/json', 400],
    ['a plain-text body', 'help', 'text/plain', 415],
    [
      'an activity whose conversation is a string',
      JSON.stringify({ type: 'message', conversation: 'x' }),
      'application/json',
      400,
    ],
    [
      'a body over the limit',
      JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }),
      'application/json',
      413,
    ],
  ])('rejects %s with a 4xx and keeps serving', async (_label, body, contentType, status) => {
    const result = await bot.postRaw(body, contentType);
    expect(result.status).toBe(status);
    expect(JSON.stringify(result.body)).toMatch(/message/i);
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
  });

  it('answers an unknown card verb with HTTP 200 and an error card, not 501', async () => {
    const result = await bot.invoke('launchMissiles', { planId: 'x' });
    expect(result.status).toBe(200);
    expect(result.body.statusCode).toBe(200);
    expect(result.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(result.body.value);
  });
});

describe('HTTP edge with an app id configured', () => {
  let bot: Harness;
  beforeAll(async () => {
    bot = await startHarness({
      MicrosoftAppId: '00000000-0000-0000-0000-00000000b075',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa',
      HOST: '127.0.0.1',
    });
  });
  afterAll(() => bot.close());

  it('refuses a request without a token with 401', async () => {
    const result = await bot.post(activity('message', {}, { text: 'help' }));
    expect(result.status).toBe(401);
  });

  it('refuses a garbage bearer token with 401', async () => {
    const result = await bot.post(activity('message', {}, { text: 'help' }), { authorization: 'Bearer abc.def.ghi' });
    expect(result.status).toBe(401);
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe('tenant allow-list', () => {
  let bot: Harness;
  beforeAll(async () => {
    bot = await startHarness({ ALLOWED_TENANT_IDS: '99999999-0000-0000-0000-000000000001' });
  });
  afterAll(() => bot.close());

  it('refuses activities from other tenants with 403', async () => {
    const result = await bot.post(activity('message', {}, { text: 'help' }));
    expect(result.status).toBe(403);
  });

  it('serves the allowed tenant', async () => {
    const replies = await bot.say('help', { tenantId: '99999999-0000-0000-0000-000000000001' });
    expect(cardsOf(replies)).toHaveLength(1);
  });
});

describe('channel allow-list (ALLOWED_CHANNEL_IDS)', () => {
  it('serves only msteams by default, with a body that names the setting', async () => {
    const bot = await startHarness();
    try {
      const refused = await bot.post(activity('message', {}, { text: 'help', channelId: 'emulator' }));
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        error: 'Forbidden',
        message: expect.stringContaining('ALLOWED_CHANNEL_IDS'),
      });
      expect(cardsOf(await bot.say('help'))).toHaveLength(1);
    } finally {
      await bot.close();
    }
  });

  it('lets the Emulator in locally when the setting lists it', async () => {
    const bot = await startHarness({ ALLOWED_CHANNEL_IDS: 'msteams,emulator' });
    try {
      const answered = await bot.post(activity('message', {}, { text: 'help', channelId: 'emulator' }));
      expect(answered.status).toBe(200);
      expect(cardText(cardsOf(answered.body.activities)[0])).toMatch(/What I can do/);
      expect((await bot.post(activity('message', {}, { text: 'help', channelId: 'directline' }))).status).toBe(403);
    } finally {
      await bot.close();
    }
  });
});

describe('rejection logs', () => {
  let app: App;
  let baseUrl: string;
  const lines: string[] = [];
  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    app = createApp(loadConfig({ STORAGE: 'memory', PORT: '0', ALLOWED_TENANT_IDS: TENANT_ID }), logger);
    baseUrl = `http://127.0.0.1:${(await app.listen()).port}`;
  });
  afterAll(() => app.close());

  const post = (body: unknown) =>
    fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const rejections = () =>
    lines.map((line) => JSON.parse(line)).filter((line) => /outside ALLOWED_TENANT_IDS/.test(line.msg));

  it('logs a burst of foreign tenants as one short line, never the tenant id itself', async () => {
    lines.length = 0;
    const huge = 'f'.repeat(100 * 1024);
    for (let i = 0; i < 20; i++) {
      const response = await post(activity('message', { tenantId: huge }, { text: 'help' }));
      expect(response.status).toBe(403);
    }
    const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
    expect(bytes).toBeLessThan(2_000);
    expect(rejections()).toHaveLength(1);
    expect(rejections()[0].tenant).toBe('(not a GUID)');
    expect(lines.join('')).not.toContain('ffffffffff');
  });

  it('shows only the first block of a GUID-shaped tenant id', async () => {
    // The burst above still holds the interval of this kind of line, so this runs against a fresh server.
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const fresh = createApp(loadConfig({ STORAGE: 'memory', PORT: '0', ALLOWED_TENANT_IDS: TENANT_ID }), logger);
    const port = (await fresh.listen()).port;
    try {
      lines.length = 0;
      const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          activity('message', { tenantId: '99999999-8888-7777-6666-555555555555' }, { text: 'help' }),
        ),
      });
      expect(response.status).toBe(403);
      expect(rejections()).toHaveLength(1);
      expect(rejections()[0].tenant).toBe('99999999…');
      expect(lines.join('')).not.toContain('8888-7777');
    } finally {
      await fresh.close();
    }
  });
});
