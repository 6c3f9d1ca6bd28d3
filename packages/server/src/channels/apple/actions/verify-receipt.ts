/**
 * Legacy `verifyReceipt`: always production first, the sandbox on 21007 (App Review and TestFlight receipts),
 * production again on 21008; each endpoint at most once, so a misbehaving server cannot make us loop. The HTTP
 * status is 200 even for errors: the JSON `status` decides.
 * @see https://developer.apple.com/documentation/appstorereceipts/verifyreceipt
 * @see https://developer.apple.com/documentation/appstorereceipts/status
 */
import { PayGatewayError, parseOrThrow } from '@payweave/core';
import * as z from 'zod';
import type { HttpClient } from '../../../http/client';
import { RECEIPT_STATUS, RECEIPT_TIMEOUT_MS } from '../constants';
import { receiptStatusError } from '../errors';
import { ReceiptResponseSchema, type ReceiptResponse } from '../schemas';
import type { AppleEnvironment } from '../types';

type Endpoint = 'production' | 'sandbox';

/** What the routed call needs. */
export interface VerifyReceiptRequest {
  http: HttpClient;
  urls: { production: string; sandbox: string };
  receiptData: string;
  sharedSecret?: string;
  /** Where to start: production unless the channel only accepts the sandbox. */
  start: Endpoint;
}

/** Apple's answer with status 0 (or 21006), and the environment that gave it. */
export interface RoutedReceipt {
  response: ReceiptResponse;
  environment: AppleEnvironment;
  /** The endpoints called, in order (for logs and tests). */
  route: Endpoint[];
}

const ReceiptDataSchema = z.string().min(1).max(1_000_000).regex(/^[A-Za-z0-9+/=\s]+$/, 'expected base64');

async function callEndpoint(request: VerifyReceiptRequest, endpoint: Endpoint): Promise<ReceiptResponse> {
  const body = JSON.stringify({
    'receipt-data': request.receiptData,
    ...(request.sharedSecret !== undefined ? { password: request.sharedSecret } : {}),
    'exclude-old-transactions': false,
  });
  const response = await request.http.request({
    method: 'POST',
    url: request.urls[endpoint],
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
    timeoutMs: RECEIPT_TIMEOUT_MS,
  });
  if (response.status !== 200) {
    throw new PayGatewayError(`apple: verifyReceipt (${endpoint}) answered HTTP ${response.status}; retry later`, {
      code: 'GATEWAY_HTTP_ERROR',
      channel: 'apple',
      statusCode: response.status,
      isRetryable: response.status >= 500 || response.status === 429,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch (error) {
    throw new PayGatewayError(`apple: verifyReceipt (${endpoint}) answered with a body that is not JSON; retry later`, {
      code: 'RESPONSE_INVALID',
      channel: 'apple',
      isRetryable: true,
      cause: error,
    });
  }
  const parsed = ReceiptResponseSchema.safeParse(json);
  if (!parsed.success) {
    throw new PayGatewayError(`apple: verifyReceipt (${endpoint}) answered without a numeric status; retry later`, {
      code: 'RESPONSE_INVALID',
      channel: 'apple',
      isRetryable: true,
      raw: json,
    });
  }
  return parsed.data;
}

/** Check the receipt argument before sending it anywhere; throws `PayValidationError`. */
export function assertReceiptData(receiptData: unknown): string {
  return parseOrThrow(
    ReceiptDataSchema,
    receiptData,
    'apple receipt data (pass the base64 app receipt: Bundle.main.appStoreReceiptURL contents, base64-encoded)',
  );
}

/** Call verifyReceipt with the 21007/21008 routing; throws a typed error for every non-valid status. */
export async function verifyReceiptRouted(request: VerifyReceiptRequest): Promise<RoutedReceipt> {
  const route: Endpoint[] = [];
  let endpoint: Endpoint = request.start;
  for (;;) {
    route.push(endpoint);
    const response = await callEndpoint(request, endpoint);
    const next =
      response.status === RECEIPT_STATUS.SANDBOX_RECEIPT ? 'sandbox' : response.status === RECEIPT_STATUS.PRODUCTION_RECEIPT ? 'production' : null;
    if (next && !route.includes(next)) {
      endpoint = next;
      continue;
    }
    if (response.status !== RECEIPT_STATUS.OK && response.status !== RECEIPT_STATUS.SUBSCRIPTION_EXPIRED) {
      const flag = response['is-retryable'];
      throw receiptStatusError(response.status, flag === true || flag === 1, response);
    }
    // Each endpoint validates only its own environment's receipts (the 21007/21008 answers say so): the endpoint
    // that answered 0 is the receipt's environment, whatever the body's `environment` field claims.
    const environment: AppleEnvironment = endpoint === 'sandbox' ? 'Sandbox' : 'Production';
    return { response, environment, route };
  }
}
