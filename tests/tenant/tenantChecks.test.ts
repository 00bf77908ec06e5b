/**
 * The Graph side of tenant checks against the loopback stand-ins (scripts/lib/fakeGraph.ts): the real
 * @azure/identity credentials (managed identity, and the client secret through a loopback transport) get their
 * tokens from the fake endpoints, and the client reads the canned tenant with Graph's shapes, errors, throttling
 * and delays.
 */
import { loadConfig } from '../../src/config';
import { judgeTenant } from '../../src/domain/tenantHealth';
import { createTenantChecks } from '../../src/tenant/createTenantChecks';
import type { CheckOutcome } from '../../src/tenant/tenantChecks';
import { FAKE_IDENTITY_HEADER, PRESETS, startFakeGraph, type FakeGraph } from '../../scripts/lib/fakeGraph';
import { tokenFailedCard } from '../../src/cards/tenantCheckCard';
import { cardText, expectValidCard } from '../helpers/cardAssertions';
import { loopbackHttpClient } from '../helpers/loopbackHttpClient';

const TENANT = '00000000-0000-4000-8000-00000000c0de';

describe('tenant checks through the fake Graph', () => {
  let graph: FakeGraph;
  const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };
  const warnings: object[] = [];
  const logger = { debug: () => undefined, warn: (obj: object) => void warnings.push(obj) };

  beforeAll(async () => {
    graph = await startFakeGraph();
    // The managed identity credential reads these, as it does on App Service.
    process.env.IDENTITY_ENDPOINT = graph.identityEndpoint;
    process.env.IDENTITY_HEADER = FAKE_IDENTITY_HEADER;
  });
  afterAll(async () => {
    process.env.IDENTITY_ENDPOINT = saved.endpoint;
    process.env.IDENTITY_HEADER = saved.header;
    if (saved.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
    if (saved.header === undefined) delete process.env.IDENTITY_HEADER;
    await graph.close();
  });
  beforeEach(() => {
    graph.reset();
    graph.setTenant(PRESETS.healthyCloudSync());
    warnings.length = 0;
  });

  const checks = (
    clock = () => new Date(),
    extra: Record<string, string> = {},
    timeouts: { requestTimeoutMs?: number; roundBudgetMs?: number } = {},
  ) =>
    createTenantChecks(
      loadConfig({
        GRAPH_CHECKS: 'on',
        GRAPH_SIMULATED_TENANT_ID: TENANT,
        GRAPH_BASE_URL: graph.baseUrl,
        IDENTITY_ENDPOINT: graph.identityEndpoint,
        ...extra,
      }).graph,
      { clock, logger, ...timeouts },
    );
  const snapshotOf = (outcome: CheckOutcome) => {
    if (outcome.kind !== 'read') throw new Error(`expected a read, got ${outcome.kind}`);
    return outcome.snapshot;
  };

  // First: @azure/identity keeps a managed identity's token for the whole process, so a refusal only shows before one was issued.
  it('reports a token failure without calling Graph and without logging a token', async () => {
    graph.refuseTokens(true);
    const outcome = await checks().check(TENANT);
    expect(outcome).toMatchObject({ kind: 'tokenFailed' });
    expect(graph.requests.filter((r) => r.part !== 'token')).toHaveLength(0);
    expect(JSON.stringify(warnings)).not.toMatch(/fake-[0-9a-f]{8}/);
  });

  it('reads a healthy Cloud Sync tenant: sync on, last sync, password sync, user count and each job', async () => {
    const snapshot = snapshotOf(await checks().check(TENANT));
    expect(snapshot.organization).toEqual({ ok: true, value: { syncEnabled: true, lastSyncAt: expect.any(String) } });
    expect(snapshot.syncedUsers).toEqual({ ok: true, value: 1284 });
    expect(snapshot.passwordSync).toMatchObject({ ok: true });
    expect(snapshot.cloudSyncJobs).toMatchObject({
      ok: true,
      value: [
        { state: 'Active', templateId: 'AD2AADProvisioning', configuration: 'contoso.example' },
        { templateId: 'AD2AADPasswordHash' },
      ],
    });
    expect(judgeTenant(snapshot, ['cloudSync'], new Date()).verdict).toBe('healthy');
    // Read-only: GETs only, and the count went with the advanced query header Graph requires.
    expect(graph.requests.filter((r) => r.part !== 'token').every((r) => r.method === 'GET' && r.status === 200)).toBe(
      true,
    );
    expect(graph.requests.find((r) => r.part === 'users')?.consistencyLevel).toBe('eventual');
  });

  it('sees a quarantined job with its reason, and a Connect tenant whose last sync was 5 hours ago', async () => {
    graph.setTenant(PRESETS.quarantinedCloudSync());
    const quarantined = judgeTenant(snapshotOf(await checks().check(TENANT)), ['cloudSync'], new Date());
    expect(quarantined.verdict).toBe('failing');
    expect(quarantined.items.find((item) => item.status === 'failing')?.value).toMatch(
      /Quarantined \(EncounteredQuarantineException\)/,
    );

    graph.setTenant(PRESETS.connectLastSync5h());
    const connect = judgeTenant(snapshotOf(await checks().check(TENANT)), ['connect'], new Date());
    expect(connect.verdict).toBe('stale');
    expect(connect.items.find((item) => item.key === 'lastSync')?.value).toMatch(/^5 h ago/);
  });

  it('names the missing permission when Graph answers 403, and still reads the rest', async () => {
    graph.forbid('jobs');
    const snapshot = snapshotOf(await checks().check(TENANT));
    expect(snapshot.cloudSyncJobs).toEqual({
      ok: false,
      problem: { kind: 'forbidden', permission: 'Synchronization.Read.All' },
    });
    expect(snapshot.organization.ok).toBe(true);
    const item = judgeTenant(snapshot, ['cloudSync'], new Date()).items.find((i) => i.key === 'cloudSync');
    expect(item).toMatchObject({ status: 'unknown', value: expect.stringContaining('Synchronization.Read.All') });
    expect(item?.nextStep).toMatch(/administrator consent/);
  });

  it('makes one Graph round per minute however many people ask at once, and none for another tenant', async () => {
    let now = new Date('2026-12-01T10:00:00Z');
    const tenantChecks = checks(() => now);
    await Promise.all(Array.from({ length: 5 }, () => tenantChecks.check(TENANT)));
    const afterFirst = graph.requests.filter((r) => r.part === 'organization').length;
    expect(afterFirst).toBe(2); // v1.0 and beta, once
    expect((await tenantChecks.check(TENANT)).kind).toBe('read');
    expect(graph.requests.filter((r) => r.part === 'organization')).toHaveLength(afterFirst);

    expect(await tenantChecks.check('99999999-9999-4999-8999-999999999999')).toEqual({ kind: 'otherTenant' });
    expect(graph.requests.filter((r) => r.part === 'organization')).toHaveLength(afterFirst);

    now = new Date(now.getTime() + 61_000);
    await tenantChecks.check(TENANT);
    expect(graph.requests.filter((r) => r.part === 'organization')).toHaveLength(afterFirst * 2);
  });

  it('waits what Retry-After asks when it fits the round, and otherwise reports throttling and stays away that long', async () => {
    graph.throttleNext(1, 1);
    const retried = snapshotOf(await checks().check(TENANT));
    expect(graph.requests.filter((r) => r.status === 429)).toHaveLength(1);
    expect(
      [retried.organization, retried.passwordSync, retried.syncedUsers, retried.cloudSyncJobs].every((part) => part.ok),
    ).toBe(true);

    graph.reset();
    graph.throttleNext(100, 120);
    let now = new Date('2026-12-01T10:00:00Z');
    const tenantChecks = checks(() => now);
    const throttled = snapshotOf(await tenantChecks.check(TENANT));
    expect(throttled.organization).toEqual({ ok: false, problem: { kind: 'throttled', retryAfterSeconds: 120 } });
    const calls = graph.requests.length;
    now = new Date(now.getTime() + 90_000); // past the minute, not past Retry-After
    await tenantChecks.check(TENANT);
    expect(graph.requests).toHaveLength(calls);
  });

  it('gives up on a slow Graph within its bounds and says so', async () => {
    graph.delay(2_000);
    const started = Date.now();
    const snapshot = snapshotOf(
      await checks(undefined, {}, { requestTimeoutMs: 300, roundBudgetMs: 1_000 }).check(TENANT),
    );
    // Bounded by the round budget, with room for a busy machine; the fake would have taken 2 s per call.
    expect(Date.now() - started).toBeLessThan(1_900);
    expect(snapshot.organization).toEqual({ ok: false, problem: { kind: 'timeout' } });
    expect(judgeTenant(snapshot, ['cloudSync'], new Date()).verdict).toBe('unknown');
  });

  it('with GRAPH_CHECKS off, builds no client and reads nothing', async () => {
    const off = createTenantChecks(loadConfig({}).graph, { clock: () => new Date(), logger });
    expect(off.enabled).toBe(false);
    expect(await off.check(TENANT)).toEqual({ kind: 'off' });
    expect(graph.requests).toHaveLength(0);
  });
});

describe("tenant checks with the app registration's client secret, through the fake sign-in and Graph", () => {
  const APP = {
    tenantId: '11111111-2222-4333-8444-555555555555',
    clientId: '66666666-7777-4888-8999-000000000001',
    secret: 'stand-in-secret-value',
  };
  let graph: FakeGraph;
  const warnings: object[] = [];
  const logger = { debug: () => undefined, warn: (obj: object) => void warnings.push(obj) };

  beforeAll(async () => {
    graph = await startFakeGraph({ app: APP });
  });
  afterAll(() => graph.close());
  beforeEach(() => {
    graph.reset();
    warnings.length = 0;
  });

  /** A deployment's settings: single-tenant registration, its secret, and Graph at the stand-in. */
  const secretConfig = (password = APP.secret) =>
    loadConfig({
      MicrosoftAppId: APP.clientId,
      MicrosoftAppPassword: password,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: APP.tenantId,
      GRAPH_CHECKS: 'on',
      GRAPH_BASE_URL: graph.baseUrl,
    }).graph;
  const checksWith = (config: ReturnType<typeof secretConfig>, httpClient: ReturnType<typeof loopbackHttpClient>) =>
    createTenantChecks(config, { clock: () => new Date(), logger, httpClient });

  it("asks the tenant's token endpoint with the configured app id and secret, and reads Graph with that token", async () => {
    const config = secretConfig();
    expect(config.credential).toEqual({ kind: 'clientSecret', clientId: APP.clientId, secret: APP.secret });
    expect(config.authorityHost).toBe('https://login.microsoftonline.com');
    const transport = loopbackHttpClient(graph.baseUrl);
    const outcome = await checksWith(config, transport).check(APP.tenantId);

    expect(outcome.kind).toBe('read');
    // The credential addressed the real sign-in host over https; only the test's transport brought it to loopback.
    expect(new Set(transport.hosts)).toEqual(new Set(['login.microsoftonline.com']));
    const tokens = graph.requests.filter((r) => r.part === 'token');
    expect(tokens).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: expect.stringMatching(new RegExp(`^/${APP.tenantId}/oauth2/v2\\.0/token(\\?|$)`)),
        status: 200,
        clientId: APP.clientId,
        secretMatched: true,
        scope: expect.stringContaining(`${graph.baseUrl}/.default`),
      }),
    ]);
    // The stand-in accepts only tokens it issued: every Graph call answered 200, so each carried the secret's token.
    const calls = graph.requests.filter((r) => r.part !== 'token' && r.part !== 'signInMetadata');
    expect(calls.length).toBeGreaterThanOrEqual(4);
    expect(calls.every((r) => r.method === 'GET' && r.status === 200)).toBe(true);
    expect(graph.requests.indexOf(tokens[0])).toBeLessThan(graph.requests.indexOf(calls[0]));
  });

  it('a 401 from the token endpoint (wrong or expired secret) calls no Graph, logs no secret, and gets the friendly card', async () => {
    const outcome = await checksWith(secretConfig('an-expired-secret'), loopbackHttpClient(graph.baseUrl)).check(
      APP.tenantId,
    );
    expect(outcome).toMatchObject({ kind: 'tokenFailed' });
    expect(graph.requests.filter((r) => r.part === 'token')).toEqual([
      expect.objectContaining({ status: 401, clientId: APP.clientId, secretMatched: false }),
    ]);
    expect(graph.requests.filter((r) => r.part !== 'token' && r.part !== 'signInMetadata')).toEqual([]);
    expect(JSON.stringify(warnings)).not.toContain('an-expired-secret');

    const card = tokenFailedCard(outcome.kind === 'tokenFailed' ? outcome.reason : '');
    expectValidCard(card);
    expect(cardText(card)).toContain('Could not sign in to Microsoft Graph');
    expect(cardText(card)).toMatch(/client secret \(MicrosoftAppPassword\) has not expired/);
    expect(cardText(card)).not.toContain('an-expired-secret');
  });
});
