/**
 * The domain is split into modules along its seams (the plan's state machine, its edits, calendar days; the
 * advisor engine and its rule tables). A module that passed on another module's names would hide that split
 * again: readers would open the wrong file and the dependency between the two would no longer show in the
 * imports. So every name is imported from the module that declares it, and the seams point one way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const DOMAIN = path.resolve(__dirname, '../../src/domain');

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(DOMAIN, file), 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** `export { x } from './y'`, `export * from './y'` and `export { x }` of an imported x, as "file: text". */
function reExports(file: string): string[] {
  const source = parse(file);
  const imported = new Set<string>();
  for (const statement of source.statements) {
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (clause?.name) imported.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings))
      for (const element of bindings.elements) imported.add(element.name.text);
    if (bindings && ts.isNamespaceImport(bindings)) imported.add(bindings.name.text);
  }
  return source.statements.filter(ts.isExportDeclaration).flatMap((statement) => {
    const passesOn =
      statement.moduleSpecifier !== undefined ||
      (statement.exportClause !== undefined &&
        ts.isNamedExports(statement.exportClause) &&
        statement.exportClause.elements.some((element) => imported.has((element.propertyName ?? element.name).text)));
    return passesOn ? [`${file}: ${statement.getText(source).replace(/\s+/g, ' ')}`] : [];
  });
}

/** The relative modules a domain file imports, as bare names ('plan', 'catalog'). */
function importsOf(file: string): string[] {
  return ts
    .preProcessFile(readFileSync(path.join(DOMAIN, file), 'utf8'), true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((name) => name.startsWith('./'))
    .map((name) => name.slice(2));
}

describe('domain module seams', () => {
  const files = readdirSync(DOMAIN).filter((name) => name.endsWith('.ts'));

  it('has no module that re-exports names declared elsewhere', () => {
    expect(files.flatMap(reExports)).toEqual([]);
  });

  it('keeps calendar days free of plans, and the state machine free of edits', () => {
    expect(importsOf('planDates.ts')).toEqual([]);
    expect(importsOf('plan.ts')).not.toContain('planEdits');
    expect(importsOf('plan.ts')).toContain('planDates');
    expect(importsOf('planEdits.ts')).toEqual(expect.arrayContaining(['plan', 'planDates']));
  });

  it('keeps the advisor engine apart from its rule tables', () => {
    expect(importsOf('advisorRules.ts')).not.toContain('advisor');
    expect(importsOf('advisor.ts')).toContain('advisorRules');
  });

  it('keeps the task vocabulary, the two kinds of task content and the catalog lookups apart', () => {
    for (const content of ['installTasks', 'pathTasks']) {
      expect(importsOf(`${content}.ts`)).toContain('catalog');
      expect(importsOf(`${content}.ts`)).not.toContain('taskCatalog');
    }
    expect(importsOf('installTasks.ts')).not.toContain('pathTasks');
    expect(importsOf('pathTasks.ts')).not.toContain('installTasks');
    expect(importsOf('catalog.ts')).toEqual(expect.not.arrayContaining(['installTasks', 'pathTasks', 'taskCatalog']));
    expect(importsOf('taskCatalog.ts')).toEqual(expect.arrayContaining(['catalog', 'installTasks', 'pathTasks']));
  });
});
