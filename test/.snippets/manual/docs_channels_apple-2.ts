const transaction = await pay.apple.verifyTransaction(signedTransaction, { accountId: session.userId });
if (!transaction.revocationDate && transaction.ownership !== 'restore') await grant(session.userId, transaction);
export {};
