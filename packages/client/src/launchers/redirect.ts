/**
 * `@payweave/client/redirect`: the browser cashier channels whose credential is `{ method, url, fields? }`
 * (alipay_page, alipay_wap, unionpay_wap, unionpay_page): redirect, or auto-submit a form to the gateway.
 */
import type { Launcher } from '../types';
import { submitForm } from './shared/navigate';

/** Sends the payer to the gateway's cashier page; resolves to `{ status: 'redirected' }`. */
export const redirectLauncher: Launcher<'alipay_page' | 'alipay_wap' | 'unionpay_wap' | 'unionpay_page'> = {
  name: 'redirect',
  channels: ['alipay_page', 'alipay_wap', 'unionpay_wap', 'unionpay_page'],
  async launch(charge, context) {
    const { method, url, fields = {} } = charge.credential;
    submitForm(url, fields, { ...context, method });
    return { status: 'redirected', charge };
  },
};
