/**
 * Interop: an independent implementation on plain node:crypto (X509Certificate, createHash, verify) checks what the
 * channel signs and what it accepts. No UnionPay SDK exists for Node among our dev dependencies, so the reference is
 * the algorithm of protocols.md 4.3/4.4 written out here without the channel's code.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { harness } from './__fixtures__/harness';
import { SANDBOX_GATEWAY_CERT_PEM, SANDBOX_MERCHANT_CERT_PEM, SANDBOX_MIDDLE_CERT_PEM, SANDBOX_ROOT_CERT_PEM } from './__fixtures__/sandbox-chain';
import { TEST_MIDDLE_CERT_PEM, TEST_ROOT_CERT_PEM } from './__fixtures__/test-certs';
import { U4_MESSAGE } from './__fixtures__/vectors';

function referenceVerify(fields: Record<string, string>, certPem: string): boolean {
  const { signature, ...rest } = fields;
  const text = Object.keys(rest).sort().map((k) => `${k}=${rest[k]}`).join('&');
  const hex = createHash('sha256').update(text, 'utf8').digest('hex');
  return verify('sha256', Buffer.from(hex), new X509Certificate(certPem).publicKey, Buffer.from(signature ?? '', 'base64'));
}

function referenceForm(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text));
}

describe('UnionPay interop with node:crypto', () => {
  it('a wap form signed by the channel verifies with the reference algorithm and the merchant certificate', async () => {
    const { channel } = await harness();
    const creation = await channel.createCharge!({ channel: 'unionpay_wap', orderNo: 'A20240102001', amount: 1999, currency: 'CNY', subject: '测试商品', clientIp: '203.0.113.9', chargeId: 'ch_1' } as never);
    const fields = (creation.credential as { fields: Record<string, string> }).fields;
    expect(referenceVerify(fields, SANDBOX_MERCHANT_CERT_PEM)).toBe(true);
    expect(referenceVerify({ ...fields, txnAmt: '1' }, SANDBOX_MERCHANT_CERT_PEM)).toBe(false);
  });

  it('U4 verifies with the reference algorithm, and its chain with X509Certificate', () => {
    const u4 = referenceForm(U4_MESSAGE);
    expect(referenceVerify(u4, u4.signPubKeyCert as string)).toBe(true);
    const leaf = new X509Certificate(u4.signPubKeyCert as string);
    const middle = new X509Certificate(TEST_MIDDLE_CERT_PEM);
    const root = new X509Certificate(TEST_ROOT_CERT_PEM);
    expect(leaf.verify(middle.publicKey) && middle.verify(root.publicKey) && root.verify(root.publicKey)).toBe(true);
  });

  it('the generated sandbox chain is a valid chain for node:crypto too', () => {
    const leaf = new X509Certificate(SANDBOX_GATEWAY_CERT_PEM);
    const middle = new X509Certificate(SANDBOX_MIDDLE_CERT_PEM);
    const root = new X509Certificate(SANDBOX_ROOT_CERT_PEM);
    expect(leaf.checkIssued(middle) && leaf.verify(middle.publicKey) && middle.verify(root.publicKey)).toBe(true);
    expect(leaf.subject).toContain('00040000:SIGN');
  });
});
