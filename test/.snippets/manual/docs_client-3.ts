import axios from 'axios';
import { createPayClient } from '@payweave/client';

const api = axios.create({ baseURL: 'https://shop.example' });
api.interceptors.request.use((config) => {
  config.headers.set('authorization', `Bearer ${session.token}`);
  return config;
});

const client = createPayClient({ endpoint: '/api/pay', http: api });
export {};
