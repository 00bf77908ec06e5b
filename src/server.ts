import restify, { type Request, type Response, type Server } from 'restify';
import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { SyncGuideAdapter } from './adapter';
import { TEAMS_CHANNEL_ID } from './config';
import { HttpDrain } from './httpDrain';
import type { Logger } from './logger';
import { isLoopbackHostHeader, isLoopbackUrl } from './loopback';
import { CORRELATION_ID } from './correlation';
import { RejectionLog, tenantForLog } from './rejectionLog';

/** Teams activities are a few KB; anything near this limit is a mistake or an attack. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDeps {
  readonly adapter: Pick<SyncGuideAdapter, 'handleActivity'>;
  readonly runTurn: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  readonly version: string;
  readonly storageKind: string;
  /** Resolves when storage answers; rejects (or returns false) when it does not. */
  readonly checkReady: () => Promise<void>;
  readonly allowedTenantIds?: readonly string[];
  /**
   * No authentication: only requests addressed to this machine (Host, and Origin when a browser sends one) are
   * served, and only activities whose serviceUrl is on this machine, so nothing is sent elsewhere.
   */
  readonly localMode: boolean;
  /** Bot Framework channels served; Teams only when absent. */
  readonly allowedChannelIds?: readonly string[];
  /** Further GET routes (the report download); each handler answers by itself. */
  readonly getRoutes?: ReadonlyArray<{
    readonly path: string;
    readonly handler: (req: Request, res: Response) => Promise<void>;
  }>;
}

export interface EdgeServer {
  readonly server: Server;
  /** Shutdown: stop accepting, let connections go (see HttpDrain). */
  readonly drain: HttpDrain;
}

/**
 * How long an idle keep-alive connection stays open. Node closes one after 5 s, and when a request is already on its
 * way as the server closes, the client gets a reset for a request that was never read. That happens whenever the
 * process is busy for longer than the timeout (the timer is handled before the waiting request is read): a client
 * that reuses connections (fetch, a proxy or load balancer in front of the bot) must close an idle one first, and
 * they keep them for seconds to minutes. Shutdown is not held up: HttpDrain closes idle connections at once.
 */
export const IDLE_CONNECTION_MS = 120_000;

function keepIdleConnectionsLongerThanClients(http: HttpServer): void {
  http.keepAliveTimeout = IDLE_CONNECTION_MS;
  // The headers of a request must be allowed at least as long as the connection may sit idle before it.
  http.headersTimeout = IDLE_CONNECTION_MS + 1_000;
}

export function createServer(deps: ServerDeps): EdgeServer {
  const { adapter, logger } = deps;
  const allowedChannelIds = deps.allowedChannelIds ?? [TEAMS_CHANNEL_ID];
  const rejections = new RejectionLog(logger);
  // The one line every request writes holds only scalars this file builds (ids, types, status, a duration), where the
  // logger's redaction paths look one level inside objects: it could never redact anything here, and walking those
  // paths took two thirds of the line's cost (about 10 µs of a turn's few hundred).
  const turnLog = logger.child({}, { redact: { paths: [] } });
  const startedAt = Date.now();
  const server = restify.createServer({ name: 'entra-sync-guide', handleUncaughtExceptions: false });
  keepIdleConnectionsLongerThanClients(server.server);
  const drain = new HttpDrain(server);
  if (deps.localMode) {
    // A pre handler runs before routing, so unknown paths are refused too rather than answered 404.
    server.pre((req: Request, res: Response, next: (err?: false) => void) => {
      const origin = req.headers.origin;
      if (isLoopbackHostHeader(req.headers.host) && (origin === undefined || isLoopbackUrl(origin))) return next();
      res.json(403, { error: 'Forbidden', message: LOCAL_HOST_ONLY });
      rejections.warn(
        'host',
        { status: 403 },
        'local mode: rejected a request not addressed to loopback (Host or Origin)',
      );
      return next(false);
    });
  }
  // Only JSON is ever read. restify's bodyParser would also parse forms and multipart uploads, and its multipart
  // parser writes every uploaded file to the temp directory and never deletes it, before authentication runs: anyone
  // who can reach the port could fill the disk. So other content types are refused before any body is read.
  server.use((req: Request, res: Response, next: (err?: false) => void) => {
    if (req.method === 'POST' && !req.is('json')) {
      res.json(415, {
        error: 'UnsupportedMediaType',
        message: 'Expected Content-Type: application/json with a Bot Framework activity.',
      });
      return next(false);
    }
    return next();
  });
  // The typings omit maxBodySize, but jsonBodyParser hands its options to bodyReader, which enforces it (413).
  const jsonOptions = { maxBodySize: MAX_BODY_BYTES, mapParams: false };
  server.use(restify.plugins.jsonBodyParser(jsonOptions));

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json(200, {
      status: 'ok',
      version: deps.version,
      storage: deps.storageKind,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    try {
      await deps.checkReady();
      res.json(200, { status: 'ready', storage: deps.storageKind });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed: storage did not answer');
      res.json(503, {
        status: 'unavailable',
        storage: deps.storageKind,
        error: 'Storage did not answer; see the server log.',
      });
    }
  });

  for (const route of deps.getRoutes ?? []) server.get(route.path, route.handler);

  server.post('/api/messages', async (req: Request, res: Response) => {
    const started = process.hrtime.bigint();
    const correlationId = randomUUID().slice(0, 8);
    const problem = describeInvalidActivity(req);
    if (problem) {
      res.json(400, { error: 'BadRequest', message: problem });
      rejections.warn(
        'invalid',
        { correlationId, status: 400, reason: problem },
        'rejected a request that is not a valid activity',
      );
      return;
    }
    const activity = req.body as {
      type: string;
      name?: string;
      channelId: string;
      serviceUrl?: string;
      conversation?: { conversationType?: string; tenantId?: string };
      channelData?: { tenant?: { id?: string } };
    };
    if (!allowedChannelIds.includes(activity.channelId)) {
      res.json(403, {
        error: 'Forbidden',
        message: `This bot only serves Microsoft Teams (channelId "${TEAMS_CHANNEL_ID}"); the allowed channels are set by ALLOWED_CHANNEL_IDS.`,
      });
      rejections.warn(
        'channel',
        { correlationId, status: 403 },
        'rejected an activity from a channel outside ALLOWED_CHANNEL_IDS',
      );
      return;
    }
    // describeInvalidActivity has checked it is a string when present.
    if (deps.localMode && activity.serviceUrl !== undefined && !isLoopbackUrl(activity.serviceUrl)) {
      res.json(403, { error: 'Forbidden', message: LOCAL_SERVICE_URL_ONLY });
      rejections.warn(
        'serviceUrl',
        { correlationId, status: 403 },
        'local mode: rejected an activity whose serviceUrl is not loopback',
      );
      return;
    }
    dropMalformedEntities(req.body as Record<string, unknown>);
    // describeInvalidActivity has checked both ids are strings when present.
    const tenantId = (activity.channelData?.tenant?.id ?? activity.conversation?.tenantId ?? '').toLowerCase();
    if (deps.allowedTenantIds?.length && !deps.allowedTenantIds.includes(tenantId)) {
      res.json(403, { error: 'Forbidden', message: 'This bot is not enabled for your tenant.' });
      rejections.warn(
        'tenant',
        { correlationId, status: 403, tenant: tenantForLog(tenantId) },
        'rejected a request from a tenant outside ALLOWED_TENANT_IDS',
      );
      return;
    }
    let outcome = 'ok';
    try {
      const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
      const response = await adapter.handleActivity(authHeader, req.body as Activity, async (context) => {
        context.turnState.set(CORRELATION_ID, correlationId);
        await deps.runTurn(context);
      });
      if (response?.body !== undefined) res.send(response.status, response.body);
      else res.send(response?.status ?? 200);
    } catch (error) {
      if (isAuthenticationFailure(error)) {
        outcome = 'unauthorized';
        res.json(401, { error: 'Unauthorized', message: 'The request does not carry a valid Bot Framework token.' });
        rejections.warn(
          'auth',
          { correlationId, status: 401, reason: String(error.message).slice(0, 200) },
          'rejected a request that failed authentication',
        );
        return;
      }
      outcome = 'error';
      logger.error({ err: error, correlationId }, 'request failed outside the turn');
      if (!res.headersSent)
        res.json(500, { error: 'InternalError', message: `Something failed on our side (ref ${correlationId}).` });
    } finally {
      // A request that failed authentication has its (throttled) rejection line instead: one line per request
      // here would let anyone grow the log. Whatever the caller chose is cut short.
      if (outcome !== 'unauthorized') {
        turnLog.info(
          {
            correlationId,
            activityType: activity.type.slice(0, 64),
            name: typeof activity.name === 'string' ? activity.name.slice(0, 64) : undefined,
            conversationType:
              typeof activity.conversation?.conversationType === 'string'
                ? activity.conversation.conversationType.slice(0, 32)
                : 'unknown',
            status: res.statusCode,
            outcome,
            durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          },
          'turn',
        );
      }
    }
  });

  return { server, drain };
}

const LOCAL_HOST_ONLY =
  'This bot runs in local mode (no MicrosoftAppId, so no authentication) and only answers requests addressed to this machine over loopback: 127.0.0.1, localhost or [::1], from no other web origin. Set MicrosoftAppId to serve other hosts.';
const LOCAL_SERVICE_URL_ONLY =
  "This bot runs in local mode (no MicrosoftAppId) and only sends to a Bot Connector on this machine: the activity's serviceUrl must be a loopback address such as http://localhost:56150 (the Agents Playground).";

/** What jsonwebtoken throws for a token it refuses; the SDK lets these through instead of wrapping them. */
const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * The SDK throws AuthenticationError for most bad tokens, but a token naming a published key whose signature or
 * algorithm is wrong (alg "none", HS256, a forged signature) reaches jsonwebtoken's verify, and its error comes
 * through as is. Both mean the caller did not prove who it is: 401, not a 500 with a stack trace.
 */
function isAuthenticationFailure(error: unknown): error is Error {
  return error instanceof AuthenticationError || (error instanceof Error && JWT_ERRORS.has(error.name));
}

/**
 * CloudAdapter answers 500 for a body that is not an activity, and a turn that meets a field of the wrong type fails
 * deep inside the SDK or a feature (a 500, or an apology in the chat); a caller error deserves a 400 that says what is
 * wrong. Teams always sends these fields with these types, so the checks cost real traffic nothing.
 * Returns undefined for a plausible activity.
 */
export function describeInvalidActivity(req: Request): string | undefined {
  const body: unknown = req.body;
  if (!req.is('json')) return 'Expected Content-Type: application/json with a Bot Framework activity.';
  if (!isObject(body)) return 'The body must be a JSON object (a Bot Framework activity).';
  const activity = body;
  if (typeof activity.type !== 'string' || activity.type.length === 0) return 'The activity has no "type".';
  if (!isObject(activity.conversation) || !isNonEmptyString(activity.conversation.id))
    return 'The activity needs a "conversation" object with a string "id".';
  if (activity.conversation.tenantId !== undefined && typeof activity.conversation.tenantId !== 'string')
    return '"conversation.tenantId" must be a string.';
  if (!isNonEmptyString(activity.channelId))
    return `The activity needs a string "channelId" ("${TEAMS_CHANNEL_ID}" for Microsoft Teams).`;
  if (!isObject(activity.from) || !isNonEmptyString(activity.from.id))
    return 'The activity needs a "from" object with a string "id".';
  if (activity.from.aadObjectId !== undefined && typeof activity.from.aadObjectId !== 'string')
    return '"from.aadObjectId" must be a string.';
  if (activity.serviceUrl !== undefined && typeof activity.serviceUrl !== 'string')
    return '"serviceUrl" must be a string.';
  if (activity.text !== undefined && typeof activity.text !== 'string') return '"text" must be a string.';
  if (activity.entities !== undefined && !Array.isArray(activity.entities)) return '"entities" must be an array.';
  if (activity.channelData !== undefined) {
    if (!isObject(activity.channelData)) return '"channelData" must be an object.';
    const tenant = activity.channelData.tenant;
    if (tenant !== undefined && (!isObject(tenant) || (tenant.id !== undefined && typeof tenant.id !== 'string')))
      return '"channelData.tenant.id" must be a string.';
  }
  // The SDK answers a card action without an action object with an empty 501, which tells the caller nothing.
  if (
    activity.type === 'invoke' &&
    activity.name === 'adaptiveCard/action' &&
    activity.value !== undefined &&
    !(isObject(activity.value) && isObject(activity.value.action))
  ) {
    return 'An adaptiveCard/action invoke needs a "value" object with an "action" object.';
  }
  return undefined;
}

/**
 * Keeps only entities the SDK and the features can read: objects with a string type, and mentions whose
 * `mentioned` has a string id and whose text (when present) is a string. TurnContext.removeRecipientMention
 * would throw on a null entity or a mention without `mentioned`, failing the whole turn over an extra field.
 */
export function dropMalformedEntities(activity: Record<string, unknown>): void {
  if (!Array.isArray(activity.entities)) return;
  activity.entities = activity.entities.filter((entity: unknown) => {
    if (!isObject(entity) || typeof entity.type !== 'string') return false;
    if (entity.type.toLowerCase() !== 'mention') return true;
    return (
      isObject(entity.mentioned) &&
      typeof entity.mentioned.id === 'string' &&
      (entity.text === undefined || typeof entity.text === 'string')
    );
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
