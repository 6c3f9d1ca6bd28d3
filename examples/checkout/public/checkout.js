/* global document, location */
/**
 * The checkout page: create the shop's order, ask the merchant server for a charge (`client.createCharge`), and hand
 * it to the channel's launcher (`client.launch`). Browser channels leave for the gateway's cashier; QR and wallet
 * channels continue on the order page, which waits for the server's verified result.
 */
import { createPayClient } from '@payweave/client';

const config = JSON.parse(document.getElementById('checkout-config').textContent);
const surfaces = new Map(config.surfaces.map((surface) => [surface.channel, surface]));
const form = document.getElementById('checkout');
const errorBox = document.querySelector('[data-testid="checkout-error"]');

// Only the launchers of the offered surfaces are loaded (`@payweave/client/alipay` exports `alipayLauncher`...).
const names = [...new Set(config.surfaces.map((surface) => surface.launcher))];
const launchers = await Promise.all(names.map(async (name) => (await import(`@payweave/client/${name}`))[`${name}Launcher`]));
const client = createPayClient({ endpoint: '/api/pay', launchers });
form.dataset.ready = 'true';

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const surface = surfaces.get(data.get('channel'));
  if (!surface) return;
  setBusy(true);
  try {
    const orderNo = await createOrder(data.get('product'));
    const charge = await client.createCharge({
      orderNo,
      channel: surface.channel,
      ...(surface.browserReturn ? { returnUrl: new URL(`/orders/${orderNo}/return`, location.href).href } : {}),
      ...(surface.needsOpenId ? { payer: { openId: config.openId } } : {}),
    });
    const result = await client.launch(charge);
    if (result.status === 'redirected') return; // on the way to the cashier
    if (result.status === 'failed') throw result.error;
    // 'qr': the order page shows the payload; a wallet answer ('succeeded', 'canceled'...) is passed on as a hint.
    location.assign(`/orders/${orderNo}${result.status === 'qr' ? '' : `?wallet=${result.status}`}`);
  } catch (error) {
    showError(error);
    setBusy(false);
  }
});

async function createOrder(productId) {
  const response = await fetch('/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ productId }) });
  if (!response.ok) throw new Error(`could not create the order (HTTP ${response.status})`);
  return (await response.json()).orderNo;
}

function setBusy(busy) {
  form.querySelector('button[type="submit"]').disabled = busy;
  if (busy) errorBox.hidden = true;
}

function showError(error) {
  errorBox.textContent = error && error.code ? `${error.code}: ${error.message}` : String(error && error.message ? error.message : error);
  errorBox.hidden = false;
}
