/**
 * Reads a sentence typed in reply to a question of the questionnaire: what it says about that question, and what it
 * says, unambiguously, about questions still to come ("one forest, about 12k users, PHS" answers three).
 *
 * The words are data (nlu/questionnaire.en.json, loaded by answerWords.ts); this is the mechanism: find the known
 * phrases, let negations and hedges reach the words after them in the same clause, read numbers, versions and years
 * with what bends them, and resolve each question's evidence. A question gets a value only when its evidence agrees;
 * otherwise it gets the candidates (the person is asked which) or nothing. Pure, bounded: a few passes over at most
 * MAX_SENTENCE_TOKENS tokens.
 */
import { ANSWER_KEYS, CUSTOMIZATION_NEEDS, OTHER_NEEDS, type AnswerKey, type Answers } from './answers';
import {
  CHOICE_NUMBER_WORDS,
  CLAUSE_WORDS,
  CONTRAST_WORDS,
  CORRECTIONS,
  CORRECTIONS_OPENING,
  COUNT_SCOPES,
  COUNT_UNITS,
  COUNTS_BEFORE_SIZE,
  DEPARTED,
  DEPARTED_BACK,
  DEPARTED_BACK_WHEN_DENIED,
  REMOVED_BACK,
  REMOVED_PRONOUNS,
  SHORT_FORMS,
  DESCRIBING_WORDS,
  OTHER_THINGS,
  NO_LONGER_USED,
  ESTIMATE_WORDS,
  EXCEPTIONS,
  GROUP_WORDS,
  SINGLE_GROUP_WORDS,
  LEAVING,
  LEAVING_BACK,
  MARGIN_WORDS,
  MANY_WORDS,
  MIN_BARE_MEMBER_COUNT,
  MIN_OBJECT_COUNT,
  NEEDS_NOTHING,
  NEGATIONS,
  NOT_SURE,
  NOT_SURE_CHOSEN,
  OTHER_QUESTIONS,
  NO_FIRST,
  NUMBER_ARTICLES,
  REPORTS_ANSWER,
  REPORTED_OF,
  ONLY_WORDS,
  OBJECT_PARTS,
  ONE_WORDS,
  OTHER_COUNTED,
  PARTIAL_WORDS,
  PEOPLE_TO_OBJECTS,
  PAST_MARKERS,
  PLANNED,
  QUALIFIERS_AFTER,
  QUALIFIERS_BEFORE,
  QUESTION_OPENERS,
  QUESTION_WORDS,
  REACHABLE,
  REJECTED,
  REACHING_VERBS,
  TENTATIVE,
  FOR_NOW,
  UNREACHABLE,
  UNSURE_LINKS,
  UNSURE_LINK_REACH,
  VERSION_QUALIFIERS,
  VERSION_UNKNOWN_PARTS,
  WHOLE_DIRECTORY_PARTS,
  YEAR_MARKERS,
  YEAR_SPAN,
  YES_FIRST,
  type QuestionWords,
} from './answerWords';
import { NONE_VALUE, NOT_SURE_VALUE, QUESTIONS, questionApplies, type Question } from './questions';
import {
  bandsOf,
  findNumbers,
  loadNumberRecognizer,
  rangeOf,
  versionOf,
  versionRelation,
  type FoundNumber,
  type Qualifier,
  type Range,
} from './quantities';
import { PhraseTable, isClauseMark, sentenceTokens, type PhraseMatch } from './sentenceTokens';

/** How far a negation reaches: "we don't have a staging server" (the phrase starts 3 words later). */
const NEGATION_REACH = 4;
/** How far back "it" in a phrase of giving up reaches for what it names, within its sentence. */
const PRONOUN_REACH_BACK = 12;
/** How far back a rejection reaches for what it turns down: "hashes leaving the building was vetoed". */
const REJECTION_REACH_BACK = 6;
/** How far back from its noun a count may stand: "two separate AD forests". */
const COUNT_REACH = 3;
/** A bare number read as a count of forests (when no forest is named) is small. */
const MAX_BARE_SUBJECT_COUNT = 50;

type Unit = 'people' | 'objects' | 'members' | 'partial';
type Scope = 'domain' | 'total' | 'part' | 'sole';

type Meaning =
  | {
      readonly kind:
        | 'negation'
        | 'departed'
        | 'departedBack'
        | 'departedBackWhenDenied'
        | 'removedBack'
        | 'otherThing'
        | 'noLongerUsed'
        | 'needsNothing'
        | 'rejected'
        | 'leaving'
        | 'leavingBack'
        | 'planned'
        | 'past'
        | 'margin'
        | 'notSure'
        | 'notSureChosen'
        | 'otherQuestions'
        | 'yesFirst'
        | 'noFirst'
        | 'groupWord'
        | 'one'
        | 'many'
        | 'choiceNumber'
        | 'clauseWord'
        | 'reportsAnswer'
        | 'contrast'
        | 'or'
        | 'otherCounted'
        | 'estimate'
        | 'tentative'
        | 'forNow'
        | 'only'
        | 'countBeforeSize'
        | 'reportedOf'
        | 'exception'
        | 'singleGroup'
        | 'correction'
        | 'correctionOpening';
    }
  | {
      readonly kind: 'value';
      readonly question: AnswerKey;
      readonly value: string;
      readonly topical: boolean;
      readonly weak: boolean;
    }
  | { readonly kind: 'topic'; readonly question: AnswerKey; readonly topical: boolean; readonly whole: boolean }
  | { readonly kind: 'modifier'; readonly question: AnswerKey; readonly index: number }
  | { readonly kind: 'qualifierBefore'; readonly qualifier: Qualifier }
  | { readonly kind: 'qualifierAfter'; readonly qualifier: Qualifier }
  | { readonly kind: 'unit'; readonly unit: Unit }
  | { readonly kind: 'part'; readonly part: string }
  | { readonly kind: 'scope'; readonly scope: Scope }
  | { readonly kind: 'reach'; readonly reachable: boolean; readonly forward: boolean }
  | { readonly kind: 'subject'; readonly question: AnswerKey }
  | { readonly kind: 'name'; readonly question: AnswerKey }
  | { readonly kind: 'versionQualifier'; readonly direction: 'below' | 'above' }
  | { readonly kind: 'versionContext'; readonly question: AnswerKey }
  | { readonly kind: 'yearBefore'; readonly question: AnswerKey }
  | { readonly kind: 'yearAfter'; readonly question: AnswerKey };

type Kind = Meaning['kind'];

let phraseTable: PhraseTable<Meaning> | undefined;
let unsureTable: { names: PhraseTable<AnswerKey>; links: ReadonlySet<string> } | undefined;

/**
 * What each question asks about, as a reply names it when it does not know that part ("devices not sure"): a table of
 * its own, so these words never hide the answer words they overlap.
 */
function unsureNames(): { names: PhraseTable<AnswerKey>; links: ReadonlySet<string> } {
  if (unsureTable) return unsureTable;
  const entries = ANSWER_KEYS.flatMap((question) =>
    (QUESTION_WORDS[question].unsureOf ?? []).map((phrase) => [phrase, question] as const),
  );
  unsureTable = {
    names: new PhraseTable(entries, sentenceTokens),
    links: new Set(UNSURE_LINKS.flatMap((link) => sentenceTokens(link))),
  };
  return unsureTable;
}

/** Every known phrase and what it means, built once from the word tables. */
function table(): PhraseTable<Meaning> {
  if (phraseTable) return phraseTable;
  const entries: Array<readonly [string, Meaning]> = [];
  const add = (words: readonly string[], meaning: Meaning) => {
    for (const word of words) entries.push([word, meaning]);
  };
  add(NEGATIONS, { kind: 'negation' });
  add(DEPARTED, { kind: 'departed' });
  add(DEPARTED_BACK, { kind: 'departedBack' });
  add(DEPARTED_BACK_WHEN_DENIED, { kind: 'departedBackWhenDenied' });
  add(REMOVED_BACK, { kind: 'removedBack' });
  add(OTHER_THINGS, { kind: 'otherThing' });
  add(NO_LONGER_USED, { kind: 'noLongerUsed' });
  add(NEEDS_NOTHING, { kind: 'needsNothing' });
  add(REJECTED, { kind: 'rejected' });
  add(LEAVING, { kind: 'leaving' });
  add(LEAVING_BACK, { kind: 'leavingBack' });
  // What comes after it is what comes next: "Connect is being replaced by Cloud Sync".
  add(LEAVING_BACK, { kind: 'planned' });
  add(PLANNED, { kind: 'planned' });
  add(PAST_MARKERS, { kind: 'past' });
  add(MARGIN_WORDS, { kind: 'margin' });
  add(NOT_SURE, { kind: 'notSure' });
  const chosen = NOT_SURE_CHOSEN.flatMap((before) => NOT_SURE.map((phrase) => `${before} ${phrase}`));
  add(chosen, { kind: 'notSure' });
  add(chosen, { kind: 'notSureChosen' });
  add(OTHER_QUESTIONS, { kind: 'otherQuestions' });
  add(YES_FIRST, { kind: 'yesFirst' });
  add(NO_FIRST, { kind: 'noFirst' });
  add(GROUP_WORDS, { kind: 'groupWord' });
  add(SINGLE_GROUP_WORDS, { kind: 'singleGroup' });
  add(ONE_WORDS, { kind: 'one' });
  add(MANY_WORDS, { kind: 'many' });
  add(CHOICE_NUMBER_WORDS, { kind: 'choiceNumber' });
  add(CLAUSE_WORDS, { kind: 'clauseWord' });
  add(REPORTS_ANSWER, { kind: 'reportsAnswer' });
  add(REPORTED_OF, { kind: 'reportedOf' });
  add(CONTRAST_WORDS, { kind: 'contrast' });
  add(['or'], { kind: 'or' });
  add(OTHER_COUNTED, { kind: 'otherCounted' });
  add(ESTIMATE_WORDS, { kind: 'estimate' });
  add(TENTATIVE, { kind: 'tentative' });
  add(FOR_NOW, { kind: 'forNow' });
  add(ONLY_WORDS, { kind: 'only' });
  add(COUNTS_BEFORE_SIZE, { kind: 'countBeforeSize' });
  add(EXCEPTIONS, { kind: 'exception' });
  add(CORRECTIONS, { kind: 'correction' });
  add(CORRECTIONS_OPENING, { kind: 'correctionOpening' });
  for (const [word, qualifier] of QUALIFIERS_BEFORE) add([word], { kind: 'qualifierBefore', qualifier });
  for (const [word, qualifier] of QUALIFIERS_AFTER) add([word], { kind: 'qualifierAfter', qualifier });
  for (const [word, unit] of COUNT_UNITS) add([word], { kind: 'unit', unit });
  for (const [word, part] of OBJECT_PARTS) add([word], { kind: 'part', part });
  for (const [word, scope] of COUNT_SCOPES) add([word], { kind: 'scope', scope });
  add(REACHABLE, { kind: 'reach', reachable: true, forward: false });
  add(REACHING_VERBS, { kind: 'reach', reachable: true, forward: true });
  add(UNREACHABLE, { kind: 'reach', reachable: false, forward: false });
  for (const [word, direction] of VERSION_QUALIFIERS) add([word], { kind: 'versionQualifier', direction });
  for (const question of ANSWER_KEYS) {
    const words: QuestionWords = QUESTION_WORDS[question];
    for (const [value, named] of Object.entries(words.values)) {
      const weak = new Set(named.weak ?? []);
      for (const [phrases, topical] of [
        [named.topical ?? [], true],
        [named.asked ?? [], false],
      ] as const) {
        add(
          phrases.filter((phrase) => !weak.has(phrase)),
          { kind: 'value', question, value, topical, weak: false },
        );
        add(
          phrases.filter((phrase) => weak.has(phrase)),
          { kind: 'value', question, value, topical, weak: true },
        );
      }
    }
    if (words.topic) {
      add(words.topic.words, { kind: 'topic', question, topical: words.topic.topical ?? false, whole: false });
      add(words.topic.whole ?? [], { kind: 'topic', question, topical: true, whole: true });
    }
    (words.modifiers ?? []).forEach((modifier, index) => add(modifier.words, { kind: 'modifier', question, index }));
    if (words.reach) {
      const subject: Meaning = { kind: 'subject', question };
      add(words.reach.subjects, subject);
      // A value's phrase that holds a subject ("every domain") names that subject too, or the longer phrase hides it.
      const subjectWords = new Set(words.reach.subjects.flatMap((phrase) => sentenceTokens(phrase)));
      const phrases = [
        ...Object.values(words.values).flatMap((named) => [...(named.topical ?? []), ...(named.asked ?? [])]),
        ...COUNT_SCOPES.filter(([, scope]) => scope === 'sole').map(([phrase]) => phrase),
      ];
      for (const phrase of phrases)
        if (sentenceTokens(phrase).some((token) => subjectWords.has(token))) add([phrase], subject);
    }
    if (words.names) add(words.names, { kind: 'name', question });
    if (words.versions) add(words.versions.context, { kind: 'versionContext', question });
    if (words.years) {
      add(words.years.before, { kind: 'yearBefore', question });
      add(words.years.after, { kind: 'yearAfter', question });
    }
  }
  phraseTable = new PhraseTable(entries, sentenceTokens, true);
  return phraseTable;
}

/** A count of one part of a directory (users, computers, groups, contacts), for a breakdown. */
interface Part {
  readonly part: string;
  readonly range: Range;
  readonly scope: Scope;
  readonly sentence: number;
  readonly at: number;
  /** Where its unit ("users", "computers") starts. */
  readonly unitAt: number;
}

/** One piece of evidence: the values it allows, and the stretch of the sentence it was found in. */
interface Piece {
  readonly values: readonly string[];
  readonly segment: number;
  /** From a word that only hints at the value: it gives way to any other evidence. */
  readonly weak?: boolean;
  /** Where the word that names it starts. */
  readonly at?: number;
  /** Named under a guess ("I think", "maybe"): it does not turn a firm answer into another one. */
  readonly tentative?: boolean;
  /** Where the words or the number it was read from start (see readCorrections). */
  readonly from?: number;
}

/** What the sentence says about one question. */
interface Evidence {
  readonly pieces: Piece[];
  readonly denied: Set<string>;
  /**
   * The segment each value is denied in, for a denial that may be taken back by what follows "but" or a full stop (see
   * undenied); Infinity for one that lasts.
   */
  readonly deniedIn: Map<string, Set<number>>;
  /** The modifiers found in each segment (see Scan.segment). */
  readonly modifiers: Map<number, Set<number>>;
  topicDenied: boolean;
  /**
   * The sentence answers the whole multi-select question with none of its options, for a later question too: denied
   * whole ("we don't customize at all"), or only what is none of them ("we filter only by OU").
   */
  wholeNone?: boolean;
  notSure: boolean;
  /** Values named under a hedge ("can't remember if it is by attribute or by group"), where they were named. */
  hedgedValues?: Array<{ readonly value: string; readonly at: number }>;
  /** Hedged values with "or" between them: the person knows it is one of these, not which. */
  hedgedAlternatives?: string[];
  /** "Put me down as unsure": not sure is the answer chosen, over any value named. */
  notSureChosen?: boolean;
  /** Values named as alternatives ("hybrid join, or maybe certificate trust"): one of them, not both together. */
  alternatives?: boolean;
  /** "Not sure" said right on what the question asks about ("devices not sure"): an answer, for a later question too. */
  unsureNamed?: boolean;
  /** An option named as removed or no longer used ("we had custom rules but ripped them out"), not merely denied. */
  givenUp?: boolean;
}

/** The reading of the question asked: a value, several candidates (ask which), or nothing. */
export type AskedReading =
  | { readonly kind: 'value'; readonly value: Answers[AnswerKey] }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[] }
  | { readonly kind: 'none' };

export interface SentenceReading {
  readonly asked: AskedReading;
  /** Answers to single-choice questions still open that apply: unambiguous, never "not sure". */
  readonly also: Partial<Answers>;
  /** Options named for multi-select questions still open: part of an answer, to be confirmed when asked. */
  readonly mentioned: Partial<Record<AnswerKey, readonly string[]>>;
  /** Questions answered earlier that the sentence answers differently; their answers stand. */
  readonly conflicts: readonly AnswerKey[];
}

/** Builds the phrase table and loads the number recognizer ahead of the first sentence (a server does this at start). */
export function prepareSentenceReader(): void {
  table();
  unsureNames();
  loadNumberRecognizer();
}

/** Reads `text` as a reply to `asked`, with the answers given so far. The caller bounds the text (typedText.ts). */
export function readSentence(asked: Question, text: string, answers: Partial<Answers>): SentenceReading {
  const tokens = sentenceTokens(text).map((token) => SHORT_FORMS.get(token) ?? token);
  const scan = new Scan(tokens, asked, answers);
  scan.readWords();
  scan.readNumbers();
  scan.readVersions();
  scan.readYears();
  scan.readReach();
  scan.readChoiceNumber();
  scan.readLeadingWord();
  scan.readLabels();
  scan.readCorrections();
  scan.readAlternatives();
  scan.readUnsureOf();
  scan.settleHedge();
  return settle(asked, answers, scan);
}

class Scan {
  readonly matches: PhraseMatch<Meaning>[];
  /** Clause number of each token: punctuation and words like "and", "but" start a new clause. */
  readonly clause: number[] = [];
  /** Segment number of each token: only words of contrast ("but") start a new one. Modifiers reach within it. */
  readonly segment: number[] = [];
  /** Sentence number of each token: a full stop, "!", "?" or ";" ends one. */
  readonly sentence: number[] = [];
  readonly negated: boolean[];
  readonly departed: boolean[];
  /** Tokens of a thing no longer used or needed ("we don't use it any more"): given up, unless it is held (a role). */
  readonly unused: boolean[];
  readonly rejected: boolean[];
  readonly leaving: boolean[];
  readonly planned: boolean[];
  readonly hedged: boolean[];
  /** Tokens after a guess ("I think", "maybe"), in its stretch of the sentence (see segment). */
  readonly tentative: boolean[];
  readonly evidence = new Map<AnswerKey, Evidence>();
  /** The piece each count gave a question, and where the count stands (see allowCount). */
  private readonly countPieces = new Map<AnswerKey, Array<{ readonly at: number; readonly piece: Piece }>>();
  private readonly startingAt = new Map<number, PhraseMatch<Meaning>>();
  private readonly endingAt = new Map<number, PhraseMatch<Meaning>>();
  private numbers: FoundNumber[] = [];
  private hedgedSomething = false;

  /** Tokens of a sentence that asks something back ("what is staging mode?"): they answer nothing. */
  readonly asking: boolean[];
  /** Labels ("devices: none", "EA: no"): the question the label before its colon names, for each token of its line. */
  readonly labeled: Array<AnswerKey | undefined>;
  private readonly labels: Array<{ readonly question: AnswerKey; readonly start: number; readonly colon: number }> = [];

  constructor(
    readonly tokens: readonly string[],
    readonly asked: Question,
    private readonly answers: Partial<Answers>,
  ) {
    this.asking = questionSentences(tokens);
    // A hedge inside a question still says the person does not know ("how do I find out?").
    this.matches = table()
      .findAll(tokens)
      .filter((match) => !this.asking[match.start] || has(match, 'notSure'));
    for (const match of this.matches) {
      this.startingAt.set(match.start, match);
      this.endingAt.set(match.end, match);
    }
    this.labeled = tokens.map(() => undefined);
    for (const name of unsureNames().names.findAll(tokens)) {
      if (tokens[name.end] !== ':' || name.meanings.length !== 1 || this.asking[name.start]) continue;
      this.labels.push({ question: name.meanings[0], start: name.start, colon: name.end });
      for (let i = name.end + 1; i < tokens.length && !isSentenceEnd(tokens[i]); i++)
        this.labeled[i] = name.meanings[0];
    }
    let clause = 0;
    let segment = 0;
    let sentence = 0;
    for (let i = 0; i < tokens.length; i++) {
      this.sentence.push(sentence);
      if (isSentenceEnd(tokens[i])) sentence += 1;
      const match = this.startingAt.get(i);
      if (isClauseMark(tokens[i]) || (match && has(match, 'clauseWord'))) clause += 1;
      if ((match && has(match, 'contrast')) || isSentenceEnd(tokens[i])) segment += 1;
      this.clause.push(clause);
      this.segment.push(segment);
    }
    this.negated = this.reach('negation', NEGATION_REACH, (match) => !this.isLeadingNo(match));
    this.denyTopicBefore('needsNothing', NEGATION_REACH);
    this.denyAnsweredNo();
    // A move reaches only what it moves: "replace ADFS with password hash sync" does not replace both.
    this.departed = this.reach('departed', NEGATION_REACH, undefined, true);
    // "The old AAD Connect box was decommissioned": a move done also reaches back to what it names.
    this.reachBack(this.departed, 'departed', NEGATION_REACH);
    // "We had Connect but ripped it out": a removal said of "it" reaches back past "but" to what it names.
    this.removedBack();
    this.unused = this.tokens.map(() => false);
    this.reachBack(this.unused, 'departedBack', PRONOUN_REACH_BACK, true);
    this.reachBack(
      this.unused,
      'departedBackWhenDenied',
      PRONOUN_REACH_BACK,
      true,
      (match) => this.negated[match.start],
    );
    this.reachBack(this.unused, 'noLongerUsed', NEGATION_REACH);
    this.rejected = this.reach('rejected', NEGATION_REACH, undefined, true);
    this.reachBack(this.rejected, 'rejected', REJECTION_REACH_BACK);
    this.leaving = this.reach('leaving', NEGATION_REACH, undefined, true);
    // "ADFS is going away": a move away said after what it leaves.
    this.reachBack(this.leaving, 'leavingBack', NEGATION_REACH);
    this.planned = this.reach('planned', NEGATION_REACH, undefined, true);
    this.hedged = this.reach('notSure', tokens.length);
    // A guess reaches past "and" and "also" to the end of its stretch of the sentence: "I think someone also set up X".
    this.tentative = tokens.map(() => false);
    for (const match of this.matches.filter((candidate) => has(candidate, 'tentative')))
      for (let i = match.end; i < tokens.length && this.segment[i] === this.segment[match.start]; i++)
        this.tentative[i] = true;
  }

  /**
   * Tokens after each phrase of `kind`, up to `distance` of them, in its clause; "or" and "nor" carry it further ("we
   * don't need exchange hybrid or HA"). With `firstOnly`, it stops at the first answer word.
   */
  private reach(
    kind: Kind,
    distance: number,
    applies: (match: PhraseMatch<Meaning>) => boolean = () => true,
    firstOnly = false,
  ): boolean[] {
    const marked = this.tokens.map(() => false);
    for (const match of this.matches) {
      if (!has(match, kind) || !applies(match)) continue;
      let limit = match.end + distance;
      for (let i = match.end; i < this.tokens.length && i < limit && this.clause[i] === this.clause[match.start]; i++) {
        marked[i] = true;
        const word = this.startingAt.get(i);
        if (firstOnly && word && (has(word, 'value') || has(word, 'topic'))) break;
        if (!firstOnly && (this.tokens[i] === 'or' || this.tokens[i] === 'nor'))
          limit = Math.min(i + 1 + distance, this.tokens.length);
      }
    }
    return marked;
  }

  /**
   * Marks the nearest answer word before each phrase of `kind`, within `distance` tokens and its clause (or, for a phrase
   * that says "it", its sentence).
   */
  private reachBack(
    marked: boolean[],
    kind: Kind,
    distance: number,
    inSentence = false,
    applies: (match: PhraseMatch<Meaning>) => boolean = () => true,
  ): void {
    for (const match of this.matches) {
      if (!has(match, kind) || !applies(match)) continue;
      const candidates = [...this.matches].reverse().filter(
        (word) =>
          word.end <= match.start &&
          word.start >= match.start - distance &&
          (inSentence
            ? this.sentence[word.start] === this.sentence[match.start]
            : this.clause[word.start] === this.clause[match.start]) &&
          (has(word, 'value') || has(word, 'topic')) &&
          // "we don't use it any more": the negation before the phrase is no thing given up.
          !has(word, 'negation'),
      );
      const named = inSentence ? this.referent(candidates) : candidates[0];
      if (named) for (let i = named.start; i < named.end; i++) marked[i] = true;
    }
  }

  /**
   * A removal said of "it" ("we had Connect years ago but ripped it out") denies what "it" stands for: the nearest
   * thing named before it in its sentence, past "but" and "and"; when that is something no question asks about ("the
   * old server, we ripped it out"), nothing is denied.
   */
  private removedBack(): void {
    for (const match of this.matches) {
      const ofPronoun = has(match, 'departed') && REMOVED_PRONOUNS.has(this.tokens[match.end] ?? '');
      if (!has(match, 'removedBack') && !ofPronoun) continue;
      const candidates = [...this.matches]
        .reverse()
        .filter(
          (word) =>
            word.end <= match.start &&
            word.start >= match.start - PRONOUN_REACH_BACK &&
            this.sentence[word.start] === this.sentence[match.start] &&
            (has(word, 'value') || has(word, 'topic') || this.isOtherThing(word)),
        );
      // Something no question asks about, nearest, is what was removed ("the old server, we ripped it out").
      const named = candidates[0] && this.isOtherThing(candidates[0]) ? undefined : this.referent(candidates);
      if (!named || !(has(named, 'value') || has(named, 'topic'))) continue;
      for (let i = named.start; i < named.end; i++) this.departed[i] = true;
    }
  }

  /**
   * What "it" or "them" stands for, from the words before it, nearest first: the nearest, unless it only names what an
   * earlier reply already answered and a word of the question asked is within reach ("we had custom rules in the old
   * Connect but ripped them out", asked about customization once Connect is answered, removed the rules).
   */
  private referent(candidates: readonly PhraseMatch<Meaning>[]): PhraseMatch<Meaning> | undefined {
    const questions = (word: PhraseMatch<Meaning>) =>
      word.meanings.flatMap((meaning) =>
        meaning.kind === 'value' || meaning.kind === 'topic' ? [meaning.question] : [],
      );
    const nearest = candidates[0];
    const answeredOnly =
      nearest !== undefined &&
      questions(nearest).length > 0 &&
      questions(nearest).every((question) => question !== this.asked.id && this.answers[question] !== undefined);
    if (!answeredOnly) return nearest;
    return candidates.find((word) => questions(word).includes(this.asked.id)) ?? nearest;
  }

  /** Whether a phrase is a word that can describe a thing (DESCRIBING_WORDS), with such a thing named right after it. */
  private namesOtherThingNext(match: PhraseMatch<Meaning>): boolean {
    if (!DESCRIBING_WORDS.has(this.tokens.slice(match.start, match.end).join(' '))) return false;
    const next = this.startingAt.get(match.end);
    return next !== undefined && has(next, 'otherThing') && !has(next, 'value') && !has(next, 'topic');
  }

  /** A thing no question asks about, not right after an answer word that it is part of the name of. */
  private isOtherThing(word: PhraseMatch<Meaning>): boolean {
    if (!has(word, 'otherThing')) return false;
    const before = this.endingAt.get(word.start);
    return !(before && (has(before, 'value') || has(before, 'topic')));
  }

  /** Marks as negated the nearest topic word before each phrase of `kind`, within `distance` tokens and its clause. */
  private denyTopicBefore(kind: Kind, distance: number): void {
    for (const match of this.matches) {
      if (!has(match, kind)) continue;
      const topic = [...this.matches]
        .reverse()
        .find(
          (word) =>
            word.end <= match.start &&
            word.start >= match.start - distance &&
            this.clause[word.start] === this.clause[match.start] &&
            has(word, 'topic'),
        );
      if (topic) for (let i = topic.start; i < topic.end; i++) this.negated[i] = true;
    }
  }

  /**
   * "Custom rules yes, group filtering no", "group filtering: no": a choice followed by a no that ends its clause is
   * denied, as a no after a label is (see readLabels).
   */
  private denyAnsweredNo(): void {
    for (const match of this.matches) {
      if (!has(match, 'value')) continue;
      const at = this.tokens[match.end] === ':' ? match.end + 1 : match.end;
      const word = this.startingAt.get(at);
      if (!word) continue;
      const no = (word.end === word.start + 1 && this.tokens[word.start] === 'no') || has(word, 'noFirst');
      const next = this.tokens[word.end];
      if (!no || (next !== undefined && !isClauseMark(next))) continue;
      // The words of one name, next to each other ("group filter no"), are denied together.
      let from = match.start;
      for (let before = this.endingAt.get(from); before && has(before, 'value'); before = this.endingAt.get(from))
        from = before.start;
      for (let i = from; i < match.end; i++) this.negated[i] = true;
    }
  }

  /** "No" first and alone in its clause ("no, just the one server") answers; "no devices" denies. */
  isLeadingNo(match: PhraseMatch<Meaning>): boolean {
    return match.start === 0 && this.tokens[0] === 'no' && (this.tokens.length === 1 || isClauseMark(this.tokens[1]));
  }

  /** Evidence may be recorded for `question`: always for the question asked, else only from words that name it. */
  private evidenceFor(question: AnswerKey): Evidence {
    let evidence = this.evidence.get(question);
    if (!evidence) {
      evidence = {
        pieces: [],
        denied: new Set(),
        deniedIn: new Map(),
        modifiers: new Map(),
        topicDenied: false,
        notSure: false,
      };
      this.evidence.set(question, evidence);
    }
    return evidence;
  }

  /** Records `value` as denied at token `at`; unless `lasting`, only up to the end of its segment. */
  private deny(question: AnswerKey, value: string, at: number, lasting = true): void {
    const evidence = this.evidenceFor(question);
    evidence.denied.add(value);
    const segments = evidence.deniedIn.get(value) ?? new Set<number>();
    evidence.deniedIn.set(value, segments.add(lasting ? Infinity : (this.segment[at] ?? 0)));
  }

  private allows(question: AnswerKey, topical: boolean): boolean {
    return topical || question === this.asked.id;
  }

  /** Records evidence found at token `at`; behind "not sure" it only says that this question is not known. */
  private allow(question: AnswerKey, topical: boolean, values: readonly string[], at: number): void {
    if (values.length === 0 || !this.allows(question, topical) || this.asking[at]) return;
    if (this.hedged[at]) {
      this.evidenceFor(question).notSure = true;
      this.hedgedSomething = true;
      return;
    }
    this.evidenceFor(question).pieces.push({ values: [...values], segment: this.segment[at] ?? 0, from: at });
  }

  /**
   * A "not sure" that reached nothing in particular is about the question asked; one chosen as the answer is its answer.
   */
  settleHedge(): void {
    // "PHS, not sure about the rest": a doubt about the questions still to come leaves the one answered alone.
    const evidence = this.evidence.get(this.asked.id);
    const answered = evidence !== undefined && (evidence.pieces.length > 0 || evidence.denied.size > 0);
    const hedges = this.matches.filter(
      (match) => has(match, 'notSure') && !(answered && this.aboutOtherQuestions(match)),
    );
    if (hedges.some((match) => has(match, 'notSureChosen') || this.opensAlone(match)))
      this.evidenceFor(this.asked.id).notSureChosen = true;
    if (!this.hedgedSomething && hedges.length > 0) this.evidenceFor(this.asked.id).notSure = true;
  }

  /**
   * "Not sure, there are two servers and I don't know what the second one does": a hedge that makes up the reply's first
   * clause is its answer; what follows is why.
   */
  private opensAlone(match: PhraseMatch<Meaning>): boolean {
    const next = this.tokens[match.end];
    return this.clause[match.start] === this.clause[0] && (next === undefined || isClauseMark(next));
  }

  /**
   * "Devices not sure", "not sure about group sizes": a hedge said right on what a question asks about, with at most a
   * few linking words between, in its clause, is that question's "not sure" (a single-choice question's).
   */
  readUnsureOf(): void {
    const { names, links } = unsureNames();
    const found = names.findAll(this.tokens);
    for (const hedge of this.matches) {
      if (!has(hedge, 'notSure') || this.aboutOtherQuestions(hedge)) continue;
      let after = hedge.end;
      while (after < hedge.end + UNSURE_LINK_REACH && links.has(this.tokens[after] ?? '')) after += 1;
      let before = hedge.start;
      while (before > hedge.start - UNSURE_LINK_REACH && links.has(this.tokens[before - 1] ?? '')) before -= 1;
      const named = found.filter(
        (name) =>
          (name.start === after || name.end === before) &&
          this.clause[name.start] === this.clause[hedge.start] &&
          !this.asking[name.start],
      );
      for (const name of named)
        for (const question of name.meanings) {
          if (QUESTIONS.find((candidate) => candidate.id === question)?.multi) continue;
          const evidence = this.evidenceFor(question);
          evidence.notSure = true;
          evidence.unsureNamed = true;
          this.hedgedSomething = true;
        }
    }
  }

  /** Whether a hedge is said of the other questions: "not sure about the rest". */
  private aboutOtherQuestions(match: PhraseMatch<Meaning>): boolean {
    const next = this.startingAt.get(match.end);
    return next !== undefined && has(next, 'otherQuestions');
  }

  /** Value words, topic words and modifiers, with the negations, departures and hedges that reach them. */
  readWords(): void {
    for (const match of this.matches) {
      for (const meaning of match.meanings) {
        if (meaning.kind !== 'value' && meaning.kind !== 'topic' && meaning.kind !== 'modifier') continue;
        const question = meaning.question;
        if (meaning.kind === 'modifier') {
          const modifier = QUESTION_WORDS[question].modifiers![meaning.index];
          if ((this.negated[match.start] ?? false) !== (modifier.whenDenied ?? false)) continue;
          // Under a hedge it says nothing: "filtering, can't remember if by attribute or by group".
          if (this.hedged[match.start]) continue;
          const modifiers = this.evidenceFor(question).modifiers;
          const sentence = this.sentence[match.start];
          // Most reach their stretch of the sentence; some reach past its "but" ("a 90k group, but we don't sync it").
          const segments = modifier.wholeSentence
            ? new Set(this.segment.filter((_, i) => this.sentence[i] === sentence))
            : [this.segment[match.start]];
          for (const segment of segments)
            modifiers.set(segment, (modifiers.get(segment) ?? new Set()).add(meaning.index));
          continue;
        }
        const named = meaning.topical || this.describesName(match, question) || this.labeled[match.start] === question;
        if (!this.allows(question, named)) continue;
        // "Both forests", "a new server": a word that answers only when said on its own (DESCRIBING_WORDS) describes the
        // thing named right after it.
        if (meaning.kind === 'value' && !named && this.namesOtherThingNext(match)) continue;
        if (this.hedged[match.start]) {
          // "Not sure if the second server is in staging": that question is the one not known.
          const evidence = this.evidenceFor(question);
          evidence.notSure = true;
          if (meaning.kind === 'value') (evidence.hedgedValues ??= []).push({ value: meaning.value, at: match.start });
          this.hedgedSomething = true;
          continue;
        }
        // A question about today reads "moving off Connect" as Connect running, and "moving to Cloud Sync" as not yet.
        const today = QUESTION_WORDS[question].aboutToday ?? false;
        const denied =
          this.negated[match.start] ||
          this.departed[match.start] ||
          (this.unused[match.start] && !QUESTION_WORDS[question].heldWhenUnused) ||
          this.rejected[match.start] ||
          (today ? this.planned[match.start] : this.leaving[match.start]);
        if (meaning.kind === 'topic') {
          if (denied) this.evidenceFor(question).topicDenied = true;
          if (denied && meaning.whole) this.evidenceFor(question).wholeNone = true;
          continue;
        }
        // A value taken away ("the EA account was deleted") or denied for now only ("nobody has EA right now") may come
        // back after a word of contrast ("but we can get a new one"); any other denial lasts.
        if (denied)
          this.deny(
            question,
            meaning.value,
            match.start,
            !(
              this.departed[match.start] ||
              this.unused[match.start] ||
              this.inSegment(this.segment[match.start], 'forNow')
            ),
          );
        else if (meaning.value === NONE_VALUE && this.saysOnly(match)) this.evidenceFor(question).wholeNone = true;
        if (denied && (this.departed[match.start] || this.unused[match.start]))
          this.evidenceFor(question).givenUp = true;
        if (!denied)
          this.evidenceFor(question).pieces.push({
            values: [meaning.value],
            segment: this.segment[match.start],
            // Said of the past ("we had ADFS years ago"), it gives way to what is said of today.
            weak: meaning.weak || this.inClause(this.clause[match.start], 'past'),
            at: match.start,
            tentative: this.tentative[match.start],
            from: match.start,
          });
      }
    }
  }

  /** Whether "only" or "just" stands right before a phrase, in its clause: "we filter only by OU". */
  private saysOnly(match: PhraseMatch<Meaning>): boolean {
    return this.anyEndingWithin(match.start, 2, (meaning) => meaning.kind === 'only');
  }

  /**
   * "Cloud Sync. Sorry, no, that was the pilot. It's Connect": a question answered again after words that take back
   * what was said keeps only what came after them; a question not answered again keeps what it had.
   */
  readCorrections(): void {
    const corrections = this.matches.filter((match) => !this.asking[match.start] && this.takesBack(match));
    for (const correction of corrections)
      for (const evidence of this.evidence.values()) {
        const after = (piece: Piece) => piece.from !== undefined && piece.from >= correction.end;
        if (!evidence.pieces.some(after)) continue;
        for (let i = evidence.pieces.length - 1; i >= 0; i--)
          if (!after(evidence.pieces[i])) evidence.pieces.splice(i, 1);
      }
  }

  /** A correction anywhere, or one that opens a sentence after the first and ends its clause ("90k. No, …"). */
  private takesBack(match: PhraseMatch<Meaning>): boolean {
    if (has(match, 'correction')) return true;
    if (!has(match, 'correctionOpening') || match.start === 0 || !isSentenceEnd(this.tokens[match.start - 1]))
      return false;
    const next = this.tokens[match.end];
    return next === undefined || isClauseMark(next);
  }

  /** Values of one question with "or" between them, in one sentence, are alternatives. */
  readAlternatives(): void {
    for (const evidence of this.evidence.values()) {
      const named = evidence.pieces.filter((piece) => piece.at !== undefined).sort((a, b) => a.at! - b.at!);
      for (let i = 1; i < named.length; i++) {
        const [from, to] = [named[i - 1].at!, named[i].at!];
        if (this.sentence[from] !== this.sentence[to] || named[i - 1].values[0] === named[i].values[0]) continue;
        if (this.tokens.slice(from, to).includes('or')) evidence.alternatives = true;
      }
      // "Not sure if it is PHS or PTA": one of those, so the person is asked which rather than recorded as not knowing.
      const hedged = evidence.hedgedValues ?? [];
      for (let i = 1; i < hedged.length; i++) {
        const [from, to] = [hedged[i - 1], hedged[i]];
        if (this.sentence[from.at] !== this.sentence[to.at] || from.value === to.value) continue;
        if (!this.tokens.slice(from.at, to.at).includes('or')) continue;
        evidence.hedgedAlternatives = [...new Set([...(evidence.hedgedAlternatives ?? []), from.value, to.value])];
      }
    }
  }

  /** Whether a phrase stands right before one of `question`'s nouns, so describes it: "latest build", "huge groups". */
  private describesName(match: PhraseMatch<Meaning>, question: AnswerKey): boolean {
    const next = this.startingAt.get(match.end);
    return next !== undefined && next.meanings.some((m) => m.kind === 'name' && m.question === question);
  }

  /** Counts: objects in a domain or in total, members of a group. */
  readNumbers(): void {
    this.numbers = findNumbers(this.tokens).filter((number) => !this.isYear(number));
    const askedCounts = QUESTION_WORDS[this.asked.id].counts;
    const parts: Part[] = [];
    for (const number of this.numbers) {
      if (!Number.isInteger(number.value)) continue;
      const clause = this.clause[number.start];
      // "give or take a few hundred": a margin of the count before it.
      if (this.endingAt.get(number.start)?.meanings.some((meaning) => meaning.kind === 'margin')) continue;
      const before = this.qualifierBefore(number);
      // A unit may stand before its number when none follows right after it: "users 60k plus computers 50k" (the unit
      // one word on, "computers", is the next number's).
      const unitMatch =
        this.meaningNear(number.end, 'unit', 0) ??
        this.unitBefore(number.start) ??
        this.meaningNear(number.end, 'unit', 1) ??
        this.labelUnit(number.start);
      const unit = unitMatch?.meaning.unit;
      const after = this.qualifierAfter(unitMatch ? unitMatch.match.end : number.end);
      const qualifier = before?.qualifier ?? after ?? (this.estimated(number.start) ? 'about' : undefined);
      const negated = this.negated[before?.start ?? number.start] ?? false;
      const range =
        number.upTo === undefined
          ? rangeOf(number.value, qualifier, negated)
          : { low: number.value, high: number.upTo };
      // A number right after a count is the size of each thing counted: "5 10k groups", "a couple of 70k groups" are
      // groups of that many members.
      const sized =
        this.numbers.some((other) => other.end === number.start && Number.isInteger(other.value)) ||
        this.endingAt.get(number.start)?.meanings.some((meaning) => meaning.kind === 'countBeforeSize') === true;
      const next = this.startingAt.get(number.end);
      const sizedGroup =
        (sized && next !== undefined && has(next, 'groupWord')) ||
        (next !== undefined && has(next, 'singleGroup') && number.value >= MIN_BARE_MEMBER_COUNT);
      // A number right before another one that is not its range counts things of that size: "4 80000 member lists".
      if (
        (this.countsSomethingElse(number.end) && !sizedGroup) ||
        this.numbers.some((other) => other.start === number.end)
      )
        continue;
      const inGroupClause = this.inClause(clause, 'groupWord');
      // A small number with no unit beside a group counts groups, not members: "except one with 75k members".
      if (inGroupClause && unit === undefined && !sized && number.value < MIN_BARE_MEMBER_COUNT) continue;
      if (unit === 'members' || (inGroupClause && (unit === undefined || unit === 'people' || sized))) {
        this.countMembers(range, true, number.start);
        continue;
      }
      // Asked about group sizes, people counted in the clause right after one group named ("one giant group with
      // everybody in it, like 85k people") are its members; after groups in general, or a group denied ("no group is that
      // big"), they are the company's.
      if (
        unit === 'people' &&
        askedCounts?.of === 'members' &&
        clause > 0 &&
        this.sentence[this.clause.indexOf(clause - 1)] === this.sentence[number.start] &&
        this.matches.some(
          (match) => this.clause[match.start] === clause - 1 && has(match, 'singleGroup') && !this.negated[match.start],
        )
      ) {
        this.countMembers(range, false, number.start);
        continue;
      }
      if (unit === undefined && askedCounts?.of === 'members') {
        if (number.value >= MIN_BARE_MEMBER_COUNT) this.countMembers(range, false, number.start);
        continue;
      }
      if (number.value < MIN_OBJECT_COUNT) continue;
      if (unit === undefined && askedCounts?.of !== 'objects') continue;
      const scopeMatch = this.firstInClause(clause, 'scope') ?? this.labelScope(number.start);
      const scope: Scope =
        scopeMatch?.scope ?? (askedCounts?.of === 'objects' ? (askedCounts.scope ?? 'total') : 'total');
      const part = unitMatch?.match.meanings.find((m): m is Extract<Meaning, { kind: 'part' }> => m.kind === 'part');
      if (part)
        parts.push({
          part: part.part,
          range,
          scope,
          sentence: this.sentence[number.start],
          at: number.start,
          unitAt: unitMatch!.match.start,
        });
      const objects: Range =
        unit === 'people'
          ? { low: range.low, high: range.high * PEOPLE_TO_OBJECTS }
          : unit === 'partial'
            ? { low: range.low, high: Infinity }
            : range;
      this.countObjects(
        objects,
        scope === 'domain' && this.soleDomain() ? 'sole' : scope,
        unit !== undefined || scopeMatch !== undefined,
        number.start,
      );
    }
    this.countBreakdowns(parts);
  }

  /**
   * "~60k users, ~25k computers, ~8k groups": counts of different parts in one sentence add up to at least their sum,
   * and users, computers and groups together are the whole directory when nothing else is named without a count ("and
   * some contacts" may be any number). A part counted twice ("20k users here, 30k users there") or in different scopes
   * is not one breakdown, and neither are counts with a domain named between them.
   */
  private countBreakdowns(parts: readonly Part[]): void {
    const sentences = new Set(parts.map((part) => part.sentence));
    for (const sentence of sentences) {
      const listed = parts.filter((part) => part.sentence === sentence);
      const names = new Set(listed.map((part) => part.part));
      if (listed.length < 2 || names.size !== listed.length) continue;
      if (new Set(listed.map((part) => part.scope)).size !== 1) continue;
      const low = listed.reduce((sum, part) => sum + part.range.low, 0);
      // A domain named between two counts puts them in different domains ("70k users here, the other domain 40k PCs"):
      // together they are only a floor for the total.
      const [from, to] = [Math.min(...listed.map((part) => part.at)), Math.max(...listed.map((part) => part.at))];
      if (this.matches.some((match) => match.start > from && match.start < to && has(match, 'scope'))) {
        this.countObjects({ low, high: Infinity }, 'total', true, listed[0].at);
        continue;
      }
      const counted = new Set(listed.map((part) => part.unitAt));
      const uncounted = this.matches.some(
        (match) => this.sentence[match.start] === sentence && has(match, 'part') && !counted.has(match.start),
      );
      const whole = !uncounted && WHOLE_DIRECTORY_PARTS.every((name) => names.has(name));
      const high = whole ? listed.reduce((sum, part) => sum + part.range.high, 0) : Infinity;
      const scope = listed[0].scope;
      this.countObjects({ low, high }, scope === 'domain' && this.soleDomain() ? 'sole' : scope, true, listed[0].at);
    }
  }

  /** A unit right before a number, with no number before it: "users 60k", not "20k users 60k objects". */
  private unitBefore(
    at: number,
  ): { match: PhraseMatch<Meaning>; meaning: Extract<Meaning, { kind: 'unit' }> } | undefined {
    const match = this.endingAt.get(at);
    const meaning = match?.meanings.find((m): m is Extract<Meaning, { kind: 'unit' }> => m.kind === 'unit');
    if (!match || !meaning || this.numbers.some((number) => number.end === match.start)) return undefined;
    return { match, meaning };
  }

  /** Whether the sentence holding token `at` says its numbers are estimates ("I'd estimate", "more or less"). */
  private estimated(at: number): boolean {
    return this.matches.some((match) => has(match, 'estimate') && this.sentence[match.start] === this.sentence[at]);
  }

  /** "back in 2017", "the 2020 reorganisation": a year after a word that dates it, with nothing that makes it a count. */
  private isYear(number: FoundNumber): boolean {
    return (
      number.end === number.start + 1 &&
      /^\d{4}$/.test(this.tokens[number.start]) &&
      number.value >= YEAR_SPAN.from &&
      number.value <= YEAR_SPAN.to &&
      YEAR_MARKERS.has(this.tokens[number.start - 1] ?? '') &&
      this.meaningNear(number.end, 'unit', 1) === undefined &&
      this.qualifierAfter(number.end) === undefined
    );
  }

  /**
   * Bands that say something. A range that fits every band tells nothing about a later question; for the question
   * asked it is still a reply with a number, so the person is asked which band instead of being told it made no sense.
   */
  private informative(question: AnswerKey, bands: readonly string[], total: number): string[] {
    return bands.length < total || question === this.asked.id ? [...bands] : [];
  }

  /**
   * A count after a word of exception ("no group over 40k except one at 55k", "every group is under 20k apart from the
   * all-staff list at 70k") is the case the statement before it leaves out: for that question, the counts before the
   * exception in its sentence give way to it.
   */
  private allowCount(question: AnswerKey, topical: boolean, values: readonly string[], at: number): void {
    const before = this.evidence.get(question)?.pieces.length ?? 0;
    this.allow(question, topical, values, at);
    const pieces = this.evidence.get(question)?.pieces;
    if (!pieces || pieces.length === before) return;
    const counted = this.countPieces.get(question) ?? [];
    const sameSentence = counted.filter((entry) => entry.at < at && this.sentence[entry.at] === this.sentence[at]);
    const exception = this.matches.find(
      (match) =>
        has(match, 'exception') &&
        match.start < at &&
        this.sentence[match.start] === this.sentence[at] &&
        (sameSentence.some((entry) => entry.at < match.start) ||
          pieces.some((piece) => piece.at !== undefined && piece.at < match.start)) &&
        !sameSentence.some((entry) => entry.at > match.start),
    );
    if (exception) {
      // What the statement before it named gives way too: "nothing that big, apart from the all-staff list at 62k".
      const stated = new Set([
        ...sameSentence.map((entry) => entry.piece),
        ...pieces.filter(
          (piece) =>
            piece.at !== undefined && piece.at < exception.start && this.sentence[piece.at] === this.sentence[at],
        ),
      ]);
      for (let i = pieces.length - 1; i >= 0; i--) if (stated.has(pieces[i])) pieces.splice(i, 1);
    }
    this.countPieces.set(question, [...counted, { at, piece: pieces[pieces.length - 1] }]);
  }

  /**
   * The scope a label names for a number on its line: "largest domain: 45,000 objects", "objects in total: about 60k".
   * The colon opens the number's clause; the label is the clause before it, in its sentence.
   */
  private labelScope(at: number): Extract<Meaning, { kind: 'scope' }> | undefined {
    const label = this.labelClause(at);
    return label === undefined ? undefined : this.firstInClause(label, 'scope');
  }

  /** The unit a label names for the number on its line, when the number has none beside it: "objects in total: 60k". */
  private labelUnit(
    at: number,
  ): { match: PhraseMatch<Meaning>; meaning: Extract<Meaning, { kind: 'unit' }> } | undefined {
    const label = this.labelClause(at);
    if (label === undefined || this.numbers.some((number) => number.start < at && this.clause[number.start] === label))
      return undefined;
    for (const match of this.matches) {
      if (this.clause[match.start] !== label) continue;
      const meaning = match.meanings.find((m): m is Extract<Meaning, { kind: 'unit' }> => m.kind === 'unit');
      if (meaning) return { match, meaning };
    }
    return undefined;
  }

  /** The clause before the colon that opens the clause of token `at`, in its sentence: a label. */
  private labelClause(at: number): number | undefined {
    let first = at;
    while (first > 0 && this.clause[first - 1] === this.clause[at]) first -= 1;
    if (this.tokens[first] !== ':' || first === 0 || this.sentence[first - 1] !== this.sentence[at]) return undefined;
    return this.clause[first - 1];
  }

  /** "one DL", "two servers", "three forests": the number counts that thing. */
  private countsSomethingElse(at: number): boolean {
    const match = this.startingAt.get(at);
    return (
      match !== undefined &&
      (has(match, 'otherCounted') || has(match, 'groupWord') || has(match, 'subject') || has(match, 'yearAfter')) &&
      !has(match, 'unit')
    );
  }

  private countMembers(range: Range, topical: boolean, at: number): void {
    for (const question of ANSWER_KEYS) {
      const counts = QUESTION_WORDS[question].counts;
      if (counts?.of === 'members')
        this.allowCount(
          question,
          topical,
          this.informative(question, bandsOf(range, counts.bands), counts.bands.length),
          at,
        );
    }
  }

  /** "it's our only domain": said anywhere, and not denied, a count of the domain is the total too. */
  private soleDomain(): boolean {
    return this.matches.some(
      (match) =>
        !this.negated[match.start] &&
        match.meanings.some((meaning) => meaning.kind === 'scope' && meaning.scope === 'sole'),
    );
  }

  /**
   * A count of one domain says the total is at least that; a total says each domain is at most that. A count of the only
   * domain is both.
   */
  private countObjects(range: Range, scope: Scope, topical: boolean, at: number): void {
    for (const question of ANSWER_KEYS) {
      const counts = QUESTION_WORDS[question].counts;
      if (counts?.of !== 'objects') continue;
      const target = counts.scope ?? 'total';
      const seen: Range =
        scope === target || scope === 'sole'
          ? range
          : target === 'total'
            ? { low: range.low, high: Infinity }
            : { low: 0, high: range.high };
      this.allowCount(
        question,
        topical || QUESTION_WORDS[this.asked.id].counts?.of === 'objects',
        this.informative(question, bandsOf(seen, counts.bands), counts.bands.length),
        at,
      );
    }
  }

  /** "under 100k", "about 20k", "no group anywhere near 50k": the qualifier right before a number. */
  private qualifierBefore(number: FoundNumber): { qualifier: Qualifier; start: number } | undefined {
    const ends = NUMBER_ARTICLES.has(this.tokens[number.start - 1] ?? '')
      ? [number.start, number.start - 1]
      : [number.start];
    for (const end of ends) {
      const match = this.endingAt.get(end);
      const meaning = match?.meanings.find(
        (m): m is Extract<Meaning, { kind: 'qualifierBefore' }> => m.kind === 'qualifierBefore',
      );
      if (match && meaning) return { qualifier: meaning.qualifier, start: match.start };
    }
    return undefined;
  }

  /** "100k or more", "20k users or so". */
  private qualifierAfter(at: number): Qualifier | undefined {
    const match = this.startingAt.get(at);
    return match?.meanings.find((m): m is Extract<Meaning, { kind: 'qualifierAfter' }> => m.kind === 'qualifierAfter')
      ?.qualifier;
  }

  /** A phrase of `kind` starting at `at`, or after at most `skip` other tokens ("20k AD users", "300,000 directory objects"). */
  private meaningNear<K extends Kind>(
    at: number,
    kind: K,
    skip: number,
  ): { match: PhraseMatch<Meaning>; meaning: Extract<Meaning, { kind: K }> } | undefined {
    for (let i = at; i <= at + skip && i < this.tokens.length; i++) {
      if (isClauseMark(this.tokens[i])) return undefined;
      const match = this.startingAt.get(i);
      const meaning = match?.meanings.find((m): m is Extract<Meaning, { kind: K }> => m.kind === kind);
      if (match && meaning) return { match, meaning };
    }
    return undefined;
  }

  /** Whether a phrase of `kind` starts in `segment` (see Scan.segment). */
  private inSegment(segment: number, kind: Kind): boolean {
    return this.matches.some((match) => this.segment[match.start] === segment && has(match, kind));
  }

  private inClause(clause: number, kind: Kind): boolean {
    return this.matches.some((match) => this.clause[match.start] === clause && has(match, kind));
  }

  private firstInClause<K extends Kind>(clause: number, kind: K): Extract<Meaning, { kind: K }> | undefined {
    for (const match of this.matches) {
      if (this.clause[match.start] !== clause) continue;
      const meaning = match.meanings.find((m): m is Extract<Meaning, { kind: K }> => m.kind === kind);
      if (meaning) return meaning;
    }
    return undefined;
  }

  /** Dotted versions: "build 2.4 something", "AAD Connect, version 2.4.18", "older than 2.5.79". */
  readVersions(): void {
    for (const question of ANSWER_KEYS) {
      const versions = QUESTION_WORDS[question].versions;
      if (!versions) continue;
      this.tokens.forEach((token, i) => {
        const prefix = versionOf(token, VERSION_UNKNOWN_PARTS);
        if (!prefix || prefix.length < 2 || prefix[0] < 1 || prefix[0] > 3) return;
        // "1.2 million" is a count, and so is "1.200.000" (thousands grouped with dots).
        if (
          this.numbers.some(
            (number) => number.start <= i && number.end > i && (number.end > i + 1 || number.value >= 1000),
          )
        )
          return;
        const context = this.anyEndingWithin(i, 3, (m) => m.kind === 'versionContext' && m.question === question);
        const topical = context || prefix.length >= 3 || token.startsWith('v');
        if (!this.allows(question, topical)) return;
        // "older than the 2.5.79 floor": an article between changes nothing.
        const qualifierMatch =
          this.endingAt.get(i) ??
          (NUMBER_ARTICLES.has(this.tokens[i - 1] ?? '') ? this.endingAt.get(i - 1) : undefined);
        const direction = qualifierMatch?.meanings.find(
          (m): m is Extract<Meaning, { kind: 'versionQualifier' }> => m.kind === 'versionQualifier',
        )?.direction;
        const values: string[] = [];
        let previous: readonly number[] | undefined;
        for (const band of versions.bands) {
          const aboveFloor = previous === undefined || versionRelation(prefix, previous, direction) !== 'below';
          const belowCeiling = band.below === undefined || versionRelation(prefix, band.below, direction) !== 'atLeast';
          if (aboveFloor && belowCeiling) values.push(band.value, ...(band.orAlso ?? []));
          previous = band.below;
        }
        this.allow(question, topical, [...new Set(values)], i);
      });
    }
  }

  /** Year-named releases: "Server 2019", "a 2016 box", "ws2022". */
  readYears(): void {
    for (const question of ANSWER_KEYS) {
      const years = QUESTION_WORDS[question].years;
      if (!years) continue;
      this.tokens.forEach((token, i) => {
        // "2012r2", "ws2008r2": the R2 release is the same year's server for this question.
        // "2k19" is 2019, as people type it.
        const named = /^(ws|win|w)?(\d{4}|2k\d{2})(?:r2)?$/.exec(token);
        const value = named ? years.years[named[2].replace(/^2k/, '20')] : undefined;
        if (!named || value === undefined) return;
        const before = this.anyEndingWithin(i, 2, (m) => m.kind === 'yearBefore' && m.question === question);
        const after = this.meaningNear(i + 1, 'yearAfter', 0)?.meaning.question === question;
        const topical = before || after || named[1] !== undefined;
        // "Not 2016 any more, we upgraded to 2019": a release denied or left is not the answer.
        if (
          (this.negated[i] || this.departed[i]) &&
          this.allows(question, topical) &&
          !this.asking[i] &&
          !this.hedged[i]
        )
          this.deny(question, value, i);
        else this.allow(question, topical, [value], i);
      });
    }
  }

  /** Whether a phrase with a meaning passing `test` ends at `at` or up to `distance - 1` tokens before it, in its clause. */
  private anyEndingWithin(at: number, distance: number, test: (meaning: Meaning) => boolean): boolean {
    return this.matches.some(
      (match) =>
        match.end <= at &&
        match.end > at - distance &&
        this.clause[match.start] === this.clause[at] &&
        match.meanings.some(test),
    );
  }

  /** Forests and domains: how many, and whether one server reaches them. */
  readReach(): void {
    const subjects = this.matches.filter((match) => has(match, 'subject'));
    const subjectOf = (match: PhraseMatch<Meaning>) =>
      match.meanings.find((m): m is Extract<Meaning, { kind: 'subject' }> => m.kind === 'subject')!.question;
    const found: Array<{ question: AnswerKey; reachable: boolean; topical: boolean; at: number }> = [];
    const tallied = this.tallied(subjects, subjectOf);
    for (const match of this.matches) {
      const meaning = match.meanings.find((m): m is Extract<Meaning, { kind: 'reach' }> => m.kind === 'reach');
      if (!meaning) continue;
      const reachable = meaning.reachable !== (this.negated[match.start] ?? false);
      // The nearest subject before it ("two forests and one isn't reachable"), else the next one in its clause. A verb
      // reaches what follows it in its clause first: "one forest, but the server can't reach one child domain".
      const before = [...subjects].reverse().find((subject) => subject.end <= match.start);
      const after = subjects.find(
        (subject) => subject.start >= match.end && this.clause[subject.start] === this.clause[match.start],
      );
      const forward = meaning.forward || this.tokens[match.end] === 'to';
      const subject = forward ? (after ?? before) : (before ?? after);
      const question = subject ? subjectOf(subject) : QUESTION_WORDS[this.asked.id].reach ? this.asked.id : undefined;
      if (!question) continue;
      // "One child domain is reachable" says nothing of the others; one of each kind counted is all of them.
      if (reachable && subject && this.picksSome(subject) && !tallied.has(subject)) continue;
      found.push({ question, reachable, topical: subject !== undefined, at: match.start });
    }
    for (const { question, reachable, topical, at } of found) {
      // "Their forest has no network path, ours is well connected": one that is not reachable is the answer, and one
      // that is says nothing of it.
      if (reachable && found.some((other) => other.question === question && !other.reachable)) continue;
      const reach = QUESTION_WORDS[question].reach!;
      this.allow(question, topical, reachable ? reach.whenReachable : reach.whenUnreachable, at);
    }
    const counted = new Set<AnswerKey>();
    for (const subject of subjects) {
      const question = subjectOf(subject);
      const reach = QUESTION_WORDS[question].reach!;
      if (!reach.whenOne || !reach.whenMany) continue;
      const count = this.countOf(subject);
      if (count === undefined) continue;
      counted.add(question);
      const together = tallied.get(subject);
      if (together === 0) continue;
      const total = together ?? count;
      // "Not a single forest", "not one forest": one denied is more than one.
      const one = total === 1 && !this.negated[subject.start];
      this.allow(question, true, one ? reach.whenOne : reach.whenMany, subject.start);
      // "one forest or maybe two", "one or two forests": the other number is another possible count.
      for (const number of this.numbers) {
        if (number.end > subject.start - COUNT_REACH && number.start < subject.start) continue;
        if (this.clause[number.start] !== this.clause[subject.start] || !this.nextToOr(number)) continue;
        this.allow(question, true, number.value === 1 ? reach.whenOne : reach.whenMany, number.start);
      }
    }
    // Asked "how many forests", a reply that names none: "just one", "two, all reachable".
    const askedReach = QUESTION_WORDS[this.asked.id].reach;
    if (
      askedReach?.whenOne &&
      askedReach.whenMany &&
      !subjects.some((subject) => subjectOf(subject) === this.asked.id) &&
      !counted.has(this.asked.id)
    ) {
      const first = this.bareCount();
      if (first !== undefined)
        this.allow(this.asked.id, false, first.count === 1 ? askedReach.whenOne : askedReach.whenMany, first.at);
    }
  }

  /**
   * Subjects of one question counted apart under different names in one sentence ("one account forest and one resource
   * forest") are that many together: the first of them carries the sum, the others 0 (read once, with it). Subjects not
   * so tallied are not in the map.
   */
  private tallied(
    subjects: readonly PhraseMatch<Meaning>[],
    subjectOf: (match: PhraseMatch<Meaning>) => AnswerKey,
  ): Map<PhraseMatch<Meaning>, number> {
    const groups = new Map<string, Array<{ subject: PhraseMatch<Meaning>; count: number }>>();
    for (const subject of subjects) {
      const count = this.countOf(subject);
      if (count === undefined) continue;
      const key = `${subjectOf(subject)} ${this.sentence[subject.start]}`;
      groups.set(key, [...(groups.get(key) ?? []), { subject, count }]);
    }
    const tallied = new Map<PhraseMatch<Meaning>, number>();
    for (const group of groups.values()) {
      const names = new Set(group.map(({ subject }) => this.tokens.slice(subject.start, subject.end).join(' ')));
      if (group.length < 2 || names.size !== group.length) continue;
      group.forEach(({ subject }, index) =>
        tallied.set(subject, index === 0 ? group.reduce((sum, { count }) => sum + count, 0) : 0),
      );
    }
    return tallied;
  }

  /** Whether a subject is only some of them: "one child domain", "some domains", "not every domain". */
  private picksSome(subject: PhraseMatch<Meaning>): boolean {
    const from = Math.max(0, subject.start - COUNT_REACH);
    for (let i = subject.end - 1; i >= from; i--) {
      if (this.clause[i] !== this.clause[subject.start]) return false;
      if (PARTIAL_WORDS.has(this.tokens[i])) return true;
    }
    return false;
  }

  /** The count before a noun ("two forests"), or right after it as its label ("forests: 2"). */
  private countOf(subject: PhraseMatch<Meaning>): number | undefined {
    const before = this.countBefore(subject.start);
    if (before !== undefined || this.tokens[subject.end] !== ':') return before;
    const number = this.numbers.find((candidate) => candidate.start === subject.end + 1);
    return number && Number.isInteger(number.value) && number.value >= 1 && number.value <= MAX_BARE_SUBJECT_COUNT
      ? number.value
      : undefined;
  }

  /** The count standing just before a noun: "two", "a single", "several", "3". */
  private countBefore(at: number): number | undefined {
    for (let i = at - 1; i >= 0 && i >= at - COUNT_REACH && !isClauseMark(this.tokens[i]); i--) {
      const number = this.numbers.find((candidate) => candidate.end === i + 1);
      if (number && Number.isInteger(number.value) && number.value >= 1) return number.value;
      const match = this.endingAt.get(i + 1);
      if (match && has(match, 'one')) return 1;
      if (match && has(match, 'many')) return 2;
    }
    return undefined;
  }

  private nextToOr(number: FoundNumber): boolean {
    const near = [number.start - 1, number.start - 2, number.end];
    return near.some((i) => this.tokens[i] === 'or');
  }

  /** The first count in the sentence: a number of things, "a single", "several". */
  private bareCount(): { count: number; at: number } | undefined {
    const number = this.numbers.find(
      (candidate) =>
        Number.isInteger(candidate.value) && candidate.value >= 1 && candidate.value <= MAX_BARE_SUBJECT_COUNT,
    );
    const word = this.matches.find((match) => has(match, 'one') || has(match, 'many'));
    if (word && (!number || word.start < number.start)) return { count: has(word, 'one') ? 1 : 2, at: word.start };
    return number ? { count: number.value, at: number.start } : undefined;
  }

  /** "option 2", "choice 3": a choice of the asked question by its number. */
  readChoiceNumber(): void {
    for (const match of this.matches) {
      if (!has(match, 'choiceNumber')) continue;
      const next = this.tokens[match.end];
      if (next === undefined || !/^\d{1,2}$/.test(next)) continue;
      const choice = this.asked.choices[Number(next) - 1];
      if (choice) this.allow(this.asked.id, false, [choice.value], match.start);
    }
  }

  /**
   * "yes, …" / "no, …" / "nope" at the start answers a yes-or-no question, and so does a yes or no alone in the last
   * clause, after a label or a reason, or after words that report it: "enterprise admin: no", "… and the server sits
   * in it, so yes.", "the security team says no".
   */
  readLeadingWord(): void {
    this.readReportedOfOther();
    const leading = QUESTION_WORDS[this.asked.id].leading;
    if (!leading) return;
    const first = this.startingAt.get(0);
    const alone = this.lastWordAlone();
    // After a label it answers what the label names (see readLabels): "- EA: no" on the last line.
    const last = alone && this.labels.some((label) => label.colon + 1 === alone.start) ? undefined : alone;
    for (const word of [first, last]) {
      if (!word) continue;
      if (has(word, 'yesFirst') && leading.yes) this.allow(this.asked.id, false, [leading.yes], word.start);
      // Only "no" itself: a phrase that starts with it ("no idea", "no clue") is a hedge, not a no.
      const lastNo = word === last && word.end === word.start + 1 && this.tokens[word.start] === 'no';
      const no = has(word, 'noFirst') || this.isLeadingNo(word) || lastNo;
      if (no && leading.no) this.allow(this.asked.id, false, [leading.no], word.start);
      if (last === first) break;
    }
  }

  /**
   * A yes or no right after a label answers the question it names, the asked one or a later one ("EA: no", "staging:
   * yes"); the label's own words then say nothing more ("enterprise admin: no" is not the role named).
   */
  readLabels(): void {
    for (const label of this.labels) {
      const word = this.startingAt.get(label.colon + 1);
      if (!word) continue;
      const leading = QUESTION_WORDS[label.question].leading;
      const alone = word.end === word.start + 1 && this.tokens[word.start] === 'no';
      const value = has(word, 'yesFirst') ? leading?.yes : alone || has(word, 'noFirst') ? leading?.no : undefined;
      if (!value) continue;
      const pieces = this.evidence.get(label.question)?.pieces ?? [];
      for (let i = pieces.length - 1; i >= 0; i--) {
        const from = pieces[i].from;
        if (from !== undefined && from >= label.start && from < label.colon) pieces.splice(i, 1);
      }
      this.allow(label.question, true, [value], word.start);
    }
  }

  /**
   * A yes or no reported of what a later question asks about answers that question: "one forest, but the firewall team
   * says no for the lab domain" says some domain is unreachable.
   */
  private readReportedOfOther(): void {
    for (const of of this.matches) {
      if (!has(of, 'reportedOf') || of.start < 2) continue;
      const word = this.endingAt.get(of.start);
      const reporter = word && this.endingAt.get(word.start);
      if (!word || !reporter || !has(reporter, 'reportsAnswer') || this.negated[reporter.start]) continue;
      const yes = has(word, 'yesFirst');
      const no = word.end === word.start + 1 && this.tokens[word.start] === 'no';
      if (!yes && !no) continue;
      const subject = this.matches.find(
        (match) => match.start >= of.end && this.clause[match.start] === this.clause[of.start] && has(match, 'subject'),
      );
      const question = subject?.meanings.find(
        (m): m is Extract<Meaning, { kind: 'subject' }> => m.kind === 'subject',
      )?.question;
      if (!question || question === this.asked.id) continue;
      const value = yes ? QUESTION_WORDS[question].leading?.yes : QUESTION_WORDS[question].leading?.no;
      if (value) this.allow(question, true, [value], word.start);
    }
  }

  /**
   * The phrase that makes up the last clause on its own (a clause word such as "so" before it aside), or that ends the
   * reply right after words reporting it, if any.
   */
  private lastWordAlone(): PhraseMatch<Meaning> | undefined {
    let end = this.tokens.length;
    while (end > 0 && isSentenceEnd(this.tokens[end - 1])) end -= 1;
    const reported = this.reportedWord(end);
    if (reported) return reported;
    const word = this.endingAt.get(end);
    if (!word || word.start === 0) return undefined;
    const before = this.startingAt.get(word.start - 1);
    const opener = before && before.end === word.start && has(before, 'clauseWord') ? before.start : word.start;
    return opener > 0 && isClauseMark(this.tokens[opener - 1]) ? word : undefined;
  }

  /**
   * The word reported as the answer right after words that report it, at the end of the reply (before `end`) or
   * followed only by what it is said of: "the EA team says no", "I'd say yes" (not "I wouldn't say no"), "the firewall
   * team says no for the lab domain".
   */
  private reportedWord(end: number): PhraseMatch<Meaning> | undefined {
    const last = this.endingAt.get(end);
    const candidates = [last];
    for (const match of this.matches) {
      if (!has(match, 'reportedOf') || match.start === 0 || match.end >= end) continue;
      if (this.tokens.slice(match.start, end).some(isClauseMark)) continue;
      candidates.push(this.endingAt.get(match.start));
    }
    for (const word of candidates) {
      if (!word || word.start === 0) continue;
      const reporter = this.endingAt.get(word.start);
      if (reporter && has(reporter, 'reportsAnswer') && !this.negated[reporter.start]) return word;
    }
    return undefined;
  }
}

/** Which tokens belong to a sentence that starts with a question word and ends with "?". One pass. */
function questionSentences(tokens: readonly string[]): boolean[] {
  const asking = tokens.map(() => false);
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!isSentenceEnd(tokens[i])) continue;
    if (tokens[i] === '?' && QUESTION_OPENERS.has(tokens[start])) asking.fill(true, start, i + 1);
    start = i + 1;
  }
  return asking;
}

/** A full stop, "!", "?" or ";" ends a sentence: a word of one ("we have a staging server") does not bend a value in the next ("PTA"). */
function isSentenceEnd(token: string): boolean {
  return token === '.' || token === '!' || token === '?' || token === ';';
}

function has(match: PhraseMatch<Meaning>, kind: Kind): boolean {
  return match.meanings.some((meaning) => meaning.kind === kind);
}

// ---------------------------------------------------------------------------------------------------
// From evidence to answers.

type Resolution = { value: Answers[AnswerKey] } | { candidates: string[] } | undefined;

/**
 * `asked`: whether it is the question the reply is to. A value denied and then said again after a word of contrast is
 * heard for it, but leaves a later question open: the words are too contested to answer it unasked.
 */
function resolve(question: Question, evidence: Evidence | undefined, asked: boolean): Resolution {
  if (!evidence || (!asked && evidence.pieces.some((piece) => restated(evidence, piece)))) return undefined;
  return question.multi ? resolveMulti(question, evidence) : resolveSingle(question, evidence);
}

/**
 * The values of a piece that its denials leave. A denial said in the piece's segment or after it reaches it; one said
 * before a word of contrast or a full stop narrows what follows ("not the latest, but past the cut-off") but does not take back a
 * value named again after it when it was taken away ("the EA account was deleted but we can get a new one") or denied
 * for now only ("nobody has EA right now"); see readWords.
 */
function undenied(evidence: Evidence, piece: Piece): readonly string[] {
  const left = piece.values.filter((value) => !evidence.denied.has(value));
  if (left.length > 0) return left;
  return piece.values.filter(
    (value) => ![...(evidence.deniedIn.get(value) ?? [])].some((segment) => segment >= piece.segment),
  );
}

/** Whether a piece names again, after a word of contrast or a full stop, what was denied before it. */
function restated(evidence: Evidence, piece: Piece): boolean {
  return piece.values.every((value) => evidence.denied.has(value)) && undenied(evidence, piece).length > 0;
}

function resolveSingle(question: Question, evidence: Evidence): Resolution {
  if (evidence.notSureChosen) return { value: NOT_SURE_VALUE as Answers[AnswerKey] };
  const words = QUESTION_WORDS[question.id];
  const pieces = evidence.pieces
    .map((piece) => ({ ...piece, values: undenied(evidence, piece) }))
    .filter((piece) => piece.values.length > 0);
  for (const value of evidence.denied) {
    const means = words.denied?.[value];
    if (means) pieces.push({ values: [means], segment: -1 });
  }
  const rewritten = pieces.map((piece) => {
    const read = rewrite(words, evidence, piece);
    return { ...read, weak: read.weak || (piece.weak ?? false), tentative: piece.tentative ?? false };
  });
  // What runs today ("we use ADFS") gives way to what is wanted ("… but want PHS"); named as alternatives ("hybrid join
  // or Entra join"), neither gives way: it is one or the other.
  const strong = evidence.alternatives ? rewritten : rewritten.filter((piece) => !piece.weak);
  const kept = strong.length > 0 ? strong : rewritten;
  const sets = kept.map((piece) => piece.values);
  if (sets.length > 0) {
    let candidates = agreed(question, words, evidence, sets);
    // "It's Connect, but I think someone also set up Cloud Sync": what a guess adds to a firm answer is asked about, the
    // firm answer alone or with it, rather than taken.
    const firm = kept.filter((piece) => !piece.tentative).map((piece) => piece.values);
    if (candidates.length === 1 && firm.length > 0 && firm.length < sets.length) {
      const firmOnly = agreed(question, words, evidence, firm);
      if (firmOnly.length === 1 && firmOnly[0] !== candidates[0]) candidates = [...firmOnly, ...candidates];
    }
    if (candidates.length === 1) return { value: candidates[0] as Answers[AnswerKey] };
    if (candidates.length > 1)
      return {
        candidates: question.choices.map((choice) => choice.value).filter((value) => candidates.includes(value)),
      };
  }
  // "No hybrid join, no writeback": every need denied is none of them. A need that includes a denied one is denied with
  // it: without hybrid join there is no device writeback either ("no hybrid join needed").
  const needs = question.choices
    .map((choice) => choice.value)
    .filter((value) => value !== words.noneValue && value !== NOT_SURE_VALUE);
  const deniedWith = (value: string) =>
    evidence.denied.has(value) || (words.includes?.[value] ?? []).some((included) => evidence.denied.has(included));
  const everyNeedDenied = words.noneValue !== undefined && needs.every(deniedWith);
  if ((evidence.topicDenied || everyNeedDenied) && words.noneValue)
    return { value: words.noneValue as Answers[AnswerKey] };
  const hedged = hedgedCandidates(
    evidence,
    question.choices.map((choice) => choice.value),
  );
  if (hedged) return { candidates: hedged };
  if (evidence.notSure) return { value: NOT_SURE_VALUE as Answers[AnswerKey] };
  return undefined;
}

/** The values a question's evidence agrees on, combined as its words say. */
function agreed(
  question: Question,
  words: QuestionWords,
  evidence: Evidence,
  sets: ReadonlyArray<readonly string[]>,
): string[] {
  const all = [...new Set(sets.flat())];
  // Evidence that agrees narrows the answer ("two forests" and "one isn't reachable"); evidence that does not is a question back.
  let candidates = all.filter((value) => sets.every((set) => set.includes(value)));
  if (candidates.length === 0) candidates = all;
  // Alternatives are one or the other: "Connect or Cloud Sync" is not both, nor one that includes the other.
  return (evidence.alternatives ? candidates : combine(words, candidates)).filter((value) =>
    question.choices.some((choice) => choice.value === value),
  );
}

function resolveMulti(question: Question, evidence: Evidence): Resolution {
  if (evidence.notSureChosen) return { value: NOT_SURE_VALUE as Answers[AnswerKey] };
  const words = QUESTION_WORDS[question.id];
  const options: readonly string[] = question.id === 'customization' ? CUSTOMIZATION_NEEDS : OTHER_NEEDS;
  const read = evidence.pieces.map(
    (piece) => rewrite(words, evidence, { ...piece, values: undenied(evidence, piece) }).values,
  );
  const named = new Set(read.filter((values) => values.length === 1).flat());
  // Words that fit several options ("groups written back to AD"), none of them named on its own: ask which.
  const open = read.filter((values) => values.length > 1 && !values.some((value) => named.has(value)));
  if (open.length > 0) return { candidates: options.filter((option) => open.flat().includes(option)) };
  const chosen = options.filter((option) => named.has(option));
  // "Filtering by group or by attribute, we haven't decided": named as alternatives under a doubt, it is one of them.
  if (chosen.length > 1 && evidence.alternatives && evidence.notSure) return { candidates: chosen };
  if (chosen.length > 0) return { value: chosen as unknown as Answers[AnswerKey] };
  // What was there and is given up, with nothing else named, leaves none: "we had custom rules but ripped them out".
  if (named.has(NONE_VALUE) || evidence.topicDenied || (evidence.givenUp && read.length === 0 && !evidence.notSure))
    return { value: [] as unknown as Answers[AnswerKey] };
  const hedged = hedgedCandidates(evidence, options);
  if (hedged) return { candidates: hedged };
  if (evidence.notSure) return { value: NOT_SURE_VALUE as Answers[AnswerKey] };
  return undefined;
}

/** Choices named as alternatives under a hedge, in the question's order: two or more, or none. */
function hedgedCandidates(evidence: Evidence, choices: readonly string[]): string[] | undefined {
  const named = choices.filter((choice) => evidence.hedgedAlternatives?.includes(choice));
  return named.length > 1 ? named : undefined;
}

/** What a piece's values mean with the modifiers in its segment: for each value, the first modifier that rewrites it wins. */
function rewrite(words: QuestionWords, evidence: Evidence, piece: Piece): { values: string[]; weak: boolean } {
  const present = evidence.modifiers.get(piece.segment) ?? new Set<number>();
  let weak = false;
  const values = piece.values.flatMap((value) => {
    for (const [index, modifier] of (words.modifiers ?? []).entries()) {
      const rewritten = modifier.rewrite[value];
      if (rewritten && (modifier.words.length === 0 || present.has(index))) {
        weak ||= modifier.weak ?? false;
        return [...rewritten];
      }
    }
    return [value];
  });
  return { values: [...new Set(values)], weak };
}

/** Values named together that mean another ("connect" and "cloud sync" → both), and values that include others. */
function combine(words: QuestionWords, candidates: readonly string[]): string[] {
  let result = [...candidates];
  for (const rule of words.together ?? []) {
    if (rule.values.every((value) => result.includes(value)))
      result = [...result.filter((value) => !rule.values.includes(value) && value !== rule.means), rule.means];
  }
  for (const [value, included] of Object.entries(words.includes ?? {})) {
    if (result.includes(value) && result.every((other) => other === value || included.includes(other)))
      result = [value];
  }
  return result;
}

function settle(asked: Question, answers: Partial<Answers>, scan: Scan): SentenceReading {
  const askedResolution = resolve(asked, scan.evidence.get(asked.id), true);
  const askedReading: AskedReading =
    askedResolution === undefined
      ? { kind: 'none' }
      : 'value' in askedResolution
        ? { kind: 'value', value: askedResolution.value }
        : { kind: 'ambiguous', candidates: askedResolution.candidates };
  const working: Partial<Answers> =
    askedReading.kind === 'value' ? { ...answers, [asked.id]: askedReading.value } : { ...answers };
  const also: Partial<Answers> = {};
  const mentioned: Partial<Record<AnswerKey, readonly string[]>> = {};
  const conflicts: AnswerKey[] = [];
  // In asking order, so an answer that makes a later question apply ("we're on connect, build 2.4") counts for it.
  for (const question of QUESTIONS) {
    if (question.id === asked.id) continue;
    const evidence = scan.evidence.get(question.id);
    const resolution = resolve(question, evidence, false);
    if (!resolution || !('value' in resolution)) continue;
    const value = resolution.value;
    // Not knowing a later question is an answer only when the sentence names what it does not know ("devices not sure"),
    // and it never stands against an earlier answer.
    if (value === NOT_SURE_VALUE && (!evidence?.unsureNamed || question.multi || answers[question.id] !== undefined))
      continue;
    if (question.multi) {
      if (!Array.isArray(value) || answers[question.id] !== undefined || !questionApplies(working, question.id))
        continue;
      // Options named are part of an answer, to confirm; the whole question denied is all of it.
      if (value.length > 0) mentioned[question.id] = value;
      else if (scan.evidence.get(question.id)?.wholeNone) (also as Record<string, unknown>)[question.id] = value;
      continue;
    }
    const earlier = answers[question.id];
    if (earlier !== undefined) {
      if (earlier !== value && earlier !== 'notAsked') conflicts.push(question.id);
      continue;
    }
    if (!questionApplies(working, question.id)) continue;
    (also as Record<string, unknown>)[question.id] = value;
    (working as Record<string, unknown>)[question.id] = value;
  }
  return { asked: askedReading, also, mentioned, conflicts };
}
