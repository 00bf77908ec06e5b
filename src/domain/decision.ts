/**
 * What the plan needs to remember about the tool decision: enough to show "why this tool" on the
 * summary card and to audit an override. The questionnaire owns how it is reached.
 */
import type { Actor } from './plan';

export interface DecisionSummary {
  tool: 'cloudSync' | 'connect' | 'both';
  connectInstall?: 'express' | 'custom';
  headline: string;
  reasons: string[];
  /** The admin picked another tool than the one recommended. */
  overridden: boolean;
  decidedBy: Actor;
  decidedAt: string;
}
