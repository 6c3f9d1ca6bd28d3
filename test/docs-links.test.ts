/**
 * Relative links between the docs resolve: the target file exists and, for `page.md#anchor`, the page has a heading
 * with that anchor (GitHub's slugs). Links to pages still being written are allowed while those pages are missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docPages, prose, repoRoot, withoutFences } from './docs-check/markdown';

/** Pages other people are writing right now; a link to one of them may dangle until it lands. */
const PAGES_IN_PROGRESS = new Set(['docs/quick-start.md', 'docs/examples.md']);

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens, duplicates numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const match of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = (match[1] as string)
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const seen = counts.get(base) ?? 0;
    counts.set(base, seen + 1);
    anchors.add(seen === 0 ? base : `${base}-${seen}`);
  }
  return anchors;
}

describe('links between the docs', () => {
  const pages = docPages();

  it('computes GitHub anchors', () => {
    expect([...anchorsOf("## Why the client's result is `only` a hint\n## Exactly-once `onEvent`\n## A: b?\n## A: b?")]).toEqual([
      'why-the-clients-result-is-only-a-hint',
      'exactly-once-onevent',
      'a-b',
      'a-b-1',
    ]);
  });

  it('resolve to existing pages and headings', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const match of prose(page).matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1] as string;
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const file = path === '' ? join(repoRoot, page.path) : normalize(join(repoRoot, dirname(page.path), path));
        const fromRoot = relative(repoRoot, file);
        if (!existsSync(file)) {
          if (!PAGES_IN_PROGRESS.has(fromRoot)) broken.push(`${page.path}: ${target} (no such file)`);
          continue;
        }
        if (anchor && file.endsWith('.md') && !anchorsOf(readFileSync(file, 'utf8')).has(anchor)) broken.push(`${page.path}: ${target} (no such heading)`);
      }
    }
    expect(broken, broken.join('\n')).toEqual([]);
  });
});
