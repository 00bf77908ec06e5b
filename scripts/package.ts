/**
 * `npm run package [-- --env <file>] [--out <file>] [--strict]`: builds build/appPackage.zip from
 * manifest/ with the per-deployment values from .env and the environment. Exits 1 with a numbered
 * list of problems when anything fails; never changes the version on its own.
 */
import * as path from 'path';
import { findRepoRoot, numbered, packageApp, readEnv, readPackageVersion } from './lib/appPackage';
import { VARIABLES } from './lib/values';

interface Args {
  envFile: string;
  outFile: string;
  strict: boolean;
  help: boolean;
}

function parseArgs(argv: readonly string[], root: string): Args | string {
  const args: Args = {
    envFile: path.join(root, '.env'),
    outFile: path.join(root, 'build', 'appPackage.zip'),
    strict: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = (): string | undefined => argv[++i];
    if (arg === '--env') {
      const value = next();
      if (!value) return '--env needs a file name.';
      args.envFile = path.resolve(value);
    } else if (arg === '--out') {
      const value = next();
      if (!value) return '--out needs a file name.';
      args.outFile = path.resolve(value);
    } else if (arg === '--strict') {
      args.strict = true;
    } else if (arg === '--help' || arg === '-h') {
      args.help = true;
    } else {
      return `Unknown argument "${arg}"; try --help.`;
    }
  }
  return args;
}

function usage(): string {
  const rows = VARIABLES.map((v) => `  ${v.name}\n      default: ${v.defaultText}\n      ${v.description}`).join('\n');
  return [
    'Usage: npm run package [-- --env <file>] [--out <file>] [--strict]',
    '',
    'Fills manifest/manifest.json from .env and the environment (the environment wins), validates it',
    'against the official Teams schema for its manifestVersion, checks the icons and writes',
    'build/appPackage.zip. --strict also fails on warnings (placeholder developer URLs).',
    '',
    'Variables:',
    rows,
  ].join('\n');
}

async function main(): Promise<number> {
  const root = findRepoRoot(process.cwd());
  const args = parseArgs(process.argv.slice(2), root);
  if (typeof args === 'string') {
    console.error(args);
    return 1;
  }
  if (args.help) {
    console.log(usage());
    return 0;
  }

  const result = await packageApp({
    templateFile: path.join(root, 'manifest', 'manifest.json'),
    iconsDir: path.join(root, 'manifest'),
    outFile: args.outFile,
    env: readEnv(args.envFile, process.env),
    packageVersion: readPackageVersion(root),
    strict: args.strict,
  });

  if (result.warnings.length && !args.strict) console.warn(`Warnings:\n${numbered(result.warnings)}\n`);
  if (result.problems.length || !result.manifest) {
    const count = result.problems.length === 1 ? 'this problem' : `these ${result.problems.length} problems`;
    console.error(`The Teams app package was not built. Fix ${count}:\n${numbered(result.problems)}`);
    return 1;
  }

  const m = result.manifest;
  const bots = Array.isArray(m.bots) ? m.bots : [];
  const bot = bots[0];
  const botId = typeof bot === 'object' && bot !== null && !Array.isArray(bot) ? bot.botId : undefined;
  console.log(
    [
      `Built ${path.relative(process.cwd(), args.outFile) || args.outFile}`,
      `  manifestVersion ${String(m.manifestVersion)} (validated against the official schema, offline)`,
      `  app version     ${String(m.version)}`,
      `  app id          ${String(m.id)}`,
      `  bot id          ${String(botId)}`,
      `  validDomains    ${Array.isArray(m.validDomains) && m.validDomains.length ? m.validDomains.join(', ') : '(none)'}`,
      'Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center.',
    ].join('\n'),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `npm run package failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
