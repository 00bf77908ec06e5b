/**
 * Where the report file may be uploaded, and the upload itself. Teams' file consent flow hands the bot an
 * upload URL inside the `fileConsent/invoke` activity: an upload session in the user's OneDrive for
 * Business, which lives on SharePoint Online. The URL is only as trustworthy as the activity, so the bot
 * PUTs only to the SharePoint Online host names of Microsoft's clouds, over https, on the default port,
 * and never to an address in a private, loopback or link-local range, whatever DNS says the name is.
 *
 * Local mode (no authentication, tests, the Playground) may also use plain http to loopback, because local
 * stand-ins for OneDrive run there.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

/**
 * SharePoint Online, where OneDrive for Business upload sessions live: worldwide and GCC (sharepoint.com),
 * GCC High (sharepoint.us), Microsoft 365 operated by 21Vianet (sharepoint.cn), the former Microsoft Cloud
 * Deutschland (sharepoint.de), and Microsoft's own pre-production ring (sharepoint-df.com). A tenant's sites
 * are always a subdomain (contoso.sharepoint.com, contoso-my.sharepoint.com for OneDrive).
 */
export const UPLOAD_HOST_SUFFIXES: readonly string[] = [
  '.sharepoint.com',
  '.sharepoint.us',
  '.sharepoint.cn',
  '.sharepoint.de',
  '.sharepoint-df.com',
];

/** Upload session URLs carry a token and run to a few kilobytes; anything far longer is not one. */
const MAX_URL_LENGTH = 8_192;
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** Addresses the bot never uploads to outside local mode: nothing on the public internet lives there. */
const PRIVATE_RANGES = (() => {
  const list = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 3],
  ] as const) {
    list.addSubnet(network, prefix, 'ipv4');
  }
  for (const [network, prefix] of [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
    ['64:ff9b::', 96],
  ] as const) {
    list.addSubnet(network, prefix, 'ipv6');
  }
  return list;
})();

export type UploadTarget =
  { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly reason: string; readonly host?: string };

/** Whether `url` is somewhere the bot will PUT the report; `host` is for the log (never the whole URL: it carries a token). */
export function checkUploadUrl(url: unknown, options: { readonly localMode: boolean }): UploadTarget {
  if (typeof url !== 'string' || url.length === 0) return { ok: false, reason: 'no upload URL' };
  if (url.length > MAX_URL_LENGTH) return { ok: false, reason: 'upload URL too long' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  const host = parsed.hostname.slice(0, 100);
  if (options.localMode && parsed.protocol === 'http:' && LOOPBACK_HOSTS.includes(parsed.hostname))
    return { ok: true, url: parsed };
  if (parsed.protocol !== 'https:') return { ok: false, reason: 'not https', host };
  if (parsed.username || parsed.password) return { ok: false, reason: 'credentials in the URL', host };
  if (parsed.port !== '') return { ok: false, reason: 'not the default https port', host };
  if (isIP(parsed.hostname.replace(/^\[|\]$/g, '')) !== 0) {
    return options.localMode && LOOPBACK_HOSTS.includes(parsed.hostname)
      ? { ok: true, url: parsed }
      : { ok: false, reason: 'an IP address, not a host name', host };
  }
  if (
    !UPLOAD_HOST_SUFFIXES.some((suffix) => parsed.hostname.endsWith(suffix) && parsed.hostname.length > suffix.length)
  ) {
    return { ok: false, reason: 'not a SharePoint Online host', host };
  }
  return { ok: true, url: parsed };
}

/** True for addresses in a private, loopback, link-local, shared, multicast or reserved range. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE_RANGES.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function isLoopback(address: string): boolean {
  return address === '::1' || (isIP(address) === 4 && address.startsWith('127.'));
}

type Resolver = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;
type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses host names resolving to a private address. The check runs on
 * the very addresses the socket connects to, so a name that resolves differently a moment later (DNS
 * rebinding) gains nothing.
 */
export function publicOnlyLookup(resolve: Resolver = dnsLookup, options: { readonly allowLoopback?: boolean } = {}) {
  const refuse = (address: string) => isPrivateAddress(address) && !(options.allowLoopback && isLoopback(address));
  return (hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((entry) => refuse(entry.address));
      if (refused || addresses.length === 0) {
        const denied: NodeJS.ErrnoException = new Error(
          `${hostname} resolves to an address the bot does not upload to`,
        );
        denied.code = 'EADDRNOTALLOWED';
        return callback(denied, []);
      }
      if (lookupOptions.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export interface PutOptions {
  readonly signal?: AbortSignal;
  /** In local mode the loopback stand-ins for OneDrive are allowed; every other private address stays refused. */
  readonly localMode: boolean;
  /** Tests replace DNS here. */
  readonly resolve?: Resolver;
}

/**
 * One PUT of the whole file: OneDrive upload sessions accept a single range covering everything. Redirects are
 * not followed (a redirect could point anywhere). Resolves with the HTTP status.
 */
export function putFile(target: URL, body: Buffer, options: PutOptions): Promise<number> {
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: 'PUT',
    headers: { 'content-length': String(body.length), 'content-range': `bytes 0-${body.length - 1}/${body.length}` },
    ...(options.signal ? { signal: options.signal } : {}),
    lookup: publicOnlyLookup(options.resolve, { allowLoopback: options.localMode }),
    // A connection of its own: a pooled socket would skip the address check above. One upload per consent.
    agent: false,
  };
  return new Promise((resolve, reject) => {
    const req = request(target, requestOptions, (res: IncomingMessage) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
