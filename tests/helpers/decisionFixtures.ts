/** The accepted decision a test's plan starts from, for tests about what happens after the questionnaire. */
import type { Answers } from '../../src/domain/answers';
import type { DecisionSummary } from '../../src/domain/decision';

/**
 * A decision for `tool`, accepted by Ana Admin. Pass only what the test looks at (who decided, the reasons a
 * report prints); everything else is a plain stand-in.
 */
export function testDecision(
  tool: DecisionSummary['tool'] = 'cloudSync',
  overrides: Partial<DecisionSummary> = {},
): DecisionSummary {
  return {
    tool,
    headline: 'Chosen for the test.',
    reasons: ['One forest'],
    overridden: false,
    decidedBy: { id: 'aad-ana', name: 'Ana Admin' },
    decidedAt: '2026-11-26T10:00:00.000Z',
    ...overrides,
  };
}

/** One forest with password hash sync and nothing else: the advisor recommends Cloud Sync and offers Connect instead. */
export const CLOUD_SYNC_ANSWERS: Answers = Object.freeze({
  currentSync: 'none',
  connectBuild: 'notAsked',
  connectServerOs: 'notAsked',
  connectStaging: 'notAsked',
  domainsReachable: 'notAsked',
  forestTopology: 'single',
  signIn: 'phs',
  devices: 'none',
  largestDomainObjects: 'under100k',
  groupOver50kMembers: 'no',
  customization: [],
  otherNeeds: [],
  enterpriseAdminAvailable: 'notAsked',
  connectTotalObjects: 'notAsked',
});
