import { SoftmaxRegression, type TrainingExample } from '../../src/understanding/softmaxRegression';

const EXAMPLES: readonly TrainingExample[] = [
  { features: { mark: 1, done: 1 }, label: 'done' },
  { features: { finish: 1, task: 1 }, label: 'done' },
  { features: { done: 1, 'done>with': 1, with: 1 }, label: 'done' },
  { features: { skip: 1, task: 1 }, label: 'skip' },
  { features: { skip: 1, 'skip>it': 1, it: 1 }, label: 'skip' },
  { features: { pass: 1, on: 1, 'pass>on': 1 }, label: 'skip' },
  { features: { whats: 1, next: 1 }, label: 'next' },
  { features: { next: 1, step: 1 }, label: 'next' },
];

function best(model: SoftmaxRegression, features: Record<string, number>): string {
  const scores = model.scores(features);
  let top = 0;
  for (let k = 1; k < scores.length; k += 1) if (scores[k] > scores[top]) top = k;
  return model.labels[top];
}

describe('SoftmaxRegression', () => {
  const model = SoftmaxRegression.train(EXAMPLES);

  it.each([
    [{ done: 1 }, 'done'],
    [{ finish: 1 }, 'done'],
    [{ skip: 1, task: 1 }, 'skip'],
    [{ pass: 1, on: 1 }, 'skip'],
    [{ next: 1 }, 'next'],
    [{ step: 1, next: 1 }, 'next'],
  ])('reads %j as %s', (features, label) => {
    expect(best(model, features)).toBe(label);
  });

  it('gives probabilities that sum to 1, every one between 0 and 1', () => {
    const scores = [...model.scores({ mark: 1, skip: 1 })];
    expect(scores.reduce((sum, score) => sum + score, 0)).toBeCloseTo(1, 10);
    expect(scores.every((score) => score >= 0 && score <= 1)).toBe(true);
  });

  it('reads a message of words it never learnt from the labels alone, sure of none', () => {
    const scores = [...model.scores({ pizza: 1 })];
    expect(Math.max(...scores) - Math.min(...scores)).toBeLessThan(0.2);
  });

  it('trains the same model every time: two starts of the bot read alike', () => {
    const again = SoftmaxRegression.train(EXAMPLES);
    const features = { mark: 1, next: 1, skip: 1 };
    expect([...again.scores(features)]).toEqual([...model.scores(features)]);
  });

  it('learns a word better with more passes over the sentences', () => {
    const once = SoftmaxRegression.train(EXAMPLES, { rounds: 1 });
    const many = SoftmaxRegression.train(EXAMPLES, { rounds: 30 });
    const doneAt = model.labels.indexOf('done');
    expect(many.scores({ finish: 1 })[doneAt]).toBeGreaterThan(once.scores({ finish: 1 })[doneAt]);
  });
});
