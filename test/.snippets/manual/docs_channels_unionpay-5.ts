import { toFetchHandler } from '@payweave/server';
export const POST = toFetchHandler(pay, 'unionpay');   // answers HTTP 200 "ok" once the notification is stored
export {};
