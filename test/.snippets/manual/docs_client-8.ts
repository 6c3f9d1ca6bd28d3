const controller = new AbortController();
const charge = await client.waitForResult('ORDER20260101001', { timeoutMs: 120_000, signal: controller.signal });
if (charge.status === 'succeeded') showReceipt(charge);
export {};
