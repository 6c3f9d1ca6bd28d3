import { createServer } from 'node:http';
import { toNodeHandler, toFetchHandler } from '@payweave/server';

createServer(toNodeHandler(pay, 'alipay')).listen(3000);     // node:http, Express (mount before body parsers)
export const POST = toFetchHandler(pay, 'wechat');            // Next.js route handler, Hono, workers
export {};
