import { ConfigError, DEFAULT_PORT, loadConfig } from '../src/config';

const APP = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa' };

describe('loadConfig', () => {
  it('defaults to local mode on loopback, port 3978, SQLite under ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ localMode: true, host: '127.0.0.1', port: DEFAULT_PORT, storage: { kind: 'sqlite', path: './data/sync-guide.sqlite' } });
  });

  it('treats blank values in .env as unset', () => {
    expect(loadConfig({ MicrosoftAppId: '  ', PORT: '' })).toMatchObject({ localMode: true, port: DEFAULT_PORT });
  });

  it('with an app id, defaults to SingleTenant on all interfaces', () => {
    expect(loadConfig(APP)).toMatchObject({ localMode: false, appType: 'SingleTenant', host: '0.0.0.0' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /not a port number/],
    [{ PORT: '70000' }, 'PORT', /0 to 65535/],
    [{ STORAGE: 'redis' }, 'STORAGE', /sqlite, memory, blob, cosmos/],
    [{ STORAGE: 'blob' }, 'BLOB_CONNECTION_STRING', /required when STORAGE=blob/],
    [{ STORAGE: 'cosmos', COSMOS_ENDPOINT: 'https://x.documents.azure.com' }, 'COSMOS_KEY', /required when STORAGE=cosmos/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /not one of/],
    [{ HOST: '0.0.0.0' }, 'HOST', /loopback/],
    [{ MicrosoftAppId: 'not-a-guid', MicrosoftAppPassword: 'x' }, 'MicrosoftAppId', /not a GUID/],
    [{ ...APP, MicrosoftAppPassword: '' }, 'MicrosoftAppPassword', /required/],
    [{ ...APP, MicrosoftAppTenantId: '' }, 'MicrosoftAppTenantId', /required when MicrosoftAppType is SingleTenant/],
    [{ ...APP, MicrosoftAppType: 'Shared' }, 'MicrosoftAppType', /MultiTenant, SingleTenant, UserAssignedMSI/],
    [{ ALLOWED_TENANT_IDS: 'contoso' }, 'ALLOWED_TENANT_IDS', /not a tenant id/],
  ])('rejects %j naming %s', (env, variable, message) => {
    let error: unknown;
    try {
      loadConfig(env as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).message).toContain(variable);
  });

  it('accepts a multi-tenant registration without a tenant id and a managed identity without a password', () => {
    expect(loadConfig({ ...APP, MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' }).appType).toBe('MultiTenant');
    expect(loadConfig({ ...APP, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: '' }).appType).toBe('UserAssignedMSI');
  });

  it('parses the tenant allow-list case-insensitively', () => {
    const config = loadConfig({ ALLOWED_TENANT_IDS: 'AAAAAAAA-0000-0000-0000-000000000001, bbbbbbbb-0000-0000-0000-000000000002' });
    expect(config.allowedTenantIds).toEqual(['aaaaaaaa-0000-0000-0000-000000000001', 'bbbbbbbb-0000-0000-0000-000000000002']);
  });
});
