import { readFileSync } from 'node:fs';
import { createPayServer } from '@payweave/server';
import { wechat } from '@payweave/server/wechat';

const pay = createPayServer({
  notifyUrl: 'https://shop.example/api/pay/notify',              // WeChat posts to .../notify/wechat
  channels: [
    wechat({
      mchId: '1900009191',
      appId: 'wxd930ea5d5a258f4f',
      miniAppId: 'wx8888888888888888',                            // only for wechat_mini
      privateKey: readFileSync('certs/apiclient_key.pem', 'utf8'),
      certificateSerial: '3775B6A45ACD588826D15E583A95F5DD********',
      apiV3Key: process.env.WECHAT_API_V3_KEY!,
      platformKeys: {
        PUB_KEY_ID_0114232134912410000000000000: readFileSync('certs/pub_key.pem', 'utf8'),
      },
    }),
  ],
});
export {};
