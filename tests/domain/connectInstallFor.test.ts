import { connectInstallFor, installQuestionsOpenFor, planSelectionFor, recommend } from '../../src/domain/advisor';
import type { Answers } from '../../src/domain/answers';

const simple: Answers = {
  currentSync: 'none',
  connectBuild: 'notAsked',
  connectServerOs: 'notAsked',
  connectStaging: 'notAsked',
  domainsReachable: 'all',
  forestTopology: 'single',
  signIn: 'phs',
  devices: 'none',
  largestDomainObjects: 'under100k',
  groupOver50kMembers: 'no',
  customization: [],
  otherNeeds: [],
  enterpriseAdminAvailable: 'yes',
  connectTotalObjects: 'under100k',
};

describe('connectInstallFor (install type for an override to Connect)', () => {
  it('agrees with the engine whenever Connect is recommended', () => {
    const pta: Answers = { ...simple, signIn: 'ptaSetup' };
    expect(recommend(pta).connectInstall).toBe('custom');
    expect(connectInstallFor(pta)).toBe('custom');
    const hybrid: Answers = { ...simple, devices: 'hybridJoin' };
    expect(connectInstallFor(hybrid)).toBe(recommend(hybrid).connectInstall);
  });

  it('gives express for a simple single forest that Cloud Sync would serve', () => {
    expect(recommend(simple).tool).toBe('cloudSync');
    expect(connectInstallFor(simple)).toBe('express');
  });

  it.each<[string, Partial<Answers>]>([
    ['the Enterprise Admin question', { enterpriseAdminAvailable: 'notAsked' }],
    ['the Connect total', { connectTotalObjects: 'notAsked' }],
    ['the reachable-domains question', { domainsReachable: 'notAsked' }],
  ])('takes the safe default (custom) when %s was never asked', (_name, change) => {
    expect(connectInstallFor({ ...simple, ...change })).toBe('custom');
  });

  it('reads the Connect total, not the largest domain, for the 100,000 limit', () => {
    expect(connectInstallFor({ ...simple, largestDomainObjects: 'from100kTo150k' })).toBe('express');
    expect(connectInstallFor({ ...simple, connectTotalObjects: 'over100k' })).toBe('custom');
  });

  it('treats answers stored before the Connect total existed as not asked', () => {
    const { connectTotalObjects: _dropped, ...legacy } = simple;
    expect(connectInstallFor(legacy as Answers)).toBe('custom');
  });

  it('a domain the server cannot reach calls for custom', () => {
    expect(connectInstallFor({ ...simple, domainsReachable: 'someUnreachable' })).toBe('custom');
  });
});

describe('installQuestionsOpenFor (what an override to Connect still has to ask)', () => {
  it('lists the skipped install questions that can change the install type, in asking order', () => {
    const skipped: Answers = {
      ...simple,
      domainsReachable: 'notAsked',
      enterpriseAdminAvailable: 'notAsked',
      connectTotalObjects: 'notAsked',
    };
    expect(installQuestionsOpenFor(skipped)).toEqual([
      'domainsReachable',
      'enterpriseAdminAvailable',
      'connectTotalObjects',
    ]);
  });

  it('leaves out what was answered, and what cannot matter because custom is certain', () => {
    expect(installQuestionsOpenFor(simple)).toEqual([]);
    // PTA already rules out express: nothing more to ask.
    expect(installQuestionsOpenFor({ ...simple, signIn: 'ptaSetup', enterpriseAdminAvailable: 'notAsked' })).toEqual(
      [],
    );
  });
});

describe('planSelectionFor (the plan for the recommendation or an override)', () => {
  const connectToday: Answers = {
    ...simple,
    currentSync: 'connect',
    connectBuild: 'belowMandatory',
    connectServerOs: 'ws2019',
    connectStaging: 'no',
    enterpriseAdminAvailable: 'notAsked',
    domainsReachable: 'notAsked',
  };

  it('moving a running Connect to Cloud Sync: restore and migrate, no install', () => {
    expect(planSelectionFor(connectToday, 'cloudSync')).toEqual({
      tool: 'cloudSync',
      deviceSyncPreview: false,
      existing: 'connect',
      paths: ['restoreSync', 'migrateToCloudSync'],
      migrationMethod: 'pilotByOu',
    });
  });

  it('overriding it to stay on Connect: restore and stay, still no new install', () => {
    expect(planSelectionFor(connectToday, 'connect')).toEqual({
      tool: 'connect',
      deviceSyncPreview: false,
      existing: 'connect',
      paths: ['restoreSync', 'connectUpgrade'],
    });
  });

  it('a first installation overridden to Connect gets the install type the answers call for', () => {
    expect(planSelectionFor(simple, 'connect')).toEqual({
      tool: 'connect',
      connectInstall: 'express',
      deviceSyncPreview: false,
    });
    expect(planSelectionFor({ ...simple, domainsReachable: 'someUnreachable' }, 'connect').connectInstall).toBe(
      'custom',
    );
  });
});
