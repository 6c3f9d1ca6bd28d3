/**
 * `@payweave/client/wechat_native`: WeChat Pay by QR code on a desktop page (Native payment): nothing opens, the
 * result carries the `code_url` payload for the page to render. (`@payweave/client/qr` also covers alipay_qr.)
 */
import type { Launcher } from '../types';
import { qrResult } from './shared/qr';

/** Resolves to `{ status: 'qr', qrCode }` with the `code_url` to render as a QR code. */
export const wechatNativeLauncher: Launcher<'wechat_native'> = {
  name: 'wechat_native',
  channels: ['wechat_native'],
  async launch(charge) {
    return qrResult(charge, charge.credential.codeUrl);
  },
};
