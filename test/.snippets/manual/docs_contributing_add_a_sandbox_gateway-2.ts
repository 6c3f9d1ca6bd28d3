import { defineGateway } from '../define';
import { ACKNOWLEDGEMENTS } from '../../notifications/acknowledgements';

export const alipayGateway = defineGateway({
  provider: 'alipay',
  basePath: '/alipay',                  // one lowercase segment; every route below lives under it
  title: 'Alipay (支付宝)',              // index page, cashier badge
  description: 'OpenAPI gateway.do: page/wap/app/precreate/query/refund/close',
  accentColor: '#1677ff',               // hex, or it is ignored
  links: [{ label: 'Gateway', path: '/gateway.do' }],
  routes: (context) => [ /* SandboxRoute[] */ ],
  channelConfig: ({ baseUrl, gatewayUrl }) => ({ /* what alipay() accepts, TEST keys, pointing at gatewayUrl */ }),
  pay: async (order, outcome, context) => { /* notify, then { redirectTo } */ },
});
export {};
