import { NeuralNetwork, type Features } from '@nlpjs/neural';
import { runNetwork } from '../../src/understanding/networkRun';

// runNetwork stands in for NeuralNetwork.run in the intent model: both must give the same scores to the last bit, or
// a reading would change with the garbage it saves.
describe('runNetwork: the scores of NeuralNetwork.run, with one more feature, without its copies', () => {
  const network = new NeuralNetwork({ log: false });
  network.train([
    { input: { rota: 1, shift: 1 }, output: { roster: 1 } },
    { input: { rota: 1, swap: 1 }, output: { roster: 1 } },
    { input: { invoic: 1, pay: 1 }, output: { billing: 1 } },
    { input: { refund: 1, pay: 1 }, output: { billing: 1 } },
    { input: { lunch: 1, pizza: 1 }, output: { None: 1 } },
    { input: { nonefeature: 1 }, output: { None: 1 } },
  ]);
  const same = (input: Features, extraValue: number): void => {
    const copy: Features = { ...input };
    if (extraValue > 0) copy.nonefeature = extraValue;
    const expected = Object.keys(copy).length > 0 ? network.run(copy) : undefined;
    const got = runNetwork(network, input, 'nonefeature', extraValue);
    if (!expected) return expect(got).toBeUndefined();
    expect(got && Object.fromEntries(got.intents.map((intent, at) => [intent, got.scores[at]]))).toEqual({
      ...expected,
    });
  };
  it.each<[string, Features, number]>([
    ['known words', { rota: 1, swap: 1 }, 0],
    ['a guessed word at a lower weight', { pay: 0.35, refund: 1 }, 0],
    ['a word the network never saw', { rota: 1, ferry: 1 }, 0],
    ['with the unknown words weight', { pizza: 1 }, 0.4],
    ['the extra feature only', {}, 0.7],
    ['the extra feature already in the input', { nonefeature: 1, rota: 1 }, 0.25],
    ['numbers as features', { '2': 1, invoic: 1 }, 0.1],
  ])('%s', (_name, input, extraValue) => same(input, extraValue));
  it('nothing to score: undefined, as run gives nothing', () => {
    expect(runNetwork(network, {}, 'nonefeature', 0)).toBeUndefined();
    expect(runNetwork(new NeuralNetwork({ log: false }), { rota: 1 }, 'nonefeature', 0)).toBeUndefined();
  });
});
