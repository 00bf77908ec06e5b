/**
 * Builds the Teams app package: configuration → filled manifest → official-schema validation and
 * icon checks → zip. Nothing is written unless every check passes, so a zip in build/ is always one
 * that validated.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseDotenv } from 'dotenv';
import JSZip from 'jszip';
import { fillManifest, validateManifest, type JsonObject } from './manifest';
import { checkIcons, DEFAULT_ICON_NAMES, type IconNames } from './icons';
import { resolveValues, type Env } from './values';

/**
 * Walks up from `start` (the working directory, which npm sets to the repository) to the folder
 * holding both package.json and manifest/manifest.json.
 */
export function findRepoRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'manifest', 'manifest.json')))
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(
        `No folder with package.json and manifest/manifest.json above ${start}; run this from the repository.`,
      );
    dir = parent;
  }
}

/** `.env` values overlaid by the real environment, the precedence dotenv itself uses. */
export function readEnv(envFile: string | undefined, processEnv: Env): Env {
  const fromFile = envFile && fs.existsSync(envFile) ? parseDotenv(fs.readFileSync(envFile)) : {};
  return { ...fromFile, ...processEnv };
}

export function readPackageVersion(root: string): string | undefined {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

/** A fixed timestamp makes the same inputs give a byte-identical zip, so rebuilding shows no spurious change. */
const ZIP_DATE = new Date('2020-01-01T00:00:00Z');

export async function buildZip(manifest: JsonObject, iconsDir: string, names: IconNames): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  zip.file(names.color, fs.readFileSync(path.join(iconsDir, names.color)), { date: ZIP_DATE });
  zip.file(names.outline, fs.readFileSync(path.join(iconsDir, names.outline)), { date: ZIP_DATE });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export interface PackageOptions {
  /** manifest/manifest.json with `${{NAME}}` placeholders. */
  readonly templateFile: string;
  /** Folder holding the icons the manifest names. */
  readonly iconsDir: string;
  readonly outFile: string;
  /** Already merged `.env` + environment; passed in so tests never see the caller's environment. */
  readonly env: Env;
  readonly packageVersion: string | undefined;
  /** Treat warnings (placeholder developer URLs) as problems, for packages headed to an org catalog. */
  readonly strict?: boolean;
}

export interface PackageResult {
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  /** Set only when the zip was written. */
  readonly manifest?: JsonObject;
}

function iconNamesOf(manifest: JsonObject): IconNames {
  const icons = manifest.icons;
  if (typeof icons !== 'object' || icons === null || Array.isArray(icons)) return DEFAULT_ICON_NAMES;
  return {
    color: typeof icons.color === 'string' ? icons.color : DEFAULT_ICON_NAMES.color,
    outline: typeof icons.outline === 'string' ? icons.outline : DEFAULT_ICON_NAMES.outline,
  };
}

export async function packageApp(options: PackageOptions): Promise<PackageResult> {
  const resolved = resolveValues(options.env, options.packageVersion);
  const warnings = [...resolved.warnings];
  const problems: string[] = [...resolved.problems];
  if (options.strict) problems.push(...warnings.map((w) => `${w} (--strict)`));

  if (!fs.existsSync(options.templateFile)) {
    return { problems: [...problems, `The manifest template ${options.templateFile} does not exist.`], warnings };
  }
  const template = fs.readFileSync(options.templateFile, 'utf8');

  // Bad configuration would only resurface below as a cascade of schema errors about the same
  // fields, so report it alone (with the icons, which do not depend on it) and stop.
  if (resolved.problems.length) {
    const names = iconNamesOf(fillManifest(template, resolved.values).manifest);
    return { problems: [...problems, ...checkIcons(options.iconsDir, names)], warnings };
  }

  const filled = fillManifest(template, resolved.values);
  problems.push(...filled.problems);
  problems.push(...validateManifest(filled.manifest, { placeholdersReported: filled.problems.length > 0 }));
  const names = iconNamesOf(filled.manifest);
  problems.push(...checkIcons(options.iconsDir, names));
  if (problems.length) return { problems, warnings };

  const zip = await buildZip(filled.manifest, options.iconsDir, names);
  fs.mkdirSync(path.dirname(options.outFile), { recursive: true });
  fs.writeFileSync(options.outFile, zip);
  return { problems, warnings, manifest: filled.manifest };
}

export function numbered(lines: readonly string[]): string {
  return lines.map((line, i) => `  ${i + 1}. ${line}`).join('\n');
}
