/**
 * `@payweave/client/unionpay`: UnionPay on every client surface, for apps that offer several. A page that uses one
 * surface imports its own module instead and bundles only that:
 * - `unionpay_wap` / `unionpay_page` (`@payweave/client/redirect`): auto-submits the signed form to UnionPay's
 *   `frontTransReq.do` (POST).
 * - `unionpay_app` (`/unionpay_app`): the UnionPay control through `bridges.unionpay`, its `pay_result` normalised.
 * The control's answer is only a hint: confirm with `waitForResult`.
 */
import type { Launcher } from '../types';
import { redirectLauncher } from './redirect';
import { combineLaunchers } from './shared/combine';
import { unionpayAppLauncher } from './unionpay_app';

export { unionpayAppLauncher, unionpayAppResult } from './unionpay_app';

/** Launches UnionPay charges: the browser form for WAP/PC, the native control for apps. */
export const unionpayLauncher: Launcher<'unionpay_app' | 'unionpay_wap' | 'unionpay_page'> = /* @__PURE__ */ combineLaunchers('unionpay', {
  unionpay_app: unionpayAppLauncher,
  unionpay_wap: redirectLauncher,
  unionpay_page: redirectLauncher,
});
