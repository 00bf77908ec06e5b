/**
 * The Chromium that `npm install` brings: @sparticuz/chromium ships a headless Chromium inside its npm tarball,
 * brotli-compressed, with the shared libraries it needs (NSS, NSPR, expat) and a few fonts. This unpacks them
 * once per installed version into node_modules/.cache, so a machine with nothing but Node and npm can run the
 * browser tests: no Debian Chromium, no libnss3, nothing downloaded at test time.
 *
 * The package's own executablePath() unpacks into the shared temporary folder and reports it ready as soon as a
 * file of that name exists, so two test processes starting together could launch a half-written binary; and it
 * unpacks the libraries only on Amazon Linux. Here every unpacking goes to a private staging folder that is
 * renamed into place when complete, which makes it safe for concurrent jest workers and separate checkouts.
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar-fs';

export interface BundledChromium {
  readonly executablePath: string;
  /** Environment for the browser process: its libraries and fonts come from the unpacked folder. */
  readonly env: Readonly<Record<string, string>>;
}

const PACKAGE_BIN = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'bin');
const PROJECT_ROOT = join(__dirname, '..', '..');

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(PACKAGE_BIN, '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Raised whenever what gets unpacked changes, so a cache left by an older layout is not used. */
const LAYOUT = 2;

/** Where this installed version lives once unpacked. */
export function bundledChromiumDir(): string {
  return join(
    PROJECT_ROOT,
    'node_modules',
    '.cache',
    'entra-sync-guide',
    `chromium-${packageVersion()}-layout${LAYOUT}`,
  );
}

function describe(dir: string): BundledChromium {
  return {
    executablePath: join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [join(dir, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
  };
}

async function unpackInto(staging: string): Promise<void> {
  mkdirSync(staging, { recursive: true });
  const brotli = (name: string) => createReadStream(join(PACKAGE_BIN, name)).pipe(createBrotliDecompress());
  await Promise.all([
    pipeline(brotli('chromium.br'), createWriteStream(join(staging, 'chromium'), { mode: 0o755 })),
    pipeline(brotli('al2023.tar.br'), extract(join(staging, 'al2023'))),
    pipeline(brotli('fonts.tar.br'), extract(staging)),
    pipeline(brotli('swiftshader.tar.br'), extract(staging)),
  ]);
  // The package's fonts.conf names the Lambda folders (/var/task, /tmp/fonts). Without a fontconfig file that finds
  // fonts, a machine with no fonts of its own lays out every text with zero width: innerText reads "" and no text
  // shows in screenshots. The final folder's paths are written here because staging is renamed into place whole.
  writeFileSync(join(staging, 'fonts.conf'), fontconfigFor(bundledChromiumDir()));
}

function fontconfigFor(dir: string): string {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${join(dir, 'fonts')}</dir>`,
    `  <cachedir>${join(dir, 'fonts-cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Unpacks the bundled Chromium if this version is not unpacked yet, and says how to launch it. */
export async function ensureBundledChromium(): Promise<BundledChromium> {
  const dir = bundledChromiumDir();
  if (existsSync(join(dir, 'chromium'))) return describe(dir);

  const staging = `${dir}.partial-${process.pid}-${Date.now()}`;
  try {
    await unpackInto(staging);
    mkdirSync(dirname(dir), { recursive: true });
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another process finished first: its copy is complete, because it too was renamed into place whole.
      if (!existsSync(join(dir, 'chromium'))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return describe(dir);
}
