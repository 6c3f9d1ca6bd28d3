/**
 * The payer's browser coming back from the cashier (`returnUrl`). Alipay and UnionPay sign their returns, and
 * `pay.returns.verify` checks that signature; even then the return is only a hint (the payer may have closed the tab,
 * or forged a URL for an unsigned gateway), so the order page always shows the status the server knows.
 */
import { CHANNEL_RULES, PayUnsupportedError } from '@payweave/core';
import type { PayServer } from '@payweave/server';
import type { IncomingMessage } from 'node:http';
import { readBody } from './fetch-bridge';

const PROVIDER_NAMES: Record<string, string> = { alipay: 'Alipay', wechat: 'WeChat Pay', unionpay: 'UnionPay' };

/** Verify the return if the gateway signs it; answer the order page's query string (`return=...&hint=...`). */
export async function verifyReturn(pay: PayServer, orderNo: string, req: IncomingMessage): Promise<string> {
  const charge = await pay.charges.retrieve(orderNo).catch(() => undefined);
  if (!charge) return '';
  const provider = CHANNEL_RULES[charge.channel].provider;
  const method = req.method ?? 'GET';
  const body = method === 'POST' ? await readBody(req) : undefined;
  try {
    const verified = await pay.returns.verify(provider, { ...(body ? { body } : {}), headers: req.headers, method, url: req.url ?? '' });
    if (verified.orderNo !== orderNo) return 'return=invalid';
    return `return=verified&hint=${encodeURIComponent(verified.hint)}`;
  } catch (error) {
    // WeChat's return (redirect_url) carries nothing to verify: the payer is simply back.
    return PayUnsupportedError.isInstance(error) ? `return=unsigned&provider=${provider}` : 'return=invalid';
  }
}

/** The sentence the order page shows for what the browser (not the server) said. */
export function describeHint(query: URLSearchParams, provider: string | undefined): string | undefined {
  const name = PROVIDER_NAMES[provider ?? ''] ?? 'The gateway';
  const wallet = query.get('wallet');
  if (wallet) return `The wallet answered "${wallet}". A wallet answer is only a hint: the status above is the server's.`;
  switch (query.get('return')) {
    case 'verified':
      return `${name}'s signed return says "${query.get('hint') ?? 'pending'}". Still a hint: the status above changes only when the server has the verified notification.`;
    case 'unsigned':
      return `You are back from the ${name} cashier. That return is not signed, so it says nothing about the payment: the status above is the server's.`;
    case 'invalid':
      return 'The return did not verify (wrong signature or order): it was ignored.';
    default:
      return undefined;
  }
}
