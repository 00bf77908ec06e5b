/**
 * The labeled questionnaire sentences (dev.json, dev2.json, dev3.json, dev4.json, dev5.json, dev6.json, heldout.json, heldout2.json, heldout3.json, heldout4.json) and how a reading is scored against them: an item is
 * right when the question asked reads exactly as labeled (the value, "ambiguous", or nothing) and the sentence
 * answers exactly the labeled other questions, no more and no fewer.
 */
import { isDeepStrictEqual } from 'node:util';
import { ANSWER_KEYS, type AnswerKey, type Answers } from '../../../src/domain/answers';
import { questionApplies, questionById } from '../../../src/domain/questions';
import { readSentence, type SentenceReading } from '../../../src/domain/sentenceReader';

export interface LabeledSentence {
  readonly asked: AnswerKey;
  readonly text: string;
  /** A value, "ambiguous" (the words fit several choices), or null (they do not answer this question). */
  readonly expect: string | readonly string[] | null;
  readonly also?: Partial<Record<AnswerKey, string | readonly string[]>>;
  readonly given?: Partial<Answers>;
}

export function loadLabeled(
  file:
    | 'dev'
    | 'dev2'
    | 'dev3'
    | 'dev4'
    | 'dev5'
    | 'dev6'
    | 'heldout'
    | 'heldout2'
    | 'heldout3'
    | 'heldout4'
    | 'heldout5'
    | 'heldout6',
): LabeledSentence[] {
  return (require(`./${file}.json`) as { items: LabeledSentence[] }).items;
}

/** How a plain first installation (or, for the Connect questions, a tenant on Connect) answers the questions before `asked`. */
const PLAIN_ANSWERS: Partial<Answers> = {
  connectBuild: 'current',
  connectServerOs: 'ws2022OrLater',
  connectStaging: 'no',
  forestTopology: 'single',
  signIn: 'phs',
  devices: 'none',
  largestDomainObjects: 'under100k',
  groupOver50kMembers: 'no',
  customization: [],
  otherNeeds: [],
  domainsReachable: 'all',
  enterpriseAdminAvailable: 'yes',
};

/** The answers so far when an item gives none: every earlier question that applies, answered plainly. */
export function answersBefore(item: LabeledSentence): Partial<Answers> {
  if (item.given) return item.given;
  const connect = item.asked === 'connectBuild' || item.asked === 'connectServerOs' || item.asked === 'connectStaging';
  const answers: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) {
    if (key === item.asked) break;
    const value = key === 'currentSync' ? (connect ? 'connect' : 'none') : PLAIN_ANSWERS[key];
    if (questionApplies(answers, key)) answers[key] = value;
  }
  return answers;
}

export interface Scored {
  readonly item: LabeledSentence;
  readonly reading: SentenceReading;
  readonly right: boolean;
  /** What was read, in the labels' terms. */
  readonly got: { expect: unknown; also: Record<string, unknown> };
}

export function score(item: LabeledSentence): Scored {
  const reading = readSentence(questionById(item.asked), item.text, answersBefore(item));
  const expect =
    reading.asked.kind === 'value' ? reading.asked.value : reading.asked.kind === 'ambiguous' ? 'ambiguous' : null;
  const also: Record<string, unknown> = { ...reading.also, ...reading.mentioned };
  const right = isDeepStrictEqual(expect, item.expect) && isDeepStrictEqual(also, { ...(item.also ?? {}) });
  return { item, reading, right, got: { expect, also } };
}

export function accuracy(items: readonly LabeledSentence[]): {
  right: number;
  total: number;
  share: number;
  wrong: Scored[];
} {
  const scored = items.map(score);
  const wrong = scored.filter((entry) => !entry.right);
  return {
    right: scored.length - wrong.length,
    total: scored.length,
    share: (scored.length - wrong.length) / scored.length,
    wrong,
  };
}
