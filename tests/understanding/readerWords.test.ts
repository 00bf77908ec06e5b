/** The word tables the readers share come from the corpus, and the loader names a missing or empty one. */
import { checkCorpus, loadCorpus } from '../../src/understanding/corpus';
import { readerWords } from '../../src/understanding/readerWords';

const corpus = loadCorpus('en');
const copy = (): Record<string, Record<string, unknown>> => JSON.parse(JSON.stringify(corpus)) as never;

describe('the question and setting words', () => {
  it('are read from the corpus, the run-on question words beside the plain ones', () => {
    const words = readerWords(corpus);
    expect(words.askingWords).toEqual(new Set([...corpus.questionWords.wh, ...corpus.questionWords.whContracted]));
    expect(words.requestOpeners).toEqual(new Set(corpus.questionWords.requests));
    expect(words.oneOrOther).toEqual(new Set(corpus.settingStates));
    expect(words.arrows).toEqual(corpus.owners.arrows);
    expect(words.questionTags).toContainEqual(['or', 'not']);
    expect(words.answeredNo).toEqual(new Set(corpus.questionWords.answeredNo));
    expect(words.pastWords).toEqual(new Set(corpus.pastDays.pastWords));
    expect(words.deadlineWords).toEqual(new Set(corpus.pastDays.deadlines));
    expect(words.countingBefore).toEqual(new Set(corpus.countedNumbers.before));
    expect(words.notCounted).toEqual(new Set(corpus.countedNumbers.notCounted));
    expect(words.vagueBetween).toEqual(new Set(corpus.vagueDays.between));
    expect(words.vaguePeriods).toEqual(new Set(corpus.vagueDays.periods));
  });

  it.each([
    ['questionWords', 'requests', 'questionWords.requests'],
    ['questionWords', 'referring', 'questionWords.referring'],
    ['questionWords', 'tags', 'questionWords.tags'],
    ['questionWords', 'answeredNo', 'questionWords.answeredNo'],
    ['owners', 'arrows', 'owners.arrows'],
    ['countedNumbers', 'before', 'countedNumbers.before'],
    ['pastDays', 'deadlines', 'pastDays.deadlines'],
    ['vagueDays', 'parts', 'vagueDays.parts'],
  ])('stop start-up when %s.%s is empty', (table, key, field) => {
    const broken = copy();
    broken[table][key] = [];
    expect(() => checkCorpus(broken, 'nlu/xx.json')).toThrow(`"${field}" must be a non-empty list`);
  });

  it.each(['questionWords', 'settingStates', 'countedNumbers', 'vagueDays', 'praise'])(
    'stop start-up when %s is missing',
    (field) => {
      const broken = copy();
      delete broken[field];
      expect(() => checkCorpus(broken, 'nlu/xx.json')).toThrow(`"${field}" must be`);
    },
  );
});
