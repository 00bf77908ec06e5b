/**
 * The intent classifier: NLP.js's neural network (@nlpjs/neural, the model behind its NLU) over English
 * stems (@nlpjs/lang-en-min, see stems.ts), trained at start from the corpus in `nlu/`. It runs synchronously on the
 * features we build, so there is no per-text cache growing with every message (NLP.js's own process()
 * keeps one for an hour).
 *
 * Scores follow NLP.js: each intent's output squared and normalised to sum to 1, and intents that share
 * no word with the message score 0. Words the model never saw feed a "none" feature, so chatter drifts
 * towards `None` rather than towards whatever intent has the fewest words, unless the synonym table (synonyms.ts,
 * from WordNet) relates them to words it knows: those count for those words, more weakly, and an intent only they
 * speak for is marked `guessed`.
 */
import { NeuralNetwork, type Features } from '@nlpjs/neural';
import { runNetwork, type NetworkScores } from './networkRun';
import { SoftmaxRegression, type SparseFeatures } from './softmaxRegression';
import type { Corpus, IntentName } from './corpus';
import { stem } from './stems';
import { MAX_PHRASE, type Synonyms } from './synonyms';
import { COMMAND_HELP } from '../domain/commands';
import type { PhraseTable } from '../domain/sentenceTokens';
import {
  NUMBER_TOKEN,
  PERSON_TOKEN,
  TASK_TOKEN,
  tokenize,
  prepareText,
  respellingTable,
  type Respellings,
} from './textPrep';

export type ModelIntent = IntentName | 'None';
export interface IntentScore {
  readonly intent: ModelIntent;
  readonly score: number;
  /**
   * Set when nothing the model learnt speaks for this intent, only words read through the thesaurus ("obliterate this
   * plan" for start over): a reading worth offering, not one to act on.
   */
  readonly guessed?: boolean;
}

const NONE_FEATURE = 'nonefeature';
/**
 * Passes of the learnt model's training over its sentences (trainLearnt). 8, 15 and 30 passes read the tuning sets left out of
 * its training within a few lines of one another, and fewer train faster.
 */
const LEARNT_ROUNDS = 8;
/** A word at most this many commands learnt is one of their own ("skip"), not one every command shares ("have"). */
const FEW_COMMANDS = 2;
/** How many words of a message's opening say whether it opens as small talk (opensWithChatter). */
const OPENING_WORDS = 2;
/** How strongly a corpus word counts when a new word only stands for it through the thesaurus. */
const RELATED_WEIGHT = 0.7;
/** How much such a word still pulls towards "none" (1: as much as a word that relates to nothing). */
const RELATED_UNKNOWN = 0.5;
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  '{task}': TASK_TOKEN,
  '{person}': PERSON_TOKEN,
  '{n}': NUMBER_TOKEN,
};
const KEEP_AS_IS = new Set([TASK_TOKEN, PERSON_TOKEN, NUMBER_TOKEN]);
/** Readings kept by masked text (inputOf): a message's own and the words and parts of it the decision asks about. */
const RECENT_INPUTS = 16;

export class IntentModel {
  private readonly network = new NeuralNetwork({ log: false });
  /** Trained on the learnt sentences too (trainLearnt); undefined without them. */
  private readonly learnt: LearntModel | undefined;
  /** Set on the view over the learnt model (withLearntSentences): its scores replace the network's. */
  private readonly regression: SoftmaxRegression | undefined = undefined;
  private readonly features = new Set<string>();
  private readonly intentFeatures = new Map<ModelIntent, Set<string>>();
  /** The words that make each intent a candidate (classify): the corpus's, or on the learnt view its own too. */
  private readonly candidateWords: ReadonlyMap<ModelIntent, ReadonlySet<string>> = this.intentFeatures;
  private noneDelta = 0;
  /** Words that only the None sentences have: small talk's own ("cheers", "coffee", "weekend"). */
  private readonly chatterOnly = new Set<string>();
  /** Stems of the corpus's `smallTalk` words that no command learnt: counted as small talk's, never trained on. */
  private readonly smallTalk = new Set<string>();
  private readonly trainedPhrases = new Set<string>();
  /** Training sentences of MIN_SENTENCE_WORDS words or more, two of them meaningful, stemmed, by their first stem. */
  private readonly sentences = new Map<
    string,
    Array<{ readonly stems: readonly string[]; readonly intent: ModelIntent }>
  >();
  /**
   * The latest readings (inputOf), by masked text: one message asks for its own up to four times (its scores, the words
   * each reading accounts for, the words nothing accounts for), and in between for a few of its words or parts, which
   * would push out a single remembered reading; the phrase lookups are the costly part of reading.
   */
  private readonly recentInputs = new Map<string, MessageInput>();
  /** learntWordCounts of a reading, without and with the thesaurus's guesses; shared with the learnt view too. */
  private readonly wordCounts = new WeakMap<
    MessageInput,
    { learnt?: ReadonlyMap<ModelIntent, number>; withRelated?: ReadonlyMap<ModelIntent, number> }
  >();
  /** Every word of the corpus, unstemmed: typo correction compares against these. */
  readonly vocabulary: ReadonlySet<string>;
  /** The corpus's respellings, applied to training sentences as to messages so both read the same words. */
  readonly respellings: Respellings;
  /** The exact commands' words and the task changes' plain verbs: the only words a short typo is read as (textPrep). */
  readonly commandWords: ReadonlySet<string>;
  /** Stems of the corpus's function words: not enough, alone, to make an intent a candidate. */
  private readonly functionWords: ReadonlySet<string>;

  private constructor(
    corpus: Corpus,
    taskNames: PhraseTable<string>,
    private readonly synonyms: Synonyms | undefined,
  ) {
    this.functionWords = new Set(corpus.functionWords.map((word) => stem(word)));
    const respellings = respellingTable(corpus.respellings);
    // Entity words count as known too, so a typo is corrected towards them and they are never "corrected" away.
    const vocabulary = new Set<string>(entityWords(corpus));
    const examples: Array<{ intent: ModelIntent; text: string }> = [];
    for (const [intent, utterances] of Object.entries(corpus.intents) as Array<[IntentName, readonly string[]]>) {
      for (const utterance of utterances) examples.push({ intent, text: utterance });
    }
    for (const utterance of corpus.none) examples.push({ intent: 'None', text: utterance });
    /** Sentences (stemmed) that more than one intent has: they say nothing of which. */
    const ambiguous = new Set<string>();
    // Sentences are prepared as messages are, an admin tier ("t1 admins") included.
    const tierNouns = new Set(corpus.tierNouns);
    const prepareSentence = (text: string) =>
      prepareText(
        text.replace(/\{task\}|\{person\}|\{n\}/g, (placeholder) => ` ${PLACEHOLDERS[placeholder]} `),
        { taskNames, vocabulary: new Set(), respellings, tierNouns },
      );
    const maskedExamples: Array<{ intent: ModelIntent; masked: string }> = [];
    const training = examples.map(({ intent, text }) => {
      const prepared = prepareSentence(text);
      for (const token of prepared.tokens) if (!KEEP_AS_IS.has(token)) vocabulary.add(token);
      const masked = prepared.masked;
      maskedExamples.push({ intent, masked });
      this.learnPhrases(masked);
      this.learnPairs(masked, intent);
      this.learnSentence(masked, intent, ambiguous);
      const input = this.featuresOf(masked);
      for (const feature of Object.keys(input)) this.features.add(feature);
      const known = this.intentFeatures.get(intent) ?? new Set<string>();
      for (const feature of Object.keys(input)) known.add(feature);
      this.intentFeatures.set(intent, known);
      return { input, output: { [intent]: 1 } };
    });
    for (const [first, list] of this.sentences)
      this.sentences.set(
        first,
        list.filter((sentence) => !ambiguous.has(sentence.stems.join(' '))),
      );
    const commandWords = new Set(
      [...this.intentFeatures].flatMap(([intent, known]) => (intent === 'None' ? [] : [...known])),
    );
    for (const feature of this.intentFeatures.get('None') ?? [])
      if (!commandWords.has(feature) && !this.functionWords.has(feature) && !KEEP_AS_IS.has(feature))
        this.chatterOnly.add(feature);
    for (const word of corpus.smallTalk) {
      const feature = stem(word);
      if (!commandWords.has(feature) && !this.functionWords.has(feature)) this.smallTalk.add(feature);
    }
    this.noneDelta = this.intentFeatures.size / Math.max(1, this.features.size);
    // As NLP.js does: a last example that only has the none feature, pointing (almost) nowhere but None.
    this.network.train([...training, { input: { [NONE_FEATURE]: 1 }, output: { None: 1 } }]);
    this.learnt = this.trainLearnt(corpus, maskedExamples, prepareSentence);
    this.vocabulary = vocabulary;
    this.respellings = respellings;
    this.commandWords = new Set(
      [...COMMAND_HELP.flatMap((info) => tokenize(info.usage)), ...Object.values(corpus.taskVerbs).flat()].filter(
        (word) => vocabulary.has(word),
      ),
    );
  }

  /**
   * The second opinion (learnt.ts): a regression over the words and word pairs of the corpus's sentences and the learnt
   * ones, or undefined without learnt sentences. It learns every word those sentences have, where the corpus's network
   * knows only the corpus's, so an intent is a candidate on any word of its own sentences. Everything else the model
   * keeps (the words only chatter has, its phrases, pairs and sentences) is the corpus's alone, so the rules that read
   * them behave as they were tuned; only the scores and the candidates differ.
   */
  private trainLearnt(
    corpus: Corpus,
    examples: ReadonlyArray<{ intent: ModelIntent; masked: string }>,
    prepareSentence: (text: string) => { masked: string },
  ): LearntModel | undefined {
    const learnt: Array<{ intent: ModelIntent; masked: string }> = (
      Object.entries(corpus.learnt ?? {}) as Array<[IntentName, readonly string[]]>
    ).flatMap(([intent, sentences]) => sentences.map((text) => ({ intent, masked: prepareSentence(text).masked })));
    if (learnt.length === 0) return undefined;
    // The tuning sets' chatter is no command, as the corpus's own none sentences are; alone it makes no second model.
    for (const text of corpus.learntChatter ?? [])
      learnt.push({ intent: 'None', masked: prepareSentence(text).masked });
    const candidateWords = new Map<ModelIntent, Set<string>>();
    for (const [intent, known] of this.intentFeatures) candidateWords.set(intent, new Set(known));
    // The corpus's sentences as the network read them; only the learnt ones are prepared here.
    const training = [...examples, ...learnt].map(({ intent, masked }) => {
      const stems = stemsOf(masked);
      const known = candidateWords.get(intent) ?? new Set<string>();
      for (const word of stems) known.add(word);
      candidateWords.set(intent, known);
      return { features: regressionFeatures(stems), label: intent };
    });
    return { regression: SoftmaxRegression.train(training, { rounds: LEARNT_ROUNDS }), candidateWords };
  }

  /**
   * The same reader over the learnt model, or undefined when the corpus has no learnt sentences: what the message's
   * words mean, which words it knows, which only chatter has, all stay the corpus's (trainLearnt).
   */
  withLearntSentences(): IntentModel | undefined {
    if (!this.learnt) return undefined;
    const view = Object.create(this) as IntentModel;
    Object.defineProperty(view, 'regression', { value: this.learnt.regression });
    Object.defineProperty(view, 'candidateWords', { value: this.learnt.candidateWords });
    Object.defineProperty(view, 'learnt', { value: undefined });
    return view;
  }

  /**
   * Every run of 2 to MAX_PHRASE words of a training sentence, stemmed, and every pair of words one apart: phrases the
   * model learnt word by word, together or around an object.
   */
  /** Each intent's pairs of neighbouring words, stemmed ("not need" of "{task} is not needed"): pairsLearnt. */
  private readonly pairs = new Map<ModelIntent, Set<string>>();

  private learnPairs(masked: string, intent: ModelIntent): void {
    const tokens = masked.split(' ').filter((token) => token !== '');
    const pairs = this.pairs.get(intent) ?? new Set<string>();
    for (let at = 0; at + 1 < tokens.length; at += 1) pairs.add(stemmedPhrase(tokens.slice(at, at + 2)));
    this.pairs.set(intent, pairs);
  }

  /**
   * Whether `word` is one the model learnt for `intent` (function words aside) and never learnt right after `before`
   * for it: "not skipping" negates the very word of a skip, where "not needed" is how the corpus asks for one.
   */
  speaksAloneAfter(before: string, word: string, intent: ModelIntent): boolean {
    const feature = stem(word);
    if (this.functionWords.has(feature) || !(this.intentFeatures.get(intent)?.has(feature) ?? false)) return false;
    const commands = [...this.intentFeatures].filter(([other, known]) => other !== 'None' && known.has(feature));
    if (commands.length > FEW_COMMANDS) return false;
    return !(this.pairs.get(intent)?.has(stemmedPhrase([before, word])) ?? false);
  }

  private learnPhrases(masked: string): void {
    const tokens = masked.split(' ').filter((token) => token !== '');
    for (let at = 0; at < tokens.length; at += 1) {
      for (let length = 2; length <= MAX_PHRASE && at + length <= tokens.length; length += 1)
        this.trainedPhrases.add(stemmedPhrase(tokens.slice(at, at + length)));
      if (at + 2 < tokens.length) this.trainedPhrases.add(splitKey(tokens[at], tokens[at + 2]));
    }
  }

  private learnSentence(masked: string, intent: ModelIntent, ambiguous: Set<string>): void {
    const stems = stemsOf(masked);
    const meaningful = stems.filter((word) => !this.functionWords.has(word) && !KEEP_AS_IS.has(word)).length;
    if (stems.length < MIN_SENTENCE_WORDS || meaningful < 2) return;
    const key = stems.join(' ');
    const list = this.sentences.get(stems[0]) ?? [];
    if (list.some((sentence) => sentence.intent !== intent && sentence.stems.join(' ') === key)) ambiguous.add(key);
    list.push({ stems, intent });
    this.sentences.set(stems[0], list);
  }

  /**
   * The intents one of whose training sentences the message opens with, whole, and then says more ("where do things
   * stand with the entra sync work" opens with status's "where do things stand"): the network can rank another intent
   * first on the words that follow.
   */
  trainedSentencesIn(masked: string): Set<ModelIntent> {
    const stems = stemsOf(masked);
    const found = new Set<ModelIntent>();
    for (const sentence of this.sentences.get(stems[0]) ?? [])
      if (opensWith(stems, sentence.stems)) found.add(sentence.intent);
    return found;
  }

  /** Training takes a few hundred milliseconds; start-up does it once per process. */
  static train(corpus: Corpus, taskNames: PhraseTable<string>, synonyms?: Synonyms): IntentModel {
    return new IntentModel(corpus, taskNames, synonyms);
  }

  /** Intents ranked by score (summing to 1 over the ones that scored). `masked` is PreparedText.masked. */
  classify(masked: string): IntentScore[] {
    const stems = stemsOf(masked);
    const reading = this.inputOf(masked);
    const { unknown, related } = reading;
    const input = reading.input;
    let noneValue = 0;
    for (let i = 0, delta = this.noneDelta; i < unknown; i += 1, delta *= 1.2) noneValue += delta;
    // The network's run with the unknown words' weight as one more feature, without copying the reading (it is shared
    // with the other questions asked about this message).
    const output = this.regression
      ? regressionRun(this.regression, regressionFeatures(stems))
      : runNetwork(this.network, input, NONE_FEATURE, noneValue);
    // An intent counts only if the message shares a word with it that means something: "my cat is asleep" shares
    // "my" and "is" with "my tasks", which is no reason to list anyone's tasks. A message of function words only
    // ("and now?") is read on those.
    let hasContent = false;
    for (const word of stems) if (!this.functionWords.has(word)) hasContent = true;
    // A task, a person or a number says which task or whom, never what to do with it: "hello 1" is no order.
    const evidence: string[] = [];
    for (const feature in input)
      if (feature !== NONE_FEATURE && !KEEP_AS_IS.has(feature) && (!hasContent || !this.functionWords.has(feature)))
        evidence.push(feature);
    // Loops rather than closures from here on: this runs twice for every message, and its garbage adds up.
    const scored: Array<{ -readonly [K in keyof IntentScore]: IntentScore[K] }> = [];
    let total = 0;
    const intents = output?.intents ?? [];
    for (let at = 0; at < intents.length; at += 1) {
      const intent = intents[at];
      const raw = output?.scores[at] ?? 0;
      const known = this.candidateWords.get(intent as ModelIntent);
      let active = intent === 'None';
      let guessed = intent !== 'None' && known !== undefined;
      if (known !== undefined)
        for (const feature of evidence)
          if (known.has(feature)) {
            active = true;
            if (!related.has(feature)) guessed = false;
          }
      const score = active && raw > 0 ? raw ** 2 : 0;
      if (score > 0) {
        scored.push(
          guessed ? { intent: intent as ModelIntent, score, guessed } : { intent: intent as ModelIntent, score },
        );
        total += score;
      }
    }
    if (total === 0) return [{ intent: 'None', score: 1 }];
    for (const entry of scored) entry.score /= total;
    return scored.sort((a, b) => b.score - a.score);
  }

  /**
   * Words of the message that carry meaning and that no training sentence has ("the coffee agent in the kitchen is
   * broken": coffee, kitchen, broken). The model scores only what it knows, so these are what it cannot vouch for.
   * Dates and numbers ("22nd") are read elsewhere and do not count.
   */
  unknownWords(masked: string): number {
    let unknown = 0;
    for (const feature of Object.keys(this.featuresOf(masked)))
      if (!this.features.has(feature) && !this.functionWords.has(feature) && !/\d/.test(feature)) unknown += 1;
    return unknown;
  }

  /**
   * For each intent, how many words of the message that carry meaning it learnt (function words, tasks and numbers
   * aside; the thesaurus's guesses too, unless `withRelated`): how much of the message a reading accounts for.
   */
  learntWordCounts(masked: string, withRelated = false): ReadonlyMap<ModelIntent, number> {
    const reading = this.inputOf(masked);
    // The decision asks this of the same message several times; the answer depends only on the words, so it is kept
    // with their reading rather than rebuilt (each rebuild is garbage the collector pays for in the slowest turns).
    const kept = this.wordCounts.get(reading) ?? {};
    const cached = withRelated ? kept.withRelated : kept.learnt;
    if (cached) return cached;
    const { input, related } = reading;
    const words: string[] = [];
    for (const feature in input)
      if (
        (withRelated || !related.has(feature)) &&
        feature !== NONE_FEATURE &&
        !KEEP_AS_IS.has(feature) &&
        !this.functionWords.has(feature)
      )
        words.push(feature);
    const counts = new Map<ModelIntent, number>();
    for (const [intent, known] of this.intentFeatures) {
      let count = 0;
      for (const word of words) if (known.has(word)) count += 1;
      counts.set(intent, count);
    }
    this.wordCounts.set(reading, withRelated ? { ...kept, withRelated: counts } : { ...kept, learnt: counts });
    return counts;
  }

  /**
   * Words of the message that only small talk (the None sentences) has, as the model learnt them ("cheers for the help
   * this afternoon, nice work": cheers, nice), and the corpus's everyday words no command has ("canteen"). Like a word it never learnt, each says the message may be about something else.
   */
  chatterWords(masked: string): number {
    let chatter = 0;
    const { input, related } = this.inputOf(masked);
    for (const feature of Object.keys(input))
      if (this.chatterOnly.has(feature) && !related.has(feature) && !/\d/.test(feature)) chatter += 1;
    // The everyday words are mostly ones the model never saw, so they are looked for in the message itself. Together
    // they count as one: a request can mention where its writer is off to ("what's next? back from the dentist").
    const everyday = stemsOf(masked).some((word) => this.smallTalk.has(word) && input[word] === undefined);
    return everyday ? chatter + 1 : chatter;
  }

  /**
   * Whether one of the message's first two words is one only small talk has ("great work everyone…", "good night
   * folks…", "cheers for the help…"): it opens as chatter, whatever command its later words share.
   */
  opensWithChatter(masked: string): boolean {
    const opening = masked
      .split(' ')
      .filter((token) => token !== '' && token !== PERSON_TOKEN)
      .slice(0, OPENING_WORDS);
    return opening.some((token) => this.chatterOnly.has(stem(token)) || this.smallTalk.has(stem(token)));
  }

  /**
   * Words of the message that carry meaning and that neither the model learnt nor the thesaurus relates to a word it
   * learnt ("ugh teams keeps crashing on my laptop": ugh, crashing, laptop). Dates and numbers do not count.
   */
  unrelatedWords(masked: string): number {
    let unrelated = 0;
    for (const feature of this.inputOf(masked).unrelated)
      if (!this.functionWords.has(feature) && !/\d/.test(feature)) unrelated += 1;
    return unrelated;
  }

  /**
   * What the network is given for a message: its known words, and for a word it never learnt, the corpus words that
   * word stands for (synonyms.ts) at a lower weight, since a relation from the thesaurus is a guess at what was meant.
   * A phrase is read first ("polished off", phraseAt), and its words then mean nothing of their own ("off" is no order
   * to switch anything off). A word that relates to nothing counts towards "none", one that does a little.
   */
  private inputOf(masked: string): MessageInput {
    const known = this.recentInputs.get(masked);
    if (known) return known;
    const reading = this.readInput(masked);
    // Kept in the one map this model and its view over the second model share (withLearntSentences): the words mean
    // the same to both models, so a message pays for reading them once. The oldest reading goes first.
    if (this.recentInputs.size >= RECENT_INPUTS) this.recentInputs.delete(this.recentInputs.keys().next().value!);
    this.recentInputs.set(masked, reading);
    return reading;
  }

  private readInput(masked: string): MessageInput {
    const input: Features = {};
    const unknownStems = new Set<string>();
    /** Features only the thesaurus gave. */
    const related = new Set<string>();
    let relatedWords = 0;
    const relate = (meanings: readonly string[]): void => {
      for (const meaning of meanings) {
        if (input[meaning] === undefined) related.add(meaning);
        input[meaning] = Math.max(input[meaning] ?? 0, RELATED_WEIGHT);
      }
      relatedWords += 1;
    };
    const tokens: string[] = [];
    for (const token of masked.split(' ')) {
      if (token === '') continue;
      // Only a hyphenated word may be split: others are pushed as they are, without a list of one per word.
      if (!token.includes('-')) tokens.push(token);
      else for (const part of this.compoundParts(token)) tokens.push(part);
    }
    /** Positions of particles already read with their verb ("pass the verification over"). */
    const particles = new Set<number>();
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i];
      if (particles.has(i)) continue;
      const phrase = this.phraseAt(tokens, i);
      if (phrase) {
        relate(phrase.meanings);
        i += phrase.length - 1;
        continue;
      }
      const split = this.splitPhraseAt(tokens, i);
      if (split) {
        relate(split);
        particles.add(i + 2);
        continue;
      }
      const feature = KEEP_AS_IS.has(token) ? token : stem(token);
      if (this.features.has(feature)) {
        input[feature] = 1;
        related.delete(feature);
        continue;
      }
      // A word the corpus has in another role (a cadence such as "kill", a task word) means what it says there.
      if (this.synonyms && !KEEP_AS_IS.has(token) && !this.vocabulary.has(token)) {
        const meanings = this.knownMeanings(this.synonyms.lookup(token));
        if (meanings.length > 0) {
          relate(meanings);
          continue;
        }
      }
      unknownStems.add(feature);
    }
    return {
      input: Object.freeze(input),
      unknown: unknownStems.size + relatedWords * RELATED_UNKNOWN,
      related,
      unrelated: unknownStems,
    };
  }

  /**
   * An idiom or phrasal verb that starts at `at` ("get cracking on", "pass over", "keep an eye on"), longest first,
   * with the corpus words it stands for. Its words mean something else one by one ("pass over" is no "pass", "get
   * cracking" no "get"), so even words the model knows are read as the phrase, unless training sentences have them
   * side by side: then the model learnt what they mean together.
   */
  private phraseAt(tokens: readonly string[], at: number): { length: number; meanings: string[] } | undefined {
    const first = tokens[at];
    // As for a single word: one the corpus has in another role (a cadence, a task word) means what it says there.
    if (!this.synonyms || (this.vocabulary.has(first) && !this.features.has(stem(first)))) return undefined;
    // Most words open no phrase of the thesaurus: they are then done with, without a list or a key built per length.
    const heads = this.synonyms.phraseHeads(first);
    if (heads.length === 0) return undefined;
    for (let length = Math.min(MAX_PHRASE, tokens.length - at); length >= 2; length -= 1) {
      let kept = false;
      for (let k = at; k < at + length && !kept; k += 1) kept = KEEP_AS_IS.has(tokens[k]);
      if (kept || this.trainedPhrases.has(stemmedPhrase(tokens.slice(at, at + length)))) continue;
      const meanings = this.knownMeanings(this.synonyms.lookupPhraseAt(heads, tokens, at, length));
      if (meanings.length > 0) return { length, meanings };
    }
    return undefined;
  }

  /**
   * A hyphenated word that neither the corpus nor the thesaurus has is read as its words, so the phrase they make can
   * be found ("a write-up" is a write up, a report); one either knows stays whole ("follow-up", "to-do"), and so does
   * one with a part that is no word.
   */
  private compoundParts(token: string): readonly string[] {
    if (!token.includes('-') || !this.synonyms || this.vocabulary.has(token) || this.features.has(stem(token)))
      return [token];
    const parts = token.split('-');
    // A compound has a few parts; a longer chain is no word to look up part by part.
    if (parts.length > MAX_PHRASE) return [token];
    // Every part must be a word: a prefix ("un-complete", "non-urgent") turns the meaning round, and read alone its
    // word would mean the opposite.
    const words = parts.every(
      (part) => /^[a-z]+$/.test(part) && (this.features.has(stem(part)) || this.synonyms!.lookup(part).length > 0),
    );
    return words && this.synonyms.lookup(token).length === 0 ? parts : [token];
  }

  /**
   * A two-word phrasal verb with a task between ("pass the verification over"): the verb and the particle stand for the
   * phrase's corpus words, the task is read as it is. Only a task is taken for the object ("run me through" is no "run
   * through"), and never where a training sentence has the verb and the particle so.
   */
  private splitPhraseAt(tokens: readonly string[], at: number): string[] | undefined {
    const [verb, object, particle] = [tokens[at], tokens[at + 1], tokens[at + 2]];
    if (!this.synonyms || particle === undefined || KEEP_AS_IS.has(verb) || KEEP_AS_IS.has(particle)) return undefined;
    if (object !== TASK_TOKEN) return undefined;
    if (this.vocabulary.has(verb) && !this.features.has(stem(verb))) return undefined;
    if (this.trainedPhrases.has(stemmedPhrase([verb, particle])) || this.trainedPhrases.has(splitKey(verb, particle)))
      return undefined;
    const meanings = this.knownMeanings(this.synonyms.lookupPhrase(verb, particle));
    return meanings.length > 0 ? meanings : undefined;
  }

  /** The stems of `words` that the model learnt. */
  private knownMeanings(words: readonly string[]): string[] {
    return words.map((word) => stem(word)).filter((meaning) => this.features.has(meaning));
  }

  private featuresOf(masked: string): Features {
    const features: Features = {};
    for (const word of stemsOf(masked)) features[word] = 1;
    return features;
  }
}

/** The second opinion's scores and, for each intent, the words that make it a candidate. */
interface LearntModel {
  readonly regression: SoftmaxRegression;
  readonly candidateWords: ReadonlyMap<ModelIntent, ReadonlySet<string>>;
}

/** What the network is given for a message, and what that says about the message's words (IntentModel.inputOf). */
interface MessageInput {
  readonly input: Readonly<Features>;
  readonly unknown: number;
  /** Features only the thesaurus gave. */
  readonly related: ReadonlySet<string>;
  /** Stems of words that neither the model learnt nor the thesaurus relates to one it learnt. */
  readonly unrelated: ReadonlySet<string>;
}

/**
 * What the regression reads of a message: its stems and each pair of neighbouring stems ("mark>done" is not "done" and
 * "mark" apart). The thesaurus's related words are left out: they read held-out sets no better.
 */
function regressionFeatures(stems: readonly string[]): SparseFeatures {
  const features: Record<string, number> = {};
  for (let i = 0; i < stems.length; i += 1) {
    features[stems[i]] = 1;
    if (i + 1 < stems.length) features[`${stems[i]}>${stems[i + 1]}`] = 1;
  }
  return features;
}

function regressionRun(regression: SoftmaxRegression, features: SparseFeatures): NetworkScores {
  const scores = regression.scores(features);
  return { intents: regression.labels, scores };
}

/** A verb and a particle one word apart ("tick {task} off"), as trainedPhrases keeps them. */
function splitKey(verb: string, particle: string): string {
  return `${stem(verb)} _ ${stem(particle)}`;
}

/**
 * A trained sentence that opens a message is a reading of it only from this many words: shorter ones ("take up {task}")
 * open messages that go on to ask something else.
 */
const MIN_SENTENCE_WORDS = 4;

/** The last message's stems: the model asks for them several times per message (classify, trainedSentencesIn …). */
let lastStems: { masked: string; stems: readonly string[] } = { masked: '', stems: [] };

function stemsOf(masked: string): readonly string[] {
  if (lastStems.masked === masked) return lastStems.stems;
  const stems: string[] = [];
  for (const token of masked.split(' ')) if (token !== '') stems.push(KEEP_AS_IS.has(token) ? token : stem(token));
  lastStems = { masked, stems };
  return stems;
}

/** Whether `stems` begin with every one of `opening`. */
function opensWith(stems: readonly string[], opening: readonly string[]): boolean {
  for (let i = 0; i < opening.length; i += 1) if (stems[i] !== opening[i]) return false;
  return true;
}

function stemmedPhrase(words: readonly string[]): string {
  return words.map((word) => stem(word)).join(' ');
}

function entityWords(corpus: Corpus): string[] {
  const phrases = [
    ...Object.values(corpus.taskNames).flat(),
    ...Object.values(corpus.positions).flat(),
    ...Object.values(corpus.cadences).flat(),
    ...corpus.firstPerson,
    ...corpus.clearDate,
    // Words that ask to keep a setting as it is ("leave the watch alone") are read as they are, not corrected away.
    ...corpus.negation.changes,
    ...corpus.negation.asIs,
  ];
  return phrases.flatMap((phrase) => tokenize(phrase.toLowerCase()));
}
