/**
 * Published standard test vectors (not gateway material): RFC 1321 A.5 (MD5), FIPS 180-2 appendix B (SHA-1,
 * SHA-256), RFC 4231 section 4 (HMAC-SHA-256), McGrew & Viega "The Galois/Counter Mode of Operation" appendix B
 * test cases 14 and 16 (AES-256-GCM). Values are hex unless noted.
 */

/** RFC 1321 A.5 test suite: [message (ASCII), MD5]. */
export const MD5_RFC1321: readonly [string, string][] = [
  ['', 'd41d8cd98f00b204e9800998ecf8427e'],
  ['a', '0cc175b9c0f1b6a831c399e269772661'],
  ['abc', '900150983cd24fb0d6963f7d28e17f72'],
  ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
  ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
  ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
  ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
];

/** FIPS 180-2 appendix B: [message (ASCII), algorithm, digest]. */
export const SHA_FIPS180: readonly [string, 'SHA-1' | 'SHA-256', string][] = [
  ['abc', 'SHA-1', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  ['abc', 'SHA-256', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', 'SHA-256', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
];

/** RFC 4231 test cases 1, 2 and 6: [key (hex), data (ASCII), HMAC-SHA-256]. */
export const HMAC_SHA256_RFC4231: readonly [string, string, string][] = [
  ['0b'.repeat(20), 'Hi There', 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
  ['4a656665', 'what do ya want for nothing?', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
  ['aa'.repeat(131), 'Test Using Larger Than Block-Size Key - Hash Key First', '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
];

/** GCM specification (McGrew & Viega) test cases 14 and 16, AES-256. */
export const AES256_GCM_MCGREW_VIEGA = [
  { key: '00'.repeat(32), iv: '00'.repeat(12), aad: '', plaintext: '00'.repeat(16), ciphertext: 'cea7403d4d606b6e074ec5d3baf39d18', tag: 'd0d1c8a799996bf0265b98b5d48ab919' },
  {
    key: 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308',
    iv: 'cafebabefacedbaddecaf888',
    aad: 'feedfacedeadbeeffeedfacedeadbeefabaddad2',
    plaintext: 'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
    ciphertext: '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662',
    tag: '76fc6ece0f4e1768cddf8853bb2d551b',
  },
] as const;
