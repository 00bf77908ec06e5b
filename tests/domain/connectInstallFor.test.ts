import { connectInstallFor, recommend } from '../../src/domain/advisor';
import type { Answers } from '../../src/domain/answers';

const simple: Answers = {
  forestTopology: 'single', signIn: 'phs', devices: 'none', largestDomainObjects: 'under100k', groupOver50kMembers: 'no',
  customization: [], otherNeeds: [], enterpriseAdminAvailable: 'yes', connectTotalObjects: 'under100k',
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
});
