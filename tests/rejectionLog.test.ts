import { RejectionLog, tenantForLog } from '../src/rejectionLog';

function recorder() {
  const lines: Array<{ fields: Record<string, unknown>; msg: string }> = [];
  return {
    lines,
    logger: {
      warn: (fields: unknown, msg?: string) =>
        void lines.push({ fields: fields as Record<string, unknown>, msg: msg ?? '' }),
    },
  };
}

describe('tenantForLog', () => {
  it.each([
    ['11111111-2222-3333-4444-555555555555', '11111111…'],
    ['AAAAAAAA-2222-3333-4444-555555555555', 'aaaaaaaa…'],
    ['', '(none)'],
    [undefined, '(none)'],
    ['contoso.onmicrosoft.com', '(not a GUID)'],
    ['x'.repeat(100_000), '(not a GUID)'],
    ['11111111-2222-3333-4444-555555555555' + 'x'.repeat(1000), '(not a GUID)'],
    [{ id: 'x' }, '(not a GUID)'],
  ])('%j → %s', (value, shown) => {
    expect(tenantForLog(value)).toBe(shown);
  });
});

describe('RejectionLog', () => {
  it('writes the first rejection of a kind, counts the rest of the interval, and reports the count with the next line', () => {
    let now = 1_000_000;
    const { lines, logger } = recorder();
    const log = new RejectionLog(logger, { intervalMs: 10_000, now: () => now });
    log.warn('tenant', { status: 403 }, 'rejected a tenant');
    for (let i = 0; i < 19; i++) {
      now += 100;
      log.warn('tenant', { status: 403 }, 'rejected a tenant');
    }
    expect(lines).toEqual([{ fields: { status: 403 }, msg: 'rejected a tenant' }]);

    now += 10_000;
    log.warn('tenant', { status: 403 }, 'rejected a tenant');
    expect(lines).toHaveLength(2);
    expect(lines[1].fields).toEqual({ status: 403, suppressed: 19 });

    now += 10_001;
    log.warn('tenant', { status: 403 }, 'rejected a tenant');
    expect(lines[2].fields).toEqual({ status: 403 });
  });

  it('throttles each kind on its own', () => {
    const now = 5_000;
    const { lines, logger } = recorder();
    const log = new RejectionLog(logger, { intervalMs: 10_000, now: () => now });
    log.warn('tenant', {}, 'tenant');
    log.warn('auth', {}, 'auth');
    log.warn('tenant', {}, 'tenant');
    log.warn('auth', {}, 'auth');
    expect(lines.map((line) => line.msg)).toEqual(['tenant', 'auth']);
  });
});
