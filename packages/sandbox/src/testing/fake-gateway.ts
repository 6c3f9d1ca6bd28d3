/**
 * A minimal gateway emulator for the framework's own tests, and the smallest example of the emulator contract:
 * one "create order" endpoint, one query endpoint, a channel config, and a `pay` hook that notifies and redirects.
 * It speaks no real protocol (no signatures): real emulators live in `src/gateways/<provider>/`.
 */
import { defineGateway } from '../gateways/define';
import { jsonResponse } from '../html';
import { ACKNOWLEDGEMENTS } from '../notifications/acknowledgements';

/** The config the fake "channel" would take. */
export interface FakeChannelConfig {
  appId: string;
  baseUrl: string;
}

/** A fake emulator registered as the `alipay` provider under `/fake`, acknowledging like Alipay (`success`). */
export const fakeGateway = defineGateway({
  provider: 'alipay',
  basePath: '/fake',
  title: 'Fake <gateway>',
  description: 'test double',
  accentColor: '#1677ff',
  links: [{ label: 'Orders', path: '/orders' }],
  routes: (context) => [
    {
      method: 'POST',
      path: '/orders',
      handle: async ({ request, origin }) => {
        const input = (await request.json()) as { orderNo: string; amount: number; subject: string; notifyUrl?: string; returnUrl?: string };
        const order = context.orders.create({ provider: context.provider, merchantName: 'Fake Shop', ...input, data: { appId: 'TEST_APP' } });
        return jsonResponse({ orderNo: order.orderNo, cashierUrl: context.cashierUrl(origin, order.orderNo) }, 201);
      },
    },
    {
      method: 'GET',
      path: '/orders/:orderNo',
      handle: ({ params }) => {
        const order = context.orders.require(context.provider, params.orderNo as string);
        return jsonResponse({ orderNo: order.orderNo, status: order.status, tradeNo: order.channelTradeNo ?? null });
      },
    },
  ],
  channelConfig: ({ gatewayUrl }): FakeChannelConfig => ({ appId: 'TEST_APP', baseUrl: gatewayUrl }),
  pay(order, outcome, context) {
    if (outcome === 'succeeded') {
      const paid = context.orders.update(order.provider, order.orderNo, { channelTradeNo: `FAKE${String(context.nextSequence()).padStart(6, '0')}` });
      if (paid.notifyUrl) {
        context.notify({
          url: paid.notifyUrl,
          label: 'TRADE_SUCCESS',
          isAcknowledged: ACKNOWLEDGEMENTS.alipay,
          buildRequest: async () => ({
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ out_trade_no: paid.orderNo, trade_no: paid.channelTradeNo ?? '', trade_status: 'TRADE_SUCCESS' }).toString(),
          }),
        });
      }
    }
    if (!order.returnUrl) return;
    return { redirectTo: `${order.returnUrl}?${new URLSearchParams({ out_trade_no: order.orderNo, outcome }).toString()}` };
  },
});
