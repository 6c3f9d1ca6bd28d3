import express from 'express';
import { toNodeHandler } from '@payweave/server';

const app = express();
app.post('/api/pay/notify/wechat', toNodeHandler(pay, 'wechat'));   // before any JSON body parser
export {};
