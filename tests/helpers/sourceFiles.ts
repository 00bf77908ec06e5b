/** Every TypeScript file under src/, for tests that check a rule across the whole source tree. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const SRC = path.resolve(__dirname, '../../src');

export function sourceFiles(dir: string = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}
