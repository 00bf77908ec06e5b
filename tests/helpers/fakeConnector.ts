/**
 * A stand-in for the Bot Connector service on 127.0.0.1: enough of /v3/conversations for a bot to
 * send, reply, update and create conversations. Records every call; can be scripted to fail the
 * next N calls (429 with Retry-After, 500, 403, 404) to exercise the sender's retry rules.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly kind: 'send' | 'reply' | 'update' | 'create' | 'channels' | 'member' | 'members' | 'other';
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly body: any;
  readonly at: number;
  /** The status the fake answered with. */
  readonly status: number;
  /** The caller had hung up before the (delayed) answer was ready. */
  readonly abandoned?: boolean;
}

export interface ScriptedFailure {
  readonly status: 429 | 500 | 403 | 404;
  readonly retryAfter?: string;
  /** Teams error code in the body, e.g. ActivityNotFoundInConversation or MessageWritesBlocked. */
  readonly code?: string;
  /** Only calls of this kind fail; others pass. */
  readonly kind?: ConnectorCall['kind'];
}

/** What the fake knows about teams, for the channel list and membership routes. */
export interface FakeTeams {
  /** teamId → its channels; a team missing here answers 404 on the channel list. */
  channels?: Record<string, Array<{ id: string; name?: string }>>;
  /** teamId (or chat id) → user ids that are members; a team missing here has every user as a member. */
  members?: Record<string, string[]>;
  /**
   * Teams id (29:…) → profile. A member lookup by either id answers with the profile (name, Entra object id),
   * and a person counts as listed in `members` under either id.
   */
  people?: Record<string, { name: string; aadObjectId?: string; userRole?: string; userPrincipalName?: string }>;
}

export interface FakeConnector {
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  readonly teams: FakeTeams;
  /** The next `times` matching calls answer with `failure`. */
  failNext(failure: ScriptedFailure, times?: number): void;
  /** Forgets scripted failures not used up yet. */
  clearFailures(): void;
  /** Paths of the requests received and not answered yet (a delayed answer still to come). */
  waiting(): string[];
  /** Resolves once `predicate` holds for the recorded calls (polling), or rejects after `timeoutMs`. */
  waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const ROUTES: ReadonlyArray<{ method: string; pattern: RegExp; kind: ConnectorCall['kind'] }> = [
  { method: 'POST', pattern: /^\/v3\/conversations\/?$/, kind: 'create' },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/?$/, kind: 'send' },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, kind: 'reply' },
  { method: 'PUT', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, kind: 'update' },
  { method: 'GET', pattern: /^\/v3\/teams\/([^/]+)\/conversations$/, kind: 'channels' },
  { method: 'GET', pattern: /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/, kind: 'member' },
  { method: 'GET', pattern: /^\/v3\/conversations\/([^/]+)\/pagedmembers$/, kind: 'members' },
];

export interface FakeConnectorOptions {
  /** Every answer waits this long first (or as long as the function says for its path): a slow connector. The call is recorded when it is answered. */
  readonly delayMs?: number | ((path: string) => number);
}

export async function startFakeConnector(
  teams: FakeTeams = {},
  options: FakeConnectorOptions = {},
): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const waiting = new Set<string>();
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
        answer = {
          error: { code: failure.code ?? `Scripted${failure.status}`, message: `scripted ${failure.status}` },
        };
      } else if (!route) {
        status = 404;
        answer = { error: { code: 'NotFound', message: `no route for ${req.method} ${path}` } };
      } else if (kind === 'create') {
        // Like Teams: a new channel post is a thread whose conversation id is the channel plus ;messageid=<root id>.
        const channelId: unknown = body?.channelData?.channel?.id;
        const root = `root-${++sequence}`;
        status = 201;
        answer =
          typeof channelId === 'string'
            ? { id: `${channelId};messageid=${root}`, activityId: root }
            : { id: `conv-created-${sequence}`, activityId: root };
      } else if (kind === 'channels') {
        const list = teams.channels?.[conversationId ?? ''];
        status = list ? 200 : 404;
        answer = list ? { conversations: list } : { error: { code: 'NotFound', message: 'unknown team' } };
      } else if (kind === 'member') {
        const allowed = teams.members?.[conversationId ?? ''];
        const [mri, profile] = Object.entries(teams.people ?? {}).find(
          ([id, p]) => id === activityId || p.aadObjectId === activityId,
        ) ?? [activityId, undefined];
        const member = !allowed || allowed.includes(activityId ?? '') || allowed.includes(mri ?? '');
        status = member ? 200 : 404;
        answer = member
          ? {
              id: mri,
              name: profile?.name ?? 'Member',
              ...(profile?.aadObjectId ? { objectId: profile.aadObjectId, aadObjectId: profile.aadObjectId } : {}),
              ...rosterFields(profile),
            }
          : { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } };
      } else if (kind === 'members') {
        const allowed = teams.members?.[conversationId ?? ''];
        const listed = Object.entries(teams.people ?? {}).filter(([id]) => !allowed || allowed.includes(id));
        status = 200;
        answer = {
          members: listed.map(([id, p]) => ({
            id,
            name: p.name,
            ...(p.aadObjectId ? { objectId: p.aadObjectId, aadObjectId: p.aadObjectId } : {}),
            ...rosterFields(p),
          })),
        };
      } else {
        status = 200;
        answer = { id: kind === 'update' ? activityId : `bot-act-${++sequence}` };
      }
      waiting.add(path);
      const respond = () => {
        waiting.delete(path);
        const abandoned = res.destroyed || req.socket.destroyed;
        calls.push({
          method: req.method ?? '',
          path,
          kind,
          conversationId,
          activityId,
          body,
          at: Date.now(),
          status,
          ...(abandoned ? { abandoned } : {}),
        });
        res.writeHead(status, headers);
        res.end(JSON.stringify(answer));
      };
      const delay = typeof options.delayMs === 'function' ? options.delayMs(path) : (options.delayMs ?? 0);
      if (delay > 0) setTimeout(respond, delay).unref();
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    teams,
    failNext: (failure, times = 1) => {
      script.push({ ...failure, left: times });
    },
    clearFailures: () => {
      script.length = 0;
    },
    waiting: () => [...waiting],
    // Returns as soon as the condition holds; the limit only ends a wait for something that is not coming, so it is far
    // beyond what a busy machine needs.
    waitFor: async (predicate, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > deadline)
          throw new Error(
            `fake connector: condition not met within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ')}`,
          );
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

/** The roster's role fields, as Teams sends them (`userRole`: "owner", "user", "guest", "anonymous"), when the profile has them. */
function rosterFields(profile: { userRole?: string; userPrincipalName?: string } | undefined): Record<string, string> {
  return {
    ...(profile?.userRole !== undefined ? { userRole: profile.userRole } : {}),
    ...(profile?.userPrincipalName !== undefined ? { userPrincipalName: profile.userPrincipalName } : {}),
  };
}
