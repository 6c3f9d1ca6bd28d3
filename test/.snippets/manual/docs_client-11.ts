import { createPayClient, type Launcher } from '@payweave/client';

const consoleQr: Launcher<'alipay_qr'> = {
  name: 'console-qr',
  channels: ['alipay_qr'],
  async launch(charge) {
    console.log('scan', charge.credential.qrCode);
    return { status: 'qr', charge, qrCode: charge.credential.qrCode };
  },
};

const client = createPayClient({ endpoint: '/api/pay', launchers: [consoleQr] });
export {};
