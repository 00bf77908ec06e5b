/**
 * Builds the tenant checks from configuration. With GRAPH_CHECKS off no credential and no Graph client exist at
 * all, so nothing in the process can reach Graph.
 */
import type { GraphConfig } from '../config';
import { graphCredential, type CredentialOptions } from './credential';
import { GraphClient } from './graphClient';
import { TenantChecks } from './tenantChecks';
import { readTenant } from './tenantReader';
import type { Logger } from '../logger';

/** A whole round (token and every call) ends within this, so a turn that waits for it still answers Teams in time. */
export const ROUND_BUDGET_MS = 8_000;

export interface TenantChecksOptions {
  readonly clock: () => Date;
  readonly logger: Pick<Logger, 'debug' | 'warn'>;
  /** Tests shorten the per-request timeout and the round budget. */
  readonly requestTimeoutMs?: number;
  readonly roundBudgetMs?: number;
  /** Tests deliver the credential's sign-in requests to a loopback stand-in (see credential.ts). */
  readonly httpClient?: CredentialOptions['httpClient'];
}

export function createTenantChecks(config: GraphConfig, options: TenantChecksOptions): TenantChecks {
  if (!config.enabled) return new TenantChecks({ config, clock: options.clock, logger: options.logger });
  const client = new GraphClient({
    baseUrl: config.baseUrl,
    credential: graphCredential(config, { httpClient: options.httpClient }),
    requestTimeoutMs: options.requestTimeoutMs,
    logger: options.logger,
  });
  const budgetMs = options.roundBudgetMs ?? ROUND_BUDGET_MS;
  return new TenantChecks({
    config,
    clock: options.clock,
    logger: options.logger,
    read: () => readTenant(client, { budgetMs, now: options.clock }),
  });
}
