/**
 * `@payweave/client/alipay`: Alipay on every client surface, for apps that offer several. A page that uses one
 * surface imports its own module instead and bundles only that:
 * - `alipay_page` / `alipay_wap` (`@payweave/client/redirect`): a GET redirect, or a form auto-submitted to
 *   `gateway.do` (as the server's `pageMethod` chose); `onNavigate` receives the navigation instead where the app
 *   routes itself.
 * - `alipay_qr` (`/qr`): nothing to open; resolves to `{ status: 'qr', qrCode }` for the page to render.
 * - `alipay_app` (`/alipay_app`): the Alipay App SDK through `bridges.alipay`, its `resultStatus` normalised.
 * The wallet's answer is only a hint: confirm with `waitForResult`.
 */
import type { Launcher } from '../types';
import { alipayAppLauncher } from './alipay_app';
import { qrLauncher } from './qr';
import { redirectLauncher } from './redirect';
import { combineLaunchers } from './shared/combine';

export { alipayAppLauncher, alipayAppResult } from './alipay_app';

/** Launches Alipay charges: redirect or form for page/wap, the QR payload, the native App SDK for apps. */
export const alipayLauncher: Launcher<'alipay_app' | 'alipay_page' | 'alipay_wap' | 'alipay_qr'> = /* @__PURE__ */ combineLaunchers('alipay', {
  alipay_app: alipayAppLauncher,
  alipay_page: redirectLauncher,
  alipay_wap: redirectLauncher,
  alipay_qr: qrLauncher,
});
