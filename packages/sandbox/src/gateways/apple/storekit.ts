/**
 * The emulated App Store's records: each transaction is an order of the sandbox order book (provider `apple`,
 * order number = transaction id) whose `data` holds the JWS payload, the sandbox Apple ID and the notify URL.
 * A deferred purchase (Ask to Buy, a bank confirmation) stays `pending` until `sandbox.pay()` completes it.
 */
import { PayValidationError } from '@payweave/core';
import type { GatewayContext, SandboxOrder } from '../../types';
import { ACKNOWLEDGEMENTS } from '../../notifications/acknowledgements';
import { SANDBOX_APP_APPLE_ID, SANDBOX_BUNDLE_ID } from './keys';
import { signAsAppStore, type AppleSandboxEnvironment } from './protocol';

/** What a purchase request may say (the emulated device's StoreKit call). */
export interface PurchaseInput {
  productId: string;
  appleId?: string;
  environment?: AppleSandboxEnvironment;
  type?: 'Consumable' | 'Non-Consumable' | 'Auto-Renewable Subscription' | 'Non-Renewing Subscription';
  appAccountToken?: string;
  /** Renew this subscription: the new transaction shares its original transaction id. */
  originalTransactionId?: string;
  /** Milli-units of `currency` (6000 = 6.00). */
  price?: number;
  currency?: string;
  /** Where App Store Server Notifications V2 go (App Store Connect's setting, per purchase here). */
  notifyUrl?: string;
  /** Leave the purchase pending until `sandbox.pay(transactionId)`. */
  deferred?: boolean;
}

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/** The transaction payload of an order. */
export const payloadOf = (order: SandboxOrder) => order.data.payload as Record<string, unknown>;

/** Record a purchase; returns the order (pending when deferred). */
export function recordPurchase(input: PurchaseInput, context: GatewayContext): SandboxOrder {
  if (typeof input?.productId !== 'string' || input.productId === '') {
    throw new PayValidationError('apple sandbox: a purchase needs a productId', [{ path: 'productId', message: 'required' }]);
  }
  const now = context.clock();
  const transactionId = `2000000${String(context.nextSequence()).padStart(9, '0')}`;
  const renewed = input.originalTransactionId ? context.orders.get('apple', input.originalTransactionId) : undefined;
  if (input.originalTransactionId && !renewed) {
    throw new PayValidationError(`apple sandbox: no transaction ${input.originalTransactionId} to renew`, [{ path: 'originalTransactionId', message: 'unknown' }]);
  }
  const type = input.type ?? (renewed ? 'Auto-Renewable Subscription' : 'Consumable');
  const price = input.price ?? 6000;
  const payload: Record<string, unknown> = {
    transactionId,
    originalTransactionId: input.originalTransactionId ?? transactionId,
    bundleId: SANDBOX_BUNDLE_ID,
    productId: input.productId,
    purchaseDate: now,
    originalPurchaseDate: renewed ? payloadOf(renewed).purchaseDate : now,
    quantity: 1,
    type,
    inAppOwnershipType: 'PURCHASED',
    signedDate: now,
    environment: input.environment ?? 'Sandbox',
    transactionReason: renewed ? 'RENEWAL' : 'PURCHASE',
    storefront: 'CHN',
    price,
    currency: input.currency ?? 'CNY',
    ...(type === 'Auto-Renewable Subscription' ? { expiresDate: now + MONTH_MS, webOrderLineItemId: `${transactionId}1` } : {}),
    ...(input.appAccountToken ? { appAccountToken: input.appAccountToken } : {}),
  };
  const order = context.orders.create({
    provider: 'apple',
    orderNo: transactionId,
    amount: Math.max(1, Math.round(price / 10)),
    subject: input.productId,
    channelTradeNo: transactionId,
    ...(input.notifyUrl ? { notifyUrl: input.notifyUrl } : {}),
    data: { payload, appleId: input.appleId ?? 'sandbox-user' },
  });
  return input.deferred ? order : completePurchase(order, context);
}

/** Settle a purchase: stamp the dates, then send the notification Apple would. */
export function completePurchase(order: SandboxOrder, context: GatewayContext): SandboxOrder {
  const now = context.clock();
  const payload: Record<string, unknown> = { ...payloadOf(order), purchaseDate: now, signedDate: now };
  const settled = context.orders.update('apple', order.orderNo, { status: 'succeeded', paidAt: new Date(now).toISOString(), data: { payload } });
  const renewal = payload.transactionReason === 'RENEWAL';
  const subscription = payload.type === 'Auto-Renewable Subscription';
  const [notificationType, subtype] = renewal ? ['DID_RENEW', undefined] : subscription ? ['SUBSCRIBED', 'INITIAL_BUY'] : ['ONE_TIME_CHARGE', undefined];
  sendNotification(settled, notificationType as string, subtype, context);
  return settled;
}

/** Schedule a Server Notifications V2 delivery about `order` (nothing without a notify URL). */
export function sendNotification(order: SandboxOrder, notificationType: string, subtype: string | undefined, context: GatewayContext, url = order.notifyUrl) {
  if (!url) return undefined;
  const payload = payloadOf(order);
  const notificationUUID = globalThis.crypto.randomUUID();
  return context.notify({
    url,
    orderNo: order.orderNo,
    label: subtype ? `${notificationType}/${subtype}` : notificationType,
    isAcknowledged: ACKNOWLEDGEMENTS.apple,
    // The same notificationUUID on every retry, as Apple does; re-signed each time like a fresh delivery.
    buildRequest: async () => {
      const data = {
        appAppleId: SANDBOX_APP_APPLE_ID,
        bundleId: SANDBOX_BUNDLE_ID,
        bundleVersion: '1',
        environment: payload.environment,
        signedTransactionInfo: await signAsAppStore(payload),
        ...(payload.type === 'Auto-Renewable Subscription' ? { status: payload.revocationDate ? 5 : 1 } : {}),
      };
      const signedPayload = await signAsAppStore({
        notificationType,
        ...(subtype ? { subtype } : {}),
        notificationUUID,
        data,
        version: '2.0',
        signedDate: context.clock(),
      });
      return { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ signedPayload }) };
    },
  });
}
