/**
 * The questionnaire as data: what to ask, which answers are accepted, and which question comes next.
 * The dialog (src/dialogs) renders these; nothing here knows about Teams.
 */
import { decisionKey } from './advisor';
import { trimTrailing, withinParseLimit } from './typedText';
import {
  ANSWER_KEYS,
  AnswerKey,
  Answers,
  CUSTOMIZATION_NEEDS,
  NONE_LABEL,
  NOT_SURE_LABEL,
  OTHER_NEEDS,
  POSSIBLE_VALUES,
  VALUE_LABELS,
} from './answers';

/** Choice value used by multi-select questions for "none of these". */
export const NONE_VALUE = 'none';
export const NOT_SURE_VALUE = 'notSure';

export interface Choice {
  /** For single-select: the answer value itself. For multi-select: one option, `none` or `notSure`. */
  value: string;
  /** Button text. */
  title: string;
  /** Typed words that select this choice (compared case-insensitively; the first is shown in re-prompts). */
  synonyms: readonly string[];
}

export interface Question {
  id: AnswerKey;
  prompt: string;
  help?: string;
  /** In display order; numbering for typed answers starts at 1. Always ends with "Not sure". */
  choices: readonly Choice[];
  /** True when several choices can be combined ("none" and "not sure" stay exclusive). */
  multi: boolean;
}

export type ParseResult = { ok: true; value: Answers[AnswerKey] } | { ok: false; message: string };

const NOT_SURE_CHOICE: Choice = {
  value: NOT_SURE_VALUE,
  title: NOT_SURE_LABEL,
  synonyms: ['not sure', 'unsure', '?', "don't know", 'dont know', 'idk', 'unknown'],
};

function yesNoChoices(yesTitle: string, noTitle: string): Choice[] {
  return [
    { value: 'yes', title: yesTitle, synonyms: ['yes', 'y', 'yep', 'yeah', 'true'] },
    { value: 'no', title: noTitle, synonyms: ['no', 'n', 'nope', 'false'] },
    NOT_SURE_CHOICE,
  ];
}

function noneChoice(): Choice {
  return { value: NONE_VALUE, title: NONE_LABEL, synonyms: ['none', 'no', 'n', 'nothing', 'none of these'] };
}

const L = VALUE_LABELS;

export const QUESTIONS: readonly Question[] = [
  {
    id: 'forestTopology',
    prompt: 'How many Active Directory forests will you sync, and can one server reach all of them?',
    help:
      'A forest is "disconnected" when one sync server cannot reach its domain controllers over the network, as often happens right after an acquisition. A missing trust alone does not make a forest disconnected.',
    multi: false,
    choices: [
      { value: 'single', title: L.forestTopology.single, synonyms: ['single', 'one', 'one forest', 'single forest'] },
      {
        value: 'multipleConnected',
        title: L.forestTopology.multipleConnected,
        synonyms: ['connected', 'multiple', 'several', 'multiple connected', 'multi forest', 'multiforest'],
      },
      {
        value: 'includesDisconnected',
        title: L.forestTopology.includesDisconnected,
        synonyms: ['disconnected', 'acquisition', 'acquired', 'merger', 'not connected', 'unreachable', 'no network path'],
      },
      NOT_SURE_CHOICE,
    ],
  },
  {
    id: 'signIn',
    prompt: 'How should users sign in to Microsoft Entra ID?',
    help: 'Choose "keep" if pass-through authentication or federation already runs and will stay as it is.',
    multi: false,
    choices: [
      {
        value: 'phs',
        title: L.signIn.phs,
        synonyms: ['phs', 'password hash', 'password hash sync', 'password hash synchronization', 'hash'],
      },
      {
        value: 'ptaSetup',
        title: L.signIn.ptaSetup,
        synonyms: ['pta', 'pass through', 'passthrough', 'pass through authentication', 'passthrough authentication'],
      },
      {
        value: 'federationSetup',
        title: L.signIn.federationSetup,
        synonyms: ['federation', 'federated', 'adfs', 'ad fs', 'ping', 'pingfederate', 'ping federate'],
      },
      {
        value: 'keepExistingPtaOrFederation',
        title: L.signIn.keepExistingPtaOrFederation,
        synonyms: ['keep', 'keep existing', 'existing', 'already configured', 'keep pta', 'keep federation', 'existing pta', 'existing federation'],
      },
      NOT_SURE_CHOICE,
    ],
  },
  {
    id: 'devices',
    prompt: 'What do you need for Windows devices?',
    help: 'Windows Hello for Business with cloud Kerberos trust needs neither hybrid join nor device writeback.',
    multi: false,
    choices: [
      { value: 'none', title: L.devices.none, synonyms: ['none', 'no', 'n', 'nothing', 'no devices'] },
      { value: 'hybridJoin', title: L.devices.hybridJoin, synonyms: ['hybrid join', 'hybrid', 'hybrid joined', 'haadj', 'hybrid azure ad join'] },
      {
        value: 'deviceWritebackOrWhfbHybridTrust',
        title: L.devices.deviceWritebackOrWhfbHybridTrust,
        synonyms: ['writeback', 'device writeback', 'whfb', 'windows hello', 'hello for business', 'key trust', 'certificate trust', 'cert trust'],
      },
      NOT_SURE_CHOICE,
    ],
  },
  {
    id: 'largestDomainObjects',
    prompt: 'How many objects (users, groups, contacts, computers) are in your largest AD domain?',
    help: 'Count only the domain with the most objects, not the whole forest.',
    multi: false,
    choices: [
      { value: 'under100k', title: L.largestDomainObjects.under100k, synonyms: ['under 100k', '<100k', 'less than 100k', 'fewer than 100k', 'small'] },
      { value: 'from100kTo150k', title: L.largestDomainObjects.from100kTo150k, synonyms: ['100k to 150k', '100k 150k', 'between', 'medium'] },
      { value: 'over150k', title: L.largestDomainObjects.over150k, synonyms: ['over 150k', '>150k', 'more than 150k', 'large'] },
      NOT_SURE_CHOICE,
    ],
  },
  {
    id: 'groupOver50kMembers',
    prompt: 'Does any group you need to sync have more than 50,000 members?',
    multi: false,
    choices: yesNoChoices('Yes, over 50,000 members', 'No'),
  },
  {
    id: 'customization',
    prompt: 'Which of these sync customizations do you need? Pick all that apply.',
    help: 'Scoping by domain or OU works with both tools and needs no choice here.',
    multi: true,
    choices: [
      { value: 'attributeValueFiltering', title: L.customization.attributeValueFiltering, synonyms: ['attribute filtering', 'attribute', 'attributes', 'attribute values'] },
      { value: 'advancedSyncRules', title: L.customization.advancedSyncRules, synonyms: ['custom rules', 'rules', 'advanced rules', 'sync rules'] },
      { value: 'crossForestReferencesOrMerge', title: L.customization.crossForestReferencesOrMerge, synonyms: ['cross forest', 'merge', 'merging', 'cross forest references'] },
      { value: 'groupBasedFiltering', title: L.customization.groupBasedFiltering, synonyms: ['group filtering', 'group', 'groups', 'group scoping'] },
      noneChoice(),
      NOT_SURE_CHOICE,
    ],
  },
  {
    id: 'otherNeeds',
    prompt: 'Which of these do you also need? Pick all that apply.',
    help:
      'Provisioning cloud groups to AD creates groups made in Microsoft Entra ID as groups in AD; only Cloud Sync does it. Classic group writeback (V1), which both tools list, is a different feature and needs no choice here.',
    multi: true,
    choices: [
      { value: 'accountResourceForest', title: L.otherNeeds.accountResourceForest, synonyms: ['resource forest', 'resource', 'linked mailboxes'] },
      { value: 'groupProvisioningToAd', title: L.otherNeeds.groupProvisioningToAd, synonyms: ['group provisioning', 'groups to ad', 'provision groups', 'cloud groups to ad'] },
      { value: 'entraDomainServices', title: L.otherNeeds.entraDomainServices, synonyms: ['domain services', 'entra ds', 'aadds', 'entra domain services'] },
      { value: 'exchangeHybrid', title: L.otherNeeds.exchangeHybrid, synonyms: ['exchange', 'exchange hybrid'] },
      { value: 'highAvailability', title: L.otherNeeds.highAvailability, synonyms: ['ha', 'high availability', 'failover', 'availability'] },
      noneChoice(),
      NOT_SURE_CHOICE,
    ],
  },
  {
    id: 'enterpriseAdminAvailable',
    prompt: 'Can someone with an Enterprise Admin account take part in the Connect Sync setup?',
    help: 'Only the Connect express install needs it; the custom install can use an existing connector account.',
    multi: false,
    choices: yesNoChoices('Yes', 'No'),
  },
  {
    id: 'connectTotalObjects',
    prompt: 'How many objects (users, groups, contacts, computers) will Connect Sync sync in total, across every domain and forest it covers?',
    help: 'Express keeps its data in SQL Server Express LocalDB, which holds about 100,000 objects (10 GB); more needs a full SQL Server and the custom install. This is the total, not the largest domain.',
    multi: false,
    choices: [
      {
        value: 'under100k',
        title: L.connectTotalObjects.under100k,
        synonyms: ['under 100k', '<100k', 'less than 100k', 'fewer than 100k', 'small'],
      },
      {
        value: 'over100k',
        title: L.connectTotalObjects.over100k,
        synonyms: ['over 100k', '>100k', 'more than 100k', '100k or more', 'large'],
      },
      NOT_SURE_CHOICE,
    ],
  },
];

export function questionById(id: AnswerKey): Question {
  const question = QUESTIONS.find((candidate) => candidate.id === id);
  if (question === undefined) throw new Error(`No question for answer ${id}`);
  return question;
}

// ---------------------------------------------------------------------------------------------------
// Parsing typed answers.

/**
 * Lower-case, apostrophes and hyphens folded, so "Pass-through", "pass through" and "PASS THROUGH" agree. Linear in
 * the length of the text; parseAnswer refuses long text before it gets here.
 */
export function normalizeAnswer(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/["“”]/g, '')
    .replace(/[-_]/g, ' ');
  return trimTrailing(folded, '.!')
    .replace(/\s+/g, ' ')
    .trim();
}

function matchChoice(question: Question, token: string): Choice | undefined {
  const normalized = normalizeAnswer(token);
  if (/^\d+$/.test(normalized)) return question.choices[Number(normalized) - 1];
  return wordsOf(question).get(normalized);
}

/** Each question's accepted words, normalized once: a typed list of many parts is then one lookup per part. */
const acceptedWords = new WeakMap<Question, ReadonlyMap<string, Choice>>();

function wordsOf(question: Question): ReadonlyMap<string, Choice> {
  let words = acceptedWords.get(question);
  if (words === undefined) {
    const built = new Map<string, Choice>();
    // In choice order, first one wins: a word two choices share selects the earlier one.
    for (const choice of question.choices) {
      for (const word of [choice.value, choice.title, ...choice.synonyms]) {
        const normalized = normalizeAnswer(word);
        if (!built.has(normalized)) built.set(normalized, choice);
      }
    }
    acceptedWords.set(question, built);
    words = built;
  }
  return words;
}

/** Exactly what a re-prompt should say is accepted for this question. */
export function acceptedAnswersHelp(question: Question): string {
  const count = question.choices.length;
  const keywords = question.choices.map((choice) => `"${choice.synonyms[0] ?? choice.value}"`).join(', ');
  if (question.multi) {
    return (
      `Reply with one or more numbers from 1 to ${count}, separated by commas or spaces (for example "1,3" or "1 3"), ` +
      `or with names separated by commas: ${keywords}. "none" and "not sure" can't be combined with other choices.`
    );
  }
  return `Reply with a number from 1 to ${count}, or one of: ${keywords}.`;
}

function singleValue(choice: Choice): Answers[AnswerKey] {
  return choice.value as Answers[AnswerKey];
}

function parseMulti(question: Question, text: string): ParseResult {
  const invalid: ParseResult = { ok: false, message: `Sorry, I didn't get that. ${acceptedAnswersHelp(question)}` };
  const whole = matchChoice(question, text);
  const normalized = normalizeAnswer(text);
  const parts =
    whole !== undefined
      ? [text]
      : /^[\d\s,;]+$/.test(normalized)
        ? normalized.split(/[\s,;]+/)
        : normalized.split(/\s*(?:,|;|&|\+|\band\b)\s*/);
  const chosen = parts.filter((part) => part.length > 0).map((part) => matchChoice(question, part));
  if (chosen.length === 0 || chosen.some((choice) => choice === undefined)) return invalid;
  const values = new Set(chosen.map((choice) => choice!.value));
  const exclusive = [NONE_VALUE, NOT_SURE_VALUE].filter((value) => values.has(value));
  if (exclusive.length > 0 && values.size > 1) {
    return { ok: false, message: `"None" and "Not sure" can't be combined with other choices. ${acceptedAnswersHelp(question)}` };
  }
  if (values.has(NOT_SURE_VALUE)) return { ok: true, value: 'notSure' };
  const options: readonly string[] = question.id === 'customization' ? CUSTOMIZATION_NEEDS : OTHER_NEEDS;
  // Catalog order, so the same selection always yields the same answer however it was typed.
  return { ok: true, value: options.filter((option) => values.has(option)) as Answers[AnswerKey] };
}

/** Reads a typed answer (or a button's value) for `question`. */
export function parseAnswer(question: Question, text: string): ParseResult {
  if (!withinParseLimit(text)) {
    return { ok: false, message: `That is longer than any answer I accept. ${acceptedAnswersHelp(question)}` };
  }
  if (normalizeAnswer(text).length === 0) {
    return { ok: false, message: `Please type an answer. ${acceptedAnswersHelp(question)}` };
  }
  if (question.multi) return parseMulti(question, text);
  const choice = matchChoice(question, text);
  if (choice === undefined) return { ok: false, message: `Sorry, I didn't get that. ${acceptedAnswersHelp(question)}` };
  return { ok: true, value: singleValue(choice) };
}

// ---------------------------------------------------------------------------------------------------
// Which question comes next.

/**
 * Whether `key` can still change what the admin is told (tool, install type, plan shape, or the rules
 * behind them): true if some way of answering the other open questions exists under which two answers
 * to `key` give different decisions. Exhaustive over `POSSIBLE_VALUES`, so a skip is proven, not guessed;
 * it stops at the first witness, so relevant questions are found fast.
 */
export function canChangeOutcome(answers: Partial<Answers>, key: AnswerKey): boolean {
  const open = ANSWER_KEYS.filter((other) => other !== key && answers[other] === undefined);
  const candidate: Record<string, unknown> = { ...answers };

  const differsForSomeValue = (): boolean => {
    let first: string | undefined;
    for (const value of POSSIBLE_VALUES[key]) {
      candidate[key] = value;
      const outcome = decisionKey(candidate as unknown as Answers);
      if (first === undefined) first = outcome;
      else if (outcome !== first) return true;
    }
    return false;
  };

  const search = (index: number): boolean => {
    if (index === open.length) return differsForSomeValue();
    const other = open[index]!;
    for (const value of POSSIBLE_VALUES[other]) {
      candidate[other] = value;
      if (search(index + 1)) return true;
    }
    return false;
  };

  return search(0);
}

/** The next question to ask, or undefined when every remaining one is answered or cannot matter. */
export function nextQuestion(answers: Partial<Answers>): Question | undefined {
  return QUESTIONS.find((question) => answers[question.id] === undefined && canChangeOutcome(answers, question.id));
}

/** True when no further question needs asking. */
export function answersComplete(answers: Partial<Answers>): boolean {
  return nextQuestion(answers) === undefined;
}

/** A copy of `answers` with one more answer recorded. */
export function withAnswer(answers: Partial<Answers>, key: AnswerKey, value: Answers[AnswerKey]): Partial<Answers> {
  return { ...answers, [key]: value };
}

/** The finished answers for the engine; skipped questions become 'notAsked'. Throws if a question is still open. */
export function finalizeAnswers(answers: Partial<Answers>): Answers {
  const pending = nextQuestion(answers);
  if (pending !== undefined) throw new Error(`Question "${pending.id}" still needs an answer`);
  const complete: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) complete[key] = answers[key] ?? 'notAsked';
  return complete as unknown as Answers;
}
