/**
 * Finds every error `code` the payweave sources can produce, by reading their syntax (no type checker): the values
 * that can reach a `code` property, a `code` variable, an assignment to `.code`, or the `code` parameter of a helper
 * (`refuse('CERTIFICATE_EXPIRED', ...)`), following same-file constants and lookup tables (`CODES[gatewayCode]`,
 * `ownEntry(CODES, gatewayCode)`).
 * Used by `docs-errors.test.ts` to keep docs/errors.md complete.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

import { repoRoot } from './markdown';

/** A code, and where the sources produce it (`packages/server/src/...:line`). */
export interface CodeSite {
  code: string;
  sites: string[];
}

/** Source files whose codes are payweave's own: not tests, fixtures, test helpers or declaration files. */
function isScannedSource(path: string): boolean {
  if (!path.endsWith('.ts') || path.endsWith('.d.ts')) return false;
  if (/\.(test|test-d|contract)\.ts$/.test(path)) return false;
  if (/\/(__fixtures__|testing|node_modules|dist)\//.test(path)) return false;
  // The sandbox's gateway emulators answer in each gateway's own protocol (WeChat's `SIGN_ERROR`, Alipay's
  // sub_codes...): those are the gateways' codes, documented by the gateways, not payweave error codes.
  if (/\/packages\/sandbox\/src\/gateways\//.test(path)) return false;
  return true;
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (isScannedSource(path)) out.push(path);
  }
  return out;
}

/** Every scanned source file under packages/<name>/src. */
export function sourceFiles(): string[] {
  const packagesDir = join(repoRoot, 'packages');
  return readdirSync(packagesDir)
    .map((name) => join(packagesDir, name, 'src'))
    .filter((dir) => {
      try {
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    })
    .flatMap((dir) => walk(dir, []));
}

const CODE_SHAPE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

type Parsed = { path: string; source: ts.SourceFile };

function parse(path: string): Parsed {
  return { path, source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS) };
}

function functionName(node: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name && ts.isIdentifier(node.name)) return node.name.text;
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) {
    return node.parent.name.text;
  }
  return undefined;
}

/** Helpers that take a `code` parameter: name -> parameter indexes; and string-literal unions typing such parameters. */
function codeParameters(files: Parsed[]): { byName: Map<string, Set<number>>; literalTypes: Map<string, string[]> } {
  const byName = new Map<string, Set<number>>();
  const typeNames = new Set<string>();
  const unions = new Map<string, string[]>();
  for (const { source } of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isTypeAliasDeclaration(node) && ts.isUnionTypeNode(node.type)) {
        const literals = node.type.types.flatMap((member) =>
          ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal) ? [member.literal.text] : [],
        );
        if (literals.length === node.type.types.length) unions.set(node.name.text, literals);
      }
      if (ts.isFunctionLike(node)) {
        const name = functionName(node);
        node.parameters.forEach((parameter, index) => {
          if (!ts.isIdentifier(parameter.name) || parameter.name.text !== 'code') return;
          if (name) {
            const indexes = byName.get(name) ?? new Set<number>();
            indexes.add(index);
            byName.set(name, indexes);
          }
          if (parameter.type && ts.isTypeReferenceNode(parameter.type) && ts.isIdentifier(parameter.type.typeName)) typeNames.add(parameter.type.typeName.text);
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const literalTypes = new Map([...unions].filter(([name]) => typeNames.has(name)));
  return { byName, literalTypes };
}

/** Same-file `const NAME = <initializer>` declarations, for following identifiers. */
function constants(source: ts.SourceFile): Map<string, ts.Expression> {
  const found = new Map<string, ts.Expression>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) found.set(node.name.text, node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The string literals an expression can evaluate to, following constants and lookup tables of the same file. */
function literalsOf(expression: ts.Expression, consts: Map<string, ts.Expression>, seen = new Set<string>(), inTable = false): string[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isNonNullExpression(expression) || ts.isSatisfiesExpression(expression)) {
    return literalsOf(expression.expression, consts, seen, inTable);
  }
  if (ts.isConditionalExpression(expression)) {
    return [...literalsOf(expression.whenTrue, consts, seen, inTable), ...literalsOf(expression.whenFalse, consts, seen, inTable)];
  }
  if (ts.isBinaryExpression(expression)) {
    const kind = expression.operatorToken.kind;
    if (kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken) {
      return [...literalsOf(expression.left, consts, seen, inTable), ...literalsOf(expression.right, consts, seen, inTable)];
    }
    if (kind === ts.SyntaxKind.AmpersandAmpersandToken) return literalsOf(expression.right, consts, seen, inTable);
    return [];
  }
  if (ts.isIdentifier(expression)) {
    const initializer = consts.get(expression.text);
    if (!initializer || seen.has(expression.text)) return [];
    seen.add(expression.text);
    return literalsOf(initializer, consts, seen, inTable);
  }
  // `CODES[gatewayCode]`, `ownEntry(CODES, gatewayCode)`, `mapping?.code`: follow the table (or the variable) they read.
  if (ts.isElementAccessExpression(expression)) return literalsOf(expression.expression, consts, seen, true);
  if (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'ownEntry' && expression.arguments[0]) {
    return literalsOf(expression.arguments[0], consts, seen, true);
  }
  if (ts.isPropertyAccessExpression(expression) && expression.name.text === 'code') return literalsOf(expression.expression, consts, seen, inTable);
  if (ts.isObjectLiteralExpression(expression) && inTable) {
    return expression.properties.flatMap((property) => {
      if (!ts.isPropertyAssignment(property)) return [];
      const value = property.initializer;
      if (ts.isObjectLiteralExpression(value)) return []; // rows like { code: 'X' } are found as `code:` properties
      return literalsOf(value, consts, seen, false);
    });
  }
  return [];
}

/** Every error code the scanned sources can produce, sorted, with the places that produce it. */
export function findErrorCodes(): CodeSite[] {
  const files = sourceFiles().map(parse);
  const { byName, literalTypes } = codeParameters(files);
  const sites = new Map<string, Set<string>>();
  const add = (values: string[], source: ts.SourceFile, node: ts.Node, path: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    for (const value of values) {
      if (!CODE_SHAPE.test(value) || value.length < 3) continue;
      const set = sites.get(value) ?? new Set<string>();
      set.add(`${relative(repoRoot, path)}:${line}`);
      sites.set(value, set);
    }
  };
  for (const { path, source } of files) {
    const consts = constants(source);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'code') add(literalsOf(node.initializer, consts), source, node, path);
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === 'code' && node.initializer) add(literalsOf(node.initializer, consts), source, node, path);
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.name.text === 'code') {
        add(literalsOf(node.right, consts), source, node, path);
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        for (const index of byName.get(node.expression.text) ?? []) {
          const argument = node.arguments[index];
          if (argument) add(literalsOf(argument, consts), source, node, path);
        }
      }
      if (ts.isTypeAliasDeclaration(node) && literalTypes.has(node.name.text)) add(literalTypes.get(node.name.text) ?? [], source, node, path);
      // `function reject(message: string, code = 'SIGNATURE_INVALID')`: the default is produced too.
      if (ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === 'code' && node.initializer) add(literalsOf(node.initializer, consts), source, node, path);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...sites].map(([code, where]) => ({ code, sites: [...where].sort() })).sort((a, b) => a.code.localeCompare(b.code));
}
