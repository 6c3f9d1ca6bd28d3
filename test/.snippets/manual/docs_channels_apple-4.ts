const appleRoutes = createAppleRoutes(pay.apple, { accountId: (request) => sessionOf(request)?.userId });
// GET  /api/pay/apple/app-account-token   POST /api/pay/apple/transactions   POST /api/pay/apple/receipts
export {};
