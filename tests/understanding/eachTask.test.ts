import { loadCorpus } from '../../src/understanding/corpus';
import { asksEachTaskWith as asksWith, eachTaskWords } from '../../src/understanding/eachTask';
import { tokenize } from '../../src/understanding/textPrep';
import { sharedUnderstanding } from '../../src/understanding/understand';
import { labeledContext } from './labeled';

const context = labeledContext('2026-12-01');
const words = eachTaskWords(loadCorpus('en').eachTask);
const asksEachTaskWith = (tokens: readonly string[]) => asksWith(tokens, words);
const intentOf = (text: string) => {
  const reading = sharedUnderstanding().interpret(text, context);
  if (reading.kind === 'act') return reading.proposal.intent;
  if (reading.kind === 'choose') return reading.proposals[0]?.intent;
  return reading.kind;
};

describe('each task with an attribute', () => {
  it.each([
    "show me each task and whether it's open or closed",
    'show every item on the plan with its status',
    "give me each item and whether it's complete",
    'every task and its status please',
    'each step and its status',
    'each item and its state',
    "each step and whether it's open or closed",
    'show each item with its status',
    'each task and its state please',
    'give me every item with its status',
    "every step and whether it's finished or still open",
    // Each task's number is shown by the list alone; the second model had read nothing in it.
    'every step in the plan with its number next to it',
  ])('"%s" asks for the task list', (text) => {
    expect(intentOf(text)).toBe('tasks');
  });

  it.each([
    "what's the status",
    'how far along are we',
    'how many tasks are done',
    'how many steps are still open',
    "what's the overall state of the plan",
    'give me a progress update',
    'status of the plan please',
    'how is the rollout going overall',
    'where do things stand with the open tasks',
  ])('"%s" stays the progress summary', (text) => {
    expect(intentOf(text)).toBe('status');
  });

  it.each([
    ['each item and who owns it please', 'tasks'],
    ["I want each chore and whether it's closed", 'tasks'],
    ["walk me through every item and whether it's finished", 'tasks'],
    // The report's own words and a setting's change keep their command.
    ['export each task with its owner to a spreadsheet', 'report'],
    ['remind me daily about every task and its due date', 'remind'],
  ])('"%s" reads as %s, whichever neighbour the model put first', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('offers the task list, without showing it, where the model read no command at all', () => {
    const reading = sharedUnderstanding().interpret(
      "need every item with who owns it and when it's due for the audit pack",
      context,
    );
    expect(reading.kind).toBe('choose');
    expect(reading.kind === 'choose' && reading.proposals[0]).toEqual({ intent: 'tasks' });
  });

  it('needs the task noun close after "each" or "every", and an attribute after the noun', () => {
    expect(asksEachTaskWith(tokenize('every morning post the status of the tasks'))).toBe(false);
    expect(asksEachTaskWith(tokenize('the status of each task'))).toBe(false);
    expect(asksEachTaskWith(tokenize('is every task done yet'))).toBe(false);
    expect(asksEachTaskWith(tokenize('each task with its status'))).toBe(true);
  });

  it('reads a long run of the same words, scanning at most three words after each "each"', () => {
    const many = (word: string, count: number) => Array.from({ length: count }, () => word);
    expect(asksEachTaskWith([...many('each', 5000), 'task', ...many('open', 5000)])).toBe(true);
    expect(asksEachTaskWith(many('each', 10000))).toBe(false);
  });
});

describe('which tasks have an attribute', () => {
  // Asked which tasks are in which state, the message wants them one by one, which only the task list shows: the
  // progress summary, which counts them, is no longer shown as if asked for.
  it.each(['which steps are finished and which are still open', 'which items are open and which are done'])(
    '%j is not answered with the summary alone',
    (text) => {
      expect(asksEachTaskWith(tokenize(text))).toBe(true);
      expect(sharedUnderstanding().interpret(text, context)).not.toMatchObject({
        kind: 'act',
        proposal: { intent: 'status' },
      });
    },
  );
});
