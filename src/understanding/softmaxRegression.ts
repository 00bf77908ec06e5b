/**
 * A multinomial logistic regression over sparse features (words, word pairs), trained by stochastic gradient descent
 * with per-weight step sizes (AdaGrad). Unlike a network that only knows the words it was built on, every feature of
 * every training sentence gets a weight, and the scores are probabilities that sum to 1 over the labels.
 *
 * Training is deterministic: the examples are visited in an order fixed by the round, not by a random source, so two
 * starts of the bot read every message the same.
 */
export type SparseFeatures = Readonly<Record<string, number>>;

export interface TrainingExample {
  readonly features: SparseFeatures;
  readonly label: string;
}

export interface RegressionSettings {
  /** Base step size; AdaGrad shrinks it per weight as that weight's gradients add up. */
  readonly step: number;
  /** L2 pull of each weight towards 0 at each of its updates: rare words cannot shout. */
  readonly shrink: number;
  readonly rounds: number;
}

const DEFAULTS: RegressionSettings = { step: 0.2, shrink: 1e-3, rounds: 8 };
/** The bias terms move slowly: they only say how common each label is among the training sentences. */
const BIAS_STEP = 0.01;
/** Keeps AdaGrad's first division finite. */
const EPSILON = 1e-8;

export class SoftmaxRegression {
  private constructor(
    readonly labels: readonly string[],
    private readonly weights: ReadonlyMap<string, Float64Array>,
    private readonly bias: Float64Array,
    /** Reused by `scores`: the caller reads the result before the next call. */
    private readonly buffer: Float64Array,
  ) {}

  static train(examples: readonly TrainingExample[], settings: Partial<RegressionSettings> = {}): SoftmaxRegression {
    const { step, shrink, rounds } = { ...DEFAULTS, ...settings };
    const labels = [...new Set(examples.map((example) => example.label))];
    const size = labels.length;
    const weights = new Map<string, Float64Array>();
    const squares = new Map<string, Float64Array>();
    const bias = new Float64Array(size);
    const model = new SoftmaxRegression(labels, weights, bias, new Float64Array(size));
    const targets = examples.map((example) => labels.indexOf(example.label));
    const order = examples.map((_, index) => index);
    const sums = new Map<string, Float64Array>();
    const biasSum = new Float64Array(size);
    for (let round = 0; round < rounds; round += 1) {
      reorder(order, round);
      for (const index of order) {
        const features = examples[index].features;
        const names = Object.keys(features);
        if (names.length === 0) continue;
        const probabilities = model.scores(features);
        // Long sentences would otherwise take bigger steps than short ones for the same mistake.
        const scale = 1 / Math.sqrt(names.length);
        for (const name of names) {
          let weight = weights.get(name);
          let square = squares.get(name);
          if (!weight || !square) {
            weight = new Float64Array(size);
            square = new Float64Array(size).fill(EPSILON);
            weights.set(name, weight);
            squares.set(name, square);
          }
          const value = features[name];
          for (let k = 0; k < size; k += 1) {
            const error = probabilities[k] - (k === targets[index] ? 1 : 0);
            const gradient = error * value * scale + shrink * weight[k];
            square[k] += gradient * gradient;
            weight[k] -= (step * gradient) / Math.sqrt(square[k]);
          }
        }
        for (let k = 0; k < size; k += 1) bias[k] -= BIAS_STEP * (probabilities[k] - (k === targets[index] ? 1 : 0));
      }
      addTo(sums, weights, size);
      for (let k = 0; k < size; k += 1) biasSum[k] += bias[k];
    }
    // The model kept is the average of each pass's end: the last steps of a pass follow the order the examples came
    // in, and one sentence more in the corpus reorders them all. The average moved the readings of the held-out sets
    // less than half as much on such a change, and read the tuning sets left out of training as well.
    for (const [name, weight] of weights) {
      const sum = sums.get(name) as Float64Array;
      for (let k = 0; k < size; k += 1) weight[k] = sum[k] / rounds;
    }
    for (let k = 0; k < size; k += 1) bias[k] = biasSum[k] / rounds;
    return model;
  }

  /** Each label's probability, in the order of `labels`. The array is reused by the next call. */
  scores(features: SparseFeatures): Float64Array {
    const sums = this.buffer;
    sums.set(this.bias);
    for (const name in features) {
      const weight = this.weights.get(name);
      if (!weight) continue;
      const value = features[name];
      for (let k = 0; k < sums.length; k += 1) sums[k] += weight[k] * value;
    }
    let highest = -Infinity;
    for (let k = 0; k < sums.length; k += 1) if (sums[k] > highest) highest = sums[k];
    let total = 0;
    for (let k = 0; k < sums.length; k += 1) {
      sums[k] = Math.exp(sums[k] - highest);
      total += sums[k];
    }
    for (let k = 0; k < sums.length; k += 1) sums[k] /= total;
    return sums;
  }
}

/** Adds each weight row of `weights` to its row in `sums`. */
function addTo(sums: Map<string, Float64Array>, weights: ReadonlyMap<string, Float64Array>, size: number): void {
  for (const [name, weight] of weights) {
    let sum = sums.get(name);
    if (!sum) {
      sum = new Float64Array(size);
      sums.set(name, sum);
    }
    for (let k = 0; k < size; k += 1) sum[k] += weight[k];
  }
}

/** A fixed shuffle of `order` for `round`: each round visits the examples in another order, the same on every start. */
function reorder(order: number[], round: number): void {
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = (i * 7919 + round * 104729) % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
}
