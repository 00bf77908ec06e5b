/**
 * Weighing a message's readings against each other by the words each command learnt: the commands that account for
 * more of the message, the offers a reading makes, a change of a task named by its position, a negated word of the
 * command itself, and a polite opener before a clear request.
 */
import type { IntentName } from './corpus';
import type { IntentScore } from './intentModel';
import type { Negation } from './negation';
import { classify, type Reader } from './reader';
import { refuses } from './clauses';
import {
  ACT_SCORE,
  CHANGES_STATE,
  MAX_CHOICES,
  SETTINGS,
  SUGGEST_SCORE,
  TASK_INTENTS,
  type Asks,
  type Prepared,
  type Proposal,
  type Reading,
  type UnderstandingContext,
} from './readings';
import { read } from './taskReading';
import { cleanText, TASK_TOKEN, tokenize } from './textPrep';

/**
 * How many more of a message's words another command must share for the top reading not to be acted on. One word is
 * too little: sentences share a word with a second command all the time ("mark task 3 done" shares "done" with status).
 */
const OUTWEIGHING_WORDS = 2;
/** What ends a clause: a comma, a full stop, "!", ";", ":" or a dash between spaces. One character class or a fixed
 * run: linear on any text. */
const CLAUSE_MARK = /[,.!;:]| [-\u2013\u2014]+ /;
/** How many words a greeting or thanks before a request may have ("thanks a lot mate,"). */
const MAX_OPENER_WORDS = 4;

/**
 * When `intent` rests on one meaningful word of the message at most: the commands that share at least
 * OUTWEIGHING_WORDS more of them, most first, whatever the network scored them (which can be nothing). When it rests
 * on more, only commands that share twice as many count, and only against a command that names no task.
 */
export function outweighingCommands(reader: Reader, masked: string, intent: IntentName): IntentName[] {
  const counts = reader.model.learntWordCounts(masked);
  const own = counts.get(intent) ?? 0;
  const more = (other: IntentName) => (counts.get(other) ?? 0) - own;
  // A reading several words speak for stands against one a few more words speak for: a second command sharing more of
  // a long message is common there. Not against one twice as many speak for ("what's the next bit of work on this" had
  // acted on the history, on "work" and "this"-like words, over next's five). A task change is exempt: its task is no
  // word it is counted for, so a verb and the task ("tick it off") are all it ever has.
  if (own > 1 && TASK_INTENTS.has(intent)) return [];
  const enough = (other: IntentName) =>
    more(other) >= OUTWEIGHING_WORDS && (own <= 1 || (counts.get(other) ?? 0) >= 2 * own);
  return [...counts.keys()]
    .filter(
      (other): other is IntentName => other !== 'None' && other !== 'question' && other !== intent && enough(other),
    )
    .sort((a, b) => more(b) - more(a));
}

/**
 * A task named by its position ("hand the next task to @Aisha", "put my name on the next task") in a message read as a
 * command for the whole plan on the position's words alone: "next task" is also how people ask what's next. Read with
 * the position as a task, the message is a change the model is sure of, on more words of its own than speak for the
 * plan's command: that change to the task is offered first, neither carried out.
 */
export function changeOfPosition(
  reader: Reader,
  prepared: Prepared,
  intent: IntentName,
  context: UnderstandingContext,
): Proposal | undefined {
  if (TASK_INTENTS.has(intent) || SETTINGS.has(intent) || prepared.taskMentions.length > 0) return undefined;
  const position = reader.words.positions.findAll(prepared.tokens)[0];
  if (position === undefined) return undefined;
  // Without a task mention, the masked words stand where the tokens do.
  const words = prepared.masked.split(' ');
  const before = words.slice(0, position.start);
  if (reader.words.articles.has(before.at(-1) ?? '')) before.pop();
  const masked = [...before, TASK_TOKEN, ...words.slice(position.end)].join(' ');
  const [change] = reader.model.classify(masked);
  const changed = change.intent;
  if (changed === 'None' || !TASK_INTENTS.has(changed) || change.score < ACT_SCORE || change.guessed) return undefined;
  const counts = reader.model.learntWordCounts(masked);
  if ((counts.get(changed) ?? 0) <= (counts.get(intent) ?? 0)) return undefined;
  const reading = read(reader.words, changed, prepared, context);
  return reading.kind === 'complete' ? reading.proposal : undefined;
}

/** The likely readings that can be written as a command, most likely first; `reading` is the top intent's. */
export function offers(
  reader: Reader,
  candidates: ReadonlyArray<IntentScore & { intent: IntentName }>,
  intent: IntentName,
  reading: Reading,
  prepared: Prepared,
  context: UnderstandingContext,
  negation: Negation | undefined,
  asks: Asks,
): Proposal[] {
  const proposals: Proposal[] = [];
  for (const candidate of candidates) {
    if (candidate.score < SUGGEST_SCORE / 2 || candidate.intent === 'question' || proposals.length >= MAX_CHOICES)
      continue;
    // "don't obliterate the plan" offers no start over, whichever reading came first.
    if (negation && refuses(candidate.intent, negation, asks)) continue;
    const option = candidate.intent === intent ? reading : read(reader.words, candidate.intent, prepared, context);
    // Two readings may come to one command ("assign t4 to nobody" takes the owner off, as unassign does): one button.
    if (option.kind === 'complete' && proposals.some((offered) => sameProposal(offered, option.proposal))) continue;
    if (option.kind === 'complete')
      proposals.push(option.proposal, ...(option.alternatives ?? []).slice(0, MAX_CHOICES - proposals.length - 1));
    if (option.kind === 'ambiguous') proposals.push(...option.proposals.slice(0, MAX_CHOICES - proposals.length));
  }
  return proposals;
}

function sameProposal(one: Proposal, other: Proposal): boolean {
  return JSON.stringify(one) === JSON.stringify(other);
}

/** Whether a negation word stands right before a word of `intent`'s own that the corpus never negates for it. */
export function negatesItsWord(reader: Reader, masked: string, intent: IntentName): boolean {
  const words = masked.split(' ');
  return words.some(
    (word, i) =>
      reader.words.negation.words.includes(word) &&
      i + 1 < words.length &&
      reader.model.speaksAloneAfter(word, words[i + 1], intent),
  );
}

/**
 * Whether the message is a short greeting or thanks clause ("thanks,", "morning all -", "hi there.") and then a clause
 * that on its own reads clearly as `intent`, a command that only shows something ("thanks, show me the status"). The
 * opener is politeness, so the request is answered. Chatter after the opener ("cheers, great work everyone") or a
 * change ("thanks, start over") is not let through: a wrong answer only costs a card, a wrong change costs the plan.
 */
export function politeRequest(reader: Reader, text: string, intent: IntentName): boolean {
  if (CHANGES_STATE.has(intent) || SETTINGS.has(intent)) return false;
  const cleaned = cleanText(text).text;
  const mark = CLAUSE_MARK.exec(cleaned);
  if (!mark) return false;
  const opener = tokenize(cleaned.slice(0, mark.index));
  if (
    opener.length === 0 ||
    opener.length > MAX_OPENER_WORDS ||
    !opener.every((word) => reader.words.openers.has(word))
  )
    return false;
  const rest = classify(reader, cleaned.slice(mark.index + mark[0].length));
  const [top] = rest.ranked;
  return (
    top.intent === intent &&
    top.score >= ACT_SCORE &&
    reader.model.chatterWords(rest.prepared.masked) === 0 &&
    reader.model.unrelatedWords(rest.prepared.masked) === 0
  );
}
