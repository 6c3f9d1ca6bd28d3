/** The QR result: the payer scans `qrCode` with the wallet app; the page renders it and waits for the result. */
import { PayError, type Charge } from '@payweave/core';
import type { LaunchResult } from '../../types';

/** `{ status: 'qr', qrCode }` for a non-empty code, else a failed result (the server returned no code). */
export function qrResult(charge: Charge, qrCode: string | undefined): LaunchResult {
  if (typeof qrCode === 'string' && qrCode !== '') return { status: 'qr', charge, qrCode };
  const error = new PayError(`${charge.channel} charge ${charge.orderNo} has no QR code: check the server's channel response`, {
    code: 'CREDENTIAL_INVALID',
    channel: charge.channel,
  });
  return { status: 'failed', charge, error };
}
