/**
 * What the tenant's own state says about sync: a snapshot read from Microsoft Graph (read-only) judged into
 * items a card can show, each ok, informational, stale, failing or unknown (not readable), with the next step.
 *
 * Pure: no Graph client, no clock. The reader (src/tenant) fills a TenantSnapshot; the caller passes `now`.
 *
 * When is sync "stopped"? Each tool has a normal cycle, and a last sync older than a few missed cycles means it
 * stopped, not that it is slow:
 * - Connect Sync's scheduler runs a delta cycle every 30 minutes by default (Learn: connect/how-to-connect-sync-
 *   feature-scheduler, facts key CSCHED). Stale after 90 minutes: three missed cycles.
 * - Cloud Sync's scheduler runs about every 2 minutes (Learn: cloud-sync/what-is-cloud-sync, WIC 2025-02-17).
 *   Stale after 40 minutes: twenty missed cycles, so a slow run or a short service delay raises no alarm.
 */
import { LEARN } from './learnLinks';
import type { InstallTrack } from './catalog';
import { tracksFor } from './taskCatalog';
import { cloudSyncRuns, connectRuns } from './advisorRules';
import type { Plan } from './plan';

export const STALE_AFTER_MINUTES: Readonly<Record<InstallTrack, number>> = { connect: 90, cloudSync: 40 };

/** Why a part of the snapshot could not be read. `permission` names the Graph application permission it needs. */
export type ReadProblem =
  | { readonly kind: 'forbidden'; readonly permission: string }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'failed'; readonly status?: number };

export type Part<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ReadProblem };

export interface OrganizationSync {
  /** Graph's onPremisesSyncEnabled: true on, false was on and is off, null never on. */
  readonly syncEnabled: boolean | null;
  readonly lastSyncAt: string | null;
}

/** One Cloud Sync provisioning job (a configuration has one per template: users and groups, password hashes). */
export interface CloudSyncJob {
  readonly configuration: string;
  readonly jobId: string;
  readonly templateId: string;
  /** synchronizationStatus.code: NotConfigured, NotRun, Active, Paused, Quarantine. */
  readonly state: string;
  readonly quarantineReason?: string;
  readonly lastRunAt?: string;
  /** synchronizationTaskExecution.state: Succeeded, Failed, EntryLevelErrors. */
  readonly lastRunResult?: string;
  /** Objects in error (escrowed) in the last run. */
  readonly errorCount: number;
}

export interface TenantSnapshot {
  readonly readAt: string;
  readonly organization: Part<OrganizationSync>;
  /** Graph beta only (organization.onPremisesLastPasswordSyncDateTime); informational. */
  readonly passwordSync: Part<{ readonly lastAt: string | null }>;
  readonly syncedUsers: Part<number>;
  readonly cloudSyncJobs: Part<readonly CloudSyncJob[]>;
}

export type ItemStatus = 'ok' | 'info' | 'stale' | 'failing' | 'unknown';
export type Verdict = 'healthy' | 'stale' | 'failing' | 'unknown';

export interface HealthItem {
  /** Stable per fact (and per job): the watch compares keys between checks to tell a new incident from an old one. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly status: ItemStatus;
  readonly nextStep?: string;
  readonly learnUrl?: string;
}

export interface TenantHealth {
  readonly checkedAt: string;
  readonly verdict: Verdict;
  readonly items: readonly HealthItem[];
}

/** The sentence a missing permission gets: what to grant, and that an admin consents to it. */
export function permissionStep(permission: string): string {
  return `Grant the bot's app registration the Microsoft Graph application permission ${permission} and have an administrator consent to it (see the README, "Tenant checks").`;
}

export const QUARANTINE_LEARN =
  'https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-quarantine-status';

/**
 * The sync tools a plan's tenant runs or will run, which decide the items its checks show: the tool(s) chosen, and
 * the one already syncing when the plan moves from it (restoring or upgrading Connect, moving to Cloud Sync).
 */
export function planTracks(plan: Pick<Plan, 'selection'>): InstallTrack[] {
  const existing = plan.selection.existing ?? 'none';
  const tools = new Set<InstallTrack>(tracksFor(plan.selection.tool));
  if (connectRuns(existing)) tools.add('connect');
  if (cloudSyncRuns(existing)) tools.add('cloudSync');
  return (['cloudSync', 'connect'] as const).filter((tool) => tools.has(tool));
}

export function judgeTenant(snapshot: TenantSnapshot, tracks: readonly InstallTrack[], now: Date): TenantHealth {
  const items: HealthItem[] = [
    ...organizationItems(snapshot, tracks, now),
    passwordItem(snapshot, now),
    usersItem(snapshot),
  ];
  if (tracks.includes('cloudSync')) items.push(...cloudSyncItems(snapshot.cloudSyncJobs, now));
  return { checkedAt: snapshot.readAt, verdict: verdictOf(items), items };
}

/** The worst status wins; a tenant whose organization could not be read is unknown rather than healthy. */
export function verdictOf(items: readonly HealthItem[]): Verdict {
  if (items.some((item) => item.status === 'failing')) return 'failing';
  if (items.some((item) => item.status === 'stale')) return 'stale';
  if (items.some((item) => item.status === 'unknown')) return 'unknown';
  return 'healthy';
}

/** Keys of the items that are wrong now: the watch warns once when a key appears and notes recovery when none is left. */
export function incidentKeys(health: TenantHealth): string[] {
  return health.items.filter((item) => item.status === 'stale' || item.status === 'failing').map((item) => item.key);
}

/**
 * Objects in error, as the watch sees them: a Cloud Sync tenant often carries a few objects in error for weeks (a
 * duplicate proxy address, a user outside the rules), so a count that stays where it was is not news, and warning
 * about it at every check would teach people to ignore the watch. What is news is a jump:
 * - from a clean run (0) to any error: something new fails where nothing did;
 * - otherwise at least doubled AND at least ERROR_JUMP.minRise more: doubling alone would fire on 1 → 2 (noise from
 *   one more bad object), a fixed rise alone would fire on 500 → 510 in a big tenant (the usual churn of a few
 *   hundred thousand objects); both together mean a new cause, such as a changed scope or a broken mapping.
 * The incident stays open (no second warning) until the count falls back to where it was before the jump.
 * The first observation of a job has nothing to compare with: it only sets the baseline.
 */
export const ERROR_JUMP = { minRise: 10, factor: 2 } as const;

/** What the watch keeps per job between checks: the last count, and the count before the jump while an incident is open. */
export interface JobErrors {
  readonly count: number;
  readonly baseline?: number;
}

/** Per Cloud Sync job id. */
export type ErrorMemory = Readonly<Record<string, JobErrors>>;

/** Whether going from `before` to `after` objects in error is a jump (see ERROR_JUMP). */
export function errorsJumped(before: number, after: number): boolean {
  if (before <= 0) return after > 0;
  return after >= before * ERROR_JUMP.factor && after - before >= ERROR_JUMP.minRise;
}

/** One job's memory after observing `count`: an incident opens on a jump and closes when the count is back at its baseline. */
export function nextJobErrors(previous: JobErrors | undefined, count: number): JobErrors {
  if (!previous) return { count };
  if (previous.baseline !== undefined)
    return count <= previous.baseline ? { count } : { count, baseline: previous.baseline };
  return errorsJumped(previous.count, count) ? { count, baseline: previous.count } : { count };
}

/** The parts of a snapshot, each read by its own Graph call and each able to fail on its own. */
export type SnapshotPart = 'organization' | 'passwordSync' | 'syncedUsers' | 'cloudSyncJobs';

const SNAPSHOT_PARTS: readonly SnapshotPart[] = ['organization', 'passwordSync', 'syncedUsers', 'cloudSyncJobs'];

/**
 * The parts an item with this key is judged from. Users count on the organization too: "no users yet" is only a
 * problem while sync is on. A key this code does not know (left by another version) rests on every part.
 */
export function partsBehind(key: string): readonly SnapshotPart[] {
  if (key === 'dirSync' || key === 'lastSync') return ['organization'];
  if (key === 'syncedUsers') return ['syncedUsers', 'organization'];
  if (key === 'passwordSync') return ['passwordSync'];
  if (key === 'cloudSync' || key.startsWith('job:')) return ['cloudSyncJobs'];
  return SNAPSHOT_PARTS;
}

/** The parts Graph did not give us this time (no permission, throttled, timed out, failed). */
export function unreadParts(snapshot: TenantSnapshot): SnapshotPart[] {
  return SNAPSHOT_PARTS.filter((part) => !snapshot[part].ok);
}

/** What the watch remembers between checks: the incidents the conversation was warned about, and the error counts. */
export interface WatchMemory {
  readonly open: readonly string[];
  readonly errors?: ErrorMemory;
}

/**
 * What the watch treats as open incidents at this check, and the error memory to keep for the next one. Every red
 * item counts except objects in error, which count only while their jump incident is open.
 *
 * An incident closes only on evidence that it is over: the parts it is judged from were read and no longer show it.
 * While one of them could not be read, an open incident stays open (and its job's error memory stays as it was):
 * not knowing is not recovering, and closing it would post a false "back to normal" note.
 */
export function watchIncidents(
  health: TenantHealth,
  snapshot: TenantSnapshot,
  tracks: readonly InstallTrack[],
  previous: WatchMemory | undefined,
): { readonly keys: string[]; readonly errors: ErrorMemory } {
  const red = incidentKeys(health).filter((key) => !isErrorsKey(key));
  const errors: Record<string, JobErrors> = {};
  const jobs = snapshot.cloudSyncJobs;
  if (tracks.includes('cloudSync')) {
    if (jobs.ok) {
      for (const job of jobs.value) errors[job.jobId] = nextJobErrors(previous?.errors?.[job.jobId], job.errorCount);
    } else {
      Object.assign(errors, previous?.errors);
    }
  }
  const open = Object.entries(errors)
    .filter(([, memory]) => memory.baseline !== undefined)
    .map(([jobId]) => errorsKey(jobId));
  const unread = new Set(unreadParts(snapshot));
  const current = new Set([...red, ...open]);
  const unproven = (previous?.open ?? []).filter(
    (key) => !current.has(key) && partsBehind(key).some((part) => unread.has(part)),
  );
  return { keys: [...current, ...unproven], errors };
}

/**
 * How long the watch stays quiet while parts it needs cannot be read before it says so, once. Throttling and a
 * passing Graph incident are over well within it; a withdrawn permission or consent is not, and without this note
 * the watch would go blind without anyone hearing of it (its open incidents simply stay open).
 */
export const UNREADABLE_NOTE_AFTER_MINUTES = 6 * 60;

/** A spell of checks in which a part the watch needs could not be read: since when, and whether it was said. */
export interface UnreadableSpell {
  readonly since: string;
  readonly noted: boolean;
}

/** The parts incidents come from for these tools; the password sync time is informational and never one. */
export function watchedParts(tracks: readonly InstallTrack[]): SnapshotPart[] {
  return tracks.includes('cloudSync')
    ? ['organization', 'syncedUsers', 'cloudSyncJobs']
    : ['organization', 'syncedUsers'];
}

/**
 * The spell after this check, and whether to post the one "cannot read the tenant" note now. A check that reads
 * every watched part ends the spell, so a later spell gets its own note. When this check already posts a warning or
 * a recovery note (`posting`), the note waits for the next check: one post per check keeps the thread readable.
 */
export function nextUnreadableSpell(
  previous: UnreadableSpell | undefined,
  snapshot: TenantSnapshot,
  tracks: readonly InstallTrack[],
  now: Date,
  posting: boolean,
): { readonly spell?: UnreadableSpell; readonly note: boolean } {
  const unread = unreadParts(snapshot);
  if (!watchedParts(tracks).some((part) => unread.includes(part))) return { note: false };
  // A spell whose start cannot be read back starts again rather than never reaching its note.
  const since = previous && !Number.isNaN(Date.parse(previous.since)) ? previous.since : snapshot.readAt;
  const note = !posting && !previous?.noted && minutesSince(since, now) >= UNREADABLE_NOTE_AFTER_MINUTES;
  return { spell: { since, noted: previous?.noted === true || note }, note };
}

function errorsKey(jobId: string): string {
  return `job:${jobId}:errors`;
}

function isErrorsKey(key: string): boolean {
  return key.startsWith('job:') && key.endsWith(':errors');
}

/** "3 min ago", "5 h ago", "2 days ago": the age people care about, rounded down. */
export function ageText(iso: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000);
  if (Number.isNaN(minutes)) return 'at an unknown time';
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

function minutesSince(iso: string, now: Date): number {
  return (now.getTime() - Date.parse(iso)) / 60_000;
}

function problemItem(key: string, label: string, problem: ReadProblem): HealthItem {
  switch (problem.kind) {
    case 'forbidden':
      return {
        key,
        label,
        value: `Not readable: the bot lacks ${problem.permission}`,
        status: 'unknown',
        nextStep: permissionStep(problem.permission),
      };
    case 'throttled':
      return {
        key,
        label,
        value: `Microsoft Graph asked to wait ${problem.retryAfterSeconds} s`,
        status: 'unknown',
        nextStep: 'Check again in a minute.',
      };
    case 'timeout':
      return {
        key,
        label,
        value: 'Microsoft Graph did not answer in time',
        status: 'unknown',
        nextStep: 'Check again in a minute.',
      };
    case 'failed':
      return {
        key,
        label,
        value: `Microsoft Graph answered with an error${problem.status ? ` (HTTP ${problem.status})` : ''}`,
        status: 'unknown',
        nextStep: 'Check again in a minute.',
      };
  }
}

function organizationItems(snapshot: TenantSnapshot, tracks: readonly InstallTrack[], now: Date): HealthItem[] {
  const org = snapshot.organization;
  if (!org.ok) return [problemItem('dirSync', 'Directory sync', org.problem)];
  const { syncEnabled, lastSyncAt } = org.value;
  // Either tool updates the tenant's last sync time, so the slower tool of the plan sets how old it may be.
  const track: InstallTrack = tracks.includes('connect') ? 'connect' : 'cloudSync';
  const enabled: HealthItem =
    syncEnabled === true
      ? { key: 'dirSync', label: 'Directory sync', value: 'On', status: 'ok' }
      : {
          key: 'dirSync',
          label: 'Directory sync',
          value: syncEnabled === false ? 'Off (it was on before)' : 'Never turned on for this tenant',
          status: 'failing',
          nextStep:
            track === 'connect'
              ? 'Finish installing Connect Sync and let its first sync cycle run.'
              : 'Finish configuring Cloud Sync and enable the configuration.',
          learnUrl: track === 'connect' ? LEARN.connectPostInstall : LEARN.cloudSyncConfigure,
        };
  if (lastSyncAt === null) {
    return [
      enabled,
      {
        key: 'lastSync',
        label: 'Last sync',
        value: 'Never',
        status: syncEnabled ? 'stale' : 'info',
        ...staleStep(track),
      },
    ];
  }
  const limit = STALE_AFTER_MINUTES[track];
  const stale = minutesSince(lastSyncAt, now) > limit;
  return [
    enabled,
    {
      key: 'lastSync',
      label: 'Last sync',
      value: `${ageText(lastSyncAt, now)}${stale ? ` (more than ${limit} minutes: sync looks stopped)` : ''}`,
      status: stale ? 'stale' : 'ok',
      ...(stale ? staleStep(track) : {}),
    },
  ];
}

function staleStep(track: InstallTrack): Pick<HealthItem, 'nextStep' | 'learnUrl'> {
  return track === 'connect'
    ? {
        nextStep:
          'On the Connect server run Get-ADSyncScheduler: SyncCycleEnabled must be True and StagingModeEnabled False; then Start-ADSyncSyncCycle -PolicyType Delta. Connect must sync at least every 7 days.',
        learnUrl: LEARN.connectScheduler,
      }
    : {
        nextStep:
          'In the admin center (Entra ID > Entra Connect > Cloud sync) check the configuration status and that an agent is active; the provisioning logs say why runs fail.',
        learnUrl: LEARN.provisioningLogs,
      };
}

function passwordItem(snapshot: TenantSnapshot, now: Date): HealthItem {
  const part = snapshot.passwordSync;
  if (!part.ok) return problemItem('passwordSync', 'Last password sync', part.problem);
  // Informational: the tenant may not use password hash sync at all, so an old or missing time is no alarm.
  return {
    key: 'passwordSync',
    label: 'Last password sync',
    value: part.value.lastAt ? ageText(part.value.lastAt, now) : 'Never',
    status: 'info',
  };
}

function usersItem(snapshot: TenantSnapshot): HealthItem {
  const part = snapshot.syncedUsers;
  if (!part.ok) return problemItem('syncedUsers', 'Users synced from on-premises', part.problem);
  const org = snapshot.organization;
  const syncOn = org.ok && org.value.syncEnabled === true;
  if (part.value === 0 && syncOn) {
    return {
      key: 'syncedUsers',
      label: 'Users synced from on-premises',
      value: 'None yet',
      status: 'stale',
      nextStep: 'Check that the OUs or groups in scope contain users; the first sync can take a few hours.',
      learnUrl: LEARN.cloudSyncVerify,
    };
  }
  return {
    key: 'syncedUsers',
    label: 'Users synced from on-premises',
    value: part.value.toLocaleString('en-US'),
    status: part.value > 0 ? 'ok' : 'info',
  };
}

const TEMPLATE_NAMES: Readonly<Record<string, string>> = {
  AD2AADProvisioning: 'users and groups',
  AD2AADPasswordHash: 'password hashes',
};

function cloudSyncItems(part: Part<readonly CloudSyncJob[]>, now: Date): HealthItem[] {
  if (!part.ok) return [problemItem('cloudSync', 'Cloud Sync configurations', part.problem)];
  if (part.value.length === 0) {
    return [
      {
        key: 'cloudSync',
        label: 'Cloud Sync configurations',
        value: 'None found in this tenant',
        status: 'failing',
        nextStep: 'Create and enable a Cloud Sync configuration for your domain (the "Configure Cloud Sync" task).',
        learnUrl: LEARN.cloudSyncConfigure,
      },
    ];
  }
  return part.value.flatMap((job) => jobItems(job, now));
}

function jobItems(job: CloudSyncJob, now: Date): HealthItem[] {
  const label = `Cloud Sync: ${job.configuration} (${TEMPLATE_NAMES[job.templateId] ?? job.templateId})`;
  const lastRun = job.lastRunAt
    ? `last run ${ageText(job.lastRunAt, now)}${job.lastRunResult ? `, ${job.lastRunResult}` : ''}`
    : 'no run yet';
  const base = { key: `job:${job.jobId}:state`, label };
  const state = ((): HealthItem => {
    switch (job.state) {
      case 'Quarantine':
        return {
          ...base,
          value: `Quarantined${job.quarantineReason ? ` (${job.quarantineReason})` : ''} · ${lastRun}`,
          status: 'failing',
          nextStep:
            "Open the configuration in the admin center, fix what the quarantine names (often the agent's credentials or too many errors), then select Restart sync.",
          learnUrl: QUARANTINE_LEARN,
        };
      case 'Paused':
        return {
          ...base,
          value: `Paused · ${lastRun}`,
          status: 'stale',
          nextStep: 'Someone paused this configuration: enable it again in the admin center if that was not intended.',
          learnUrl: LEARN.cloudSyncConfigure,
        };
      case 'NotConfigured':
        return {
          ...base,
          value: 'Not configured',
          status: 'stale',
          nextStep: 'Finish the configuration in the admin center and enable it.',
          learnUrl: LEARN.cloudSyncConfigure,
        };
      case 'NotRun':
        return { ...base, value: 'First run not finished yet (it can take a few hours)', status: 'info' };
      default: {
        if (job.lastRunResult === 'Failed') {
          return {
            ...base,
            value: `${job.state} · ${lastRun}`,
            status: 'failing',
            nextStep: 'The last run failed: the provisioning logs name the cause.',
            learnUrl: LEARN.provisioningLogs,
          };
        }
        const stale = job.lastRunAt !== undefined && minutesSince(job.lastRunAt, now) > STALE_AFTER_MINUTES.cloudSync;
        return stale
          ? {
              ...base,
              value: `${job.state} · ${lastRun} (more than ${STALE_AFTER_MINUTES.cloudSync} minutes: sync looks stopped)`,
              status: 'stale',
              ...staleStep('cloudSync'),
            }
          : { ...base, value: `${job.state} · ${lastRun}`, status: 'ok' };
      }
    }
  })();
  if (job.errorCount <= 0) return [state];
  return [
    state,
    {
      key: errorsKey(job.jobId),
      label: `${label}: objects in error`,
      value: `${job.errorCount.toLocaleString('en-US')} in the last run`,
      status: 'stale',
      nextStep:
        'Filter the provisioning logs on this configuration and status Failure to see which objects fail and why.',
      learnUrl: LEARN.provisioningLogs,
    },
  ];
}

/** What a task keeps as proof that the tenant showed it working: what was read, when, and the values. */
export interface CheckEvidence {
  readonly checkedAt: string;
  readonly verdict: Verdict;
  /** "Directory sync: On", "Last sync: 3 min ago", … at most MAX_EVIDENCE_FACTS, each bounded. */
  readonly facts: readonly string[];
}

export const MAX_EVIDENCE_FACTS = 8;

export function evidenceOf(health: TenantHealth): CheckEvidence {
  const facts = health.items
    .filter((item) => item.status !== 'unknown')
    .slice(0, MAX_EVIDENCE_FACTS)
    .map((item) => `${item.label}: ${item.value}`.slice(0, 200));
  return { checkedAt: health.checkedAt, verdict: health.verdict, facts };
}
