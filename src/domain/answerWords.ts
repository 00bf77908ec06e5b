/**
 * The words the questionnaire understands in sentences: for each question the words that name its answers, the words
 * that change what those mean ("keep" ADFS), counts and versions it reads, and an example sentence; and the words every
 * question shares (negation, hedges, more/less/about). They are data, one file per language
 * (`nlu/questionnaire.<locale>.json`), read and checked once when this module loads; this module holds their shapes,
 * the checks, and the domain's numbers they read (count bands, version bands, the year of each Windows Server
 * release). `sentenceReader.ts` is the mechanism that reads them; adding a phrasing is a line in the locale file, not
 * code.
 *
 * A value's words are `topical` when they name it wherever they appear ("password hash sync", "hybrid join"), so a
 * sentence can answer that question while another one is asked; `asked` words only answer the question on screen
 * ("one", "older", "yes").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWER_KEYS, type AnswerKey } from './answers';
import { QUALIFIERS, type Band, type Qualifier } from './quantities';
import { NOT_SURE_VALUE, QUESTIONS } from './questions';

export interface ValueWords {
  readonly topical?: readonly string[];
  readonly asked?: readonly string[];
  /**
   * Of the words above, those that only hint at the value and give way to any other evidence for the question: "a
   * small shop" beside "about 1,800 objects", Autopilot beside "we need hybrid join", "Enterprise Admins" named beside
   * "nobody gets it", "keep it simple" beside "PHS".
   */
  readonly weak?: readonly string[];
}

/** A word that changes the values named with it: with "keep", "ADFS" means keeping the federation there is. */
export interface Modifier {
  /** Any of these in the sentence (not negated) applies the rewrite; none at all means it always applies. */
  readonly words: readonly string[];
  /** value → what it means with this word; several values are a question back. */
  readonly rewrite: Readonly<Record<string, readonly string[]>>;
  /**
   * The rewrite describes what runs rather than what is chosen ("we use ADFS"): it gives way to a value named without
   * such a word ("we use ADFS today but want PHS").
   */
  readonly weak?: boolean;
  /** It reaches the whole sentence, past words of contrast: "there's a 90k group, but we don't need to sync it". */
  readonly wholeSentence?: boolean;
  /** It applies only when denied ("we don't sync it"), not when said ("we sync it"). */
  readonly whenDenied?: boolean;
}

/** Counts this question reads, and the bands its choices cover. */
export interface CountReading {
  /** Objects in a directory (users are part of them), or members of one group. */
  readonly of: 'objects' | 'members';
  /** For object counts: the largest domain, or everything the sync tool covers. */
  readonly scope?: 'domain' | 'total';
  readonly bands: readonly Band[];
}

/** Subjects that can be reachable or not (a forest, a domain), and how many of them there are. */
export interface ReachReading {
  readonly subjects: readonly string[];
  readonly whenReachable: readonly string[];
  readonly whenUnreachable: readonly string[];
  /** How many subjects there are, when that answers the question: one, or more than one. */
  readonly whenOne?: readonly string[];
  readonly whenMany?: readonly string[];
}

/** Version numbers ("2.4.18", "build 2.5 something"), as bands that end below the given version. */
export interface VersionReading {
  /** Words that say a number is this version ("build 2.4", "connect 2.5"); the asked question needs none. */
  readonly context: readonly string[];
  /** In order; a band holds versions below `below` (the last has none). `orAlso`: a newer build may exist. */
  readonly bands: ReadonlyArray<{
    readonly value: string;
    readonly below?: readonly number[];
    readonly orAlso?: readonly string[];
  }>;
}

/** Year-named releases ("Server 2019", "a 2016 box"). */
export interface YearReading {
  /** Words before the year ("server 2019", "on 2016") or after it ("2016 box", "2022 datacenter") that say what it is. */
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly years: Readonly<Record<string, string>>;
}

export interface QuestionWords {
  readonly values: Readonly<Record<string, ValueWords>>;
  /**
   * What the question is about ("devices"); denied ("no devices", "nothing for devices") it means `noneValue`. Only
   * for the question asked, unless `topical` (a denied "devices" is clear anywhere, a denied "sync" is not).
   */
  readonly topic?: {
    readonly words: readonly string[];
    readonly topical?: boolean;
    /**
     * Words for the whole of a multi-select question ("customize", "customization"), read wherever they appear: denied
     * ("we don't customize sync at all"), they answer it with none of its options, for a later question too.
     */
    readonly whole?: readonly string[];
  };
  readonly noneValue?: string;
  /** A value denied means another one: "no staging server" is "no". */
  readonly denied?: Readonly<Record<string, string>>;
  /** In order: the first modifier present rewrites a value. */
  readonly modifiers?: readonly Modifier[];
  /** A value that includes others: device writeback implies hybrid join, so both named mean device writeback. */
  readonly includes?: Readonly<Record<string, readonly string[]>>;
  /** Values named together that mean another one: Connect and Cloud Sync together are "both". */
  readonly together?: ReadonlyArray<{ readonly values: readonly string[]; readonly means: string }>;
  /** A reply that starts with yes or no ("yes, we have one"): the value each means. */
  readonly leading?: { readonly yes?: string; readonly no?: string };
  /** About what runs today: a move away that is only planned ("we're moving off Connect") does not deny it. */
  readonly aboutToday?: boolean;
  /**
   * About something held, such as a role: no longer using or needing it ("I have EA but never use it now") does not
   * deny holding it; only words of removal do ("our EA account was removed").
   */
  readonly heldWhenUnused?: boolean;
  readonly counts?: CountReading;
  readonly reach?: ReachReading;
  readonly versions?: VersionReading;
  readonly years?: YearReading;
  /**
   * Nouns for what the question is about ("build", "groups"). A word that only answers the question on screen answers
   * this one from any sentence when it stands right before one of these and so describes it: "latest build", "huge
   * groups" say what "latest" and "huge" say when the build or the group size is asked.
   */
  readonly names?: readonly string[];
  /**
   * What the question asks about, in the words a reply uses to say it does not know that part: "devices not sure", "not
   * sure about group sizes". A "not sure" said right on one of these is that question's answer, a later one's too.
   */
  readonly unsureOf?: readonly string[];
  /** A sentence this question understands, for its help. */
  readonly example: string;
}

// ---------------------------------------------------------------------------------------------------
// The domain's numbers, which are no words of any language.

/**
 * The numbers in the questions' readings: the bands a count falls in, the build each band of Connect's versions ends
 * below, and the Windows Server release each year names. They belong to the sync tools and the advisor's choices, not
 * to a language, so they stay here; the words that read them (a locale file's `versions` and `years`) join them as
 * the file loads.
 */
const QUESTION_NUMBERS: {
  readonly [K in AnswerKey]?: {
    readonly counts?: CountReading;
    readonly versionBands?: VersionReading['bands'];
    readonly years?: YearReading['years'];
  };
} = {
  connectBuild: {
    versionBands: [
      { value: 'belowMandatory', below: [2, 5, 79, 0] },
      // The newest build we know of (2.6.92.0, October 2026); an older one is not the newest.
      { value: 'supportedOlder', below: [2, 6, 92, 0] },
      { value: 'current', orAlso: ['supportedOlder'] },
    ],
  },
  connectServerOs: {
    years: {
      2003: 'ws2016OrOlder',
      2008: 'ws2016OrOlder',
      2012: 'ws2016OrOlder',
      2016: 'ws2016OrOlder',
      2019: 'ws2019',
      2022: 'ws2022OrLater',
      2025: 'ws2022OrLater',
    },
  },
  largestDomainObjects: {
    counts: {
      of: 'objects',
      scope: 'domain',
      bands: [
        { value: 'under100k', low: 0, high: 99_999 },
        { value: 'from100kTo150k', low: 100_000, high: 150_000 },
        { value: 'over150k', low: 150_001, high: Infinity },
      ],
    },
  },
  groupOver50kMembers: {
    counts: {
      of: 'members',
      bands: [
        { value: 'no', low: 0, high: 50_000 },
        { value: 'yes', low: 50_001, high: Infinity },
      ],
    },
  },
  connectTotalObjects: {
    counts: {
      of: 'objects',
      scope: 'total',
      bands: [
        { value: 'upTo2k', low: 0, high: 2_000 },
        { value: 'under100k', low: 2_001, high: 99_999 },
        { value: 'over100k', low: 100_000, high: Infinity },
      ],
    },
  },
};

// ---------------------------------------------------------------------------------------------------
// The words, from a locale file.

/** What a counted number is of, which part of a directory a unit is, and where a count is taken. */
const COUNT_UNIT_KINDS = ['people', 'objects', 'members', 'partial'] as const;
const OBJECT_PART_KINDS = ['users', 'computers', 'groups', 'contacts'] as const;
const COUNT_SCOPE_KINDS = ['domain', 'total', 'part', 'sole'] as const;
const VERSION_DIRECTIONS = ['below', 'above'] as const;

/**
 * The words every question shares, as the exports of the same name in capitals below use them (each export says what
 * its words do). In a locale file a phrase → kind list is an object (`qualifiersBefore`: "under" → "below"), and a
 * kind → phrases one (`countUnits`: "people" → ["users", …]) lists the phrases of each kind.
 */
export interface SharedWords {
  readonly negations: readonly string[];
  readonly departed: readonly string[];
  readonly otherThings: readonly string[];
  readonly removedBack: readonly string[];
  readonly departedBack: readonly string[];
  readonly departedBackWhenDenied: readonly string[];
  readonly needsNothing: readonly string[];
  readonly noLongerUsed: readonly string[];
  readonly rejected: readonly string[];
  readonly leaving: readonly string[];
  readonly leavingBack: readonly string[];
  readonly pastMarkers: readonly string[];
  readonly planned: readonly string[];
  readonly notSure: readonly string[];
  readonly notSureChosen: readonly string[];
  readonly unsureLinks: readonly string[];
  readonly otherQuestions: readonly string[];
  readonly onlyWords: readonly string[];
  readonly tentative: readonly string[];
  readonly forNow: readonly string[];
  readonly yesFirst: readonly string[];
  readonly reportsAnswer: readonly string[];
  readonly reportedOf: readonly string[];
  readonly noFirst: readonly string[];
  readonly marginWords: readonly string[];
  readonly numberArticles: ReadonlySet<string>;
  readonly qualifiersBefore: ReadonlyArray<readonly [string, Qualifier]>;
  readonly qualifiersAfter: ReadonlyArray<readonly [string, Qualifier]>;
  readonly estimateWords: readonly string[];
  readonly exceptions: readonly string[];
  readonly countUnits: ReadonlyArray<readonly [string, (typeof COUNT_UNIT_KINDS)[number]]>;
  readonly objectParts: ReadonlyArray<readonly [string, (typeof OBJECT_PART_KINDS)[number]]>;
  readonly yearMarkers: ReadonlySet<string>;
  readonly countScopes: ReadonlyArray<readonly [string, (typeof COUNT_SCOPE_KINDS)[number]]>;
  readonly shortForms: ReadonlyMap<string, string>;
  readonly otherCounted: readonly string[];
  readonly groupWords: readonly string[];
  readonly singleGroupWords: readonly string[];
  readonly reachable: readonly string[];
  readonly reachingVerbs: readonly string[];
  readonly partialWords: ReadonlySet<string>;
  readonly unreachable: readonly string[];
  readonly oneWords: readonly string[];
  readonly manyWords: readonly string[];
  readonly countsBeforeSize: readonly string[];
  readonly questionOpeners: ReadonlySet<string>;
  readonly removedPronouns: ReadonlySet<string>;
  readonly describingWords: ReadonlySet<string>;
  readonly choiceNumberWords: readonly string[];
  readonly versionQualifiers: ReadonlyArray<readonly [string, (typeof VERSION_DIRECTIONS)[number]]>;
  readonly versionUnknownParts: ReadonlySet<string>;
  readonly corrections: readonly string[];
  readonly correctionsOpening: readonly string[];
  readonly contrastWords: readonly string[];
  readonly clauseWords: readonly string[];
}

/** One locale's words for the questionnaire: each question's, and the ones every question shares. */
export interface QuestionnaireWords {
  readonly locale: string;
  readonly questions: { readonly [K in AnswerKey]: QuestionWords };
  readonly shared: SharedWords;
}

/** The folder of the locale files, `questionnaire.<locale>.json` beside the understanding corpus. */
export const QUESTIONNAIRE_WORDS_DIR = join(__dirname, '..', '..', 'nlu');

/**
 * Reads and checks `nlu/questionnaire.<locale>.json`; a malformed file stops start-up with a message naming the file
 * and the path of the bad entry.
 */
export function loadQuestionnaireWords(locale = 'en', dir = QUESTIONNAIRE_WORDS_DIR): QuestionnaireWords {
  const file = join(dir, `questionnaire.${locale}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Questionnaire words ${file}: cannot be read as JSON (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
  return checkQuestionnaireWords(raw, file);
}

/** Checks a locale file's content (`source` names it in errors) and joins the domain's numbers to its words. */
export function checkQuestionnaireWords(raw: unknown, source: string): QuestionnaireWords {
  return new WordsCheck(source).file(raw);
}

/** The fields a question's words may have in a locale file; `why` is a note for whoever edits the file, not read. */
const QUESTION_FIELDS = [
  'why',
  'example',
  'values',
  'topic',
  'noneValue',
  'denied',
  'modifiers',
  'includes',
  'together',
  'leading',
  'aboutToday',
  'heldWhenUnused',
  'reach',
  'versions',
  'years',
  'names',
  'unsureOf',
] as const;

/** Shared fields that are lists of words; the ones after them take single words, or say each phrase's kind. */
const SHARED_LISTS = [
  'negations',
  'departed',
  'otherThings',
  'removedBack',
  'departedBack',
  'departedBackWhenDenied',
  'needsNothing',
  'noLongerUsed',
  'rejected',
  'leaving',
  'leavingBack',
  'pastMarkers',
  'planned',
  'notSure',
  'notSureChosen',
  'unsureLinks',
  'otherQuestions',
  'onlyWords',
  'tentative',
  'forNow',
  'yesFirst',
  'reportsAnswer',
  'reportedOf',
  'noFirst',
  'marginWords',
  'estimateWords',
  'exceptions',
  'otherCounted',
  'groupWords',
  'singleGroupWords',
  'reachable',
  'reachingVerbs',
  'unreachable',
  'oneWords',
  'manyWords',
  'countsBeforeSize',
  'choiceNumberWords',
  'corrections',
  'correctionsOpening',
  'contrastWords',
  'clauseWords',
] as const;
const SHARED_SINGLE_WORDS = [
  'numberArticles',
  'yearMarkers',
  'partialWords',
  'questionOpeners',
  'removedPronouns',
  'describingWords',
  'versionUnknownParts',
] as const;
const SHARED_FIELDS: readonly string[] = [
  ...SHARED_LISTS,
  ...SHARED_SINGLE_WORDS,
  'qualifiersBefore',
  'qualifiersAfter',
  'versionQualifiers',
  'countUnits',
  'objectParts',
  'countScopes',
  'shortForms',
];

/** A word list entry that names one of the file's `lists` ("@goneNow"), spliced in where it stands. */
const LIST_REFERENCE = '@';

/** Checks one locale file, entry by entry; the first bad entry throws, naming the file and the entry's path. */
class WordsCheck {
  private readonly lists = new Map<string, readonly string[]>();

  constructor(private readonly source: string) {}

  file(raw: unknown): QuestionnaireWords {
    const root = this.object(raw, '(root)', ['locale', 'about', 'lists', 'questions', 'shared']);
    if (typeof root.locale !== 'string' || root.locale.trim() === '') this.fail('locale', 'must name the language');
    if (root.about !== undefined && typeof root.about !== 'string') this.fail('about', 'must be a string');
    for (const [name, words] of Object.entries(this.object(root.lists ?? {}, 'lists')))
      this.lists.set(name, this.words(words, `lists.${name}`, { references: false }));
    const questions = this.object(root.questions, 'questions');
    for (const id of Object.keys(questions))
      if (!(ANSWER_KEYS as readonly string[]).includes(id))
        this.fail(`questions.${id}`, `is no question of the questionnaire (${ANSWER_KEYS.join(', ')})`);
    return {
      locale: root.locale,
      questions: Object.fromEntries(
        ANSWER_KEYS.map((id) => [id, this.question(questions[id], id)]),
      ) as QuestionnaireWords['questions'],
      shared: this.shared(root.shared),
    };
  }

  private fail(path: string, what: string): never {
    throw new Error(`Questionnaire words ${this.source}: "${path}" ${what}.`);
  }

  /** An object; with `fields`, one that has no others. */
  private object(value: unknown, path: string, fields?: readonly string[]): Record<string, unknown> {
    if (!isRecord(value)) return this.fail(path, 'must be an object');
    for (const key of Object.keys(value))
      if (fields && !fields.includes(key))
        this.fail(path === '(root)' ? key : `${path}.${key}`, `is no field here (${fields.join(', ')})`);
    if (
      fields?.includes('why') &&
      value.why !== undefined &&
      (typeof value.why !== 'string' || value.why.trim() === '')
    )
      this.fail(`${path}.why`, 'must be a note in words');
    return value;
  }

  /** A list of phrases, each "@name" replaced by that list's words. */
  private words(
    value: unknown,
    path: string,
    options: { readonly references?: boolean; readonly empty?: boolean; readonly single?: boolean } = {},
  ): string[] {
    if (!Array.isArray(value) || (value.length === 0 && !options.empty))
      return this.fail(path, options.empty ? 'must be a list of words' : 'must be a non-empty list of words');
    return value.flatMap((item: unknown, index): string[] => {
      const at = `${path}[${index}]`;
      if (typeof item !== 'string' || item.trim() === '') return this.fail(at, 'must be a non-empty string');
      if (item.startsWith(LIST_REFERENCE) && options.references !== false) {
        const list = this.lists.get(item.slice(LIST_REFERENCE.length));
        return list
          ? [...list]
          : this.fail(at, `names no list of "lists" (${[...this.lists.keys()].join(', ') || 'there are none'})`);
      }
      if (options.single && item.trim().includes(' ')) this.fail(at, 'must be a single word');
      return [item];
    });
  }

  private flag(value: unknown, path: string): boolean | undefined {
    if (value !== undefined && typeof value !== 'boolean') this.fail(path, 'must be true or false');
    return value;
  }

  /** A value the question's answer can take (its choices but "not sure"). */
  private answer(value: unknown, path: string, answers: readonly string[], id: AnswerKey): string {
    if (typeof value !== 'string' || !answers.includes(value))
      return this.fail(path, `is no answer of ${id} (${answers.join(', ')})`);
    return value;
  }

  private answerList(value: unknown, path: string, answers: readonly string[], id: AnswerKey, empty = false): string[] {
    if (!Array.isArray(value) || (value.length === 0 && !empty))
      return this.fail(path, empty ? 'must be a list of answers' : 'must be a non-empty list of answers');
    return value.map((item: unknown, index) => this.answer(item, `${path}[${index}]`, answers, id));
  }

  private question(raw: unknown, id: AnswerKey): QuestionWords {
    const path = `questions.${id}`;
    if (raw === undefined) return this.fail(path, 'is missing: every question needs its words');
    const question = this.object(raw, path, QUESTION_FIELDS);
    const answers = QUESTIONS.find((candidate) => candidate.id === id)!
      .choices.map((choice) => choice.value)
      .filter((value) => value !== NOT_SURE_VALUE);
    const values = Object.fromEntries(
      Object.entries(this.object(question.values, `${path}.values`)).map(([name, words]) => [
        name,
        this.valueWords(words, `${path}.values.${name}`),
      ]),
    );
    const named = (value: unknown, at: string): string => {
      if (typeof value !== 'string' || !(value in values))
        return this.fail(at, `names no value of ${id}'s "values" (${Object.keys(values).join(', ') || 'it has none'})`);
      return value;
    };
    const modifiers =
      question.modifiers === undefined ? undefined : this.modifiers(question.modifiers, path, named, answers, id);
    const denied =
      question.denied === undefined
        ? undefined
        : Object.fromEntries(
            Object.entries(this.object(question.denied, `${path}.denied`)).map(([value, means]) => [
              named(value, `${path}.denied.${value}`),
              this.answer(means, `${path}.denied.${value}`, answers, id),
            ]),
          );
    // A value that is no answer only stands for others: something must say which ("a big group" denied is none that big).
    for (const name of Object.keys(values))
      if (
        !answers.includes(name) &&
        !(name in (denied ?? {})) &&
        !modifiers?.some((modifier) => name in modifier.rewrite)
      )
        this.fail(
          `${path}.values.${name}`,
          `is no answer of ${id} (${answers.join(', ')}), and no modifier or denial says what it stands for`,
        );
    const numbers = QUESTION_NUMBERS[id] ?? {};
    return {
      example: this.text(question.example, `${path}.example`),
      values,
      ...(question.topic === undefined ? {} : { topic: this.topic(question.topic, `${path}.topic`) }),
      ...(question.noneValue === undefined
        ? {}
        : { noneValue: this.answer(question.noneValue, `${path}.noneValue`, answers, id) }),
      ...(denied === undefined ? {} : { denied }),
      ...(modifiers === undefined ? {} : { modifiers }),
      ...(question.includes === undefined
        ? {}
        : {
            includes: Object.fromEntries(
              Object.entries(this.object(question.includes, `${path}.includes`)).map(([value, included]) => [
                this.answer(value, `${path}.includes.${value}`, answers, id),
                this.answerList(included, `${path}.includes.${value}`, answers, id),
              ]),
            ),
          }),
      ...(question.together === undefined ? {} : { together: this.together(question.together, path, answers, id) }),
      ...(question.leading === undefined ? {} : { leading: this.leading(question.leading, path, answers, id) }),
      ...(question.aboutToday === undefined
        ? {}
        : { aboutToday: this.flag(question.aboutToday, `${path}.aboutToday`) }),
      ...(question.heldWhenUnused === undefined
        ? {}
        : { heldWhenUnused: this.flag(question.heldWhenUnused, `${path}.heldWhenUnused`) }),
      ...(numbers.counts ? { counts: numbers.counts } : {}),
      ...(question.reach === undefined ? {} : { reach: this.reach(question.reach, `${path}.reach`, answers, id) }),
      ...this.versions(question.versions, `${path}.versions`, numbers.versionBands),
      ...this.years(question.years, `${path}.years`, numbers.years),
      ...(question.names === undefined ? {} : { names: this.words(question.names, `${path}.names`) }),
      ...(question.unsureOf === undefined ? {} : { unsureOf: this.words(question.unsureOf, `${path}.unsureOf`) }),
    };
  }

  private text(value: unknown, path: string): string {
    if (typeof value !== 'string' || value.trim() === '') return this.fail(path, 'must be a non-empty string');
    return value;
  }

  private valueWords(raw: unknown, path: string): ValueWords {
    const value = this.object(raw, path, ['why', 'topical', 'asked', 'weak']);
    if (value.topical === undefined && value.asked === undefined)
      this.fail(path, 'must have "topical" or "asked" words');
    const topical = value.topical === undefined ? undefined : this.words(value.topical, `${path}.topical`);
    const asked = value.asked === undefined ? undefined : this.words(value.asked, `${path}.asked`);
    const weak = value.weak === undefined ? undefined : this.words(value.weak, `${path}.weak`);
    const own = [...(topical ?? []), ...(asked ?? [])];
    weak?.forEach((word, index) => {
      if (!own.includes(word))
        this.fail(`${path}.weak`, `holds "${word}" (entry ${index + 1}), none of the value's own words`);
    });
    return {
      ...(topical ? { topical } : {}),
      ...(asked ? { asked } : {}),
      ...(weak ? { weak } : {}),
    };
  }

  private topic(raw: unknown, path: string): NonNullable<QuestionWords['topic']> {
    const topic = this.object(raw, path, ['why', 'words', 'topical', 'whole']);
    return {
      words: this.words(topic.words, `${path}.words`),
      ...(topic.topical === undefined ? {} : { topical: this.flag(topic.topical, `${path}.topical`) }),
      ...(topic.whole === undefined ? {} : { whole: this.words(topic.whole, `${path}.whole`) }),
    };
  }

  private modifiers(
    raw: unknown,
    questionPath: string,
    named: (value: unknown, at: string) => string,
    answers: readonly string[],
    id: AnswerKey,
  ): Modifier[] {
    const path = `${questionPath}.modifiers`;
    if (!Array.isArray(raw) || raw.length === 0) return this.fail(path, 'must be a non-empty list of modifiers');
    return raw.map((item: unknown, index) => {
      const at = `${path}[${index}]`;
      const modifier = this.object(item, at, ['why', 'words', 'rewrite', 'weak', 'wholeSentence', 'whenDenied']);
      const rewrite = Object.fromEntries(
        Object.entries(this.object(modifier.rewrite, `${at}.rewrite`)).map(([value, means]) => [
          named(value, `${at}.rewrite.${value}`),
          this.answerList(means, `${at}.rewrite.${value}`, answers, id, true),
        ]),
      );
      if (Object.keys(rewrite).length === 0) this.fail(`${at}.rewrite`, 'must rewrite at least one value');
      return {
        words: this.words(modifier.words, `${at}.words`, { empty: true }),
        rewrite,
        ...(modifier.weak === undefined ? {} : { weak: this.flag(modifier.weak, `${at}.weak`) }),
        ...(modifier.wholeSentence === undefined
          ? {}
          : { wholeSentence: this.flag(modifier.wholeSentence, `${at}.wholeSentence`) }),
        ...(modifier.whenDenied === undefined
          ? {}
          : { whenDenied: this.flag(modifier.whenDenied, `${at}.whenDenied`) }),
      };
    });
  }

  private together(
    raw: unknown,
    questionPath: string,
    answers: readonly string[],
    id: AnswerKey,
  ): NonNullable<QuestionWords['together']> {
    const path = `${questionPath}.together`;
    if (!Array.isArray(raw) || raw.length === 0) return this.fail(path, 'must be a non-empty list');
    return raw.map((item: unknown, index) => {
      const at = `${path}[${index}]`;
      const rule = this.object(item, at, ['why', 'values', 'means']);
      return {
        values: this.answerList(rule.values, `${at}.values`, answers, id),
        means: this.answer(rule.means, `${at}.means`, answers, id),
      };
    });
  }

  private leading(
    raw: unknown,
    questionPath: string,
    answers: readonly string[],
    id: AnswerKey,
  ): NonNullable<QuestionWords['leading']> {
    const path = `${questionPath}.leading`;
    const leading = this.object(raw, path, ['yes', 'no']);
    return {
      ...(leading.yes === undefined ? {} : { yes: this.answer(leading.yes, `${path}.yes`, answers, id) }),
      ...(leading.no === undefined ? {} : { no: this.answer(leading.no, `${path}.no`, answers, id) }),
    };
  }

  private reach(raw: unknown, path: string, answers: readonly string[], id: AnswerKey): ReachReading {
    const reach = this.object(raw, path, [
      'why',
      'subjects',
      'whenReachable',
      'whenUnreachable',
      'whenOne',
      'whenMany',
    ]);
    return {
      subjects: this.words(reach.subjects, `${path}.subjects`),
      whenReachable: this.answerList(reach.whenReachable, `${path}.whenReachable`, answers, id),
      whenUnreachable: this.answerList(reach.whenUnreachable, `${path}.whenUnreachable`, answers, id),
      ...(reach.whenOne === undefined
        ? {}
        : { whenOne: this.answerList(reach.whenOne, `${path}.whenOne`, answers, id) }),
      ...(reach.whenMany === undefined
        ? {}
        : { whenMany: this.answerList(reach.whenMany, `${path}.whenMany`, answers, id) }),
    };
  }

  /** The words of a version reading, joined to the domain's bands; a question has both or neither. */
  private versions(
    raw: unknown,
    path: string,
    bands: VersionReading['bands'] | undefined,
  ): { versions?: VersionReading } {
    if (raw === undefined && bands === undefined) return {};
    if (bands === undefined) return this.fail(path, 'is for a question that reads no version numbers');
    if (raw === undefined) return this.fail(path, 'is missing: the question reads version numbers');
    const versions = this.object(raw, path, ['why', 'context']);
    return { versions: { context: this.words(versions.context, `${path}.context`), bands } };
  }

  /** The words around a year, joined to the domain's releases; a question has both or neither. */
  private years(raw: unknown, path: string, years: YearReading['years'] | undefined): { years?: YearReading } {
    if (raw === undefined && years === undefined) return {};
    if (years === undefined) return this.fail(path, 'is for a question that reads no years');
    if (raw === undefined) return this.fail(path, 'is missing: the question reads years');
    const words = this.object(raw, path, ['why', 'before', 'after']);
    return {
      years: {
        before: this.words(words.before, `${path}.before`),
        after: this.words(words.after, `${path}.after`),
        years,
      },
    };
  }

  private shared(raw: unknown): SharedWords {
    const shared = this.object(raw, 'shared', SHARED_FIELDS);
    const lists = Object.fromEntries(
      SHARED_LISTS.map((field) => [field, this.words(shared[field], `shared.${field}`)]),
    );
    const singles = Object.fromEntries(
      SHARED_SINGLE_WORDS.map((field) => [
        field,
        new Set(this.words(shared[field], `shared.${field}`, { single: true })),
      ]),
    );
    return {
      ...(lists as Record<(typeof SHARED_LISTS)[number], string[]>),
      ...(singles as Record<(typeof SHARED_SINGLE_WORDS)[number], Set<string>>),
      qualifiersBefore: this.phraseKinds(shared.qualifiersBefore, 'shared.qualifiersBefore', QUALIFIERS),
      qualifiersAfter: this.phraseKinds(shared.qualifiersAfter, 'shared.qualifiersAfter', QUALIFIERS),
      versionQualifiers: this.phraseKinds(shared.versionQualifiers, 'shared.versionQualifiers', VERSION_DIRECTIONS),
      countUnits: this.kindPhrases(shared.countUnits, 'shared.countUnits', COUNT_UNIT_KINDS),
      objectParts: this.kindPhrases(shared.objectParts, 'shared.objectParts', OBJECT_PART_KINDS),
      countScopes: this.kindPhrases(shared.countScopes, 'shared.countScopes', COUNT_SCOPE_KINDS),
      shortForms: this.shortForms(shared.shortForms, 'shared.shortForms'),
    };
  }

  /** Short word → the word it stands for, each a single word. */
  private shortForms(raw: unknown, path: string): Map<string, string> {
    const entries = Object.entries(this.object(raw, path));
    if (entries.length === 0) this.fail(path, 'must name at least one short form');
    return new Map(
      entries.map(([short, full]): [string, string] => {
        if (!/^[a-z0-9]+$/.test(short)) this.fail(`${path}.${short}`, 'must be a single lower-case word');
        if (typeof full !== 'string' || !/^[a-z0-9]+$/.test(full))
          this.fail(`${path}.${short}`, 'must stand for a single lower-case word');
        return [short, full];
      }),
    );
  }

  /** Phrase → kind, in the file's order. */
  private phraseKinds<K extends string>(raw: unknown, path: string, kinds: readonly K[]): Array<readonly [string, K]> {
    const entries = Object.entries(this.object(raw, path));
    if (entries.length === 0) this.fail(path, 'must name at least one phrase');
    return entries.map(([phrase, kind]) => {
      if (phrase.trim() === '') this.fail(path, 'must not hold an empty phrase');
      if (typeof kind !== 'string' || !(kinds as readonly string[]).includes(kind))
        this.fail(`${path}.${phrase}`, `must be one of ${kinds.join(', ')}`);
      return [phrase, kind as K] as const;
    });
  }

  /** Kind → phrases, every kind given, as phrase → kind pairs in the kinds' order. */
  private kindPhrases<K extends string>(raw: unknown, path: string, kinds: readonly K[]): Array<readonly [string, K]> {
    const groups = this.object(raw, path, kinds);
    return kinds.flatMap((kind) =>
      this.words(groups[kind], `${path}.${kind}`).map((phrase) => [phrase, kind] as const),
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const WORDS = loadQuestionnaireWords();

/** Each question's words, from `nlu/questionnaire.en.json`, with the domain's numbers. */
export const QUESTION_WORDS: { readonly [K in AnswerKey]: QuestionWords } = WORDS.questions;

// ---------------------------------------------------------------------------------------------------
// Words every question shares, from the same file.

/**
 * Deny what follows in the same clause: "we don't use ADFS", "no devices", "nobody here has enterprise admin". Phrases
 * such as "not so" are whole, so that in "not so big" the "so" is no clause word.
 */
export const NEGATIONS: readonly string[] = WORDS.shared.negations;

/** A move away from something, done: denies it for every question ("we moved off Connect last year"). */
export const DEPARTED: readonly string[] = WORDS.shared.departed;

/**
 * Things no question asks about that "it" may stand for: nearer to a removal of "it" than any answer word, they are what
 * was removed ("we run Connect on a new VM; the old server, we switched it off"). Right after an answer word they are part
 * of its name ("the Connect server").
 */
export const OTHER_THINGS: readonly string[] = WORDS.shared.otherThings;

/**
 * A removal done to "it" or "them", said with a particle around the pronoun ("we had Connect but ripped it out"): denies
 * the nearest thing named before it in its sentence, past "but" and "and".
 */
export const REMOVED_BACK: readonly string[] = WORDS.shared.removedBack;

/**
 * Words that answer a question said on their own ("both", "new") but describe a thing no question asks about named right
 * after them ("cloud sync agents in both forests", "connect on a new server"): there they answer nothing.
 */
export const DESCRIBING_WORDS: ReadonlySet<string> = WORDS.shared.describingWords;

/**
 * Pronouns that make a plain removal ("decommissioned", "retired") a removal of what was named before: "we had exchange
 * hybrid but decommissioned it" reaches back like REMOVED_BACK, while the removal word alone keeps its own meanings ("we
 * used to, but we decommissioned it" is still a no).
 */
export const REMOVED_PRONOUNS: ReadonlySet<string> = WORDS.shared.removedPronouns;

/**
 * A thing given up, said of "it" or "them" after it is named: denies the nearest thing named before it in its sentence,
 * past "and" ("group filtering was only for the pilot and we don't use it any more").
 */
export const DEPARTED_BACK: readonly string[] = WORDS.shared.departedBack;

/**
 * The same said of "it" or "them" only when denied: "custom rules, but we don't need them now", where "we need them now"
 * says they are wanted.
 */
export const DEPARTED_BACK_WHEN_DENIED: readonly string[] = WORDS.shared.departedBackWhenDenied;

/**
 * Said of what a question is about, named just before in its clause, these deny it whole: "devices need nothing" is no
 * device needs.
 */
export const NEEDS_NOTHING: readonly string[] = WORDS.shared.needsNothing;

/**
 * Said of what is named just before, in its clause: "the old ADFS farm is no longer used", or a use that ended ("we used
 * Connect until last year").
 */
export const NO_LONGER_USED: readonly string[] = WORDS.shared.noLongerUsed;

/**
 * A choice turned down: denies what it names, after it ("we ruled out PTA") or, nearer to hand, before it ("hashes
 * leaving the building was vetoed"), also when said by whoever decides ("they declined our request for EA").
 */
export const REJECTED: readonly string[] = WORDS.shared.rejected;

/** A move away that is only planned: denies it as a choice for the future, not as what runs today. */
export const LEAVING: readonly string[] = WORDS.shared.leaving;

/**
 * A move away that is only planned, said after what it moves away from: "ADFS is going away", "PTA is on its way out".
 * It reaches back to the nearest thing named in its clause.
 */
export const LEAVING_BACK: readonly string[] = WORDS.shared.leavingBack;

/**
 * Words that put their clause in the past: "we had ADFS years ago", "DirSync back in 2014". What the clause names gives
 * way to what the rest of the reply says of today ("…, then nothing", "… but decommissioned it, so hash sync").
 */
export const PAST_MARKERS: readonly string[] = WORDS.shared.pastMarkers;

/**
 * A move that is only planned: what follows it is not what runs today ("connect, but we'd like to move to cloud
 * sync"). Only questions about today's deployment read it so; for the others a plan is the answer.
 */
export const PLANNED: readonly string[] = WORDS.shared.planned;

/**
 * "Not sure": the answer, or, before a topic, that this topic is not known ("not sure if the second server is in
 * staging"). Not decided yet ("tbd", "up in the air") is not known today either.
 */
export const NOT_SURE: readonly string[] = WORDS.shared.notSure;

/**
 * Before a "not sure" phrase, these make it the answer chosen, whatever else the sentence leans to: "I'd lean toward PHS,
 * but put me down as unsure for now", "go with not sure".
 */
export const NOT_SURE_CHOSEN: readonly string[] = WORDS.shared.notSureChosen;

/**
 * Between "not sure" and what it is about, either way round: "not sure about group sizes", "the build I'm not sure of",
 * "unsure yet on sign-in".
 */
export const UNSURE_LINKS: readonly string[] = WORDS.shared.unsureLinks;

/** At most this many linking words stand between "not sure" and what it is about. */
export const UNSURE_LINK_REACH = 3;

/**
 * Right after "not sure", these put the doubt on the questions still to come, not on the one answered before it: "PTA,
 * not sure about the rest". Said with nothing else, the question asked is among "the rest".
 */
export const OTHER_QUESTIONS: readonly string[] = WORDS.shared.otherQuestions;

/**
 * Right before what is none of a multi-select question's options, these make it the whole answer, for a later question
 * too: "we filter only by OU" is no customization at all.
 */
export const ONLY_WORDS: readonly string[] = WORDS.shared.onlyWords;

/**
 * A guess: what follows in its clause is named without certainty ("I think someone also set up Cloud Sync"). It does not
 * change a firm answer into another one on its own.
 */
export const TENTATIVE: readonly string[] = WORDS.shared.tentative;

/**
 * A denial said of the present only ("nobody has EA right now"): what a word of contrast says after it ("but security
 * can grant it") is heard, where a lasting denial ("we don't use PHS") reaches past it.
 */
export const FOR_NOW: readonly string[] = WORDS.shared.forNow;

/** The reply starts by saying yes. */
export const YES_FIRST: readonly string[] = WORDS.shared.yesFirst;

/**
 * Words that report an answer right before a yes or no that ends the reply: "the security team says no", "I'd say
 * yes", "the answer is no". The yes or no is then the reply's answer, as one alone in its last clause is.
 */
export const REPORTS_ANSWER: readonly string[] = WORDS.shared.reportsAnswer;

/**
 * After a yes or no reported as the answer, these open what it is said of, to the end of the reply: "the firewall team
 * says no for the lab domain", "security said yes on this project". The yes or no still answers.
 */
export const REPORTED_OF: readonly string[] = WORDS.shared.reportedOf;

/**
 * Always a "no" at the start, as is "not that I know of"; a plain "no" is one only when a comma or the end follows ("no,
 * …"), else it denies what follows ("no devices").
 */
export const NO_FIRST: readonly string[] = WORDS.shared.noFirst;

/** Right before a number, these make it a margin, not a count: "around 50k, give or take a few hundred". */
export const MARGIN_WORDS: readonly string[] = WORDS.shared.marginWords;

/** Between a word that bends a number and the number, these change nothing: "under a 100k" is under 100k. */
export const NUMBER_ARTICLES: ReadonlySet<string> = WORDS.shared.numberArticles;

/** Words that bend a number: before it ("under 100k") or after it ("100k or more"). */
export const QUALIFIERS_BEFORE: ReadonlyArray<readonly [string, Qualifier]> = WORDS.shared.qualifiersBefore;

export const QUALIFIERS_AFTER: ReadonlyArray<readonly [string, Qualifier]> = WORDS.shared.qualifiersAfter;

/**
 * Said anywhere in its sentence, these make every number there without a word of its own an estimate ("I'd estimate
 * the largest domain at 150k, could be a bit more or less"): near a band's edge, both bands.
 */
export const ESTIMATE_WORDS: readonly string[] = WORDS.shared.estimateWords;

/**
 * Words of exception: a count after one, in the sentence of an earlier count, is the case that count leaves out ("no
 * group over 40k except one at 55k").
 */
export const EXCEPTIONS: readonly string[] = WORDS.shared.exceptions;

/** What a counted number is of. Users are only part of a directory's objects: see PEOPLE_TO_OBJECTS. */
export const COUNT_UNITS: ReadonlyArray<readonly [string, 'people' | 'objects' | 'members' | 'partial']> =
  WORDS.shared.countUnits;

/**
 * Which part of a directory a counted unit is, for a breakdown ("60k users, 25k computers, 8k groups"): parts of one
 * sentence add up, and users, computers and groups together are nearly all of it. Units not listed are no part.
 */
export const OBJECT_PARTS: ReadonlyArray<readonly [string, 'users' | 'computers' | 'groups' | 'contacts']> =
  WORDS.shared.objectParts;

/**
 * Words typed short ("exch hybrid", "grp writeback", "staging srv"): each token is read as the word it stands for, so
 * every phrase of the file hears it without listing it twice.
 */
export const SHORT_FORMS: ReadonlyMap<string, string> = WORDS.shared.shortForms;

/** The parts that, counted together, are a whole directory but for a few other objects. */
export const WHOLE_DIRECTORY_PARTS: readonly string[] = ['users', 'computers', 'groups'];

/**
 * A directory holds groups, contacts and computers besides its users: a count of people is taken as at least that many
 * objects and at most this many times as many, so "20k users" is under 100,000 objects and "40k users" is not known to be.
 */
export const PEOPLE_TO_OBJECTS = 3;

/**
 * A four-digit number in this span, right after one of YEAR_MARKERS and with no unit or qualifier, is a year ("back in
 * 2017", "since the 2020 reorganisation"), never a count of objects or members.
 */
export const YEAR_SPAN = { from: 1990, to: 2039 } as const;

/** Single tokens before a year, the month names among them. */
export const YEAR_MARKERS: ReadonlySet<string> = WORDS.shared.yearMarkers;

/** Counts below this are about something else ("two accounts", "one server"), never a directory's size. */
export const MIN_OBJECT_COUNT = 10;

/**
 * A number with no unit below this, asked about a group's members, counts the groups ("yes, one", "yes two of them"),
 * not the members of one.
 */
export const MIN_BARE_MEMBER_COUNT = 10;

/**
 * Words that put a count in one domain, the whole directory, or one part of several. "The biggest" and its like are
 * said of the domains after they are named ("…over 4 domains, the biggest about 110k"); the `sole` words, anywhere in
 * the sentence, make the domain the whole directory, so its count is the total too.
 */
export const COUNT_SCOPES: ReadonlyArray<readonly [string, 'domain' | 'total' | 'part' | 'sole']> =
  WORDS.shared.countScopes;

/** A number right before one of these counts them, not objects or members: "one DL", "two servers", "3 years". */
export const OTHER_COUNTED: readonly string[] = WORDS.shared.otherCounted;

/** In a clause with these, an unlabelled number is a group's size ("no group anywhere near 50k"). */
export const GROUP_WORDS: readonly string[] = WORDS.shared.groupWords;

/**
 * One group by name: a number of at least MIN_BARE_MEMBER_COUNT right before one is its size ("the 60k all-staff one",
 * "a 70k DL"), where before a plural ("3000 groups") it counts groups.
 */
export const SINGLE_GROUP_WORDS: readonly string[] = WORDS.shared.singleGroupWords;

/**
 * Reachability, for the questions with a `reach` reading. Denied ("isn't reachable"), each means the other: "no network
 * between them" is unreachable. "No connectivity issues" and its like are whole phrases, or "no connectivity" would be
 * read first.
 */
export const REACHABLE: readonly string[] = WORDS.shared.reachable;

/**
 * Verbs of reaching whose object is what is reached, after them: "the server can't reach one child domain" is about
 * the domain, not a forest named before. A reach word followed by "to" ("line of sight to the DMZ domain") is one too.
 */
export const REACHING_VERBS: readonly string[] = WORDS.shared.reachingVerbs;

/**
 * Words before a subject (or in it) that pick out only some of them: "one child domain" or "some domains" reachable
 * says nothing of the others, so it does not answer that every one is. Single tokens.
 */
export const PARTIAL_WORDS: ReadonlySet<string> = WORDS.shared.partialWords;

/** Unreachability. Denied, the words of trouble ("no network issues between them") say the network is fine. */
export const UNREACHABLE: readonly string[] = WORDS.shared.unreachable;

/** How many of a subject there are ("a single forest", "several forests"); numbers come from the recognizer. */
export const ONE_WORDS: readonly string[] = WORDS.shared.oneWords;

/** More than one of a subject ("several forests", "a couple of domains"). */
export const MANY_WORDS: readonly string[] = WORDS.shared.manyWords;

/**
 * Right before a number, these count things of that size: "a 70k group", "a couple of 70k groups" are groups of 70,000
 * members each, not 70,000 groups. ("Some 8k groups" is about 8,000 groups, so "some" is not one.)
 */
export const COUNTS_BEFORE_SIZE: readonly string[] = WORDS.shared.countsBeforeSize;

/**
 * First words of a question: a sentence that starts with one and ends with "?" asks something back ("what is staging
 * mode?", "can you explain cloud Kerberos trust?"), so the choices it names are not an answer. Single tokens.
 */
export const QUESTION_OPENERS: ReadonlySet<string> = WORDS.shared.questionOpeners;

/** "option 2", "choice 3", "number 1": a choice by its number inside a sentence. */
export const CHOICE_NUMBER_WORDS: readonly string[] = WORDS.shared.choiceNumberWords;

/** Before a version number: "older than 2.5.79" is below it, "newer than 2.5.79" above it. */
export const VERSION_QUALIFIERS: ReadonlyArray<readonly [string, 'below' | 'above']> = WORDS.shared.versionQualifiers;

/** The last part of a version said in words, not known: "2.4.something", "build 2.3.whatever". Single words. */
export const VERSION_UNKNOWN_PARTS: ReadonlySet<string> = WORDS.shared.versionUnknownParts;

/**
 * Words that take back what the reply said before them ("2.5.79. No wait, the active one is 2.4.129"): for a question
 * answered again after one, what came before gives way.
 */
export const CORRECTIONS: readonly string[] = WORDS.shared.corrections;

/**
 * The same, only when they open a sentence after the first and stand alone in their clause ("90k. No, I forgot the
 * computers, more like 135k"): first in a reply, "no" answers the question.
 */
export const CORRECTIONS_OPENING: readonly string[] = WORDS.shared.correctionsOpening;

/**
 * Words of contrast: a word that changes what a value means ("keep", "want") reaches across commas and "and", but not
 * past these ("we use ADFS today but want PHS").
 */
export const CONTRAST_WORDS: readonly string[] = WORDS.shared.contrastWords;

/** Ends a negation or a hedge besides punctuation: "we don't use ADFS and want to keep it". */
export const CLAUSE_WORDS: readonly string[] = WORDS.shared.clauseWords;
