/**
 * `gateway.do`: one endpoint for every method, told apart by the signed `method` parameter. Server calls are answered
 * with signed JSON; page/wap requests come from the browser (GET or an auto-submitted form) and are answered with
 * the cashier page, or an error page when the gateway refuses them.
 * @see https://opendocs.alipay.com/common/02kf5q
 */
import type { GatewayContext, RouteArgs, SandboxRoute } from '../../../types';
import { AlipayRefusal, refusalPage, refusalReply } from '../replies';
import { requestParams, verifyRequest, type AlipayRequest } from '../request';
import { appPay, barcodePay, browserPay, precreate } from './create';
import { cancel, close, query } from './manage';
import { refund, refundQuery } from './refund';

type MethodHandler = (context: GatewayContext, call: AlipayRequest, args: RouteArgs) => Response | Promise<Response>;

const SERVER_METHODS: Record<string, MethodHandler> = {
  'alipay.trade.precreate': precreate,
  'alipay.trade.pay': barcodePay,
  'alipay.trade.query': query,
  'alipay.trade.close': close,
  'alipay.trade.cancel': cancel,
  'alipay.trade.refund': refund,
  'alipay.trade.fastpay.refund.query': refundQuery,
};
const BROWSER_METHODS = new Set(['alipay.trade.page.pay', 'alipay.trade.wap.pay']);

async function handleGateway(context: GatewayContext, args: RouteArgs): Promise<Response> {
  const params = await requestParams(args.request, args.url);
  const method = params.method;
  const browser = method !== undefined && BROWSER_METHODS.has(method);
  try {
    const call = await verifyRequest(params);
    if (browser) return browserPay(context, call);
    // Own entries only: `method=constructor` must not find Object.prototype.constructor.
    const handler = Object.hasOwn(SERVER_METHODS, call.method) ? SERVER_METHODS[call.method] : undefined;
    if (!handler) throw new AlipayRefusal('40002', 'isv.invalid-method', `不存在的方法名 (the sandbox emulates ${Object.keys(SERVER_METHODS).join(', ')})`);
    return await handler(context, call, args);
  } catch (error) {
    if (!(error instanceof AlipayRefusal)) throw error;
    if (browser) return refusalPage(error);
    const known = method !== undefined && Object.hasOwn(SERVER_METHODS, method);
    return refusalReply(known ? method : undefined, error);
  }
}

/** The gateway and the sandbox wallet for app orders (`POST /app/pay` with the order string as body). */
export function gatewayRoutes(context: GatewayContext): SandboxRoute[] {
  return [
    { method: 'POST', path: '/gateway.do', handle: (args) => handleGateway(context, args) },
    { method: 'GET', path: '/gateway.do', handle: (args) => handleGateway(context, args) },
    {
      method: 'POST',
      path: '/app/pay',
      handle: async (args) => {
        const params = Object.fromEntries(new URLSearchParams(await args.request.text()));
        try {
          const call = await verifyRequest(params);
          if (call.method !== 'alipay.trade.app.pay') throw new AlipayRefusal('40002', 'isv.invalid-method', 'the wallet takes alipay.trade.app.pay orders');
          return appPay(context, call, args);
        } catch (error) {
          if (!(error instanceof AlipayRefusal)) throw error;
          return Response.json({ resultStatus: '4000', memo: `${error.subCode}: ${error.subMsg}` }, { status: 400 });
        }
      },
    },
  ];
}
