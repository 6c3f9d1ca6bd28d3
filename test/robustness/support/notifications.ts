/**
 * Notification-shaped garbage: bodies and headers that look like each gateway's (the right field names, signature
 * headers, JWS segments) with hostile values, so that verification code past the first `typeof` is exercised.
 */
import fc from 'fast-check';
import { anyString, garbage } from './arbitraries';

/** Percent-encoding that keeps a lone surrogate as it is (a body may carry anything). */
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
};
const b64url = (text: string) => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const formOf = (keys: readonly string[]) =>
  fc
    .dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'sign', 'signature'), fc.oneof(anyString, fc.constantFrom('TRADE_SUCCESS', '00', 'RSA2', 'UTF-8', '5.1.0', '1999', '19.99', '1e3', '-1')), {
      maxKeys: keys.length,
    })
    .map((fields) => Object.entries(fields).map(([k, v]) => `${encode(k)}=${encode(v).slice(0, 4096)}`).join('&'));

const alipayForm = formOf(['notify_type', 'notify_id', 'notify_time', 'trade_status', 'out_trade_no', 'trade_no', 'total_amount', 'sign_type', 'app_id', 'charset', 'gmt_payment', 'refund_fee', 'out_biz_no', 'seller_id', 'version']);
const unionpayForm = formOf(['signature', 'signPubKeyCert', 'signMethod', 'version', 'encoding', 'orderId', 'txnAmt', 'respCode', 'respMsg', 'merId', 'txnType', 'txnSubType', 'bizType', 'queryId', 'certId', 'accessType', 'txnTime', 'origQryId', 'reqReserved']);

const json = (value: unknown) => {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) ?? 'null';
  } catch {
    return '{}';
  }
};

const wechatV3Body = fc
  .record(
    {
      id: garbage,
      create_time: garbage,
      event_type: fc.oneof(fc.constantFrom('TRANSACTION.SUCCESS', 'REFUND.SUCCESS', 'REFUND.ABNORMAL'), anyString),
      resource_type: garbage,
      resource: fc.oneof(garbage, fc.record({ algorithm: fc.oneof(fc.constant('AEAD_AES_256_GCM'), anyString), ciphertext: fc.oneof(fc.base64String(), anyString), nonce: anyString, associated_data: anyString, original_type: anyString }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  )
  .map(json);

const wechatV2Body = fc
  .dictionary(fc.constantFrom('return_code', 'result_code', 'appid', 'mch_id', 'out_trade_no', 'total_fee', 'sign', 'sign_type', 'req_info', 'nonce_str', 'transaction_id', 'time_end'), anyString, { maxKeys: 10 })
  .map((fields) => `<xml>${Object.entries(fields).map(([k, v]) => `<${k}><![CDATA[${v.slice(0, 2048)}]]></${k}>`).join('')}</xml>`);

const jws = fc
  .tuple(
    fc.oneof(fc.record({ alg: fc.oneof(fc.constant('ES256'), anyString), x5c: fc.oneof(garbage, fc.array(fc.oneof(fc.base64String({ maxLength: 400 }), anyString), { maxLength: 3 })) }, { requiredKeys: [] }), garbage),
    garbage,
    fc.oneof(fc.base64String(), anyString),
  )
  .map(([header, payload, signature]) => `${b64url(json(header))}.${b64url(json(payload))}.${signature.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 200)}`);

const appleBody = fc.oneof(jws.map((signedPayload) => json({ signedPayload })), garbage.map(json));

/** A body in any gateway's shape, or anything else a body can be (string, bytes, objects). */
export const notificationBody: fc.Arbitrary<unknown> = fc.oneof(
  alipayForm,
  unionpayForm,
  wechatV3Body,
  wechatV2Body,
  appleBody,
  anyString,
  fc.uint8Array({ maxLength: 512 }),
  garbage,
);

/** Headers: WeChat Pay v3 signature headers with hostile values, arrays, odd names, or garbage. */
export const notificationHeaders: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      'wechatpay-signature': fc.oneof(fc.base64String(), anyString),
      'Wechatpay-Timestamp': fc.oneof(fc.constant(String(Math.floor(Date.now() / 1000))), anyString),
      'wechatpay-nonce': anyString,
      'wechatpay-serial': fc.oneof(fc.constantFrom('3B7E9F1A2C4D6E80', 'PUB_KEY_ID_0119000001092026112600000001'), anyString),
      'wechatpay-signature-type': fc.oneof(fc.constant('WECHATPAY2-SHA256-RSA2048'), anyString),
      'content-type': fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/xml'),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(anyString, fc.oneof(anyString, fc.array(anyString, { maxLength: 2 }), fc.constant(undefined)), { maxKeys: 4 }),
  garbage,
);

/** A RawNotification-shaped value (sometimes not an object at all). */
export const rawNotification: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ body: notificationBody, headers: notificationHeaders, method: fc.oneof(fc.constantFrom('POST', 'GET'), garbage), url: fc.oneof(fc.constant('http://merchant.test/notify?x=1'), garbage) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: garbage },
);

/** A provider name, or not. */
export const providerArb: fc.Arbitrary<unknown> = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('alipay', 'wechat', 'unionpay', 'apple') }, { weight: 1, arbitrary: garbage });
