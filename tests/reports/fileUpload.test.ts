/**
 * Where the report file may be uploaded: only SharePoint Online hosts over https (local mode adds loopback
 * stand-ins), never an IP address, and never a name that resolves into a private range.
 */
import { createServer, type Server } from 'node:http';
import type { LookupAddress } from 'node:dns';
import { checkUploadUrl, isPrivateAddress, putFile, publicOnlyLookup } from '../../src/reports/fileUpload';

describe('checkUploadUrl', () => {
  it.each([
    ['https://contoso-my.sharepoint.com/personal/ana/_api/v2.0/drive/items/01AB/uploadSession?guid=1', false],
    ['https://contoso.sharepoint.com//personal/ana/_api/v2.0/drive/items/01AB/uploadSession?guid=1', false],
    ['https://CONTOSO-MY.SharePoint.com/upload', false],
    ['https://contoso-my.sharepoint.us/upload', false],
    ['https://contoso-my.sharepoint.cn/upload', false],
    ['https://contoso-my.sharepoint.de/upload', false],
    ['https://contoso-my.sharepoint-df.com/upload', false],
    ['https://contoso-my.sharepoint.com:443/upload', false],
    ['https://contoso-my.sharepoint.com/upload', true],
    ['http://127.0.0.1:9999/upload', true],
    ['http://localhost:9999/upload', true],
    ['http://[::1]:9999/upload', true],
  ])('accepts %s (local mode %j)', (url, localMode) => {
    const target = checkUploadUrl(url, { localMode });
    expect(target.ok).toBe(true);
  });

  it.each([
    ['http://contoso-my.sharepoint.com/upload', false, 'not https'],
    ['https://evil.example/upload', false, 'not a SharePoint Online host'],
    ['https://sharepoint.com/upload', false, 'not a SharePoint Online host'],
    ['https://contoso.sharepoint.com.evil.example/upload', false, 'not a SharePoint Online host'],
    ['https://evilsharepoint.com/upload', false, 'not a SharePoint Online host'],
    ['https://contoso-my.sharepoint.com./upload', false, 'not a SharePoint Online host'],
    ['https://metadata.internal/upload', true, 'not a SharePoint Online host'],
    ['https://10.0.0.5/upload', false, 'an IP address, not a host name'],
    ['https://169.254.169.254/latest/meta-data', true, 'an IP address, not a host name'],
    ['https://2130706433/upload', false, 'an IP address, not a host name'],
    ['https://[fd00::1]/upload', false, 'an IP address, not a host name'],
    ['https://[::1]/upload', false, 'an IP address, not a host name'],
    ['https://127.0.0.1/upload', false, 'an IP address, not a host name'],
    ['http://127.0.0.1:9999/upload', false, 'not https'],
    ['http://10.0.0.5/upload', true, 'not https'],
    ['https://contoso-my.sharepoint.com:8443/upload', false, 'not the default https port'],
    ['https://ana:secret@contoso-my.sharepoint.com/upload', false, 'credentials in the URL'],
    ['file:///etc/passwd', true, 'not https'],
    ['not a url', true, 'not a URL'],
    [`https://contoso-my.sharepoint.com/${'a'.repeat(9_000)}`, false, 'upload URL too long'],
    [42, true, 'no upload URL'],
    [undefined, true, 'no upload URL'],
  ])('refuses %s (local mode %j): %s', (url, localMode, reason) => {
    const target = checkUploadUrl(url, { localMode });
    expect(target).toMatchObject({ ok: false, reason });
    // The log gets the host at most, never the URL: upload URLs carry a token.
    if (!target.ok && target.host !== undefined) expect(target.host.length).toBeLessThanOrEqual(100);
  });
});

describe('isPrivateAddress', () => {
  it.each([
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fd12::1',
    'fe80::1',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
    'not-an-ip',
  ])('%s is private', (address) => expect(isPrivateAddress(address)).toBe(true));
  it.each(['13.107.136.10', '52.104.0.1', '172.32.0.1', '2603:1006::1'])('%s is public', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});

describe('the upload connects only to the addresses it checked', () => {
  let server: Server;
  let port: number;
  const received: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(`${req.method} ${req.url} ${req.headers['content-range']}`);
      req.resume();
      req.on('end', () => {
        res.writeHead(201);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    received.length = 0;
  });

  /** A DNS stand-in: every name resolves to `addresses`. */
  const resolvingTo =
    (...addresses: string[]) =>
    (
      _host: string,
      _options: unknown,
      callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
    ) =>
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );

  it('refuses a name that resolves into a private range before connecting, even when one answer is public', async () => {
    for (const addresses of [['10.0.0.5'], ['127.0.0.1'], ['13.107.136.10', '192.168.0.10'], []]) {
      const put = putFile(new URL(`http://upload.test:${port}/x`), Buffer.from('a,b'), {
        localMode: false,
        resolve: resolvingTo(...addresses),
      });
      await expect(put).rejects.toMatchObject({ code: 'EADDRNOTALLOWED' });
    }
    expect(received).toEqual([]);
  });

  it('local mode reaches a loopback stand-in by name, and still nothing else private', async () => {
    const body = Buffer.from('\uFEFFa,b\r\n', 'utf8');
    expect(
      await putFile(new URL(`http://upload.test:${port}/session-1`), body, {
        localMode: true,
        resolve: resolvingTo('127.0.0.1'),
      }),
    ).toBe(201);
    expect(received).toEqual([`PUT /session-1 bytes 0-${body.length - 1}/${body.length}`]);
    await expect(
      putFile(new URL(`http://upload.test:${port}/x`), body, { localMode: true, resolve: resolvingTo('10.0.0.5') }),
    ).rejects.toMatchObject({ code: 'EADDRNOTALLOWED' });
  });

  it('answers both forms of lookup the socket may ask for', () => {
    const lookup = publicOnlyLookup(resolvingTo('13.107.136.10', '2603:1006::1'));
    const single = jest.fn();
    lookup('contoso-my.sharepoint.com', {}, single);
    expect(single).toHaveBeenCalledWith(null, '13.107.136.10', 4);
    const all = jest.fn();
    lookup('contoso-my.sharepoint.com', { all: true }, all);
    expect(all).toHaveBeenCalledWith(null, [
      { address: '13.107.136.10', family: 4 },
      { address: '2603:1006::1', family: 6 },
    ]);
  });
});
