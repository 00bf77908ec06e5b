import { RestError, createHttpHeaders } from '@azure/core-rest-pipeline';
import {
  DEFAULT_RETRY_OPTIONS,
  FailureShape,
  RetryOptions,
  backoffDelay,
  classifyFailure,
  decideRetry,
  describeFailure,
  parseRetryAfter,
  resolveRetryOptions,
} from '../../src/messaging/retryPolicy';

const opts: RetryOptions = resolveRetryOptions();
const mid = (): number => 0.5;

describe('classifyFailure', () => {
  it.each<[FailureShape, string]>([
    [{ statusCode: 429 }, 'transient'],
    [{ statusCode: 412 }, 'transient'],
    [{ statusCode: 502 }, 'transient'],
    [{ statusCode: 503 }, 'transient'],
    [{ statusCode: 504 }, 'transient'],
    [{ statusCode: 408 }, 'transient'],
    [{ statusCode: 500 }, 'serverError'],
    [{ statusCode: 403 }, 'blocked'],
    [{ statusCode: 403, code: 'MessageWritesBlocked' }, 'blocked'],
    [{ statusCode: 400, code: 'BotNotInConversationRoster' }, 'blocked'],
    [{ code: 'ConversationBlockedByUser' }, 'blocked'],
    [{ statusCode: 404, code: 'ConversationNotFound' }, 'blocked'],
    [{ statusCode: 404, code: 'ActivityNotFoundInConversation' }, 'notFound'],
    [{ statusCode: 400, code: 'ActivityNotFoundInConversation' }, 'notFound'],
    [{ statusCode: 404 }, 'notFound'],
    [{ statusCode: 400 }, 'permanent'],
    [{ statusCode: 401 }, 'permanent'],
    [{ statusCode: 413 }, 'permanent'],
    [{ statusCode: 501 }, 'permanent'],
    [{ code: 'ECONNRESET' }, 'transient'],
    [{ code: 'ETIMEDOUT' }, 'transient'],
    [{ code: 'REQUEST_SEND_ERROR' }, 'transient'],
    [{ message: 'socket hang up' }, 'transient'],
    [{ message: "Cannot read properties of undefined (reading 'id')" }, 'permanent'],
    [{}, 'permanent'],
  ])('%j → %s', (shape, cls) => {
    expect(classifyFailure(shape)).toBe(cls);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });
  it('reads HTTP dates relative to now, past dates as 0', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:59:00 GMT', now)).toBe(0);
  });
  it('ignores absent or garbage values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap, ±20% by default', () => {
    for (const [retry, exp] of [
      [1, 2000],
      [2, 4000],
      [3, 8000],
      [4, 16000],
      [5, 20000],
      [9, 20000],
    ] as const) {
      expect(backoffDelay(retry, opts, () => 0)).toBe(exp * 0.8);
      expect(backoffDelay(retry, opts, mid)).toBe(exp);
      const hi = backoffDelay(retry, opts, () => 0.999999);
      expect(hi).toBeGreaterThan(exp * 1.19);
      expect(hi).toBeLessThanOrEqual(exp * 1.2);
    }
  });

  it('full jitter spreads over [0, delay]', () => {
    const full = { ...opts, jitter: 'full' as const };
    expect(backoffDelay(2, full, () => 0)).toBe(0);
    expect(backoffDelay(2, full, mid)).toBe(2000);
    expect(backoffDelay(2, full, () => 0.999999)).toBeLessThanOrEqual(4000);
  });

  it('tolerates a broken random source', () => {
    expect(backoffDelay(1, opts, () => Number.NaN)).toBe(1600);
    expect(backoffDelay(1, opts, () => 7)).toBeLessThanOrEqual(2400);
  });
});

describe('decideRetry', () => {
  const at = (attempt: number, elapsedMs = 0): { attempt: number; elapsedMs: number; now: number } => ({
    attempt,
    elapsedMs,
    now: 0,
  });

  it('honours Retry-After instead of the backoff', () => {
    expect(decideRetry({ statusCode: 429, retryAfter: '3' }, at(1), opts, mid)).toEqual({
      retry: true,
      delayMs: 3000,
      cls: 'transient',
    });
  });

  it('backs off exponentially without Retry-After, and gives up after maxAttempts', () => {
    const d = [1, 2, 3].map((a) => decideRetry({ statusCode: 429 }, at(a), opts, mid));
    expect(d.map((x) => (x.retry ? x.delayMs : -1))).toEqual([2000, 4000, 8000]);
    expect(decideRetry({ statusCode: 429 }, at(4), opts, mid)).toMatchObject({ retry: false, reason: 'gaveUp' });
  });

  it('retries a 500 only up to maxAttemptsOn500', () => {
    expect(decideRetry({ statusCode: 500 }, at(1), opts, mid)).toMatchObject({ retry: true });
    expect(decideRetry({ statusCode: 500 }, at(2), opts, mid)).toMatchObject({ retry: false, reason: 'gaveUp' });
  });

  it('gives up at once when the next wait would overrun the time budget', () => {
    expect(decideRetry({ statusCode: 429, retryAfter: '3600' }, at(1), opts, mid)).toMatchObject({
      retry: false,
      reason: 'gaveUp',
    });
    expect(decideRetry({ statusCode: 502 }, at(1, 119_000), opts, mid)).toMatchObject({
      retry: false,
      reason: 'gaveUp',
    });
  });

  it('maps permanent failures to the caller-facing reason', () => {
    expect(decideRetry({ statusCode: 403 }, at(1), opts, mid)).toMatchObject({ retry: false, reason: 'blocked' });
    expect(decideRetry({ statusCode: 404, code: 'ActivityNotFoundInConversation' }, at(1), opts, mid)).toMatchObject({
      retry: false,
      reason: 'notFound',
    });
    expect(decideRetry({ statusCode: 400 }, at(1), opts, mid)).toMatchObject({ retry: false, reason: 'failed' });
    expect(decideRetry({ statusCode: 401 }, at(1), opts, mid)).toMatchObject({ retry: false, reason: 'failed' });
  });
});

describe('resolveRetryOptions', () => {
  it("defaults follow Microsoft's example: 3 retries, 2 s → 20 s, ±20%", () => {
    expect(DEFAULT_RETRY_OPTIONS).toMatchObject({
      maxAttempts: 4,
      baseDelayMs: 2000,
      maxDelayMs: 20000,
      jitter: 'proportional',
      jitterRatio: 0.2,
    });
  });
  it('rejects settings that would never stop or never try', () => {
    expect(() => resolveRetryOptions({ maxAttempts: 0 })).toThrow();
    expect(() => resolveRetryOptions({ maxAttemptsOn500: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => resolveRetryOptions({ maxTotalMs: -1 })).toThrow();
  });
});

describe('describeFailure', () => {
  it('reads a real core-rest-pipeline RestError as botframework-connector throws it', () => {
    const err = new RestError('Too many requests', {
      statusCode: 429,
      response: {
        status: 429,
        headers: createHttpHeaders({ 'Retry-After': '3' }),
        request: undefined as never,
        bodyAsText: '{"error":{"code":"Throttled","message":"slow down"}}',
      },
    });
    expect(describeFailure(err)).toEqual({
      statusCode: 429,
      code: 'Throttled',
      retryAfter: '3',
      message: 'Too many requests',
    });
  });

  it('finds ActivityNotFoundInConversation in response.parsedBody (core-client deserialization)', () => {
    const err = Object.assign(new Error('Unknown activity'), {
      statusCode: 404,
      response: { parsedBody: { error: { code: 'ActivityNotFoundInConversation', message: 'Unknown activity' } } },
    });
    expect(describeFailure(err)).toMatchObject({ statusCode: 404, code: 'ActivityNotFoundInConversation' });
  });

  it('prefers the Teams subCode MessageWritesBlocked over a generic code', () => {
    const err = {
      statusCode: 403,
      code: 'Forbidden',
      body: { error: { code: 'Forbidden', subCode: 'MessageWritesBlocked', message: 'Thread is blocked' } },
    };
    expect(describeFailure(err)).toMatchObject({ statusCode: 403, code: 'MessageWritesBlocked' });
  });

  it('digs into innerHttpError and JSON text bodies (ms-rest-js style)', () => {
    const err = {
      statusCode: 403,
      body: JSON.stringify({
        error: {
          code: 'BadArgument',
          innerHttpError: { statusCode: 403, body: { error: { code: 'BotNotInConversationRoster' } } },
        },
      }),
    };
    expect(describeFailure(err)).toMatchObject({ statusCode: 403, code: 'BotNotInConversationRoster' });
  });

  it('reads plain-object headers case-insensitively, and retry-after-ms', () => {
    expect(describeFailure({ statusCode: 429, response: { headers: { 'Retry-After': '2' } } }).retryAfter).toBe('2');
    expect(describeFailure({ statusCode: 429, headers: { 'retry-after': ['5'] } }).retryAfter).toBe('5');
    expect(describeFailure({ statusCode: 429, response: { headers: { 'retry-after-ms': '1500' } } }).retryAfter).toBe(
      '1.5',
    );
  });

  it('uses the socket code of a network failure', () => {
    const fetchFailure = new TypeError('fetch failed', {
      cause: Object.assign(new Error('read'), { code: 'ECONNRESET' }),
    });
    expect(describeFailure(fetchFailure)).toEqual({ code: 'ECONNRESET', message: 'fetch failed' });
    const sendError = new RestError('socket hang up', { code: RestError.REQUEST_SEND_ERROR });
    expect(classifyFailure(describeFailure(sendError))).toBe('transient');
  });

  it('finds a known code mentioned only in the message', () => {
    expect(describeFailure(new Error('ActivityNotFoundInConversation: Unknown activity')).code).toBe(
      'ActivityNotFoundInConversation',
    );
  });

  it('never throws, whatever was thrown', () => {
    const hostile = {
      get statusCode(): number {
        throw new Error('boom');
      },
      response: {
        headers: {
          get(): string {
            throw new Error('boom');
          },
        },
      },
    };
    expect(describeFailure(hostile)).toEqual({});
    expect(describeFailure('plain string')).toEqual({ message: 'plain string' });
    expect(describeFailure(undefined)).toEqual({});
    expect(describeFailure(null)).toEqual({});
    expect(describeFailure(42)).toEqual({ message: '42' });
    expect(describeFailure({ statusCode: 'nope', body: '{not json' })).toEqual({});
  });
});
