import restify, { type Request, type Response, type Server } from 'restify';
import { randomUUID } from 'node:crypto';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from './logger';

/** Teams activities are a few KB; anything near this limit is a mistake or an attack. */
export const MAX_BODY_BYTES = 256 * 1024;

export const CORRELATION_ID = Symbol('correlationId');

export interface ServerDeps {
  readonly adapter: CloudAdapter;
  readonly runTurn: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  readonly version: string;
  readonly storageKind: string;
  /** Resolves when storage answers; rejects (or returns false) when it does not. */
  readonly checkReady: () => Promise<void>;
  readonly allowedTenantIds?: readonly string[];
}

export function createServer(deps: ServerDeps): Server {
  const { adapter, logger } = deps;
  const startedAt = Date.now();
  const server = restify.createServer({ name: 'entra-sync-guide', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json(200, { status: 'ok', version: deps.version, storage: deps.storageKind, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    try {
      await deps.checkReady();
      res.json(200, { status: 'ready', storage: deps.storageKind });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed: storage did not answer');
      res.json(503, { status: 'unavailable', storage: deps.storageKind, error: 'Storage did not answer; see the server log.' });
    }
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const started = process.hrtime.bigint();
    const correlationId = randomUUID().slice(0, 8);
    const problem = describeInvalidActivity(req);
    if (problem) {
      res.json(400, { error: 'BadRequest', message: problem });
      logger.info({ correlationId, status: 400, reason: problem }, 'rejected request');
      return;
    }
    const activity = req.body as { type: string; name?: string; conversation?: { conversationType?: string; tenantId?: string }; channelData?: { tenant?: { id?: string } } };
    const tenantId = (activity.channelData?.tenant?.id ?? activity.conversation?.tenantId ?? '').toLowerCase();
    if (deps.allowedTenantIds?.length && !deps.allowedTenantIds.includes(tenantId)) {
      res.json(403, { error: 'Forbidden', message: 'This bot is not enabled for your tenant.' });
      logger.warn({ correlationId, status: 403, tenantId }, 'rejected request from a tenant outside ALLOWED_TENANT_IDS');
      return;
    }
    let outcome = 'ok';
    try {
      await adapter.process(req, res, async (context) => {
        context.turnState.set(CORRELATION_ID, correlationId);
        await deps.runTurn(context);
      });
    } catch (error) {
      outcome = 'error';
      logger.error({ err: error, correlationId }, 'request failed outside the turn');
      if (!res.headersSent) res.json(500, { error: 'InternalError', message: `Something failed on our side (ref ${correlationId}).` });
    } finally {
      logger.info(
        {
          correlationId,
          activityType: activity.type,
          name: activity.name,
          conversationType: activity.conversation?.conversationType ?? 'unknown',
          status: res.statusCode,
          outcome,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'turn',
      );
    }
  });

  return server;
}

/**
 * CloudAdapter answers 500 for a body that is not an activity; a caller error deserves a 400 that says what is wrong.
 * Returns undefined for a plausible activity.
 */
export function describeInvalidActivity(req: Request): string | undefined {
  const body: unknown = req.body;
  if (!req.is('json')) return 'Expected Content-Type: application/json with a Bot Framework activity.';
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON object (a Bot Framework activity).';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type.length === 0) return 'The activity has no "type".';
  if (activity.conversation !== undefined && (typeof activity.conversation !== 'object' || activity.conversation === null)) {
    return 'The activity\'s "conversation" must be an object.';
  }
  if (activity.from !== undefined && (typeof activity.from !== 'object' || activity.from === null)) return 'The activity\'s "from" must be an object.';
  return undefined;
}
