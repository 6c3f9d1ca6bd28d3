/**
 * Browser navigation for launchers: a plain redirect, or a form auto-submitted to the cashier (Alipay page/WAP,
 * UnionPay gateway pay). Built with DOM APIs, never by concatenating HTML, so no field value can inject markup.
 */
import { PayUnsupportedError } from '@payweave/core';
import type { NavigateHook, Navigation } from '../../types';

/** Where to navigate: the document to use, or a hook that takes over navigation. */
export interface NavigateOptions {
  document?: Document | undefined;
  onNavigate?: NavigateHook | undefined;
}

/** Options of `submitForm`. */
export interface SubmitFormOptions extends NavigateOptions {
  method: 'GET' | 'POST';
}

function noDocument(url: string): PayUnsupportedError {
  const origin = url.split('?')[0];
  return new PayUnsupportedError(
    `cannot open ${origin}: there is no DOM document here (server rendering, React Native, a mini-program); ` +
      'launch in the browser, or pass onNavigate to handle { url, method, fields } yourself (e.g. open a WebView)',
    { code: 'NO_DOCUMENT' },
  );
}

/** `url` with `fields` appended to its query string. */
export function withQuery(url: string, fields: Record<string, string>): string {
  const query = new URLSearchParams(fields).toString();
  if (!query) return url;
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${separator}${query}${hash}`;
}

function perform(navigation: Navigation, options: NavigateOptions, navigate: (document: Document) => void): void {
  if (options.onNavigate) {
    options.onNavigate(navigation);
    return;
  }
  if (!options.document) throw noDocument(navigation.url);
  navigate(options.document);
}

/** Send the browser to `url` (GET), or hand the navigation to `onNavigate`. */
export function redirect(url: string, options: NavigateOptions = {}): void {
  perform({ url, method: 'GET', fields: {} }, options, (document) => document.location.assign(url));
}

/** Build a hidden form with one hidden input per field; it is not attached to the document. */
export function buildForm(document: Document, url: string, fields: Record<string, string>): HTMLFormElement {
  const form = document.createElement('form');
  // setAttribute, not form.action/form.method: an input named "action" or "method" would shadow those properties.
  form.setAttribute('method', 'POST');
  form.setAttribute('action', url);
  form.setAttribute('accept-charset', 'utf-8');
  form.style.display = 'none';
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  return form;
}

/**
 * Navigate to `url` with `fields`: POST submits a hidden form (the gateway's cashier expects a form post); GET
 * appends the fields to the query string (a GET form would drop the query the URL already carries). With
 * `onNavigate`, the navigation is handed over instead.
 */
export function submitForm(url: string, fields: Record<string, string>, options: SubmitFormOptions): void {
  if (options.method === 'GET') {
    const target = withQuery(url, fields);
    perform({ url: target, method: 'GET', fields: { ...fields } }, options, (document) => document.location.assign(target));
    return;
  }
  perform({ url, method: 'POST', fields: { ...fields } }, options, (document) => {
    const form = buildForm(document, url, fields);
    (document.body ?? document.documentElement).appendChild(form);
    // The prototype's submit: an input named "submit" would shadow form.submit.
    Object.getPrototypeOf(form).submit.call(form);
  });
}
