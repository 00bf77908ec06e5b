/**
 * An HttpClient for @azure/identity credentials that sends every request to a loopback server instead of the host
 * it names, keeping path, query, method, headers and body. The credential keeps its real https authority (it
 * refuses plain http), and only its own options point it here: no global TLS or proxy setting is touched.
 */
import { createHttpHeaders } from '@azure/core-rest-pipeline';
import type { TokenCredentialOptions } from '@azure/identity';

export type IdentityHttpClient = NonNullable<TokenCredentialOptions['httpClient']>;

export function loopbackHttpClient(origin: string): IdentityHttpClient & { readonly hosts: string[] } {
  const target = new URL(origin);
  if (target.hostname !== '127.0.0.1')
    throw new Error(`loopbackHttpClient only sends to 127.0.0.1, not ${target.hostname}`);
  const hosts: string[] = [];
  return {
    hosts,
    async sendRequest(request) {
      const url = new URL(request.url);
      hosts.push(url.host);
      const response = await fetch(`${target.origin}${url.pathname}${url.search}`, {
        method: request.method,
        headers: request.headers.toJSON(),
        body: typeof request.body === 'string' ? request.body : undefined,
        signal: request.abortSignal as AbortSignal | undefined,
      });
      const headers = createHttpHeaders();
      response.headers.forEach((value, name) => headers.set(name, value));
      return { request, status: response.status, headers, bodyAsText: await response.text() };
    },
  };
}
