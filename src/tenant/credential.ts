/**
 * The bot's own identity for Microsoft Graph, from the settings it already has: the single-tenant registration's
 * client secret, or its user-assigned managed identity. In local mode the simulation uses a managed identity whose
 * endpoint (IDENTITY_ENDPOINT) is a loopback stand-in, so tests go through the same @azure/identity code as Azure.
 */
import {
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
  type TokenCredentialOptions,
} from '@azure/identity';
import type { GraphConfig } from '../config';

export interface CredentialOptions {
  /**
   * Carries the credential's sign-in requests. Absent in the app (the library's own client); tests pass one that
   * delivers to the loopback stand-in, since @azure/identity refuses an authority host that is not https.
   */
  readonly httpClient?: TokenCredentialOptions['httpClient'];
}

export function graphCredential(config: GraphConfig, options: CredentialOptions = {}): TokenCredential {
  const credential = config.credential;
  if (!credential) throw new Error('Tenant checks are off: there is no Graph credential to build.');
  const transport = options.httpClient ? { httpClient: options.httpClient } : {};
  if (credential.kind === 'clientSecret') {
    return new ClientSecretCredential(config.tenantId, credential.clientId, credential.secret, {
      authorityHost: config.authorityHost,
      ...transport,
    });
  }
  return new ManagedIdentityCredential({
    ...(credential.clientId ? { clientId: credential.clientId } : {}),
    ...transport,
  });
}
