/**
 * The Alipay OpenAPI emulator: gateway.do for page/wap/precreate/pay/query/close/cancel/refund/refund query, the
 * cashier for page, wap, QR and app orders, signed browser returns, and `trade_status_sync` notifications on Alipay's
 * retry schedule until the merchant answers exactly `success`. It verifies the merchant's RSA2 signature like the
 * gateway (`isv.invalid-signature`) and signs with its own TEST key (keys.ts).
 */
import type { AlipayConfig } from '@payweave/server/alipay';
import { defineGateway } from '../define';
import { APP_PRIVATE_KEY_PEM, GATEWAY_PUBLIC_KEY_PEM, SANDBOX_APP_ID, SANDBOX_SELLER_ID } from './keys';
import { gatewayRoutes } from './routes/gateway';
import { newTradeNo, notifyTrade, signedReturnUrl } from './trades';

export const alipayGateway = defineGateway({
  provider: 'alipay',
  basePath: '/alipay',
  title: 'Alipay (支付宝)',
  description: 'OpenAPI gateway.do: page/wap/app/precreate/pay/query/close/cancel/refund',
  accentColor: '#1677ff',
  links: [{ label: 'Gateway', path: '/gateway.do' }],
  routes: (context) => gatewayRoutes(context),
  channelConfig: ({ gatewayUrl }): AlipayConfig => ({
    appId: SANDBOX_APP_ID,
    privateKey: APP_PRIVATE_KEY_PEM,
    alipayPublicKey: GATEWAY_PUBLIC_KEY_PEM,
    sellerId: SANDBOX_SELLER_ID,
    baseUrl: `${gatewayUrl}/gateway.do`,
  }),
  async pay(order, outcome, context) {
    // Alipay notifies paid trades only; a payer who gives up is sent nowhere by the gateway (wap: quit_url).
    if (outcome !== 'succeeded') return;
    const paid = context.orders.update('alipay', order.orderNo, { channelTradeNo: order.channelTradeNo ?? newTradeNo(context) });
    notifyTrade(paid, context);
    const surface = paid.data.surface;
    if (surface !== 'page' && surface !== 'wap') return;
    const redirectTo = await signedReturnUrl(paid, context);
    return redirectTo ? { redirectTo } : undefined;
  },
});
