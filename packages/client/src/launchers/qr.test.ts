import { describe, expect, it } from 'vitest';
import { chargeWith } from '../__fixtures__/charges';
import { createPayClient } from '../client';
import { qrLauncher } from './qr';

const client = createPayClient({ endpoint: '/api/pay', launchers: [qrLauncher] });

describe('qrLauncher', () => {
  it('returns the Alipay precreate qr_code to render', async () => {
    const charge = chargeWith({ channel: 'alipay_qr', qrCode: 'https://qr.alipay.com/bax08431ctgs6ffvxyz' });
    await expect(client.launch(charge)).resolves.toEqual({ status: 'qr', charge, qrCode: 'https://qr.alipay.com/bax08431ctgs6ffvxyz' });
  });

  it('returns the WeChat Native code_url to render', async () => {
    const charge = chargeWith({ channel: 'wechat_native', codeUrl: 'weixin://wxpay/bizpayurl?pr=abc123' });
    await expect(client.launch(charge)).resolves.toEqual({ status: 'qr', charge, qrCode: 'weixin://wxpay/bizpayurl?pr=abc123' });
  });

  it('fails with CREDENTIAL_INVALID when the server sent an empty code', async () => {
    const charge = chargeWith({ channel: 'wechat_native', codeUrl: '' });
    await expect(client.launch(charge)).resolves.toMatchObject({ status: 'failed', error: { code: 'CREDENTIAL_INVALID', channel: 'wechat_native' } });
  });
});
