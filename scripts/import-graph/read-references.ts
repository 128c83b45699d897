import ts from 'typescript';

/** One `import ... from`, `export ... from` or `import(...)` with a string specifier. */
export interface ImportReference {
  specifier: string;
  /** Erased when the file runs (`import type`, or every named import marked `type`). */
  typeOnly: boolean;
  line: number;
}

/**
 * A file a module reads at run time by a path written in its source: `new URL('./x', import.meta.url)`
 * (from the module's own folder) or `join(PROJECT_ROOT, 'x')` (from the project root). Only the
 * literal part counts, so `./data/${name}.json` reads from `./data/`.
 */
export interface AssetReference {
  path: string;
  from: 'module' | 'root';
  line: number;
}

export interface FileReferences {
  imports: ImportReference[];
  assets: AssetReference[];
}

/** The imports and read paths of one TypeScript or JavaScript source, found by parsing it, not by pattern. */
export function readReferences(fileName: string, source: string): FileReferences {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const imports: ImportReference[] = [];
  const assets: AssetReference[] = [];
  const lineOf = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;

  // Static imports and re-exports are statements of the module itself.
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      imports.push({ specifier: statement.moduleSpecifier.text, typeOnly: isTypeOnlyImport(statement), line: lineOf(statement) });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      imports.push({ specifier: statement.moduleSpecifier.text, typeOnly: statement.isTypeOnly, line: lineOf(statement) });
    }
  }
  // The rest may sit anywhere in the tree; most files have none, and walking the tree is the slow part.
  if (!/import\s*\(|import\.meta|PROJECT_ROOT/.test(source)) return { imports, assets };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const specifier = literalPrefix(node.arguments[0]);
      if (specifier !== null) imports.push({ specifier, typeOnly: false, line: lineOf(node) });
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && isImportMetaUrl(node.arguments?.[1])) {
      const path = literalPrefix(node.arguments?.[0]);
      if (path !== null) assets.push({ path, from: 'module', line: lineOf(node) });
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'join' && isIdentifierNamed(node.arguments[0], 'PROJECT_ROOT')) {
      const path = literalPrefix(node.arguments[1]);
      if (path !== null) assets.push({ path, from: 'root', line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { imports, assets };
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a bare `import './x'` runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

/** A string literal's text, or a template's text up to its first substitution; null for anything computed. */
function literalPrefix(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text.replace(/[^/]*$/, '');
  return null;
}

function isImportMetaUrl(node: ts.Node | undefined): boolean {
  return node !== undefined && ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.name.text === 'url';
}

function isIdentifierNamed(node: ts.Node | undefined, name: string): boolean {
  return node !== undefined && ts.isIdentifier(node) && node.text === name;
}
