/**
 * The source tree is layered and every import points down (or stays within its own layer), so a lower layer
 * can be read, tested and changed without the ones above it. The layers, top to bottom, are listed in
 * LAYERS below and in README ("How it is built"). Folders that share a layer may use each other, but never
 * in both directions: no two folders may import each other, directly or round a longer loop.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '../src');

/**
 * Rank of each unit: a folder under src/ (written 'bot/') or a file directly in src/ (written 'server').
 * Higher ranks are higher layers; an import may only go to the same rank or a lower one.
 */
const LAYERS: ReadonlyArray<{ readonly name: string; readonly units: readonly string[] }> = [
  { name: 'edge', units: ['index', 'app', 'server', 'adapter', 'httpDrain'] },
  { name: 'bot', units: ['bot/'] },
  { name: 'dialogs and timers', units: ['dialogs/', 'scheduler/'] },
  { name: 'use cases', units: ['actions/', 'reports/'] },
  { name: 'services', units: ['store/', 'messaging/', 'cards/', 'understanding/', 'tenant/', 'graph/'] },
  { name: 'shared infrastructure', units: ['config', 'logger', 'correlation', 'rejectionLog', 'loopback'] },
  { name: 'domain', units: ['domain/'] },
];

const rankOf = new Map<string, number>();
LAYERS.forEach((layer, index) => {
  for (const unit of layer.units) rankOf.set(unit, LAYERS.length - index);
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    // Declaration files (src/types/) describe third-party packages; nothing imports them by path.
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** 'bot/' for src/bot/x.ts, 'server' for src/server.ts; undefined for anything outside src/ (package.json). */
function unitOf(file: string): string | undefined {
  const relative = path.relative(SRC, file);
  if (relative.startsWith('..')) return undefined;
  const parts = relative.split(path.sep);
  return parts.length === 1 ? parts[0].replace(/\.(ts|json)$/, '') : `${parts[0]}/`;
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
}

function importEdges(files: readonly string[]): Edge[] {
  const edges: Edge[] = [];
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const imported of importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const from = unitOf(file);
      const to = unitOf(path.resolve(path.dirname(file), imported.fileName));
      if (from !== undefined && to !== undefined && from !== to)
        edges.push({ from, to, file: path.relative(SRC, file) });
    }
  }
  return edges;
}

/** Each cycle among units, as the list of units round it; empty when the graph has none. */
function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (!next.has(edge.from)) next.set(edge.from, new Set());
    next.get(edge.from)!.add(edge.to);
  }
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (unit: string): void => {
    state.set(unit, 'open');
    stack.push(unit);
    for (const target of next.get(unit) ?? []) {
      const seen = state.get(target);
      if (seen === 'open') found.push([...stack.slice(stack.indexOf(target)), target]);
      else if (seen === undefined) visit(target);
    }
    stack.pop();
    state.set(unit, 'done');
  };
  for (const unit of [...next.keys()].sort()) if (!state.has(unit)) visit(unit);
  return found;
}

function upward(edges: readonly Edge[]): string[] {
  return edges
    .filter((edge) => (rankOf.get(edge.to) ?? 0) > (rankOf.get(edge.from) ?? 0))
    .map((edge) => `${edge.file} imports ${edge.to} (a higher layer)`);
}

/**
 * `npm run build` compiles src/ with rootDir src and `npm run package` compiles scripts/ with rootDir scripts, so a
 * static import that leaves its own folder breaks the build even though the whole-tree type check (which has the
 * repository as its root) passes. A require() call is left alone: the compiler does not follow it (src/app.ts reads
 * the version from package.json that way).
 */
function importsLeaving(root: string): string[] {
  return sourceFiles(root).flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, false)
      .importedFiles.filter(({ fileName }) => fileName.startsWith('.'))
      .filter(({ fileName }) => path.relative(root, path.resolve(path.dirname(file), fileName)).startsWith('..'))
      .map(({ fileName }) => `${path.relative(root, file)} imports ${fileName}`),
  );
}

describe('build roots', () => {
  it.each(['src', 'scripts'])('%s/ imports nothing from outside itself', (folder) => {
    expect(importsLeaving(path.resolve(__dirname, '..', folder))).toEqual([]);
  });

  it('reports an import that leaves its folder and lets a require() through', () => {
    const planted = mkdtempSync(path.join(tmpdir(), 'architecture-'));
    try {
      mkdirSync(path.join(planted, 'inner'));
      writeFileSync(
        path.join(planted, 'inner', 'a.ts'),
        [
          "import { b } from './b';",
          "import type { T } from '../tests/helpers/t';",
          "export { c } from '../outside/c';",
          "const version = require('../package.json').version;",
        ].join('\n'),
      );
      expect(importsLeaving(path.join(planted, 'inner'))).toEqual([
        'a.ts imports ../tests/helpers/t',
        'a.ts imports ../outside/c',
      ]);
    } finally {
      rmSync(planted, { recursive: true, force: true });
    }
  });
});

describe('layers', () => {
  const files = sourceFiles(SRC);
  const edges = importEdges(files);

  it('places every folder and top-level file of src/ in a layer', () => {
    const unplaced = [...new Set(files.map((file) => unitOf(file)!))].filter((unit) => !rankOf.has(unit)).sort();
    expect(unplaced).toEqual([]);
  });

  it('has no import that points up a layer', () => {
    expect(upward(edges)).toEqual([]);
  });

  it('has no cycle between folders or top-level files', () => {
    expect(cycles(edges).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('reports an upward import and a cycle when there is one', () => {
    const planted: Edge[] = [
      { from: 'store/', to: 'dialogs/', file: 'store/decisionStore.ts' },
      { from: 'server', to: 'adapter', file: 'server.ts' },
      { from: 'adapter', to: 'server', file: 'adapter.ts' },
    ];
    expect(upward(planted)).toEqual(['store/decisionStore.ts imports dialogs/ (a higher layer)']);
    expect(cycles(planted).map((cycle) => cycle.join(' → '))).toEqual(['adapter → server → adapter']);
  });
});
