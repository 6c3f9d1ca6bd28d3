import { createPayServer, memoryStore } from '@payweave/server';
import { apple } from '@payweave/server/apple';
import { createSandbox } from '@payweave/sandbox';

const sandbox = createSandbox();
const pay = createPayServer({ channels: [apple(sandbox.channelConfigs().apple)], store: memoryStore() });
export {};
