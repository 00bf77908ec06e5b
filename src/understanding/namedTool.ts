/**
 * The sync tool a question names, and the plan context it is asked in: "which Windows Server for Connect" in a Cloud
 * Sync plan is about Connect's server, so the Cloud Sync install lines the plan holds do not get the plan's weight.
 */
import type { SingleTool } from '../domain/advisorRules';
import { TASK_CATALOG } from '../domain/taskCatalog';

/** Product names of Connect Sync as one token (the spaced ones, "azure ad connect", end in "connect"). */
const CONNECT_NAMES = new Set(['connect', 'aadc', 'adconnect', 'aadconnect']);
/**
 * Parts only Connect Sync has, which pasted output and event logs name rather than the product: its PowerShell
 * module's cmdlets (Get-ADSyncScheduler, Start-ADSyncSyncCycle) and its sync engine, which the event log calls the
 * "sync engine" and the admin tool the "Synchronization Service". Bounded, so the pattern stays linear.
 */
const CONNECT_CMDLET = /^(?:[a-z]{2,12}-)?adsync[a-z]{0,40}$/;
const CONNECT_PART_NAMES = new Set(['sync engine', 'synchronization engine', 'synchronization service']);
const CLOUD_SYNC_NAMES = new Set(['ecs', 'cloudsync', 'cloud-sync']);
/** After these, "connect" is the verb ("can the agent connect", "unable to connect"). */
const BEFORE_VERB = new Set([
  'to',
  'can',
  'cannot',
  'cant',
  "can't",
  'could',
  'will',
  'wont',
  "won't",
  'would',
  'does',
  'doesnt',
  "doesn't",
  'do',
  'dont',
  "don't",
  'did',
  'didnt',
  "didn't",
  'must',
  'should',
  'not',
  'and',
  'or',
  'it',
  'they',
]);
/** After these, "connect" is the product whatever follows ("from connect to cloud sync", "on connect"). */
const BEFORE_NAME = new Set([
  'from',
  'off',
  'on',
  'in',
  'of',
  'for',
  'about',
  'replace',
  'upgrade',
  'keep',
  'uninstall',
]);
/** Before these, "connect" is the verb ("connect to the DC", "connect over 443"). */
const AFTER_VERB = new Set([
  'to',
  'with',
  'over',
  'through',
  'via',
  'back',
  'the',
  'a',
  'an',
  'our',
  'my',
  'it',
  'them',
]);

function isSyncWord(token: string | undefined): boolean {
  return token !== undefined && /^sync(?:s|ing|ed)?$/.test(token);
}

/**
 * The tool a question's tokens (lower case, as tokenize gives them) name, when they name exactly one: Cloud Sync by
 * "cloud sync", "ECS" or "provisioning agent"; Connect Sync by "Connect" as a name (not the verb), "AADC", a cmdlet of
 * its ADSync module or its sync engine.
 */
export function toolNamed(tokens: readonly string[]): SingleTool | undefined {
  let cloudSync = false;
  let connect = false;
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (CLOUD_SYNC_NAMES.has(token) || (token === 'cloud' && isSyncWord(next))) cloudSync = true;
    else if (token === 'provisioning' && (next === 'agent' || next === 'agents')) cloudSync = true;
    else if (CONNECT_CMDLET.test(token) || CONNECT_PART_NAMES.has(`${token} ${next}`)) connect = true;
    else if (CONNECT_NAMES.has(token)) {
      const before = tokens[i - 1] ?? '';
      // "Connect Sync" is the product's name whatever comes before it ("does connect sync ...").
      const verb =
        token === 'connect' &&
        !isSyncWord(next) &&
        !BEFORE_NAME.has(before) &&
        (BEFORE_VERB.has(before) || AFTER_VERB.has(next ?? ''));
      if (!verb) connect = true;
    }
  });
  if (cloudSync === connect) return undefined;
  return cloudSync ? 'cloudSync' : 'connect';
}

/** Each tool's install tasks, but the tool choice, which both tracks share. */
const INSTALL_TASK_IDS: Readonly<Record<SingleTool, readonly string[]>> = {
  cloudSync: TASK_CATALOG.filter((task) => task.track === 'cloudSync' && !task.id.endsWith('.chooseTool')).map(
    (task) => task.id,
  ),
  connect: TASK_CATALOG.filter((task) => task.track === 'connect' && !task.id.endsWith('.chooseTool')).map(
    (task) => task.id,
  ),
};

/**
 * The plan's tasks as a question naming `tool` sees them: the other tool's install tasks are no longer the plan's own,
 * so they weigh no more than any line. The named tool's tasks gain nothing: were they the plan's, its install lines
 * would outweigh its facts and later tracks ("can Connect sign in as an application"), which answer such questions as
 * often. Every other task of the plan (a restore or migration track) stays. Unchanged when no tool is named.
 */
export function planForTool(planTaskIds: readonly string[], tool: SingleTool | undefined): readonly string[] {
  if (tool === undefined) return planTaskIds;
  const other = INSTALL_TASK_IDS[tool === 'cloudSync' ? 'connect' : 'cloudSync'];
  return planTaskIds.filter((id) => !other.includes(id));
}
