/**
 * The labeled question files name only what the guide can answer with: a catalog task, a page the bot cites, or an
 * honest fallback. A label that names nothing real would count a right answer as a miss, or a wrong one as right.
 */
import { readdirSync } from 'node:fs';
import { LEARN } from '../../src/domain/learnLinks';
import { isTaskId } from '../../src/domain/taskCatalog';
import { INTENTS } from '../../src/understanding/corpus';
import { sharedUnderstanding } from '../../src/understanding/understand';
import { asReceived, loadLabeled, score, tasksOf } from './labeled';

const files = readdirSync(__dirname).filter((name) => /^(dev|heldout)\d*\.en\.json$/.test(name));
const cited = new Set<string>(Object.values(LEARN));

describe.each(files)('%s', (file) => {
  const { questions } = loadLabeled(file);

  it('labels each question with a catalog task, a cited page or a fallback, never both an answer and a fallback', () => {
    const bad = questions.filter(
      (question) =>
        tasksOf(question).some((task) => !isTaskId(task)) ||
        (question.link !== undefined && !cited.has(question.link)) ||
        (question.fallback === true) === (question.task !== undefined || question.link !== undefined),
    );
    expect(bad).toEqual([]);
  });
});

it('has a third tuning set of at least 60 questions in varied styles', () => {
  expect(loadLabeled('dev3.en.json').questions.length).toBeGreaterThanOrEqual(60);
});

it('has an eighth tuning set of at least 150 intents that names every intent and chatter', () => {
  const named = new Set(loadLabeled('dev8.en.json').intents.map((item) => item.intent));
  expect(loadLabeled('dev8.en.json').intents.length).toBeGreaterThanOrEqual(150);
  expect([...INTENTS, 'none'].filter((intent) => !named.has(intent))).toEqual([]);
});

it('has a fourth tuning set of at least 60 questions in a hurried chat style', () => {
  expect(loadLabeled('dev4.en.json').questions.length).toBeGreaterThanOrEqual(60);
});

it('has a twelfth tuning set of at least 80 questions, ten or more of them non-sync questions that must fall back', () => {
  const { questions } = loadLabeled('dev12.en.json');
  expect(questions.length).toBeGreaterThanOrEqual(80);
  expect(questions.filter((question) => question.fallback === true).length).toBeGreaterThanOrEqual(10);
});

it('has an eleventh tuning set of at least 150 intents in vocabulary the corpus lacks, naming every intent and chatter', () => {
  const named = new Set(loadLabeled('dev11.en.json').intents.map((item) => item.intent));
  expect(loadLabeled('dev11.en.json').intents.length).toBeGreaterThanOrEqual(150);
  expect([...INTENTS, 'none'].filter((intent) => !named.has(intent))).toEqual([]);
});

it('has a thirteenth tuning set of at least 60 questions, twenty or more of them other Entra and Microsoft 365 questions that must fall back', () => {
  const { questions } = loadLabeled('dev13.en.json');
  expect(questions.length).toBeGreaterThanOrEqual(60);
  expect(questions.filter((question) => question.fallback === true).length).toBeGreaterThanOrEqual(20);
});

describe('a labeled line as the bot receives it', () => {
  it("reads a person picked with '@' as the Teams mention the bot gets, and leaves addresses alone", () => {
    expect(asReceived('give task 2 to @Priya')).toBe('give task 2 to <at>Priya</at>');
    expect(asReceived('@Tom can own the configuration step, (@Dev too)')).toBe(
      '<at>Tom</at> can own the configuration step, (<at>Dev</at> too)',
    );
    expect(asReceived('sign in as sync@contoso.onmicrosoft.com')).toBe('sign in as sync@contoso.onmicrosoft.com');
  });

  it("removes the bot's own mention, written either way", () => {
    expect(asReceived('<at>Sync Guide</at> next', 'Sync Guide')).toBe('next');
    expect(asReceived('@Guide status', 'Guide')).toBe('status');
    // A name of two words: the second is no word of the message, and the first no person.
    expect(asReceived('@Sync Guide where are we', 'Sync Guide')).toBe('where are we');
    expect(asReceived('@Priya, @Sync Guide what is next?', 'Sync Guide').replace(/\s+/g, ' ')).toBe(
      '<at>Priya</at>, what is next?',
    );
  });
});

describe('the scorer', () => {
  const line = {
    text: '@Noor would you take the agent install, by the 22nd',
    intent: 'assign',
    task: 3,
    to: 'mentioned' as const,
  };
  const entities = (date: string) =>
    score(sharedUnderstanding(), { today: '2026-12-01', intents: [{ ...line, date }], questions: [] }).entityAccuracy;

  it('reads the day of an assignment labeled with one from the due date offered beside it', () => {
    expect(entities('2026-12-22')).toBe(1);
    expect(entities('2026-12-23')).toBe(0);
  });
});
