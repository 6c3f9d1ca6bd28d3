import express from 'express';
import { toNodeHandler } from '@payweave/server';

const app = express();
app.post('/api/pay/notify/alipay', toNodeHandler(pay, 'alipay'));   // reads the raw body, answers "success" when done
export {};
