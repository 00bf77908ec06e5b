/**
 * What the plan needs to remember about the tool decision: enough to show "why this tool" on the
 * summary card and to audit an override. The questionnaire owns how it is reached.
 */
import type { AnswerKey } from './answers';
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

/** Who gave one answer, and when. Kept in answering order, which is also the order `back` unwinds. */
export interface AnswerRecord {
  readonly question: AnswerKey;
  readonly by: Actor;
  readonly at: string;
  /**
   * The message that gave it: a sentence can answer several questions, and `back` undoes that message as a whole.
   * Absent on answers recorded before sentences were read, each of which `back` undoes on its own.
   */
  readonly message?: number;
}
