/**
 * Routes of the Apple emulator: the device side (`/storekit/*`: buy, read a transaction, the app receipt), the legacy
 * `verifyReceipt` endpoints with Apple's routing statuses, the App Store Server API look-ups, and a notification
 * trigger (refunds, TEST).
 * @see https://developer.apple.com/documentation/appstorereceipts/verifyreceipt
 */
import { PayValidationError } from '@payweave/core';
import { jsonResponse } from '../../html';
import type { GatewayContext, SandboxRoute } from '../../types';
import { SANDBOX_BUNDLE_ID, SANDBOX_SHARED_SECRET } from './keys';
import { decodeReceipt, encodeReceipt, receiptEntry, signAsAppStore, type AppleSandboxEnvironment } from './protocol';
import { serverApiRoutes } from './server-api';
import { payloadOf, recordPurchase, sendNotification, type PurchaseInput } from './storekit';

async function readJson(request: Request): Promise<Record<string, unknown>> {
  try {
    const value: unknown = await request.json();
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new PayValidationError('apple sandbox: expected a JSON object body', [{ path: 'body', message: 'expected JSON' }]);
}

/** verifyReceipt as one environment's endpoint answers it (HTTP 200 with a JSON `status`, like Apple). */
function verifyReceipt(endpoint: AppleSandboxEnvironment, context: GatewayContext) {
  return async ({ request }: { request: Request }) => {
    const body = await readJson(request).catch(() => undefined);
    const receipt = decodeReceipt(body?.['receipt-data']);
    if (!receipt) return jsonResponse({ status: 21002 });
    if (receipt.environment === 'Sandbox' && endpoint === 'Production') return jsonResponse({ status: 21007 });
    if (receipt.environment === 'Production' && endpoint === 'Sandbox') return jsonResponse({ status: 21008 });
    if (body?.password !== undefined && body.password !== SANDBOX_SHARED_SECRET) return jsonResponse({ status: 21004, environment: endpoint });
    const orders = context.orders.list('apple').filter((o) => o.status === 'succeeded' && o.data.appleId === receipt.appleId && payloadOf(o).environment === endpoint);
    const entries = orders.map((o) => receiptEntry(payloadOf(o)));
    const subscriptions = entries.filter((entry) => entry.expires_date_ms !== undefined);
    return jsonResponse({
      status: 0,
      environment: endpoint,
      receipt: {
        receipt_type: endpoint === 'Sandbox' ? 'ProductionSandbox' : 'Production',
        bundle_id: receipt.bundleId,
        application_version: '1',
        original_application_version: '1.0',
        receipt_creation_date_ms: String(context.clock()),
        in_app: entries,
      },
      latest_receipt: encodeReceipt(receipt),
      latest_receipt_info: subscriptions,
      pending_renewal_info: subscriptions.map((entry) => ({ auto_renew_status: '1', original_transaction_id: entry.original_transaction_id, product_id: entry.product_id })),
    });
  };
}

/** Every route of the emulator. */
export function appleRoutes(context: GatewayContext): SandboxRoute[] {
  return [
    {
      method: 'POST',
      path: '/storekit/purchase',
      handle: async ({ request }) => {
        const order = recordPurchase((await readJson(request)) as unknown as PurchaseInput, context);
        const payload = payloadOf(order);
        const receipt = encodeReceipt({ environment: payload.environment as AppleSandboxEnvironment, bundleId: SANDBOX_BUNDLE_ID, appleId: order.data.appleId as string });
        const signedTransaction = order.status === 'succeeded' ? await signAsAppStore(payload) : undefined;
        return jsonResponse({ transactionId: order.orderNo, originalTransactionId: payload.originalTransactionId, status: order.status, signedTransaction, receipt }, 201);
      },
    },
    {
      method: 'GET',
      path: '/storekit/transactions/:transactionId',
      handle: async ({ params }) => {
        const order = context.orders.require('apple', params.transactionId as string);
        const signedTransaction = order.status === 'succeeded' ? await signAsAppStore(payloadOf(order)) : undefined;
        return jsonResponse({ transactionId: order.orderNo, status: order.status, signedTransaction });
      },
    },
    ...serverApiRoutes('Production', context),
    ...serverApiRoutes('Sandbox', context),
    { method: 'POST', path: '/production/verifyReceipt', handle: verifyReceipt('Production', context) },
    { method: 'POST', path: '/sandbox/verifyReceipt', handle: verifyReceipt('Sandbox', context) },
    {
      method: 'POST',
      path: '/notifications/send',
      handle: async ({ request }) => {
        const input = await readJson(request);
        const notificationType = typeof input.notificationType === 'string' ? input.notificationType : 'TEST';
        let order = context.orders.require('apple', String(input.transactionId));
        if (notificationType === 'REFUND' || notificationType === 'REVOKE') {
          const payload = { ...payloadOf(order), revocationDate: context.clock(), revocationReason: 0 };
          order = context.orders.update('apple', order.orderNo, { status: 'closed', data: { payload } });
        }
        const url = typeof input.notifyUrl === 'string' ? input.notifyUrl : order.notifyUrl;
        const delivery = sendNotification(order, notificationType, typeof input.subtype === 'string' ? input.subtype : undefined, context, url);
        if (!delivery) throw new PayValidationError('apple sandbox: give a notifyUrl', [{ path: 'notifyUrl', message: 'required' }]);
        return jsonResponse({ deliveryId: delivery.id }, 202);
      },
    },
  ];
}
