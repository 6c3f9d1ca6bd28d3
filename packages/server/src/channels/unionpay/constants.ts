/**
 * UnionPay ACP 5.1.0 gateway constants.
 * @see https://open.unionpay.com/tjweb/acproduct/APIList?acpAPIId=754&apiservId=448 (consume, front)
 */

/** Gateway roots; `baseUrl` in the config replaces them (sandbox). */
export const GATEWAY_URLS = {
  production: 'https://gateway.95516.com',
  test: 'https://gateway.test.95516.com',
} as const;

/** Endpoint paths below the gateway root. */
export const ENDPOINTS = {
  /** Browser form POST (PC / WAP cashier). */
  front: '/gateway/api/frontTransReq.do',
  /** App consume: answers a `tn` for the UnionPay / Cloud QuickPass app SDK. */
  app: '/gateway/api/appTransReq.do',
  /** Server-to-server: refund, consume undo. */
  back: '/gateway/api/backTransReq.do',
  /** Single transaction status query. */
  query: '/gateway/api/queryTrans.do',
} as const;

/** The protocol version we sign (SHA-256); 5.0.0 (SHA-1) is only verified. */
export const ACP_VERSION = '5.1.0';
export const LEGACY_ACP_VERSION = '5.0.0';
/** RSA certificate signature (11/12 are the secure-key modes, which we do not offer). */
export const SIGN_METHOD_RSA = '01';
/** ISO 4217 numeric code of CNY. */
export const CURRENCY_CNY = '156';
/** Merchant direct access. */
export const ACCESS_TYPE_MERCHANT = '0';

export const TXN_TYPE = { query: '00', consume: '01', refund: '04', consumeUndo: '31' } as const;
export const BIZ_TYPE = { gatewayConsume: '000201', query: '000000' } as const;
/** 07: internet (PC browser); 08: mobile (WAP and app). */
export const CHANNEL_TYPE = { pc: '07', mobile: '08' } as const;

/** Mode the app SDK needs beside the `tn`: '00' production, '01' test. */
export const APP_MODE = { production: '00', test: '01' } as const;

/**
 * The owner UnionPay's signing certificate must carry: the third `@`-separated part of its subject CN.
 * Production: the company name. Test environment certificates carry `00040000:SIGN` instead (the official SDKs accept
 * those only with `ifValidateCNName=false`, which is what `environment: 'test'` means here).
 */
export const SIGNER_OWNER = {
  production: '中国银联股份有限公司',
  test: '00040000:SIGN',
} as const;

/** Any HTTP 200 stops UnionPay's retries; the body is not read, we send `ok`. */
export const ACK_OK_BODY = 'ok';

/** Response codes that mean "outcome unknown yet: query again later" (交易状态未明). */
export const UNKNOWN_RESP_CODES: ReadonlySet<string> = new Set(['03', '04', '05']);
/** queryTrans: no such transaction (yet). A front consume has no record until the payer submits the cashier form. */
export const NOT_FOUND_RESP_CODE = '34';
