import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrSvg } from './qr';

describe('qrSvg', () => {
  it('draws one dark square per dark module of the QR matrix', () => {
    const text = 'weixin://wxpay/bizpayurl?pr=abc123';
    const svg = qrSvg(text);
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let dark = 0;
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) dark++;
    expect(svg.match(/h1v1h-1z/g)).toHaveLength(dark);
    expect(svg).toContain(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`);
    expect(svg).not.toContain('<script');
  });
});
