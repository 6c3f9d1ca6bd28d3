wechat({
  apiVersion: 'v2',
  mchId: '10000100',
  appId: 'wxd930ea5d5a258f4f',
  apiKey: process.env.WECHAT_API_KEY!,                       // the 32-character APIv2 key
  v2SignType: 'HMAC-SHA256',                                 // default MD5
  privateKey: readFileSync('certs/apiclient_key.pem', 'utf8'),
  clientCertificate: { cert: readFileSync('certs/apiclient_cert.pem', 'utf8') },   // refunds: mutual TLS
});
export {};
