/**
 * Runs the same checks as `npm run package` against the committed manifest template and icons, and
 * shows that each kind of mistake comes back as a readable problem rather than a raw ajv dump.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import {
  fillManifest,
  officialSchemaFile,
  shippedManifestVersions,
  validateManifest,
  type JsonObject,
} from '../../scripts/lib/manifest';
import { checkIcons, drawColorIcon, drawOutlineIcon, pixelsOf } from '../../scripts/lib/icons';
import { packageApp } from '../../scripts/lib/appPackage';
import { resolveValues } from '../../scripts/lib/values';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST_DIR = path.join(ROOT, 'manifest');
const TEMPLATE = fs.readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8');
const BOT_ID = '3f2c1a9e-5b7d-4e60-9a1b-2c3d4e5f6a7b';
const OTHER_APP_ID = 'a1b2c3d4-e5f6-4a5b-8c7d-0123456789ab';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-guide-package-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The committed template filled the way `npm run package` fills it, from a minimal .env. */
function filledTemplate(env: Record<string, string> = { BOT_ID, BOT_DOMAIN: 'sync-guide.example.net' }): JsonObject {
  const resolved = resolveValues(env, '1.2.3');
  expect(resolved.problems).toEqual([]);
  const filled = fillManifest(TEMPLATE, resolved.values);
  expect(filled.problems).toEqual([]);
  return filled.manifest;
}

function bot(manifest: JsonObject): JsonObject {
  return (manifest.bots as JsonObject[])[0];
}

describe('the committed manifest template', () => {
  it('validates against the official schema for its manifestVersion once filled', async () => {
    const manifest = filledTemplate();
    expect(shippedManifestVersions()).toContain(manifest.manifestVersion);
    expect(validateManifest(manifest)).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(BOT_ID);
    expect(bot(manifest).botId).toBe(BOT_ID);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.validDomains).toEqual(['sync-guide.example.net']);
  });

  it('declares the bot in all three scopes with a command list per scope', () => {
    const b = bot(filledTemplate());
    expect(b.scopes).toEqual(['personal', 'team', 'groupChat']);
    // The report is offered as a file in personal chat (file consent card).
    expect(b.supportsFiles).toBe(true);
    expect(b.isNotificationOnly).toBe(false);
    const lists = b.commandLists as { scopes: string[]; commands: { title: string; description: string }[] }[];
    const titles = (scope: string): string[] =>
      lists.find((l) => l.scopes.includes(scope))?.commands.map((c) => c.title) ?? [];
    expect(lists.every((l) => l.scopes.length === 1)).toBe(true);
    // Teams shows at most 10 commands per list, so the tenant checks' two take the places of "why" and "start over"
    // in personal chat (the status card's "Why this tool", and help, still offer them) and of "restore" in teams
    // and group chats, which is rare; "what's next" stays there because it is what a channel asks most.
    expect(titles('personal')).toEqual([
      'start',
      "what's next",
      'status',
      'tasks',
      'history',
      'share',
      'my tasks',
      'check',
      'watch on',
      'help',
    ]);
    expect(lists.every((l) => l.commands.length <= 10)).toBe(true);
    const group = [
      'start',
      "what's next",
      'status',
      'tasks',
      'history',
      'remind daily',
      'check',
      'watch on',
      'report',
      'help',
    ];
    expect(titles('team')).toEqual(group);
    expect(titles('groupChat')).toEqual(group);
    // Both tenant commands say they depend on the opt-in, so nobody expects them on a bot that has it off.
    for (const command of lists
      .flatMap((l) => l.commands)
      .filter((c) => c.title === 'check' || c.title === 'watch on')) {
      expect(command.description).toMatch(/read-only/);
      expect(command.description).toMatch(/tenant checks are on/);
    }
    // Older schema versions cap these at 32 and 128 characters; staying inside keeps older clients happy.
    for (const command of lists.flatMap((l) => l.commands)) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('drops the validDomains entry when BOT_DOMAIN is unset, and reuses BOT_ID unless TEAMS_APP_ID is set', async () => {
    const manifest = filledTemplate({ BOT_ID, TEAMS_APP_ID: OTHER_APP_ID });
    expect(manifest.validDomains).toEqual([]);
    expect(manifest.id).toBe(OTHER_APP_ID);
    expect(bot(manifest).botId).toBe(BOT_ID);
    expect(validateManifest(manifest)).toEqual([]);
  });
});

describe('configuration values', () => {
  it('falls back to MicrosoftAppId for BOT_ID and to the package version for APP_VERSION', () => {
    const { values, problems } = resolveValues({ MicrosoftAppId: BOT_ID }, '0.4.0');
    expect(problems).toEqual([]);
    expect(values.BOT_ID).toBe(BOT_ID);
    expect(values.TEAMS_APP_ID).toBe(BOT_ID);
    expect(values.APP_VERSION).toBe('0.4.0');
  });

  it('names the variable when BOT_ID is missing or not a GUID', () => {
    expect(resolveValues({}, '1.0.0').problems).toEqual([expect.stringMatching(/^BOT_ID is not set .*MicrosoftAppId/)]);
    expect(resolveValues({ BOT_ID: 'my-bot' }, '1.0.0').problems).toEqual([
      expect.stringMatching(/^BOT_ID "my-bot" is not a GUID/),
    ]);
    expect(resolveValues({ MicrosoftAppId: 'nope' }, '1.0.0').problems).toEqual([
      expect.stringMatching(/^MicrosoftAppId "nope" is not a GUID/),
    ]);
  });

  it('rejects a version that is not MAJOR.MINOR.PATCH, a domain with a scheme and a non-https URL', () => {
    const { problems } = resolveValues(
      {
        BOT_ID,
        APP_VERSION: '1.0',
        BOT_DOMAIN: 'https://bot.example.net/api/messages',
        DEVELOPER_PRIVACY_URL: 'ftp://x',
      },
      '1.0.0',
    );
    expect(problems).toEqual([
      expect.stringContaining('APP_VERSION "1.0" is not MAJOR.MINOR.PATCH'),
      expect.stringContaining('BOT_DOMAIN "https://bot.example.net/api/messages" is not a bare host name'),
      expect.stringContaining('DEVELOPER_PRIVACY_URL "ftp://x" is not an https URL'),
    ]);
  });

  it('warns, without failing, while the developer URLs are the placeholders', () => {
    const result = resolveValues({ BOT_ID }, '1.0.0');
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      expect.stringContaining('DEVELOPER_WEBSITE_URL, DEVELOPER_PRIVACY_URL, DEVELOPER_TERMS_URL are not set'),
    ]);
  });
});

describe('manifest problems are reported readably', () => {
  const readable = (problems: readonly string[]): void => {
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p).not.toContain('Details:');
      expect(p).not.toMatch(/^\s*\//);
    }
  };

  it('a missing botId', async () => {
    const manifest = filledTemplate();
    delete bot(manifest).botId;
    const problems = validateManifest(manifest);
    readable(problems);
    expect(problems).toContain(
      "bots[0].botId is missing: it must be the Azure Bot's Microsoft App ID (BOT_ID or MicrosoftAppId).",
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^bots\[0\]: must have required property 'botId' \[official schema\]$/),
    );
  });

  it('a version that is not semver', async () => {
    const manifest = { ...filledTemplate(), version: '1.0' };
    const problems = validateManifest(manifest);
    readable(problems);
    expect(problems).toEqual(['version "1.0" is not MAJOR.MINOR.PATCH (e.g. 1.0.0); Teams rejects other forms.']);
  });

  it('a short description over 80 characters', async () => {
    const manifest = filledTemplate();
    manifest.description = { ...(manifest.description as JsonObject), short: 'x'.repeat(95) };
    const problems = validateManifest(manifest);
    readable(problems);
    expect(problems).toEqual([
      'description.short: must NOT have more than 80 characters (it has 95) [official schema]',
    ]);
  });

  it('a placeholder with no value', async () => {
    const template = TEMPLATE.replace('"${{BOT_ID}}"', '"${{BOT_ID_TYPO}}"');
    const resolved = resolveValues({ BOT_ID }, '1.0.0');
    const filled = fillManifest(template, resolved.values);
    expect(filled.problems).toEqual([
      'manifest.json uses ${{BOT_ID_TYPO}} at bots[0].botId, but BOT_ID_TYPO has no value: set it in .env or the environment.',
    ]);
    // Checked on its own (e.g. a manifest filled elsewhere), the leftover is named once, not also as a bad GUID.
    const problems = validateManifest(filled.manifest);
    readable(problems);
    expect(problems).toEqual([
      'bots[0].botId still contains ${{BOT_ID_TYPO}}: set BOT_ID_TYPO in .env or the environment, or fill it before packaging.',
    ]);
  });

  it('an unknown manifestVersion and a mismatched $schema', async () => {
    const manifest = { ...filledTemplate(), manifestVersion: '1.18' };
    const problems = validateManifest(manifest);
    readable(problems);
    expect(problems[0]).toMatch(
      /^manifestVersion "1\.18" has no schema in @microsoft\/app-manifest; use one of .*newest: 1\.\d+/,
    );
    expect(problems[1]).toMatch(/^\$schema ".*v1\.30.*" does not match manifestVersion 1\.18/);
  });

  it('a property the schema does not know', async () => {
    const manifest = { ...filledTemplate(), botName: 'Sync Guide' };
    const problems = validateManifest(manifest);
    expect(problems).toEqual([
      '(top level): must NOT have additional properties ("botName" is not a property the schema allows here) [official schema]',
    ]);
  });
});

describe('icons', () => {
  it('the committed icons have the Teams sizes and a transparent, white-only outline', () => {
    expect(checkIcons(MANIFEST_DIR)).toEqual([]);
    const color = pixelsOf(fs.readFileSync(path.join(MANIFEST_DIR, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = pixelsOf(fs.readFileSync(path.join(MANIFEST_DIR, 'outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const alphas = Array.from({ length: 32 * 32 }, (_, i) => outline.data[i * 4 + 3] ?? 0);
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(32 * 32 * 0.5);
    expect(alphas.some((a) => a === 255)).toBe(true);
    expect(outline.data[3]).toBe(0);
  });

  it('the committed icons are what scripts/make-icons.ts draws (run npm run icons after changing it)', () => {
    expect(
      pixelsOf(fs.readFileSync(path.join(MANIFEST_DIR, 'color.png'))).data.equals(pixelsOf(drawColorIcon()).data),
    ).toBe(true);
    expect(
      pixelsOf(fs.readFileSync(path.join(MANIFEST_DIR, 'outline.png'))).data.equals(pixelsOf(drawOutlineIcon()).data),
    ).toBe(true);
  });

  it('reports a wrong size, an opaque outline and a missing file', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'icons-'));
    const opaque = new PNG({ width: 16, height: 16 });
    opaque.data.fill(255);
    fs.writeFileSync(path.join(dir, 'outline.png'), PNG.sync.write(opaque));
    const problems = checkIcons(dir);
    expect(problems).toEqual([
      expect.stringMatching(/^color icon .*color\.png is missing; run npm run icons/),
      'outline icon outline.png is 16×16; Teams needs 32×32.',
      'outline icon outline.png has no transparent pixels; its background must be transparent.',
    ]);
  });
});

describe('packageApp (what npm run package does)', () => {
  it('writes a zip with exactly manifest.json and the two icons, the bot id filled in', async () => {
    const outFile = path.join(tmp, 'out', 'appPackage.zip');
    const result = await packageApp({
      templateFile: path.join(MANIFEST_DIR, 'manifest.json'),
      iconsDir: MANIFEST_DIR,
      outFile,
      env: { MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'sync-guide.example.net' },
      packageVersion: '0.1.0',
    });
    expect(result.problems).toEqual([]);
    const zip = await JSZip.loadAsync(fs.readFileSync(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = await zip.file('manifest.json')?.async('string');
    const manifest = JSON.parse(text ?? '{}') as JsonObject;
    expect(bot(manifest).botId).toBe(BOT_ID);
    expect(manifest.version).toBe('0.1.0');
    expect(text).not.toContain('${{');
    expect(validateManifest(manifest)).toEqual([]);
    const icon = await zip.file('outline.png')?.async('nodebuffer');
    expect(icon?.equals(fs.readFileSync(path.join(MANIFEST_DIR, 'outline.png')))).toBe(true);
  });

  it('writes nothing and lists the problems when the configuration is wrong', async () => {
    const outFile = path.join(tmp, 'bad', 'appPackage.zip');
    const result = await packageApp({
      templateFile: path.join(MANIFEST_DIR, 'manifest.json'),
      iconsDir: MANIFEST_DIR,
      outFile,
      env: { APP_VERSION: 'v2' },
      packageVersion: '0.1.0',
    });
    expect(result.problems).toEqual([
      expect.stringMatching(/^BOT_ID is not set/),
      expect.stringMatching(/^APP_VERSION "v2" is not MAJOR\.MINOR\.PATCH/),
    ]);
    expect(fs.existsSync(outFile)).toBe(false);
  });

  it('--strict turns the placeholder-URL warning into a problem', async () => {
    const result = await packageApp({
      templateFile: path.join(MANIFEST_DIR, 'manifest.json'),
      iconsDir: MANIFEST_DIR,
      outFile: path.join(tmp, 'strict', 'appPackage.zip'),
      env: { BOT_ID },
      packageVersion: '0.1.0',
      strict: true,
    });
    expect(result.problems).toEqual([expect.stringMatching(/DEVELOPER_WEBSITE_URL.*\(--strict\)$/)]);
    expect(result.manifest).toBeUndefined();
  });
});

describe('agreement with the official package', () => {
  /**
   * AppManifestUtils cannot be loaded inside jest (an ESM-only dependency), so it runs in a plain
   * Node process; our validator must flag exactly the fields it flags.
   */
  function officialErrors(manifest: JsonObject): string[] {
    const schemaFile = officialSchemaFile(String(manifest.manifestVersion));
    const script = `
      const fs = require('fs');
      const { AppManifestUtils } = require('@microsoft/app-manifest');
      const input = JSON.parse(fs.readFileSync(0, 'utf8'));
      const schema = JSON.parse(fs.readFileSync(input.schemaFile, 'utf8'));
      AppManifestUtils.validateAgainstSchema(input.manifest, schema).then((errors) => process.stdout.write(JSON.stringify(errors)));
    `;
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: ROOT,
      input: JSON.stringify({ manifest, schemaFile }),
      encoding: 'utf8',
    });
    return JSON.parse(out) as string[];
  }

  it('AppManifestUtils.validateAgainstSchema accepts the filled template and flags the same field we do', () => {
    const good = filledTemplate();
    expect(officialErrors(good)).toEqual([]);
    const bad = filledTemplate();
    bad.description = { ...(bad.description as JsonObject), short: 'x'.repeat(95) };
    bad.accentColor = 'blue';
    const theirs = officialErrors(bad).map((e) => e.split(' ')[0]);
    const ours = validateManifest(bad).map((p) => p.split(':')[0]);
    expect(theirs.sort()).toEqual(['/accentColor', '/description/short']);
    expect(ours.sort()).toEqual(['accentColor', 'description.short']);
  });
});

describe('the npm run package command line', () => {
  // The script runs from its TypeScript source through the transpile hook, as the other script tests do; that it
  // compiles on its own (what `npm run package` does first) is the whole-tree type check's and the architecture test's
  // part, and compiling it here cost tsc about 6.5 s of CPU.
  const REGISTER_TS = path.join(ROOT, 'tests', 'fixtures', 'register-ts.js');

  /** A clean environment, so the developer's own MicrosoftAppId or .env cannot leak into the result. */
  function run(
    env: Record<string, string>,
    ...args: string[]
  ): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(
      process.execPath,
      ['-r', REGISTER_TS, path.join(ROOT, 'scripts', 'package.ts'), '--env', path.join(tmp, 'no.env'), ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', NODE_PATH: path.join(ROOT, 'node_modules'), ...env },
        encoding: 'utf8',
      },
    );
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('exits 1 with a numbered list naming the variables', () => {
    const result = run({ APP_VERSION: '2' }, '--out', path.join(tmp, 'cli-bad.zip'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The Teams app package was not built. Fix these 2 problems:');
    expect(result.stderr).toMatch(/ {2}1\. BOT_ID is not set/);
    expect(result.stderr).toMatch(/ {2}2\. APP_VERSION "2" is not MAJOR\.MINOR\.PATCH/);
    expect(fs.existsSync(path.join(tmp, 'cli-bad.zip'))).toBe(false);
  });

  it('builds the zip where --out says and prints what went into it', () => {
    const out = path.join(tmp, 'cli', 'appPackage.zip');
    const result = run(
      {
        BOT_ID,
        DEVELOPER_WEBSITE_URL: 'https://contoso.example/it',
        DEVELOPER_PRIVACY_URL: 'https://contoso.example/privacy',
        DEVELOPER_TERMS_URL: 'https://contoso.example/terms',
      },
      '--out',
      out,
      '--strict',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`bot id          ${BOT_ID}`);
    expect(fs.existsSync(out)).toBe(true);
  });
});
