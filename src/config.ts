/**
 * Configuration: read once from the environment, validated, and handed around as a typed object.
 * Every error names the variable and what it expects, because that is what an operator needs to fix it.
 */
export type StorageKind = 'sqlite' | 'memory' | 'blob' | 'cosmos';
export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export type LogFormat = 'json' | 'pretty';

export interface Config {
  /** Empty in local mode: requests are not authenticated and the server binds to loopback only. */
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: AppType;
  readonly appTenantId: string;
  readonly localMode: boolean;
  readonly host: string;
  readonly port: number;
  readonly storage: StorageConfig;
  readonly logLevel: string;
  readonly logFormat: LogFormat;
  /** Empty means every tenant is allowed. */
  readonly allowedTenantIds: readonly string[];
  /** Bot Framework channels whose activities are served; only `msteams` outside local mode. */
  readonly allowedChannelIds: readonly string[];
  readonly reminders: ReminderConfig;
  readonly reports: ReportConfig;
  /** Read-only tenant checks through Microsoft Graph; see the tenant checks block at the end of this file. */
  readonly graph: GraphConfig;
  /**
   * WARM_UP: whether the process prepares reading free text (trains the understanding model, loads the number
   * recognizer) as soon as it listens, so the first person who types a sentence does not wait for it. Off, each is
   * done when first needed, and an instance that only ever serves card clicks never spends the CPU on them.
   */
  readonly warmUp: boolean;
}

export interface ReminderConfig {
  /** How often the scheduler looks for due digests; 0 switches the scheduler off (tests drive it by hand). */
  readonly checkSeconds: number;
  /** The UTC hour from which a period's digest may go out. */
  readonly hourUtc: number;
}

export interface ReportConfig {
  /** REPORT_SIGNING_KEY as given; absent means derived from the app password, or random per process. */
  readonly signingKey?: string;
  /** Absent: http://127.0.0.1:<bound port> in local mode, no download link otherwise. */
  readonly publicBaseUrl?: string;
}

export type StorageConfig =
  | { readonly kind: 'memory' }
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'blob'; readonly connectionString: string; readonly container: string }
  | {
      readonly kind: 'cosmos';
      readonly endpoint: string;
      readonly key: string;
      readonly database: string;
      readonly container: string;
    };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Configuration error in ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const STORAGE_KINDS: readonly StorageKind[] = ['sqlite', 'memory', 'blob', 'cosmos'];
const APP_TYPES: readonly AppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const DEFAULT_PORT = 3978;
export const DEFAULT_SQLITE_PATH = './data/sync-guide.sqlite';
export const DEFAULT_BLOB_CONTAINER = 'sync-guide';

type Env = Readonly<Record<string, string | undefined>>;

/** Trimmed value, or undefined when unset or blank (an empty line in .env means "not set"). */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function required(env: Env, name: string, why: string): string {
  const value = read(env, name);
  if (!value) throw new ConfigError(name, `is required ${why}.`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(env, name);
  if (value === undefined) return fallback;
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!match) throw new ConfigError(name, `"${value}" is not one of: ${allowed.join(', ')}.`);
  return match;
}

function parsePort(env: Env): number {
  const value = read(env, 'PORT');
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) {
    throw new ConfigError(
      'PORT',
      `"${value}" is not a port number; expected an integer from 0 to 65535 (0 picks a free port).`,
    );
  }
  return port;
}

function parseStorage(env: Env): StorageConfig {
  const kind = oneOf(env, 'STORAGE', STORAGE_KINDS, 'sqlite');
  switch (kind) {
    case 'memory':
      return { kind };
    case 'sqlite':
      return { kind, path: read(env, 'SQLITE_PATH') ?? DEFAULT_SQLITE_PATH };
    case 'blob':
      return {
        kind,
        connectionString: required(
          env,
          'BLOB_CONNECTION_STRING',
          'when STORAGE=blob (the storage account connection string)',
        ),
        container: read(env, 'BLOB_CONTAINER') ?? DEFAULT_BLOB_CONTAINER,
      };
    case 'cosmos':
      return {
        kind,
        endpoint: required(
          env,
          'COSMOS_ENDPOINT',
          'when STORAGE=cosmos (e.g. https://<account>.documents.azure.com:443/)',
        ),
        key: required(env, 'COSMOS_KEY', 'when STORAGE=cosmos (the account key)'),
        database: read(env, 'COSMOS_DATABASE') ?? 'sync-guide',
        container: read(env, 'COSMOS_CONTAINER') ?? 'bot-state',
      };
  }
}

function parseTenantList(env: Env): string[] {
  const value = read(env, 'ALLOWED_TENANT_IDS');
  if (!value) return [];
  const ids = value.split(/[\s,;]+/).filter(Boolean);
  const bad = ids.find((id) => !GUID.test(id));
  if (bad)
    throw new ConfigError(
      'ALLOWED_TENANT_IDS',
      `"${bad}" is not a tenant id; expected a comma-separated list of GUIDs.`,
    );
  return ids.map((id) => id.toLowerCase());
}

export const TEAMS_CHANNEL_ID = 'msteams';
const CHANNEL_ID = /^[a-z0-9][a-z0-9._-]{0,31}$/;

/**
 * Other Bot Framework channels (Direct Line, Web Chat, the Emulator) let whoever calls them choose the ids an
 * activity claims, so outside local mode only Teams is served; locally the Emulator can be let in on purpose.
 */
function parseChannelList(env: Env, localMode: boolean): string[] {
  const value = read(env, 'ALLOWED_CHANNEL_IDS');
  if (!value) return [TEAMS_CHANNEL_ID];
  const ids = [...new Set(value.split(/[\s,;]+/).filter(Boolean))];
  const bad = ids.find((id) => !CHANNEL_ID.test(id));
  if (bad !== undefined)
    throw new ConfigError(
      'ALLOWED_CHANNEL_IDS',
      `"${bad}" is not a Bot Framework channel id; expected a comma-separated list such as msteams,emulator (lower case).`,
    );
  const other = ids.find((id) => id !== TEAMS_CHANNEL_ID);
  if (!localMode && other !== undefined) {
    throw new ConfigError(
      'ALLOWED_CHANNEL_IDS',
      `"${other}" can only be allowed in local mode: on channels other than msteams the caller chooses the user and tenant ids an activity claims, so a person's identity could be forged. Leave it empty (msteams only).`,
    );
  }
  return ids;
}

export const DEFAULT_REMINDER_CHECK_SECONDS = 300;
export const DEFAULT_REMINDER_HOUR_UTC = 9;

function integerIn(env: Env, name: string, min: number, max: number, fallback: number, what: string): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new ConfigError(name, `"${value}" is not ${what}.`);
  return Number(value);
}

function parseReminders(env: Env): ReminderConfig {
  const checkSeconds = integerIn(
    env,
    'REMINDER_CHECK_SECONDS',
    0,
    86_400,
    DEFAULT_REMINDER_CHECK_SECONDS,
    'a number of seconds from 0 (off) to 86400',
  );
  // Under 10 s every instance would read every reminder-enabled plan several times a minute, for digests that change daily.
  if (checkSeconds > 0 && checkSeconds < 10)
    throw new ConfigError(
      'REMINDER_CHECK_SECONDS',
      `"${checkSeconds}" is too short; use 10 or more, or 0 to switch reminders off.`,
    );
  return {
    checkSeconds,
    hourUtc: integerIn(env, 'REMINDER_HOUR_UTC', 0, 23, DEFAULT_REMINDER_HOUR_UTC, 'an hour from 0 to 23'),
  };
}

function parseReports(env: Env): ReportConfig {
  const signingKey = read(env, 'REPORT_SIGNING_KEY');
  if (signingKey !== undefined && signingKey.length < 32) {
    throw new ConfigError(
      'REPORT_SIGNING_KEY',
      'is too short to sign download links safely; use at least 32 random characters (e.g. `openssl rand -hex 32`).',
    );
  }
  const base = read(env, 'PUBLIC_BASE_URL');
  if (base === undefined) return { signingKey };
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ConfigError('PUBLIC_BASE_URL', `"${base}" is not a URL; expected e.g. https://sync-guide.example.net`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError('PUBLIC_BASE_URL', `"${base}" must start with https:// (or http:// for local testing).`);
  if (url.search || url.hash) throw new ConfigError('PUBLIC_BASE_URL', `"${base}" must not carry a query or fragment.`);
  return { signingKey, publicBaseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

/** Without app credentials nothing authenticates callers, so the bot must not be reachable from other machines. */
function parseHost(env: Env, localMode: boolean): string {
  const host = read(env, 'HOST');
  if (!localMode) return host ?? '0.0.0.0';
  if (host && !LOOPBACK.includes(host)) {
    throw new ConfigError(
      'HOST',
      `"${host}" is not a loopback address; without MicrosoftAppId the bot is unauthenticated and only listens on 127.0.0.1. Set MicrosoftAppId to listen on other addresses.`,
    );
  }
  return host ?? '127.0.0.1';
}

/** The registration's variables; a value in any of them (or in a differently cased twin) means the bot is meant to authenticate. */
const REGISTRATION_VARIABLES = ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType'];

/**
 * Local mode authenticates nothing, and it is chosen by the absence of one variable, so a typo in that variable's
 * name would silently switch a deployment off. Settings that only make sense for a deployment therefore stop the
 * start instead, naming what was found.
 */
function refuseDeploymentSettingsInLocalMode(env: Env): void {
  const fix = 'Set MicrosoftAppId to run with authentication, or remove this variable to run in local mode.';
  for (const name of Object.keys(env)) {
    const canonical = REGISTRATION_VARIABLES.find((variable) => variable.toLowerCase() === name.toLowerCase());
    if (canonical && canonical !== name && read(env, name) !== undefined) {
      throw new ConfigError(
        name,
        `looks like ${canonical} spelled with different capitals, and names are case-sensitive: the bot saw no MicrosoftAppId and would start in local mode, without authentication. Rename it to ${canonical}.`,
      );
    }
  }
  for (const name of REGISTRATION_VARIABLES.slice(1)) {
    if (read(env, name) !== undefined)
      throw new ConfigError(
        name,
        `is set but MicrosoftAppId is empty, which means local mode (no authentication). ${fix}`,
      );
  }
  if (read(env, 'PUBLIC_BASE_URL') !== undefined) {
    throw new ConfigError(
      'PUBLIC_BASE_URL',
      `is set but MicrosoftAppId is empty: a public address means other machines should reach the bot, and local mode authenticates nothing. ${fix}`,
    );
  }
  if (read(env, 'NODE_ENV') === 'production') {
    throw new ConfigError(
      'NODE_ENV',
      `is "production" but MicrosoftAppId is empty, which means local mode (no authentication). Set MicrosoftAppId, or unset NODE_ENV to run in local mode.`,
    );
  }
}

export function loadConfig(env: Env): Config {
  const appId = read(env, 'MicrosoftAppId') ?? '';
  const localMode = appId === '';
  if (localMode) refuseDeploymentSettingsInLocalMode(env);
  const appType = oneOf(env, 'MicrosoftAppType', APP_TYPES, localMode ? 'MultiTenant' : 'SingleTenant');
  const appTenantId = read(env, 'MicrosoftAppTenantId') ?? '';
  const appPassword = read(env, 'MicrosoftAppPassword') ?? '';

  if (!localMode) {
    if (!GUID.test(appId))
      throw new ConfigError(
        'MicrosoftAppId',
        `"${appId}" is not a GUID; copy the app (client) id of the Azure Bot's Entra app registration.`,
      );
    if (appType !== 'UserAssignedMSI' && !appPassword) {
      throw new ConfigError(
        'MicrosoftAppPassword',
        `is required when MicrosoftAppId is set and MicrosoftAppType is ${appType} (the client secret of the app registration).`,
      );
    }
    if (appType !== 'MultiTenant' && !appTenantId) {
      throw new ConfigError(
        'MicrosoftAppTenantId',
        `is required when MicrosoftAppType is ${appType} (the directory (tenant) id that owns the bot registration).`,
      );
    }
  }
  if (appTenantId && !GUID.test(appTenantId))
    throw new ConfigError('MicrosoftAppTenantId', `"${appTenantId}" is not a GUID.`);

  const production = read(env, 'NODE_ENV') === 'production';
  return {
    appId,
    appPassword,
    appType,
    appTenantId,
    localMode,
    host: parseHost(env, localMode),
    port: parsePort(env),
    storage: parseStorage(env),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: oneOf<LogFormat>(env, 'LOG_FORMAT', ['json', 'pretty'], production ? 'json' : 'pretty'),
    allowedTenantIds: parseTenantList(env),
    allowedChannelIds: parseChannelList(env, localMode),
    reminders: parseReminders(env),
    reports: parseReports(env),
    graph: parseGraph(env, { localMode, appId, appPassword, appType, appTenantId }),
    warmUp: oneOf(env, 'WARM_UP', ['on', 'off'], 'on') === 'on',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Tenant checks (Microsoft Graph, read-only, opt-in). Kept in one block: nothing above depends on it.

export type GraphCloud = 'Global' | 'USGov' | 'USGovDoD' | 'China';

/** How the bot proves who it is to Microsoft Graph: the registration's own secret, or its managed identity. */
export type GraphCredentialConfig =
  | { readonly kind: 'clientSecret'; readonly clientId: string; readonly secret: string }
  /** No clientId: the system-assigned identity (only the local simulation uses that). */
  | { readonly kind: 'managedIdentity'; readonly clientId?: string };

export interface GraphConfig {
  /** GRAPH_CHECKS=on. Off: nothing calls Graph, and `check` / `watch` say how to turn them on. */
  readonly enabled: boolean;
  readonly cloud: GraphCloud;
  /** e.g. https://graph.microsoft.com, without a trailing slash. */
  readonly baseUrl: string;
  /** The token endpoint's host, e.g. https://login.microsoftonline.com. */
  readonly authorityHost: string;
  /** The only tenant ever read: the one the bot is registered in (lower case). Empty when checks are off. */
  readonly tenantId: string;
  readonly credential?: GraphCredentialConfig;
  /** Seconds between the watch's checks; 0 switches the watch off on this instance. */
  readonly watchSeconds: number;
  /** Local mode against loopback stand-ins (tests, the Playground): the tenant is simulated. */
  readonly simulated: boolean;
}

/** The Graph and sign-in hosts of each cloud (Microsoft Graph national cloud deployments). */
export const GRAPH_CLOUDS: Readonly<Record<GraphCloud, { readonly graph: string; readonly login: string }>> = {
  Global: { graph: 'https://graph.microsoft.com', login: 'https://login.microsoftonline.com' },
  USGov: { graph: 'https://graph.microsoft.us', login: 'https://login.microsoftonline.us' },
  USGovDoD: { graph: 'https://dod-graph.microsoft.us', login: 'https://login.microsoftonline.us' },
  China: { graph: 'https://microsoftgraph.chinacloudapi.cn', login: 'https://login.chinacloudapi.cn' },
};

export const DEFAULT_GRAPH_WATCH_SECONDS = 300;

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** An https base URL (http only to loopback), without query or fragment, trailing slashes removed. */
function baseUrl(env: Env, name: string, fallback: string): { url: string; loopback: boolean } {
  const value = read(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `"${value}" is not a URL; expected e.g. ${fallback}`);
  }
  const loopback = LOOPBACK_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new ConfigError(
      name,
      `"${value}" must start with https:// (plain http only to 127.0.0.1 for local testing).`,
    );
  if (url.search || url.hash) throw new ConfigError(name, `"${value}" must not carry a query or fragment.`);
  return { url: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, loopback };
}

function parseGraph(
  env: Env,
  app: { localMode: boolean; appId: string; appPassword: string; appType: AppType; appTenantId: string },
): GraphConfig {
  const enabled = oneOf(env, 'GRAPH_CHECKS', ['on', 'off'], 'off') === 'on';
  const cloud = oneOf<GraphCloud>(env, 'GRAPH_CLOUD', ['Global', 'USGov', 'USGovDoD', 'China'], 'Global');
  const graph = baseUrl(env, 'GRAPH_BASE_URL', GRAPH_CLOUDS[cloud].graph);
  const authority = baseUrl(env, 'GRAPH_AUTHORITY_HOST', GRAPH_CLOUDS[cloud].login);
  // @azure/identity signs in only over https and would otherwise stop the bot at start-up with its own message.
  if (!authority.url.startsWith('https://'))
    throw new ConfigError(
      'GRAPH_AUTHORITY_HOST',
      `"${authority.url}" must start with https:// even on 127.0.0.1: the Azure identity library signs in only over https.`,
    );
  const watchSeconds = integerIn(
    env,
    'GRAPH_WATCH_SECONDS',
    0,
    86_400,
    DEFAULT_GRAPH_WATCH_SECONDS,
    'a number of seconds from 0 (off) to 86400',
  );
  // Each watch check may cost a Graph round, and the client allows one round per tenant per minute anyway.
  if (watchSeconds > 0 && watchSeconds < 60)
    throw new ConfigError(
      'GRAPH_WATCH_SECONDS',
      `"${watchSeconds}" is too short; use 60 or more, or 0 to switch the watch off.`,
    );
  const off: GraphConfig = {
    enabled: false,
    cloud,
    baseUrl: graph.url,
    authorityHost: authority.url,
    tenantId: '',
    watchSeconds,
    simulated: false,
  };
  if (!enabled) return off;

  if (app.localMode) {
    // Without an app registration there is no identity to read a real tenant with: only loopback stand-ins. The
    // simulated tenant has its own variable because MicrosoftAppTenantId marks a real deployment (refused here).
    const simulated = read(env, 'GRAPH_SIMULATED_TENANT_ID');
    if (!simulated || !GUID.test(simulated)) {
      throw new ConfigError(
        'GRAPH_SIMULATED_TENANT_ID',
        'must be a tenant id (GUID) with GRAPH_CHECKS=on without MicrosoftAppId: the simulated tenant whose conversations may be checked (npm run playground sets it).',
      );
    }
    if (!graph.loopback) {
      throw new ConfigError(
        'GRAPH_BASE_URL',
        'must point at 127.0.0.1 when GRAPH_CHECKS=on without MicrosoftAppId: local mode has no identity to read a real tenant. Set MicrosoftAppId to read your tenant.',
      );
    }
    const identity = read(env, 'IDENTITY_ENDPOINT');
    if (!identity || !LOOPBACK_HOSTS.includes(safeHostname(identity))) {
      throw new ConfigError(
        'IDENTITY_ENDPOINT',
        'must point at a token stand-in on 127.0.0.1 when GRAPH_CHECKS=on without MicrosoftAppId (npm run playground sets it).',
      );
    }
    return {
      ...off,
      enabled: true,
      tenantId: simulated.toLowerCase(),
      credential: { kind: 'managedIdentity' },
      simulated: true,
    };
  }
  if (read(env, 'GRAPH_SIMULATED_TENANT_ID')) {
    throw new ConfigError(
      'GRAPH_SIMULATED_TENANT_ID',
      'is only for local mode (no MicrosoftAppId); a deployment reads the tenant in MicrosoftAppTenantId.',
    );
  }
  if (app.appType === 'MultiTenant') {
    throw new ConfigError(
      'GRAPH_CHECKS',
      'needs MicrosoftAppType=SingleTenant or UserAssignedMSI: tenant checks read only the tenant the bot is registered in.',
    );
  }
  const credential: GraphCredentialConfig =
    app.appType === 'UserAssignedMSI'
      ? { kind: 'managedIdentity', clientId: app.appId }
      : { kind: 'clientSecret', clientId: app.appId, secret: app.appPassword };
  return { ...off, enabled: true, tenantId: app.appTenantId.toLowerCase(), credential };
}

function safeHostname(value: string): string {
  try {
    return new URL(value).hostname;
  } catch {
    return '';
  }
}
