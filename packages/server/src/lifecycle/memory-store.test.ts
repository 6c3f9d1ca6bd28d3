import { memoryStore } from './memory-store';
import { runStoreContract } from './store.contract';

runStoreContract('memory', async () => ({ store: memoryStore() }));
