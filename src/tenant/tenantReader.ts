/**
 * One Graph round: what the tenant says about sync, read with the least-privileged application permission for
 * each call and mapped to the domain's TenantSnapshot. Every part is read on its own, so a permission that is
 * missing (403) costs only the facts that need it, and the card can name that permission.
 *
 * | Call | Permission |
 * |---|---|
 * | GET /v1.0/organization ($select onPremisesSyncEnabled, onPremisesLastSyncDateTime) | Organization.Read.All |
 * | GET /beta/organization ($select onPremisesLastPasswordSyncDateTime; beta only) | Organization.Read.All |
 * | GET /v1.0/users/$count?$filter=onPremisesSyncEnabled eq true (ConsistencyLevel: eventual) | User.Read.All |
 * | GET /v1.0/servicePrincipals?$filter=applicationTemplateId eq '<Cloud Sync template>' | Application.Read.All |
 * | GET /v1.0/servicePrincipals/{id}/synchronization/jobs | Synchronization.Read.All |
 *
 * GET /directory/onPremisesSynchronization (Connect's sync features) is not offered to application permissions,
 * so Connect Sync is read through the organization's sync facts only.
 */
import type { Organization, ServicePrincipal, SynchronizationJob } from '@microsoft/microsoft-graph-types';
import type { CloudSyncJob, OrganizationSync, Part, ReadProblem, TenantSnapshot } from '../domain/tenantHealth';
import { TokenUnavailableError, type GraphClient, type GraphResult } from './graphClient';

/** Every Cloud Sync configuration is a service principal instantiated from this application template. */
export const CLOUD_SYNC_TEMPLATE_ID = '1a4721b3-e57f-4451-ae87-ef078703ec94';

export const PERMISSIONS = {
  organization: 'Organization.Read.All',
  users: 'User.Read.All',
  servicePrincipals: 'Application.Read.All',
  jobs: 'Synchronization.Read.All',
} as const;

/** Configurations read per round: a tenant has one per AD domain, rarely more than a handful. */
const MAX_CONFIGURATIONS = 10;

export type ReadOutcome =
  | { readonly kind: 'read'; readonly snapshot: TenantSnapshot }
  | { readonly kind: 'tokenFailed'; readonly reason: string };

export async function readTenant(
  client: GraphClient,
  options: { budgetMs: number; now: () => Date },
): Promise<ReadOutcome> {
  const deadline = Date.now() + options.budgetMs;
  const round = AbortSignal.timeout(options.budgetMs);
  let token: string;
  try {
    token = await client.token(round);
  } catch (error) {
    if (error instanceof TokenUnavailableError) return { kind: 'tokenFailed', reason: error.reason };
    throw error;
  }
  const request = { token, round, deadline };
  const [organization, passwordSync, syncedUsers, cloudSyncJobs] = await Promise.all([
    readOrganization(client, request),
    readPasswordSync(client, request),
    readSyncedUsers(client, request),
    readCloudSyncJobs(client, request),
  ]);
  return {
    kind: 'read',
    snapshot: { readAt: options.now().toISOString(), organization, passwordSync, syncedUsers, cloudSyncJobs },
  };
}

type Request = { token: string; round: AbortSignal; deadline: number };

function problemOf(result: Exclude<GraphResult<unknown>, { ok: true }>, permission: string): ReadProblem {
  switch (result.kind) {
    case 'forbidden':
      return { kind: 'forbidden', permission };
    case 'throttled':
      return { kind: 'throttled', retryAfterSeconds: result.retryAfterSeconds };
    case 'timeout':
      return { kind: 'timeout' };
    case 'failed':
      return { kind: 'failed', ...(result.status ? { status: result.status } : {}) };
  }
}

async function readOrganization(client: GraphClient, request: Request): Promise<Part<OrganizationSync>> {
  const result = await client.get<{ value?: Organization[] }>(
    '/v1.0/organization?$select=id,onPremisesSyncEnabled,onPremisesLastSyncDateTime',
    request,
  );
  if (!result.ok) return { ok: false, problem: problemOf(result, PERMISSIONS.organization) };
  const org = result.value.value?.[0];
  if (!org) return { ok: false, problem: { kind: 'failed' } };
  return {
    ok: true,
    value: { syncEnabled: org.onPremisesSyncEnabled ?? null, lastSyncAt: isoOrNull(org.onPremisesLastSyncDateTime) },
  };
}

async function readPasswordSync(client: GraphClient, request: Request): Promise<Part<{ lastAt: string | null }>> {
  const result = await client.get<{ value?: Array<{ onPremisesLastPasswordSyncDateTime?: string | null }> }>(
    '/beta/organization?$select=id,onPremisesLastPasswordSyncDateTime',
    request,
  );
  if (!result.ok) return { ok: false, problem: problemOf(result, PERMISSIONS.organization) };
  return { ok: true, value: { lastAt: isoOrNull(result.value.value?.[0]?.onPremisesLastPasswordSyncDateTime) } };
}

async function readSyncedUsers(client: GraphClient, request: Request): Promise<Part<number>> {
  // $count needs the advanced query mode: ConsistencyLevel eventual.
  const result = await client.get<string>('/v1.0/users/$count?$filter=onPremisesSyncEnabled%20eq%20true', {
    ...request,
    text: true,
    headers: { consistencylevel: 'eventual' },
  });
  if (!result.ok) return { ok: false, problem: problemOf(result, PERMISSIONS.users) };
  const count = Number(String(result.value).trim());
  return Number.isSafeInteger(count) && count >= 0
    ? { ok: true, value: count }
    : { ok: false, problem: { kind: 'failed' } };
}

async function readCloudSyncJobs(client: GraphClient, request: Request): Promise<Part<readonly CloudSyncJob[]>> {
  const principals = await client.get<{ value?: ServicePrincipal[] }>(
    `/v1.0/servicePrincipals?$filter=applicationTemplateId%20eq%20'${CLOUD_SYNC_TEMPLATE_ID}'&$select=id,displayName&$top=${MAX_CONFIGURATIONS}`,
    request,
  );
  if (!principals.ok) return { ok: false, problem: problemOf(principals, PERMISSIONS.servicePrincipals) };
  const configurations = (principals.value.value ?? [])
    .filter((sp): sp is ServicePrincipal & { id: string } => typeof sp.id === 'string')
    .slice(0, MAX_CONFIGURATIONS);
  const jobs: CloudSyncJob[] = [];
  for (const sp of configurations) {
    const result = await client.get<{ value?: SynchronizationJob[] }>(
      `/v1.0/servicePrincipals/${encodeURIComponent(sp.id)}/synchronization/jobs`,
      request,
    );
    if (!result.ok) return { ok: false, problem: problemOf(result, PERMISSIONS.jobs) };
    for (const job of result.value.value ?? []) jobs.push(jobOf(sp.displayName ?? sp.id, job));
  }
  return { ok: true, value: jobs };
}

function jobOf(configuration: string, job: SynchronizationJob): CloudSyncJob {
  const status = job.status;
  const last = status?.lastExecution;
  return {
    configuration: configuration.slice(0, 120),
    jobId: String(job.id ?? 'unknown').slice(0, 200),
    templateId: String(job.templateId ?? 'unknown').slice(0, 60),
    state: String(status?.code ?? 'unknown').slice(0, 40),
    ...(status?.quarantine?.reason ? { quarantineReason: String(status.quarantine.reason).slice(0, 80) } : {}),
    ...(isoOrNull(last?.timeEnded) ? { lastRunAt: isoOrNull(last?.timeEnded)! } : {}),
    ...(last?.state ? { lastRunResult: String(last.state).slice(0, 40) } : {}),
    errorCount: Number.isSafeInteger(last?.countEscrowed) ? Math.max(0, Number(last?.countEscrowed)) : 0,
  };
}

function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
