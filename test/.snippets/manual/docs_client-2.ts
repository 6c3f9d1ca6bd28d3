import { createPayClient } from '@payweave/client';
import { redirectLauncher } from '@payweave/client/redirect';
import { qrLauncher } from '@payweave/client/qr';

const client = createPayClient({
  endpoint: '/api/pay',                    // where createChargeRoutes is mounted on your server
  launchers: [redirectLauncher, qrLauncher],
});
export {};
