import { ConfigError, DEFAULT_PORT, loadConfig } from '../src/config';

const APP = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa',
};

describe('loadConfig', () => {
  it('defaults to local mode on loopback, port 3978, SQLite under ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      localMode: true,
      host: '127.0.0.1',
      port: DEFAULT_PORT,
      storage: { kind: 'sqlite', path: './data/sync-guide.sqlite' },
    });
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
    [
      { STORAGE: 'cosmos', COSMOS_ENDPOINT: 'https://x.documents.azure.com' },
      'COSMOS_KEY',
      /required when STORAGE=cosmos/,
    ],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /not one of/],
    [{ HOST: '0.0.0.0' }, 'HOST', /loopback/],
    [{ MicrosoftAppId: 'not-a-guid', MicrosoftAppPassword: 'x' }, 'MicrosoftAppId', /not a GUID/],
    [{ ...APP, MicrosoftAppPassword: '' }, 'MicrosoftAppPassword', /required/],
    [{ ...APP, MicrosoftAppTenantId: '' }, 'MicrosoftAppTenantId', /required when MicrosoftAppType is SingleTenant/],
    [{ ...APP, MicrosoftAppType: 'Shared' }, 'MicrosoftAppType', /MultiTenant, SingleTenant, UserAssignedMSI/],
    [{ ALLOWED_TENANT_IDS: 'contoso' }, 'ALLOWED_TENANT_IDS', /not a tenant id/],
    [{ REMINDER_CHECK_SECONDS: '5' }, 'REMINDER_CHECK_SECONDS', /too short/],
    [{ REMINDER_CHECK_SECONDS: 'often' }, 'REMINDER_CHECK_SECONDS', /seconds/],
    [{ REMINDER_HOUR_UTC: '24' }, 'REMINDER_HOUR_UTC', /hour from 0 to 23/],
    [{ REPORT_SIGNING_KEY: 'short' }, 'REPORT_SIGNING_KEY', /at least 32/],
    [{ ...APP, PUBLIC_BASE_URL: 'sync-guide.example.net' }, 'PUBLIC_BASE_URL', /not a URL/],
    [{ ...APP, PUBLIC_BASE_URL: 'ftp://example.net' }, 'PUBLIC_BASE_URL', /https/],
    [
      { ALLOWED_CHANNEL_IDS: 'msteams, Direct Line' },
      'ALLOWED_CHANNEL_IDS',
      /"Direct" is not a Bot Framework channel id/,
    ],
    [{ ALLOWED_CHANNEL_IDS: 'MSTEAMS' }, 'ALLOWED_CHANNEL_IDS', /lower case/],
    [
      { ...APP, ALLOWED_CHANNEL_IDS: 'msteams,directline' },
      'ALLOWED_CHANNEL_IDS',
      /"directline" can only be allowed in local mode/,
    ],
    [{ GRAPH_CHECKS: 'yes' }, 'GRAPH_CHECKS', /on, off/],
    [
      { ...APP, GRAPH_CHECKS: 'on', MicrosoftAppType: 'MultiTenant' },
      'GRAPH_CHECKS',
      /SingleTenant or UserAssignedMSI/,
    ],
    [{ GRAPH_CHECKS: 'on' }, 'GRAPH_SIMULATED_TENANT_ID', /GUID/],
    [{ GRAPH_CHECKS: 'on', GRAPH_SIMULATED_TENANT_ID: APP.MicrosoftAppTenantId }, 'GRAPH_BASE_URL', /127\.0\.0\.1/],
    [
      { GRAPH_CHECKS: 'on', GRAPH_SIMULATED_TENANT_ID: APP.MicrosoftAppTenantId, GRAPH_BASE_URL: 'http://127.0.0.1:9' },
      'IDENTITY_ENDPOINT',
      /127\.0\.0\.1/,
    ],
    [
      { ...APP, GRAPH_CHECKS: 'on', GRAPH_SIMULATED_TENANT_ID: APP.MicrosoftAppTenantId },
      'GRAPH_SIMULATED_TENANT_ID',
      /only for local mode/,
    ],
    [{ GRAPH_BASE_URL: 'http://graph.example.net' }, 'GRAPH_BASE_URL', /https/],
    [{ GRAPH_AUTHORITY_HOST: 'login' }, 'GRAPH_AUTHORITY_HOST', /not a URL/],
    // @azure/identity refuses a plain-http sign-in host at start-up; the setting says so first, by name.
    [
      { ...APP, GRAPH_CHECKS: 'on', GRAPH_AUTHORITY_HOST: 'http://127.0.0.1:9' },
      'GRAPH_AUTHORITY_HOST',
      /https:\/\/ even on 127\.0\.0\.1/,
    ],
    [{ GRAPH_CLOUD: 'Mars' }, 'GRAPH_CLOUD', /Global, USGov, USGovDoD, China/],
    [{ GRAPH_WATCH_SECONDS: '10' }, 'GRAPH_WATCH_SECONDS', /too short/],
  ])('rejects %j naming %s', (env, variable, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).message).toContain(variable);
  });

  it('accepts a multi-tenant registration without a tenant id and a managed identity without a password', () => {
    expect(loadConfig({ ...APP, MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' }).appType).toBe(
      'MultiTenant',
    );
    expect(loadConfig({ ...APP, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: '' }).appType).toBe(
      'UserAssignedMSI',
    );
  });

  it('serves Teams only unless ALLOWED_CHANNEL_IDS says otherwise (and only in local mode)', () => {
    expect(loadConfig({}).allowedChannelIds).toEqual(['msteams']);
    expect(loadConfig(APP).allowedChannelIds).toEqual(['msteams']);
    expect(loadConfig({ ALLOWED_CHANNEL_IDS: 'msteams, emulator,msteams' }).allowedChannelIds).toEqual([
      'msteams',
      'emulator',
    ]);
    expect(loadConfig({ ...APP, ALLOWED_CHANNEL_IDS: 'msteams' }).allowedChannelIds).toEqual(['msteams']);
  });

  it('parses the tenant allow-list case-insensitively', () => {
    const config = loadConfig({
      ALLOWED_TENANT_IDS: 'AAAAAAAA-0000-0000-0000-000000000001, bbbbbbbb-0000-0000-0000-000000000002',
    });
    expect(config.allowedTenantIds).toEqual([
      'aaaaaaaa-0000-0000-0000-000000000001',
      'bbbbbbbb-0000-0000-0000-000000000002',
    ]);
  });

  it('reads the reminder and report settings, with their defaults', () => {
    expect(loadConfig({})).toMatchObject({ reminders: { checkSeconds: 300, hourUtc: 9 }, reports: {} });
    expect(loadConfig({}).reports.publicBaseUrl).toBeUndefined();
    const config = loadConfig({
      ...APP,
      REMINDER_CHECK_SECONDS: '0',
      REMINDER_HOUR_UTC: '7',
      REPORT_SIGNING_KEY: 'k'.repeat(32),
      PUBLIC_BASE_URL: 'https://sync.example.net/bot/',
    });
    expect(config.reminders).toEqual({ checkSeconds: 0, hourUtc: 7 });
    expect(config.reports).toEqual({ signingKey: 'k'.repeat(32), publicBaseUrl: 'https://sync.example.net/bot' });
  });

  it('warms up at start unless WARM_UP=off, and names the variable for anything else', () => {
    expect(loadConfig({}).warmUp).toBe(true);
    expect(loadConfig({ WARM_UP: 'on' }).warmUp).toBe(true);
    expect(loadConfig({ WARM_UP: 'OFF' }).warmUp).toBe(false);
    expect(() => loadConfig({ WARM_UP: 'later' })).toThrow(/WARM_UP: "later" is not one of: on, off/);
  });

  describe('local mode refuses settings that belong to a real deployment', () => {
    // Without MicrosoftAppId nothing is authenticated; any of these means the app id is missing by mistake.
    it.each([
      [{ MicrosoftAppPassword: 'secret' }, 'MicrosoftAppPassword'],
      [{ MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa' }, 'MicrosoftAppTenantId'],
      [{ MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppType'],
      [{ PUBLIC_BASE_URL: 'https://sync.example.net' }, 'PUBLIC_BASE_URL'],
      [{ NODE_ENV: 'production' }, 'NODE_ENV'],
      [{ MicrosoftAppID: '00000000-0000-0000-0000-000000000001' }, 'MicrosoftAppID'],
      [{ MICROSOFTAPPID: '00000000-0000-0000-0000-000000000001' }, 'MICROSOFTAPPID'],
      [{ microsoftappid: '00000000-0000-0000-0000-000000000001' }, 'microsoftappid'],
      [{ MicrosoftAppPASSWORD: 'secret' }, 'MicrosoftAppPASSWORD'],
      // A misspelled name next to an empty correct one: the value went to the wrong variable.
      [{ MicrosoftAppId: '', MicrosoftAppID: '00000000-0000-0000-0000-000000000001' }, 'MicrosoftAppID'],
    ])('%j stops the start, naming %s', (env, variable) => {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as ConfigError).message).toContain(variable);
      expect((error as ConfigError).message).toContain('MicrosoftAppId');
      expect((error as ConfigError).message).toMatch(/local mode/);
    });

    it('says what to do about a misspelled app id', () => {
      expect(() => loadConfig({ MicrosoftAppID: '00000000-0000-0000-0000-000000000001' })).toThrow(
        /names are case-sensitive.*Rename it to MicrosoftAppId\./,
      );
    });

    it('still starts in local mode when those variables are blank or harmless', () => {
      const env = {
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
        MicrosoftAppTenantId: ' ',
        MicrosoftAppType: '',
        PUBLIC_BASE_URL: '',
        NODE_ENV: 'development',
        MICROSOFTAPPID: '',
      };
      expect(loadConfig(env).localMode).toBe(true);
      expect(loadConfig({ NODE_ENV: 'test' }).localMode).toBe(true);
    });

    it('lets a deployment set them all', () => {
      const config = loadConfig({
        ...APP,
        NODE_ENV: 'production',
        PUBLIC_BASE_URL: 'https://sync.example.net',
        MicrosoftAppType: 'SingleTenant',
      });
      expect(config.localMode).toBe(false);
    });
  });

  describe('tenant checks (GRAPH_CHECKS)', () => {
    it("are off by default, with the global cloud's addresses", () => {
      expect(loadConfig({}).graph).toMatchObject({
        enabled: false,
        baseUrl: 'https://graph.microsoft.com',
        authorityHost: 'https://login.microsoftonline.com',
        watchSeconds: 300,
      });
    });

    it("use the registration's secret for SingleTenant and its managed identity for UserAssignedMSI, reading only its tenant", () => {
      expect(loadConfig({ ...APP, GRAPH_CHECKS: 'on' }).graph).toMatchObject({
        enabled: true,
        tenantId: APP.MicrosoftAppTenantId,
        credential: { kind: 'clientSecret', clientId: APP.MicrosoftAppId, secret: 'secret' },
        simulated: false,
      });
      expect(
        loadConfig({ ...APP, GRAPH_CHECKS: 'ON', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: '' }).graph
          .credential,
      ).toEqual({ kind: 'managedIdentity', clientId: APP.MicrosoftAppId });
    });

    it("take a sovereign cloud's addresses from GRAPH_CLOUD, and explicit base URLs over those", () => {
      expect(loadConfig({ ...APP, GRAPH_CHECKS: 'on', GRAPH_CLOUD: 'usgov' }).graph).toMatchObject({
        cloud: 'USGov',
        baseUrl: 'https://graph.microsoft.us',
        authorityHost: 'https://login.microsoftonline.us',
      });
      expect(loadConfig({ GRAPH_CLOUD: 'China', GRAPH_BASE_URL: 'https://graph.example.net/' }).graph).toMatchObject({
        baseUrl: 'https://graph.example.net',
        authorityHost: 'https://login.chinacloudapi.cn',
      });
    });

    it('in local mode read only a simulated tenant on loopback', () => {
      const graph = loadConfig({
        GRAPH_CHECKS: 'on',
        GRAPH_SIMULATED_TENANT_ID: APP.MicrosoftAppTenantId,
        GRAPH_BASE_URL: 'http://127.0.0.1:9/',
        IDENTITY_ENDPOINT: 'http://127.0.0.1:9/msi/token',
      }).graph;
      expect(graph).toMatchObject({
        enabled: true,
        simulated: true,
        tenantId: APP.MicrosoftAppTenantId,
        baseUrl: 'http://127.0.0.1:9',
        credential: { kind: 'managedIdentity' },
      });
    });
  });
});
