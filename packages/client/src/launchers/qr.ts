/**
 * `@payweave/client/qr`: the scan-to-pay channels (alipay_qr, wechat_native). Nothing is opened: the result carries
 * the QR payload for the page to render, and the page then waits for the result.
 */
import type { Launcher } from '../types';
import { qrResult } from './shared/qr';

/** Resolves to `{ status: 'qr', qrCode }` with the payload to render as a QR code. */
export const qrLauncher: Launcher<'alipay_qr' | 'wechat_native'> = {
  name: 'qr',
  channels: ['alipay_qr', 'wechat_native'],
  async launch(charge) {
    const { credential } = charge;
    return qrResult(charge, credential.channel === 'alipay_qr' ? credential.qrCode : credential.codeUrl);
  },
};
