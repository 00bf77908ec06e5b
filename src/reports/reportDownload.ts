/**
 * GET /reports/<token>.csv: the plan as CSV for Excel, for whoever holds a valid link. Answers in plain
 * text when it refuses, because the reader is a person in a browser, not a program.
 */
import type { Request, Response } from 'restify';
import { planCsv } from '../domain/report';
import { RejectionLog } from '../rejectionLog';
import { utcDay } from '../domain/planDates';
import type { PlanStore } from '../store/planStore';
import type { ReportLinks } from './reportLinks';
import type { Logger } from '../logger';

export interface ReportDownloadDeps {
  readonly links: ReportLinks;
  readonly planStore: Pick<PlanStore, 'load'>;
  readonly clock: () => Date;
  readonly logger: Pick<Logger, 'info' | 'error'>;
  /** ALLOWED_TENANT_IDS (lower case); empty allows every tenant. A link outlives a tenant's removal from the list. */
  readonly allowedTenantIds?: readonly string[];
}

/** A wildcard, not `:file`: restify's router caps named parameters at 100 characters, and tokens are longer. */
export const REPORT_ROUTE = '/reports/*';

export function reportPath(token: string): string {
  return `/reports/${token}.csv`;
}

export function createReportDownload(deps: ReportDownloadDeps): (req: Request, res: Response) => Promise<void> {
  // Anyone can ask for any token: the refusals are counted, not written one line each.
  const refusals = new RejectionLog({ warn: (fields: unknown, message?: string) => deps.logger.info(fields, message) });
  return async (req, res) => {
    const wildcard: unknown = (req.params as Record<string, unknown> | undefined)?.['*'];
    const file = typeof wildcard === 'string' ? wildcard : '';
    if (!file.endsWith('.csv'))
      return plain(res, 404, 'There is no report here. Say "report" to the bot for a fresh link.');
    const verified = deps.links.verify(file.slice(0, -'.csv'.length));
    if (!verified.ok) {
      refusals.warn(verified.reason, { reason: verified.reason }, 'report download refused');
      return verified.reason === 'expired'
        ? plain(
            res,
            410,
            'This report link has expired (links work for 24 hours). Say "report" to the bot for a fresh one.',
          )
        : plain(
            res,
            403,
            'This report link is not valid: it was changed, or made by another installation of the bot. Say "report" to the bot for a fresh one.',
          );
    }
    const allowed = deps.allowedTenantIds ?? [];
    if (allowed.length > 0 && !allowed.includes(verified.claims.location.tenantId.toLowerCase())) {
      refusals.warn('tenant', { reason: 'tenant' }, 'report download refused');
      return plain(
        res,
        403,
        'This bot is not enabled for the tenant this report belongs to, so the report cannot be downloaded.',
      );
    }
    let record;
    try {
      record = await deps.planStore.load(verified.claims.location);
    } catch (error) {
      deps.logger.error({ err: error }, 'report download: storage failed');
      return plain(res, 503, 'The plan could not be read just now; try again in a moment.');
    }
    if (!record || record.plan.id !== verified.claims.planId) {
      return plain(
        res,
        410,
        'The plan this link was made for has been replaced or removed. Say "report" to the bot for the current plan.',
      );
    }
    // A byte order mark, or Excel reads UTF-8 as the local code page and mangles names like "Zoë".
    const body = Buffer.from(`\uFEFF${planCsv(record.plan)}`, 'utf8');
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      // Only ASCII we choose ourselves goes in the name: nothing a user typed can break the header.
      'content-disposition': `attachment; filename="${reportFileName(deps.clock())}"`,
      'content-length': body.length,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  };
}

export function reportFileName(now: Date): string {
  return `entra-sync-plan-${utcDay(now)}.csv`;
}

function plain(res: Response, status: number, message: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(`${message}\n`);
}
