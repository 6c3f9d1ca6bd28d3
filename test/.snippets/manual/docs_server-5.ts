setInterval(() => pay.reconcilePending({ olderThan: 5 * 60_000, concurrency: 4 }), 60_000);
export {};
