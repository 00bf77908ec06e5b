/**
 * A stand-in for the Bot Connector service on 127.0.0.1: enough of /v3/conversations for a bot to
 * send, reply, update and create conversations. Records every call; can be scripted to fail the
 * next N calls (429 with Retry-After, 500, 403, 404) to exercise the sender's retry rules.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly kind: 'send' | 'reply' | 'update' | 'create' | 'other';
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly body: any;
  readonly at: number;
  /** The status the fake answered with. */
  readonly status: number;
}

export interface ScriptedFailure {
  readonly status: 429 | 500 | 403 | 404;
  readonly retryAfter?: string;
  /** Teams error code in the body, e.g. ActivityNotFoundInConversation or MessageWritesBlocked. */
  readonly code?: string;
  /** Only calls of this kind fail; others pass. */
  readonly kind?: ConnectorCall['kind'];
}

export interface FakeConnector {
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  /** The next `times` matching calls answer with `failure`. */
  failNext(failure: ScriptedFailure, times?: number): void;
  /** Resolves once `predicate` holds for the recorded calls (polling), or rejects after `timeoutMs`. */
  waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const ROUTES: ReadonlyArray<{ method: string; pattern: RegExp; kind: ConnectorCall['kind'] }> = [
  { method: 'POST', pattern: /^\/v3\/conversations\/?$/, kind: 'create' },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/?$/, kind: 'send' },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, kind: 'reply' },
  { method: 'PUT', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, kind: 'update' },
];

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const script: Array<ScriptedFailure & { left: number }> = [];
  let sequence = 0;

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: any;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const path = (req.url ?? '').split('?')[0];
      const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(path));
      const match = route?.pattern.exec(path);
      const kind = route?.kind ?? 'other';
      const conversationId = match?.[1] ? decodeURIComponent(match[1]) : undefined;
      const activityId = match?.[2] ? decodeURIComponent(match[2]) : undefined;

      const failure = script.find((f) => f.left > 0 && (f.kind === undefined || f.kind === kind));
      let status: number;
      let answer: unknown;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure) {
        failure.left--;
        status = failure.status;
        if (failure.retryAfter !== undefined) headers['retry-after'] = failure.retryAfter;
        answer = { error: { code: failure.code ?? `Scripted${failure.status}`, message: `scripted ${failure.status}` } };
      } else if (!route) {
        status = 404;
        answer = { error: { code: 'NotFound', message: `no route for ${req.method} ${path}` } };
      } else {
        status = kind === 'create' ? 201 : 200;
        answer = kind === 'create' ? { id: `conv-created-${++sequence}`, activityId: `act-created-${sequence}` } : { id: kind === 'update' ? activityId : `bot-act-${++sequence}` };
      }
      calls.push({ method: req.method ?? '', path, kind, conversationId, activityId, body, at: Date.now(), status });
      res.writeHead(status, headers);
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    failNext: (failure, times = 1) => {
      script.push({ ...failure, left: times });
    },
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > deadline) throw new Error(`fake connector: condition not met within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
