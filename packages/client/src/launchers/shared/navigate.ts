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

/** `url` with `fields` appended to its query string (gateway URLs carry no fragment). */
export function withQuery(url: string, fields: Record<string, string>): string {
  const query = new URLSearchParams(fields).toString();
  return query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
}

function perform(navigation: Navigation, options: NavigateOptions, navigate: (document: Document) => void): void {
  if (options.onNavigate) {
    options.onNavigate(navigation);
    return;
  }
  if (!options.document) {
    throw new PayUnsupportedError(
      'no DOM document here (server rendering, React Native, mini-program): launch in a browser, or pass onNavigate',
      { code: 'NO_DOCUMENT' },
    );
  }
  navigate(options.document);
}

/** Send the browser to `url` (GET), or hand the navigation to `onNavigate`. */
export function redirect(url: string, options: NavigateOptions = {}): void {
  perform({ url, method: 'GET', fields: {} }, options, (document) => document.location.assign(url));
}

/** Build a form of hidden inputs, one per field (invisible: it has no other content); it is not attached yet. */
export function buildForm(document: Document, url: string, fields: Record<string, string>): HTMLFormElement {
  const form = document.createElement('form');
  // Set before any input is added: an input named "action" or "method" would then shadow these properties.
  form.method = 'POST';
  form.action = url;
  // The gateways decode the fields as UTF-8, whatever the page's own encoding (GBK pages still exist).
  form.setAttribute('accept-charset', 'utf-8');
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
export function submitForm(url: string, fields: Record<string, string>, { method, ...options }: SubmitFormOptions): void {
  const target = method === 'GET' ? withQuery(url, fields) : url;
  perform({ url: target, method, fields }, options, (document) => {
    if (method === 'GET') return document.location.assign(target);
    const form = buildForm(document, url, fields);
    document.body.appendChild(form);
    // The prototype's submit: an input named "submit" would shadow form.submit.
    Object.getPrototypeOf(form).submit.call(form);
  });
}
