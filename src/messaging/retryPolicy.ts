/**
 * Which outgoing-call failures are worth retrying, for how long, and what a permanent failure means
 * for the caller. Pure functions over a small error shape, so the policy is tested without a bot.
 *
 * Rules (Teams docs: "Optimize your bot with rate limiting and best practices", and proactive messaging):
 *  - 429, 412, 502, 503, 504, 408 and network errors (ECONNRESET, ETIMEDOUT, "socket hang up", ...)
 *    are transient: retried with exponential backoff and jitter, honouring Retry-After.
 *    503 and 408 are not in Microsoft's list but mean the same thing ("try again later").
 *  - 500 is retried too, but only up to `maxAttemptsOn500` attempts (default 2): a 500 on a POST may
 *    mean the message was stored anyway, so each retry risks a duplicate post, and a 500 that
 *    repeats usually means the payload itself is rejected.
 *  - 403, MessageWritesBlocked, BotNotInConversationRoster, ConversationBlockedByUser,
 *    BotDisabledByAdmin, and 404 ConversationNotFound → 'blocked': the bot cannot write there any more;
 *    the caller marks the conversation inactive. Never retried.
 *  - ActivityNotFoundInConversation (any status) and any other 404 → 'notFound': on an update the
 *    caller posts a fresh card and remembers its id (known Teams flake, about 1 in 1000 updates).
 *  - 400, 401 and any other status, and errors without a status that are not network errors
 *    (a bug in our own code, for instance) → 'failed' at once: retrying cannot help.
 *  - A transient failure that is still failing after `maxAttempts` attempts, or whose next wait would
 *    end beyond `maxTotalMs` after the first attempt started → 'gaveUp'.
 *
 * Note for whoever wires this to botbuilder: botframework-connector's HTTP pipeline
 * (@azure/core-rest-pipeline defaultRetryPolicy) already retries 5xx, network errors, and 429/503 that
 * carry Retry-After, up to 3 times, below us. What reaches this policy has usually been retried there.
 */

/** What we know about a failed call; every field optional because not every thrown value is an HTTP error. */
export interface FailureShape {
  statusCode?: number;
  code?: string;
  /** Raw Retry-After header value: delta-seconds or an HTTP date. */
  retryAfter?: string;
  message?: string;
}

/** Why a send ended without success. */
export type FailureReason = 'blocked' | 'notFound' | 'gaveUp' | 'failed';

export type FailureClass = 'transient' | 'serverError' | 'blocked' | 'notFound' | 'permanent';

export type JitterMode = 'full' | 'proportional';

export interface RetryOptions {
  /** Attempts in total, the first included. Microsoft's example: 3 retries → 4 attempts. */
  maxAttempts: number;
  /** Attempts in total when the failure is a plain 500 (see the module comment). */
  maxAttemptsOn500: number;
  /** First backoff delay; doubles per retry. */
  baseDelayMs: number;
  /** No computed backoff delay exceeds this (before jitter). Retry-After is not capped by it. */
  maxDelayMs: number;
  /** No retry is started later than this after the first attempt started. */
  maxTotalMs: number;
  /** 'proportional': delay × (1 ± jitterRatio), as in Microsoft's example; 'full': uniform in [0, delay]. */
  jitter: JitterMode;
  jitterRatio: number;
}

export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = Object.freeze({
  maxAttempts: 4,
  maxAttemptsOn500: 2,
  baseDelayMs: 2_000,
  maxDelayMs: 20_000,
  maxTotalMs: 120_000,
  jitter: 'proportional',
  jitterRatio: 0.2,
});

const BLOCKED_CODES = new Set([
  'MessageWritesBlocked',
  'BotNotInConversationRoster',
  'ConversationBlockedByUser',
  'BotDisabledByAdmin',
]);
const NOT_FOUND_CODES = new Set(['ActivityNotFoundInConversation']);
/** Teams codes we look for wherever they hide in an error (body, nested error, message text). */
const KNOWN_TEAMS_CODES = [...BLOCKED_CODES, ...NOT_FOUND_CODES, 'ConversationNotFound'];

const TRANSIENT_STATUS = new Set([408, 412, 429, 502, 503, 504]);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  // What @azure/core-rest-pipeline reports when the request never got a response.
  'REQUEST_SEND_ERROR',
]);
const NETWORK_MESSAGE = /socket hang up|ECONNRESET|ETIMEDOUT|network (error|timeout)|fetch failed/i;

export function classifyFailure(f: FailureShape): FailureClass {
  const code = f.code;
  if (code !== undefined && BLOCKED_CODES.has(code)) return 'blocked';
  if (code !== undefined && NOT_FOUND_CODES.has(code)) return 'notFound';
  const status = f.statusCode;
  if (status !== undefined) {
    if (status === 403) return 'blocked';
    if (status === 404) return code === 'ConversationNotFound' ? 'blocked' : 'notFound';
    if (TRANSIENT_STATUS.has(status)) return 'transient';
    if (status === 500) return 'serverError';
    return 'permanent';
  }
  if (code !== undefined && NETWORK_CODES.has(code)) return 'transient';
  if (f.message !== undefined && NETWORK_MESSAGE.test(f.message)) return 'transient';
  return 'permanent';
}

/**
 * Retry-After as milliseconds from `now`, or undefined when absent or unparseable.
 * Accepts delta-seconds (decimals tolerated) and HTTP dates; a date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  // Date.parse reads '-5' as a year; an HTTP date always starts with a weekday name.
  if (!/^[A-Za-z]/.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * Backoff before retry number `retry` (1 = the first retry): base × 2^(retry-1), capped, then jittered.
 * `random` returns [0, 1) and is injected so tests can pin the jitter.
 */
export function backoffDelay(retry: number, options: RetryOptions, random: () => number): number {
  const exp = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const r = clamp01(random());
  if (options.jitter === 'full') return Math.round(exp * r);
  const ratio = Math.max(0, Math.min(1, options.jitterRatio));
  return Math.max(0, Math.round(exp * (1 + ratio * (2 * r - 1))));
}

export type RetryDecision =
  | { retry: true; delayMs: number; cls: FailureClass }
  | { retry: false; reason: FailureReason; cls: FailureClass; why: string };

export interface AttemptContext {
  /** Attempts made so far, the failed one included (1 after the first failure). */
  attempt: number;
  /** Milliseconds since the first attempt started. */
  elapsedMs: number;
  now: number;
}

/** Whether to retry after a failure, and after how long. */
export function decideRetry(
  f: FailureShape,
  ctx: AttemptContext,
  options: RetryOptions,
  random: () => number,
): RetryDecision {
  const cls = classifyFailure(f);
  switch (cls) {
    case 'blocked':
      return { retry: false, reason: 'blocked', cls, why: 'conversation blocked or bot removed' };
    case 'notFound':
      return { retry: false, reason: 'notFound', cls, why: 'activity or conversation not found' };
    case 'permanent':
      return { retry: false, reason: 'failed', cls, why: 'not retryable' };
    case 'transient':
    case 'serverError':
      break;
  }
  const limit = cls === 'serverError' ? Math.min(options.maxAttempts, options.maxAttemptsOn500) : options.maxAttempts;
  if (ctx.attempt >= limit) {
    return { retry: false, reason: 'gaveUp', cls, why: `${ctx.attempt} attempts made (limit ${limit})` };
  }
  const hinted = parseRetryAfter(f.retryAfter, ctx.now);
  // The server's hint wins over our own schedule: retrying earlier only earns another 429.
  const delayMs = hinted ?? backoffDelay(ctx.attempt, options, random);
  if (ctx.elapsedMs + delayMs > options.maxTotalMs) {
    return {
      retry: false,
      reason: 'gaveUp',
      cls,
      why: `next retry in ${delayMs} ms would exceed the ${options.maxTotalMs} ms budget`,
    };
  }
  return { retry: true, delayMs, cls };
}

/** Merges partial options over the defaults, rejecting values that would loop forever or never retry. */
export function resolveRetryOptions(partial?: Partial<RetryOptions>): RetryOptions {
  const o: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...(partial ?? {}) };
  if (!Number.isInteger(o.maxAttempts) || o.maxAttempts < 1) throw new Error(`invalid maxAttempts: ${o.maxAttempts}`);
  if (!Number.isInteger(o.maxAttemptsOn500) || o.maxAttemptsOn500 < 1) {
    throw new Error(`invalid maxAttemptsOn500: ${o.maxAttemptsOn500}`);
  }
  for (const k of ['baseDelayMs', 'maxDelayMs', 'maxTotalMs', 'jitterRatio'] as const) {
    if (!Number.isFinite(o[k]) || o[k] < 0) throw new Error(`invalid ${k}: ${o[k]}`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------------
// describeFailure: botbuilder's connector throws RestError objects from @azure/core-rest-pipeline
// (statusCode, code, response.headers.get(), response.parsedBody / bodyAsText), older stacks threw
// ms-rest-js RestErrors (body as text), and fetch failures hide the socket error in `cause`. Nothing
// here may throw: it runs inside the sender's error path.
// ---------------------------------------------------------------------------------------------------

type Bag = Record<string, unknown>;

function isBag(v: unknown): v is Bag {
  return typeof v === 'object' && v !== null;
}

function get(o: unknown, key: string): unknown {
  if (!isBag(o)) return undefined;
  try {
    return o[key];
  } catch {
    return undefined;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function statusOf(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

/** Bodies arrive parsed, as JSON text, or as a Buffer; we only need the `error` part. */
function asJson(v: unknown): unknown {
  if (typeof v === 'string') {
    const t = v.trim();
    if (!t.startsWith('{')) return undefined;
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return undefined;
    }
  }
  if (typeof Buffer !== 'undefined' && Buffer.isBuffer(v)) return asJson(v.toString('utf8'));
  return v;
}

function header(headers: unknown, name: string): string | undefined {
  if (!isBag(headers)) return undefined;
  try {
    const getter = headers['get'];
    if (typeof getter === 'function') {
      const v: unknown = getter.call(headers, name);
      // A headers object's get() returns a string (or a list joined by commas); anything else is stringified as is.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      if (v !== undefined && v !== null) return String(v);
    }
    const lower = name.toLowerCase();
    for (const k of Object.keys(headers)) {
      if (k.toLowerCase() === lower) {
        const v = headers[k];
        if (Array.isArray(v)) return v.length > 0 ? String(v[0]) : undefined;
        // Objects were excluded just above: what is left is a primitive.
        // eslint-disable-next-line @typescript-eslint/no-base-to-string
        if (v !== undefined && v !== null && typeof v !== 'object') return String(v);
      }
    }
    // core-rest-pipeline's HttpHeaders also exposes a plain snapshot via toJSON().
    const toJSON = headers['toJSON'];
    if (typeof toJSON === 'function') {
      const snap: unknown = toJSON.call(headers);
      if (isBag(snap) && snap !== headers) return header(snap, name);
    }
  } catch {
    // A hostile or exotic headers object is treated as "no header".
  }
  return undefined;
}

/** Teams puts codes at error.code, sometimes a more specific one at error.subCode or in innerHttpError. */
function codesInBody(body: unknown, out: string[], depth = 0): void {
  if (depth > 3) return;
  const json = asJson(body);
  const error = get(json, 'error');
  for (const c of [get(error, 'subCode'), get(error, 'code'), get(json, 'code'), get(json, 'subCode')]) {
    const s = str(c);
    if (s !== undefined) out.push(s);
  }
  const inner = get(error, 'innerHttpError');
  if (inner !== undefined) codesInBody(get(inner, 'body') ?? inner, out, depth + 1);
}

export function describeFailure(err: unknown): FailureShape {
  if (!isBag(err)) {
    // Not an object (isBag above): a thrown string, number or the like, which String() shows as it is.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    return err === undefined || err === null ? {} : { message: String(err) };
  }
  const response = get(err, 'response');
  const cause = get(err, 'cause');

  const statusCode =
    statusOf(get(err, 'statusCode')) ??
    statusOf(get(err, 'status')) ??
    statusOf(get(response, 'status')) ??
    statusOf(get(response, 'statusCode'));

  const bodies = [get(err, 'body'), get(response, 'parsedBody'), get(response, 'bodyAsText'), get(response, 'body')];
  const bodyCodes: string[] = [];
  for (const b of bodies) codesInBody(b, bodyCodes);
  const ownCode = str(get(err, 'code'));
  const causeCode = str(get(cause, 'code'));
  const message = str(get(err, 'message')) ?? firstErrorMessage(bodies);

  // Prefer a code we act on, wherever it was found; then the body's own code; then transport codes.
  const candidates = [...bodyCodes, ownCode, causeCode].filter((c): c is string => c !== undefined);
  const known =
    candidates.find((c) => KNOWN_TEAMS_CODES.includes(c)) ??
    (message !== undefined ? KNOWN_TEAMS_CODES.find((c) => message.includes(c)) : undefined);
  // A generic transport code on the error ("REQUEST_SEND_ERROR") says less than the socket's own.
  const transport = ownCode === 'REQUEST_SEND_ERROR' && causeCode !== undefined ? causeCode : (ownCode ?? causeCode);
  const code = known ?? bodyCodes[0] ?? transport;

  const retryAfter =
    header(get(response, 'headers'), 'retry-after') ??
    header(get(err, 'headers'), 'retry-after') ??
    msHeaderAsSeconds(get(response, 'headers')) ??
    msHeaderAsSeconds(get(err, 'headers'));

  const shape: FailureShape = {};
  if (statusCode !== undefined) shape.statusCode = statusCode;
  if (code !== undefined) shape.code = code;
  if (retryAfter !== undefined) shape.retryAfter = retryAfter;
  const finalMessage = message ?? str(get(cause, 'message'));
  if (finalMessage !== undefined) shape.message = finalMessage;
  return shape;
}

function firstErrorMessage(bodies: unknown[]): string | undefined {
  for (const b of bodies) {
    const m = str(get(get(asJson(b), 'error'), 'message'));
    if (m !== undefined) return m;
  }
  return undefined;
}

/** Azure services also send retry-after-ms; converted so the shape keeps one field. */
function msHeaderAsSeconds(headers: unknown): string | undefined {
  const ms = header(headers, 'retry-after-ms') ?? header(headers, 'x-ms-retry-after-ms');
  if (ms === undefined || !/^\d+(\.\d+)?$/.test(ms.trim())) return undefined;
  return String(Number(ms) / 1000);
}

function clamp01(x: number): number {
  if (!Number.isFinite(x) || x < 0) return 0;
  return x >= 1 ? 1 - Number.EPSILON : x;
}
