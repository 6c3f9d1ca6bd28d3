/**
 * The built-in gateway emulators, one folder each (`./alipay`, `./wechat`, `./unionpay`, `./apple`). Register yours by
 * adding it to the tuple: `createSandbox()` then serves it and `sandbox.channelConfigs()` gains its typed entry.
 * See docs/contributing/add-a-sandbox-gateway.md.
 */
export const BUILTIN_GATEWAYS = [] as const;
