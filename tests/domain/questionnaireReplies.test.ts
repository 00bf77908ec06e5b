import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { POSSIBLE_VALUES, type AnswerKey, type Answers } from '../../src/domain/answers';
import {
  mentionedNotice,
  questionHelp,
  questionnaireCommandOf,
  replyTo,
  startOverAnswerOf,
  type QuestionnaireReply,
} from '../../src/domain/questionnaireReplies';
import { QUESTIONS, acceptedAnswersHelp, parseAnswer, questionById, withAnswer } from '../../src/domain/questions';
import { MAX_PARSED_TEXT_LENGTH } from '../../src/domain/typedText';
import { fastestRunMs, fuzzParameters, hostileText } from '../helpers/hostileText';

const FIRST_INSTALL: Partial<Answers> = { currentSync: 'none' };
const reply = (id: AnswerKey, text: string, answers: Partial<Answers> = FIRST_INSTALL) =>
  replyTo(questionById(id), text, answers);

describe('replyTo: exact answers keep working exactly', () => {
  it("every number, value, title and word of every choice gives the exact parser's answer, with nothing else and nothing said", () => {
    for (const question of QUESTIONS) {
      const typed = question.choices.flatMap((choice, index) => [
        String(index + 1),
        choice.value,
        choice.title,
        ...choice.synonyms,
      ]);
      for (const text of typed) {
        const exact = parseAnswer(question, text);
        expect({ text, exact: exact.ok }).toEqual({ text, exact: true });
        expect(replyTo(question, text, FIRST_INSTALL)).toEqual({
          answer: exact.ok && exact.value,
          also: {},
          mentioned: {},
        });
      }
    }
  });

  it.each<[AnswerKey, string, Answers[AnswerKey]]>([
    ['forestTopology', '2', 'multipleConnected'],
    ['groupOver50kMembers', 'yes', 'yes'],
    ['signIn', 'pta', 'ptaSetup'],
    ['devices', 'not sure', 'notSure'],
    ['customization', '1,3', ['attributeValueFiltering', 'crossForestReferencesOrMerge']],
    ['otherNeeds', 'exchange and ha', ['exchangeHybrid', 'highAvailability']],
  ])('%s: "%s" is %j, as before', (id, text, value) => {
    expect(reply(id, text)).toEqual({ answer: value, also: {}, mentioned: {} });
  });

  it.each<[AnswerKey, string, RegExp]>([
    ['customization', '1, none', /can't be combined/],
    ['signIn', '1 2', /^Sorry, I didn't get that\. Reply with a number from 1 to 5/],
    ['signIn', '6', /^Sorry, I didn't get that\. Reply with a number from 1 to 5/],
    ['otherNeeds', 'not sure, exchange', /can't be combined/],
    ['signIn', `pta${'.'.repeat(MAX_PARSED_TEXT_LENGTH)}`, /^That is longer than any answer I accept/],
  ])('%s: "%s", a list of choices the exact parser refuses, keeps its reason', (id, text, message) => {
    const result = reply(id, text);
    expect(result.answer).toBeUndefined();
    expect(result.also).toEqual({});
    expect(result.notice).toMatch(message);
  });
});

describe('replyTo: sentences', () => {
  it('says how it read a sentence', () => {
    expect(reply('signIn', 'we use ADFS and want to keep it')).toEqual({
      answer: 'keepExistingPtaOrFederation',
      also: {},
      mentioned: {},
      notice: 'I read that as: **Keep the PTA or federation we already have**.',
    });
  });

  it('names what it kept for later questions, that they will not be asked, and how to undo it', () => {
    const result = reply('forestTopology', 'one forest, about 12k users, PHS');
    expect(result.answer).toBe('single');
    expect(result.also).toEqual({ signIn: 'phs', largestDomainObjects: 'under100k', connectTotalObjects: 'under100k' });
    expect(result.notice).toBe(
      'I read that as: **One forest**. Also noted from your message: Sign-in method: **Password hash sync**; Objects in the largest domain: **Under 100,000 objects**; ' +
        "Objects Connect Sync will sync in total: **Under 100,000 objects in total**. I won't ask those again. Say **back** to undo what this message recorded.",
    );
  });

  it('asks which choice when the words fit several, and records nothing for this question', () => {
    const result = reply('signIn', 'we use ADFS');
    expect(result.answer).toBeUndefined();
    expect(result.notice).toMatch(
      /^That could mean \*\*Set up federation \(AD FS or PingFederate\)\*\* or \*\*Keep the PTA or federation we already have\*\*, so I haven't recorded an answer/,
    );
    // With the question's own help, which explains the difference.
    expect(result.notice).toContain(questionById('signIn').help!);
  });

  it('keeps an answer to a later question even when this one is not answered, and asks this one again', () => {
    const result = reply('forestTopology', 'we want password hash sync');
    expect(result.answer).toBeUndefined();
    expect(result.also).toEqual({ signIn: 'phs' });
    expect(result.notice).toMatch(
      /^That doesn't answer this question, but I kept it for later\. Also noted from your message: Sign-in method: \*\*Password hash sync\*\*/,
    );
    expect(result.notice).toContain(acceptedAnswersHelp(questionById('forestTopology')));
  });

  it("anything else gets the question's own help: what it means, what it accepts, and an example sentence", () => {
    const result = reply('forestTopology', 'what should I do next?');
    // Marked unread: it answers nothing, so the dialog may still read it as a command in other words.
    expect(result).toEqual({
      also: {},
      mentioned: {},
      notice: `Sorry, I didn't get that. ${questionHelp(questionById('forestTopology'), FIRST_INSTALL)} Plan commands such as **status** and **what's next** work at any time.`,
      unread: true,
    });
    expect(result.notice).toContain(questionById('forestTopology').help!);
    expect(result.notice).toContain('"we have two forests and one isn\'t reachable"');
  });

  it('uses the wording for a tenant on Connect in its help', () => {
    const result = reply('signIn', 'hmm', { currentSync: 'connect' });
    expect(result.notice).toContain(questionById('signIn').existingHelp!);
  });

  it('says options for a later multi-select question will be ticked, not answered', () => {
    const result = reply('devices', 'no devices, but we do need exchange hybrid');
    expect(result.answer).toBe('none');
    expect(result.mentioned).toEqual({ otherNeeds: ['exchangeHybrid'] });
    expect(result.notice).toContain('When we get to "Other needs", I\'ll tick **Exchange hybrid** for you to confirm.');
    expect(mentionedNotice('otherNeeds', ['exchangeHybrid', 'highAvailability'])).toBe(
      'You mentioned **Exchange hybrid** and **High availability of the sync service** earlier, so they are ticked below. Tick anything else that applies, then press **Continue with my selection**.',
    );
  });

  it('says when a sentence disagrees with an earlier answer, and keeps that answer', () => {
    const result = reply('devices', 'no devices, we run Azure AD Connect', {
      currentSync: 'none',
      forestTopology: 'single',
      signIn: 'phs',
    });
    expect(result.answer).toBe('none');
    expect(result.notice).toContain('You answered "What syncs today" differently before; that earlier answer stands.');
  });
});

describe('replyTo, fuzzed', () => {
  const BOUND_MS = 50;

  it('never throws, answers only valid values, and is quick and repeatable on any text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUESTIONS), hostileText(2_000), (question, text) => {
        let result: QuestionnaireReply | undefined;
        expect(fastestRunMs(() => (result = replyTo(question, text, FIRST_INSTALL)), BOUND_MS)).toBeLessThan(BOUND_MS);
        const valid = (key: AnswerKey, value: unknown) =>
          (POSSIBLE_VALUES[key] as readonly unknown[]).some((possible) => isDeepStrictEqual(possible, value));
        if (result!.answer !== undefined) expect(valid(question.id, result!.answer)).toBe(true);
        for (const [key, value] of Object.entries(result!.also)) expect(valid(key as AnswerKey, value)).toBe(true);
        if (result!.answer === undefined) expect(result!.notice).toBeDefined();
        expect(replyTo(question, text, FIRST_INSTALL)).toEqual(result);
      }),
      fuzzParameters(300),
    );
  });
});

describe('words said instead of an answer', () => {
  it('reads back, cancel, start over, help and start in their exact words, and nothing else', () => {
    expect(questionnaireCommandOf('Go back')).toBe('back');
    expect(questionnaireCommandOf('pause')).toBe('cancel');
    expect(questionnaireCommandOf('start over')).toBe('startOver');
    expect(questionnaireCommandOf('restart')).toBe('startOver');
    expect(questionnaireCommandOf('help')).toBe('help');
    expect(questionnaireCommandOf('start')).toBe('start');
    expect(questionnaireCommandOf('we have two forests')).toBeUndefined();
    expect(questionnaireCommandOf('status')).toBeUndefined();
    expect(questionnaireCommandOf(`back${' '.repeat(600)}x`)).toBeUndefined();
  });

  it('reads a typed yes or no to the start-over question, saying the command again as yes', () => {
    expect(startOverAnswerOf('Yes!')).toBe('startOver');
    expect(startOverAnswerOf('start over')).toBe('startOver');
    expect(startOverAnswerOf('keep going')).toBe('keep');
    expect(startOverAnswerOf('cancel')).toBe('keep');
    expect(startOverAnswerOf('maybe later')).toBeUndefined();
    expect(startOverAnswerOf('y'.repeat(600))).toBeUndefined();
  });
});

describe('replyTo: a later answer inside a sentence means what it means when its question is asked', () => {
  it.each<[AnswerKey, string, AnswerKey, string, Partial<Answers>]>([
    [
      'currentSync',
      "we're on connect sync, latest build, and we have a staging server. one forest, PTA, about 10k users",
      'signIn',
      'pta',
      {},
    ],
    ['currentSync', 'we run AAD Connect, newest build, with a staging server', 'connectBuild', 'newest', {}],
    ['devices', 'no devices, no huge groups', 'groupOver50kMembers', 'no huge groups', FIRST_INSTALL],
  ])('asked %s, "%s" notes %s as its own question reads "%s"', (asked, sentence, later, alone, given) => {
    const inSentence = reply(asked, sentence, given);
    expect(inSentence.answer).toBeDefined();
    const askedAlone = reply(later, alone, withAnswer(given, asked, inSentence.answer!));
    expect(askedAlone.answer).toBeDefined();
    expect(inSentence.also[later]).toEqual(askedAlone.answer);
    expect(inSentence.notice).toContain("I won't ask");
  });
});
