{
  id: 'ntf_1', provider: 'alipay', url: 'http://merchant.test/notify/alipay', orderNo: 'ORDER_1',
  label: 'TRADE_SUCCESS', createdAt: '2025-01-01T00:00:00.000Z',
  status: 'pending',                         // 'acknowledged' | 'gave_up' | 'canceled'
  attempts: [
    { number: 1, at: '2025-01-01T00:00:00.000Z', status: 200, bodyExcerpt: 'SUCCESS', acknowledged: false },
  ],
  nextAttemptAt: '2025-01-01T00:04:00.000Z',
}
export {};
