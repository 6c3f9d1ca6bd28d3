const refund = await pay.refunds.create({ orderNo: 'ORDER_20260101_0001', refundNo: 'REFUND_1', amount: 500 });
await pay.refunds.retrieve('REFUND_1', { refresh: true });
export {};
