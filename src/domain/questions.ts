/**
 * The questionnaire as data: what to ask, which answers are accepted, and which question comes next.
 * The dialog (src/dialogs) renders these; nothing here knows about Teams.
 */
import { decide, decisionKey } from './advisor';
import { TOOL_QUESTIONS } from './advisorRules';
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
  /** Wording for a tenant that already syncs with Connect (and so describes what it has, not what it plans). */
  existingPrompt?: string;
  existingHelp?: string;
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
    id: 'currentSync',
    prompt: 'What syncs your Active Directory to Microsoft Entra ID today?',
    help: 'Look in the Entra admin center under Entra ID > Entra Connect: the Connect sync and Cloud sync pages show what runs and when it last synced.',
    multi: false,
    choices: [
      {
        value: 'none',
        title: L.currentSync.none,
        synonyms: ['nothing', 'none', 'no', 'new', 'first time', 'nothing yet'],
      },
      {
        value: 'connect',
        title: L.currentSync.connect,
        synonyms: ['connect', 'connect sync', 'aad connect', 'azure ad connect', 'entra connect'],
      },
      { value: 'cloudSync', title: L.currentSync.cloudSync, synonyms: ['cloud sync', 'cloud', 'provisioning agent'] },
      { value: 'both', title: L.currentSync.both, synonyms: ['both', 'connect and cloud sync'] },
      NOT_SURE_CHOICE,
    ],
  },
  {
    id: 'connectBuild',
    prompt: 'Which Connect Sync build runs on your active server?',
    help:
      'On the Connect server, Programs and Features lists Microsoft Entra Connect Sync with its version, and Synchronization Service Manager > Help > About shows it too. ' +
      'Builds older than 2.5.79.0 stopped syncing on 30 September 2026; every build is retired 12 months after a newer one ships.',
    multi: false,
    choices: [
      {
        value: 'belowMandatory',
        title: L.connectBuild.belowMandatory,
        synonyms: ['older', 'old', 'below', '2.4', '2.3', '2.2', '1.x', 'stopped'],
      },
      {
        value: 'supportedOlder',
        title: L.connectBuild.supportedOlder,
        synonyms: ['2.5', 'not the newest', 'supported', 'newer than 2.5.79'],
      },
      { value: 'current', title: L.connectBuild.current, synonyms: ['current', 'newest', 'latest', 'up to date'] },
      NOT_SURE_CHOICE,
    ],
  },
  {
    id: 'connectServerOs',
    prompt: 'Which Windows Server version runs the Connect server?',
    help: 'Windows Server 2016 leaves extended support on 12 January 2027; a sync server is Tier 0 and belongs on 2022 or 2025.',
    multi: false,
    choices: [
      {
        value: 'ws2016OrOlder',
        title: L.connectServerOs.ws2016OrOlder,
        synonyms: ['2016', '2012', '2012 r2', 'older'],
      },
      { value: 'ws2019', title: L.connectServerOs.ws2019, synonyms: ['2019'] },
      { value: 'ws2022OrLater', title: L.connectServerOs.ws2022OrLater, synonyms: ['2022', '2025', 'newer'] },
      NOT_SURE_CHOICE,
    ],
  },
  {
    id: 'connectStaging',
    prompt: 'Do you run a second Connect server in staging mode?',
    help: 'A staging server imports and syncs but exports nothing. Get-ADSyncScheduler shows StagingModeEnabled True on it.',
    multi: false,
    choices: yesNoChoices(L.connectStaging.yes, L.connectStaging.no),
  },
  {
    id: 'forestTopology',
    prompt: 'How many Active Directory forests will you sync, and can one server reach all of them?',
    help: 'A forest is "disconnected" when one sync server cannot reach its domain controllers over the network, as often happens right after an acquisition. A missing trust alone does not make a forest disconnected.',
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
        synonyms: [
          'disconnected',
          'acquisition',
          'acquired',
          'merger',
          'not connected',
          'unreachable',
          'no network path',
        ],
      },
      NOT_SURE_CHOICE,
    ],
  },
  {
    id: 'signIn',
    prompt: 'How should users sign in to Microsoft Entra ID?',
    help: 'Choose "keep" if pass-through authentication or federation already runs and will stay as it is.',
    existingPrompt: 'How do users sign in today, and who manages it?',
    existingHelp:
      'Choose pass-through authentication or federation when Connect Sync set it up and manages it; "keep" when it is managed apart from the sync tool and stays that way.',
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
        synonyms: [
          'keep',
          'keep existing',
          'existing',
          'already configured',
          'keep pta',
          'keep federation',
          'existing pta',
          'existing federation',
        ],
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
      {
        value: 'hybridJoin',
        title: L.devices.hybridJoin,
        synonyms: ['hybrid join', 'hybrid', 'hybrid joined', 'haadj', 'hybrid azure ad join'],
      },
      {
        value: 'deviceWritebackOrWhfbHybridTrust',
        title: L.devices.deviceWritebackOrWhfbHybridTrust,
        synonyms: [
          'writeback',
          'device writeback',
          'whfb',
          'windows hello',
          'hello for business',
          'key trust',
          'certificate trust',
          'cert trust',
        ],
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
      {
        value: 'under100k',
        title: L.largestDomainObjects.under100k,
        synonyms: ['under 100k', '<100k', 'less than 100k', 'fewer than 100k', 'small'],
      },
      {
        value: 'from100kTo150k',
        title: L.largestDomainObjects.from100kTo150k,
        synonyms: ['100k to 150k', '100k 150k', 'between', 'medium'],
      },
      {
        value: 'over150k',
        title: L.largestDomainObjects.over150k,
        synonyms: ['over 150k', '>150k', 'more than 150k', 'large'],
      },
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
    existingPrompt:
      'Which of these customizations does your Connect Sync use today, and still need? Pick all that apply.',
    existingHelp:
      'The Synchronization Rules Editor lists custom rules (those without the "standard" tag); the wizard shows domain, OU and group filtering. OU scoping alone needs no choice here.',
    multi: true,
    choices: [
      {
        value: 'attributeValueFiltering',
        title: L.customization.attributeValueFiltering,
        synonyms: ['attribute filtering', 'attribute', 'attributes', 'attribute values'],
      },
      {
        value: 'advancedSyncRules',
        title: L.customization.advancedSyncRules,
        synonyms: ['custom rules', 'rules', 'advanced rules', 'sync rules'],
      },
      {
        value: 'crossForestReferencesOrMerge',
        title: L.customization.crossForestReferencesOrMerge,
        synonyms: ['cross forest', 'merge', 'merging', 'cross forest references'],
      },
      {
        value: 'groupBasedFiltering',
        title: L.customization.groupBasedFiltering,
        synonyms: ['group filtering', 'group', 'groups', 'group scoping'],
      },
      noneChoice(),
      NOT_SURE_CHOICE,
    ],
  },
  {
    id: 'otherNeeds',
    prompt: 'Which of these do you also need? Pick all that apply.',
    help:
      'Provisioning cloud security groups to AD creates security groups made in Microsoft Entra ID as groups in AD; only Cloud Sync does it. ' +
      'Writing Microsoft 365 groups back to AD (group writeback, often for Exchange hybrid) is different: only Connect Sync does it, because Cloud Sync supports neither mail-enabled groups nor distribution lists.',
    existingPrompt: 'Which of these does your tenant use today, or need? Pick all that apply.',
    multi: true,
    choices: [
      {
        value: 'accountResourceForest',
        title: L.otherNeeds.accountResourceForest,
        synonyms: ['resource forest', 'resource', 'linked mailboxes'],
      },
      {
        value: 'groupProvisioningToAd',
        title: L.otherNeeds.groupProvisioningToAd,
        synonyms: [
          'group provisioning',
          'groups to ad',
          'provision groups',
          'cloud groups to ad',
          'security groups to ad',
        ],
      },
      {
        value: 'entraDomainServices',
        title: L.otherNeeds.entraDomainServices,
        synonyms: ['domain services', 'entra ds', 'aadds', 'entra domain services'],
      },
      { value: 'exchangeHybrid', title: L.otherNeeds.exchangeHybrid, synonyms: ['exchange', 'exchange hybrid'] },
      {
        value: 'm365GroupWriteback',
        title: L.otherNeeds.m365GroupWriteback,
        synonyms: [
          'group writeback',
          'm365 group writeback',
          'microsoft 365 groups',
          'office 365 groups',
          'unified groups',
          'm365 groups',
        ],
      },
      {
        value: 'highAvailability',
        title: L.otherNeeds.highAvailability,
        synonyms: ['ha', 'high availability', 'failover', 'availability'],
      },
      noneChoice(),
      NOT_SURE_CHOICE,
    ],
  },
  {
    id: 'domainsReachable',
    prompt: 'Can the server that will run Connect Sync reach every domain of your forest over the network?',
    help: 'A child domain behind a firewall the sync server cannot pass counts as unreachable. Express needs every domain reachable; the custom install leaves such a domain out.',
    multi: false,
    choices: [
      { value: 'all', title: L.domainsReachable.all, synonyms: ['yes', 'y', 'all', 'every domain', 'reachable'] },
      {
        value: 'someUnreachable',
        title: L.domainsReachable.someUnreachable,
        synonyms: ['no', 'n', 'some', 'unreachable', 'not all', 'child domain'],
      },
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
    prompt:
      'How many objects (users, groups, contacts, computers) are in your on-premises AD in total, across every domain and forest Connect Sync will sync?',
    help: 'Express is meant for fewer than 100,000 objects; its SQL Server Express LocalDB holds about 100,000 (10 GB), and more needs a full SQL Server and the custom install. This is the total, not the largest domain.',
    existingPrompt: 'How many objects (users, groups, contacts, computers) does Connect Sync sync today, in total?',
    existingHelp:
      "Synchronization Service Manager > Connectors shows each connector's object count. Microsoft's guided move to Cloud Sync takes one forest with up to 2,000 objects in scope; larger directories move OU by OU.",
    multi: false,
    choices: [
      {
        value: 'upTo2k',
        title: L.connectTotalObjects.upTo2k,
        synonyms: ['up to 2000', 'up to 2k', '<2k', 'under 2000', 'tiny'],
      },
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
  return trimTrailing(folded, '.!').replace(/\s+/g, ' ').trim();
}

function matchChoice(question: Question, token: string): Choice | undefined {
  const normalized = normalizeAnswer(token);
  // "2016" or "2022" name a Windows Server version, not the 2016th choice.
  if (/^\d+$/.test(normalized) && Number(normalized) <= question.choices.length)
    return question.choices[Number(normalized) - 1];
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
    return {
      ok: false,
      message: `"None" and "Not sure" can't be combined with other choices. ${acceptedAnswersHelp(question)}`,
    };
  }
  if (values.has(NOT_SURE_VALUE)) return { ok: true, value: 'notSure' };
  const options: readonly string[] = question.id === 'customization' ? CUSTOMIZATION_NEEDS : OTHER_NEEDS;
  // Catalog order, so the same selection always yields the same answer however it was typed.
  return { ok: true, value: options.filter((option) => values.has(option)) as Answers[AnswerKey] };
}

/**
 * Whether `text` is written the way the exact parser reads answers: choice numbers ("2", "1, 3", "42"), or for a
 * multi-select a list whose every part is a choice word ("1, none"). Its verdict, including its reason for refusing
 * ("none" and "not sure" can't be combined), then stands; anything else may be a sentence.
 */
export function isTypedChoiceList(question: Question, text: string): boolean {
  const normalized = normalizeAnswer(text);
  if (/^[\d\s,;]+$/.test(normalized)) return normalized.split(/[\s,;]+/).every((part) => part.length <= 2);
  if (!question.multi) return false;
  const parts = normalized.split(/\s*(?:,|;|&|\+|\band\b)\s*/).filter((part) => part.length > 0);
  return parts.length > 1 && parts.every((part) => matchChoice(question, part) !== undefined);
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

/** Facts about today's deployment: asked first, and only where they apply, so they never need a search. */
const CURRENT_STATE_KEYS: readonly AnswerKey[] = ['currentSync', 'connectBuild', 'connectServerOs', 'connectStaging'];

function connectRunsToday(answers: Partial<Answers>): boolean {
  return answers.currentSync === 'connect' || answers.currentSync === 'both';
}

/**
 * Whether a question can apply at all, from the answers given so far. The Connect build, server and staging
 * questions need a running Connect; the questions that pick a Connect install type are moot when Connect
 * already runs (it is upgraded, not installed), and "every domain reachable" only matters for one forest.
 */
export function questionApplies(answers: Partial<Answers>, key: AnswerKey): boolean {
  switch (key) {
    case 'connectBuild':
    case 'connectServerOs':
    case 'connectStaging':
      return connectRunsToday(answers);
    case 'enterpriseAdminAvailable':
      return !connectRunsToday(answers);
    case 'domainsReachable':
      return (
        !connectRunsToday(answers) && (answers.forestTopology === undefined || answers.forestTopology === 'single')
      );
    case 'connectTotalObjects':
      // For a running Connect it picks the way to Cloud Sync (the guided tool takes one forest, no custom rules or
      // group filtering) or, when it stays, whether an in-place upgrade suits its size.
      return !connectRunsToday(answers) || guidedToolStillPossible(answers) || inPlaceUpgradeStillPossible(answers);
    default:
      return true;
  }
}

function guidedToolStillPossible(answers: Partial<Answers>): boolean {
  const customization = answers.customization;
  return (
    (answers.forestTopology === undefined || answers.forestTopology === 'single') &&
    !(
      Array.isArray(customization) &&
      (customization.includes('advancedSyncRules') || customization.includes('groupBasedFiltering'))
    ) &&
    cloudSyncStillPossible(answers)
  );
}

/** Mirrors `upgradeMethodFor`: size only decides when there is no staging server, no restore, and a current Windows Server. */
function inPlaceUpgradeStillPossible(answers: Partial<Answers>): boolean {
  const staging = answers.connectStaging;
  const build = answers.connectBuild;
  const os = answers.connectServerOs;
  return (
    staging !== 'yes' &&
    (build === undefined || build === 'supportedOlder' || build === 'current') &&
    (os === undefined || os === 'ws2019' || os === 'ws2022OrLater') &&
    connectStillNeededPossibly(answers)
  );
}

/** Connect may still be needed: a tool question is open, or the answers as they stand need it. */
function connectStillNeededPossibly(answers: Partial<Answers>): boolean {
  if (TOOL_QUESTIONS.some((key) => answers[key] === undefined)) return true;
  const complete: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) complete[key] = answers[key] ?? 'notAsked';
  return decide(complete as unknown as Answers).tool !== 'cloudSync';
}

/** The friendliest way to finish the answers (every open tool question answered as Cloud Sync would like it) still ends on Cloud Sync. */
function cloudSyncStillPossible(answers: Partial<Answers>): boolean {
  const friendly: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) friendly[key] = answers[key] ?? FRIENDLY_VALUES[key];
  return decide(friendly as unknown as Answers).tool === 'cloudSync';
}

const FRIENDLY_VALUES: Record<AnswerKey, Answers[AnswerKey]> = {
  currentSync: 'none',
  connectBuild: 'current',
  connectServerOs: 'ws2022OrLater',
  connectStaging: 'yes',
  forestTopology: 'single',
  domainsReachable: 'all',
  signIn: 'phs',
  devices: 'none',
  largestDomainObjects: 'under100k',
  groupOver50kMembers: 'no',
  customization: [],
  otherNeeds: [],
  enterpriseAdminAvailable: 'yes',
  connectTotalObjects: 'upTo2k',
};

/**
 * Whether `key` can still change what the admin is told (tool, install type, path, plan shape, or the rules
 * behind them). Questions about today's deployment count whenever they apply. For the others: true if some
 * way of answering the other open questions exists under which two answers to `key` give different decisions.
 * Exhaustive over `POSSIBLE_VALUES` of the questions that apply, so a skip is proven, not guessed; it stops at
 * the first witness, so relevant questions are found fast.
 */
export function canChangeOutcome(answers: Partial<Answers>, key: AnswerKey): boolean {
  if (!questionApplies(answers, key)) return false;
  if (CURRENT_STATE_KEYS.includes(key)) return true;
  const open = ANSWER_KEYS.filter(
    (other) =>
      other !== key &&
      answers[other] === undefined &&
      !CURRENT_STATE_KEYS.includes(other) &&
      questionApplies(answers, other),
  );
  const candidate: Record<string, unknown> = { ...answers };
  // Before "what runs today" is answered (the first question's estimate) the questions are weighed for a first installation.
  for (const state of CURRENT_STATE_KEYS)
    if (candidate[state] === undefined) candidate[state] = state === 'currentSync' ? 'none' : 'notAsked';
  for (const other of ANSWER_KEYS)
    if (candidate[other] === undefined && other !== key && !open.includes(other)) candidate[other] = 'notAsked';

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
    const other = open[index];
    for (const value of POSSIBLE_VALUES[other]) {
      candidate[other] = value;
      if (search(index + 1)) return true;
    }
    return false;
  };

  return search(0);
}

/** The prompt and help to show: a tenant that already syncs with Connect is asked about what it has. */
export function wordingFor(question: Question, answers: Partial<Answers>): { prompt: string; help?: string } {
  if (connectRunsToday(answers) && question.existingPrompt !== undefined) {
    return {
      prompt: question.existingPrompt,
      ...((question.existingHelp ?? question.help) ? { help: question.existingHelp ?? question.help } : {}),
    };
  }
  return { prompt: question.prompt, ...(question.help !== undefined ? { help: question.help } : {}) };
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
