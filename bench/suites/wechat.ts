/**
 * WeChat Pay. APIv3 notification: verify the Wechatpay-* signature over the raw body, decrypt the AES-256-GCM resource,
 * parse and map it (vector W14), against one RSA-2048 verify of the prebuilt message. APIv2: the MD5 and HMAC-SHA256
 * `sign` of unifiedorder fields (vector W2) built from the params, against one digest of the prebuilt string.
 * Peer: wechatpay-axios-plugin (Rsa + Formatter + Aes.AesGcm + JSON.parse; Hash.sign) in the same rounds.
 */
import { createHash, createHmac, createPublicKey, verify } from 'node:crypto';
import type { CryptoProvider, PayChannel } from '@payweave/server';
import { atLeast, measureThroughput, reason, type Entry } from '../throughput';
import { unavailable, type Budget, type Suite } from '../types';

type Plugin = typeof import('wechatpay-axios-plugin');
type SignV2 = (crypto: CryptoProvider, type: 'MD5' | 'HMAC-SHA256', fields: Record<string, string | undefined>, key: string) => Promise<string>;

interface Loaded {
  fixtures: {
    k5: typeof import('../../packages/server/src/channels/wechat/__fixtures__/k5');
    v2: typeof import('../../packages/server/src/channels/wechat/__fixtures__/v2-vectors');
    v3: typeof import('../../packages/server/src/channels/wechat/__fixtures__/v3-vectors');
  };
  crypto: CryptoProvider;
  channel: PayChannel | string;
  signV2: SignV2 | string;
  plugin: Plugin | string;
}

let loading: Promise<Loaded> | undefined;

function load(): Promise<Loaded> {
  loading ??= (async () => {
    const fixtures = {
      k5: await import('../../packages/server/src/channels/wechat/__fixtures__/k5'),
      v2: await import('../../packages/server/src/channels/wechat/__fixtures__/v2-vectors'),
      v3: await import('../../packages/server/src/channels/wechat/__fixtures__/v3-vectors'),
    };
    const { benchContext } = await import('../context');
    const now = Number(fixtures.v3.W14.headers['Wechatpay-Timestamp']) * 1000;
    const context = await benchContext(() => now);
    const loaded: Loaded = { fixtures, crypto: context.crypto, channel: '', signV2: '', plugin: '' };
    try {
      const { wechat } = await import('@payweave/server/wechat');
      const { W14 } = fixtures.v3;
      const channel = wechat({
        mchId: W14.mchid,
        appId: W14.appid,
        privateKey: fixtures.k5.K5_PRIVATE_KEY,
        certificateSerial: 'F5765756002FDD77',
        apiV3Key: W14.apiV3Key,
        platformKeys: { F5765756002FDD77: fixtures.k5.K5_CERT_F576 },
      });
      await channel.init(context);
      loaded.channel = channel;
    } catch (error) {
      loaded.channel = `n/a (channel not available: ${reason(error)})`;
    }
    try {
      loaded.signV2 = (await import('../../packages/server/src/channels/wechat/v2/sign')).signV2;
    } catch (error) {
      loaded.signV2 = `n/a (channel not available: ${reason(error)})`;
    }
    try {
      loaded.plugin = await import('wechatpay-axios-plugin');
    } catch (error) {
      loaded.plugin = `n/a (wechatpay-axios-plugin: ${reason(error)})`;
    }
    return loaded;
  })();
  return loading;
}

function entry<T>(target: T | string, make: (target: T) => Entry, name: string, role: 'case' | 'peer', budget?: Budget): Entry {
  return typeof target === 'string' ? unavailable([name], target, role, budget)[0]! : make(target);
}

const metric = 'throughput vs baseline, higher is better';

export const wechatV3Suite: Suite = {
  id: 'wechat-v3',
  title: 'WeChat Pay v3 notification (verify + decrypt + parse)',
  metric,
  baseline: "crypto.verify('sha256', prebuilt message, publicKey, sig)",
  checkedInCi: false,
  async run(settings) {
    const loaded = await load().catch((error: unknown) => `n/a (channel not available: ${reason(error)})`);
    if (typeof loaded === 'string') return { rows: unavailable(['channel.verifyNotification({ body, headers })'], loaded, 'case', atLeast(0.55)) };
    const { fixtures, channel, plugin } = loaded;
    const { W14 } = fixtures.v3;
    const timestamp = W14.headers['Wechatpay-Timestamp']!;
    const nonce = W14.headers['Wechatpay-Nonce']!;
    const signatureText = W14.headers['Wechatpay-Signature']!;
    const message = Buffer.from(`${timestamp}\n${nonce}\n${W14.body}\n`, 'utf8');
    const signature = Buffer.from(signatureText, 'base64');
    const publicKey = createPublicKey(fixtures.k5.K5_PUBLIC_KEY);
    const budget = atLeast(0.55);
    const name = 'channel.verifyNotification({ body, headers })';
    const peerName = 'wechatpay-axios-plugin Rsa.verify + AesGcm.decrypt + JSON.parse';
    return measureThroughput({ op: () => verify('sha256', message, publicKey, signature), expect: (ok) => ok === true }, [
      entry(channel, (c) => ({
        name,
        role: 'case',
        budget,
        op: () => c.verifyNotification!({ method: 'POST', body: W14.body, headers: W14.headers }),
        expect: (r) => (r as { event?: { type?: string } }).event?.type === 'charge.succeeded',
      }), name, 'case', budget),
      entry(plugin, (p) => {
        const key = p.Rsa.from(fixtures.k5.K5_PUBLIC_KEY, p.Rsa.KEY_TYPE_PUBLIC);
        return {
          name: peerName,
          role: 'peer',
          op: () => {
            if (!p.Rsa.verify(p.Formatter.response(timestamp, nonce, W14.body), signatureText, key)) throw new Error('peer: signature does not verify');
            const { resource } = JSON.parse(W14.body) as { resource: { ciphertext: string; nonce: string; associated_data: string } };
            return JSON.parse(p.Aes.AesGcm.decrypt(resource.ciphertext, W14.apiV3Key, resource.nonce, resource.associated_data)) as unknown;
          },
          expect: (r) => (r as { trade_state?: string }).trade_state === 'SUCCESS',
        };
      }, peerName, 'peer'),
    ], settings);
  },
};

/** The APIv2 string to sign, built here independently: non-empty fields but `sign`, sorted, `&key=` appended. */
function v2String(fields: Record<string, string>, key: string): string {
  const pairs = Object.keys(fields).filter((k) => k !== 'sign' && fields[k] !== '').sort().map((k) => `${k}=${fields[k]}`);
  return `${pairs.join('&')}&key=${key}`;
}

function v2Suite(type: 'MD5' | 'HMAC-SHA256'): Suite {
  const md5 = type === 'MD5';
  return {
    id: md5 ? 'wechat-v2-md5' : 'wechat-v2-hmac',
    title: `WeChat Pay v2 ${type} sign from params`,
    metric,
    baseline: md5 ? "createHash('md5').update(prebuilt).digest('hex')" : "createHmac('sha256', key).update(prebuilt).digest('hex')",
    checkedInCi: false,
    async run(settings) {
      const loaded = await load().catch((error: unknown) => `n/a (channel not available: ${reason(error)})`);
      if (typeof loaded === 'string') return { rows: unavailable([`signV2('${type}', params, apiKey)`], loaded, 'case', atLeast(0.45)) };
      const { fixtures, crypto, signV2, plugin } = loaded;
      const { W2_FIELDS: fields } = fixtures.v2;
      const key = fixtures.v2.W1_KEY;
      const prebuilt = v2String(fields, key);
      const digest = md5 ? () => createHash('md5').update(prebuilt).digest('hex') : () => createHmac('sha256', key).update(prebuilt).digest('hex');
      const expected = digest().toUpperCase();
      const budget = atLeast(0.45);
      const name = `signV2('${type}', params, apiKey)`;
      return measureThroughput({ op: digest, expect: (hex) => String(hex).toUpperCase() === expected }, [
        entry(signV2, (sign) => ({ name, role: 'case', budget, op: () => sign(crypto, type, fields, key), expect: (s) => s === expected }), name, 'case', budget),
        entry(plugin, (p) => ({ name: `wechatpay-axios-plugin Hash.sign('${type}')`, role: 'peer', op: () => p.Hash.sign(type, fields, key), expect: (s) => s === expected }), 'wechatpay-axios-plugin Hash.sign', 'peer'),
      ], settings);
    },
  };
}

export const wechatV2Md5Suite = v2Suite('MD5');
export const wechatV2HmacSuite = v2Suite('HMAC-SHA256');
