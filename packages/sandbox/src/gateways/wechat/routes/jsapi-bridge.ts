/**
 * A stand-in for WeChat's in-app browser bridge, for test pages outside WeChat: `GET {basePath}/jsapi-bridge.js`
 * defines `window.WeixinJSBridge` (and fires `WeixinJSBridgeReady`). Its `invoke('getBrandWCPayRequest', params, cb)`
 * asks `POST {basePath}/jsapi/pay` to check `paySign` like WeChat (RSA over `appId\ntimeStamp\nnonceStr\npackage\n`
 * for APIv3, MD5/HMAC for APIv2), then posts the payer's decision to the sandbox cashier and answers
 * `get_brand_wcpay_request:ok|cancel|fail`. Set `window.payweaveWechatDecision = 'cancel' | 'fail'` to simulate those.
 * @see https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/jsapi-transfer-payment.html
 */
import type { GatewayContext, SandboxRoute } from '../../../types';
import { MERCHANT_PUBLIC_PEM } from '../keys';
import { dataOf } from '../orders';
import { signV2 } from '../protocol-v2';

const CORS = { 'Access-Control-Allow-Origin': '*' };

function pemBody(pem: string): ArrayBuffer {
  return Uint8Array.from(atob(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '')), (c) => c.charCodeAt(0)).buffer;
}

async function paySignValid(params: Record<string, string>): Promise<boolean> {
  const { appId = '', timeStamp = '', nonceStr = '', package: pkg = '', signType = '', paySign = '' } = params;
  if (signType === 'RSA') {
    const key = await crypto.subtle.importKey('spki', pemBody(MERCHANT_PUBLIC_PEM), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
    const signature = Uint8Array.from(atob(paySign), (c) => c.charCodeAt(0));
    return crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, new TextEncoder().encode(`${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`));
  }
  return paySign === (await signV2({ appId, timeStamp, nonceStr, package: pkg, signType }, signType));
}

function script(origin: string, basePath: string): string {
  const base = JSON.stringify(origin + basePath);
  return `(function () {
  var base = ${base};
  function answer(callback, outcome) { callback({ err_msg: 'get_brand_wcpay_request:' + outcome }); }
  window.WeixinJSBridge = {
    invoke: function (api, params, callback) {
      if (api !== 'getBrandWCPayRequest') { answer(callback, 'fail'); return; }
      fetch(base + '/jsapi/pay', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(params) })
        .then(function (response) { return response.json(); })
        .then(function (checked) {
          if (!checked.orderNo) { answer(callback, 'fail'); return; }
          var decision = window.payweaveWechatDecision || 'pay';
          return fetch(base + '/cashier/' + encodeURIComponent(checked.orderNo), { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=' + decision })
            .then(function () { answer(callback, decision === 'pay' ? 'ok' : decision); });
        })
        .catch(function () { answer(callback, 'fail'); });
    }
  };
  document.dispatchEvent(new Event('WeixinJSBridgeReady'));
})();
`;
}

/** The bridge script and its paySign check. */
export function jsapiBridgeRoutes(context: GatewayContext): SandboxRoute[] {
  return [
    {
      method: 'GET',
      path: '/jsapi-bridge.js',
      handle: ({ origin }) => new Response(script(origin, context.basePath), { headers: { 'Content-Type': 'text/javascript; charset=utf-8', ...CORS } }),
    },
    {
      method: 'POST',
      path: '/jsapi/pay',
      handle: async ({ request }) => {
        let params: Record<string, string> = {};
        try {
          const parsed: unknown = JSON.parse(await request.text());
          if (typeof parsed === 'object' && parsed !== null) params = parsed as Record<string, string>;
        } catch {
          // not JSON: refused below like any request without a valid paySign
        }
        const prepayId = /^prepay_id=(.+)$/.exec(params.package ?? '')?.[1];
        const order = context.orders.list('wechat').find((o) => dataOf(o).prepayId === prepayId && dataOf(o).appid === params.appId);
        const ok = Boolean(order) && order?.status === 'pending' && (await paySignValid(params).catch(() => false));
        return new Response(JSON.stringify(ok ? { orderNo: order?.orderNo } : { error: 'paySign, appId or prepay_id is not valid' }), {
          status: ok ? 200 : 400,
          headers: { 'Content-Type': 'application/json', ...CORS },
        });
      },
    },
  ];
}
