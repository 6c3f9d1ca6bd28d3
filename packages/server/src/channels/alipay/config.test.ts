import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../internal/encoding';
import { ALIPAY_PUBLIC_CERT, ALIPAY_ROOT_CERT, APP_CERT } from './__fixtures__/certs';
import { FAKE_ALIPAY_PUBLIC_KEY } from './__fixtures__/fake-gateway-key';
import { ALIPAY_PUBLIC_KEY_A6, APP_PRIVATE_KEY_PKCS1, APP_PRIVATE_KEY_PKCS8, APP_PUBLIC_KEY } from './__fixtures__/keys';
import { TEST_ALIPAY_CERT, TEST_APP_CERT, TEST_ROOT_BUNDLE } from './__fixtures__/test-certs';
import { resolveAlipayConfig } from './config';
import { PRODUCTION_GATEWAY, SANDBOX_GATEWAY } from './constants';

const base = { appId: '2021000122671080', privateKey: APP_PRIVATE_KEY_PKCS1, alipayPublicKey: FAKE_ALIPAY_PUBLIC_KEY };
const body = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');

function configError(input: unknown): Error & { code?: string; type?: string } {
  try {
    resolveAlipayConfig(input);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a PayConfigError');
}

describe('resolveAlipayConfig', () => {
  it('accepts the private key as PKCS#1, PKCS#8, bare base64, PEM with stray whitespace, and DER bytes', () => {
    const pkcs8 = resolveAlipayConfig(base).privateKey.pkcs8;
    const messy = `  ${APP_PRIVATE_KEY_PKCS8.replace(/\n/g, '\r\n   ')}\n\n`;
    const variants = [APP_PRIVATE_KEY_PKCS8, body(APP_PRIVATE_KEY_PKCS1), body(APP_PRIVATE_KEY_PKCS8), messy, pkcs8];
    for (const privateKey of variants) expect(toBase64(resolveAlipayConfig({ ...base, privateKey }).privateKey.pkcs8)).toBe(toBase64(pkcs8));
    expect(body(APP_PRIVATE_KEY_PKCS8)).toBe(toBase64(pkcs8)); // the canonical PKCS#8 is openssl's encoding
  });

  it('accepts the Alipay public key as bare base64 (as the console shows it)', () => {
    expect(resolveAlipayConfig({ ...base, alipayPublicKey: ALIPAY_PUBLIC_KEY_A6 }).alipayPublicKey.modulusBits).toBe(2048);
  });

  it('detects the app public key given where the Alipay public key belongs', () => {
    for (const alipayPublicKey of [APP_PUBLIC_KEY, body(APP_PUBLIC_KEY)]) {
      const error = configError({ ...base, alipayPublicKey });
      expect(error).toMatchObject({ type: 'PayConfigError' });
      expect(error.message).toMatch(/your own app public key.*支付宝公钥/);
    }
  });

  it('says which field is wrong, without echoing key material', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...base, appId: 'abc' }, /appId/],
      [{ ...base, privateKey: APP_PUBLIC_KEY }, /privateKey is a public key/],
      [{ ...base, alipayPublicKey: APP_PRIVATE_KEY_PKCS1 }, /alipayPublicKey is a private key/],
      [{ ...base, alipayPublicKey: undefined }, /needs alipayPublicKey/],
      [{ ...base, appCert: TEST_APP_CERT }, /either alipayPublicKey .* not both/],
      [{ ...base, alipayPublicKey: undefined, appCert: TEST_APP_CERT }, /missing alipayPublicCert, alipayRootCert/],
      [{ ...base, unknownOption: 1 }, /config is invalid/],
      [{ ...base, sellerId: '123' }, /sellerId/],
    ];
    for (const [input, message] of cases) {
      const error = configError(input);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(body(APP_PRIVATE_KEY_PKCS1).slice(40, 80));
      expect(error.message).not.toContain(body(APP_PUBLIC_KEY).slice(40, 80));
    }
  });

  it('certificate mode: reads the three files and takes the Alipay key from its certificate', () => {
    const resolved = resolveAlipayConfig({ appId: base.appId, privateKey: base.privateKey, appCert: TEST_APP_CERT, alipayPublicCert: TEST_ALIPAY_CERT, alipayRootCert: TEST_ROOT_BUNDLE });
    expect(resolved.certificates?.root).toHaveLength(2);
    expect(toBase64(resolved.alipayPublicKey.spki)).toBe(body(FAKE_ALIPAY_PUBLIC_KEY));
  });

  it('certificate mode: an app certificate of another key pair is refused', () => {
    const error = configError({ appId: base.appId, privateKey: base.privateKey, appCert: APP_CERT, alipayPublicCert: ALIPAY_PUBLIC_CERT, alipayRootCert: ALIPAY_ROOT_CERT });
    expect(error.message).toMatch(/appCert does not belong to privateKey/);
  });

  it('chooses the gateway: production, Alipay sandbox, or a baseUrl', () => {
    expect(resolveAlipayConfig(base)).toMatchObject({ gateway: PRODUCTION_GATEWAY, livemode: true, pageMethod: 'POST', signType: 'RSA2' });
    expect(resolveAlipayConfig({ ...base, sandbox: true })).toMatchObject({ gateway: SANDBOX_GATEWAY, livemode: false });
    expect(resolveAlipayConfig({ ...base, baseUrl: 'http://127.0.0.1:4010/alipay/' })).toMatchObject({ gateway: 'http://127.0.0.1:4010/alipay/gateway.do', livemode: false });
    expect(resolveAlipayConfig({ ...base, baseUrl: 'http://127.0.0.1:4010/gateway.do' }).gateway).toBe('http://127.0.0.1:4010/gateway.do');
  });
});
