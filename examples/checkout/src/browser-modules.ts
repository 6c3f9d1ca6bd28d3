/**
 * `@payweave/client` in the browser without a bundler: the page's import map names the ES modules of the client's
 * build output (`dist/index.js`, `dist/launchers/*.js`), and this module serves them from `/modules/`.
 *
 * The client imports only error classes from `@payweave/core`. A bundler would tree-shake core's zod schemas away;
 * without one, the import map points `@payweave/core` at a three-line module re-exporting core's zod-free entries
 * (errors, money, channels), so the browser loads a few kilobytes instead of zod.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CORE_BROWSER_ENTRIES = ['errors', 'money', 'channels'];
const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8' };

export interface StaticFile {
  body: string | Uint8Array;
  contentType: string;
}

export interface BrowserModules {
  /** The `<script type="importmap">` content. */
  importMap: { imports: Record<string, string> };
  /** Launcher modules the client build has (`alipay`, `wechat`, ...). */
  launchers: ReadonlySet<string>;
  /** The file for a `/modules/...` path, or undefined. */
  serve(pathname: string): StaticFile | undefined;
}

/** Where a package is installed, looked up like Node does: `node_modules/<name>` in this folder or a parent. */
export function findPackageDir(name: string, from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (run npm ci at the repository root)`);
  }
}

/** Locate the client and core builds and describe them; throws with what to run when a build is missing. */
export function browserModules(): BrowserModules {
  const clientDist = join(findPackageDir('@payweave/client'), 'dist');
  const coreDist = join(findPackageDir('@payweave/core'), 'dist');
  const missing = [join(clientDist, 'index.js'), ...CORE_BROWSER_ENTRIES.map((entry) => join(coreDist, `${entry}.js`))].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`the browser needs the built client and core (missing ${missing.map((file) => relative(process.cwd(), file)).join(', ')}): run npm run build`);
  }

  const launcherDir = join(clientDist, 'launchers');
  const launchers = new Set(existsSync(launcherDir) ? readdirSync(launcherDir).filter((file) => file.endsWith('.js')).map((file) => file.slice(0, -3)) : []);
  const imports: Record<string, string> = { '@payweave/client': '/modules/client/index.js', '@payweave/core': '/modules/core-browser.js' };
  for (const name of launchers) imports[`@payweave/client/${name}`] = `/modules/client/launchers/${name}.js`;
  const coreShim = CORE_BROWSER_ENTRIES.map((entry) => `export * from './core/${entry}.js';`).join('\n') + '\n';
  const roots: Record<string, string> = { client: clientDist, core: coreDist };

  return {
    importMap: { imports },
    launchers,
    serve(pathname) {
      if (pathname === '/modules/core-browser.js') return { body: coreShim, contentType: CONTENT_TYPES['.js'] as string };
      const match = /^\/modules\/(client|core)\/(.+)$/.exec(pathname);
      if (!match) return undefined;
      return readInside(roots[match[1] as string] as string, match[2] as string);
    },
  };
}

/** A `.js`/`.map`/`.css` file under `root`, never outside it (no `..` escapes). */
export function readInside(root: string, path: string): StaticFile | undefined {
  const contentType = CONTENT_TYPES[extname(path)];
  if (!contentType) return undefined;
  const file = join(root, decodeURIComponent(path));
  if (!file.startsWith(root + sep) || !existsSync(file)) return undefined;
  return { body: readFileSync(file), contentType };
}
