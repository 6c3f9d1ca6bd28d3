const result = await client.launch(charge);
switch (result.status) {
  case 'redirected': break;                       // the browser is on its way to the cashier
  case 'qr': showQrCode(result.qrCode); break;    // render it, then waitForResult
  case 'succeeded':                               // the wallet says paid: confirm with waitForResult
  case 'pending':
  case 'canceled': break;
  case 'failed': console.warn(result.error.code, result.error.message); break;
}
export {};
