/**
 * Each index term's score in each document, worked out once at start from a MiniSearch index (its BM25 with field
 * boosts), so answering a question only adds up a few short lists: no search structure is walked and almost nothing
 * is allocated per question. A document's score for a question is linear in each term's weight and the document's
 * boost, exactly as MiniSearch sums an OR query, so the sums match what MiniSearch would return.
 */
import type MiniSearch from 'minisearch';

interface Postings {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
}

export interface ScoredDoc {
  readonly id: number;
  readonly score: number;
  /** Which of the question's words (bit i for word i) the document contains. */
  readonly words: number;
}

/** Words of a question beyond this many are not told apart (a 32-bit mask each); a question has far fewer. */
export const MAX_QUESTION_WORDS = 32;

/** MiniSearch's BM25 inverse document frequency: how rare a term found in `matches` of `documents` is. */
export function inverseFrequency(matches: number, documents: number): number {
  return Math.log(1 + (documents - matches + 0.5) / (matches + 0.5));
}

export class TermScores {
  private readonly postings = new Map<string, Postings>();
  private readonly score: Float64Array;
  private readonly words: Uint32Array;
  private readonly touched: Int32Array;
  /** Per document during one search: how many query terms it matched, and the last one counted. */
  private readonly matched: Uint16Array;
  private readonly lastSource: Uint16Array;

  constructor(index: Pick<MiniSearch, 'search'>, terms: Iterable<string>, documentCount: number) {
    for (const term of terms) {
      const results = index.search(term, { tokenize: (text) => [text], fuzzy: false, prefix: false });
      if (results.length === 0) continue;
      this.postings.set(term, {
        docs: Int32Array.from(results, (result) => result.id as number),
        scores: Float64Array.from(results, (result) => result.score),
      });
    }
    this.score = new Float64Array(documentCount);
    this.words = new Uint32Array(documentCount);
    this.touched = new Int32Array(documentCount);
    this.matched = new Uint16Array(documentCount);
    this.lastSource = new Uint16Array(documentCount);
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /**
   * Documents containing any of the queries' terms, best first. Each query term (a word as typed, or a synonym) is
   * looked up as one or more index terms with weights (itself, its corrections and completions); a document scores
   * the sum of those terms' scores times their weights and its boost, times how many query terms it matched, as
   * MiniSearch ranks an OR query. `wordsOf` gives the question's words each index term stands for (a bit mask).
   */
  search(
    queries: ReadonlyArray<ReadonlyMap<string, ReadonlyMap<string, number>>>,
    wordsOf: ReadonlyMap<string, number>,
    boosts: Float64Array,
  ): ScoredDoc[] {
    let count = 0;
    // A query term named in several queries (typed, and a synonym of another word) counts once per document.
    const sources = new Map<string, number>();
    for (const [name, terms] of queries.flatMap((query) => [...query])) {
      const source = sources.get(name) ?? sources.size + 1;
      sources.set(name, source);
      for (const [term, weight] of terms) {
        const postings = this.postings.get(term);
        if (postings === undefined) continue;
        const mask = wordsOf.get(term) ?? 0;
        for (let i = 0; i < postings.docs.length; i++) {
          const doc = postings.docs[i];
          if (this.matched[doc] === 0) this.touched[count++] = doc;
          if (this.lastSource[doc] !== source) {
            this.lastSource[doc] = source;
            this.matched[doc] += 1;
          }
          this.score[doc] += postings.scores[i] * weight * boosts[doc];
          this.words[doc] |= mask;
        }
      }
    }
    const found: ScoredDoc[] = [];
    for (let i = 0; i < count; i++) {
      const doc = this.touched[i];
      found.push({ id: doc, score: this.score[doc] * this.matched[doc], words: this.words[doc] });
      this.score[doc] = 0;
      this.words[doc] = 0;
      this.matched[doc] = 0;
      this.lastSource[doc] = 0;
    }
    return found.sort((a, b) => b.score - a.score);
  }
}
