/**
 * Size baseline: the smallest useful hand-written payment client, about 50 lines. It asks the merchant server for a
 * charge with fetch, then redirects, auto-submits a form or hands a native bridge its payload, and polls for the result.
 * No validation, no typed errors, one bridge shape: what payweave's client must stay close to in bytes.
 */
type Credential = { channel: string; url?: string; method?: string; fields?: Record<string, string>; orderString?: string; tn?: string; qrCode?: string; codeUrl?: string };
type Charge = { orderNo: string; status: string; credential: Credential };
type Bridge = (payload: unknown) => Promise<unknown>;

export function createFetchClient(endpoint: string, bridges: Record<string, Bridge> = {}) {
  const call = async (path: string, body?: unknown): Promise<Charge> => {
    const response = await fetch(`${endpoint}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`payment server answered ${response.status}`);
    return (await response.json()) as Charge;
  };

  const submit = (url: string, fields: Record<string, string>) => {
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = url;
    for (const [name, value] of Object.entries(fields)) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.appendChild(input);
    }
    document.body.appendChild(form);
    form.submit();
  };

  const launch = async (charge: Charge) => {
    const { credential: c } = charge;
    if (c.qrCode || c.codeUrl) return { status: 'qr', qrCode: c.qrCode ?? c.codeUrl };
    if (c.url && c.method === 'POST') return submit(c.url, c.fields ?? {}), { status: 'redirected' };
    if (c.url) return location.assign(c.url), { status: 'redirected' };
    const bridge = bridges[c.channel.split('_')[0] ?? ''];
    if (!bridge) return { status: 'failed' };
    await bridge(c.orderString ?? c.tn ?? c);
    return { status: 'pending' };
  };

  const waitForResult = async (orderNo: string, intervalMs = 2000, tries = 30): Promise<Charge> => {
    for (let i = 0; i < tries; i++) {
      const charge = await call(`/charges/${encodeURIComponent(orderNo)}`);
      if (charge.status !== 'pending') return charge;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    throw new Error('payment still pending');
  };

  return { createCharge: (input: unknown) => call('/charges', input), launch, waitForResult };
}
