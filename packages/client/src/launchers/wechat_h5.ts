/**
 * `@payweave/client/wechat_h5`: WeChat Pay in a mobile browser outside WeChat (H5 payment): a redirect to the
 * `h5_url` cashier, whose `redirect_url` brings the payer back.
 */
import type { Launcher } from '../types';
import { redirect } from './shared/navigate';

/** Sends the payer to the H5 cashier (or hands the navigation to `onNavigate`); resolves to `{ status: 'redirected' }`. */
export const wechatH5Launcher: Launcher<'wechat_h5'> = {
  name: 'wechat_h5',
  channels: ['wechat_h5'],
  async launch(charge, context) {
    redirect(charge.credential.url, context);
    return { status: 'redirected', charge };
  },
};
