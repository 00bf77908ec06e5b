import { createApp, type App, type AppOptions } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';

/**
 * Starts the real server (restify + CloudAdapter + bot) on a free loopback port and talks to it over HTTP,
 * with `deliveryMode: expectReplies` so replies come back in the response body without a connector.
 */
export interface Harness {
  readonly app: App;
  readonly baseUrl: string;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  postRaw(body: string, contentType?: string): Promise<{ status: number; body: any }>;
  /** Sends a message and returns the activities the bot replied with. */
  say(text: string, options?: ActivityOptions): Promise<any[]>;
  /** Sends an Action.Execute invoke and returns the invoke response body. */
  invoke(
    verb: string,
    data: Record<string, unknown>,
    options?: ActivityOptions,
  ): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export interface ActivityOptions {
  readonly conversationId?: string;
  readonly conversationType?: 'personal' | 'channel' | 'groupChat';
  readonly userId?: string;
  readonly userName?: string;
  readonly tenantId?: string;
  /** Where the bot sends anything outside the HTTP answer; point it at a fake connector to see those calls. */
  readonly serviceUrl?: string;
  /** 'normal' sends replies through the connector at serviceUrl instead of the HTTP answer. */
  readonly deliveryMode?: 'expectReplies' | 'normal';
  readonly extra?: Record<string, unknown>;
}

export const BOT = { id: '28:sync-guide-bot', name: 'Sync Guide' };
export const TENANT_ID = '11111111-2222-3333-4444-555555555555';

let sequence = 0;

export function activity(
  type: string,
  options: ActivityOptions = {},
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  const conversationType = options.conversationType ?? 'personal';
  const tenantId = options.tenantId ?? TENANT_ID;
  return {
    type,
    id: `act-${++sequence}`,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl ?? 'http://127.0.0.1:9/', // a closed port by default: nothing may be sent outside the response
    timestamp: new Date().toISOString(),
    deliveryMode: options.deliveryMode === 'normal' ? undefined : 'expectReplies',
    from: {
      id: options.userId ?? '29:user-ana',
      name: options.userName ?? 'Ana Admin',
      aadObjectId: 'aad-' + (options.userId ?? 'ana'),
    },
    recipient: BOT,
    conversation: {
      id: options.conversationId ?? `conv-${conversationType}-1`,
      conversationType,
      tenantId,
      isGroup: conversationType !== 'personal',
    },
    channelData: { tenant: { id: tenantId } },
    ...options.extra,
    ...fields,
  };
}

export async function startHarness(env: Record<string, string> = {}, appOptions: AppOptions = {}): Promise<Harness> {
  // The model is trained when a test first types a sentence the exact commands do not cover (and the number
  // recognizer loaded when it first types a number), not by every harness.
  const config = loadConfig({ STORAGE: 'memory', PORT: '0', WARM_UP: 'off', ...env });
  const app = createApp(config, silentLogger, appOptions);
  const { port } = await app.listen();
  const baseUrl = `http://127.0.0.1:${port}`;
  const postRaw = async (body: string, contentType = 'application/json', headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...headers },
      body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as any };
  };
  const post = (body: unknown, headers?: Record<string, string>) =>
    postRaw(JSON.stringify(body), 'application/json', headers);
  return {
    app,
    baseUrl,
    post,
    postRaw: (body, contentType) => postRaw(body, contentType),
    say: async (text, options) => {
      const result = await post(activity('message', options, { text }));
      if (result.status !== 200 && !(options?.deliveryMode === 'normal' && result.status === 201)) {
        throw new Error(`message "${text}" answered HTTP ${result.status}: ${JSON.stringify(result.body)}`);
      }
      return result.body?.activities ?? [];
    },
    invoke: (verb, data, options) =>
      // Invokes answer in the HTTP response itself; expectReplies would wrap that answer in an activity list.
      post(
        activity('invoke', options, {
          deliveryMode: undefined,
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        }),
      ),
    close: async () => {
      await app.close();
    },
  };
}

/** The Adaptive Card content of each reply that carries one. */
export function cardsOf(activities: any[]): any[] {
  return activities.flatMap((a) =>
    (a.attachments ?? [])
      .filter((x: any) => x.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((x: any) => x.content),
  );
}
