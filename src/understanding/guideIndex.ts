/**
 * Questions answered from the bot's own content: every checklist line, check and "why" of the task
 * catalog, the advisor's capability rules and a few extra facts, indexed at start with MiniSearch
 * (English stems, field boosts, the corpus's synonyms) and each term's scores worked out then (TermScores);
 * typos and partial words are mapped to index terms through tables built at start, and answers are remembered
 * by the question's words. Parts of the guide (tasks, rules, facts) are ranked by their lines' scores times how much
 * of the question they hold, each word weighted by how few parts write it. An answer is only given
 * when the best match covers enough of the question; otherwise the caller says honestly that the guide
 * has no answer.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { CAPABILITY_RULES } from '../domain/advisorRules';
import type { SingleTool } from '../domain/advisorRules';
import { PATH_TRACK_IDS, type TaskId, type TaskLink, type Track } from '../domain/catalog';
import { TASK_CATALOG } from '../domain/taskCatalog';
import { TRACK_LABELS } from '../domain/toolNames';
import type { Corpus } from './corpus';
import { GUIDE_FACTS } from './guideFacts';
import { planForTool, toolNamed } from './namedTool';
import { stem } from './stems';
import { inverseFrequency, MAX_QUESTION_WORDS, TermScores, type ScoredDoc } from './termScores';
import { cleanText, tokenize } from './textPrep';

export interface GuideHit {
  /** The line of content that matched, as written in the catalog or the rule. */
  readonly text: string;
  /** The task (or rule or fact) it belongs to. */
  readonly title: string;
  /**
   * Catalog tasks this line belongs to: a shared task belongs to both tracks, and an advisor's rule to the tool choice
   * it explains; empty for a fact that names no task.
   */
  readonly taskIds: readonly TaskId[];
  readonly links: readonly TaskLink[];
}

export type GuideAnswer =
  { readonly kind: 'answer'; readonly hits: readonly GuideHit[] } | { readonly kind: 'noAnswer' };

interface IndexedDoc extends GuideHit {
  readonly id: number;
  /** Which part of the content: the checklist and facts answer questions, a task's "why" mostly explains. */
  readonly source: 'checklist' | 'check' | 'why' | 'rule' | 'fact' | 'example';
  /** The task (its ids joined), rule or fact this document belongs to: an answer comes from one group. */
  readonly group: string;
  /** The tool a task belongs to, so "in connect" prefers Connect Sync's tasks. */
  readonly track: string;
  /** A task of a track for a running deployment (PATH_TRACK_IDS). */
  readonly pathTrack?: boolean;
  /** The one sync tool all of the document's tasks are about (Cloud Sync's install and health, Connect's install, upgrade and restore). */
  readonly tool?: SingleTool;
  /**
   * An advisor's rule or one of its example questions: its task is the tool choice, which the rule explains, so an
   * answer opens that task, but the rule is no line of the plan's own track and is not weighted as one.
   */
  readonly ofRule?: boolean;
  /** The titles of the Learn pages the part links to: what those pages, and so the part, are about (asksPage). */
  readonly pages?: string;
  /** A question learnt from the tuning sets (learnt.ts): searched in an index of its own as a line of its part, never shown. */
  readonly learnt?: boolean;
}

/**
 * Share of the question's words that the best match must contain, and how many at least. Measured on dev.en.json:
 * 0.55 turns 4 of its 8 wrong answers into honest fallbacks at the same top-1, but then a plain question with two of
 * four words in the guide ("is it ok to use both tools together") loses its answer too; the share alone cannot tell
 * those apart, so it stays at one half.
 */
const MIN_COVERAGE = 0.5;
/**
 * A long question tells its story (who asked, the change ticket, the VM it wants to save) in words the guide never
 * writes: three of its words in one line are evidence enough, whatever the share. Measured on the dev sets: dev12's
 * long-winded requests went from honest fallbacks to right answers (67.7% -> 77.1%, dev3 86.0% -> 86.8%), and no question
 * that must fall back was answered.
 */
const ENOUGH_COVERED = 3;
/**
 * With two or more words in the question, one word in common is not an answer, unless that word is a rare technical
 * term of the guide (TLS, gMSA, LocalDB, 443): a rare everyday word ("fix", "car") proves nothing.
 */
const MIN_MATCHED_OF_SEVERAL = 2;
/**
 * A question no single line covers enough is still answered by a part whose two best lines hold together at least
 * this many of its words, and half of them, each line at least PAIR_LINE_WORDS (spreadOverTwoLines). Measured on the
 * dev sets (questions right of 1,943; 1,832 without): 4 words and 2 a line give 1,833, one turned right and none lost,
 * as 4 words and 1 a line do; 5 words 1,832; 3 words also 1,833 but turn an unrelated question ("how to configure
 * bitlocker via group policy") from the honest fallback into a wrong answer.
 */
const PAIR_WORDS = 4;
const PAIR_LINE_WORDS = 2;
const RARE_IN_DOCS = 3;
/**
 * How much a part counts that does not write the rare name the question holds, where another part does. Measured on
 * the dev sets: 0.25 and 0.5 turn four questions right and change no other; 0.7 two.
 */
const UNNAMED_WEIGHT = 0.5;
/**
 * A PowerShell command of the guide's (Get-ADSyncScheduler, Start-ADSyncSyncCycle), as a question writes it: a verb, a
 * hyphen and a noun. It is the question's subject however many lines name it ("what does the Get-ADSyncScheduler output
 * mean"), as a rare name is. Linear: two bounded runs of letters around one hyphen.
 */
const COMMAND_NAME = /^[a-z]{2,12}-[a-z]{4,40}$/;
/** A rare technical term that names a thing: a word of at least four characters with two letters in it, not a number. */
const NAME_WORD = /^(?=.{4,40}$)[^a-z]*[a-z][^a-z]*[a-z]/;
/**
 * A word with a capital after its first letter or with a digit (gMSA, LocalDB, TLS, 443, KB5070773, Get-ADSyncScheduler,
 * hyphens kept as tokenize keeps them), with the dots inside a file name (AADConnectProvisioningAgentSetup.exe) as
 * tokenize keeps them too; run on our own content only. Each dot must be followed by a letter or digit, so the pattern
 * stays linear and a sentence's full stop is left out.
 */
const TECHNICAL_WORD = /[A-Za-z0-9-]*(?:[a-z][A-Z]|[A-Z]{2}|\d)[A-Za-z0-9-]{0,40}(?:\.[A-Za-z0-9-]{1,20})*/g;
/** How many words after a word the guide never writes a feature noun may come and still end its name (unknownFeature). */
const FEATURE_NAME_WORDS = 3;
/** Shorter unknown words are as often shorthand ("svr", "cfg") as a made-up name: they name no feature (unknownFeature). */
const MIN_NAME_LETTERS = 4;
/** A synonym counts for less than the word the person typed. */
const SYNONYM_WEIGHT = 0.25;
/** Checklist lines are the most concrete answers; a task's "why" explains more than it answers. */
const SOURCE_WEIGHT: Readonly<Record<IndexedDoc['source'], number>> = {
  checklist: 1.2,
  check: 1.1,
  why: 0.8,
  rule: 1,
  fact: 1,
  example: 1,
};
/** Which lines of an answer come first (a sort is stable, so score order holds within each). */
const SHOW_ORDER: Readonly<Record<IndexedDoc['source'], number>> = {
  checklist: 0,
  check: 0,
  fact: 0,
  rule: 0,
  why: 1,
  example: 2,
};
/**
 * A question that asks whether something is so rather than what to do: whether a tool can or does something ("can
 * connect upgrade itself on a full SQL Server", "do the agents update themselves"), what it supports, or how the tools
 * differ. Facts and the advisor's rules state what is so; a checklist line says what to do, so such a question loses
 * its answer to a step that merely shares its words when steps keep their bonus (SOURCE_WEIGHT). A question opening
 * with one of these words, or holding one of the others, has that shape. Questions of a version or a limit are left
 * out: checklist lines state those themselves (a build floor, the transition tool's object limit), and counting them
 * cost dev12 a right answer.
 */
const WHETHER_OPENERS: ReadonlySet<string> = new Set([
  'can',
  'could',
  'does',
  'do',
  'did',
  'is',
  'are',
  'will',
  'would',
  'must',
  'has',
  'have',
]);
const WHAT_IS_SO_WORDS: ReadonlySet<string> = new Set([
  'support',
  'supports',
  'supported',
  'difference',
  'differences',
  'compare',
  'vs',
  'versus',
]);
/**
 * A question of what something needs ("do i need domain admin to create the gmsa", "is global admin required") is
 * answered by what the prerequisites list, where the install steps that use the same account share its words: the
 * prerequisites' lines count this much more. Measured on the dev sets: 1.2 turns two such questions right, 1.4 to 1.6
 * three, and none goes wrong.
 */
const NEED_WORDS: ReadonlySet<string> = new Set(['need', 'needs', 'needed', 'require', 'required', 'requires']);
const PREREQUISITE_TASKS: ReadonlySet<string> = new Set<TaskId>(['cloudSync.prerequisites', 'connect.prerequisites']);
const NEEDS_WEIGHT = 1.4;
/**
 * A question asking which build or version ("which agent build added group provisioning", "what version brought
 * ...", "minimum agent build for ...": the corpus's buildQuestions) is answered by the parts about builds (the release
 * lists, which build to run), where a feature's own rule shares more of its words but names no build: parts whose
 * title is about builds or versions count this much more. Measured on the dev sets: 1.5 turns one such question right
 * and changes no other; 2 takes the version floor a configuration line states ("exchange hybrid writeback, which agent
 * version") away from that line (with the newer sets too, 1.75 and 2 lose three more than they gain).
 */
const BUILD_TITLE = /\b(?:build|builds|version|versions|release|releases)\b/i;
const BUILD_QUESTION_WEIGHT = 1.5;
/**
 * A question asking which build a server has ("which aadc build are we on", "where do i see the version each agent
 * runs": buildQuestions' installed words) is answered by the parts saying where to read the installed version, where
 * the parts on which build to run share its words: parts titled by what is installed count this much more. Measured on
 * the dev sets: 2 and 3 turn two such questions right and change no other.
 */
const INSTALLED_TITLE = /\binstalled\b/i;
const INSTALLED_QUESTION_WEIGHT = 2;
/**
 * A question asking what something is called now or whether two names are one ("what did hybrid azure ad join get
 * renamed to", "is azure ad connect the same thing as entra connect") is answered by the part about names, where the
 * feature's own parts share more of its words but say nothing of its name: parts titled by names count this much more.
 * Measured on the dev sets: 2 leaves such a question on the feature's own part, 3 turns it right and changes no other.
 */
const RENAME_WORDS: ReadonlySet<string> = new Set([
  'rename',
  'renamed',
  'renaming',
  'rebrand',
  'rebranded',
  'rebranding',
]);
const RENAME_PAIRS: ReadonlySet<string> = new Set(['new name', 'old name', 'same thing', 'called now', 'now called']);
const NAME_TITLE = /\bnames?\b/i;
const RENAME_QUESTION_WEIGHT = 3;
/**
 * A question about Connect's install types themselves ("what does express enable", "express settings limits", "which
 * installation type do we pick") is answered by the part that compares them, where an install's own steps share its
 * words ("express", "settings", "enterprise admin") but say nothing of what the type does, needs or cannot do: that
 * part counts this much more. A question asking for the steps ("steps for the express install", "how do i run
 * express") wants those steps and is left as it is. Measured on the dev sets: 1.5 turns two such questions right, 1.75
 * three and changes no other, 2 takes a question about what the express install configures away from its own lines.
 */
const INSTALL_TYPE_WORDS: ReadonlySet<string> = new Set(['express']);
const INSTALL_TYPE_PAIRS: ReadonlySet<string> = new Set([
  'install type',
  'install types',
  'installation type',
  'installation types',
]);
const STEP_WORDS: ReadonlySet<string> = new Set(['how', 'steps', 'step', 'walk', 'walkthrough', 'procedure']);
const INSTALL_TYPE_TASK: TaskId = 'connect.chooseInstallType';
const INSTALL_TYPE_QUESTION_WEIGHT = 1.75;
/**
 * The other way round: a question asking for the steps of an install type it names ("steps for a custom connect
 * install", "walk me through the express setup"; the corpus's installTypes) wants the install's own lines, where the
 * part comparing the types shares its words and says what each type does: the installs count this much more and the
 * comparison this much less. Measured on the dev sets: 1.5 changes nothing, 1.75 and 2 turn one such question right
 * and change no other.
 */
const INSTALL_TASKS: ReadonlySet<string> = new Set<TaskId>(['connect.installExpress', 'connect.installCustom']);
const INSTALL_STEPS_QUESTION_WEIGHT = 1.75;
/**
 * A question asking for a limit or an amount ("how many objects can the transition tool move", "what object count limit
 * does it have"; the corpus's amountWords) wants a figure: the lines that state one count this much more than a line
 * that merely shares its words ("compare object counts" after the move). Measured on the dev sets (questions right of
 * 1,983; 1,869 without): 1.2 and 1.4 change nothing, 1.5 to 2.5 give 1,871 (two turned right, none lost); 1.75 is the
 * middle of that range. "How much", "how big" and "how large" are left out: with them a held-out question was lost.
 */
const FIGURE = /\d/;
const AMOUNT_QUESTION_WEIGHT = 1.75;
/** Lines of the conversation's own plan count for more: a Cloud Sync plan asking about "the agent" means Cloud Sync's. */
const IN_PLAN_WEIGHT = 1.5;
/**
 * The tracks for a tenant that already syncs (restore, upgrade, migrate, health) repeat much of the install tracks'
 * content for a running deployment; outside such a plan, a first installation's line is the likelier answer.
 */
const PATH_TRACK_WEIGHT = 0.5;
/**
 * A question that names the situation a track for a running deployment is for (the corpus's trackWords: "sync stopped",
 * "after the cutover", "we only have one agent") asks about that track's tasks whatever the conversation's plan installs:
 * its words say more than the plan does, so that track's parts count this much, above the plan's own lines. Measured on
 * the dev sets (questions right, of 1,759; 1,655 without): 1 gives 1,658, 1.5 1,660, 2 1,662 (seven turned right, none
 * lost), 2.5 and 3 1,661. "After the move" names no situation: "move" is already in every line of the move's track.
 */
const NAMED_TRACK_WEIGHT = 2;
/**
 * A question about a preview ("can cloud sync do hybrid join now? i heard there's a preview"; the corpus's
 * previewWords) is about the catalog's preview task, which sets that preview up: its parts count this much more than
 * the advisor's rule on the same feature, which only weighs it in the tool choice. Measured on the dev sets: 1.25 and
 * 1.5 turn two such questions right and change no other; 1.5 also turns phrasings the dev sets lack.
 */
const PREVIEW_QUESTION_WEIGHT = 1.5;
const PREVIEW_TASKS: ReadonlySet<string> = new Set(TASK_CATALOG.filter((task) => task.preview).map((task) => task.id));
/**
 * A question that names one sync tool ("which Windows Server for Connect") is seldom answered by a line about the other
 * tool alone, however many of its other words that line holds.
 */
const OTHER_TOOL_WEIGHT = 0.5;
/**
 * A question that names one sync tool ("how much memory for aadc with 250k objects", "what agent version for ...") asks
 * about that tool rather than which of the two to choose: the advisor's rules, which explain the choice, count this much
 * there. Measured on the dev sets (questions right of 1,943; 1,827 without): 0.85 to 0.95 give 1,829 (three turned
 * right, one lost: "the max group size for cloud sync" is labeled with the comparison), 0.7 and 0.8 1,828.
 */
const NAMED_TOOL_RULE_WEIGHT = 0.9;
const MAX_HITS = 3;
/**
 * An advisor's rule is one line and its example questions, which fill its best MAX_HITS results with paraphrases of
 * that line, where a task's part has lines of its own: the rule's examples count this much among its lines, so a
 * question that the parts on agent builds answer in full ("what provisioning agent version is required to write cloud
 * security groups into AD") is not outweighed by the rule's many rewordings. Measured on the dev sets (questions right of 1,943; 1,833
 * without): 0.9 gives 1,834, one turned right and none lost; 0.8 1,834 but two fewer held-out questions, 0.7 and 0.6
 * 1,833; every example, a task's too, at 0.8, 1,828.
 */
const RULE_EXAMPLE_WEIGHT = 0.9;
/**
 * A question asking for a page ("is there a table of ...", "where is that documented"; the corpus's pageWords) is also
 * looked up in the titles of the Learn pages each part links to ("Common hybrid scenarios: which tool supports what"),
 * as index terms of their own (this prefix, which no word of the guide begins with), so no other question's scores
 * change. A title's word counts this much of a line's. Measured on the dev sets (questions right of 1,943; 1,821
 * without): 0.25 and 0.5 give 1,827 (six page questions turned right, none lost), 1 and 1.5 1,826, 2 and 3 1,827 with
 * a question about the download center's page traded for another.
 */
const PAGE_TERM = 'page:';
const PAGE_WEIGHT = 0.5;
/**
 * How much a word of a compound kept whole counts where the guide writes the compound apart (spacedParts): "sign-in"
 * finds the install line that says to "sign in" as its admin. Measured on the dev sets: 0.75 and 1 turn one question
 * right that 0.5 lost to a line writing "sign-in" beside the question's other words, and change no other.
 */
const SPACED_PART_WEIGHT = 0.75;
/**
 * Names of programs the guide writes whose English stem is an everyday verb's or noun's: the agent's "Agent Updater"
 * service is not an answer to whether the agent updates itself, and Windows Server none to a migration window that
 * cannot be met. Each keeps a stem of its own, in the guide and in questions.
 */
const OWN_STEMS: ReadonlyMap<string, string> = new Map([
  ['updater', 'updater'],
  ['updaters', 'updater'],
  ['windows', 'windows'],
]);
/** Software the sync server needs, whose version a question may ask for. */
const PREREQUISITE_NAMES: ReadonlySet<string> = new Set(['.net', 'net', 'dotnet', 'framework', 'powershell', 'tls']);
/**
 * What a sync server or agent host is built from: a question naming it ("which windows server for connect sync", "what
 * .net version for the provisioning agent", "how much memory for aadc") asks what the host needs, as "need" does, though
 * it never says so, and the install steps, which name the same tool, won on its name alone. Names of two words are
 * matched as neighbouring words of the question.
 */
const HOST_WORDS: ReadonlySet<string> = new Set([
  ...PREREQUISITE_NAMES,
  'memory',
  'ram',
  'cpu',
  'cpus',
  'cores',
  'disk',
  'hardware',
  'os',
]);
const HOST_PAIRS: ReadonlySet<string> = new Set(['windows server', 'sql server']);
const VERSION_WORDS: ReadonlySet<string> = new Set(['version', 'versions']);
const OWN_STEM_NAMES: ReadonlySet<string> = new Set(OWN_STEMS.values());
/**
 * Names spelled out in everyday words, read with their short form in place of the word that misleads: a "group managed
 * service account" is the gMSA, a kind of managed service account, and no line about groups; a question about groups
 * managed in the cloud must not find it. Both sides (the guide and questions) are read so.
 */
const SPELLED_OUT_NAMES: ReadonlyArray<{ readonly words: readonly string[]; readonly reading: readonly string[] }> = [
  { words: ['group', 'managed', 'service'], reading: ['gmsa', 'managed', 'service'] },
  // Hybrid join's old name: its words would find the renaming fact, which writes both names, over what joins devices.
  { words: ['hybrid', 'azure', 'ad', 'join'], reading: ['hybrid', 'join'] },
];
/** The first word of each spelled-out name: a question without any of them is read as it is. */
const NAME_STARTS: ReadonlySet<string> = new Set(SPELLED_OUT_NAMES.map(({ words }) => words[0]));
/** How an answer names the page comparing the two tools (as the facts that cite it do). */
const COMPARISON_TITLE = 'Cloud Sync or Connect Sync: decision guide';
/** The task where the advisor's capability rules are acted on (shared by both tracks). */
const TOOL_CHOICE_TASK: TaskId = 'cloudSync.chooseTool';
/**
 * Longest synonym phrase looked up as a unit in a question ("first sync", "how long", "provision on demand"). A phrase
 * is one term of the question: the guide may write it otherwise ("first cycle", "a few hours") while its words alone
 * say little there ("sync" is in most lines, "how" is a stop word).
 */
const MAX_PHRASE_WORDS = 3;
/**
 * Typos and partial words: a stem of at least MIN_CORRECTED letters the index does not hold stands for the index stems
 * one edit away, and a stem of at least MIN_COMPLETED letters also for up to MAX_COMPLETIONS longer stems it begins.
 * Each counts for less than a word as typed, with MiniSearch's own default weights for fuzzy and prefix terms, which
 * these tables replace: MiniSearch's fuzzy search walks the whole vocabulary for every term of every question.
 * Five letters, not six: hurried typing garbles short words too ("agnet", "sevice", "acess"); on the dev sets that
 * turned two of dev12's honest fallbacks into right answers and changed no other answer.
 */
const MIN_CORRECTED = 5;
const MIN_COMPLETED = 5;
const MAX_COMPLETIONS = 8;
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
/** Bounds on what is remembered between questions (answers by their words, stems' near terms, plans' document weights). */
const MAX_REMEMBERED_ANSWERS = 500;
const MAX_REMEMBERED_STEMS = 5_000;
const MAX_REMEMBERED_PLANS = 16;

/** The tool each track is about; a move from one tool to the other is about both. */
const TRACK_TOOLS: Readonly<Record<Track, SingleTool | undefined>> = {
  cloudSync: 'cloudSync',
  cloudSyncHealth: 'cloudSync',
  connect: 'connect',
  connectUpgrade: 'connect',
  restoreSync: 'connect',
  migrateToCloudSync: undefined,
};
const TRACK_OF_TASK: ReadonlyMap<string, Track> = new Map(TASK_CATALOG.map((task) => [task.id, task.track]));
/** The tasks of the tracks for a running deployment: a plan holding one is for such a deployment. */
const PATH_TRACK_TASKS: ReadonlySet<string> = new Set(
  TASK_CATALOG.filter((task) => (PATH_TRACK_IDS as readonly string[]).includes(task.track)).map((task) => task.id),
);

/** The one tool all the tasks are about, if they are about one. */
function toolOfTasks(taskIds: readonly string[]): SingleTool | undefined {
  const tools = new Set(taskIds.map((taskId) => TRACK_TOOLS[TRACK_OF_TASK.get(taskId)!]));
  return tools.size === 1 ? [...tools][0] : undefined;
}

/** The tokens with each spelled-out name read as above (a linear scan; the names are few and short). */
function withNames(tokens: readonly string[]): readonly string[] {
  if (!tokens.some((token) => NAME_STARTS.has(token))) return tokens;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const found = SPELLED_OUT_NAMES.find(({ words }) => words.every((word, k) => tokens[i + k] === word));
    if (found === undefined) out.push(tokens[i]);
    else {
      out.push(...found.reading);
      i += found.words.length - 1;
    }
  }
  return out;
}

/** The word with one letter left out, at each position (the keys of a one-edit lookup table). */
function oneLetterShorter(word: string): string[] {
  const shorter: string[] = [];
  for (let i = 0; i < word.length; i++) shorter.push(word.slice(0, i) + word.slice(i + 1));
  return shorter;
}
/**
 * The example questions vote beside the lines' search: a question worded like a part's examples ("which urls must the
 * agent reach") can win over lines that merely repeat a frequent phrase ("provisioning agent"). Each signal is scaled to
 * its own best; the vote counts half as much as the lines, and only an example that shares three quarters of the
 * question's words votes at all, so a loose resemblance to another tool's example does not steer the answer.
 * Both were chosen on dev.en.json.
 */
const EXAMPLE_VOTE = 0.5;
const EXAMPLE_COVERAGE = 0.75;
/**
 * A question learnt from the tuning sets (learnt.ts) counts as half a line of its part, and only when it holds at
 * least this share of the question's words: learnt questions are many and labeled by task, so at full weight and
 * without the bound they outvoted the guide's own facts and rules on questions those state better (40 of 757 guide
 * tests failed, against 11 with these two). Chosen on the older held-out sets' figures and those tests together, then
 * confirmed once on two unseen sets.
 */
const LEARNT_WEIGHT = 0.5;
const LEARNT_COVERAGE = 0.6;
/**
 * The weight of a learnt question when it picks the task that answers (see search): in full. With the guide's own scores
 * choosing the part within that task, 0.7 and 1 read 8 and 18 more of the 3,579 older held-out questions (1.5 and 2.5
 * read more, but answered pinned guide questions worse), and 8 and 14 more of the tuning sets' questions, each set left
 * out of the learnt ones in turn.
 */
const LEARNT_TASK_WEIGHT = 1;

/** Two searches' results as one list, best first. */
function byScore(first: readonly ScoredDoc[], second: readonly ScoredDoc[]): ScoredDoc[] {
  return second.length === 0 ? [...first] : [...first, ...second].sort((a, b) => b.score - a.score);
}

/**
 * A part of the guide is ranked by how much of the question it answers, not only by how strongly its best lines match:
 * its score is scaled by the share of the question it holds (each word weighted by how few parts of the guide write
 * it), to this power. Without it, the words every line of a part repeats (its title: "Install the provisioning agent")
 * outscore the one word that tells the question apart ("RAM", "proxy"), which another part holds. 0.25 to 0.75 measure
 * within two questions of each other on the dev sets; 1 and above let a part holding every word win on a weak match.
 */
const ANSWERED_SHARE_POWER = 0.5;

/** What a glued word has: a hyphen or a digit. */
const GLUED_MARK = /[-\d]/;
/** Longest glued word split into parts; longer tokens (a URL, a file name) stay whole. */
const MAX_GLUED_LENGTH = 40;
/**
 * The parts of a word written glued together: split at hyphens and where letters turn into a version or number
 * ("tls1.2" → "tls", "1.2"; "ipv6" stays, its number is one digit and part of the name). A word with no such
 * joint is its only part. Both patterns are linear and the word is bounded.
 */
function gluedParts(word: string): string[] {
  if (word.length > MAX_GLUED_LENGTH || !GLUED_MARK.test(word)) return [word];
  const parts: string[] = [];
  for (const piece of word.split('-')) {
    if (piece === '') continue;
    const joint = /^([a-z]{2,})(\d+(?:\.\d+)+|\d{2,})$/.exec(piece);
    if (joint) parts.push(joint[1], joint[2]);
    else parts.push(piece);
  }
  return parts.length > 0 ? parts : [word];
}

/**
 * Enough of the question's own words (or their synonyms) occur in the match; one rare word may do. A rare name of the
 * guide's own (IdFix, provAgentgMSA$) is the question's subject on its own, however the rest is worded.
 */
function covers(words: number, wanted: number, rare: number, minCoverage = MIN_COVERAGE, names = 0): boolean {
  if (minCoverage === MIN_COVERAGE && (words & names) !== 0) return true;
  let covered = 0;
  for (let mask = words; mask !== 0; mask &= mask - 1) covered += 1;
  return (
    (covered >= Math.min(wanted, MIN_MATCHED_OF_SEVERAL) || (covered >= 1 && (words & rare) !== 0)) &&
    (covered / wanted >= minCoverage || (minCoverage === MIN_COVERAGE && covered >= ENOUGH_COVERED))
  );
}

/** How many of the question's words a mask holds. */
function wordCount(words: number): number {
  let count = 0;
  for (let mask = words; mask !== 0; mask &= mask - 1) count += 1;
  return count;
}

/** What a question asks for, as its words show: each shifts which parts of the guide count for more (docBoosts). */
interface QuestionShape {
  readonly whatIsSo?: boolean;
  readonly needs?: boolean;
  readonly asksBuild?: boolean;
  readonly asksInstalled?: boolean;
  readonly asksName?: boolean;
  readonly asksInstallType?: boolean;
  readonly asksInstallSteps?: boolean;
  readonly asksPreview?: boolean;
  readonly asksAmount?: boolean;
  /** Tracks for a running deployment whose situation the question names (the corpus's trackWords). */
  readonly namedTracks?: ReadonlySet<Track>;
}

export class GuideIndex {
  /** Each term's score in each line (every document but the example questions). */
  private readonly lineScores: TermScores;
  /** The example questions alone: the part of the guide whose examples a question resembles most votes beside the lines' search. */
  private readonly exampleScores: TermScores;
  /** The questions learnt from the tuning sets, searched as lines of the part that answers them. */
  private readonly learntScores: TermScores;
  private readonly docs: IndexedDoc[] = [];
  private readonly stopWords: ReadonlySet<string>;
  /** Words that ask for a build, and the words for a build (the corpus's buildQuestions). */
  private readonly buildAsking: ReadonlySet<string>;
  private readonly buildWords: ReadonlySet<string>;
  /** Words and pairs that make a build question ask for the installed one. */
  private readonly installedWords: ReadonlySet<string>;
  /** Words for a feature in preview (the corpus's previewWords). */
  private readonly previewWords: ReadonlySet<string>;
  /** Words and pairs asking for a limit or an amount (the corpus's amountWords). */
  private readonly amountWords: ReadonlySet<string>;
  /** Words asking for a page of documentation (the corpus's pageWords). */
  private readonly pageWords: ReadonlySet<string>;
  /** Phrases naming the situation of a track for a running deployment (the corpus's trackWords), as otherProducts. */
  private readonly trackWords: ReadonlyArray<{ readonly spaced: string; readonly track: Track }>;
  /** Words for Cloud Sync's agent, and the words before one that make it another product's (the corpus's agentWords). */
  private readonly agentWords: ReadonlySet<string>;
  private readonly otherAgents: ReadonlySet<string>;
  /** Words naming Connect's install types (the corpus's installTypes). */
  private readonly installTypes: ReadonlySet<string>;
  /** Phrases that say when a question is asked (the corpus's timeFillers), each as its words. */
  private readonly timeFillers: ReadonlyArray<readonly string[]>;
  /** Nouns naming a control or part of a tool (the corpus's featureNouns). */
  private readonly featureNouns: ReadonlySet<string>;
  /**
   * The words the guide writes (as typed, not stemmed: "staging", whose stem "stage" is two edits from "stagng"), each
   * under itself and its one-letter-shorter forms: a word one edit from one of them is a typo, not a name of its own.
   */
  private readonly writtenNear = new Set<string>();
  /** Products the guide does not cover, each as its words joined by single spaces and padded with one. */
  private readonly otherProducts: readonly string[];
  /** What a person calls the bot, and the chores a question may ask it to do (the corpus's botChores). */
  private readonly botNames: ReadonlySet<string>;
  private readonly botPronouns: ReadonlySet<string>;
  private readonly choreVerbs: ReadonlySet<string>;
  /** Phrases that make a pronoun the bot ("for me"), as otherProducts. */
  private readonly forWhom: readonly string[];
  /** Other Entra and Microsoft 365 features, as otherProducts. */
  private readonly otherFeatures: readonly string[];
  /**
   * The sync tools' names of several words among the synonyms ("azure ad connect", "entra connect", "cloud sync"),
   * as otherProducts, each with how much its words weigh in a question: as much as its most common word.
   */
  private readonly toolNames: ReadonlyArray<{ readonly spaced: string; readonly weight: number }>;
  /** The guide's subject: stems more than half its parts write ("sync", "connect", "cloud"). */
  private readonly subject = new Set<string>();
  private readonly synonyms = new Map<string, string[]>();
  /** Synonym phrases of several words, by their stems joined with spaces, and what each stands for. */
  private readonly phraseSynonyms = new Map<string, string[]>();
  /** The first stem of each of those phrases. */
  private readonly phraseStarts = new Set<string>();
  /** What a group shows when only its example questions matched: a task's "why", or the rule or fact itself. */
  private readonly leads = new Map<string, IndexedDoc[]>();
  /** Terms in more than half the documents ("sync"): they tell nothing apart, and searching them costs the most. */
  private readonly common = new Set<string>();
  /** In how many documents each stem occurs. */
  private readonly documentFrequency = new Map<string, number>();
  /** Every term of the lines' index (stems and neighbouring pairs): only these are looked up. */
  private readonly vocabulary = new Set<string>();
  /** The index's single stems, sorted, for completing a partial word. */
  private readonly sortedStems: string[];
  /** Each index stem under itself and under each of its one-letter-shorter forms: a typo one edit away shares a key. */
  private readonly byDeletion = new Map<string, string[]>();
  /** Near terms of stems seen in questions (bounded). */
  private readonly near = new Map<string, ReadonlyArray<{ term: string; weight: number }>>();
  private readonly synonymTermCache = new Map<string, readonly string[]>();
  private readonly boostsByPlan = new Map<string, Float64Array>();
  private readonly answers = new Map<string, GuideAnswer>();
  /** Documents' text as spacedText gives it, for the few a question about another feature meets. */
  private readonly spacedTexts: Array<string | undefined> = [];
  private readonly spacedTitles: Array<string | undefined> = [];
  private lookupCount = 0;
  /** In how many parts of the guide (tasks, rules, facts) each term occurs, by what they say themselves. */
  private readonly groupFrequency = new Map<string, number>();
  private readonly groupCount: number;
  /** Stems the content writes as a name or an acronym (capitals after the first letter, or digits): its technical terms. */
  private readonly technical = new Set<string>();

  constructor(corpus: Corpus) {
    this.stopWords = new Set(corpus.stopWords);
    this.buildAsking = new Set(corpus.buildQuestions.asking);
    this.buildWords = new Set(corpus.buildQuestions.builds);
    this.installedWords = new Set(corpus.buildQuestions.installed);
    this.installTypes = new Set(corpus.installTypes);
    this.previewWords = new Set(corpus.previewWords);
    this.amountWords = new Set(corpus.amountWords.map((phrase) => tokenize(phrase.toLowerCase()).join(' ')));
    this.pageWords = new Set(corpus.pageWords);
    this.trackWords = Object.entries(corpus.trackWords).flatMap(([track, phrases]) =>
      (phrases ?? []).map((phrase) => ({
        spaced: ` ${tokenize(phrase.toLowerCase()).join(' ')} `,
        track: track as Track,
      })),
    );
    this.agentWords = new Set(corpus.agentWords.agent);
    this.otherAgents = new Set(corpus.agentWords.otherAgents);
    this.featureNouns = new Set(corpus.featureNouns);
    this.timeFillers = corpus.timeFillers.map((phrase) => tokenize(phrase.toLowerCase()));
    this.otherProducts = corpus.otherProducts.map((name) => ` ${tokenize(name.toLowerCase()).join(' ')} `);
    this.botNames = new Set(corpus.botChores.names);
    this.botPronouns = new Set(corpus.botChores.pronouns);
    this.choreVerbs = new Set(corpus.botChores.verbs);
    this.forWhom = corpus.botChores.forWhom.map((phrase) => ` ${tokenize(phrase.toLowerCase()).join(' ')} `);
    for (const group of corpus.synonyms) {
      for (const word of group)
        this.synonyms.set(
          this.stem(word),
          group.filter((other) => other !== word),
        );
      for (const phrase of group) {
        const key = this.phraseKey(tokenize(phrase.toLowerCase()));
        if (key === undefined) continue;
        // A phrase in two groups ("domain controller") stands for both.
        const others = [...(this.phraseSynonyms.get(key) ?? []), ...group.filter((other) => other !== phrase)];
        this.phraseSynonyms.set(key, [...new Set(others)]);
        this.phraseStarts.add(key.split(' ')[0]);
      }
    }
    // MiniSearch scores each index term once, at start (TermScores); typo tolerance and completion come from the
    // tables below, also built once.
    const exactTerms: SearchOptions = {
      tokenize: (text) => text.split(' '),
      fuzzy: false,
      prefix: false,
      combineWith: 'OR',
    };
    const index = new MiniSearch<IndexedDoc>({
      fields: ['title', 'text', 'track', 'pages'],
      storeFields: [],
      // The pages' titles are terms of their own, looked up only for a question asking for a page (asksPage).
      tokenize: (text, field) =>
        field === 'pages' ? this.terms(text).map((term) => `${PAGE_TERM}${term}`) : this.terms(text),
      // terms() already stemmed and dropped stop words.
      processTerm: (term) => term,
      searchOptions: { ...exactTerms, boost: { title: 1.5, track: 1.5 } },
    });
    this.addContent(corpus);
    // The learnt questions are searched as lines of their part, but in an index of their own: they are many, and in
    // the lines' index they would move every line's BM25 statistics (and so which line of a part is shown first).
    const lines = this.docs.filter((doc) => !doc.learnt);
    const learnt = this.docs.filter((doc) => doc.learnt);
    index.addAll(lines);
    const questionIndex = () =>
      new MiniSearch<IndexedDoc>({
        fields: ['text'],
        storeFields: [],
        tokenize: (text) => this.terms(text),
        processTerm: (term) => term,
        searchOptions: exactTerms,
      });
    const examples = questionIndex();
    examples.addAll(lines.filter((doc) => doc.source === 'example'));
    const learntQuestions = questionIndex();
    learntQuestions.addAll(learnt);
    for (const doc of lines) {
      for (const stem of new Set(this.terms(`${doc.title} ${doc.text}`))) {
        this.documentFrequency.set(stem, (this.documentFrequency.get(stem) ?? 0) + 1);
      }
      for (const term of this.terms(`${doc.title} ${doc.text} ${doc.track}`)) this.vocabulary.add(term);
    }
    // The learnt questions' words stay out of the vocabulary: it is what the guide writes, which decides what a word
    // of a question is corrected to and whether the guide can answer at all.
    const inLearnt = new Set(learnt.flatMap((doc) => this.terms(doc.text)));
    for (const doc of this.docs)
      for (const term of this.terms(doc.pages ?? '')) this.vocabulary.add(`${PAGE_TERM}${term}`);
    this.sortedStems = [...this.vocabulary].filter((term) => !term.includes('_') && !term.startsWith(PAGE_TERM)).sort();
    for (const term of this.sortedStems) {
      if (term.length < MIN_CORRECTED - 1) continue;
      for (const variant of [term, ...oneLetterShorter(term)]) {
        const list = this.byDeletion.get(variant);
        if (list === undefined) this.byDeletion.set(variant, [term]);
        else if (!list.includes(term)) list.push(term);
      }
    }
    for (const doc of lines)
      for (const word of tokenize(`${doc.title} ${doc.text}`.toLowerCase()))
        if (word.length >= MIN_CORRECTED)
          for (const variant of [word, ...oneLetterShorter(word)]) this.writtenNear.add(variant);
    for (const [term, count] of this.documentFrequency) if (count > lines.length / 2) this.common.add(term);
    const searched = [...this.vocabulary].filter((term) => !this.common.has(term));
    this.lineScores = new TermScores(index, searched, this.docs.length);
    // A part's example questions are how it is found, not what it says: they do not make a word common to parts.
    const groupsOf = new Map<string, Set<string>>();
    for (const doc of this.docs) {
      if (doc.source === 'example') continue;
      for (const term of this.terms(`${doc.title} ${doc.text}`)) {
        let groups = groupsOf.get(term);
        if (groups === undefined) groupsOf.set(term, (groups = new Set()));
        groups.add(doc.group);
      }
    }
    for (const [term, groups] of groupsOf) this.groupFrequency.set(term, groups.size);
    this.groupCount = new Set(this.docs.map((doc) => doc.group)).size;
    for (const [term, count] of this.groupFrequency)
      if (count > this.groupCount / 2 && !term.includes('_')) this.subject.add(term);
    this.otherFeatures = corpus.otherFeatures.map((name) => ` ${tokenize(name.toLowerCase()).join(' ')} `);
    this.toolNames = [...new Set(corpus.synonyms.flat())]
      .map((name) => tokenize(name.toLowerCase()))
      .filter((name) => name.length > 1 && toolNamed(name) !== undefined)
      .map((name) => ({
        spaced: ` ${name.join(' ')} `,
        weight: inverseFrequency(
          Math.max(...name.map((word) => this.groupFrequency.get(this.stem(word)) ?? 0)),
          this.groupCount,
        ),
      }));
    const inExamples = new Set(lines.filter((doc) => doc.source === 'example').flatMap((doc) => this.terms(doc.text)));
    this.exampleScores = new TermScores(
      examples,
      searched.filter((term) => inExamples.has(term)),
      this.docs.length,
    );
    this.learntScores = new TermScores(
      learntQuestions,
      [...inLearnt].filter((term) => !this.common.has(term)),
      this.docs.length,
    );
    for (const doc of this.docs) {
      if (doc.source === 'example') continue;
      for (const word of `${doc.title} ${doc.text}`.match(TECHNICAL_WORD) ?? [])
        this.technical.add(this.stem(word.toLowerCase()));
    }
  }

  get size(): number {
    return this.docs.length;
  }

  /** How many index terms all questions so far have been looked up with (the work a question costs; tests guard it). */
  get termLookups(): number {
    return this.lookupCount;
  }

  /** `planTaskIds`: the conversation's tasks; their lines win over another track's that match as well. */
  answer(question: string, planTaskIds: readonly string[] = []): GuideAnswer {
    const tokens = tokenize(cleanText(question).text);
    // The same question (as its words) in the same plan gets the same answer: remembered, most recent last.
    const key = `${planTaskIds.join(',')}\n${tokens.join(' ')}`;
    const remembered = this.answers.get(key);
    if (remembered !== undefined) {
      this.answers.delete(key);
      this.answers.set(key, remembered);
      return remembered;
    }
    // A question naming the other tool than the plan's is not about the plan's install lines.
    // Where no tool is named, "the agent" is Cloud Sync's (Connect Sync has none but its health agent).
    const tool =
      toolNamed(tokens) ??
      (tokens.some((word, i) => this.agentWords.has(word) && !this.otherAgents.has(tokens[i - 1] ?? ''))
        ? 'cloudSync'
        : undefined);
    const answer = this.search(tokens, planForTool(planTaskIds, tool), tool);
    if (this.answers.size >= MAX_REMEMBERED_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, answer);
    return answer;
  }

  private search(typed: readonly string[], planTaskIds: readonly string[], tool: SingleTool | undefined): GuideAnswer {
    // A compound with a little word in it that the guide never writes glued ("on-demand") is read as its words apart,
    // as the guide writes them ("Provision on demand"); one the guide writes ("sign-in", "on-premises") stays whole.
    const tokens = withNames(typed)
      .flatMap((word) =>
        this.partsOf(word).length === 1 && GLUED_MARK.test(word) && !this.vocabulary.has(this.stem(word))
          ? gluedParts(word)
          : [word],
      )
      // "Which .NET version" asks for the prerequisite, not for a version of the guide's own: the guide names the
      // prerequisite's version by its number ("4.7.1"), and "version" would lead to lines about the agent's.
      .filter((word, i, all) => !(VERSION_WORDS.has(word) && PREREQUISITE_NAMES.has(all[i - 1] ?? '')));
    // A question about another product (Intune, Teams Phone) is not the guide's to answer, however many of its
    // everyday words a sync line shares.
    const spaced = ` ${tokens.join(' ')} `;
    if (this.otherProducts.some((product) => spaced.includes(product))) return { kind: 'noAnswer' };
    // Nor is a chore the bot itself is asked to do in the tenant ("can the bot reset a student's password"): the
    // password writeback line shares its words, but the bot changes nothing there.
    if (this.asksBotForChore(tokens, spaced)) return { kind: 'noAnswer' };
    // A question about another Entra feature (MFA, PIM, a deleted user) is not the guide's either, unless it also
    // names the guide's subject ("can the sync account have MFA") or a line of the guide writes that feature together
    // with more of the question ("should the ADToAADSyncServiceAccount be left out of MFA"): only such lines answer
    // it, so "how do i reset a users mfa" and "conditional access for guests" fall back.
    const named = this.otherFeatures.filter((feature) => spaced.includes(feature));
    // "To the cloud" or "in the cloud" is where a mailbox or a group goes, not the sync tool: a subject word after "the"
    // that ends its phrase (the question, or a stop word next) names no part of the guide.
    const namesSubject = (word: string, i: number) =>
      this.namesSubject(word) &&
      !(tokens[i - 1] === 'the' && (i + 1 === tokens.length || this.stopWords.has(tokens[i + 1])));
    const features = named.length > 0 && tokens.some(namesSubject) ? [] : named;
    const featureTokens = new Set(features.flatMap((feature) => feature.trim().split(' ')));
    // "Where do I get the msi these days": the time it is asked is no part of what it asks, and a line that answers
    // the rest should not lose half its share of the question to it.
    const fillers = new Set<number>();
    tokens.forEach((_, i) => {
      for (const phrase of this.timeFillers)
        if (phrase.length > 0 && phrase.every((word, k) => tokens[i + k] === word))
          phrase.forEach((__, k) => fillers.add(i + k));
    });
    const counts = (word: string, i = -1) =>
      !fillers.has(i) && !this.stopWords.has(word) && !/^\d{1,2}$/.test(word) && !this.common.has(this.stem(word));
    // A phrase that is a synonym of its own ("first sync", "how long") is one word of the question, found only where
    // the guide writes what it stands for ("first cycle", "hours"): its words alone say little ("sync" is in most
    // lines, "how" is a stop word) or something else ("upgrade it first").
    // The words of a phrase the guide writes as such, each with the phrase's acronym ("password hash sync": PHS).
    const spelledOut = new Map<string, string[]>();
    const phrases = this.phrasesOf(tokens, (word) => counts(word), spelledOut);
    const words = [
      ...new Set(
        tokens.flatMap((token, i) => {
          const phrase = phrases.get(i);
          if (phrase !== undefined) return i === phrase.start ? [phrase.text] : [];
          return counts(token, i) ? [token] : [];
        }),
      ),
    ].slice(0, MAX_QUESTION_WORDS);
    if (words.length === 0) return { kind: 'noAnswer' };
    let featureWords = 0;
    words.forEach((word, i) => {
      if (featureTokens.has(word)) featureWords |= 1 << i;
    });
    if (features.length > 0 && featureWords === 0) return { kind: 'noAnswer' };
    // The stems only a phrase holds are not looked up on their own.
    const phraseStems = new Set<string>();
    for (const i of phrases.keys()) if (!words.includes(tokens[i])) phraseStems.add(this.stem(tokens[i]));
    // Every term of the question (a stem or pair as typed, or a synonym) and the index terms it is looked up as,
    // with how much each counts. Only terms the index holds are looked up: typos and partial words were mapped to
    // index terms by tables built at start, so the search itself never walks the vocabulary.
    const query = new Map<string, Map<string, number>>();
    const synonymQuery = new Map<string, Map<string, number>>();
    // Synonyms standing in for a word the guide never writes ("DC"): they are that word, so the examples hear them too.
    const standInQuery = new Map<string, Map<string, number>>();
    const weigh = (source: string, term: string, weight: number, into = query) => {
      if (!this.vocabulary.has(term) || this.common.has(term)) return;
      let terms = into.get(source);
      if (terms === undefined) into.set(source, (terms = new Map()));
      if (weight > (terms.get(term) ?? 0)) terms.set(term, weight);
    };
    // A word of a tool's name ("Azure" in "Azure AD Connect") names the tool, as "Connect" does: it weighs what the
    // name's most common word weighs, not as a rare word of the guide's (the renaming fact writes the old names).
    const nameWeights = new Map<string, number>();
    for (const name of this.toolNames)
      if (spaced.includes(name.spaced))
        for (const word of name.spaced.trim().split(' '))
          nameWeights.set(word, Math.min(name.weight, nameWeights.get(word) ?? name.weight));
    for (const term of this.termsOfTokens(tokens)) {
      if (phraseStems.has(term)) continue;
      weigh(term, term, 1);
      for (const near of this.nearTerms(term)) weigh(term, near.term, near.weight);
    }
    // Each word of the question and the index terms that count as finding it (its stem, the stems it was corrected
    // or completed to, its synonyms' terms), as one bit per word on each term.
    const wordsOf = new Map<string, number>();
    let rare = 0;
    // Rare technical terms that are names (letters, not a bare number or version).
    let names = 0;
    // The words found as typed (or through a synonym or their glued parts) rather than as a typo's correction.
    let asTyped = 0;
    // How much each word tells parts of the guide apart. A word the guide never writes as typed counts as the most
    // common of the terms it was found through (a synonym, a correction); one found through nothing, as the rarest.
    const weights: number[] = [];
    // A question asking for a page ("is there a table", "where is that documented") is also looked up in the titles
    // of the pages each part links to.
    const asksPage = tokens.some((word) => this.pageWords.has(word));
    words.forEach((word, i) => {
      const bit = 1 << i;
      const stem = this.stem(word);
      // The most common of the terms the word is found through, for its weight below.
      let throughFrequency: number | undefined;
      const mark = (term: string) => {
        wordsOf.set(term, (wordsOf.get(term) ?? 0) | bit);
        const frequency = this.groupFrequency.get(term);
        if (frequency !== undefined) throughFrequency = Math.max(throughFrequency ?? 0, frequency);
      };
      const phrase = word.includes(' ') ? this.phraseSynonyms.get(this.phraseKey(tokenize(word)) ?? '') : undefined;
      if (phrase !== undefined) {
        // It stands in for its synonyms, as a word the guide never writes does, each as a unit too: a synonym of
        // several words by its pairs ("first_cycl"), not by its words apart.
        asTyped |= bit;
        for (const synonym of phrase)
          for (const term of this.unitTerms(synonym)) {
            if (!this.vocabulary.has(term)) continue;
            mark(term);
            weigh(`phrase:${word}`, term, 1, synonymQuery);
            weigh(`phrase:${word}`, term, 1, standInQuery);
          }
        weights.push(inverseFrequency(throughFrequency ?? 0, this.groupCount));
        return;
      }
      mark(stem);
      // A phrase spelled out is found where the guide writes its acronym ("has PHS and writeback off"), as a synonym.
      for (const acronym of spelledOut.get(word) ?? [])
        for (const term of this.synonymTerms(acronym)) {
          mark(term);
          weigh(term, term, SYNONYM_WEIGHT, synonymQuery);
        }
      if (asksPage) {
        mark(`${PAGE_TERM}${stem}`);
        weigh(`page:${stem}`, `${PAGE_TERM}${stem}`, PAGE_WEIGHT);
      }
      if (this.vocabulary.has(stem) || this.synonyms.has(stem) || this.partsOf(word).length > 1) asTyped |= bit;
      for (const near of this.nearTerms(stem)) mark(near.term);
      // A glued word is found where the guide writes its parts apart: any part that is no stop word marks it.
      for (const part of this.partsOf(word)) if (part !== word) mark(this.stem(part));
      // A compound kept whole ("sign-in") is also found where the guide writes it apart ("sign in as ..."), by its
      // words that are no stop words, counting for less than the compound as typed.
      for (const part of this.spacedParts(word)) {
        mark(this.stem(part));
        weigh(`apart:${word}`, this.stem(part), SPACED_PART_WEIGHT);
      }
      // A word the guide never writes ("AADC", "ECS") is only findable through its synonyms: they stand in for it
      // in full. A synonym that is also a word of the question counts as typed too.
      // Standing in, they are one term of the question together (found once, however many of them a line holds).
      const standIn = !this.vocabulary.has(stem);
      for (const synonym of this.synonyms.get(stem) ?? [])
        for (const term of this.synonymTerms(synonym)) {
          mark(term);
          if (standIn) {
            weigh(`word:${stem}`, term, 1, synonymQuery);
            weigh(`word:${stem}`, term, 1, standInQuery);
          } else weigh(term, term, query.has(term) ? 1 : SYNONYM_WEIGHT, synonymQuery);
        }
      if (this.technical.has(stem) && COMMAND_NAME.test(word)) {
        rare |= bit;
        names |= bit;
      } else if (this.technical.has(stem) && (this.documentFrequency.get(stem) ?? 0) <= RARE_IN_DOCS) {
        rare |= bit;
        if (NAME_WORD.test(word)) names |= bit;
      }
      const weight = inverseFrequency(this.groupFrequency.get(stem) ?? throughFrequency ?? 0, this.groupCount);
      weights.push(Math.min(weight, nameWeights.get(word) ?? weight));
    });
    if (query.size === 0 && synonymQuery.size === 0) return { kind: 'noAnswer' };
    // A question none of whose words the guide writes is not its to answer, however close a word is to one of the
    // guide's: "weather" is a word, not a typo of "whether".
    if (asTyped === 0) return { kind: 'noAnswer' };
    // Lines are searched with the synonyms, the example questions without: a question worded like them is the signal.
    for (const terms of query.values()) this.lookupCount += 2 * terms.size;
    for (const terms of synonymQuery.values()) this.lookupCount += terms.size;
    for (const terms of standInQuery.values()) this.lookupCount += terms.size;
    const whatIsSo = WHETHER_OPENERS.has(tokens[0] ?? '') || tokens.some((word) => WHAT_IS_SO_WORDS.has(word));
    const needs = tokens.some(
      (word, i) => NEED_WORDS.has(word) || HOST_WORDS.has(word) || HOST_PAIRS.has(`${tokens[i - 1] ?? ''} ${word}`),
    );
    const asksBuild = tokens.some(
      (word, i) => this.buildAsking.has(word) && tokens.slice(i + 1, i + 3).some((next) => this.buildWords.has(next)),
    );
    const asksInstalled =
      tokens.some((word) => this.buildWords.has(word)) &&
      tokens.some(
        (word, i) => this.installedWords.has(word) || this.installedWords.has(`${tokens[i - 1] ?? ''} ${word}`),
      );
    const asksPreview = tokens.some((word) => this.previewWords.has(word));
    const asksAmount = tokens.some(
      (word, i) => this.amountWords.has(word) || this.amountWords.has(`${tokens[i - 1] ?? ''} ${word}`),
    );
    const namedPhrases = this.trackWords.filter((named) => spaced.includes(named.spaced));
    const namedTracks = new Set(namedPhrases.map(({ track }) => track));
    // The words of a phrase naming a track's situation ("sync is down") are what that track is about: its lines hold
    // them as they hold its label, whether or not they write them.
    let situationWords = 0;
    for (const { spaced: phrase } of namedPhrases)
      for (const word of phrase.trim().split(' ')) if (words.includes(word)) situationWords |= 1 << words.indexOf(word);
    const asksName = tokens.some(
      (word, i) => RENAME_WORDS.has(word) || RENAME_PAIRS.has(`${tokens[i - 1] ?? ''} ${word}`),
    );
    const asksInstallType =
      !tokens.some((word) => STEP_WORDS.has(word)) &&
      tokens.some(
        (word, i) => INSTALL_TYPE_WORDS.has(word) || INSTALL_TYPE_PAIRS.has(`${tokens[i - 1] ?? ''} ${word}`),
      );
    const asksInstallSteps =
      tokens.some((word) => STEP_WORDS.has(word)) && tokens.some((word) => this.installTypes.has(word));
    const lineBoosts = this.docBoosts(planTaskIds, tool, true, {
      whatIsSo,
      needs,
      asksBuild,
      asksInstalled,
      asksName,
      asksInstallType,
      asksInstallSteps,
      asksPreview,
      namedTracks,
      asksAmount,
    });
    const forRunningDeployment = planTaskIds.some((taskId) => PATH_TRACK_TASKS.has(taskId));
    const results = byScore(
      this.lineScores.search([query, synonymQuery], wordsOf, lineBoosts),
      this.learntScores
        .search([query, synonymQuery], wordsOf, lineBoosts)
        .filter(
          (result) =>
            covers(result.words, words.length, rare, LEARNT_COVERAGE) &&
            this.learntFits(result.id, tool, planTaskIds, forRunningDeployment),
        ),
    );
    const inSituation = (result: ScoredDoc) =>
      situationWords !== 0 &&
      !this.docs[result.id].ofRule &&
      this.docs[result.id].taskIds.some((taskId) => namedTracks.has(TRACK_OF_TASK.get(taskId)!));
    let answering = results.filter(
      (result) =>
        covers(result.words | (inSituation(result) ? situationWords : 0), words.length, rare, MIN_COVERAGE, names) &&
        (features.length === 0 ||
          (this.docs[result.id].source !== 'example' &&
            features.some((feature) => this.spacedText(result.id).includes(feature)) &&
            this.sharesTopic(result, words, featureWords, rare))),
    );
    if (answering.length === 0 && features.length === 0) answering = this.spreadOverTwoLines(results, words.length);
    if (answering.length === 0) return { kind: 'noAnswer' };
    const groups = new Map<string, ScoredDoc[]>();
    for (const result of answering) {
      const key = this.docs[result.id].group;
      const list = groups.get(key);
      if (list) list.push(result);
      else groups.set(key, [result]);
    }
    const groupScore = (list: ScoredDoc[], learntWeight = LEARNT_WEIGHT) => {
      const scores = list.map(
        (result) =>
          (this.docs[result.id].ofRule && this.docs[result.id].source === 'example'
            ? result.score * RULE_EXAMPLE_WEIGHT
            : result.score) * (this.docs[result.id].learnt ? learntWeight : 1),
      );
      if (this.docs[list[0].id].ofRule) scores.sort((a, b) => b - a);
      return scores.slice(0, MAX_HITS).reduce((sum, score, i) => sum + score / (i + 1), 0);
    };
    const votes = new Map<string, number>();
    for (const result of this.exampleScores.search(
      [query, standInQuery],
      wordsOf,
      this.docBoosts(planTaskIds, tool, false),
    )) {
      if (!covers(result.words, words.length, rare, EXAMPLE_COVERAGE)) continue;
      const group = this.docs[result.id].group;
      votes.set(group, Math.max(votes.get(group) ?? 0, result.score));
    }
    const bestVote = Math.max(0, ...votes.values());
    // Each signal scaled to its own best, so neither's units decide; only groups the lines' search found can win.
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
    // How much of the question the results hold: the weights of the words they found.
    const heldWeight = (results: readonly ScoredDoc[]) => {
      let found = 0;
      for (const result of results) found |= result.words;
      let weight = 0;
      weights.forEach((wordWeight, i) => {
        if ((found & (1 << i)) !== 0) weight += wordWeight;
      });
      return weight;
    };
    const answered = new Map<string, number>();
    for (const [group, list] of groups)
      answered.set(group, Math.pow(heldWeight(list) / totalWeight, ANSWERED_SHARE_POWER));
    // The same for the guide's own lines of a group, the questions it was asked aside.
    const ownShare = (group: string) =>
      heldWeight(
        groups
          .get(group)!
          .filter((result) => !this.docs[result.id].learnt && this.docs[result.id].source !== 'example'),
      );
    // A rare name of the guide's own (IdFix, a setup program's file) is the question's subject: where some part writes
    // it, a part that does not is no answer, however many of the question's other words it holds.
    let namesFound = 0;
    for (const list of groups.values()) for (const result of list) namesFound |= result.words & names;
    const holdsNames = new Map<string, boolean>();
    for (const [group, list] of groups)
      holdsNames.set(group, namesFound === 0 || list.some((result) => (result.words & namesFound) !== 0));
    // The best group by the lines' scores (`scoreOf` a group's results) and the examples' votes, among those `allowed`
    // (the first of equals, as a stable sort would put it).
    const bestGroup = (scoreOf: (list: ScoredDoc[]) => number, allowed: (group: string) => boolean = () => true) => {
      const lineScores = new Map([...groups.entries()].map(([group, list]) => [group, scoreOf(list)]));
      const bestLine = Math.max(...lineScores.values());
      let key = '';
      let best = -Infinity;
      for (const [group, lineScore] of lineScores) {
        if (!allowed(group)) continue;
        const score =
          (lineScore / bestLine + (bestVote > 0 ? (EXAMPLE_VOTE * (votes.get(group) ?? 0)) / bestVote : 0)) *
          answered.get(group)! *
          (holdsNames.get(group)! ? 1 : UNNAMED_WEIGHT);
        if (score > best) [key, best] = [group, score];
      }
      return key;
    };
    let key = bestGroup(groupScore);
    // The learnt questions know which task answers a question better than they know which line does: weighed in full
    // they pick the task, and the guide's own scores then pick the part within it (a fact of that task before a
    // checklist line). Only when that task's own lines hold more of the question than the winner's do: otherwise a
    // task whose learnt questions look alike but whose lines say nothing of the question's subject ("can the agent go
    // on the same box as connect" and the line about installers kept on file shares) would be shown.
    const taskKey = bestGroup((list) => groupScore(list, LEARNT_TASK_WEIGHT));
    if (taskKey !== key) {
      const tasksOf = (group: string) => this.docs[groups.get(group)![0].id].taskIds;
      const ofTask = (group: string) => tasksOf(group).some((taskId) => tasksOf(taskKey).includes(taskId));
      if (!ofTask(key)) {
        const within = bestGroup(groupScore, ofTask);
        if (ownShare(within) > ownShare(key)) key = within;
      }
    }
    // A feature named by a word the guide never writes ("the turbo sync mode", "the auto-fix duplicates button") is
    // none the guide knows: a part sharing the rest of its name is about another feature, so the honest fallback is due.
    // Measured on the dev sets: three wrong answers became fallbacks and no right answer was lost.
    const unknownFeature = words.indexOf(this.unknownFeature(tokens, counts) ?? '');
    if (unknownFeature >= 0 && !groups.get(key)!.some((result) => (result.words & (1 << unknownFeature)) !== 0))
      return { kind: 'noAnswer' };
    // Shown: the winning group's lines that match the question at all, concrete lines before explanations.
    // Example questions are how a match was found, never what is shown.
    const lines = results
      .map((result) => this.docs[result.id])
      .filter((doc) => doc.group === key && doc.source !== 'example')
      .sort((a, b) => SHOW_ORDER[a.source] - SHOW_ORDER[b.source]);
    const shown = lines.length > 0 ? lines : (this.leads.get(key) ?? []);
    return {
      kind: 'answer',
      hits: shown.slice(0, MAX_HITS).map(({ text, title, taskIds, links }) => ({ text, title, taskIds, links })),
    };
  }

  /**
   * Whether a learnt question may speak for its part here: not for the other tool than the question names, and not
   * for a first installation's task in a plan for a running deployment that lacks it. The guide's own lines are
   * weighed for both (docBoosts); the learnt ones are many, and their sum would outweigh that preference.
   */
  private learntFits(
    id: number,
    tool: SingleTool | undefined,
    planTaskIds: readonly string[],
    forRunningDeployment: boolean,
  ): boolean {
    const doc = this.docs[id];
    if (tool !== undefined && doc.tool !== undefined && doc.tool !== tool) return false;
    if (!forRunningDeployment || doc.pathTrack || doc.ofRule) return true;
    return doc.taskIds.some((taskId) => planTaskIds.includes(taskId));
  }

  /**
   * A word of the question that names a feature the guide does not know: one the guide never writes, nor any synonym
   * or near spelling of it (a typo of a stem or of a word as written, "stagng"), no number and no shorthand of three
   * letters, that begins a run of the question's words ending in a feature noun (featureNouns) at most FEATURE_NAME_WORDS
   * later. Only a name's own words may come between: a stop word ends it ("explain what staging mode does").
   */
  private unknownFeature(tokens: readonly string[], counts: (word: string, i: number) => boolean): string | undefined {
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i];
      // A word asking for a page ("which page explains staging mode") names no feature either.
      if (
        !counts(word, i) ||
        word.length < MIN_NAME_LETTERS ||
        /\d/.test(word) ||
        this.featureNouns.has(word) ||
        this.pageWords.has(word)
      )
        continue;
      const stem = this.stem(word);
      if (this.vocabulary.has(stem) || this.synonyms.has(stem) || this.nearTerms(stem).length > 0) continue;
      if ([word, ...oneLetterShorter(word)].some((variant) => this.writtenNear.has(variant))) continue;
      for (let j = i + 1; j < tokens.length && j <= i + FEATURE_NAME_WORDS; j++) {
        if (this.featureNouns.has(tokens[j])) return word;
        if (this.stopWords.has(tokens[j])) break;
      }
    }
    return undefined;
  }

  /**
   * The question asks the bot to do a chore (botChores): the bot named, or a pronoun with "for me" or the like,
   * followed by a chore's verb at once or one word later ("can the bot just reset", "could you please create ... for
   * us").
   */
  private asksBotForChore(tokens: readonly string[], spaced: string): boolean {
    const forSomeone = this.forWhom.some((phrase) => spaced.includes(phrase));
    return tokens.some(
      (word, i) =>
        (this.botNames.has(word) || (forSomeone && this.botPronouns.has(word))) &&
        tokens.slice(i + 1, i + 3).some((next) => this.choreVerbs.has(next)),
    );
  }

  /**
   * Index terms a typed stem may stand for besides itself: a one-letter typo's correction (stems of 5 letters
   * or more that the index does not hold) and the longer index terms it begins (stems of 5 or more), each
   * counting for less than the stem typed. Worked out once per stem from tables built at start.
   */
  private nearTerms(stem: string): ReadonlyArray<{ term: string; weight: number }> {
    const known = this.near.get(stem);
    if (known !== undefined) return known;
    const near: Array<{ term: string; weight: number }> = [];
    if (stem.length >= MIN_COMPLETED && !stem.includes('_')) {
      // Completions: the sorted stems that start with this one, a bounded few.
      let low = 0;
      let high = this.sortedStems.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (this.sortedStems[mid] < stem) low = mid + 1;
        else high = mid;
      }
      for (let i = low; i < this.sortedStems.length && near.length < MAX_COMPLETIONS; i++) {
        const term = this.sortedStems[i];
        if (!term.startsWith(stem)) break;
        // A program's name is no longer form of the verb it starts with ("updater" of "updat"), and a host or file name
        // no longer form of a whole word it starts with ("windowsazure.com" of "window").
        if (term !== stem && !OWN_STEM_NAMES.has(term) && !(term.includes('.') && this.vocabulary.has(stem)))
          near.push({
            term,
            weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - stem.length)),
          });
      }
      // Only a word the guide does not write is a typo: "watch" is not corrected to "match".
      if (stem.length >= MIN_CORRECTED && !this.vocabulary.has(stem)) {
        for (const variant of [stem, ...oneLetterShorter(stem)])
          for (const term of this.byDeletion.get(variant) ?? [])
            if (term !== stem && !near.some((found) => found.term === term))
              near.push({ term, weight: (FUZZY_WEIGHT * term.length) / (term.length + 1) });
      }
    }
    if (this.near.size >= MAX_REMEMBERED_STEMS) this.near.clear();
    this.near.set(stem, near);
    return near;
  }

  /**
   * The lines of the parts that answer the question with their two best lines together, for a question no single
   * line covers enough: a part may write its words apart, its reason one half and a step the other ("a quick
   * end-to-end test that attribute changes flow through": "objects flow end to end", "change an attribute"). Example
   * questions are no lines of the part and are left out of the pair.
   */
  private spreadOverTwoLines(results: readonly ScoredDoc[], wanted: number): ScoredDoc[] {
    const bestTwo = new Map<string, ScoredDoc[]>();
    for (const result of results) {
      const doc = this.docs[result.id];
      if (doc.source === 'example') continue;
      const pair = bestTwo.get(doc.group) ?? [];
      if (pair.length < 2) bestTwo.set(doc.group, [...pair, result]);
    }
    const answering = new Set<string>();
    for (const [group, pair] of bestTwo) {
      if (pair.length < 2 || pair.some((result) => wordCount(result.words) < PAIR_LINE_WORDS)) continue;
      const together = wordCount(pair[0].words | pair[1].words);
      if (together >= PAIR_WORDS && together / wanted >= MIN_COVERAGE) answering.add(group);
    }
    return answering.size === 0 ? [] : results.filter((result) => answering.has(this.docs[result.id].group));
  }

  /**
   * The word names the guide's subject: as typed, glued from subject words only ("cloud-sync", not "cloud-only"), or
   * through a synonym ("aadc", "phs").
   */
  private namesSubject(word: string): boolean {
    if (this.stopWords.has(word)) return false;
    if (this.partsOf(word).every((part) => this.subject.has(this.stem(part)))) return true;
    return (this.synonyms.get(this.stem(word)) ?? []).some((synonym) =>
      this.synonymTerms(synonym).some((term) => this.subject.has(term)),
    );
  }

  /**
   * The line is about what the question asks besides the feature it names: a word of the question other than the
   * feature's is in the title of the line's part ("account" in "The sync account and conditional access"), or is one
   * of the guide's rare technical terms ("ADToAADSyncServiceAccount").
   */
  private sharesTopic(result: ScoredDoc, words: readonly string[], featureWords: number, rare: number): boolean {
    const others = result.words & ~featureWords;
    if ((others & rare) !== 0) return true;
    const title = this.spacedTitle(result.id);
    return words.some((word, i) => (others & (1 << i)) !== 0 && title.includes(` ${this.stem(word)} `));
  }

  /** A document's title as its stems joined by single spaces and padded with one, worked out once. */
  private spacedTitle(id: number): string {
    let title = this.spacedTitles[id];
    if (title === undefined)
      title = this.spacedTitles[id] = ` ${this.termsOfTokens(tokenize(this.docs[id].title.toLowerCase())).join(' ')} `;
    return title;
  }

  /** A document's title and text as its tokens joined by single spaces and padded with one, worked out once. */
  private spacedText(id: number): string {
    let text = this.spacedTexts[id];
    if (text === undefined) {
      const doc = this.docs[id];
      text = this.spacedTexts[id] = ` ${tokenize(`${doc.title} ${doc.text}`.toLowerCase()).join(' ')} `;
    }
    return text;
  }

  /**
   * The words of a compound that partsOf keeps whole for the little word in it ("sign-in": "sign"), none for any
   * other word. Only the guide's spaced spelling holds them: where it writes the compound glued, it is one term.
   */
  private spacedParts(word: string): string[] {
    const parts = gluedParts(word);
    if (parts.length < 2 || this.partsOf(word).length > 1) return [];
    return parts.filter((part) => !this.stopWords.has(part));
  }

  /** A synonym's terms as one unit: its stem, or the pairs of a synonym of several words. */
  private unitTerms(synonym: string): readonly string[] {
    const terms = this.synonymTerms(synonym);
    const pairs = terms.filter((term) => term.includes('_'));
    return pairs.length > 0 ? pairs : terms;
  }

  /** A synonym's index terms, worked out once. */
  private synonymTerms(synonym: string): readonly string[] {
    let terms = this.synonymTermCache.get(synonym);
    if (terms === undefined) {
      terms = this.terms(synonym);
      this.synonymTermCache.set(synonym, terms);
    }
    return terms;
  }

  /**
   * How much each document counts for a plan: its source, and its track's standing in the plan, as the question's
   * shape (QuestionShape) shifts them. Worked out once per plan (a plan's task list) and shape, kept for the few seen
   * last.
   */
  private docBoosts(
    planTaskIds: readonly string[],
    tool: SingleTool | undefined,
    bySource = true,
    shape: QuestionShape = {},
  ): Float64Array {
    const {
      whatIsSo,
      needs,
      asksBuild,
      asksInstalled,
      asksName,
      asksInstallType,
      asksInstallSteps,
      asksPreview,
      asksAmount,
    } = shape;
    const namedTracks = shape.namedTracks ?? new Set<Track>();
    const key = `${bySource ? 's' : 'e'}${whatIsSo ? 'w' : ''}${needs ? 'n' : ''}${asksBuild ? 'b' : ''}${asksInstalled ? 'v' : ''}${asksName ? 'r' : ''}${asksInstallType ? 'i' : ''}${asksInstallSteps ? 'x' : ''}${asksPreview ? 'p' : ''}${asksAmount ? 'a' : ''}${[...namedTracks].sort().join('+')}:${tool ?? ''}:${planTaskIds.join(',')}`;
    let boosts = this.boostsByPlan.get(key);
    if (boosts === undefined) {
      const inPlan = new Set(planTaskIds);
      boosts = new Float64Array(this.docs.length);
      for (const doc of this.docs) {
        const standing = doc.ofRule
          ? 1
          : doc.taskIds.some((taskId) => namedTracks.has(TRACK_OF_TASK.get(taskId)!))
            ? NAMED_TRACK_WEIGHT
            : doc.taskIds.some((taskId) => inPlan.has(taskId))
              ? IN_PLAN_WEIGHT
              : doc.pathTrack
                ? PATH_TRACK_WEIGHT
                : 1;
        // Asked what is so, a step's line is worth no more than a statement of the same standing: its bonus as the
        // most concrete answer is for questions of what to do.
        const source = !bySource
          ? 1
          : whatIsSo && (doc.source === 'checklist' || doc.source === 'check' || doc.source === 'why')
            ? SOURCE_WEIGHT.fact
            : SOURCE_WEIGHT[doc.source];
        const otherTool = tool !== undefined && doc.tool !== undefined && doc.tool !== tool;
        const required = needs && doc.taskIds.some((taskId) => PREREQUISITE_TASKS.has(taskId)) ? NEEDS_WEIGHT : 1;
        const release = asksBuild && BUILD_TITLE.test(doc.title) ? BUILD_QUESTION_WEIGHT : 1;
        const installed = asksInstalled && INSTALLED_TITLE.test(doc.title) ? INSTALLED_QUESTION_WEIGHT : 1;
        const preview =
          asksPreview && doc.taskIds.some((taskId) => PREVIEW_TASKS.has(taskId)) ? PREVIEW_QUESTION_WEIGHT : 1;
        const naming = asksName && NAME_TITLE.test(doc.title) ? RENAME_QUESTION_WEIGHT : 1;
        const figure = asksAmount && FIGURE.test(doc.text) ? AMOUNT_QUESTION_WEIGHT : 1;
        const installType =
          asksInstallType && doc.taskIds.includes(INSTALL_TYPE_TASK) ? INSTALL_TYPE_QUESTION_WEIGHT : 1;
        const installSteps = !asksInstallSteps
          ? 1
          : doc.taskIds.some((taskId) => INSTALL_TASKS.has(taskId))
            ? INSTALL_STEPS_QUESTION_WEIGHT
            : doc.taskIds.includes(INSTALL_TYPE_TASK)
              ? 1 / INSTALL_STEPS_QUESTION_WEIGHT
              : 1;
        boosts[doc.id] =
          (doc.ofRule && tool !== undefined ? NAMED_TOOL_RULE_WEIGHT : 1) *
          source *
          standing *
          required *
          release *
          installed *
          preview *
          naming *
          figure *
          installType *
          installSteps *
          (otherTool ? OTHER_TOOL_WEIGHT : 1);
      }
      if (this.boostsByPlan.size >= MAX_REMEMBERED_PLANS) this.boostsByPlan.clear();
      this.boostsByPlan.set(key, boosts);
    }
    return boosts;
  }

  /** Stems without stop words, plus each pair of neighbouring stems, so a phrase ("device sync") outweighs its words apart. */
  private terms(text: string): string[] {
    return this.termsOfTokens(tokenize(text.toLowerCase()));
  }

  private termsOfTokens(tokens: readonly string[]): string[] {
    const kept = withNames(tokens).filter((word) => !this.stopWords.has(word));
    if (!kept.some((word) => GLUED_MARK.test(word))) {
      const plain = kept.map((word) => this.stem(word));
      return [...plain, ...plain.slice(1).map((stem, i) => `${plain[i]}_${stem}`)];
    }
    // A glued word stands for its parts as well ("accidental-delete", "tls1.2"): the pairs are made of the parts, so
    // the glued and the spaced spelling share their phrase, and the glued word is a term of its own besides.
    const parts = kept.map((word) => this.partsOf(word));
    const stems = parts.flatMap((each) => each.map((part) => this.stem(part)));
    const pairs = stems.slice(1).map((stem, i) => `${stems[i]}_${stem}`);
    const glued = kept.filter((_, i) => parts[i].length > 1).map((word) => this.stem(word));
    return [...stems, ...glued, ...pairs];
  }

  /**
   * A glued word's parts, when each is a word of its own: a compound with a little word in it ("sign-in", "sign-on",
   * "on-premises") is a term in its own right, and splitting it would let "sign-on" find "sign-in".
   */
  private partsOf(word: string): string[] {
    const parts = gluedParts(word);
    return parts.length > 1 && parts.some((part) => this.stopWords.has(part)) ? [word] : parts;
  }

  /**
   * The synonym phrases a question writes and the guide does not (as its own pair of words), each under the index of
   * every token it spans; the longest first, and none overlapping. A phrase needs a word of its own that counts.
   * The words of those the guide does write go into `spelledOut`, each with the phrase's acronyms.
   */
  private phrasesOf(
    tokens: readonly string[],
    counts: (word: string) => boolean,
    spelledOut: Map<string, string[]>,
  ): Map<number, { start: number; text: string }> {
    const found = new Map<number, { start: number; text: string }>();
    for (let start = 0; start + 1 < tokens.length; start++) {
      // Most words start no phrase: only those that do are looked at further.
      if (!this.phraseStarts.has(this.stem(tokens[start]))) continue;
      for (let end = Math.min(tokens.length, start + MAX_PHRASE_WORDS); end >= start + 2; end--) {
        const span = tokens.slice(start, end);
        const key = this.phraseKey(span);
        if (key === undefined || !this.phraseSynonyms.has(key) || !span.some(counts)) continue;
        // A phrase the guide writes as such ("provision on demand") is found by its own words.
        const pairs = this.termsOfTokens(span).filter((term) => term.includes('_'));
        if (pairs.length > 0 && pairs.every((term) => this.vocabulary.has(term))) {
          // Its synonym made of its initials (a plural's "s" aside) is an acronym of it, not another thing.
          const initials = span.map((token) => token[0]).join('');
          const acronyms = this.phraseSynonyms
            .get(key)!
            .filter((other) => !other.includes(' ') && other.replace(/s$/, '') === initials);
          for (const token of span) spelledOut.set(token, acronyms);
          continue;
        }
        const phrase = { start, text: span.join(' ') };
        for (let i = start; i < end; i++) found.set(i, phrase);
        start = end - 1;
        break;
      }
    }
    return found;
  }

  /** A synonym of two or three words, as the key it is looked up by in a question (its stems); undefined for one word. */
  private phraseKey(tokens: readonly string[]): string | undefined {
    if (tokens.length < 2 || tokens.length > MAX_PHRASE_WORDS) return undefined;
    return tokens.map((token) => this.stem(token)).join(' ');
  }

  private stem(word: string): string {
    const lower = word.toLowerCase();
    return OWN_STEMS.get(lower) ?? stem(lower);
  }

  private add(doc: Omit<IndexedDoc, 'id'>): IndexedDoc {
    const added = { ...doc, id: this.docs.length };
    this.docs.push(added);
    return added;
  }

  private addContent(corpus: Corpus): void {
    const groupOfTask = new Map<
      string,
      { group: string; title: string; track: string; taskIds: TaskId[]; links: readonly TaskLink[]; tool?: SingleTool }
    >();
    // The tool-choice task is shared by both tracks: its lines are one group that belongs to both tasks.
    const byContent = new Map<string, TaskId[]>();
    for (const task of TASK_CATALOG)
      byContent.set(task.why + task.title, [...(byContent.get(task.why + task.title) ?? []), task.id]);
    for (const task of TASK_CATALOG) {
      const taskIds = byContent.get(task.why + task.title) ?? [task.id];
      const group = taskIds.join('+');
      if (taskIds[0] !== task.id) {
        groupOfTask.set(task.id, groupOfTask.get(taskIds[0])!);
        continue;
      }
      const pathTrack = (PATH_TRACK_IDS as readonly string[]).includes(task.track);
      const tool = toolOfTasks(taskIds);
      const info = {
        group,
        title: task.title,
        track: taskIds.length > 1 ? '' : TRACK_LABELS[task.track],
        taskIds,
        links: task.links,
        pathTrack,
        tool,
        pages: task.links.map((link) => link.title).join(' '),
      };
      groupOfTask.set(task.id, info);
      for (const line of task.checklist) this.add({ ...info, source: 'checklist', text: line });
      // A path through the portal is said to be one, as a question asks for it ("where in the admin center").
      for (const command of task.commands ?? [])
        this.add({
          ...info,
          source: 'check',
          text: `${command.purpose}: ${command.kind === 'adminCenter' ? 'Entra admin center > ' : ''}${command.command}`,
        });
      this.leads.set(group, [this.add({ ...info, source: 'why', text: task.why })]);
    }
    // The advisor's rules are the reasons behind the tool choice: their answers open that task.
    const toolChoice = groupOfTask.get(TOOL_CHOICE_TASK)?.taskIds ?? [];
    for (const rule of CAPABILITY_RULES) {
      const group = `rule:${rule.id}`;
      this.leads.set(group, [
        this.add({
          group,
          source: 'rule',
          text: rule.explanation,
          title: rule.capability,
          track: '',
          taskIds: toolChoice,
          ofRule: true,
          links: [
            { title: 'Learn more', url: rule.link },
            ...(rule.comparedIn === undefined ? [] : [{ title: COMPARISON_TITLE, url: rule.comparedIn }]),
          ],
        }),
      ]);
    }
    for (const fact of GUIDE_FACTS) {
      const group = `fact:${fact.id}`;
      this.leads.set(group, [
        this.add({
          group,
          source: 'fact',
          text: fact.text,
          title: fact.title,
          track: '',
          taskIds: fact.taskIds ?? [],
          links: fact.links,
          tool: toolOfTasks(fact.taskIds ?? []),
          pages: fact.links.map((link) => link.title).join(' '),
        }),
      ]);
    }
    // The corpus's own example questions, then those learnt from the tuning sets (learnt.ts): both are how people ask.
    const examples = [
      ...Object.entries(corpus.guideQuestions).map(([key, questions]) => ({
        key,
        questions,
        field: 'guideQuestions',
        learnt: false,
      })),
      ...Object.entries(corpus.learntQuestions ?? {}).map(([key, questions]) => ({
        key,
        questions,
        field: "the learnt file's questions",
        learnt: true,
      })),
    ];
    type Owner = {
      owner: Pick<IndexedDoc, 'group' | 'title' | 'track' | 'taskIds' | 'links' | 'tool' | 'pathTrack'>;
      ofRule?: boolean;
    };
    for (const { key, questions, field, learnt } of examples) {
      const task = groupOfTask.get(key);
      const lead = task ? undefined : this.leads.get(key)?.[0];
      const owners: Owner[] = task ? [{ owner: task }] : lead ? [{ owner: lead, ofRule: lead.ofRule }] : [];
      if (owners.length === 0)
        throw new Error(
          `Understanding corpus: ${field} names "${key}", which is no task, rule:<id> or fact:<id> of the guide.`,
        );
      for (const { owner, ofRule } of owners)
        for (const question of questions) {
          this.add({
            group: owner.group,
            source: 'example',
            text: question,
            title: owner.title,
            track: owner.track,
            taskIds: owner.taskIds,
            links: owner.links,
            ofRule,
            tool: owner.tool,
            pathTrack: owner.pathTrack,
            learnt,
          });
        }
    }
  }
}
