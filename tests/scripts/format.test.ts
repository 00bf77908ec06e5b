/**
 * The formatter's settings follow the style the code is already written in (single quotes, semicolons, lines up
 * to 120 characters, trailing commas), so formatting the tree changes layout only where a line breaks that style.
 * Prettier's programmatic API loads ES modules, which Jest's CommonJS runtime cannot, so its CLI is run instead.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const PRETTIER = path.join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');

function prettier(args: string[], input?: string): string {
  return execFileSync(process.execPath, [PRETTIER, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
}

const STYLED = [
  "import { join } from 'node:path';",
  '',
  'export function where(dir: string, names: readonly string[]): string[] {',
  "  return names.filter((name) => name !== '').map((name) => join(dir, `${name}.json`));",
  '}',
  '',
  'export const LIMITS = {',
  '  files: 20,',
  "  text: 'a line of a hundred and some characters, which fits within the width this project writes to',",
  '};',
  '',
].join('\n');

describe('formatter settings', () => {
  it('leave code already written in the house style unchanged', () => {
    expect(prettier(['--stdin-filepath', 'src/sample.ts'], STYLED)).toBe(STYLED);
  });

  it('turn double quotes into single ones and break only lines over 120 characters', () => {
    const loose = STYLED.replace(/'/g, '"')
      .replace('  files: 20,\n', '')
      .replace('{\n  text', '{ text')
      .replace(',\n};', ' };');
    expect(prettier(['--stdin-filepath', 'src/sample.ts'], loose)).toBe(STYLED.replace('  files: 20,\n', ''));
  });

  it('leave out what is generated or prose', () => {
    const ignored = (file: string) => (JSON.parse(prettier(['--file-info', file])) as { ignored: boolean }).ignored;
    expect(ignored('package-lock.json')).toBe(true);
    expect(ignored('README.md')).toBe(true);
    expect(ignored('nlu/en.json')).toBe(true);
    expect(ignored('src/index.ts')).toBe(false);
    expect(ignored('cards/task.json')).toBe(false);
  });

  it('are run by npm scripts of their own, apart from the tests', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.format).toBe('prettier --write .');
    expect(scripts['format:check']).toBe('prettier --check .');
  });
});
