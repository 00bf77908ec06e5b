import type { InstallTrack } from '../../src/domain/catalog';
import {
  ageText,
  ERROR_JUMP,
  errorsJumped,
  evidenceOf,
  incidentKeys,
  judgeTenant,
  nextJobErrors,
  nextUnreadableSpell,
  partsBehind,
  UNREADABLE_NOTE_AFTER_MINUTES,
  type UnreadableSpell,
  planTracks,
  type ReadProblem,
  STALE_AFTER_MINUTES,
  type CloudSyncJob,
  type ErrorMemory,
  type Part,
  type TenantSnapshot,
  type Verdict,
  watchIncidents,
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
    [
      'Cloud Sync, last sync just under its limit',
      { organization: ok({ syncEnabled: true, lastSyncAt: ago(STALE_AFTER_MINUTES.cloudSync - 1) }) },
      ['cloudSync'],
      'healthy',
      [],
    ],
    [
      'Cloud Sync, last sync past its limit',
      { organization: ok({ syncEnabled: true, lastSyncAt: ago(STALE_AFTER_MINUTES.cloudSync + 1) }) },
      ['cloudSync'],
      'stale',
      ['lastSync'],
    ],
    [
      'Connect, last sync 5 h ago',
      { organization: ok({ syncEnabled: true, lastSyncAt: ago(300) }), cloudSyncJobs: ok([]) },
      ['connect'],
      'stale',
      ['lastSync'],
    ],
    [
      'Connect, last sync 80 min ago (under three 30-minute cycles)',
      { organization: ok({ syncEnabled: true, lastSyncAt: ago(80) }) },
      ['connect'],
      'healthy',
      [],
    ],
    [
      'sync never turned on',
      { organization: ok({ syncEnabled: null, lastSyncAt: null }) },
      ['connect'],
      'failing',
      ['dirSync'],
    ],
    [
      'sync on, never synced, no users yet',
      { organization: ok({ syncEnabled: true, lastSyncAt: null }), syncedUsers: ok(0) },
      ['connect'],
      'stale',
      ['lastSync', 'syncedUsers'],
    ],
    [
      'a quarantined job',
      { cloudSyncJobs: ok([job({ state: 'Quarantine', quarantineReason: 'TooManyDeletes' })]) },
      ['cloudSync'],
      'failing',
      ['job:AD2AADProvisioning.1:state'],
    ],
    [
      'a paused job',
      { cloudSyncJobs: ok([job({ state: 'Paused' })]) },
      ['cloudSync'],
      'stale',
      ['job:AD2AADProvisioning.1:state'],
    ],
    [
      'a job whose last run failed',
      { cloudSyncJobs: ok([job({ lastRunResult: 'Failed' })]) },
      ['cloudSync'],
      'failing',
      ['job:AD2AADProvisioning.1:state'],
    ],
    [
      'a job with objects in error',
      { cloudSyncJobs: ok([job({ lastRunResult: 'EntryLevelErrors', errorCount: 17 })]) },
      ['cloudSync'],
      'stale',
      ['job:AD2AADProvisioning.1:errors'],
    ],
    [
      'a job not run for an hour',
      { cloudSyncJobs: ok([job({ lastRunAt: ago(60) })]) },
      ['cloudSync'],
      'stale',
      ['job:AD2AADProvisioning.1:state'],
    ],
    [
      'a first run still going',
      { cloudSyncJobs: ok([job({ state: 'NotRun', lastRunAt: undefined, lastRunResult: undefined })]) },
      ['cloudSync'],
      'healthy',
      [],
    ],
    ['no Cloud Sync configuration at all', { cloudSyncJobs: ok([]) }, ['cloudSync'], 'failing', ['cloudSync']],
    [
      'Connect plans ignore Cloud Sync jobs',
      { cloudSyncJobs: ok([job({ state: 'Quarantine' })]) },
      ['connect'],
      'healthy',
      [],
    ],
    [
      'the organization could not be read',
      { organization: { ok: false, problem: { kind: 'forbidden', permission: 'Organization.Read.All' } } },
      ['cloudSync'],
      'unknown',
      [],
    ],
    [
      'a missing permission never hides a failure',
      {
        syncedUsers: { ok: false, problem: { kind: 'forbidden', permission: 'User.Read.All' } },
        cloudSyncJobs: ok([job({ state: 'Quarantine' })]),
      },
      ['cloudSync'],
      'failing',
      ['job:AD2AADProvisioning.1:state'],
    ],
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
    const health = judgeTenant(
      snapshot({
        cloudSyncJobs: { ok: false, problem: { kind: 'forbidden', permission: 'Synchronization.Read.All' } },
      }),
      ['cloudSync'],
      NOW,
    );
    const item = health.items.find((i) => i.key === 'cloudSync');
    expect(item).toMatchObject({
      status: 'unknown',
      value: expect.stringContaining('Synchronization.Read.All'),
      nextStep: expect.stringMatching(/consent/),
    });
  });

  it('keeps the quarantine reason and points at the quarantine page', () => {
    const item = judgeTenant(
      snapshot({
        cloudSyncJobs: ok([job({ state: 'Quarantine', quarantineReason: 'EncounteredQuarantineException' })]),
      }),
      ['cloudSync'],
      NOW,
    ).items.find((i) => i.status === 'failing');
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
    expect(evidence.facts).toEqual(
      expect.arrayContaining(['Directory sync: On', 'Last sync: 3 min ago', 'Users synced from on-premises: 1,200']),
    );
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

describe('objects in error: the watch warns on a jump, not on a steady count', () => {
  it.each([
    // [before, after, jumped]
    [0, 0, false],
    [0, 1, true],
    [0, 500, true],
    [1, 2, false], // doubled, but one more object is noise
    [5, 15, true], // tripled and ten more
    [5, 14, false], // nine more
    [12, 23, false], // eleven more but not doubled
    [12, 24, true],
    [500, 510, false], // a big tenant's usual churn
    [500, 1_000, true],
    [40, 10, false],
  ])('%i → %i: jump %s', (before, after, jumped) => {
    expect(errorsJumped(before, after)).toBe(jumped);
  });

  it('uses the documented thresholds', () => {
    expect(ERROR_JUMP).toEqual({ minRise: 10, factor: 2 });
  });

  // One job observed check after check: which checks have an incident open.
  it.each([
    ['the first observation only sets the baseline, whatever it is', [40, 40, 40], [false, false, false]],
    ['from a clean run to errors opens; back to 0 closes', [0, 3, 3, 0], [false, true, true, false]],
    ['a steady handful of errors never opens', [4, 5, 4, 6, 5], [false, false, false, false, false]],
    ['a jump opens once and stays open while errors keep rising', [5, 30, 80, 200], [false, true, true, true]],
    ['falling part of the way stays open; back to the baseline closes', [5, 30, 12, 5], [false, true, true, false]],
    ['below the baseline closes too', [5, 30, 2], [false, true, false]],
    ['a second jump after recovery opens a second incident', [0, 2, 0, 7], [false, true, false, true]],
  ] as const)('%s', (_name, counts, open) => {
    let memory: ReturnType<typeof nextJobErrors> | undefined;
    const seen = counts.map((count) => {
      memory = nextJobErrors(memory, count);
      return memory.baseline !== undefined;
    });
    expect(seen).toEqual(open);
  });

  const jobsPart = (...counts: number[]) =>
    ok(
      counts.map((errorCount, i) =>
        job({ jobId: `job${i}`, errorCount, lastRunResult: errorCount ? 'EntryLevelErrors' : 'Succeeded' }),
      ),
    );

  it('the watch counts objects in error only while their jump is open, next to every other red item', () => {
    const steady = snapshot({
      cloudSyncJobs: jobsPart(4),
      organization: ok({ syncEnabled: true, lastSyncAt: ago(300) }),
    });
    const health = judgeTenant(steady, ['cloudSync'], NOW);
    // The card still shows the errors in red; the watch does not call them an incident.
    expect(incidentKeys(health)).toEqual(['lastSync', 'job:job0:errors']);
    const first = watchIncidents(health, steady, ['cloudSync'], { open: [], errors: { job0: { count: 4 } } });
    expect(first).toEqual({ keys: ['lastSync'], errors: { job0: { count: 4 } } });

    const jumped = snapshot({ cloudSyncJobs: jobsPart(40) });
    const second = watchIncidents(judgeTenant(jumped, ['cloudSync'], NOW), jumped, ['cloudSync'], {
      open: first.keys,
      errors: first.errors,
    });
    expect(second).toEqual({ keys: ['job:job0:errors'], errors: { job0: { count: 40, baseline: 4 } } });
  });

  it('jobs that could not be read keep their memory and their open incident: not knowing is not recovering', () => {
    const previous: ErrorMemory = { job0: { count: 40, baseline: 4 }, job1: { count: 0 } };
    const unreadable = snapshot({ cloudSyncJobs: { ok: false, problem: { kind: 'timeout' } } });
    expect(
      watchIncidents(judgeTenant(unreadable, ['cloudSync'], NOW), unreadable, ['cloudSync'], {
        open: ['job:job0:errors'],
        errors: previous,
      }),
    ).toEqual({ keys: ['job:job0:errors'], errors: previous });
  });

  it('a job that is gone is forgotten, and a plan without Cloud Sync keeps no error memory', () => {
    const previous: ErrorMemory = { gone: { count: 40, baseline: 0 } };
    const now = snapshot({ cloudSyncJobs: jobsPart(0) });
    expect(
      watchIncidents(judgeTenant(now, ['cloudSync'], NOW), now, ['cloudSync'], {
        open: ['job:gone:errors'],
        errors: previous,
      }),
    ).toEqual({ keys: [], errors: { job0: { count: 0 } } });
    expect(
      watchIncidents(judgeTenant(now, ['connect'], NOW), now, ['connect'], {
        open: ['job:gone:errors'],
        errors: previous,
      }),
    ).toEqual({ keys: [], errors: {} });
  });
});

describe('the watch closes an incident only on evidence that it is over', () => {
  const QUARANTINE = 'job:AD2AADProvisioning.1:state';
  const forbidden = (permission: string): Part<never> => ({ ok: false, problem: { kind: 'forbidden', permission } });
  const failed = (problem: ReadProblem): Part<never> => ({ ok: false, problem });
  const timedOut = failed({ kind: 'timeout' });
  const quarantined = ok([job({ state: 'Quarantine', quarantineReason: 'EncounteredQuarantineException' })]);
  const everythingTimedOut: Partial<TenantSnapshot> = {
    organization: timedOut,
    passwordSync: timedOut,
    syncedUsers: timedOut,
    cloudSyncJobs: timedOut,
  };

  // [case, incidents open before this check, what this check read, plan tracks, incidents open after it]
  const cases: ReadonlyArray<
    [string, readonly string[], Partial<TenantSnapshot>, readonly InstallTrack[], readonly string[]]
  > = [
    [
      'a quarantine whose jobs answer 403 stays open',
      [QUARANTINE],
      { cloudSyncJobs: forbidden('Synchronization.Read.All') },
      ['cloudSync'],
      [QUARANTINE],
    ],
    [
      'a quarantine whose jobs time out stays open',
      [QUARANTINE],
      { cloudSyncJobs: timedOut },
      ['cloudSync'],
      [QUARANTINE],
    ],
    [
      'a quarantine whose jobs are throttled stays open',
      [QUARANTINE],
      { cloudSyncJobs: failed({ kind: 'throttled', retryAfterSeconds: 120 }) },
      ['cloudSync'],
      [QUARANTINE],
    ],
    [
      'a quarantine whose jobs answer 500 stays open',
      [QUARANTINE],
      { cloudSyncJobs: failed({ kind: 'failed', status: 500 }) },
      ['cloudSync'],
      [QUARANTINE],
    ],
    [
      'a quarantine stays open when nothing at all could be read',
      [QUARANTINE],
      everythingTimedOut,
      ['cloudSync'],
      [QUARANTINE],
    ],
    ['a quarantine read as active again closes', [QUARANTINE], {}, ['cloudSync'], []],
    [
      'a quarantine read as active closes even while the organization is unreadable',
      [QUARANTINE],
      { organization: timedOut },
      ['cloudSync'],
      [],
    ],
    [
      'a stopped sync stays open while the organization is unreadable',
      ['lastSync'],
      { organization: forbidden('Organization.Read.All') },
      ['connect'],
      ['lastSync'],
    ],
    [
      'a stopped sync stays open while the organization times out',
      ['lastSync'],
      { organization: timedOut },
      ['cloudSync'],
      ['lastSync'],
    ],
    [
      'a stopped sync read as recent closes, whatever the jobs say',
      ['lastSync'],
      { cloudSyncJobs: timedOut },
      ['cloudSync'],
      [],
    ],
    [
      'sync turned off stays open while the organization is unreadable',
      ['dirSync'],
      { organization: timedOut },
      ['connect'],
      ['dirSync'],
    ],
    [
      '"no users yet" stays open while the users are unreadable',
      ['syncedUsers'],
      { syncedUsers: forbidden('User.Read.All') },
      ['connect'],
      ['syncedUsers'],
    ],
    // Without the organization the users item cannot tell "none yet" (sync on) from "none, sync never on".
    [
      '"no users yet" stays open while the organization is unreadable',
      ['syncedUsers'],
      { organization: timedOut, syncedUsers: ok(0) },
      ['connect'],
      ['syncedUsers'],
    ],
    ['"no users yet" closes once users are read', ['syncedUsers'], {}, ['connect'], []],
    [
      '"no configuration" stays open while the jobs are unreadable',
      ['cloudSync'],
      { cloudSyncJobs: timedOut },
      ['cloudSync'],
      ['cloudSync'],
    ],
    [
      'a key this version does not know stays open while any part is unreadable',
      ['someday:new'],
      { passwordSync: timedOut },
      ['cloudSync'],
      ['someday:new'],
    ],
    ['a key this version does not know closes on a full read', ['someday:new'], {}, ['cloudSync'], []],
    [
      'a new incident is still seen next to an unreadable part',
      [],
      { organization: timedOut, cloudSyncJobs: quarantined },
      ['cloudSync'],
      [QUARANTINE],
    ],
    ['an unreadable part opens nothing by itself', [], everythingTimedOut, ['cloudSync'], []],
    [
      'one incident recovers while another stays unproven',
      ['lastSync', QUARANTINE],
      { cloudSyncJobs: timedOut },
      ['cloudSync'],
      [QUARANTINE],
    ],
    [
      'an incident still red is kept once, not twice',
      [QUARANTINE],
      { organization: timedOut, cloudSyncJobs: quarantined },
      ['cloudSync'],
      [QUARANTINE],
    ],
  ];

  it.each(cases)('%s', (_name, open, read, tracks, expected) => {
    const now = snapshot(read);
    expect(watchIncidents(judgeTenant(now, tracks, NOW), now, tracks, { open }).keys).toEqual(expected);
  });

  it.each([
    ['dirSync', ['organization']],
    ['lastSync', ['organization']],
    ['syncedUsers', ['syncedUsers', 'organization']],
    ['passwordSync', ['passwordSync']],
    ['cloudSync', ['cloudSyncJobs']],
    [QUARANTINE, ['cloudSyncJobs']],
    ['job:AD2AADProvisioning.1:errors', ['cloudSyncJobs']],
  ] as const)('%s is judged from %j', (key, parts) => {
    expect(partsBehind(key)).toEqual(parts);
  });

  it('every key the judge produces is known, so one unreadable part never holds every incident open', () => {
    const red = snapshot({
      organization: ok({ syncEnabled: true, lastSyncAt: null }),
      syncedUsers: ok(0),
      cloudSyncJobs: ok([job({ state: 'Quarantine', errorCount: 50, lastRunResult: 'EntryLevelErrors' })]),
    });
    const keys = judgeTenant(red, ['cloudSync'], NOW).items.map((item) => item.key);
    expect(keys).toEqual([
      'dirSync',
      'lastSync',
      'passwordSync',
      'syncedUsers',
      QUARANTINE,
      'job:AD2AADProvisioning.1:errors',
    ]);
    // Only a key this version does not know rests on all four parts.
    for (const key of keys) expect(partsBehind(key).length).toBeLessThan(4);
    expect(partsBehind('someday:new')).toHaveLength(4);
  });
});

describe('a long spell of not reading the tenant gets one note', () => {
  const timedOut: Part<never> = { ok: false, problem: { kind: 'timeout' } };
  const blind: Partial<TenantSnapshot> = {
    organization: { ok: false, problem: { kind: 'forbidden', permission: 'Organization.Read.All' } },
  };
  const LIMIT = UNREADABLE_NOTE_AFTER_MINUTES;
  const started = (minutesAgo: number, noted = false): UnreadableSpell => ({ since: ago(minutesAgo), noted });

  // [case, spell before this check, what this check read, tracks, spell after, note now]
  const cases: ReadonlyArray<
    [
      string,
      UnreadableSpell | undefined,
      Partial<TenantSnapshot>,
      readonly InstallTrack[],
      UnreadableSpell | undefined,
      boolean,
    ]
  > = [
    ['a full read has no spell', undefined, {}, ['cloudSync'], undefined, false],
    [
      'the first unreadable check starts one, quietly',
      undefined,
      blind,
      ['cloudSync'],
      { since: NOW.toISOString(), noted: false },
      false,
    ],
    ['just under the limit stays quiet', started(LIMIT - 1), blind, ['cloudSync'], started(LIMIT - 1), false],
    ['at the limit it says so', started(LIMIT), blind, ['cloudSync'], started(LIMIT, true), true],
    [
      'once said, never again in the same spell',
      started(LIMIT * 3, true),
      blind,
      ['cloudSync'],
      started(LIMIT * 3, true),
      false,
    ],
    ['a full read ends the spell, said or not', started(LIMIT * 3, true), {}, ['cloudSync'], undefined, false],
    [
      'Cloud Sync jobs that time out count for a Cloud Sync plan',
      started(LIMIT),
      { cloudSyncJobs: timedOut },
      ['cloudSync'],
      started(LIMIT, true),
      true,
    ],
    [
      'but not for a Connect plan, which never watches them',
      started(LIMIT),
      { cloudSyncJobs: timedOut },
      ['connect'],
      undefined,
      false,
    ],
    [
      'the password sync time is informational and never counts',
      started(LIMIT),
      { passwordSync: timedOut },
      ['cloudSync'],
      undefined,
      false,
    ],
    [
      'a start that cannot be read back starts again',
      { since: 'garbage', noted: false },
      blind,
      ['connect'],
      { since: NOW.toISOString(), noted: false },
      false,
    ],
  ];

  it.each(cases)('%s', (_name, previous, read, tracks, spell, note) => {
    const result = nextUnreadableSpell(previous, snapshot(read), tracks, NOW, false);
    expect(result).toEqual({ ...(spell ? { spell } : {}), note });
  });

  it('waits for the next check when this one already posts a warning or a recovery note', () => {
    const busy = nextUnreadableSpell(started(LIMIT), snapshot(blind), ['cloudSync'], NOW, true);
    expect(busy).toEqual({ spell: started(LIMIT), note: false });
    expect(nextUnreadableSpell(busy.spell, snapshot(blind), ['cloudSync'], NOW, false)).toEqual({
      spell: started(LIMIT, true),
      note: true,
    });
  });
});
