import { testRuntime } from '../testing/crypto';
import { runCryptoContract } from './crypto.contract';
import { createWebCryptoProvider } from './provider.web';

// Under the server project this is Node's WebCrypto; under server-edge, the edge runtime's.
runCryptoContract(`web (${testRuntime})`, () => createWebCryptoProvider());
