const result = await client.pay({ orderNo: 'ORDER20260101001', channel: 'wechat_native' });
if (result.status === 'qr') showQrCode(result.qrCode);
export {};
