/**
 * The documentation as data: every Markdown page (`docs/**\/*.md` and the root README.md), its fenced code blocks
 * with their line numbers, and its inline code spans. Shared by the docs tests.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A fenced code block: `line` is the 1-based line of its first code line in the page. */
export interface CodeBlock {
  page: string;
  index: number;
  lang: string;
  line: number;
  code: string;
  /** The block is preceded by `<!-- snippet: skip -->`: deliberately partial, not compiled. */
  skipped: boolean;
}

export interface DocPage {
  /** Path from the repository root, e.g. `docs/server.md`. */
  path: string;
  text: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** README.md and every page under docs/, sorted. */
export function docPages(): DocPage[] {
  const files = [join(repoRoot, 'README.md'), ...markdownFiles(join(repoRoot, 'docs'))];
  return files.map((file) => ({ path: relative(repoRoot, file), text: readFileSync(file, 'utf8') })).sort((a, b) => a.path.localeCompare(b.path));
}

const SKIP_MARKER = /^<!--\s*snippet:\s*skip\s*-->$/;

/** The fenced code blocks of a page, numbered from 1 in page order. */
export function codeBlocks(page: DocPage): CodeBlock[] {
  const lines = page.text.split('\n');
  const blocks: CodeBlock[] = [];
  let open: { fence: string; lang: string; start: number; skipped: boolean } | undefined;
  let body: string[] = [];
  lines.forEach((line, i) => {
    if (!open) {
      const match = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
      if (!match) return;
      const previous = lines.slice(0, i).reverse().find((candidate) => candidate.trim() !== '');
      open = { fence: match[2] as string, lang: (match[3] ?? '').toLowerCase(), start: i + 2, skipped: SKIP_MARKER.test(previous?.trim() ?? '') };
      body = [];
      return;
    }
    if (line.trim().startsWith(open.fence) && line.trim().replace(/[`~]/g, '') === '') {
      blocks.push({ page: page.path, index: blocks.length + 1, lang: open.lang, line: open.start, code: body.join('\n'), skipped: open.skipped });
      open = undefined;
      return;
    }
    body.push(line);
  });
  return blocks;
}

/** Markdown text with its fenced code blocks removed (line by line, as `codeBlocks` reads them). */
export function withoutFences(text: string): string {
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && marker?.startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
    else if (fence === undefined) kept.push(line);
  }
  return kept.join('\n');
}

/** Prose with fenced blocks removed, for inline `code` spans and plain mentions. */
export function prose(page: DocPage): string {
  return withoutFences(page.text);
}

/** The contents of inline code spans (`like this`) outside fenced blocks. */
export function inlineCode(page: DocPage): string[] {
  return [...prose(page).matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)].map((match) => match[2] as string);
}
