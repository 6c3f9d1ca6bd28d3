/**
 * The HTTP seam. Channels never call axios or fetch directly: they build a request, hand it to the `HttpClient`,
 * and verify the raw response bytes themselves. Signing never lives in interceptors.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Client TLS material for gateways that require mutual TLS (WeChat Pay v2 refunds). */
export interface ClientTls {
  pfx?: Uint8Array;
  passphrase?: string;
  cert?: string;
  key?: string;
}

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  /** Sent as is: the exact bytes the signature covers. */
  body?: string | Uint8Array;
  /** Per-request timeout; the client's default applies otherwise. */
  timeoutMs?: number;
  signal?: AbortSignal;
  tls?: ClientTls;
}

export interface HttpResponse {
  status: number;
  /** Header names lower-cased; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** The raw body bytes, exactly as received (signatures are verified over these). */
  bytes: Uint8Array;
  /** The body decoded as UTF-8. */
  text: string;
}

export interface HttpClient {
  /**
   * Send a request. Resolves for every HTTP status (the channel decides what a 4xx means); rejects with
   * `PayConnectionError` for transport failures and timeouts, and `PayConfigError` for a refused URL.
   */
  request(request: HttpRequest): Promise<HttpResponse>;
}
