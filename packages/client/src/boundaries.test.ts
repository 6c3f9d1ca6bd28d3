/**
 * The client's dependency rules, checked on its sources: it imports @payweave/core and its own files only (never
 * @payweave/server, axios or zod), and nothing reads window or document at module level.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sourceFiles(srcDir);

describe('client source boundaries', () => {
  it('imports only @payweave/core (no schemas or validators) and relative modules', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      // Static imports and re-exports (with or without bindings) and dynamic import() calls.
      const specifiers = [...source.matchAll(/^\s*(?:import|export)\s(?:[^;]*?\sfrom\s+)?'([^']+)'|\bimport\(\s*'([^']+)'/gm)].map(
        (match) => match[1] ?? match[2],
      );
      for (const specifier of specifiers) {
        expect(specifier === '@payweave/core' || specifier?.startsWith('.'), `${relative(srcDir, file)} imports ${specifier}`).toBe(true);
      }
      expect(source, relative(srcDir, file)).not.toMatch(/Schema\b.*from '@payweave\/core'|validateChargeInput|parseOrThrow/);
    }
  });

  it('reads window/document only inside functions (no top-level DOM access)', () => {
    for (const file of files) {
      const topLevel = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /^\S/.test(line) && !/^(\/\/|\/\*|\*|import |export (type|interface) )/.test(line));
      expect(topLevel.filter((line) => /\b(window|document)\./.test(line)), relative(srcDir, file)).toEqual([]);
    }
  });
});
