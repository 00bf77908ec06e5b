/**
 * Authentication with an app id set, against the SDK's real token validation. The OpenID metadata and signing key
 * are served from loopback (the SDK allows pointing ToBotFromChannelOpenIdMetadataUrl anywhere), and every token
 * is made here, so nothing leaves the machine. Every kind of bad token must get 401, run no turn, and be logged
 * as a throttled warning, never as an error with a stack trace.
 */
import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import pino from 'pino';
import type { Server } from 'restify';
import { SyncGuideAdapter } from '../../src/adapter';
import { ReusingBotFrameworkAuthentication } from '../../src/messaging/connectorClients';
import { createServer } from '../../src/server';
import { activity } from '../helpers/botHarness';

const APP_ID = '00000000-0000-4000-8000-00000000b075';
const ISSUER = 'https://api.botframework.com';
const KEY_ID = 'loopback-test-key';
const SERVICE_URL = 'http://127.0.0.1:9/';

const b64 = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

function sign(header: object, claims: object, key: KeyObject): string {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(key).toString('base64url')}`;
}

const claims = (overrides: object = {}) => {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: ISSUER,
    aud: APP_ID,
    serviceurl: SERVICE_URL,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 600,
    ...overrides,
  };
};

describe('JWT validation errors (app id set, OpenID metadata on loopback)', () => {
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const logs: Array<{ level: number; msg: string; [key: string]: unknown }> = [];
  let metadata: HttpServer;
  let server: Server;
  let baseUrl: string;
  let turns = 0;
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    // The SDK prints every failed verification to the console itself; the test keeps its output readable.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const jwk = signing.publicKey.export({ format: 'jwk' });
    metadata = createHttpServer((req, res) => {
      const { port } = metadata.address() as { port: number };
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/keys')
        res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n: jwk.n, e: jwk.e }] }));
      else res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `http://127.0.0.1:${port}/keys` }));
    });
    await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
    const metadataUrl = `http://127.0.0.1:${(metadata.address() as { port: number }).port}/openid`;
    const auth = new ReusingBotFrameworkAuthentication({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppTenantId: '',
      ToBotFromChannelTokenIssuer: ISSUER,
      ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthUrl: 'https://api.botframework.com',
    });
    ({ server } = createServer({
      adapter: new SyncGuideAdapter(auth),
      runTurn: async () => {
        turns++;
      },
      logger: pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) }),
      version: 'test',
      storageKind: 'memory',
      checkReady: async () => undefined,
      localMode: false,
    }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise<void>((resolve) => metadata.close(() => resolve()));
    consoleError.mockRestore();
  });

  const post = async (authorization: string | undefined) => {
    const response = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity('message', { serviceUrl: SERVICE_URL }, { text: 'help' })),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  it('accepts a token signed by the published key (the fake metadata works)', async () => {
    const before = turns;
    const result = await post(
      `Bearer ${sign({ alg: 'RS256', typ: 'JWT', kid: KEY_ID }, claims(), signing.privateKey)}`,
    );
    expect(result.status).toBe(200);
    expect(turns).toBe(before + 1);
  });

  const publicPem = () => signing.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const unsigned = (header: object) => `${b64(header)}.${b64(claims())}`;
  const badTokens: Array<[string, () => string]> = [
    [
      'a real key id with a bad signature',
      () => sign({ alg: 'RS256', typ: 'JWT', kid: KEY_ID }, claims(), stranger.privateKey),
    ],
    ['alg "none"', () => `${unsigned({ alg: 'none', typ: 'JWT', kid: KEY_ID })}.`],
    [
      'HS256 keyed with the public key',
      () =>
        `${unsigned({ alg: 'HS256', typ: 'JWT', kid: KEY_ID })}.${createHmac('sha256', publicPem())
          .update(unsigned({ alg: 'HS256', typ: 'JWT', kid: KEY_ID }))
          .digest('base64url')}`,
    ],
    [
      'a signature that is not base64url',
      () => `${unsigned({ alg: 'RS256', typ: 'JWT', kid: KEY_ID })}.*not-a-signature*`,
    ],
    [
      'a truncated signature',
      () => sign({ alg: 'RS256', typ: 'JWT', kid: KEY_ID }, claims(), signing.privateKey).slice(0, -20),
    ],
    [
      'a payload changed after signing',
      () => {
        const [header, , signature] = sign(
          { alg: 'RS256', typ: 'JWT', kid: KEY_ID },
          claims(),
          signing.privateKey,
        ).split('.');
        return `${header}.${b64(claims({ aud: 'someone-else' }))}.${signature}`;
      },
    ],
    [
      'an expired token',
      () =>
        sign(
          { alg: 'RS256', typ: 'JWT', kid: KEY_ID },
          claims({ exp: Math.floor(Date.now() / 1000) - 3600 }),
          signing.privateKey,
        ),
    ],
    ['an unknown key id', () => sign({ alg: 'RS256', typ: 'JWT', kid: 'no-such-key' }, claims(), signing.privateKey)],
    ['garbage', () => 'abc.def.ghi'],
  ];

  it.each(badTokens)('answers 401 to %s, runs no turn and logs no error', async (_label, token) => {
    const before = turns;
    const errorsBefore = logs.filter((line) => line.level >= 50).length;
    const result = await post(`Bearer ${token()}`);
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ error: 'Unauthorized' });
    expect(turns).toBe(before);
    expect(logs.filter((line) => line.level >= 50).length).toBe(errorsBefore);
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  });

  it('logged the failures as throttled warnings without stack traces', () => {
    const rejected = logs.filter((line) => line.msg === 'rejected a request that failed authentication');
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    // One line per 10 s: the whole table above takes far less than that on any machine this runs on.
    expect(rejected.length).toBeLessThanOrEqual(2);
    for (const line of rejected) expect(line.level).toBe(40);
    expect(logs.some((line) => 'err' in line)).toBe(false);
    expect(logs.filter((line) => line.msg === 'turn')).toHaveLength(1);
  });
});
