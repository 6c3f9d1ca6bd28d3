import { PayConfigError } from '@payweave/core';

/**
 * Gateways are reached over https only. Plain http is allowed for loopback hosts and for the reserved `.test` and
 * `.localhost` names of RFC 2606/6761, which never resolve on the Internet: that is where the sandbox lives.
 */
export function assertGatewayUrl(url: string): URL {
  if (typeof url !== 'string') throw new PayConfigError('the gateway URL must be a string', { code: 'GATEWAY_URL_INVALID' });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PayConfigError(`gateway URL ${JSON.stringify(url.slice(0, 200))} is not an absolute URL`, { code: 'GATEWAY_URL_INVALID' });
  }
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && isLocalHost(parsed.hostname)) return parsed;
  throw new PayConfigError(
    `refusing to call ${parsed.protocol}//${parsed.host}: gateways must be reached over https (plain http is only allowed for loopback and *.test sandbox hosts)`,
    { code: 'GATEWAY_URL_INSECURE' },
  );
}

function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.test') ||
    host === '::1' ||
    /^127(?:\.\d{1,3}){3}$/.test(host)
  );
}
