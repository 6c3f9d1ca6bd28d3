platformKeys: {
  '5157F09EFDC096DE15EBE81A47057A72********': readFileSync('certs/wechatpay_platform.pem', 'utf8'),  // certificate
  PUB_KEY_ID_0114232134912410000000000000: readFileSync('certs/pub_key.pem', 'utf8'),             // public key
},
export {};
