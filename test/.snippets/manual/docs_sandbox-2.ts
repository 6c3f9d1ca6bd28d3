import { createSandbox } from '@payweave/sandbox';
import { createPayServer } from '@payweave/server';
import { alipay } from '@payweave/server/alipay';
import { setupServer } from 'msw/node';

const sandbox = createSandbox({ timeScale: 1 / 60_000 });
const server = setupServer(...sandbox.handlers);
server.listen({ onUnhandledRequest: 'error' });   // nothing reaches a real gateway

const pay = createPayServer({
  channels: [alipay(sandbox.channelConfigs().alipay)],
  notifyUrl: 'http://merchant.test/notify',
});
export {};
