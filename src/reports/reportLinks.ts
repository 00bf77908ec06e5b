/**
 * Download links for a plan's CSV: `/reports/<token>.csv`, where the token names the plan's location
 * and id and an expiry, signed with HMAC-SHA256. The bot keeps nothing per link, so any instance with
 * the same key serves it. A link is a bearer credential until it expires: whoever holds it can read the
 * plan's task list, which is what sharing a report means. The payload is signed, not encrypted: it shows
 * the tenant and conversation ids, which identify but do not grant anything.
 *
 * Key: REPORT_SIGNING_KEY; else derived from MicrosoftAppPassword (HKDF, so the password itself never
 * signs anything); else random per process (local mode: links die with the process and only work on the
 * instance that made them).
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PlanLocation } from '../store/planStore';

export const REPORT_LINK_TTL_MS = 24 * 3_600_000;

export interface ReportClaims {
  readonly location: PlanLocation;
  readonly planId: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export type VerifyResult =
  | { readonly ok: true; readonly claims: ReportClaims }
  /** Not a token, or a token whose signature does not match: forged or altered. */
  | { readonly ok: false; readonly reason: 'invalid' }
  | { readonly ok: false; readonly reason: 'expired'; readonly expiredAt: number };

export type KeySource = 'configured' | 'derived' | 'random';

export function reportSigningKey(settings: { signingKey?: string; appPassword?: string }): {
  key: Buffer;
  source: KeySource;
} {
  if (settings.signingKey) return { key: Buffer.from(settings.signingKey, 'utf8'), source: 'configured' };
  if (settings.appPassword) {
    return {
      key: Buffer.from(hkdfSync('sha256', settings.appPassword, 'entra-sync-guide', 'report download links v1', 32)),
      source: 'derived',
    };
  }
  return { key: randomBytes(32), source: 'random' };
}

interface Payload {
  v: 1;
  t: string;
  c: string;
  p: string;
  /** Expiry, epoch seconds. */
  e: number;
}

/** Tokens longer than this are refused before any parsing; real ones are a few hundred characters. */
const MAX_TOKEN_LENGTH = 2048;

export class ReportLinks {
  constructor(
    private readonly key: Buffer,
    private readonly clock: () => Date,
    private readonly ttlMs: number = REPORT_LINK_TTL_MS,
  ) {}

  sign(location: PlanLocation, planId: string): { token: string; expiresAt: number } {
    const expiresAt = Math.floor((this.clock().getTime() + this.ttlMs) / 1000) * 1000;
    const payload: Payload = { v: 1, t: location.tenantId, c: location.conversationId, p: planId, e: expiresAt / 1000 };
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return { token: `${body}.${this.mac(body)}`, expiresAt };
  }

  verify(token: string): VerifyResult {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) return { ok: false, reason: 'invalid' };
    const expected = Buffer.from(this.mac(body), 'utf8');
    const given = Buffer.from(mac, 'utf8');
    // The signature is checked before the payload is even parsed: nothing unsigned is interpreted.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
    let payload: Partial<Payload>;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Payload>;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (
      payload.v !== 1 ||
      typeof payload.t !== 'string' ||
      typeof payload.c !== 'string' ||
      typeof payload.p !== 'string' ||
      typeof payload.e !== 'number'
    ) {
      return { ok: false, reason: 'invalid' };
    }
    const expiresAt = payload.e * 1000;
    if (this.clock().getTime() >= expiresAt) return { ok: false, reason: 'expired', expiredAt: expiresAt };
    return {
      ok: true,
      claims: { location: { tenantId: payload.t, conversationId: payload.c }, planId: payload.p, expiresAt },
    };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(`report-link.${body}`).digest('base64url');
  }
}
