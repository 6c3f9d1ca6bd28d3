const { orderNo, hint } = await pay.returns.verify('alipay', { method: 'GET', url: request.url });
export {};
