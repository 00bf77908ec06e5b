/**
 * "Is this address this machine?" for local mode, which authenticates nothing and so must neither answer
 * under other names (a web page can point its own host name at 127.0.0.1: DNS rebinding) nor send to other
 * machines on an activity's say-so. Loopback means 127.0.0.0/8, localhost and [::1], with any port.
 */

/** What a Host header or URL authority may contain; anything else (user info, paths, spaces) is refused before parsing. */
const AUTHORITY = /^[a-z0-9.\-[\]:]{1,262}$/i;

function isLoopbackHostname(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  // The URL parser has already written any IPv4 form (127.1, 0x7f.0.0.1) as four decimal octets.
  const octets = hostname.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}

/** A Host header naming this machine: `127.0.0.1:3978`, `localhost`, `[::1]:3978`, … */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (typeof host !== 'string' || !AUTHORITY.test(host)) return false;
  try {
    return isLoopbackHostname(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

/** An http(s) URL on this machine; used for Origin headers and Bot Connector service URLs. */
export function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    isLoopbackHostname(url.hostname)
  );
}
