import { connectInstallFor, recommend } from '../../src/domain/advisor';
import type { Answers } from '../../src/domain/answers';

const simple: Answers = {
  forestTopology: 'single', signIn: 'phs', devices: 'none', largestDomainObjects: 'under100k', groupOver50kMembers: 'no',
  customization: [], otherNeeds: [], enterpriseAdminAvailable: 'yes',
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

  it('takes the safe default (custom) when the Enterprise Admin question was never asked', () => {
    expect(connectInstallFor({ ...simple, enterpriseAdminAvailable: 'notAsked' })).toBe('custom');
  });
});
