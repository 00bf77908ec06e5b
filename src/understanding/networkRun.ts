import type { Features, NeuralNetwork } from '@nlpjs/neural';

/** What a trained @nlpjs/neural network scores with: one perceptron per intent over the features it learnt. */
interface TrainedNetwork {
  readonly perceptrons?: ReadonlyArray<{
    readonly name: string;
    readonly weights: Float32Array;
    readonly bias: number;
  }>;
  readonly lookup?: { readonly inputLookup: { readonly dict: Readonly<Record<string, number>> } };
  readonly settings: { readonly alpha: number };
}

/** A network's intents, in its own order, and the scores of the last run (overwritten by the next). */
export interface NetworkScores {
  readonly intents: readonly string[];
  readonly scores: Float64Array;
}

const BUFFERS = new WeakMap<NeuralNetwork, NetworkScores>();

/**
 * The network's run on `input` plus one more feature (`extra` at `extraValue`, left out when 0), with the same sums in
 * the same order, hence the same scores. NeuralNetwork.run needs the extra feature in a copy of the input, then turns
 * that into a list of indices, an object of values and a closure per intent: every message read made them twice, for
 * the collector to clear. Here the scores go into one buffer per network. Undefined when the network has no intents
 * or the input no feature, where run has nothing to say either.
 */
export function runNetwork(
  network: NeuralNetwork,
  input: Features,
  extra: string,
  extraValue: number,
): NetworkScores | undefined {
  const trained = network as unknown as TrainedNetwork;
  const perceptrons = trained.perceptrons;
  if (!perceptrons || perceptrons.length === 0 || !trained.lookup) return undefined;
  let any = extraValue > 0;
  for (const feature in input) if (Object.hasOwn(input, feature)) any = true;
  if (!any) return undefined;
  let buffer = BUFFERS.get(network);
  if (!buffer) {
    buffer = {
      intents: perceptrons.map((perceptron) => perceptron.name),
      scores: new Float64Array(perceptrons.length),
    };
    BUFFERS.set(network, buffer);
  }
  // The lookup is a plain object, read as NLP.js reads it, so a feature it does not know counts exactly as there.
  const dict = trained.lookup.inputLookup.dict;
  const extraIndex = extraValue > 0 ? dict[extra] : undefined;
  const alpha = trained.settings.alpha;
  for (let p = 0; p < perceptrons.length; p += 1) {
    const { weights, bias } = perceptrons[p];
    let sum = bias;
    for (const feature in input) {
      const index = dict[feature];
      // The extra feature, if the input has it already, takes its place with the extra value, as in the copy.
      if (index !== undefined)
        sum += (feature === extra && extraValue > 0 ? extraValue : input[feature]) * weights[index];
    }
    if (extraIndex !== undefined && input[extra] === undefined) sum += extraValue * weights[extraIndex];
    buffer.scores[p] = sum <= 0 ? 0 : alpha * sum;
  }
  return buffer;
}
