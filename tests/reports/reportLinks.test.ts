import { ReportLinks, reportSigningKey } from '../../src/reports/reportLinks';

describe('report links', () => {
  let now = new Date('2026-12-01T10:00:00Z');
  const links = new ReportLinks(Buffer.alloc(32, 7), () => now);
  const location = { tenantId: 't1', conversationId: 'a:1personal-chat-id' };

  it('round-trips, expires after 24 h, and refuses another key', () => {
    const { token, expiresAt } = links.sign(location, 'plan-1');
    expect(links.verify(token)).toEqual({ ok: true, claims: { location, planId: 'plan-1', expiresAt } });
    expect(new Date(expiresAt).toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(new ReportLinks(Buffer.alloc(32, 8), () => now).verify(token)).toEqual({ ok: false, reason: 'invalid' });
    now = new Date('2026-12-02T10:00:00Z');
    expect(links.verify(token)).toMatchObject({ ok: false, reason: 'expired' });
    now = new Date('2026-12-01T10:00:00Z');
  });

  it.each(['', '.', 'a.b', 'x'.repeat(5000), '%%%.%%%'])('refuses %j', (token) => {
    expect(links.verify(token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('takes the configured key, else derives one from the app password, else a random one', () => {
    expect(reportSigningKey({ signingKey: 'k'.repeat(32) }).source).toBe('configured');
    const derived = reportSigningKey({ appPassword: 'secret' });
    expect(derived.source).toBe('derived');
    expect(derived.key.equals(reportSigningKey({ appPassword: 'secret' }).key)).toBe(true);
    expect(derived.key.includes(Buffer.from('secret'))).toBe(false);
    const random = reportSigningKey({});
    expect(random.source).toBe('random');
    expect(random.key.equals(reportSigningKey({}).key)).toBe(false);
  });
});
