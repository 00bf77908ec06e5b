/**
 * Filling and validating the Teams app manifest. Validation uses the official JSON schema for the
 * manifest's own manifestVersion, read offline from @microsoft/app-manifest, and the same ajv set-up
 * as that package's AppManifestUtils.validateAgainstSchema (the Agents Toolkit's check).
 *
 * AppManifestUtils itself is not imported: its module graph pulls in strip-bom 5, which is ESM-only,
 * and jest on Node 20 cannot require ESM. Its validator is rebuilt here from the package's own ajv
 * dependencies, and a test cross-checks the two in a plain Node process.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { APP_VERSION_PATTERN, DOMAIN_PATTERN, GUID_PATTERN } from './values';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}$/;

export interface FillResult {
  readonly manifest: JsonObject;
  readonly problems: readonly string[];
}

/** `bots[0].botId` style, because that is how people read and search a manifest. */
export function displayPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  }
  return out || '(top level)';
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Replaces `${{NAME}}` in every string value. The template is parsed first and values are put into
 * parsed strings, so a value containing quotes or backslashes cannot break the JSON.
 * An array entry that is exactly one placeholder whose value is empty is dropped: that is how an
 * optional value (BOT_DOMAIN in validDomains) is left out. Unknown or empty values elsewhere stay
 * as placeholders and are reported.
 */
export function fillManifest(
  template: string | JsonObject,
  values: Readonly<Record<string, string | undefined>>,
): FillResult {
  const problems: string[] = [];
  let parsed: Json;
  if (typeof template === 'string') {
    try {
      parsed = JSON.parse(template) as Json;
    } catch (error) {
      return { manifest: {}, problems: [`manifest.json is not valid JSON: ${(error as Error).message}`] };
    }
  } else {
    parsed = structuredClone(template);
  }
  if (!isObject(parsed)) {
    return { manifest: {}, problems: ['manifest.json must contain a JSON object.'] };
  }

  const fillString = (text: string, at: (string | number)[]): string =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) {
        problems.push(
          `manifest.json uses \${{${name}}} at ${displayPath(at)}, but ${name} has no value: set it in .env or the environment.`,
        );
        return whole;
      }
      if (value === '') {
        problems.push(
          `${name} is empty, but manifest.json needs it at ${displayPath(at)}: set it in .env or the environment.`,
        );
        return whole;
      }
      return value;
    });

  const walk = (node: Json, at: (string | number)[]): Json => {
    if (typeof node === 'string') return fillString(node, at);
    if (Array.isArray(node)) {
      const out: Json[] = [];
      node.forEach((item, index) => {
        const whole = typeof item === 'string' ? WHOLE_PLACEHOLDER.exec(item) : null;
        if (whole && values[whole[1] ?? ''] === '') return;
        out.push(walk(item, [...at, index]));
      });
      return out;
    }
    if (isObject(node)) {
      const out: JsonObject = {};
      for (const [key, child] of Object.entries(node)) out[key] = walk(child, [...at, key]);
      return out;
    }
    return node;
  };

  return { manifest: walk(parsed, []) as JsonObject, problems };
}

function appManifestPackageJson(): string {
  return require.resolve('@microsoft/app-manifest/package.json');
}

function schemaRoot(): string {
  return path.join(path.dirname(appManifestPackageJson()), 'build', 'json-schemas', 'teams');
}

/** The manifest versions whose schema the installed @microsoft/app-manifest ships, oldest first. */
export function shippedManifestVersions(): string[] {
  const versionOf = (dir: string): number[] => dir.slice(2).split('.').map(Number);
  return fs
    .readdirSync(schemaRoot())
    .filter(
      (dir) => /^v\d+\.\d+$/.test(dir) && fs.existsSync(path.join(schemaRoot(), dir, 'MicrosoftTeams.schema.json')),
    )
    .sort((a, b) => {
      const [a1 = 0, a2 = 0] = versionOf(a);
      const [b1 = 0, b2 = 0] = versionOf(b);
      return a1 - b1 || a2 - b2;
    })
    .map((dir) => dir.slice(1));
}

export function schemaUrlFor(manifestVersion: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`;
}

export function officialSchemaFile(manifestVersion: string): string | undefined {
  if (!/^\d+\.\d+$/.test(manifestVersion)) return undefined;
  const file = path.join(schemaRoot(), `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  return fs.existsSync(file) ? file : undefined;
}

/** The parts of an ajv error object this module reads; ajv is the package's dependency, not ours. */
interface SchemaError {
  readonly instancePath: string;
  readonly message?: string;
  readonly params: Readonly<Record<string, unknown>>;
}
interface SchemaValidator {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null;
}
interface AjvInstance {
  compile(schema: object): SchemaValidator;
}
type AjvConstructor = new (options: Record<string, unknown>) => AjvInstance;

const validatorCache = new Map<string, SchemaValidator>();

/**
 * Compiles the shipped schema with the package's own ajv, resolved from the package's folder so the
 * versions are the ones it was published with. Reads files only: never goes to the network.
 */
function officialValidator(manifestVersion: string): SchemaValidator | undefined {
  const cached = validatorCache.get(manifestVersion);
  if (cached) return cached;
  const file = officialSchemaFile(manifestVersion);
  if (!file) return undefined;
  // Same clean-up as the package's loader: some published schemas carry \a and \v escapes that
  // ajv's unicode regular expressions reject.
  const schema = JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as {
    $schema?: string;
  };
  const requireFromPackage = createRequire(appManifestPackageJson());
  const load = <T>(id: string): T => {
    const loaded = requireFromPackage(id) as { default?: T } & T;
    return loaded.default ?? loaded;
  };
  const Ajv = schema.$schema?.includes('2020-12')
    ? load<AjvConstructor>('ajv/dist/2020')
    : load<AjvConstructor>('ajv-draft-04');
  const addFormats = load<(ajv: AjvInstance, formats: string[]) => void>('ajv-formats');
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  validatorCache.set(manifestVersion, validate);
  return validate;
}

function valueAt(root: Json, pointer: string): Json | undefined {
  let node: Json | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}

function pointerToDisplay(pointer: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  return displayPath(segments);
}

/** Names the field in manifest notation and adds the offending value, which raw ajv output leaves out. */
function readableSchemaError(error: SchemaError, manifest: JsonObject): string | undefined {
  const value = valueAt(manifest, error.instancePath);
  // A placeholder left in a field is reported once, as a placeholder, not again as a bad GUID or URL.
  if (typeof value === 'string' && value.includes('${{')) return undefined;

  const params = error.params;
  let detail = '';
  if (typeof params.additionalProperty === 'string')
    detail = ` ("${params.additionalProperty}" is not a property the schema allows here)`;
  else if (Array.isArray(params.allowedValues))
    detail = ` (allowed: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}; found ${JSON.stringify(value)})`;
  else if (typeof params.limit === 'number' && (typeof value === 'string' || Array.isArray(value)))
    detail = ` (it has ${value.length})`;
  else if (typeof params.pattern === 'string') detail = ` (found ${JSON.stringify(value)})`;
  return `${pointerToDisplay(error.instancePath)}: ${error.message ?? 'is invalid'}${detail} [official schema]`;
}

export interface ValidateOptions {
  /** Set when fillManifest already reported the missing values, so the leftovers are not listed twice. */
  readonly placeholdersReported?: boolean;
}

function collectPlaceholders(node: Json, at: (string | number)[], out: string[]): void {
  if (typeof node === 'string') {
    for (const match of node.matchAll(PLACEHOLDER)) {
      out.push(
        `${displayPath(at)} still contains \${{${match[1]}}}: set ${match[1]} in .env or the environment, or fill it before packaging.`,
      );
    }
  } else if (Array.isArray(node)) {
    node.forEach((item, index) => collectPlaceholders(item, [...at, index], out));
  } else if (isObject(node)) {
    for (const [key, child] of Object.entries(node)) collectPlaceholders(child, [...at, key], out);
  }
}

/** Our own rules first (what the schema leaves out, or what it words badly), then the official schema. */
export function validateManifest(manifest: JsonObject, options: ValidateOptions = {}): string[] {
  const problems: string[] = [];
  if (!options.placeholdersReported) collectPlaceholders(manifest, [], problems);

  const manifestVersion = manifest.manifestVersion;
  const validate = typeof manifestVersion === 'string' ? officialValidator(manifestVersion) : undefined;
  if (typeof manifestVersion !== 'string') {
    problems.push('manifestVersion is missing; it selects the official schema the manifest is checked against.');
  } else if (!validate) {
    const shipped = shippedManifestVersions();
    problems.push(
      `manifestVersion "${manifestVersion}" has no schema in @microsoft/app-manifest; use one of ${shipped.slice(-5).join(', ')} (newest: ${shipped[shipped.length - 1] ?? 'none'}).`,
    );
  }

  const declared = manifest.$schema;
  if (
    typeof declared === 'string' &&
    typeof manifestVersion === 'string' &&
    !declared.includes(`/v${manifestVersion}/`)
  ) {
    problems.push(
      `$schema "${declared}" does not match manifestVersion ${manifestVersion}; expected ${schemaUrlFor(manifestVersion)}.`,
    );
  }

  // The schemas define a semver pattern but do not apply it to `version`; Teams does.
  const version = manifest.version;
  if (typeof version === 'string' && !version.includes('${{') && !APP_VERSION_PATTERN.test(version)) {
    problems.push(`version "${version}" is not MAJOR.MINOR.PATCH (e.g. 1.0.0); Teams rejects other forms.`);
  }

  const bots = manifest.bots;
  if (!Array.isArray(bots) || bots.length !== 1 || !isObject(bots[0])) {
    problems.push('bots must declare exactly one bot: this app is the Sync Guide bot.');
  } else {
    const botId = bots[0].botId;
    if (botId === undefined || botId === '') {
      problems.push(
        "bots[0].botId is missing: it must be the Azure Bot's Microsoft App ID (BOT_ID or MicrosoftAppId).",
      );
    } else if (typeof botId === 'string' && !botId.includes('${{') && !GUID_PATTERN.test(botId)) {
      problems.push(`bots[0].botId "${botId}" is not a GUID; it must be the Azure Bot's Microsoft App ID.`);
    }
  }

  const domains = manifest.validDomains;
  if (Array.isArray(domains)) {
    domains.forEach((domain, index) => {
      if (typeof domain === 'string' && !domain.includes('${{') && !DOMAIN_PATTERN.test(domain)) {
        problems.push(`validDomains[${index}] "${domain}" is not a bare host name (no https://, no path).`);
      }
    });
  }

  // A JSON round trip drops undefined-valued keys, which ajv would count as additional properties.
  if (validate && !validate(JSON.parse(JSON.stringify(manifest)))) {
    for (const error of validate.errors ?? []) {
      const readable = readableSchemaError(error, manifest);
      if (readable && !problems.includes(readable)) problems.push(readable);
    }
  }
  return problems;
}
