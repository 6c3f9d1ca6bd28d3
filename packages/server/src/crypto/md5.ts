/**
 * MD5 (RFC 1321), because WebCrypto has none and WeChat Pay v2 signatures, its refund-notification key and Alipay
 * certificate SNs still need it. Never use it for anything new: MD5 is broken for collision resistance.
 */

/** Per-round left-rotation amounts (RFC 1321 3.4), four per round. */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
/** T[i] = floor(2^32 * abs(sin(i + 1))), the table of RFC 1321 3.4 computed rather than typed in. */
const T = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) >>> 0);

const rotateLeft = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** MD5 digest of `message` (16 bytes). */
export function md5(message: Uint8Array): Uint8Array {
  // Padding (3.1, 3.2): a 1 bit, zeros up to 56 mod 64 bytes, then the bit length as 64-bit little-endian.
  const total = (Math.floor((message.length + 8) / 64) + 1) * 64;
  const block = new Uint8Array(total);
  block.set(message);
  block[message.length] = 0x80;
  const view = new DataView(block.buffer);
  view.setUint32(total - 8, (message.length << 3) >>> 0, true);
  view.setUint32(total - 4, Math.floor(message.length / 0x20000000), true);

  let a0 = 0x67452301;
  let b0 = 0xefcdab89;
  let c0 = 0x98badcfe;
  let d0 = 0x10325476;
  const words = new Array<number>(16);
  for (let offset = 0; offset < total; offset += 64) {
    for (let j = 0; j < 16; j++) words[j] = view.getUint32(offset + j * 4, true);
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d); // F
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c); // G
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d; // H
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d); // I
        g = (7 * i) % 16;
      }
      const sum = (a + f + (T[i] as number) + (words[g] as number)) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + rotateLeft(sum, SHIFTS[(i >> 4) * 4 + (i & 3)] as number)) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }

  const out = new Uint8Array(16);
  const outView = new DataView(out.buffer);
  [a0, b0, c0, d0].forEach((word, i) => outView.setUint32(i * 4, word >>> 0, true));
  return out;
}
