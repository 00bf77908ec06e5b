/**
 * A stand-in for Microsoft Graph and for a managed identity's token endpoint, on 127.0.0.1, holding one canned
 * tenant. It answers the read calls the bot makes, with Graph's response shapes (collections in `value`, $count as
 * text/plain, errors as `{ error: { code, message, innerError } }`), and can be told to refuse a permission (403),
 * throttle (429 with Retry-After), answer slowly, or refuse tokens. Every request is recorded (without the token).
 *
 * It also stands in for the Entra sign-in endpoints a client secret uses (OpenID metadata and the v2.0 token
 * endpoint, client credentials grant). @azure/identity refuses a plain-http authority host, so a test keeps the real
 * https authority and hands the credential an `httpClient` that carries its requests here (see
 * tests/helpers/loopbackHttpClient.ts); nothing global is changed.
 *
 * Used by the tests and by `npm run playground` (a simulated tenant; nothing leaves the machine).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export const CLOUD_SYNC_TEMPLATE_ID = '1a4721b3-e57f-4451-ae87-ef078703ec94';
/** App Service's managed identity protocol: the caller proves it runs there with this header. */
export const FAKE_IDENTITY_HEADER = 'fake-identity-header';

export interface FakeJob {
  readonly configuration: string;
  readonly templateId: 'AD2AADProvisioning' | 'AD2AADPasswordHash';
  state: 'NotConfigured' | 'NotRun' | 'Active' | 'Paused' | 'Quarantine';
  quarantineReason?: string;
  lastRunMinutesAgo?: number;
  lastRunResult?: 'Succeeded' | 'Failed' | 'EntryLevelErrors';
  errors: number;
}

export interface FakeTenant {
  syncEnabled: boolean | null;
  lastSyncMinutesAgo: number | null;
  lastPasswordSyncMinutesAgo: number | null;
  syncedUsers: number;
  jobs: FakeJob[];
}

export type FakeGraphPart = 'organization' | 'users' | 'servicePrincipals' | 'jobs';

export interface FakeGraphRequest {
  readonly method: string;
  readonly path: string;
  readonly part: FakeGraphPart | 'token' | 'signInMetadata' | 'other';
  readonly status: number;
  readonly consistencyLevel?: string;
  /** Client secret token requests: the app id sent, and whether the secret sent was the app's (never the secret itself). */
  readonly clientId?: string;
  readonly secretMatched?: boolean;
  readonly scope?: string;
}

/** The app registration a client secret token request must name (tenant, app id and secret). */
export interface FakeApp {
  readonly tenantId: string;
  readonly clientId: string;
  readonly secret: string;
}

export interface FakeGraph {
  /** Base URL for GRAPH_BASE_URL. */
  readonly baseUrl: string;
  /** For IDENTITY_ENDPOINT (with IDENTITY_HEADER = FAKE_IDENTITY_HEADER). */
  readonly identityEndpoint: string;
  readonly tenant: FakeTenant;
  readonly requests: FakeGraphRequest[];
  /** Replaces the tenant's state (a preset or your own). */
  setTenant(tenant: FakeTenant): void;
  /** These parts answer 403 with Graph's Authorization_RequestDenied body. */
  forbid(...parts: FakeGraphPart[]): void;
  /** The next `times` Graph calls answer 429 with this Retry-After. */
  throttleNext(times: number, retryAfterSeconds: number): void;
  /** Every Graph answer waits this long first (timeouts). */
  delay(ms: number): void;
  /** The token endpoints refuse while this is set: the managed identity's with 400, the client secret's with 401 invalid_client. */
  refuseTokens(refuse: boolean): void;
  /** Clears forbids, throttling, delays, token refusals and the request log. */
  reset(): void;
  close(): Promise<void>;
}

export const PRESETS = {
  healthyCloudSync: (): FakeTenant => ({
    syncEnabled: true,
    lastSyncMinutesAgo: 3,
    lastPasswordSyncMinutesAgo: 2,
    syncedUsers: 1_284,
    jobs: [
      {
        configuration: 'contoso.example',
        templateId: 'AD2AADProvisioning',
        state: 'Active',
        lastRunMinutesAgo: 3,
        lastRunResult: 'Succeeded',
        errors: 0,
      },
      {
        configuration: 'contoso.example',
        templateId: 'AD2AADPasswordHash',
        state: 'Active',
        lastRunMinutesAgo: 2,
        lastRunResult: 'Succeeded',
        errors: 0,
      },
    ],
  }),
  quarantinedCloudSync: (): FakeTenant => ({
    syncEnabled: true,
    lastSyncMinutesAgo: 55,
    lastPasswordSyncMinutesAgo: 54,
    syncedUsers: 1_284,
    jobs: [
      {
        configuration: 'contoso.example',
        templateId: 'AD2AADProvisioning',
        state: 'Quarantine',
        quarantineReason: 'EncounteredQuarantineException',
        lastRunMinutesAgo: 55,
        lastRunResult: 'Failed',
        errors: 0,
      },
      {
        configuration: 'contoso.example',
        templateId: 'AD2AADPasswordHash',
        state: 'Active',
        lastRunMinutesAgo: 2,
        lastRunResult: 'Succeeded',
        errors: 0,
      },
    ],
  }),
  connectLastSync5h: (): FakeTenant => ({
    syncEnabled: true,
    lastSyncMinutesAgo: 300,
    lastPasswordSyncMinutesAgo: 298,
    syncedUsers: 5_120,
    jobs: [],
  }),
} as const;

const DENIED = (requestId: string) => ({
  error: {
    code: 'Authorization_RequestDenied',
    message: 'Insufficient privileges to complete the operation.',
    innerError: {
      date: new Date().toISOString().slice(0, 19),
      'request-id': requestId,
      'client-request-id': requestId,
    },
  },
});

export async function startFakeGraph(
  options: { tenant?: FakeTenant; now?: () => number; app?: FakeApp; signInHost?: string } = {},
): Promise<FakeGraph> {
  const signInHost = options.signInHost ?? 'https://login.microsoftonline.com';
  const now = options.now ?? (() => Date.now());
  let tenant = options.tenant ?? PRESETS.healthyCloudSync();
  const requests: FakeGraphRequest[] = [];
  let forbidden = new Set<FakeGraphPart>();
  let throttle = { times: 0, retryAfter: 1 };
  let delayMs = 0;
  let tokensRefused = false;
  const issued = new Set<string>();
  const principalId = 'b7a1c4d2-0000-4000-8000-0000000c1005';

  const minutesAgo = (minutes: number | null | undefined) =>
    minutes === null || minutes === undefined ? null : new Date(now() - minutes * 60_000).toISOString();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
    res.end(text);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record = (part: FakeGraphRequest['part'], status: number) =>
      requests.push({
        method: req.method ?? 'GET',
        path: `${url.pathname}${url.search}`,
        part,
        status,
        ...(req.headers.consistencylevel ? { consistencyLevel: String(req.headers.consistencylevel) } : {}),
      });

    if (url.pathname === '/msi/token') {
      if (req.headers['x-identity-header'] !== FAKE_IDENTITY_HEADER || tokensRefused) {
        record('token', 400);
        return send(res, 400, {
          error: 'invalid_client',
          error_description: 'The managed identity stand-in refused to issue a token.',
        });
      }
      const token = `fake-${randomUUID()}`;
      issued.add(token);
      record('token', 200);
      return send(res, 200, {
        access_token: token,
        expires_on: String(Math.floor(now() / 1000) + 3600),
        resource: url.searchParams.get('resource') ?? '',
        token_type: 'Bearer',
      });
    }

    const signIn = signInPath(url.pathname);
    if (signIn) return signInAnswer(req, res, url, signIn);

    const part = partOf(url.pathname);
    const answer = () => {
      const auth = String(req.headers.authorization ?? '');
      if (!auth.startsWith('Bearer ') || !issued.has(auth.slice(7))) {
        record(part, 401);
        return send(res, 401, {
          error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty or invalid.' },
        });
      }
      if (req.method !== 'GET') {
        record(part, 405);
        return send(res, 405, {
          error: { code: 'Request_BadRequest', message: 'The stand-in only answers GET: the bot must never write.' },
        });
      }
      if (throttle.times > 0) {
        throttle.times--;
        record(part, 429);
        return send(
          res,
          429,
          { error: { code: 'TooManyRequests', message: 'Too many requests.' } },
          { 'retry-after': String(throttle.retryAfter) },
        );
      }
      if (part !== 'other' && forbidden.has(part)) {
        record(part, 403);
        return send(res, 403, DENIED(randomUUID()));
      }
      switch (part) {
        case 'organization': {
          const beta = url.pathname.startsWith('/beta/');
          record(part, 200);
          return send(res, 200, {
            value: [
              beta
                ? { id: 'org', onPremisesLastPasswordSyncDateTime: minutesAgo(tenant.lastPasswordSyncMinutesAgo) }
                : {
                    id: 'org',
                    onPremisesSyncEnabled: tenant.syncEnabled,
                    onPremisesLastSyncDateTime: minutesAgo(tenant.lastSyncMinutesAgo),
                  },
            ],
          });
        }
        case 'users':
          // Graph refuses $count without the advanced query header.
          if (String(req.headers.consistencylevel ?? '').toLowerCase() !== 'eventual') {
            record(part, 400);
            return send(res, 400, {
              error: {
                code: 'Request_BadRequest',
                message: 'Count is not supported without ConsistencyLevel: eventual.',
              },
            });
          }
          record(part, 200);
          return send(res, 200, String(tenant.syncedUsers));
        case 'servicePrincipals': {
          const wanted = (url.searchParams.get('$filter') ?? '').includes(CLOUD_SYNC_TEMPLATE_ID);
          record(part, 200);
          const configurations = [...new Set(tenant.jobs.map((job) => job.configuration))];
          return send(res, 200, {
            value: wanted
              ? configurations.map((name, i) => ({ id: `${principalId.slice(0, -1)}${i}`, displayName: name }))
              : [],
          });
        }
        case 'jobs': {
          const index = Number(url.pathname.split('/')[3]?.slice(-1));
          const configurations = [...new Set(tenant.jobs.map((job) => job.configuration))];
          const jobs = tenant.jobs.filter((job) => job.configuration === configurations[index]);
          record(part, 200);
          return send(res, 200, { value: jobs.map((job) => jobJson(job, minutesAgo)) });
        }
        default:
          record(part, 404);
          return send(res, 404, {
            error: { code: 'Request_ResourceNotFound', message: 'The stand-in does not know this address.' },
          });
      }
    };
    if (delayMs > 0) setTimeout(answer, delayMs).unref();
    else answer();
  });

  /** OpenID metadata and the v2.0 token endpoint of `tenant`, as Entra answers them for a confidential client. */
  function signInAnswer(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    signIn: { tenant: string; kind: 'metadata' | 'token' | 'discovery' },
  ): void {
    const path = `${url.pathname}${url.search}`;
    if (signIn.kind === 'discovery') {
      requests.push({ method: req.method ?? 'GET', path, part: 'signInMetadata', status: 200 });
      const host = new URL(signInHost).host;
      return send(res, 200, {
        tenant_discovery_endpoint: `${signInHost}/${signIn.tenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      });
    }
    if (signIn.kind === 'metadata') {
      requests.push({ method: req.method ?? 'GET', path, part: 'signInMetadata', status: 200 });
      const base = `${signInHost}/${signIn.tenant}`;
      return send(res, 200, {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        issuer: `${base}/v2.0`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 64 * 1024) chunks.push(chunk);
    });
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const clientId = form.get('client_id') ?? '';
      const app = options.app;
      const secretMatched = app !== undefined && form.get('client_secret') === app.secret;
      const known =
        app !== undefined &&
        signIn.tenant === app.tenantId &&
        clientId === app.clientId &&
        secretMatched &&
        form.get('grant_type') === 'client_credentials';
      const status = req.method === 'POST' && known && !tokensRefused ? 200 : 401;
      requests.push({
        method: req.method ?? 'POST',
        path,
        part: 'token',
        status,
        clientId,
        secretMatched,
        scope: form.get('scope') ?? '',
      });
      if (status !== 200) {
        // Entra's answer to a wrong or expired secret: 401 with an OAuth error body.
        return send(res, 401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided (stand-in).',
          error_codes: [7000215],
        });
      }
      const token = `fake-${randomUUID()}`;
      issued.add(token);
      return send(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  return {
    baseUrl: base,
    identityEndpoint: `${base}/msi/token`,
    get tenant() {
      return tenant;
    },
    requests,
    setTenant(next) {
      tenant = next;
    },
    forbid(...parts) {
      for (const part of parts) forbidden.add(part);
    },
    throttleNext(times, retryAfterSeconds) {
      throttle = { times, retryAfter: retryAfterSeconds };
    },
    delay(ms) {
      delayMs = ms;
    },
    refuseTokens(refuse) {
      tokensRefused = refuse;
    },
    reset() {
      forbidden = new Set();
      throttle = { times: 0, retryAfter: 1 };
      delayMs = 0;
      tokensRefused = false;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The sign-in stand-in's addresses: /common/discovery/instance, /{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/oauth2/v2.0/token. */
function signInPath(pathname: string): { tenant: string; kind: 'metadata' | 'token' | 'discovery' } | undefined {
  if (pathname === '/common/discovery/instance') return { tenant: 'common', kind: 'discovery' };
  const match = /^\/([0-9a-zA-Z.-]{1,100})\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/.exec(
    pathname,
  );
  if (!match) return undefined;
  return { tenant: match[1], kind: match[2].startsWith('oauth2') ? 'token' : 'metadata' };
}

function partOf(pathname: string): FakeGraphPart | 'other' {
  if (/^\/(v1\.0|beta)\/organization$/.test(pathname)) return 'organization';
  if (pathname === '/v1.0/users/$count') return 'users';
  if (pathname === '/v1.0/servicePrincipals') return 'servicePrincipals';
  if (/^\/v1\.0\/servicePrincipals\/[^/]+\/synchronization\/jobs$/.test(pathname)) return 'jobs';
  return 'other';
}

function jobJson(job: FakeJob, minutesAgo: (minutes: number | undefined) => string | null) {
  const lastRun =
    job.lastRunMinutesAgo === undefined
      ? null
      : {
          state: job.lastRunResult ?? 'Succeeded',
          timeBegan: minutesAgo(job.lastRunMinutesAgo + 1),
          timeEnded: minutesAgo(job.lastRunMinutesAgo),
          countEscrowed: job.errors,
          countExported: 12,
          countImported: 40,
        };
  return {
    id: `${job.templateId}.${job.configuration.replace(/\W/g, '')}`,
    templateId: job.templateId,
    schedule: { interval: 'PT2M', state: job.state === 'Paused' ? 'Disabled' : 'Active' },
    status: {
      code: job.state,
      countSuccessiveCompleteFailures: job.lastRunResult === 'Failed' ? 3 : 0,
      lastExecution: lastRun,
      quarantine:
        job.state === 'Quarantine'
          ? {
              reason: job.quarantineReason ?? 'Unknown',
              currentBegan: minutesAgo(job.lastRunMinutesAgo),
              seriesBegan: minutesAgo(job.lastRunMinutesAgo),
              nextAttempt: minutesAgo(-60),
            }
          : null,
    },
  };
}
