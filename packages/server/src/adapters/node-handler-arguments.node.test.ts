/** Regression tests from the issue-2 robustness suite: toNodeHandler with hostile arguments. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PayConfigError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import type { CryptoProvider } from '../crypto/provider';
import { memoryStore } from '../lifecycle/memory-store';
import { createPayServerWith } from '../pay-server';
import { fakeChannel } from '../testing/fake-channel';
import { toNodeHandler } from './node-handler.node.js';

const pay = createPayServerWith({ channels: [fakeChannel()], store: memoryStore(), logger: { warn: () => undefined } }, { crypto: () => ({}) as CryptoProvider });

describe('toNodeHandler', () => {
  it('refuses something that is not a server, and an unknown provider, when mounted', () => {
    expect(() => toNodeHandler({} as never, 'alipay')).toThrow(PayConfigError);
    expect(() => toNodeHandler(pay, 'alipy' as never)).toThrow(/provider/);
  });

  it('answers 400 (not 413 "too large") for a request that is not a readable stream', async () => {
    const written = await new Promise<{ status: number; body: unknown }>((resolve) => {
      let status = 0;
      const res = {
        headersSent: false,
        writeHead(code: number) {
          status = code;
          return res;
        },
        end: (body: unknown) => resolve({ status, body }),
      };
      toNodeHandler(pay, 'alipay')({ headers: {} } as IncomingMessage, res as unknown as ServerResponse);
    });
    expect(written).toEqual({ status: 400, body: 'unreadable request body' });
  });
});
