/**
 * Type-checks documentation snippets: each ```ts block becomes its own module under `test/.snippets/<run>/`, and one
 * TypeScript program (the repository's compiler options, so `@payweave/*` resolve to the sources) checks them all.
 * A framework the repository does not install (express, fastify, koa, hono) gets the small declarations of
 * `framework-shims.ts`; any other uninstalled module is declared untyped. Either way every payweave call is checked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { FRAMEWORK_SHIMS } from './framework-shims';
import type { CodeBlock } from './markdown';
import { repoCompilerOptions } from './public-exports';

/** A compiler error, located in the page. */
export interface SnippetError {
  page: string;
  block: number;
  /** 1-based line in the Markdown page. */
  line: number;
  message: string;
}

/** Languages that are type-checked. */
export const CHECKED_LANGUAGES = new Set(['ts', 'typescript']);

const fileNameOf = (block: CodeBlock) => `${block.page.replace(/\.md$/, '').replace(/[^A-Za-z0-9]+/g, '_')}-${block.index}.ts`;

function bareImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"./][^'"]*)['"]|import\s*\(\s*['"]([^'"./][^'"]*)['"]\s*\)/g)) {
    found.add((match[1] ?? match[2]) as string);
  }
  return [...found];
}

/** Modules a snippet imports that resolve to no type declarations here: declared `any` for the check. */
function unresolvable(specifiers: string[], from: string, options: ts.CompilerOptions): string[] {
  return specifiers.filter((specifier) => {
    if (specifier.startsWith('node:')) return false;
    const resolved = ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule;
    return !resolved || !/\.d\.[cm]?ts$|\.[cm]?tsx?$/.test(resolved.resolvedFileName);
  });
}

/** Write the blocks to `dir` and type-check them; returns every error inside a snippet. */
export function checkSnippets(blocks: CodeBlock[], dir: string): SnippetError[] {
  mkdirSync(dir, { recursive: true });
  const options = repoCompilerOptions();
  const files = new Map<string, CodeBlock>();
  for (const block of blocks) {
    const file = join(dir, fileNameOf(block));
    // `export {}` makes each snippet a module of its own, so names never collide between snippets.
    writeFileSync(file, `${block.code}\nexport {};\n`);
    files.set(file, block);
  }
  const specifiers = [...new Set(blocks.flatMap((block) => bareImports(block.code)))];
  const shims = unresolvable(specifiers, join(dir, 'probe.ts'), options);
  const shimFile = join(dir, 'uninstalled-modules.d.ts');
  writeFileSync(shimFile, shims.map((specifier) => FRAMEWORK_SHIMS[specifier] ?? `declare module '${specifier}';`).join('\n') + '\n');

  const program = ts.createProgram({ rootNames: [...files.keys(), shimFile], options });
  const errors: SnippetError[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const block = diagnostic.file ? files.get(diagnostic.file.fileName) : undefined;
    if (!block || !diagnostic.file) continue;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    errors.push({ page: block.page, block: block.index, line: block.line + line, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ') });
  }
  return errors;
}
