/**
 * The training data for understanding free text, one JSON file per locale in `nlu/` at the project root:
 * example sentences per intent, how people name each task, and the words for positions, owners, cadences
 * and clearing a date. A new language is a new file, not new code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATH_TRACKS, type PathTrack } from '../domain/advisorRules';

export const CORPUS_DIR = join(__dirname, '..', '..', 'nlu');

/** Everything the bot can be asked to do in words, plus `question` (answered from the guide's content). */
export const INTENTS = [
  'next',
  'status',
  'tasks',
  'history',
  'why',
  'help',
  'start',
  'startOver',
  'share',
  'myTasks',
  'remind',
  'report',
  'check',
  'watch',
  'restore',
  'taskStart',
  'taskDone',
  'taskSkip',
  'taskReopen',
  'assign',
  'unassign',
  'due',
  'question',
] as const;
export type IntentName = (typeof INTENTS)[number];

/** The task changes with a verb of their own that names them before a task ("skip task 4"). */
export const VERBED_TASK_CHANGES = ['taskStart', 'taskDone', 'taskSkip', 'taskReopen', 'assign', 'unassign'] as const;
export type VerbedTaskChange = (typeof VERBED_TASK_CHANGES)[number];
export const STATED_TASK_CHANGES = ['taskStart', 'taskDone', 'taskSkip', 'taskReopen'] as const;
export type StatedTaskChange = (typeof STATED_TASK_CHANGES)[number];

export type Cadence = 'daily' | 'weekly' | 'off';

export interface Corpus {
  readonly locale: string;
  readonly intents: Readonly<Record<IntentName, readonly string[]>>;
  /** Sentences that mean nothing to the bot (greetings, chatter): they teach the model what "none" looks like. */
  readonly none: readonly string[];
  /** Task id → the words people use for it. Two tasks may share words (both tracks have "prerequisites"). */
  readonly taskNames: Readonly<Record<string, readonly string[]>>;
  /**
   * `referred`: words that point back at a task ("that one") as the one in progress, else the next, but may mean one
   * said earlier in the conversation: a change to it is offered, never carried out.
   */
  readonly positions: Readonly<Record<'next' | 'current' | 'referred', readonly string[]>>;
  /** Words that make an assignment mean the sender ("I'll take", "give it to me"). */
  readonly firstPerson: readonly string[];
  /** Who may tell of what they did, besides the writer alone ("we", "they"): a past form after one reports it. */
  readonly doers: readonly string[];
  /** Words that address the reader: after a mention of someone ("@Meera are you free at 3?") they ask that person. */
  readonly secondPerson: readonly string[];
  readonly cadences: Readonly<Record<Cadence, readonly string[]>>;
  /** Phrases that turn a due date request into clearing the date. */
  readonly clearDate: readonly string[];
  /**
   * A verb that takes something away and a word for a due date, at most two words apart ("scrap the target date",
   * "drop its cutoff"): clearing the date too, in a message read as a due date that names no day. `spanEnds` before a
   * day make it the end of something else ("on leave until january"), no deadline unless the message reads as one.
   */
  readonly clearDateWords: Readonly<Record<'verbs' | 'nouns' | 'spanEnds', readonly string[]>>;
  /**
   * Words that name the task a bare number is for in a due date ("due 3 friday", "cutoff for 5 is monday"). A number
   * after any other word ("done with 3 of them by friday") may count anything: read as a task only as a guess.
   */
  readonly dueTaskMarkers: readonly string[];
  /**
   * Words an admin tier's shorthand is written before ("t1 admins", "t0 accounts"), where "t1" names the tier: anywhere
   * else "t3" is task 3.
   */
  readonly tierNouns: readonly string[];
  /**
   * A task named by its place in the list: an ordinal (`words`, first to twelfth; or "3rd" in digits) before one of
   * `nouns` ("the third step", "the 3rd task") is that task's number, unless one of `partOf` follows, where the step is
   * a part of something else ("the second step of the wizard").
   */
  readonly taskOrdinals: Readonly<Record<'words' | 'nouns' | 'partOf', readonly string[]>>;
  /**
   * How a request about the tenant watch says which way: `off` phrases turn it off, a message opened by a `show` word
   * ("is the watch on?") asks for the setting, and anything else asks to turn it on (which the bot confirms first).
   * `otherVerbs` are phrases where a word that turns something off belongs to another verb ("until the SOC signs off",
   * "kick off the install"): it turns no setting off, the reminders' or the watch's. `changeVerbs` after a negation
   * ("nobody should touch the watch") ask to leave a setting as it is. An object opened by one of `objectOpeners` after
   * a word that turns something off, with none of `ownNouns` (the bot's settings), is something else turned off ("turn
   * off your camera", "I switched off the lights").
   */
  readonly watchSettings: Readonly<
    Record<'off' | 'show' | 'otherVerbs' | 'changeVerbs' | 'objectOpeners' | 'ownNouns', readonly string[]>
  >;
  /** Days named by a holiday on the same date every year ("christmas eve"), as month-day ("12-24"). */
  readonly holidays: Readonly<Record<string, string>>;
  /**
   * Words that, up to three words before a holiday's name, count another day from it ("the day after boxing day", "a
   * week before christmas", "after xmas"): such a message names no day the bot can read.
   */
  readonly holidayCountedFrom: readonly string[];
  /**
   * Words spelled out before anything reads a message, on both sides (training and messages): contractions
   * ("don't" → "do not", so one "not" carries every negation), chat shorthand ("pls", "u") and filler ("um" → nothing).
   * First-person contractions ("i'll", "i'm") stay whole: they are how people take a task. A phrase of up to three
   * words ("let me know") is read as one.
   */
  readonly respellings: Readonly<Record<string, string>>;
  /** Articles, pronouns, "to be", prepositions: words that alone make no intent a candidate (intentModel.ts). */
  readonly functionWords: readonly string[];
  /** Words that make a sentence hypothetical ("if", "once"): a command in it is offered, never carried out. */
  readonly conditionals: readonly string[];
  /**
   * Words that hedge ("maybe", "might"): before the task a message names, or anywhere in one that names none, they make
   * it hypothetical too ("we might need to reopen #2 later"); after it they only give a reason ("reopen the tool choice,
   * we might need connect after all").
   */
  readonly hedges: readonly string[];
  /**
   * A change meant once and not made ("I was going to skip the prereqs but…", "we were about to mark it done"): the
   * message tells of it, it asks for nothing.
   */
  readonly pastIntentions: readonly string[];
  /**
   * Words that put what a statement says off to an unsaid later, or only weigh it ("we could export a report at some
   * point", "we'll probably want alerts on"): before the task a message names, or anywhere in one that names none, the
   * statement talks of later and asks the bot for nothing now.
   */
  readonly laterTalk: readonly string[];
  /**
   * Words for people other than the writer and the bot ("he", "my colleague", "the network team"): one of them, or a
   * person picked with @, before "will" or "is going to" tells what someone else will do ("@Priya will finish the
   * config on thursday"), a report rather than a request to the bot.
   */
  readonly othersWho: readonly string[];
  /** Words that put a verb in the future ("will", "is going to"), as othersWho reads them. */
  readonly futureWords: readonly string[];
  /**
   * Words that put something at a time to come ("tomorrow", "after", "friday"): beside them, what someone else will do
   * is a plan being told ("@Priya will finish the config on thursday"); without one it can be the owner named now
   * ("@Omar will own the verification").
   */
  readonly laterTimes: readonly string[];
  /**
   * Words that present a command as something to type ("you can say assign 3 to me", "just type skip task 4"): the
   * message tells someone how to ask, and asks the bot for nothing.
   */
  readonly sayFrames: readonly string[];
  /** Words that undo what they name ("undo", "revert", "roll back"): a start over named with one asks for a restore. */
  readonly reversals: readonly string[];
  /** Words that ask who made a change the message tells of ("someone reopened task 3, who was it?"). */
  readonly whoDidIt: readonly string[];
  /** Words that ask how to use the bot itself ("what's the syntax", "through you", "what do i type"). */
  readonly usageAsks: readonly string[];
  /** Verbs that, opening a message, present what follows as something to type ("type skip task 4 in the chat"). */
  readonly sayOpeners: readonly string[];
  /**
   * Words that open an indirect question ("tell me whether task 3 is done", "mark it done whether or not the audit
   * passes"): no hypothetical, but a change said beside one is offered, never carried out.
   */
  readonly indirectQuestions: readonly string[];
  /** Words that suggest rather than ask ("you could turn on the watch"): a setting said after one is offered, never changed. */
  readonly suggestions: readonly string[];
  /**
   * Words that find a setting too much ("weekly reminders would be too much", "daily pings are overkill"): an opinion
   * against turning it on, which is offered at most.
   */
  readonly excess: readonly string[];
  /**
   * Words that, closing a message, refuse what it said before ("you could turn on daily reminders but please don't",
   * "switch on the watch, better not"): the message doubts its own change.
   */
  readonly closingRefusals: readonly string[];
  /**
   * A setting's word in another sense ("stop reminding me of that joke", "that reminds us of last year"): what it
   * names is a memory, not the bot's reminders.
   */
  readonly otherSenses: readonly string[];
  /**
   * Verbs that ask a person to do or look at a task rather than own it ("@Priya can you check the verification"): the
   * request is to that person, and an assignment is at most offered.
   */
  readonly workVerbs: readonly string[];
  /**
   * Words that tell of another workplace ("Connect Sync was a nightmare at my last job", "like the last place I
   * worked"): what the message says of it is a story, and any command it reads is offered at most.
   */
  readonly otherWorkplaces: readonly string[];
  /**
   * Words that name whom a task goes to ("assign that to me", "hand the config to @Ana"), and the words for oneself
   * after them: the person right after one is the owner, whoever else the message mentions ("@Marco I'll take it,
   * assign it to me"). "my" is no owner ("to my colleague @Ana"). `takers` are verbs by which one takes a task oneself:
   * right before the task with nobody named ("take 4", "grab the config"), the owner is whoever says them.
   */
  /**
   * A task's one-word name in the past tense ("verified" for "verify"), which says the task is finished: it names that
   * task in a message that says something is done and names no other ("verified, users are syncing fine"). Not a task
   * name itself, as "verified the prereqs" names the prerequisites.
   */
  readonly doneTaskWords: Readonly<Record<string, string>>;
  /**
   * Words before the task someone goes on to ("skip that task and we'll move on to the agent"): that task is where the
   * work goes next, not the one the message changes, when the message names or points at another.
   */
  readonly onwardWords: readonly string[];
  /**
   * How a message names a task's owner: `markers` before the person ("to"), `me` for the speaker, `takers` the verbs of
   * taking a task oneself ("grab 4"), `arrows`, how chat writes "goes to" between a task and its owner ("#4 -> me"), and
   * `nobody`, the owner of a task that has none ("assign t4 to no one").
   */
  readonly owners: {
    readonly markers: readonly string[];
    readonly me: readonly string[];
    readonly takers: readonly string[];
    readonly arrows: readonly string[];
    readonly nobody: readonly string[];
  };
  /**
   * What makes a day the one something happened rather than a deadline ("we finished the config on monday"):
   * `pastWords` and `pastEndings` tell the past tense, `notPast` the words with such an ending that are no past form
   * ("proceed", "speed", "hundred", "embed"), `deadlines` the words that still make the day one to meet,
   * `movedTo` the words right before a day (an article or another word apart) that make it the day a task was moved to.
   */
  readonly pastDays: {
    readonly pastWords: readonly string[];
    readonly pastEndings: readonly string[];
    readonly notPast: readonly string[];
    readonly deadlines: readonly string[];
    readonly movedTo: readonly string[];
  };
  /**
   * Words that praise someone for work ("great job on task 4", "thanks for the prereqs"): said to a person beside a
   * task, they thank the person for it and ask for no one to own it.
   */
  readonly praise: readonly string[];
  /**
   * Words that make what follows them a request ("please", "kindly"): after praise, they ask for something of their
   * own ("great job @Omar, please take task 4 too").
   */
  readonly requestWords: readonly string[];
  /**
   * A part of a month or week said without its day ("early january", "the start of next month", "late next week"):
   * `parts` name the part, `between` may stand between it and the period, `periods` are the periods other than a
   * month's name. The resolvers read a day in it, which the words do not pin down.
   */
  readonly vagueDays: {
    readonly parts: readonly string[];
    readonly between: readonly string[];
    readonly periods: readonly string[];
  };
  /**
   * What makes a lone number count or time something rather than name a task ("done at 3", "4 agents installed"):
   * `before` are the words before such a number, `notCounted` the words after one that end like a plural and count
   * nothing ("4 thanks").
   */
  readonly countedNumbers: { readonly before: readonly string[]; readonly notCounted: readonly string[] };
  /**
   * The words questions are made of: `openers` open one (with a question mark they send a message to the guide first),
   * `yesNo` open a yes/no question, `wh` ask for something, `whContracted` are those with "is" run on ("what's"),
   * `requests` open a request when they ask someone to do something ("can you…"), and `referring` are the pronouns that
   * stand for what the message said before ("is that expected"). `tags` end a statement that asks whether it is so
   * ("the config is done, right", "task 3 done or not"), one word of them after a comma; `answeredNo` open the reply a
   * writer gives their own question ("skip task 4? no").
   */
  readonly questionWords: Readonly<
    Record<
      'openers' | 'yesNo' | 'wh' | 'whContracted' | 'requests' | 'referring' | 'tags' | 'answeredYes' | 'answeredNo',
      readonly string[]
    >
  >;
  /** Both ways a setting can be ("on", "off"): named together as alternatives ("on or off"), they ask which it is. */
  readonly settingStates: readonly string[];
  /**
   * Words a short greeting or thanks is made of ("thanks,", "morning all -", "hi there."): such an opening clause is
   * politeness, and does not make the request after it small talk.
   */
  readonly openers: readonly string[];
  /**
   * Words of everyday life at work that no command is about ("canteen", "commute", "birthday"), beside the ones the
   * `none` sentences teach: a message with one is talking about something else, as with small talk's own words. Only
   * counted, never learnt: the model's readings of other messages stay as they are. A word a command learnt is ignored.
   */
  readonly smallTalk: readonly string[];
  /**
   * Polite frames a request can open with ("would it be possible to", "i wonder if you could"): what follows one is
   * read as the request it frames, when the whole message reads as nothing.
   */
  readonly politeFrames: readonly string[];
  /**
   * The plain verb of each task change ("skip", "reopen") and its -ing form, as words, not stems ("the skipped task" is
   * no order to skip it): written right before
   * the task it names ("skip task 4, another team did it"), it says which change is meant however the rest of the
   * message reads.
   */
  readonly taskVerbs: Readonly<Record<VerbedTaskChange, readonly string[]>>;
  /**
   * The states of a board a task is moved or set to ("move task 3 to done", "set the config as ongoing"): `markers`
   * stand between the task and its state, and each change lists the states that say it.
   */
  readonly taskStates: Readonly<Record<'markers' | StatedTaskChange, readonly string[]>>;
  /**
   * Words that take back what came before them ("mark 3 done, sorry I mean 4", "the 10th, actually make it the 11th"):
   * the task or date said after one is the one meant.
   */
  readonly corrections: readonly string[];
  /**
   * How a message says not to do something; see negation.ts. `undo` are the words that, beside a negation, still ask
   * to reopen a task ("it's not done, reopen it"): without one, "task 3 is not done" describes a task and orders nothing.
   * `turnOn` are the words that turn a setting on: a negative order with one ("don't switch on reminders") leaves the
   * setting as it is, where one without ("don't remind us") turns it off. `alternatives` are the words after which a
   * negation only names the other answer of a question ("done or not", "whether or not the audit passes"). `holds` ask
   * to hold off wherever they stand ("before you close anything, wait for my go-ahead"), as an opening "don't" does.
   * `limiters` after a negation make it add rather than refuse ("in the channel, not just my chat"). `changes` negated
   * ("nobody should touch the watch") and `asIs` ("leave the reminders alone") ask to keep a setting as it is.
   * `disbelief` says the opposite of what the message says ("task 4 done? no way", "yeah right, it's finished"); it is
   * looked for in the words as typed, before respelling and typo correction change them ("yeah" → "yes").
   */
  readonly negation: Readonly<
    Record<
      | 'words'
      | 'imperatives'
      | 'openers'
      | 'pending'
      | 'undo'
      | 'turnOn'
      | 'alternatives'
      | 'limiters'
      | 'holds'
      | 'changes'
      | 'asIs'
      | 'disbelief',
      readonly string[]
    >
  >;
  /**
   * A message asking for each task with something every task has ("each task and whether it's open"): `every` and a
   * task noun close after it, then an attribute; see eachTask.ts.
   */
  readonly eachTask: Readonly<Record<'every' | 'taskNouns' | 'attributes' | 'yesNoOpeners', readonly string[]>>;
  /** Words a search of the guide ignores. */
  readonly stopWords: readonly string[];
  /** Groups of words a question may use for the same thing ("ports", "firewall", "outbound"); a search for one also looks for the others. */
  readonly synonyms: ReadonlyArray<readonly string[]>;
  /**
   * A question asking for a build: an `asking` word ("which", "what", or a bound such as "minimum" or "earliest") with a
   * `builds` word right after it or one word later ("which agent build", "minimum connect version"). With one of
   * `installed` ("installed", "runs", "are we on": one word or two neighbouring ones) it asks which build a server has,
   * not which one to run.
   */
  readonly buildQuestions: Readonly<Record<'asking' | 'builds' | 'installed', readonly string[]>>;
  /** Words for a feature in preview ("preview", "beta"): a question using one asks about a preview task of the catalog. */
  readonly previewWords: readonly string[];
  /**
   * Words asking for a limit or an amount ("limit", "maximum", or a pair of neighbouring words such as "how many"): a
   * question using one asks for a figure, which the guide's lines that state one give.
   */
  readonly amountWords: readonly string[];
  /**
   * Words asking for a page of documentation ("table", "tutorial", "documented"): a question using one is also looked
   * up in the titles of the Learn pages each part of the guide links to.
   */
  readonly pageWords: readonly string[];
  /**
   * Words naming the situation one of the tracks for a running deployment is for, by track ("stopped syncing", "outage"
   * for restoring a stopped Connect Sync), as lower-case phrases of one to three words: a question using one asks about
   * that track's tasks, whichever tool the conversation's plan installs.
   */
  readonly trackWords: Readonly<Partial<Record<PathTrack, readonly string[]>>>;
  /**
   * Words for an agent (`agent`), and the words right before one that make it another product's agent (`otherAgents`,
   * "health"): a question about "the agent" that names no tool is about Cloud Sync's provisioning agent.
   */
  readonly agentWords: Readonly<Record<'agent' | 'otherAgents', readonly string[]>>;
  /** Words naming Connect Sync's install types ("express", "custom"): a question asking for their steps wants the install's lines. */
  readonly installTypes: readonly string[];
  /**
   * Words that say when a question is asked, not what it asks ("these days", "nowadays", "at the moment"), as lower-case
   * phrases: they are no words of the question the guide must hold, so they do not lower the share of it a line covers.
   */
  readonly timeFillers: readonly string[];
  /**
   * Nouns that name a control or part of a tool's screens or behaviour ("button", "mode", "wizard", "toggle"): a question
   * naming one after a word the guide never writes ("the turbo sync mode") asks about a feature the guide does not know.
   */
  readonly featureNouns: readonly string[];
  /**
   * Microsoft products the guide does not cover ("intune", "teams phone"), other vendors' apps ("salesforce") and
   * commercial terms ("sla", "service credits"), as lower-case words: a question naming one gets the honest fallback,
   * even beside a sync tool's name, because its everyday words ("password", "service") would otherwise match a sync line.
   */
  readonly otherProducts: readonly string[];
  /**
   * Features of Entra ID and Microsoft 365 beside sync (multifactor authentication, Privileged Identity Management,
   * deleted users, sign-in logs), as lower-case words: a question naming one and not the guide's own subject (sync,
   * Connect, Cloud Sync) gets the honest fallback, since the guide only touches them where they meet sync ("leave the
   * sync account out of MFA"). Taken from the areas and page titles of Microsoft Entra's documentation
   * (https://learn.microsoft.com/entra/, MicrosoftDocs/entra-docs), not from the questions the bot was tuned on; a name
   * the guide uses in a title of its own ("conditional access") is its topic and is ignored (guideIndex.ts).
   */
  readonly otherFeatures: readonly string[];
  /**
   * A question asking the bot itself to do a chore in the tenant ("can the bot reset a student's password", "could you
   * create the accounts for us"): `names` are what a person calls the bot, `verbs` the chores, and `pronouns` ("you")
   * name the bot only with one of `forWhom` ("for me"), since "can you install the agent on a DC" asks what anyone may
   * do. The guide explains; it changes nothing in a tenant, so such a question gets the honest fallback however many
   * of its words a line holds.
   */
  readonly botChores: Readonly<Record<'names' | 'pronouns' | 'verbs' | 'forWhom', readonly string[]>>;
  /**
   * Example questions each part of the guide answers, keyed by task id, `rule:<advisor rule id>` or
   * `fact:<guide fact id>`: they teach the search the words people ask with, which the content itself may not use.
   */
  readonly guideQuestions: Readonly<Record<string, readonly string[]>>;
  /**
   * Sentences learnt from the tuning sets outside authors wrote (`nlu/<locale>.learnt.json`, see learnt.ts), by intent:
   * they train the second model the bot asks before it acts. None for a locale without that file.
   */
  readonly learnt?: Readonly<Partial<Record<IntentName, readonly string[]>>>;
  /**
   * Questions learnt from the same tuning sets, keyed as guideQuestions: example questions the guide's search hears
   * beside the corpus's own. None for a locale without that file.
   */
  readonly learntQuestions?: Readonly<Record<string, readonly string[]>>;
  /** Chatter learnt from the same tuning sets: messages that ask the bot for nothing, for the second model only. */
  readonly learntChatter?: readonly string[];
}

/** Reads and checks `nlu/<locale>.json`; a malformed file stops start-up with a message naming the file and the field. */
export function loadCorpus(locale = 'en', dir = CORPUS_DIR): Corpus {
  const file = join(dir, `${locale}.json`);
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const corpus = checkCorpus(raw, file);
  const learntFile = join(dir, `${locale}.learnt.json`);
  if (!existsSync(learntFile)) return corpus;
  const learnt: unknown = JSON.parse(readFileSync(learntFile, 'utf8'));
  return {
    ...corpus,
    learnt: checkLearnt(learnt, learntFile),
    learntQuestions: checkLearntQuestions(learnt, learntFile),
    learntChatter: checkLearntChatter(learnt, learntFile),
  };
}

/** The chatter of a learnt file: a list of non-empty sentences (none when the file has no chatter). */
export function checkLearntChatter(raw: unknown, source: string): string[] {
  if (!isRecord(raw) || raw.chatter === undefined) return [];
  if (!Array.isArray(raw.chatter) || !raw.chatter.every((item) => typeof item === 'string' && item.trim() !== ''))
    throw new Error(`Understanding corpus ${source}: "chatter" must be a list of non-empty strings.`);
  return raw.chatter as string[];
}

/** The questions of a learnt file: guide parts (checked against the guide when it is indexed) with their questions. */
export function checkLearntQuestions(raw: unknown, source: string): Record<string, string[]> {
  if (!isRecord(raw) || raw.questions === undefined) return {};
  if (!isRecord(raw.questions))
    throw new Error(`Understanding corpus ${source}: "questions" must be an object of guide part → questions.`);
  const questions: Record<string, string[]> = {};
  for (const [part, texts] of Object.entries(raw.questions)) {
    if (
      !Array.isArray(texts) ||
      texts.length === 0 ||
      !texts.every((item) => typeof item === 'string' && item.trim() !== '')
    )
      throw new Error(
        `Understanding corpus ${source}: "questions.${part}" must be a non-empty list of non-empty strings.`,
      );
    questions[part] = texts as string[];
  }
  return questions;
}

/** The intents of a learnt file (learnt.ts): each a known intent with a non-empty list of sentences. */
export function checkLearnt(raw: unknown, source: string): Partial<Record<IntentName, string[]>> {
  const fail = (field: string, what: string): never => {
    throw new Error(`Understanding corpus ${source}: "${field}" ${what}.`);
  };
  if (!isRecord(raw) || !isRecord(raw.intents)) return fail('intents', 'must be an object of intent → sentences');
  const intents: Partial<Record<IntentName, string[]>> = {};
  for (const [intent, sentences] of Object.entries(raw.intents)) {
    if (!(INTENTS as readonly string[]).includes(intent)) fail(`intents.${intent}`, 'is no intent');
    if (
      !Array.isArray(sentences) ||
      sentences.length === 0 ||
      !sentences.every((item) => typeof item === 'string' && item.trim() !== '')
    )
      fail(`intents.${intent}`, 'must be a non-empty list of non-empty strings');
    intents[intent as IntentName] = sentences as string[];
  }
  return intents;
}

export function checkCorpus(raw: unknown, source: string): Corpus {
  const fail = (field: string, what: string): never => {
    throw new Error(`Understanding corpus ${source}: "${field}" ${what}.`);
  };
  if (!isRecord(raw)) return fail('(root)', 'must be an object');
  const strings = (value: unknown, field: string): string[] => {
    if (
      !Array.isArray(value) ||
      value.length === 0 ||
      !value.every((item) => typeof item === 'string' && item.trim() !== '')
    ) {
      return fail(field, 'must be a non-empty list of non-empty strings');
    }
    return value as string[];
  };
  const record = <K extends string>(value: unknown, field: string, keys?: readonly K[]): Record<K, string[]> => {
    if (!isRecord(value)) return fail(field, 'must be an object');
    const names = (keys ?? Object.keys(value)) as K[];
    return Object.fromEntries(names.map((key) => [key, strings(value[key], `${field}.${key}`)])) as Record<K, string[]>;
  };
  if (typeof raw.locale !== 'string' || raw.locale === '') fail('locale', 'must name the language');
  return {
    locale: raw.locale as string,
    intents: record(raw.intents, 'intents', INTENTS),
    none: strings(raw.none, 'none'),
    taskNames: record(raw.taskNames, 'taskNames'),
    positions: record(raw.positions, 'positions', ['next', 'current', 'referred'] as const),
    firstPerson: strings(raw.firstPerson, 'firstPerson'),
    doers: strings(raw.doers, 'doers'),
    secondPerson: strings(raw.secondPerson, 'secondPerson'),
    cadences: record(raw.cadences, 'cadences', ['daily', 'weekly', 'off'] as const),
    clearDate: strings(raw.clearDate, 'clearDate'),
    clearDateWords: record(raw.clearDateWords, 'clearDateWords', ['verbs', 'nouns', 'spanEnds'] as const),
    dueTaskMarkers: strings(raw.dueTaskMarkers, 'dueTaskMarkers'),
    tierNouns: strings(raw.tierNouns, 'tierNouns'),
    taskOrdinals: record(raw.taskOrdinals, 'taskOrdinals', ['words', 'nouns', 'partOf'] as const),
    watchSettings: record(raw.watchSettings, 'watchSettings', [
      'off',
      'show',
      'otherVerbs',
      'changeVerbs',
      'objectOpeners',
      'ownNouns',
    ] as const),
    holidays: holidays(raw.holidays, fail),
    holidayCountedFrom: strings(raw.holidayCountedFrom, 'holidayCountedFrom'),
    respellings: respellings(raw.respellings, fail),
    functionWords: strings(raw.functionWords, 'functionWords'),
    conditionals: strings(raw.conditionals, 'conditionals'),
    hedges: strings(raw.hedges, 'hedges'),
    pastIntentions: strings(raw.pastIntentions, 'pastIntentions'),
    laterTalk: strings(raw.laterTalk, 'laterTalk'),
    othersWho: strings(raw.othersWho, 'othersWho'),
    futureWords: strings(raw.futureWords, 'futureWords'),
    laterTimes: strings(raw.laterTimes, 'laterTimes'),
    sayFrames: strings(raw.sayFrames, 'sayFrames'),
    usageAsks: strings(raw.usageAsks, 'usageAsks'),
    whoDidIt: strings(raw.whoDidIt, 'whoDidIt'),
    reversals: strings(raw.reversals, 'reversals'),
    sayOpeners: strings(raw.sayOpeners, 'sayOpeners'),
    indirectQuestions: strings(raw.indirectQuestions, 'indirectQuestions'),
    suggestions: strings(raw.suggestions, 'suggestions'),
    excess: strings(raw.excess, 'excess'),
    closingRefusals: strings(raw.closingRefusals, 'closingRefusals'),
    otherSenses: strings(raw.otherSenses, 'otherSenses'),
    workVerbs: strings(raw.workVerbs, 'workVerbs'),
    otherWorkplaces: strings(raw.otherWorkplaces, 'otherWorkplaces'),
    doneTaskWords: wordMap(raw.doneTaskWords, 'doneTaskWords', fail),
    onwardWords: strings(raw.onwardWords, 'onwardWords'),
    owners: record(raw.owners, 'owners', ['markers', 'me', 'takers', 'arrows', 'nobody'] as const),
    pastDays: record(raw.pastDays, 'pastDays', [
      'pastWords',
      'pastEndings',
      'notPast',
      'deadlines',
      'movedTo',
    ] as const),
    praise: strings(raw.praise, 'praise'),
    requestWords: strings(raw.requestWords, 'requestWords'),
    vagueDays: record(raw.vagueDays, 'vagueDays', ['parts', 'between', 'periods'] as const),
    countedNumbers: record(raw.countedNumbers, 'countedNumbers', ['before', 'notCounted'] as const),
    questionWords: record(raw.questionWords, 'questionWords', [
      'openers',
      'yesNo',
      'wh',
      'whContracted',
      'requests',
      'referring',
      'tags',
      'answeredYes',
      'answeredNo',
    ] as const),
    settingStates: strings(raw.settingStates, 'settingStates'),
    openers: strings(raw.openers, 'openers'),
    corrections: strings(raw.corrections, 'corrections'),
    politeFrames: strings(raw.politeFrames, 'politeFrames'),
    taskVerbs: record(raw.taskVerbs, 'taskVerbs', VERBED_TASK_CHANGES),
    taskStates: record(raw.taskStates, 'taskStates', ['markers', ...STATED_TASK_CHANGES] as const),
    smallTalk: strings(raw.smallTalk, 'smallTalk'),
    negation: record(raw.negation, 'negation', [
      'words',
      'imperatives',
      'openers',
      'pending',
      'undo',
      'turnOn',
      'alternatives',
      'limiters',
      'holds',
      'changes',
      'asIs',
      'disbelief',
    ] as const),
    eachTask: record(raw.eachTask, 'eachTask', ['every', 'taskNouns', 'attributes', 'yesNoOpeners'] as const),
    stopWords: strings(raw.stopWords, 'stopWords'),
    guideQuestions: record(raw.guideQuestions, 'guideQuestions'),
    buildQuestions: record(raw.buildQuestions, 'buildQuestions', ['asking', 'builds', 'installed'] as const),
    previewWords: strings(raw.previewWords, 'previewWords'),
    amountWords: strings(raw.amountWords, 'amountWords'),
    pageWords: strings(raw.pageWords, 'pageWords'),
    trackWords: pathTrackWords(record(raw.trackWords, 'trackWords'), fail),
    agentWords: record(raw.agentWords, 'agentWords', ['agent', 'otherAgents'] as const),
    installTypes: strings(raw.installTypes, 'installTypes'),
    timeFillers: strings(raw.timeFillers, 'timeFillers'),
    featureNouns: strings(raw.featureNouns, 'featureNouns'),
    otherProducts: strings(raw.otherProducts, 'otherProducts'),
    otherFeatures: strings(raw.otherFeatures, 'otherFeatures'),
    botChores: record(raw.botChores, 'botChores', ['names', 'pronouns', 'verbs', 'forWhom'] as const),
    synonyms: Array.isArray(raw.synonyms)
      ? raw.synonyms.map((group, i) => strings(group, `synonyms[${i}]`))
      : fail('synonyms', 'must be a list of word lists'),
  };
}

/**
 * Word → replacement; the replacement may be several words or empty (filler is dropped). A key may be a phrase of two
 * or three words ("let me know"), read together, and may hold a slash, as chat shorthand does ("w/o").
 */
function respellings(value: unknown, fail: (field: string, what: string) => never): Record<string, string> {
  if (!isRecord(value)) return fail('respellings', 'must be an object of word → replacement');
  for (const [word, replacement] of Object.entries(value)) {
    if (typeof replacement !== 'string' || !/^[a-z0-9'/]+(?: [a-z0-9'/]+){0,2}$/.test(word))
      fail(`respellings.${word}`, 'must map one to three lower-case words to a string');
  }
  return value as Record<string, string>;
}

/** Word → word, both lower-case single words. */
function wordMap(value: unknown, field: string, fail: (field: string, what: string) => never): Record<string, string> {
  if (!isRecord(value)) return fail(field, 'must be an object of word → word');
  for (const [word, other] of Object.entries(value)) {
    if (typeof other !== 'string' || !/^[a-z]+$/.test(word) || !/^[a-z]+$/.test(other))
      fail(`${field}.${word}`, 'must map a lower-case word to a lower-case word');
  }
  return value as Record<string, string>;
}

/** Words by track, each a track for a running deployment (PATH_TRACKS). */
function pathTrackWords(
  value: Record<string, string[]>,
  fail: (field: string, what: string) => never,
): Partial<Record<PathTrack, string[]>> {
  for (const track of Object.keys(value))
    if (!(PATH_TRACKS as readonly string[]).includes(track))
      fail(`trackWords.${track}`, `must name a track for a running deployment (${PATH_TRACKS.join(', ')})`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function holidays(value: unknown, fail: (field: string, what: string) => never): Record<string, string> {
  if (!isRecord(value)) return fail('holidays', 'must be an object of phrase → month-day');
  for (const [phrase, day] of Object.entries(value)) {
    if (typeof day !== 'string' || !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(day))
      fail(`holidays.${phrase}`, 'must map a phrase to a month and day written MM-DD');
  }
  return value as Record<string, string>;
}
