/**
 * Apple StoreKit 2 signed transaction (JWS, ES256, x5c chain to a pinned root), warm: the chain of this leaf has been
 * verified once and is cached, so a call costs the JWS decode, one ES256 verify and the payload checks. Against one raw
 * ES256 verify of the signing input with the leaf's KeyObject. Peer: @apple/app-store-server-library's
 * SignedDataVerifier (online checks off) on the same JWS, in the same rounds.
 */
import { verify, X509Certificate } from 'node:crypto';
import { atLeast, measureThroughput, reason, type Entry } from '../throughput';
import { unavailable, type Suite } from '../types';

const BUNDLE_ID = 'com.example';
const VERIFIER_CASE = 'SignedDataVerifier.verifyTransaction (warm)';
const PUBLIC_CASE = 'pay.apple.verifyTransaction (warm, no accountId)';

const isTransaction = (payload: unknown): boolean => (payload as { transactionId?: unknown } | undefined)?.transactionId === '23456';

export const appleSuite: Suite = {
  id: 'apple',
  title: 'Apple JWS transaction verify (warm)',
  metric: 'throughput vs baseline, higher is better',
  baseline: "crypto.verify('sha256', signingInput, {key, p1363}, sig)",
  checkedInCi: false,
  async run(settings) {
    const budget = atLeast(0.7);
    let loaded;
    try {
      loaded = {
        chain: await import('../../packages/server/src/channels/apple/__fixtures__/test-chain'),
        signer: await import('../../packages/server/src/channels/apple/__fixtures__/sign-jws'),
        payloads: await import('../../packages/server/src/channels/apple/__fixtures__/payloads'),
        verifier: await import('../../packages/server/src/channels/apple/verifier'),
        x509: await import('../../packages/server/src/crypto/x509'),
        channel: await import('@payweave/server/apple'),
      };
    } catch (error) {
      return { rows: unavailable([VERIFIER_CASE, PUBLIC_CASE], `n/a (channel not available: ${reason(error)})`, 'case', budget) };
    }
    const { chain, signer, payloads, verifier, x509, channel: channelModule } = loaded;
    const context = await (await import('../context')).benchContext(() => payloads.SIGNED_DATE);

    const jws = await signer.signTestJws(payloads.transactionPayload());
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const signingInput = Buffer.from(`${header}.${payload}`, 'ascii');
    const rawSignature = Buffer.from(signature, 'base64url');
    const leafKey = new X509Certificate(Buffer.from(chain.TEST_CHAIN_LEAF, 'base64')).publicKey;

    const ours = new verifier.SignedDataVerifier(context.crypto, [x509.parseCertificate(chain.TEST_CHAIN_ROOT, 'root')], {
      bundleId: BUNDLE_ID,
      environment: 'Sandbox',
      clock: () => payloads.SIGNED_DATE,
    });
    const channel = channelModule.apple({ bundleId: BUNDLE_ID, environment: 'Sandbox', rootCertificates: [chain.TEST_CHAIN_ROOT] });
    await channel.init(context);

    const entries: Entry[] = [
      { name: VERIFIER_CASE, role: 'case', budget, op: () => ours.verifyTransaction(jws), expect: (r) => isTransaction((r as { payload: unknown }).payload) },
      { name: PUBLIC_CASE, role: 'case', budget, op: () => channel.apple.verifyTransaction(jws), expect: isTransaction },
    ];
    try {
      const { SignedDataVerifier, Environment } = await import('@apple/app-store-server-library');
      const apple = new SignedDataVerifier([Buffer.from(chain.TEST_CHAIN_ROOT, 'base64')], false, Environment.SANDBOX, BUNDLE_ID);
      entries.push({ name: 'app-store-server-library verifyAndDecodeTransaction', role: 'peer', op: () => apple.verifyAndDecodeTransaction(jws), expect: isTransaction });
    } catch (error) {
      entries.push(...unavailable(['app-store-server-library SignedDataVerifier'], `n/a (${reason(error)})`, 'peer'));
    }
    const baseline = { key: leafKey, dsaEncoding: 'ieee-p1363' as const };
    return measureThroughput({ op: () => verify('sha256', signingInput, baseline, rawSignature), expect: (ok) => ok === true }, entries, settings);
  },
};
