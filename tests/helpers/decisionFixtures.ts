/** The accepted decision a test's plan starts from, for tests about what happens after the questionnaire. */
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
