/**
 * App Store Server API look-ups: Get Transaction Info and Get Transaction History (v2), for transactions the device
 * never reported (a crash before delivery, a purchase on another device). Every returned JWS is verified like one
 * from the app. With `environment: 'auto'`, production is asked first and the sandbox on a 404.
 * @see https://developer.apple.com/documentation/appstoreserverapi/get-transaction-info
 * @see https://developer.apple.com/documentation/appstoreserverapi/get-transaction-history
 */
import { PayConfigError, PayGatewayError, PayValidationError } from '@payweave/core';
import type { HttpClient } from '../../../http/client';

type Endpoint = 'production' | 'sandbox';

/** What a look-up needs. */
export interface ServerApiClient {
  http: HttpClient;
  urls: { production: string; sandbox: string };
  environment: 'Production' | 'Sandbox' | 'auto';
  token: () => Promise<string>;
}

function apiError(status: number, text: string, endpoint: Endpoint): Error {
  let body: { errorCode?: unknown; errorMessage?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(text);
    // Only an object carries errorCode/errorMessage; `null`, numbers and arrays keep the status only.
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as typeof body;
  } catch {
    // not JSON: keep the status only
  }
  const gatewayCode = body.errorCode === undefined ? undefined : String(body.errorCode);
  const gatewayMessage = typeof body.errorMessage === 'string' ? body.errorMessage : undefined;
  if (status === 401) {
    return new PayConfigError('apple: the App Store Server API refused the token: check serverApi.issuerId, keyId and the .p8 privateKey', {
      code: 'SERVER_API_UNAUTHORIZED',
      channel: 'apple',
    });
  }
  const code = status === 404 ? 'TRANSACTION_NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'SERVER_API_ERROR';
  return new PayGatewayError(`apple: App Store Server API (${endpoint}) answered HTTP ${status}${gatewayMessage ? `: ${gatewayMessage}` : ''}`, {
    code,
    channel: 'apple',
    statusCode: status,
    isRetryable: status === 429 || status >= 500,
    ...(gatewayCode ? { gatewayCode } : {}),
    ...(gatewayMessage ? { gatewayMessage } : {}),
  });
}

/** GET `path` (relative to the API root) as JSON, production then sandbox for 'auto'. */
export async function serverApiGet(client: ServerApiClient, path: string): Promise<Record<string, unknown>> {
  const endpoints: Endpoint[] = client.environment === 'Production' ? ['production'] : client.environment === 'Sandbox' ? ['sandbox'] : ['production', 'sandbox'];
  let lastError: Error | undefined;
  for (const endpoint of endpoints) {
    const response = await client.http.request({
      method: 'GET',
      url: `${client.urls[endpoint]}${path}`,
      headers: { authorization: `Bearer ${await client.token()}`, accept: 'application/json' },
      timeoutMs: 15_000,
    });
    if (response.status === 200) {
      try {
        const json: unknown = JSON.parse(response.text);
        if (typeof json === 'object' && json !== null) return json as Record<string, unknown>;
      } catch {
        // fall through to the error below
      }
      throw new PayGatewayError('apple: the App Store Server API answered with a body that is not JSON', { code: 'RESPONSE_INVALID', channel: 'apple', isRetryable: true });
    }
    lastError = apiError(response.status, response.text, endpoint);
    if (response.status !== 404) break;
  }
  throw lastError as Error;
}

/** A transaction id as Apple issues them (digits), refused otherwise before any call. */
export function assertTransactionId(transactionId: unknown): string {
  if (typeof transactionId !== 'string' || !/^\d{1,32}$/.test(transactionId)) {
    throw new PayValidationError('apple: transactionId must be the numeric string Apple issued', [{ path: 'transactionId', message: 'expected digits' }]);
  }
  return transactionId;
}
