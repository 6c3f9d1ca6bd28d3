/**
 * The sandbox's HTML toolkit: escaping, one self-contained page layout (inline CSS, no external assets, no script),
 * and Responses with a Content-Security-Policy that would block any script that slipped through.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (character) => ESCAPES[character] as string);
}

/** A template tag that escapes every interpolated value unless it is `SafeHtml` (another `html` result). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += renderValue(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup that is already escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

function renderValue(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(renderValue).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(value);
}

const BASE_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#f4f5f7}
main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
main.wide{max-width:72rem}
h1{font-size:1.35rem;margin:0 0 .25rem}
.badge{display:inline-block;font-size:.75rem;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:#fff;background:var(--accent);border-radius:4px;padding:.1rem .45rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:1.25rem 0}
dt{color:#59636e}dd{margin:0;overflow-wrap:anywhere}
.amount{font-size:1.6rem;font-weight:700}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
button{font:inherit;font-weight:600;padding:.65rem 1.4rem;border-radius:8px;border:2px solid var(--accent);cursor:pointer}
button.primary{background:var(--accent);color:#fff}
button.secondary{background:#fff;color:var(--accent)}
button.quiet{background:#fff;color:#59636e;border-color:#d0d7de}
button:focus-visible,a:focus-visible{outline:3px solid #0969da;outline-offset:2px}
table{width:100%;border-collapse:collapse;font-size:.9rem}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #d8dee4}
a{color:#0969da}.note{color:#59636e;font-size:.9rem}
`;

/** A complete HTML document with the sandbox's layout. */
export function page(options: { title: string; body: SafeHtml; accentColor?: string }): string {
  const accent = /^#[0-9a-fA-F]{3,8}$/.test(options.accentColor ?? '') ? options.accentColor : '#3b5bdb';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${options.title}</title>
<style>${new SafeHtml(BASE_CSS)}:root{--accent:${accent}}</style>
</head>
<body>
${options.body}
</body>
</html>
`.value;
}

/**
 * A `text/html` Response; the policy forbids external assets and every script except those whose hashes are listed
 * (forms may still post and redirect).
 */
export function htmlResponse(document: string, status = 200, scriptHashes: readonly string[] = []): Response {
  const scripts = scriptHashes.length ? `; script-src ${scriptHashes.map((hash) => `'${hash}'`).join(' ')}` : '';
  return new Response(document, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'${scripts}`,
      'cache-control': 'no-store',
    },
  });
}

/** A JSON Response. */
export function jsonResponse(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}
