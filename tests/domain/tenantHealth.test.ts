import type { InstallTrack } from '../../src/domain/catalog';
import {
  ageText,
  evidenceOf,
  incidentKeys,
  judgeTenant,
  planTracks,
  STALE_AFTER_MINUTES,
  type CloudSyncJob,
  type Part,
  type TenantSnapshot,
  type Verdict,
} from '../../src/domain/tenantHealth';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const job = (overrides: Partial<CloudSyncJob> = {}): CloudSyncJob => ({
  configuration: 'contoso.example',
  jobId: 'AD2AADProvisioning.1',
  templateId: 'AD2AADProvisioning',
  state: 'Active',
  lastRunAt: ago(3),
  lastRunResult: 'Succeeded',
  errorCount: 0,
  ...overrides,
});
const ok = <T>(value: T): Part<T> => ({ ok: true, value });
const snapshot = (overrides: Partial<TenantSnapshot> = {}): TenantSnapshot => ({
  readAt: NOW.toISOString(),
  organization: ok({ syncEnabled: true, lastSyncAt: ago(3) }),
  passwordSync: ok({ lastAt: ago(2) }),
  syncedUsers: ok(1200),
  cloudSyncJobs: ok([job()]),
  ...overrides,
});

describe('judgeTenant', () => {
  const cases: ReadonlyArray<[string, Partial<TenantSnapshot>, readonly InstallTrack[], Verdict, string[]]> = [
    ['a healthy Cloud Sync tenant', {}, ['cloudSync'], 'healthy', []],
    ['Cloud Sync, last sync just under its limit', { organization: ok({ syncEnabled: true, lastSyncAt: ago(STALE_AFTER_MINUTES.cloudSync - 1) }) }, ['cloudSync'], 'healthy', []],
    ['Cloud Sync, last sync past its limit', { organization: ok({ syncEnabled: true, lastSyncAt: ago(STALE_AFTER_MINUTES.cloudSync + 1) }) }, ['cloudSync'], 'stale', ['lastSync']],
    ['Connect, last sync 5 h ago', { organization: ok({ syncEnabled: true, lastSyncAt: ago(300) }), cloudSyncJobs: ok([]) }, ['connect'], 'stale', ['lastSync']],
    ['Connect, last sync 80 min ago (under three 30-minute cycles)', { organization: ok({ syncEnabled: true, lastSyncAt: ago(80) }) }, ['connect'], 'healthy', []],
    ['sync never turned on', { organization: ok({ syncEnabled: null, lastSyncAt: null }) }, ['connect'], 'failing', ['dirSync']],
    ['sync on, never synced, no users yet', { organization: ok({ syncEnabled: true, lastSyncAt: null }), syncedUsers: ok(0) }, ['connect'], 'stale', ['lastSync', 'syncedUsers']],
    ['a quarantined job', { cloudSyncJobs: ok([job({ state: 'Quarantine', quarantineReason: 'TooManyDeletes' })]) }, ['cloudSync'], 'failing', ['job:AD2AADProvisioning.1:state']],
    ['a paused job', { cloudSyncJobs: ok([job({ state: 'Paused' })]) }, ['cloudSync'], 'stale', ['job:AD2AADProvisioning.1:state']],
    ['a job whose last run failed', { cloudSyncJobs: ok([job({ lastRunResult: 'Failed' })]) }, ['cloudSync'], 'failing', ['job:AD2AADProvisioning.1:state']],
    ['a job with objects in error', { cloudSyncJobs: ok([job({ lastRunResult: 'EntryLevelErrors', errorCount: 17 })]) }, ['cloudSync'], 'stale', ['job:AD2AADProvisioning.1:errors']],
    ['a job not run for an hour', { cloudSyncJobs: ok([job({ lastRunAt: ago(60) })]) }, ['cloudSync'], 'stale', ['job:AD2AADProvisioning.1:state']],
    ['a first run still going', { cloudSyncJobs: ok([job({ state: 'NotRun', lastRunAt: undefined, lastRunResult: undefined })]) }, ['cloudSync'], 'healthy', []],
    ['no Cloud Sync configuration at all', { cloudSyncJobs: ok([]) }, ['cloudSync'], 'failing', ['cloudSync']],
    ['Connect plans ignore Cloud Sync jobs', { cloudSyncJobs: ok([job({ state: 'Quarantine' })]) }, ['connect'], 'healthy', []],
    ['the organization could not be read', { organization: { ok: false, problem: { kind: 'forbidden', permission: 'Organization.Read.All' } } }, ['cloudSync'], 'unknown', []],
    ['a missing permission never hides a failure', { syncedUsers: { ok: false, problem: { kind: 'forbidden', permission: 'User.Read.All' } }, cloudSyncJobs: ok([job({ state: 'Quarantine' })]) }, ['cloudSync'], 'failing', ['job:AD2AADProvisioning.1:state']],
  ];

  it.each(cases)('%s', (_name, overrides, tracks, verdict, incidents) => {
    const health = judgeTenant(snapshot(overrides), tracks, NOW);
    expect(health.verdict).toBe(verdict);
    expect(incidentKeys(health)).toEqual(incidents);
    // Every red item says what to do next and where to read about it.
    for (const item of health.items.filter((i) => i.status === 'stale' || i.status === 'failing')) {
      expect(item.nextStep).toBeTruthy();
      expect(item.learnUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it('names a missing permission and the consent step', () => {
    const health = judgeTenant(snapshot({ cloudSyncJobs: { ok: false, problem: { kind: 'forbidden', permission: 'Synchronization.Read.All' } } }), ['cloudSync'], NOW);
    const item = health.items.find((i) => i.key === 'cloudSync');
    expect(item).toMatchObject({ status: 'unknown', value: expect.stringContaining('Synchronization.Read.All'), nextStep: expect.stringMatching(/consent/) });
  });

  it('keeps the quarantine reason and points at the quarantine page', () => {
    const item = judgeTenant(snapshot({ cloudSyncJobs: ok([job({ state: 'Quarantine', quarantineReason: 'EncounteredQuarantineException' })]) }), ['cloudSync'], NOW).items.find((i) => i.status === 'failing');
    expect(item?.value).toMatch(/^Quarantined \(EncounteredQuarantineException\)/);
    expect(item?.learnUrl).toMatch(/quarantine/);
  });
});

describe('ageText and evidenceOf', () => {
  it.each([
    [0, 'just now'],
    [3, '3 min ago'],
    [300, '5 h ago'],
    [60 * 72, '3 days ago'],
  ])('%i minutes → %s', (minutes, text) => expect(ageText(ago(minutes), NOW)).toBe(text));

  it('evidence keeps when it was checked, the verdict and bounded facts', () => {
    const evidence = evidenceOf(judgeTenant(snapshot(), ['cloudSync'], NOW));
    expect(evidence).toMatchObject({ checkedAt: NOW.toISOString(), verdict: 'healthy' });
    expect(evidence.facts).toEqual(expect.arrayContaining(['Directory sync: On', 'Last sync: 3 min ago', 'Users synced from on-premises: 1,200']));
    expect(evidence.facts.length).toBeLessThanOrEqual(8);
  });
});

describe('planTracks', () => {
  it.each([
    [{ tool: 'cloudSync' }, ['cloudSync']],
    [{ tool: 'connect' }, ['connect']],
    [{ tool: 'both' }, ['cloudSync', 'connect']],
    // Moving from a running Connect server to Cloud Sync: both tools sync during the move.
    [{ tool: 'cloudSync', existing: 'connect', paths: ['migrateToCloudSync'] }, ['cloudSync', 'connect']],
    [{ tool: 'connect', existing: 'connect', paths: ['restoreSync'] }, ['connect']],
  ] as const)('%j → %j', (selection, tracks) => {
    expect(planTracks({ selection: selection })).toEqual(tracks);
  });
});
