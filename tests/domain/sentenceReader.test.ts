import type { AnswerKey, Answers } from '../../src/domain/answers';
import { questionById } from '../../src/domain/questions';
import { readSentence, type SentenceReading } from '../../src/domain/sentenceReader';
import { MAX_PARSED_TEXT_LENGTH } from '../../src/domain/typedText';
import { fastestRunMs, HOSTILE_SHAPES } from '../helpers/hostileText';

const FIRST_INSTALL: Partial<Answers> = { currentSync: 'none' };

function read(
  asked: AnswerKey,
  text: string,
  answers: Partial<Answers> = asked === 'currentSync' ? {} : FIRST_INSTALL,
): SentenceReading {
  return readSentence(questionById(asked), text, answers);
}

function askedValue(reading: SentenceReading): unknown {
  return reading.asked.kind === 'value' ? reading.asked.value : reading.asked.kind;
}

describe('readSentence: the question asked', () => {
  it.each<[AnswerKey, string, unknown]>([
    // Negation, and what a denied word means.
    ['signIn', "we don't use ADFS, password hashes are fine", 'phs'],
    ['connectStaging', "we don't have a staging server", 'no'],
    ['enterpriseAdminAvailable', 'nobody here has enterprise admin', 'no'],
    ['devices', 'no devices', 'none'],
    ['devices', 'nothing for devices right now', 'none'],
    ['devices', 'no hybrid join, no writeback', 'none'],
    // Words that change what a value means.
    ['signIn', 'we use ADFS and want to keep it', 'keepExistingPtaOrFederation'],
    ['signIn', 'we use ADFS and keep it', 'keepExistingPtaOrFederation'],
    ['signIn', 'we want to set up pass-through authentication', 'ptaSetup'],
    ['signIn', 'we use ADFS today but want PHS', 'phs'],
    ['signIn', "we're moving off ADFS to password hash sync", 'phs'],
    ['devices', 'Windows Hello for Business with cloud Kerberos trust', 'none'],
    ['devices', 'WHfB key trust', 'deviceWritebackOrWhfbHybridTrust'],
    // One value includes another; two together mean a third.
    ['devices', 'hybrid join and device writeback', 'deviceWritebackOrWhfbHybridTrust'],
    ['currentSync', 'connect for the main forest and cloud sync for the other', 'both'],
    // What runs today: a planned move does not deny it, one that is done does.
    ['currentSync', "connect, but we'd like to move to cloud sync", 'connect'],
    ['currentSync', 'the old AAD Connect server was decommissioned, now it is cloud sync', 'cloudSync'],
    // Counts through the recognizer, with what bends them.
    ['largestDomainObjects', 'about 20k users', 'under100k'],
    ['largestDomainObjects', 'twenty thousand', 'under100k'],
    ['largestDomainObjects', 'roughly 300,000 objects', 'over150k'],
    ['largestDomainObjects', '1.2 million objects', 'over150k'],
    ['largestDomainObjects', 'a hundred and twenty thousand', 'from100kTo150k'],
    ['largestDomainObjects', 'just under 150k', 'from100kTo150k'],
    ['connectTotalObjects', 'half a million', 'over100k'],
    ['connectTotalObjects', 'fewer than 2,000', 'upTo2k'],
    ['connectTotalObjects', 'more than 2000 but well under 100k', 'under100k'],
    ['connectTotalObjects', '500 users', 'upTo2k'],
    ['groupOver50kMembers', 'our largest DL has about 55,000 members', 'yes'],
    ['groupOver50kMembers', 'no group is bigger than 10k', 'no'],
    ['groupOver50kMembers', "there's one DL with over 60,000 members", 'yes'],
    // Versions and years.
    ['connectBuild', 'build 2.4 something', 'belowMandatory'],
    ['connectBuild', 'version 2.5.79.0', 'supportedOlder'],
    ['connectBuild', 'older than 2.5.79', 'belowMandatory'],
    ['connectServerOs', 'it runs on Server 2019', 'ws2019'],
    ['connectServerOs', 'windows server 2012 r2', 'ws2016OrOlder'],
    // How many forests, and whether one server reaches them.
    ['forestTopology', "we have two forests and one isn't reachable", 'includesDisconnected'],
    ['forestTopology', 'two forests, both reachable from the same server', 'multipleConnected'],
    ['forestTopology', 'several forests with no trust between them, but the network is fine', 'multipleConnected'],
    ['forestTopology', 'just one', 'single'],
    // "Not sure", also when it is said about the thing asked.
    ['connectStaging', "I'm not sure if the second server is in staging", 'notSure'],
    ['forestTopology', "don't know how many forests we have", 'notSure'],
    // Multi-select: options, "none", and denials that name no option.
    ['otherNeeds', 'exchange hybrid and HA', ['exchangeHybrid', 'highAvailability']],
    ['customization', 'we only scope by OU', []],
    ['customization', 'no custom rules, no filtering', []],
    ['customization', 'option 2 and option 4', ['advancedSyncRules', 'groupBasedFiltering']],
  ])('%s: "%s" → %j', (asked, text, expected) => {
    expect(
      askedValue(
        read(
          asked,
          text,
          asked.startsWith('connect') && asked !== 'connectTotalObjects' ? { currentSync: 'connect' } : undefined,
        ),
      ),
    ).toEqual(expected);
  });

  it.each<[AnswerKey, string, string[]]>([
    // "We use ADFS" says what runs, not whether the sync tool should set it up or leave it as it is.
    ['signIn', 'we use ADFS', ['federationSetup', 'keepExistingPtaOrFederation']],
    ['forestTopology', 'we have two forests', ['multipleConnected', 'includesDisconnected']],
    ['forestTopology', 'one forest or maybe two', ['single', 'multipleConnected', 'includesDisconnected']],
    ['largestDomainObjects', 'maybe 100k, give or take', ['under100k', 'from100kTo150k']],
    // Users are only part of a directory's objects: 1,800 users may be more than 2,000 objects.
    ['connectTotalObjects', '1,800 users', ['upTo2k', 'under100k']],
    ['connectBuild', '2.5 something', ['belowMandatory', 'supportedOlder']],
    ['devices', 'Windows Hello for Business', ['none', 'deviceWritebackOrWhfbHybridTrust']],
  ])('%s: "%s" fits several choices and is not applied', (asked, text, candidates) => {
    expect(read(asked, text, asked === 'connectBuild' ? { currentSync: 'connect' } : undefined).asked).toEqual({
      kind: 'ambiguous',
      candidates,
    });
  });

  it.each<[AnswerKey, string]>([
    ['forestTopology', 'next step'],
    ['devices', 'what should I do next?'],
    ['signIn', 'is it sunny today?'],
    ['devices', "we don't use device writeback"],
    ['otherNeeds', "we don't need exchange hybrid or HA"],
    ['forestTopology', 'no trust between them'],
    ['currentSync', ''],
  ])('%s: "%s" answers nothing', (asked, text) => {
    expect(read(asked, text).asked).toEqual({ kind: 'none' });
  });
});

describe('readSentence: answers to questions still to come', () => {
  it('one forest, about 12k users, PHS: fills the forest question and keeps the user count and sign-in', () => {
    const reading = read('forestTopology', 'one forest, about 12k users, PHS');
    expect(reading.asked).toEqual({ kind: 'value', value: 'single' });
    expect(reading.also).toEqual({
      signIn: 'phs',
      largestDomainObjects: 'under100k',
      connectTotalObjects: 'under100k',
    });
  });

  it("we're on connect, build 2.4 something: the build counts once Connect is known to run", () => {
    expect(read('currentSync', "we're on connect, build 2.4 something").also).toEqual({
      connectBuild: 'belowMandatory',
    });
  });

  it('only keeps answers for questions that apply: no Connect server questions for a first installation', () => {
    const reading = read('forestTopology', 'single forest, we run Azure AD Connect on server 2016', {
      currentSync: 'none',
    });
    expect(reading.also).toEqual({});
    expect(reading.conflicts).toEqual(['currentSync']);
  });

  it('never keeps an ambiguous reading for later, nor a doubt that names nothing', () => {
    expect(read('signIn', 'PHS, and we have 2 forests', { currentSync: 'none' }).also).toEqual({});
    expect(read('signIn', 'PHS, not sure about the others', { currentSync: 'none' }).also).toEqual({});
    // Naming what is not known is an answer the person gave: they are not asked it again.
    expect(read('signIn', 'PHS, not sure about devices', { currentSync: 'none' }).also).toEqual({ devices: 'notSure' });
    // "We use ADFS" is read as two possible answers, so it is not kept while forests are asked.
    expect(read('forestTopology', 'one forest and we use ADFS').also).toEqual({});
  });

  it('leaves answered questions as they were and says which ones disagree', () => {
    const reading = read('devices', 'no devices, and we use PTA which stays', {
      currentSync: 'none',
      forestTopology: 'single',
      signIn: 'phs',
    });
    expect(reading.asked).toEqual({ kind: 'value', value: 'none' });
    expect(reading.also).toEqual({});
    expect(reading.conflicts).toEqual(['signIn']);
  });

  it('words that only answer the question on screen do not answer another one', () => {
    // "yes" and "one" mean something only for the question asked.
    expect(read('signIn', 'yes, one', { currentSync: 'none' }).also).toEqual({});
    expect(read('devices', 'no, none', { currentSync: 'none' }).also).toEqual({});
  });

  it('keeps options named for a later multi-select question as mentioned, not as its answer', () => {
    const reading = read('devices', 'no devices, but we do need exchange hybrid');
    expect(reading.also).toEqual({});
    expect(reading.mentioned).toEqual({ otherNeeds: ['exchangeHybrid'] });
  });

  it('a count of one domain says the total is at least that; a total says each domain is at most that', () => {
    expect(read('largestDomainObjects', 'around 120k objects in the biggest domain').also).toEqual({
      connectTotalObjects: 'over100k',
    });
    expect(read('largestDomainObjects', 'about 20k users').also).toEqual({});
    expect(read('connectTotalObjects', 'about 40,000 objects in total', { currentSync: 'none' }).also).toEqual({
      largestDomainObjects: 'under100k',
    });
  });
});

describe('readSentence on hostile text', () => {
  const BOUND_MS = 50;

  it.each(Object.entries(HOSTILE_SHAPES))(
    '%s at the parse limit: read in under 50 ms, with no answer invented',
    (_shape, build) => {
      const text = build(MAX_PARSED_TEXT_LENGTH);
      for (const asked of ['forestTopology', 'largestDomainObjects', 'otherNeeds'] as const) {
        let reading: SentenceReading | undefined;
        expect(fastestRunMs(() => (reading = read(asked, text)), BOUND_MS)).toBeLessThan(BOUND_MS);
        expect(reading!.also).toEqual({});
      }
    },
  );

  it('a long run of numbers reaches the recognizer only as a few short runs', () => {
    const numbers = 'one two three four five six seven eight nine ten '.repeat(10).slice(0, MAX_PARSED_TEXT_LENGTH);
    const dotted = '1,2;3 '.repeat(100).slice(0, MAX_PARSED_TEXT_LENGTH);
    for (const text of [numbers, dotted]) {
      expect(fastestRunMs(() => read('largestDomainObjects', text), BOUND_MS)).toBeLessThan(BOUND_MS);
    }
  });
});
