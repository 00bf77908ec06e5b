/**
 * A small read-only Microsoft Graph client: GET only, a bearer token from an @azure/identity credential, a bounded
 * time per request and per round, and 429/503 answered by waiting what Retry-After asks when that fits the round,
 * or by giving up with that wait reported, never by hammering.
 *
 * Plain fetch rather than @microsoft/microsoft-graph-client (maintenance mode; its retry middleware waits up to 180 s,
 * longer than a Teams turn may) or @microsoft/msgraph-sdk (ESM-only and still a preview): five GET requests need
 * control over time, not a request builder. Response shapes are typed with @microsoft/microsoft-graph-types.
 *
 * Tokens and response bodies are never logged: only the path, the status and how long it took.
 */
import type { TokenCredential } from '@azure/identity';
import type { Logger } from '../logger';

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com (no version, no trailing slash). */
  readonly baseUrl: string;
  readonly credential: TokenCredential;
  /** Longest wait for one HTTP answer (token requests included). */
  readonly requestTimeoutMs?: number;
  readonly logger: Pick<Logger, 'debug' | 'warn'>;
  /** Tests shorten Retry-After waits; the wait is always abortable. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export type GraphResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly kind: 'forbidden'; readonly code?: string }
  | { readonly ok: false; readonly kind: 'throttled'; readonly retryAfterSeconds: number }
  | { readonly ok: false; readonly kind: 'timeout' }
  | { readonly ok: false; readonly kind: 'failed'; readonly status?: number };

/** A credential that would not give a token: the round cannot start. The message is safe to log (no secret in it). */
export class TokenUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`No Microsoft Graph token: ${reason}`);
    this.name = 'TokenUnavailableError';
  }
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;
/** Graph sends Retry-After with its 429s; when it does not, this is how long we leave it alone. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;
/** Bodies of error answers are read only this far: enough for Graph's error code. */
const MAX_ERROR_BODY = 4_096;
const MAX_JSON_BODY = 2 * 1024 * 1024;

export class GraphClient {
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(private readonly options: GraphClientOptions) {
    this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.sleep = options.sleep ?? abortableSleep;
  }

  /** `${baseUrl}/.default`: application permissions as consented, nothing asked for at run time. */
  get scope(): string {
    return `${this.options.baseUrl}/.default`;
  }

  /** A token for this round; throws TokenUnavailableError with a reason a person can act on. */
  async token(round: AbortSignal): Promise<string> {
    try {
      const token = await this.options.credential.getToken(this.scope, {
        abortSignal: AbortSignal.any([round, AbortSignal.timeout(this.timeoutMs)]),
      });
      if (!token?.token) throw new TokenUnavailableError('the credential returned no token');
      return token.token;
    } catch (error) {
      if (error instanceof TokenUnavailableError) throw error;
      // The credential's message can quote the token endpoint's answer; it never contains the secret itself.
      const reason = errorName(error);
      throw new TokenUnavailableError(reason);
    }
  }

  /**
   * GET `path` (e.g. "/v1.0/organization?$select=id") with the round's token. 429 and 503 are retried once when
   * their Retry-After fits before `deadline`; otherwise reported as throttled with the wait asked for.
   */
  async get<T>(
    path: string,
    request: { token: string; round: AbortSignal; deadline: number; headers?: Record<string, string>; text?: boolean },
  ): Promise<GraphResult<T>> {
    const url = `${this.options.baseUrl}${path}`;
    const logPath = path.split('?')[0];
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'GET',
          headers: {
            accept: request.text ? 'text/plain' : 'application/json',
            ...request.headers,
            authorization: `Bearer ${request.token}`,
          },
          signal: AbortSignal.any([request.round, AbortSignal.timeout(this.timeoutMs)]),
        });
      } catch (error) {
        this.options.logger.warn(
          { path: logPath, ms: Date.now() - started, error: errorName(error) },
          'graph: request did not complete',
        );
        return isTimeout(error) ? { ok: false, kind: 'timeout' } : { ok: false, kind: 'failed' };
      }
      this.options.logger.debug(
        { path: logPath, status: response.status, ms: Date.now() - started },
        'graph: answered',
      );
      if (response.ok) return this.body<T>(response, request.text === true);
      if (response.status === 429 || response.status === 503) {
        await discard(response);
        const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
        const waitMs = retryAfter * 1000;
        if (attempt === 1 && Date.now() + waitMs < request.deadline) {
          try {
            await this.sleep(waitMs, request.round);
          } catch {
            return { ok: false, kind: 'timeout' };
          }
          continue;
        }
        return { ok: false, kind: 'throttled', retryAfterSeconds: retryAfter };
      }
      if (response.status === 403) {
        const code = await errorCode(response);
        return { ok: false, kind: 'forbidden', ...(code ? { code } : {}) };
      }
      await discard(response);
      return { ok: false, kind: 'failed', status: response.status };
    }
  }

  private async body<T>(response: Response, text: boolean): Promise<GraphResult<T>> {
    try {
      const raw = await boundedText(response, MAX_JSON_BODY);
      if (raw === undefined) return { ok: false, kind: 'failed', status: response.status };
      return { ok: true, value: (text ? raw : JSON.parse(raw)) as T };
    } catch (error) {
      return isTimeout(error) ? { ok: false, kind: 'timeout' } : { ok: false, kind: 'failed', status: response.status };
    }
  }
}

/** Aborts arrive as DOMExceptions, which are not `instanceof Error` in every realm (jest's among them): go by name. */
function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name.slice(0, 60) : 'unknown';
}

function isTimeout(error: unknown): boolean {
  return errorName(error) === 'TimeoutError' || errorName(error) === 'AbortError';
}

/** Retry-After in seconds: a number of seconds or an HTTP date; anything else gets the default. Capped at an hour. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (header) {
    const trimmed = header.trim();
    if (/^\d{1,6}$/.test(trimmed)) return Math.min(3_600, Math.max(1, Number(trimmed)));
    const date = Date.parse(trimmed);
    if (!Number.isNaN(date)) return Math.min(3_600, Math.max(1, Math.ceil((date - now) / 1000)));
  }
  return DEFAULT_RETRY_AFTER_SECONDS;
}

async function errorCode(response: Response): Promise<string | undefined> {
  try {
    const raw = await boundedText(response, MAX_ERROR_BODY);
    const code = raw ? (JSON.parse(raw) as { error?: { code?: unknown } }).error?.code : undefined;
    return typeof code === 'string' ? code.slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}

/** The body as text, or undefined when it is longer than `limit` bytes (the stream is cancelled, not read to the end). */
async function boundedText(response: Response, limit: number): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
