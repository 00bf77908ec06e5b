/**
 * The bot's own identity for Microsoft Graph, from the settings it already has: the single-tenant registration's
 * client secret, or its user-assigned managed identity. In local mode the simulation uses a managed identity whose
 * endpoint (IDENTITY_ENDPOINT) is a loopback stand-in, so tests go through the same @azure/identity code as Azure.
 */
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { GraphConfig } from '../config';

export function graphCredential(config: GraphConfig): TokenCredential {
  const credential = config.credential;
  if (!credential) throw new Error('Tenant checks are off: there is no Graph credential to build.');
  if (credential.kind === 'clientSecret') {
    return new ClientSecretCredential(config.tenantId, credential.clientId, credential.secret, { authorityHost: config.authorityHost });
  }
  return credential.clientId ? new ManagedIdentityCredential({ clientId: credential.clientId }) : new ManagedIdentityCredential();
}
