/**
 * The UnionPay ACP 5.1.0 emulator: consume (front cashier and app `tn`), query, refund and consume undo, back
 * notifications on UnionPay's retry schedule and the signed front return. It checks the merchant's certId and
 * signature like the gateway and signs with its own TEST chain (keys.ts).
 */
import { ACKNOWLEDGEMENTS } from '../../notifications/acknowledgements';
import { defineGateway } from '../define';
import { backRoutes } from './back';
import { consumeRoutes } from './consume';
import { MERCHANT_CERT_PEM, MERCHANT_KEY_PEM, MIDDLE_CERT_PEM, ROOT_CERT_PEM, SANDBOX_MER_ID } from './keys';
import { consumeResult, notificationRequest, serial } from './messages';
import { signAsGateway } from './protocol';

/** The `unionpay()` config the emulator accepts (structurally the channel factory's config). */
export interface UnionPaySandboxConfig {
  merId: string;
  signCert: { privateKey: string; certificate: string };
  rootCert: string;
  middleCert: string;
  environment: 'test';
  baseUrl: string;
}

export const unionpayGateway = defineGateway({
  provider: 'unionpay',
  basePath: '/unionpay',
  title: 'UnionPay (银联)',
  description: 'ACP 5.1.0: frontTransReq, appTransReq, backTransReq, queryTrans',
  accentColor: '#d7000f',
  routes: (context) => [...consumeRoutes(context), ...backRoutes(context)],
  channelConfig: ({ gatewayUrl }): UnionPaySandboxConfig => ({
    merId: SANDBOX_MER_ID,
    signCert: { privateKey: MERCHANT_KEY_PEM, certificate: MERCHANT_CERT_PEM },
    rootCert: ROOT_CERT_PEM,
    middleCert: MIDDLE_CERT_PEM,
    environment: 'test',
    baseUrl: gatewayUrl,
  }),
  async pay(order, outcome, context) {
    if (outcome === 'canceled') return;
    const settled = outcome === 'succeeded' ? context.orders.update('unionpay', order.orderNo, { channelTradeNo: serial(context) }) : order;
    const result = consumeResult(settled, outcome === 'succeeded' ? '00' : '01', context);
    if (outcome === 'succeeded' && settled.notifyUrl) {
      context.notify({ url: settled.notifyUrl, orderNo: settled.orderNo, label: 'txnType 01', buildRequest: notificationRequest(result), isAcknowledged: ACKNOWLEDGEMENTS.unionpay });
    }
    if (!settled.returnUrl || settled.data.surface !== 'front') return;
    return { postTo: { url: settled.returnUrl, fields: await signAsGateway(result) } };
  },
});
