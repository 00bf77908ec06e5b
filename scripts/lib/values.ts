/**
 * The per-deployment values that fill the `${{NAME}}` placeholders of manifest/manifest.json.
 * Environment variables win over `.env`, as with dotenv's default, so CI can override a checked-out file.
 */

export type Env = Readonly<Record<string, string | undefined>>;

export interface Variable {
  readonly name: string;
  /** What the README's configuration table should say about the default. */
  readonly defaultText: string;
  readonly description: string;
}

export const GUID_PATTERN = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** The app version pattern of the official schema's `semver` definition: Teams takes MAJOR.MINOR.PATCH only. */
export const APP_VERSION_PATTERN = /^([0-9]|[1-9]+[0-9]*)\.([0-9]|[1-9]+[0-9]*)\.([0-9]|[1-9]+[0-9]*)$/;
/** A host name (optionally `*.`-wildcarded) with an optional port: what Teams expects in validDomains. */
export const DOMAIN_PATTERN =
  /^(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(:[0-9]{1,5})?$/;

/**
 * Placeholder defaults for the developer pages: they pass the schema, so a test package can be
 * sideloaded at once, but they are not real pages, so packaging warns until they are replaced.
 */
export const DEFAULT_DEVELOPER_NAME = 'Entra Sync Guide contributors';
export const DEFAULT_WEBSITE_URL = 'https://example.com/entra-sync-guide';
export const DEFAULT_PRIVACY_URL = 'https://example.com/entra-sync-guide/privacy';
export const DEFAULT_TERMS_URL = 'https://example.com/entra-sync-guide/terms';

export const VARIABLES: readonly Variable[] = [
  {
    name: 'BOT_ID',
    defaultText: 'MicrosoftAppId (required: one of the two must be set)',
    description:
      "The Azure Bot's Microsoft App ID (the Entra app registration's client id, a GUID). Fills bots[0].botId.",
  },
  {
    name: 'TEAMS_APP_ID',
    defaultText: 'BOT_ID',
    description:
      "The Teams app's own id (a GUID). Reusing the bot id keeps a first deployment to one GUID; set a different one to keep two packages of the same bot apart (e.g. test and production) in one org catalog.",
  },
  {
    name: 'APP_VERSION',
    defaultText: 'the "version" of package.json',
    description:
      'The app package version, MAJOR.MINOR.PATCH. Never bumped by the script: raise it yourself before uploading a changed package, because Teams only treats a higher version as an update.',
  },
  {
    name: 'BOT_DOMAIN',
    defaultText: 'unset: validDomains stays empty',
    description:
      "The host name of the bot's messaging endpoint, without https:// or path (e.g. sync-guide.azurewebsites.net). Listed in validDomains so later Teams-hosted pages (task modules, sign-in) on that host are allowed. learn.microsoft.com is deliberately not listed: cards open Learn links in the browser (Action.OpenUrl), which validDomains does not govern.",
  },
  {
    name: 'DEVELOPER_NAME',
    defaultText: DEFAULT_DEVELOPER_NAME,
    description: 'Publisher name shown on the app details page (at most 32 characters).',
  },
  {
    name: 'DEVELOPER_WEBSITE_URL',
    defaultText: `${DEFAULT_WEBSITE_URL} (warns)`,
    description: 'Support or project page shown on the app details page (https).',
  },
  {
    name: 'DEVELOPER_PRIVACY_URL',
    defaultText: `${DEFAULT_PRIVACY_URL} (warns)`,
    description: "Your organization's privacy statement for the app (https).",
  },
  {
    name: 'DEVELOPER_TERMS_URL',
    defaultText: `${DEFAULT_TERMS_URL} (warns)`,
    description: 'Terms of use for the app (https).',
  },
];

export interface ResolvedValues {
  /** Every known placeholder name with its value; an empty string means "unset, drop the array entry". */
  readonly values: Readonly<Record<string, string>>;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
}

/** Trimmed value, or undefined when unset or blank (an empty line in .env means "not set"). */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function checkUrl(name: string, value: string, problems: string[]): void {
  if (!/^https:\/\/[^\s/]+/i.test(value)) {
    problems.push(`${name} "${value}" is not an https URL; Teams shows it as a link on the app details page.`);
  }
}

export function resolveValues(env: Env, packageVersion: string | undefined): ResolvedValues {
  const problems: string[] = [];
  const warnings: string[] = [];

  const botIdSource = read(env, 'BOT_ID') !== undefined ? 'BOT_ID' : 'MicrosoftAppId';
  const botId = read(env, 'BOT_ID') ?? read(env, 'MicrosoftAppId') ?? '';
  if (!botId) {
    problems.push(
      "BOT_ID is not set (and neither is MicrosoftAppId): put the Azure Bot's Microsoft App ID (a GUID) in .env as BOT_ID=... or MicrosoftAppId=...",
    );
  } else if (!GUID_PATTERN.test(botId)) {
    problems.push(
      `${botIdSource} "${botId}" is not a GUID; copy the app (client) id of the Azure Bot's Entra app registration.`,
    );
  }

  const teamsAppId = read(env, 'TEAMS_APP_ID') ?? botId;
  if (read(env, 'TEAMS_APP_ID') !== undefined && !GUID_PATTERN.test(teamsAppId)) {
    problems.push(`TEAMS_APP_ID "${teamsAppId}" is not a GUID; leave it unset to reuse BOT_ID.`);
  }

  const versionSource = read(env, 'APP_VERSION') !== undefined ? 'APP_VERSION' : 'package.json "version"';
  const version = read(env, 'APP_VERSION') ?? packageVersion?.trim() ?? '';
  if (!version) {
    problems.push(
      'APP_VERSION is not set and package.json has no "version": set APP_VERSION=MAJOR.MINOR.PATCH, e.g. 1.0.0.',
    );
  } else if (!APP_VERSION_PATTERN.test(version)) {
    problems.push(
      `${versionSource} "${version}" is not MAJOR.MINOR.PATCH (e.g. 1.0.0); the Teams manifest accepts no other form.`,
    );
  }

  const domain = read(env, 'BOT_DOMAIN') ?? '';
  if (domain && !DOMAIN_PATTERN.test(domain)) {
    problems.push(
      `BOT_DOMAIN "${domain}" is not a bare host name; write only the host of the messaging endpoint, e.g. sync-guide.azurewebsites.net (no https://, no path).`,
    );
  }

  const developerName = read(env, 'DEVELOPER_NAME') ?? DEFAULT_DEVELOPER_NAME;
  const urls: Record<string, string> = {};
  const defaulted: string[] = [];
  for (const [name, fallback] of [
    ['DEVELOPER_WEBSITE_URL', DEFAULT_WEBSITE_URL],
    ['DEVELOPER_PRIVACY_URL', DEFAULT_PRIVACY_URL],
    ['DEVELOPER_TERMS_URL', DEFAULT_TERMS_URL],
  ] as const) {
    const value = read(env, name);
    if (value === undefined) {
      defaulted.push(name);
      urls[name] = fallback;
    } else {
      checkUrl(name, value, problems);
      urls[name] = value;
    }
  }
  if (defaulted.length) {
    warnings.push(
      `${defaulted.join(', ')} ${defaulted.length === 1 ? 'is' : 'are'} not set; the app details page links to placeholder pages under ${DEFAULT_WEBSITE_URL}. Set ${defaulted.length === 1 ? 'it' : 'them'} before publishing to your org catalog.`,
    );
  }

  return {
    values: {
      BOT_ID: botId,
      TEAMS_APP_ID: teamsAppId,
      APP_VERSION: version,
      BOT_DOMAIN: domain,
      DEVELOPER_NAME: developerName,
      DEVELOPER_WEBSITE_URL: urls.DEVELOPER_WEBSITE_URL ?? DEFAULT_WEBSITE_URL,
      DEVELOPER_PRIVACY_URL: urls.DEVELOPER_PRIVACY_URL ?? DEFAULT_PRIVACY_URL,
      DEVELOPER_TERMS_URL: urls.DEVELOPER_TERMS_URL ?? DEFAULT_TERMS_URL,
    },
    problems,
    warnings,
  };
}
