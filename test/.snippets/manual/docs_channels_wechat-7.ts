import { createSandbox } from '@payweave/sandbox';
import { setupServer } from 'msw/node';

const sandbox = createSandbox();
setupServer(...sandbox.handlers).listen({ onUnhandledRequest: 'error' });
const channel = wechat(sandbox.channelConfigs().wechat);   // TEST keys; livemode false
// create a charge, then act as the payer:
await sandbox.pay('A20260101001');
await sandbox.flushNotifications();
export {};
