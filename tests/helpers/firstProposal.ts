import type { Interpretation, Proposal } from '../../src/understanding/understand';

/** The command a reading carries out, or else the one it offers first; undefined when it does neither. */
export function firstProposal(reading: Interpretation): Proposal | undefined {
  return reading.kind === 'act' ? reading.proposal : reading.kind === 'choose' ? reading.proposals[0] : undefined;
}
