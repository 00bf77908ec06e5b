/** The parts of NLP.js the bot uses (the packages ship no type declarations). */
declare module '@nlpjs/neural' {
  export type Features = Record<string, number>;
  export class NeuralNetwork {
    constructor(settings?: {
      log?: boolean;
      iterations?: number;
      errorThresh?: number;
      deltaErrorThresh?: number;
      learningRate?: number;
    });
    train(corpus: Array<{ input: Features; output: Record<string, number> }>): { error: number; iterations: number };
    run(input: Features): Record<string, number> | undefined;
  }
}

declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
