import { toFetchHandler } from '@payweave/server';
export const POST = toFetchHandler(pay, 'alipay');
export {};
