/**
 * How a message is put, read from its words alone: its last clause, whether it is a question, asks about something
 * rather than for it, weighs a change, asks "you" to do something, or negates a command into doing nothing.
 */
import {
  asksAboutIt,
  asksYouTo,
  closingClause,
  doubtsIt,
  isConditional,
  lastClause,
  sentencesOf,
  looksLikeQuestion,
  refuses,
  takesBack,
  talksOfLater,
  turnsOnInHypothetical,
  weighsAChange,
} from '../../src/understanding/clauses';
import { prepare, words } from '../helpers/englishWords';

const tokens = (text: string) => prepare(text).tokens;

describe('lastClause', () => {
  it.each([
    [
      'We wrapped up the firewall work on Tuesday, so what should the team pick up now',
      'so what should the team pick up now',
    ],
    ['The pilot group looks fine today. Please show me where the plan stands', 'Please show me where the plan stands'],
    ['short, what is next for us', undefined],
    ['no clause mark in this rather long message at all', undefined],
  ])('%j → %j', (text, clause) => {
    expect(lastClause(text)).toBe(clause);
  });
});

describe('closingClause', () => {
  it.each([
    ["the job won't start, reopen it", 'reopen it'],
    ['the pilot is over - skip task 5', 'skip task 5'],
    ['reopen it', undefined],
    ['no clause mark in this message at all', undefined],
  ])('%j → %j', (text, clause) => {
    expect(closingClause(text)).toBe(clause);
  });
});

describe('sentencesOf', () => {
  it.each([
    [
      'The rollout went fine, mostly. Could you show me the next task? The vendor can wait right now.',
      ['The rollout went fine, mostly.', 'Could you show me the next task?', 'The vendor can wait right now.'],
    ],
    [
      'The pilot is done \u2014 please mark task 2 done - thanks a lot',
      ['The pilot is done', 'please mark task 2 done'],
    ],
    ['Short one. What is next for the team?', ['What is next for the team?']],
    ['no sentence mark in this rather long message at all', []],
  ])('%j → %j', (text, sentences) => {
    expect(sentencesOf(text)).toEqual(sentences);
  });
});

describe('looksLikeQuestion', () => {
  it.each([
    ['how do I reinstall the agent', true],
    ['the agent is reinstalled?', true],
    ['do not reinstall the agent', false],
    ['reinstall the agent', false],
    ['is it', false],
  ])('%j → %s', (text, question) => {
    expect(looksLikeQuestion(words, text, tokens(text))).toBe(question);
  });
});

describe('doubtsIt', () => {
  it.each([
    ['post the plan to the channel? no', true],
    ['enable weekly nudges? hmm, nope', true],
    ['switch the watch on, right', true],
    ['start the questions or not', true],
    ['start over?', false],
    ['can we share the plan please', false],
    ['set it up right', false],
  ])('%j → %s', (text, doubted) => {
    expect(doubtsIt(words, text)).toBe(doubted);
  });
});

describe('takesBack', () => {
  it.each([
    ['turn the watch off, no wait, keep it', true],
    ['switch on daily reminders, actually make it weekly', true],
    ['share it. scratch that, keep it to us', true],
    ["we'd rather have weekly reminders", false],
    ['actually, turn on the watch', false],
    ['turn on the watch', false],
  ])('%j → %s', (text, back) => {
    expect(takesBack(words, text)).toBe(back);
  });
});

describe('turnsOnInHypothetical', () => {
  it.each([
    ['if we enable the watch then what', true],
    ['once we schedule weekly reminders the team complains', true],
    ['we were going to turn on daily reminders', true],
    ['alert us if sync stops', false],
    ['if sync stops, turn on the watch', false],
    ['remind us daily when tasks are due', false],
  ])('%j → %s', (text, hypothetical) => {
    expect(turnsOnInHypothetical(words, text)).toBe(hypothetical);
  });
});

describe('asksAboutIt', () => {
  it.each([
    ['the export stalls every night, is that a known issue', true],
    ['does it need a reboot after the upgrade', true],
    ['what ports does it use', false],
    ['is it possible to export the plan', false],
    ['show me the plan', false],
  ])('%j → %s', (text, asks) => {
    expect(asksAboutIt(words, prepare(text).masked.split(' '))).toBe(asks);
  });
});

describe('weighsAChange and asksYouTo', () => {
  it.each([
    ['should we skip task 4', true, false],
    ['what if we skip task 4', true, false],
    ['could you skip task 4', false, true],
    ['skip task 4 please', false, false],
  ])('%j: weighs %s, asks you %s', (text, weighs, asksYou) => {
    expect(weighsAChange(words, tokens(text))).toBe(weighs);
    expect(asksYouTo(words, tokens(text))).toBe(asksYou);
  });
});

describe('isConditional', () => {
  it.each([
    ['if the pilot passes we start task 5', true],
    ['once the licences arrive mark task 2 done', true],
    ['when is task 3 due', false],
    ['mark task 3 done when you have a moment', false],
    ['mark task 3 done', false],
    // A hedge right after "could you" softens the request; elsewhere it weighs the change.
    ['could you maybe explain why it is cloud sync', false],
    ['can you perhaps share the plan', false],
    ['maybe share the plan', true],
    ['we might share the plan', true],
  ])('%j → %s', (text, conditional) => {
    expect(isConditional(words, prepare(text))).toBe(conditional);
  });
});

describe('talksOfLater', () => {
  it.each([
    ['we could pull the history for the auditors sometime next month', true],
    ['the wider team will probably want the status page', true],
    ['eventually I will hand the agent install to the night shift', true],
    ['thinking about sharing the plan with the service desk', true],
    ['hand task 3 to me, we could need connect down the line', false],
    ['could you list the tasks? probably nothing new', false],
    ['show me the history', false],
    // What someone else will do at a time to come is news of their plan, not a request to the bot.
    ['<at>Priya</at> will finish the config on thursday', true],
    ['my colleague will take over task 4 after the holidays', true],
    ['the network team is going to open 443 outbound tomorrow', true],
    ['they are gonna look at the proxy next week', true],
    // Without a time it can name the owner now; a request that names its task first stays one; "I" and "you" ask.
    ['<at>Omar</at> will own the verification', false],
    ['give the config to <at>Priya</at>, she will finish it by friday', false],
    ["I'll take the agent install tomorrow", false],
    // A request to a colleague is for later when it says a time to come or a condition on them; without, it asks now.
    ['<at>Priya</at> will you take task 3 tomorrow?', true],
    ["<at>Priya</at> please close the prereqs when you're back", true],
    ['<at>Priya</at> will you take task 3?', false],
    ['can you take task 3 tomorrow', false],
  ])('%j → %s', (text, later) => {
    expect(talksOfLater(words, prepare(text))).toBe(later);
  });
});

describe('refuses', () => {
  const asks = { undo: false, turnOn: false, keep: false, keepOff: false };
  it.each([
    ['taskSkip', 'imperative', asks, true],
    ['question', 'imperative', asks, false],
    ['remind', 'imperative', asks, false],
    ['remind', 'imperative', { ...asks, turnOn: true }, true],
    ['watch', 'statement', { ...asks, keep: true }, true],
    ['remind', 'statement', { ...asks, keepOff: true }, true],
    ['watch', 'statement', { ...asks, keepOff: true }, true],
    ['remind', 'statement', asks, false],
    ['taskReopen', 'pending', { ...asks, undo: true }, false],
    ['taskReopen', 'pending', asks, true],
    ['status', 'pending', asks, false],
    ['share', 'statement', asks, true],
    ['status', 'statement', asks, false],
  ] as const)('%s after a %s negation (%o) → %s', (intent, negation, said, refused) => {
    expect(refuses(intent, negation, said)).toBe(refused);
  });
});
