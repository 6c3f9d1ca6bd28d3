/**
 * The WeChat Pay `PayChannel`: APIv3 by default, APIv2 when configured, and APIv2 micropay for `wechat_barcode`
 * in both modes (WeChat has no APIv3 payment-code API for ordinary merchants).
 */
import { PayConfigError, type ChannelId } from '@payweave/core';
import type {
  Acknowledgement,
  AcknowledgementOutcome,
  ChannelContext,
  ChargeCreation,
  ChargeQueryResult,
  ChargeRequest,
  PayChannel,
  RawNotification,
  RefundRequest,
  RefundResult,
  StoredCharge,
  VerifiedNotification,
} from '../types';
import type { WechatSettings } from './config';
import type { V2Client } from './v2/api';
import { micropayV2, reverseV2 } from './v2/actions/micropay';
import { closeorderV2, orderqueryV2 } from './v2/actions/orderquery';
import { refundqueryV2, refundV2 } from './v2/actions/refund';
import { unifiedorderV2 } from './v2/actions/unifiedorder';
import { acknowledgeV2, verifyV2Notification } from './v2/notify';
import type { V3Client } from './v3/api';
import { prepayV3 } from './v3/actions/prepay';
import { autoKeyRing, downloadPlatformCertificates } from './v3/certificates';
import { closeV3, queryV3 } from './v3/actions/query';
import { queryRefundV3, refundV3 } from './v3/actions/refund';
import { acknowledgeV3, verifyV3Notification } from './v3/notify';
import { keyRing } from './v3/verify';

/** Test seams; production uses the defaults. */
export interface WechatChannelOptions {
  /** Wait between micropay polls. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function servedChannels(settings: WechatSettings): ChannelId[] {
  const channels: ChannelId[] = ['wechat_jsapi', 'wechat_app', 'wechat_h5', 'wechat_native'];
  if (settings.miniAppId) channels.push('wechat_mini');
  if (settings.apiKey) channels.push('wechat_barcode');
  return channels;
}

/** A configured WeChat Pay channel; `init` imports the keys into the server's crypto provider. */
export class WechatChannel implements PayChannel {
  readonly provider = 'wechat' as const;
  readonly channels: readonly ChannelId[];
  readonly livemode: boolean;
  private context?: ChannelContext;
  private v3?: V3Client;
  private v2?: V2Client;

  constructor(
    readonly settings: WechatSettings,
    private readonly options: WechatChannelOptions = {},
  ) {
    this.channels = servedChannels(settings);
    this.livemode = settings.livemode;
  }

  async init(context: ChannelContext): Promise<void> {
    const { settings } = this;
    const base = { settings, crypto: context.crypto, http: context.http, clock: context.clock, nonce: context.nonce };
    this.v2 = { ...base, sleep: this.options.sleep ?? defaultSleep };
    if (settings.apiVersion === 'v3' && settings.privateKey) {
      const signingKey = await context.crypto.importRsaPrivateKey(settings.privateKey.pkcs8);
      const entries = [];
      for (const entry of settings.platformKeys) {
        if (entry.notAfter && entry.notAfter.getTime() < context.clock()) {
          context.warn(`wechat platform certificate ${entry.serial} expired on ${entry.notAfter.toISOString()}: replies signed with it will fail`);
        }
        if (entry.modulus === settings.privateKey.modulus && settings.livemode) {
          context.warn(`wechat platformKeys[${entry.serial}] is your own merchant key, not WeChat Pay's: replies will not verify`);
        }
        entries.push([entry.serial, await context.crypto.importRsaPublicKey(entry.spki)] as const);
      }
      const configured = keyRing(entries);
      const keys = settings.autoPlatformCertificates
        ? autoKeyRing(configured, () => downloadPlatformCertificates({ ...base, signingKey }), context.clock)
        : configured;
      this.v3 = { ...base, signingKey, keys };
    }
    this.context = context;
  }

  private ready(): ChannelContext {
    if (!this.context) throw new PayConfigError('the wechat channel is not initialised: pass it to createPayServer({ channels })', { channel: 'wechat' });
    return this.context;
  }

  private notifyUrl(): string | undefined {
    const contextUrl = this.ready().notifyUrl;
    return this.settings.notifyUrl ?? contextUrl;
  }

  /** The API a stored charge was made with: barcode charges and v2 merchants use APIv2. */
  private usesV2(charge: Pick<StoredCharge, 'channel' | 'channelData'>): boolean {
    return this.settings.apiVersion === 'v2' || charge.channel === 'wechat_barcode' || charge.channelData?.api === 'v2';
  }

  async createCharge(request: ChargeRequest): Promise<ChargeCreation> {
    this.ready();
    if (request.channel === 'wechat_barcode') return micropayV2(this.v2 as V2Client, request);
    if (this.settings.apiVersion === 'v2') return unifiedorderV2(this.v2 as V2Client, request, this.notifyUrl());
    return prepayV3(this.v3 as V3Client, request, this.notifyUrl());
  }

  async queryCharge(charge: StoredCharge): Promise<ChargeQueryResult> {
    this.ready();
    return this.usesV2(charge) ? orderqueryV2(this.v2 as V2Client, charge) : queryV3(this.v3 as V3Client, charge);
  }

  async closeCharge(charge: StoredCharge): Promise<void> {
    this.ready();
    if (charge.channel === 'wechat_barcode') return reverseV2(this.v2 as V2Client, charge.orderNo);
    return this.usesV2(charge) ? closeorderV2(this.v2 as V2Client, charge) : closeV3(this.v3 as V3Client, charge);
  }

  async createRefund(charge: StoredCharge, refund: RefundRequest): Promise<RefundResult> {
    this.ready();
    // APIv3 refunds any order, including v2 micropay ones; v2 merchants refund over mutual TLS.
    if (this.settings.apiVersion === 'v2') return refundV2(this.v2 as V2Client, charge, refund, this.notifyUrl());
    return refundV3(this.v3 as V3Client, charge, refund, this.notifyUrl());
  }

  async queryRefund(charge: StoredCharge, refund: RefundRequest): Promise<RefundResult> {
    this.ready();
    if (this.settings.apiVersion === 'v2') return refundqueryV2(this.v2 as V2Client, charge, refund);
    return queryRefundV3(this.v3 as V3Client, refund);
  }

  verifyNotification(request: RawNotification): Promise<VerifiedNotification> {
    // Not async: the v3 promise is returned as it is, not adopted by another one (two microtasks per notification).
    if (this.settings.apiVersion === 'v3') {
      try {
        const context = this.ready();
        return verifyV3Notification({ settings: this.settings, crypto: context.crypto, keys: (this.v3 as V3Client).keys, clock: context.clock }, request);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.verifyV2Notification(request);
  }

  private async verifyV2Notification(request: RawNotification): Promise<VerifiedNotification> {
    const context = this.ready();
    const v2 = this.v2 as V2Client;
    return verifyV2Notification(
      {
        settings: this.settings,
        crypto: context.crypto,
        clock: context.clock,
        confirmRefund: (refundNo, appId) => refundqueryV2(v2, { channel: appId === this.settings.appId ? 'wechat_jsapi' : 'wechat_mini' }, { refundNo }),
      },
      request,
    );
  }

  acknowledge(outcome: AcknowledgementOutcome): Acknowledgement {
    return this.settings.apiVersion === 'v3' ? acknowledgeV3(outcome) : acknowledgeV2(outcome);
  }
}
