/**
 * `@payweave/server/alipay`: the Alipay channel (`alipay_app`, `alipay_page`, `alipay_wap`, `alipay_qr`,
 * `alipay_barcode`) on the OpenAPI gateway (gateway.do), RSA2, public-key or certificate mode.
 *
 * ```ts
 * alipay({ appId: '2021000122671080', privateKey, alipayPublicKey })
 * alipay({ appId, privateKey, appCert, alipayPublicCert, alipayRootCert })   // certificate mode
 * ```
 */
import { PayError, PayUnsupportedError } from '@payweave/core';
import type { Acknowledgement, AcknowledgementOutcome, PayChannel } from '../types';
import { createAppCharge } from './actions/trade-app-pay';
import { closeTrade } from './actions/trade-close';
import { cancelTrade } from './actions/trade-cancel';
import { createBrowserCharge } from './actions/trade-page-pay';
import { createBarcodeCharge } from './actions/trade-pay';
import { createQrCharge } from './actions/trade-precreate';
import { queryTrade } from './actions/trade-query';
import { refundTrade } from './actions/trade-refund';
import { queryRefund } from './actions/trade-refund-query';
import { resolveAlipayConfig, type AlipayConfig } from './config';
import { ACK_FAILURE, ACK_SUCCESS } from './constants';
import { verifyNotification, verifyReturn } from './notify';
import { createRuntime, type AlipayRuntime } from './runtime';

export type { AlipayConfig } from './config';

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

/**
 * The exact acknowledgement Alipay expects: `success` stops redelivery, anything else asks for it. A verified message
 * that needs no action (`NOTIFICATION_IGNORED`) is acknowledged too, or Alipay would resend it for a day.
 */
function acknowledge(outcome: AcknowledgementOutcome): Acknowledgement {
  if (outcome.ok || outcome.error.code === 'NOTIFICATION_IGNORED') return { status: 200, headers: TEXT, body: ACK_SUCCESS };
  return { status: outcome.error.isRetryable ? 500 : 400, headers: TEXT, body: ACK_FAILURE };
}

/** Create the Alipay channel; the configuration is validated and every key and certificate read now. */
export function alipay(config: AlipayConfig): PayChannel {
  const resolved = resolveAlipayConfig(config);
  let runtime: AlipayRuntime | undefined;
  const ready = (): AlipayRuntime => {
    if (!runtime) throw new PayError('the alipay channel is used before init(): register it with createPayServer', { code: 'CHANNEL_NOT_READY', channel: 'alipay' });
    return runtime;
  };

  return {
    provider: 'alipay',
    channels: ['alipay_app', 'alipay_page', 'alipay_wap', 'alipay_qr', 'alipay_barcode'],
    livemode: resolved.livemode,
    async init(context) {
      runtime = await createRuntime(resolved, context);
    },
    createCharge(request) {
      switch (request.channel) {
        case 'alipay_app':
          return createAppCharge(ready(), request);
        case 'alipay_page':
        case 'alipay_wap':
          return createBrowserCharge(ready(), request, request.channel);
        case 'alipay_qr':
          return createQrCharge(ready(), request);
        case 'alipay_barcode':
          return createBarcodeCharge(ready(), request);
        default:
          return Promise.reject(new PayUnsupportedError(`alipay cannot create ${request.channel} charges`, { channel: 'alipay' }));
      }
    },
    queryCharge: (charge) => queryTrade(ready(), charge.orderNo),
    // A face-to-face (barcode) trade is reversed with cancel; every other trade is closed.
    closeCharge: async (charge) => {
      const rt = ready();
      if (charge.channel === 'alipay_barcode') await cancelTrade(rt, charge.orderNo, rt.config.barcode.sleep);
      else await closeTrade(rt, charge.orderNo);
    },
    createRefund: (charge, refund) => refundTrade(ready(), charge, refund),
    queryRefund: (charge, refund) => queryRefund(ready(), charge.orderNo, refund.refundNo),
    verifyNotification: (request) => verifyNotification(ready(), request),
    acknowledge,
    verifyReturn: (request) => verifyReturn(ready(), request),
  };
}
