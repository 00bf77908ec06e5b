/**
 * Sentences an admin types that give answers to questions still to come, read as they were meant: what a reach verb
 * reaches is the thing after it ("the server can't reach one child domain"), a domain named with "every" or "all" is
 * still a domain, a word that only answers a question on screen counts for a later one when it describes that
 * question's own noun ("latest build", "huge groups"), and a word about one sentence does not bend a value in the next.
 * Each case is a sentence from an e2e round and paraphrases of it in other words, word order and spelling.
 */
import type { AnswerKey, Answers } from '../../src/domain/answers';
import { questionById } from '../../src/domain/questions';
import { readSentence } from '../../src/domain/sentenceReader';

interface Case {
  readonly asked: AnswerKey;
  readonly text: string;
  readonly given?: Partial<Answers>;
  /** The reading of the question asked, when the case is about it. */
  readonly answer?: unknown;
  /** Answers to later questions the sentence must give (others may be given too). */
  readonly also?: Partial<Answers>;
}

const FIRST_INSTALL: Partial<Answers> = { currentSync: 'none', forestTopology: 'single', signIn: 'federationSetup' };

const ONE_FOREST_ONE_DOMAIN_UNREACHABLE: Partial<Answers> = {
  forestTopology: 'single',
  domainsReachable: 'someUnreachable',
};
const ONE_FOREST_ALL_DOMAINS_REACHABLE: Partial<Answers> = { forestTopology: 'single', domainsReachable: 'all' };

const CASES: readonly Case[] = [
  // What a reach verb reaches comes after it, not the forest named in an earlier clause.
  ...[
    "nothing yet. one forest, but the server can't reach one child domain; PHS",
    'nothing so far. a single forest, though our sync server cannot reach a child domain',
    'new tenant: one forest, but the server is unable to reach the DMZ domain',
    'greenfield, one AD forest, but the server can not reach two of its child domains',
  ].map((text): Case => ({ asked: 'currentSync', text, answer: 'none', also: ONE_FOREST_ONE_DOMAIN_UNREACHABLE })),
  // Every domain reachable: "every domain" and "all its domains" are domains too.
  ...[
    'nothing yet. one forest, every domain reachable',
    'nothing yet. one forest and the server can reach all its domains',
    'nothing yet, a single forest, all domains reachable from the server',
    'nothing yet. just one forest and the sync server can talk to every domain',
    'nothing yet; one forest, and the server reaches each of its domains',
  ].map((text): Case => ({ asked: 'currentSync', text, answer: 'none', also: ONE_FOREST_ALL_DOMAINS_REACHABLE })),
  // "Latest" describing the build answers the build question; a "have" in another sentence does not bend PTA.
  ...[
    "we're on connect sync, latest build, and we have a staging server. one forest, PTA, about 10k users",
    'we run AAD Connect, newest build, with a staging server. single forest, pass-through auth',
    'Entra Connect on the most recent version, and we have a staging box. One forest, pass through authentication.',
    'we have connect sync at the latest release and a staging server; one forest and PTA',
  ].map((text): Case => ({
    asked: 'currentSync',
    text,
    answer: 'connect',
    also: { connectBuild: 'current', connectStaging: 'yes', forestTopology: 'single', signIn: 'ptaSetup' },
  })),
  // "Current build" is the one installed: the number after it says which, not "current" (the newest).
  ...['connect, our current build is 2.4', 'connect sync on the current version 2.4.18'].map((text): Case => ({
    asked: 'currentSync',
    text,
    answer: 'connect',
    also: { connectBuild: 'belowMandatory' },
  })),
  // Asked about the build, "current build" is still its choice "the newest build".
  { asked: 'connectBuild', text: 'we run the current build', given: { currentSync: 'connect' }, answer: 'current' },
  // Size words for groups: none big is none over 50,000 members, asked or not.
  ...[
    'no devices, no huge groups',
    'no devices, no big groups',
    "no hybrid join and we don't have any very large groups",
    'nothing for devices, no enormous distribution lists',
    'no devices; there are no massive groups',
  ].map((text): Case => ({ asked: 'devices', text, given: FIRST_INSTALL, also: { groupOver50kMembers: 'no' } })),
  ...['no big groups', 'no huge groups', "there aren't any giant groups", 'we have no really large DLs'].map(
    (text): Case => ({ asked: 'groupOver50kMembers', text, given: FIRST_INSTALL, answer: 'no' }),
  ),
];

function askedValue(asked: AnswerKey, text: string, given: Partial<Answers>): unknown {
  const reading = readSentence(questionById(asked), text, given);
  return reading.asked.kind === 'value' ? reading.asked.value : reading.asked.kind;
}

describe('readSentence: later answers in sentences as admins type them', () => {
  it.each(CASES.map((entry) => [entry.asked, entry.text, entry] as const))('%s: "%s"', (asked, text, entry) => {
    const given = entry.given ?? {};
    const reading = readSentence(questionById(asked), text, given);
    if (entry.answer !== undefined) expect(askedValue(asked, text, given)).toEqual(entry.answer);
    if (entry.also) expect(reading.also).toEqual(expect.objectContaining(entry.also));
  });
});

describe('readSentence: what the same words must not answer', () => {
  it.each<[AnswerKey, string, AnswerKey, Partial<Answers>]>([
    // A big group is not said to be over 50,000 members.
    ['devices', 'no devices, but we have some big groups', 'groupOver50kMembers', FIRST_INSTALL],
    ['groupOver50kMembers', 'we have a few large groups', 'groupOver50kMembers', FIRST_INSTALL],
    // A server that reaches one domain, or some domains reachable, says nothing about the others.
    ['currentSync', 'nothing yet. one forest, and the server can reach one child domain', 'domainsReachable', {}],
    ['currentSync', 'nothing yet. one forest, some domains are reachable', 'domainsReachable', {}],
    // "We use" still says what runs, not whether to keep it.
    ['currentSync', 'nothing yet, one forest, we use ADFS', 'signIn', {}],
  ])('%s: "%s" leaves %s to be asked', (asked, text, open, given) => {
    const reading = readSentence(questionById(asked), text, given);
    const value = open === asked ? reading.asked : reading.also[open];
    expect(open === asked ? value : { value }).toEqual(open === asked ? { kind: 'none' } : { value: undefined });
  });
});
