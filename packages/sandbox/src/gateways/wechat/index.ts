/**
 * The WeChat Pay emulator: APIv3 prepay (JSAPI / mini-program, APP, H5, Native), query, close, refunds and
 * notifications encrypted and signed like WeChat's, on WeChat's retry schedule; an H5 cashier that honours
 * `redirect_url`. Replies are signed in public-key mode (PUB_KEY_ID_...), notifications with the platform certificate,
 * so a merchant config holding both (the migration case) is exercised on every round trip.
 * @see https://pay.weixin.qq.com/docs/merchant/development/interface-rules/introduction.html
 */
import type { WechatConfig } from '@payweave/server/wechat';
import { ACKNOWLEDGEMENTS } from '../../notifications/acknowledgements';
import { defineGateway } from '../define';
import {
  MERCHANT_CERT_PEM,
  MERCHANT_KEY_PEM,
  MERCHANT_SERIAL,
  PLATFORM_CERT_PEM,
  PLATFORM_SERIAL,
  PUBLIC_KEY_ID,
  PUBLIC_KEY_MODE_PUBLIC_PEM,
  SANDBOX_API_KEY,
  SANDBOX_API_V3_KEY,
  SANDBOX_APP_ID,
  SANDBOX_MCH_ID,
  SANDBOX_MINI_APP_ID,
} from './keys';
import { dataOf, transactionJson } from './orders';
import { notificationRequest } from './protocol';
import { jsapiBridgeRoutes } from './routes/jsapi-bridge';
import { notifyV2Payment, v2Routes } from './routes/v2';
import { v3PayRoutes } from './routes/v3-pay';
import { v3RefundRoutes } from './routes/v3-refund';

/** The WeChat Pay gateway emulator. */
export const wechatGateway = defineGateway({
  provider: 'wechat',
  basePath: '/wechat',
  title: 'WeChat Pay (微信支付)',
  links: [{ label: 'JSAPI bridge script', path: '/jsapi-bridge.js' }],
  description: 'APIv3 prepay/query/close/refunds with signed, encrypted notifications; APIv2 XML unifiedorder/micropay/refund',
  accentColor: '#07c160',
  routes: (context) => [
    ...v3PayRoutes(context),
    ...v3RefundRoutes(context),
    ...v2Routes(context),
    ...jsapiBridgeRoutes(context),
    {
      // The H5 cashier behind h5_url: remembers redirect_url (where WeChat sends the browser back) and shows the page.
      method: 'GET',
      path: '/h5/:orderNo',
      handle: ({ params, url }) => {
        const order = context.orders.require('wechat', params.orderNo as string);
        const redirectUrl = url.searchParams.get('redirect_url');
        const current = redirectUrl ? context.orders.update('wechat', order.orderNo, { data: { redirectUrl } }) : order;
        return context.cashierPage(current);
      },
    },
  ],
  channelConfig: ({ gatewayUrl }): WechatConfig => ({
    mchId: SANDBOX_MCH_ID,
    appId: SANDBOX_APP_ID,
    miniAppId: SANDBOX_MINI_APP_ID,
    privateKey: MERCHANT_KEY_PEM,
    certificateSerial: MERCHANT_SERIAL,
    apiV3Key: SANDBOX_API_V3_KEY,
    platformKeys: { [PLATFORM_SERIAL]: PLATFORM_CERT_PEM, [PUBLIC_KEY_ID]: PUBLIC_KEY_MODE_PUBLIC_PEM },
    apiKey: SANDBOX_API_KEY,
    clientCertificate: { cert: MERCHANT_CERT_PEM },
    baseUrl: gatewayUrl,
  }),
  pay: (order, outcome, context) => {
    const data = dataOf(order);
    if (outcome === 'succeeded') {
      const paid = context.orders.update('wechat', order.orderNo, { channelTradeNo: `4200${String(context.nextSequence()).padStart(24, '0')}` });
      // WeChat notifies successful payments only; a failed or abandoned payment is found by query.
      if (paid.notifyUrl && data.api === 'v3') {
        context.notify({
          url: paid.notifyUrl,
          orderNo: paid.orderNo,
          label: 'TRANSACTION.SUCCESS',
          isAcknowledged: ACKNOWLEDGEMENTS.wechatV3,
          buildRequest: () => notificationRequest('TRANSACTION.SUCCESS', '支付成功', 'transaction', transactionJson(paid), `EV-${paid.channelTradeNo}`, context.clock()),
        });
      }
      if (data.api === 'v2') notifyV2Payment(context, paid);
    }
    return data.redirectUrl ? { redirectTo: data.redirectUrl } : undefined;
  },
});
