import { PayError } from '@payweave/client';

try {
  await client.createCharge({ orderNo, channel: 'alipay_qr' });
} catch (error) {
  if (PayError.isInstance(error) && error.isRetryable) scheduleRetry();
}
export {};
