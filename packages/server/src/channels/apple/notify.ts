/**
 * App Store Server Notifications V2: POST `{"signedPayload":"<JWS>"}`. The payload and its nested
 * `signedTransactionInfo` / `signedRenewalInfo` are verified separately; the event id is the `notificationUUID`,
 * identical on every redelivery. HTTP 200 acknowledges; anything else makes Apple retry (up to five times over
 * three days in Production).
 * @see https://developer.apple.com/documentation/appstoreservernotifications/responding-to-app-store-server-notifications
 */
import { PayValidationError, toPayIssues, type PaymentEvent } from '@payweave/core';
import { fromUtf8Strict } from '../../internal/encoding';
import type { Acknowledgement, AcknowledgementOutcome, RawNotification, VerifiedNotification } from '../types';
import { eventTypeOf } from './map';
import { NotificationBodySchema, NotificationPayloadSchema } from './schemas';
import type { SignedDataVerifier } from './verifier';

function malformed(message: string, issues = [{ path: 'body', message }]): PayValidationError {
  return new PayValidationError(`apple: ${message}`, issues, { code: 'NOTIFICATION_MALFORMED', channel: 'apple' });
}

function readSignedPayload(request: RawNotification): string {
  const { body } = request;
  const text = typeof body === 'string' ? body : body instanceof Uint8Array ? fromUtf8Strict(body) : null;
  if (text === null || text.length === 0) throw malformed('the notification body is empty or not UTF-8: pass the raw request body');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw malformed('the notification body is not JSON; Apple sends {"signedPayload": "<JWS>"}');
  }
  const parsed = NotificationBodySchema.safeParse(json);
  if (!parsed.success) throw malformed('the notification body has no signedPayload string', toPayIssues(parsed.error));
  return parsed.data.signedPayload;
}

/** Verify a Server Notifications V2 request and normalise it to an `iap.*` event. */
export async function verifyAppleNotification(verifier: SignedDataVerifier, request: RawNotification): Promise<VerifiedNotification> {
  const { payload } = await verifier.verifyNotification(readSignedPayload(request));
  const parsed = NotificationPayloadSchema.safeParse(payload);
  if (!parsed.success) throw malformed('the verified notification lacks notificationUUID, notificationType or signedDate', toPayIssues(parsed.error));
  const notification = parsed.data;
  const data = notification.data;
  const transactionInfo = data?.signedTransactionInfo ? (await verifier.verifyTransaction(data.signedTransactionInfo)).payload : undefined;
  const renewalInfo = data?.signedRenewalInfo ? (await verifier.verifyRenewalInfo(data.signedRenewalInfo)).payload : undefined;
  const transactionId = typeof transactionInfo?.transactionId === 'string' ? transactionInfo.transactionId : undefined;
  const event: PaymentEvent = {
    id: `apple:${notification.notificationUUID}`,
    type: eventTypeOf(notification.notificationType, notification.subtype),
    provider: 'apple',
    ...(transactionId ? { channelTradeNo: transactionId } : {}),
    occurredAt: new Date(notification.signedDate).toISOString(),
    // The payload verbatim; the verified nested JWS are added beside their signed strings.
    raw: data ? { ...payload, data: { ...(payload.data as object), transactionInfo, renewalInfo } } : payload,
  };
  return { event };
}

/** HTTP 200 with an empty body acknowledges; 500 for retryable failures, 400 otherwise (Apple retries both). */
export function acknowledgeApple(outcome: AcknowledgementOutcome): Acknowledgement {
  if (outcome.ok) return { status: 200, headers: {}, body: '' };
  return { status: outcome.error.isRetryable ? 500 : 400, headers: {}, body: '' };
}
