/**
 * The public API as names: what each published entry point exports (values and types), read with the TypeScript
 * checker from the sources the entries are built from, so `export *` chains are followed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './markdown';

/** An import specifier and the source file it is built from. */
export interface Entry {
  specifier: string;
  file: string;
}

const src = (pkg: string, path: string) => join(repoRoot, 'packages', pkg, 'src', path);

function sourcesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !/\.(test|test-d|d|contract)\.ts$/.test(name) && !name.startsWith('_'))
    .map((name) => name.slice(0, -3));
}

/** Every published entry: the same discovery rules as the tsup configs (channel folders, launcher files). */
export function publicEntries(): Entry[] {
  const channels = readdirSync(src('server', 'channels'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  return [
    { specifier: '@payweave/core', file: src('core', 'index.ts') },
    { specifier: '@payweave/server (node)', file: src('server', 'index.node.ts') },
    { specifier: '@payweave/server (web)', file: src('server', 'index.web.ts') },
    ...channels.map((channel) => ({ specifier: `@payweave/server/${channel}`, file: src('server', `channels/${channel}/index.ts`) })),
    { specifier: '@payweave/server/testing', file: src('server', 'testing.ts') },
    { specifier: '@payweave/client', file: src('client', 'index.ts') },
    ...sourcesIn(src('client', 'launchers')).map((name) => ({ specifier: `@payweave/client/${name}`, file: src('client', `launchers/${name}.ts`) })),
    { specifier: '@payweave/sandbox', file: src('sandbox', 'index.ts') },
    { specifier: '@payweave/store-sqlite', file: src('store-sqlite', 'index.ts') },
    { specifier: '@payweave/store-postgres', file: src('store-postgres', 'index.ts') },
  ].filter((entry) => existsSync(entry.file));
}

/** The repository's compiler options (tsconfig.json with its `paths`), for programs over sources and snippets. */
export function repoCompilerOptions(): ts.CompilerOptions {
  const configPath = join(repoRoot, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot, undefined, configPath);
  return { ...parsed.options, noEmit: true };
}

/** Export names per entry. */
export function exportedNames(entries = publicEntries()): Map<string, string[]> {
  const program = ts.createProgram({ rootNames: entries.map((entry) => entry.file), options: repoCompilerOptions() });
  const checker = program.getTypeChecker();
  const result = new Map<string, string[]>();
  for (const entry of entries) {
    const source = program.getSourceFile(entry.file);
    const symbol = source && checker.getSymbolAtLocation(source);
    if (!symbol) throw new Error(`cannot read the exports of ${entry.file}`);
    result.set(entry.specifier, checker.getExportsOfModule(symbol).map((exported) => exported.getName()).sort());
  }
  return result;
}
