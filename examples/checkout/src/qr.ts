/**
 * The QR code of a `wechat_native` / `alipay_qr` payload, drawn on the server as inline SVG with the `qrcode`
 * library (its matrix only: one <path>, no scripts, no external assets).
 */
import QRCode from 'qrcode';

/** An SVG image of `text` as a QR code (error correction M, 4-module quiet zone). */
export function qrSvg(text: string, pixels = 220): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const size = modules.size + quiet * 2;
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${pixels}" height="${pixels}" role="img" aria-label="QR code to scan with the wallet" data-testid="qr-image" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
