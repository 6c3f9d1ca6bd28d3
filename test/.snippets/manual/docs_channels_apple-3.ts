import { toFetchHandler } from '@payweave/server';

export const POST = toFetchHandler(pay, 'apple');           // e.g. https://shop.example/api/pay/notify/apple
export {};
