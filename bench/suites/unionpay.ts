/**
 * UnionPay back notification (ACP 5.1.0): the signature covers the 64 hex characters of SHA-256(string to sign), so the
 * cheapest correct verify of a prebuilt string to sign is that SHA-256 and one RSA-2048 verify over its hex: the same
 * cryptographic work as the Alipay baseline, whose `crypto.verify` hashes the prebuilt string itself (UnionPay hashes
 * twice). The warm verifier has the gateway certificate's chain checked and cached already; the end-to-end line also
 * parses the raw form body and maps the event.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { reason, atLeast, measureThroughput, type Entry } from '../throughput';
import { unavailable, type Suite } from '../types';

const BUDGET = atLeast(0.85);
const CASES = ['createMessageVerifier (warm) on parsed fields', 'channel.verifyNotification({ body })'];

/** A successful consume notification as UnionPay posts it (fields of the ACP back notification). */
export function consumeNotificationFields(merId: string, orderId: string): Record<string, string> {
  return {
    accessType: '0',
    bizType: '000201',
    currencyCode: '156',
    merId,
    orderId,
    queryId: `7${orderId.padStart(20, '0')}`.slice(0, 21),
    respCode: '00',
    respMsg: 'success',
    settleAmt: '1999',
    settleCurrencyCode: '156',
    settleDate: '0102',
    traceNo: '000123',
    traceTime: '0102030405',
    txnAmt: '1999',
    txnSubType: '01',
    txnTime: '20240102030405',
    txnType: '01',
  };
}

export const unionpaySuite: Suite = {
  id: 'unionpay',
  title: 'UnionPay notification verify',
  metric: 'throughput vs baseline, higher is better',
  baseline: "crypto.verify('sha256', sha256Hex(prebuilt string), publicKey, signature)",
  checkedInCi: false,
  async run(settings) {
    let loaded;
    try {
      loaded = {
        channel: await import('@payweave/server/unionpay'),
        verifier: await import('../../packages/server/src/channels/unionpay/verify'),
        params: await import('../../packages/server/src/channels/unionpay/params'),
        constants: await import('../../packages/server/src/channels/unionpay/constants'),
        x509: await import('../../packages/server/src/crypto/x509'),
        chain: await import('../../packages/server/src/channels/unionpay/__fixtures__/sandbox-chain'),
        gateway: await import('../../packages/server/src/channels/unionpay/__fixtures__/sign-as-gateway'),
        harness: await import('../../packages/server/src/channels/unionpay/__fixtures__/harness'),
      };
    } catch (error) {
      return { rows: unavailable(CASES, `n/a (channel not available: ${reason(error)})`, 'case', BUDGET) };
    }
    const { channel: channelModule, verifier, params, constants, x509, chain, gateway, harness } = loaded;
    const { benchContext } = await import('../context');
    const context = await benchContext();

    const signed = await gateway.signAsGateway(consumeNotificationFields(harness.MER_ID, 'BENCH000001'), undefined, undefined, context.crypto);
    const body = params.encodeForm(signed);
    const fields = params.parseFormBody(body)!;

    // Baseline input, built independently of payweave: sorted k=v of every field but `signature`, SHA-256, hex.
    const content = Object.keys(signed).filter((key) => key !== 'signature').sort().map((key) => `${key}=${signed[key]}`).join('&');
    const contentBytes = Buffer.from(content, 'utf8');
    const publicKey = createPublicKey(chain.SANDBOX_GATEWAY_CERT_PEM);
    const signature = Buffer.from(signed.signature!, 'base64');

    const verifyFields = verifier.createMessageVerifier({
      crypto: context.crypto,
      rootCert: x509.parseCertificate(chain.SANDBOX_ROOT_CERT_PEM, 'root'),
      middleCert: x509.parseCertificate(chain.SANDBOX_MIDDLE_CERT_PEM, 'middle'),
      signerOwner: constants.SIGNER_OWNER.test,
      clock: Date.now,
    });
    const channel = channelModule.unionpay(harness.BASE_CONFIG);
    await channel.init(context);

    const entries: Entry[] = [
      { name: CASES[0]!, role: 'case', budget: BUDGET, op: () => verifyFields(fields), expect: (result) => result === fields },
      {
        name: CASES[1]!,
        role: 'case',
        budget: BUDGET,
        op: () => channel.verifyNotification!({ body }),
        expect: (result) => (result as { event?: { type?: string } }).event?.type === 'charge.succeeded',
      },
    ];
    const baseline = () => verify('sha256', Buffer.from(createHash('sha256').update(contentBytes).digest('hex'), 'latin1'), publicKey, signature);
    return measureThroughput({ op: baseline, expect: (ok) => ok === true }, entries, settings);
  },
};
