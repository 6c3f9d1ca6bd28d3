import { describe, expect, it } from 'vitest';
import { parseCertificate, nameAttribute } from '../../crypto/x509';
import { fromBase64, toHex } from '../../internal/encoding';
import { testCrypto } from '../../testing/crypto';
import { APPLE_ROOT_CA_G3, APPLE_ROOT_CA_G3_SHA256 } from './root-ca-g3';

// Published fingerprint (vectors.md K7/P4, apple.com/certificateauthority), typed here independently of the data.
const PUBLISHED_SHA256 = '63:34:3A:BF:B8:9A:6A:03:EB:B5:7E:9B:3F:5F:A7:BE:7C:4F:5C:75:6F:30:17:B3:A8:C4:88:C3:65:3E:91:79';

describe('the pinned Apple Root CA - G3', () => {
  it('has the published SHA-256 fingerprint', async () => {
    const crypto = await testCrypto();
    const digest = toHex(await crypto.digest('SHA-256', fromBase64(APPLE_ROOT_CA_G3)!));
    expect(digest).toBe(PUBLISHED_SHA256.replace(/:/g, '').toLowerCase());
    expect(APPLE_ROOT_CA_G3_SHA256).toBe(digest);
  });

  it('is the self-signed P-384 CA valid 2014-04-30 to 2039-04-30', () => {
    const root = parseCertificate(APPLE_ROOT_CA_G3, 'root');
    expect(nameAttribute(root.subject, 'CN')).toBe('Apple Root CA - G3');
    expect(root.isCa).toBe(true);
    expect(root.notBefore.toISOString()).toBe('2014-04-30T18:19:06.000Z');
    expect(root.notAfter.toISOString()).toBe('2039-04-30T18:19:06.000Z');
  });
});
