/**
 * The built-in gateway emulators, one folder each (`./alipay`, `./wechat`, `./unionpay`, `./apple`). Register yours by
 * adding it to the tuple: `createSandbox()` then serves it and `sandbox.channelConfigs()` gains its typed entry.
 * See docs/contributing/add-a-sandbox-gateway.md.
 */
import { alipayGateway } from './alipay';
import { appleGateway } from './apple';
import { unionpayGateway } from './unionpay';
import { wechatGateway } from './wechat';

export const BUILTIN_GATEWAYS = [alipayGateway, unionpayGateway, wechatGateway, appleGateway] as const;
