/**
 * `@payweave/server/unionpay`: the UnionPay ACP 5.1.0 channel (`unionpay_app`, `unionpay_wap`, `unionpay_page`).
 *
 * ```ts
 * unionpay({ merId, signCert: { pfx, passphrase }, rootCert, middleCert, environment: 'production' })
 * ```
 */
import { PayConfigError, PayError } from '@payweave/core';
import { isValidAt, verifyCertificateSignature } from '../../crypto/x509';
import type { ChannelContext, PayChannel, RefundRequest, RefundResult, StoredCharge } from '../types';
import { createAppConsume } from './actions/consume-app';
import { createFrontConsume } from './actions/consume-front';
import { undoConsume } from './actions/consume-undo';
import { queryCharge, queryRefund } from './actions/query-status';
import { createRefund } from './actions/refund';
import type { UnionPayContext } from './api';
import { resolveConfig, type ResolvedUnionPayConfig, type UnionPayConfig } from './config';
import { acknowledge, verifyNotification, verifyReturn } from './notify';
import { createMessageVerifier } from './verify';

export type { UnionPayConfig } from './config';

/** The UnionPay channel, with UnionPay's extra same-day reversal. */
export interface UnionPayChannel extends PayChannel {
  /** Consume undo (消费撤销): cancel a same-day payment in full, before settlement. Result by notification. */
  undoCharge(charge: StoredCharge, undo: RefundRequest): Promise<RefundResult>;
}

async function checkCaChain(context: ChannelContext, config: ResolvedUnionPayConfig): Promise<void> {
  const { crypto } = context;
  try {
    await verifyCertificateSignature(config.middleCert, config.rootCert, crypto);
    await verifyCertificateSignature(config.rootCert, config.rootCert, crypto);
  } catch (error) {
    throw new PayConfigError('unionpay middleCert is not issued by rootCert: pass the acp_*_middle.cer and acp_*_root.cer of the same environment', {
      channel: 'unionpay',
      cause: error,
    });
  }
  if (!isValidAt(config.signingCertificate, new Date(context.clock()))) {
    context.warn(`unionpay signCert (certId ${config.certId}) is outside its validity period: UnionPay will refuse its signatures; renew it`);
  }
}

/** Create the UnionPay channel; the configuration is validated (and every key read) now. */
export function unionpay(config: UnionPayConfig): UnionPayChannel {
  const resolved = resolveConfig(config);
  let ctx: UnionPayContext | undefined;
  const ready = (): UnionPayContext => {
    if (!ctx) throw new PayError('the unionpay channel is used before init(): register it with createPayServer', { code: 'CHANNEL_NOT_READY', channel: 'unionpay' });
    return ctx;
  };

  return {
    provider: 'unionpay',
    channels: ['unionpay_app', 'unionpay_wap', 'unionpay_page'],
    livemode: resolved.environment === 'production' && config.baseUrl === undefined,
    async init(context) {
      await checkCaChain(context, resolved);
      const legacy = resolved.verifyCert
        ? { certificate: resolved.verifyCert, key: await context.crypto.importRsaPublicKey(resolved.verifyCert.spki) }
        : undefined;
      ctx = {
        config: resolved,
        crypto: context.crypto,
        http: context.http,
        clock: context.clock,
        ...(resolved.notifyUrl ?? context.notifyUrl ? { notifyUrl: resolved.notifyUrl ?? context.notifyUrl } : {}),
        signingKey: await context.crypto.importRsaPrivateKey(resolved.signingKeyPkcs8),
        verify: createMessageVerifier({
          crypto: context.crypto,
          rootCert: resolved.rootCert,
          middleCert: resolved.middleCert,
          signerOwner: resolved.signerOwner,
          clock: context.clock,
          ...(legacy ? { legacy } : {}),
        }),
      };
    },
    createCharge: (request) => (request.channel === 'unionpay_app' ? createAppConsume(ready(), request) : createFrontConsume(ready(), request)),
    queryCharge: (charge) => queryCharge(ready(), charge),
    createRefund: (charge, refund) => createRefund(ready(), charge, refund),
    queryRefund: (charge, refund) => queryRefund(ready(), charge, refund),
    undoCharge: (charge, undo) => undoConsume(ready(), charge, undo),
    verifyNotification: (request) => verifyNotification(ready(), request),
    acknowledge,
    verifyReturn: (request) => verifyReturn(ready(), request),
  };
}
