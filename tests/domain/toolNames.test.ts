/**
 * The sync tools and plan tracks are named in one table, so a card, a report and an answer never call the
 * same thing by two names, and renaming a product means changing one line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { SHORT_TOOL_NAMES, TOOL_NAMES, TRACK_LABELS, toolTitle } from '../../src/domain/toolNames';

const SRC = path.resolve(__dirname, '../../src');
const TABLE = path.join(SRC, 'domain', 'toolNames.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** String literals (and template heads) that are exactly one of the table's names, as "file:line 'name'". */
function spelledOutNames(file: string, names: ReadonlySet<string>): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && names.has(node.text)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push(`${path.relative(SRC, file)}:${line} '${node.text}'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('tool and track names', () => {
  it('spells each name out only in domain/toolNames.ts', () => {
    const names = new Set<string>([
      ...Object.values(TOOL_NAMES),
      ...Object.values(SHORT_TOOL_NAMES),
      ...Object.values(TRACK_LABELS),
    ]);
    const files = sourceFiles(SRC).filter((file) => file !== TABLE);
    expect(files.flatMap((file) => spelledOutNames(file, names))).toEqual([]);
  });

  it('labels each install track with the short name of the tool it installs', () => {
    expect(TRACK_LABELS.cloudSync).toBe(SHORT_TOOL_NAMES.cloudSync);
    expect(TRACK_LABELS.connect).toBe(SHORT_TOOL_NAMES.connect);
  });

  it('titles a plan by its tool, with the Connect install type wherever Connect is installed', () => {
    expect(toolTitle({ selection: { tool: 'cloudSync' } })).toBe('Microsoft Entra Cloud Sync');
    expect(toolTitle({ selection: { tool: 'connect', connectInstall: 'custom' } })).toBe(
      'Microsoft Entra Connect Sync (custom install)',
    );
    expect(toolTitle({ selection: { tool: 'connect' } })).toBe('Microsoft Entra Connect Sync (express install)');
    expect(toolTitle({ selection: { tool: 'both', connectInstall: 'express' } })).toBe(
      'Cloud Sync and Connect Sync (express install) side by side',
    );
  });
});
