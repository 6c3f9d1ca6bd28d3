import { createSandbox } from '@payweave/sandbox';

const sandbox = createSandbox();
const server = await sandbox.listen({ port: 4010 });
const pay = createPayServer({
  notifyUrl: 'http://127.0.0.1:3000/api/pay/notify',
  channels: [alipay(sandbox.channelConfigs(server.url).alipay)],
});
export {};
