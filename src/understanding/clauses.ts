/**
 * How a message is put: whether it asks a question, asks about something rather than for it, weighs a change as a
 * hypothetical, asks "you" to do something, or negates a command into "do nothing"; and its last clause.
 */
import type { IntentName } from './corpus';
import { openingEnd, type Negation } from './negation';
import type { ReaderWords } from './readerWords';
import { REFUSED_WHEN_NEGATED, SETTINGS, TASK_INTENTS, type Asks } from './readings';
import { MAX_UNDERSTOOD_CHARS, PERSON_TOKEN, TASK_TOKEN, tokenize, type PreparedText } from './textPrep';

/** Fewest words a message's last clause needs to be read alone, and the fewest its opening must have before it. */
const MIN_CLAUSE_WORDS = 4;

/**
 * The last sentence or clause of a message (after its last comma, full stop, semicolon, "!" or "?" followed by a space),
 * when both it and what comes before it have a few words; otherwise undefined.
 */
export function lastClause(text: string): string | undefined {
  const bounded = text.slice(0, MAX_UNDERSTOOD_CHARS);
  let cut = -1;
  for (let i = 0; i < bounded.length - 1; i += 1)
    if (',.;!?'.includes(bounded[i]) && bounded[i + 1] === ' ') cut = i + 1;
  if (cut < 0) return undefined;
  const words = (part: string) => part.split(' ').filter((word) => word !== '').length;
  const last = bounded.slice(cut).trim();
  return words(last) >= MIN_CLAUSE_WORDS && words(bounded.slice(0, cut)) >= MIN_CLAUSE_WORDS ? last : undefined;
}

/**
 * What follows a message's last clause mark (a comma, full stop, semicolon, colon, "!" or "?" followed by a space, or a
 * dash between spaces), however short, when something comes before it; otherwise undefined. One pass: linear.
 */
export function closingClause(text: string): string | undefined {
  const bounded = text.slice(0, MAX_UNDERSTOOD_CHARS).trimEnd();
  let cut = -1;
  for (let i = 0; i < bounded.length - 1; i += 1) {
    if (',.;:!?'.includes(bounded[i]) && bounded[i + 1] === ' ') cut = i + 1;
    else if (bounded[i] === ' ' && '-\u2013\u2014'.includes(bounded[i + 1]) && bounded[i + 2] === ' ') cut = i + 2;
  }
  if (cut <= 0) return undefined;
  const closing = bounded.slice(cut).trim();
  return closing === '' || bounded.slice(0, cut).trim() === '' ? undefined : closing;
}

/**
 * The sentences of a message (cut after a full stop, "!", "?", ";" or ":" followed by a space, or at a dash between
 * spaces) that have a few words, when the message has more than one; otherwise none. One pass over the text: linear.
 */
export function sentencesOf(text: string): string[] {
  const bounded = text.slice(0, MAX_UNDERSTOOD_CHARS);
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < bounded.length - 1; i += 1) {
    const ends = '.;!?:'.includes(bounded[i]) && bounded[i + 1] === ' ';
    const dash = bounded[i] === ' ' && '-\u2013\u2014'.includes(bounded[i + 1]) && bounded[i + 2] === ' ';
    if (!ends && !dash) continue;
    parts.push(bounded.slice(from, ends ? i + 1 : i).trim());
    from = dash ? i + 3 : i + 1;
  }
  if (parts.length === 0) return [];
  parts.push(bounded.slice(from).trim());
  const words = (part: string) => part.split(' ').filter((word) => word !== '').length;
  return parts.filter((part) => words(part) >= MIN_CLAUSE_WORDS);
}

/**
 * The reply a message gives to its own question ("is task 3 done? yes, mark it done"): the words after its last "?",
 * when they ask no question themselves, without the yes or no that opens them; otherwise undefined.
 */
export function replyToOwnQuestion(words: ReaderWords, text: string): string | undefined {
  const bounded = text.slice(0, MAX_UNDERSTOOD_CHARS);
  const at = bounded.lastIndexOf('? ');
  if (at < 0) return undefined;
  const reply = bounded.slice(at + 2).trim();
  if (reply === '' || reply.endsWith('?')) return undefined;
  const said = reply.split(/[\s,]+/).filter((word) => word !== '');
  let from = 0;
  while (from < said.length && words.answeredYes.has(said[from].toLowerCase())) from += 1;
  const rest = said.slice(from);
  return rest.length > 0 ? rest.join(' ') : undefined;
}

export function looksLikeQuestion(words: ReaderWords, text: string, tokens: readonly string[]): boolean {
  // "do not…" (a spelled-out "don't") opens an order, not a question.
  return (
    text.trimEnd().endsWith('?') ||
    (tokens.length > 2 && words.questionOpeners.has(tokens[0]) && tokens[1] !== 'not') ||
    endsWithTag(words, text) ||
    answersItselfNo(words, text)
  );
}

/**
 * Whether a message doubts what it says rather than asking for it: it ends with a tag ("turn on the watch, right",
 * "start over or not") or its writer answers it no ("share the plan? no", "remind us daily? hmm, nope").
 */
export function doubtsIt(words: ReaderWords, text: string): boolean {
  return endsWithTag(words, text) || answersItselfNo(words, text) || endsRefusing(words, text);
}

/**
 * Whether the message closes with a bare refusal of what it said ("you could turn on daily reminders but please
 * don't", "switch on the watch, better not"): a negative order with no verb of its own after it.
 */
function endsRefusing(words: ReaderWords, text: string): boolean {
  const typed = tokenize(text.slice(0, MAX_UNDERSTOOD_CHARS).toLowerCase());
  return words.closingRefusals.some(
    (refusal) =>
      refusal.length > 0 &&
      refusal.length < typed.length &&
      refusal.every((word, i) => typed[typed.length - refusal.length + i] === word),
  );
}

/**
 * Whether a clause after the first opens with a correction ("turn the watch on, no wait, keep it off", "daily reminders,
 * actually make it weekly"): the message takes back what it said before. A correction inside a clause ("we'd rather
 * have weekly reminders") takes nothing back.
 */
export function takesBack(words: ReaderWords, text: string): boolean {
  return text
    .slice(0, MAX_UNDERSTOOD_CHARS)
    .toLowerCase()
    .split(CLAUSE_END)
    .slice(1)
    .some((clause) => {
      const tokens = tokenize(clause);
      const opening = openingEnd(tokens, words.negation);
      return words.corrections.findAll(tokens).some(({ start }) => start <= opening);
    });
}

/**
 * Whether the message turns a setting on only inside a hypothetical or a story of what was once meant: an order to
 * turn one on (or a cadence) after "if", "once"… in the same clause ("if we turn on daily reminders then what"), or a
 * change once meant ("last time we had to turn on daily reminders"). "alert us if sync stops" puts the condition after
 * the order: it says what to watch for.
 */
export function turnsOnInHypothetical(words: ReaderWords, text: string): boolean {
  return text
    .slice(0, MAX_UNDERSTOOD_CHARS)
    .toLowerCase()
    .split(CLAUSE_END)
    .some((clause) => {
      const tokens = tokenize(clause);
      if (words.pastIntentions.findAll(tokens).length > 0) return true;
      const condition = tokens.findIndex((token) => words.conditionals.has(token));
      if (condition < 0) return false;
      return [...words.turnOnWords.findAll(tokens), ...words.cadences.findAll(tokens)].some(
        ({ start }) => start > condition,
      );
    });
}

/** A mark that ends a clause: a comma, full stop, semicolon, dash, "!" or "?" before a space or the end. */
const CLAUSE_END = /[,.;!?-](?:\s|$)/;

/**
 * Whether a statement ends by asking whether it is so ("the verification is done, right", "task 3 finished or what",
 * "task 4 skipped or not"): a tag of one word only after a comma or dash, so "set it up right" stays an order.
 */
function endsWithTag(words: ReaderWords, text: string): boolean {
  const bounded = text.slice(0, MAX_UNDERSTOOD_CHARS).toLowerCase();
  const typed = tokenize(bounded);
  return words.questionTags.some((tag) => {
    if (tag.length === 0 || tag.length >= typed.length) return false;
    if (!tag.every((word, i) => typed[typed.length - tag.length + i] === word)) return false;
    if (tag.length > 1) return true;
    const before = bounded.lastIndexOf(tag[0]);
    const mark = bounded.slice(0, before).trimEnd().at(-1);
    return mark === ',' || mark === '-';
  });
}

/** Whether the writer answers their own question "no" ("done with task 3? no", "remind daily? hmm, nope"). */
function answersItselfNo(words: ReaderWords, text: string): boolean {
  const bounded = text.slice(0, MAX_UNDERSTOOD_CHARS);
  const asked = bounded.lastIndexOf('?');
  if (asked < 0) return false;
  // A hesitation may come first ("hmm, no").
  const reply = tokenize(bounded.slice(asked + 1).toLowerCase()).slice(0, 2);
  return reply.some((word) => words.answeredNo.has(word));
}

/**
 * Whether the message asks whether "it" or "that" is so ("is that a sync problem", "does it need its own box"). Not
 * after a question word ("what commands does it understand", "who did it", "what answers was that decision based
 * on": those ask for something the bot shows), nor for a capability ("is it possible to download the plan": a polite
 * request), nor where "that" points at a task ("is that install done").
 */
export function asksAboutIt(words: ReaderWords, masked: readonly string[]): boolean {
  const questionWord = masked.findIndex((word) => words.whWords.has(word));
  return masked.some(
    (word, i) =>
      words.yesNoVerbs.has(word) &&
      words.referringPronouns.has(masked[i + 1]) &&
      (questionWord === -1 || questionWord > i) &&
      masked[i + 2] !== undefined &&
      masked[i + 2] !== TASK_TOKEN &&
      masked[i + 2] !== 'possible',
  );
}

/** Whether a question about a task change asks about it rather than for it: opened by a question word not a request's. */
export function weighsAChange(words: ReaderWords, tokens: readonly string[]): boolean {
  const first = tokens[0] ?? '';
  return words.questionOpeners.has(first) && !words.requestOpeners.has(first);
}

/**
 * Whether a negation turns the intent into "do nothing": "don't skip task 5", "task 3 isn't finished yet", "we
 * haven't started the agent install". "don't remind us" is not refused: it is how reminders are turned off.
 */
export function refuses(intent: IntentName, negation: Negation, asks: Asks): boolean {
  if (SETTINGS.has(intent) && asks.keep) return true;
  switch (negation) {
    // A negative order asks for nothing, whatever command it names ("don't obliterate the plan" had offered the
    // status, the only reading left once start over was refused). Settings are the exception, as turning one off is
    // what it asks, and so are questions ("don't we need a gMSA?").
    // A negative order to turn one on ("don't switch on reminders", "do not enable the daily reminders") leaves it as it
    // is, whatever else the message says ("people will mute the channel" had read as turning reminders off).
    case 'imperative':
      return SETTINGS.has(intent) ? asks.turnOn || asks.keep : intent !== 'question';
    // "isn't done yet, reopen it" asks for a reopen (offered, not acted on); "task 3 isn't done yet" only describes the
    // task, which is no reason to reopen it.
    case 'pending':
      return TASK_INTENTS.has(intent) && (intent !== 'taskReopen' || !asks.undo);
    // "we won't turn on daily reminders" says the setting stays as it is.
    case 'statement':
      return (
        REFUSED_WHEN_NEGATED.has(intent) ||
        (intent === 'taskReopen' && !asks.undo) ||
        (SETTINGS.has(intent) && asks.keepOff)
      );
  }
}

/**
 * Whether a word makes the message hypothetical ("if", "once", "when": "ping me when the prereqs are done" asks to be
 * told, and marks nothing done). One that also asks a question ("when") asks it when it opens the message before a
 * verb that asks ("when is task 3 due", "when did we start"), and is politeness before "you" ("mark task 3 done when
 * you get a chance": the bot is never the one to do the work). A hedge counts before the task the message names. So
 * does a change once meant and not made ("I was going to skip task 2 but…").
 */
export function isConditional(words: ReaderWords, prepared: PreparedText): boolean {
  const { tokens } = prepared;
  if (words.pastIntentions.findAll(tokens).length > 0) return true;
  const firstTask = firstTaskAt(prepared);
  return tokens.some((token, i) => {
    if (words.hedges.has(token)) return i < firstTask && !politeHedge(words, tokens, i);
    if (!words.conditionals.has(token)) return false;
    if (!words.questionOpeners.has(token)) return true;
    const after = tokens[i + 1] ?? '';
    return !(i === 0 && words.questionOpeners.has(after)) && !words.secondPerson.has(after);
  });
}

/** Whether the hedge at `i` softens a request to "you" ("could you maybe explain…", "can you perhaps share…"). */
function politeHedge(words: ReaderWords, tokens: readonly string[], i: number): boolean {
  return words.secondPerson.has(tokens[i - 1] ?? '') && words.requestOpeners.has(tokens[i - 2] ?? '');
}

/**
 * Whether a statement talks of later rather than asking for something now ("we could export a report at some point",
 * "eventually we will restart the plan", "we'll probably want alerts on once we go live"): a word of later talk before
 * the task it names, or anywhere in one that names none, and no request to "you" ("could you run the check? probably
 * nothing" still asks for it). A request to a colleague talks of later when it is for later (asksForLater). Whether
 * the message is a question is for the caller.
 */
export function talksOfLater(words: ReaderWords, prepared: PreparedText): boolean {
  const { tokens } = prepared;
  if (asksAColleague(words, tokens)) return asksForLater(words, tokens);
  if (asksYouTo(words, tokens)) return false;
  const firstTask = firstTaskAt(prepared);
  return (
    words.laterTalk.findAll(tokens).some(({ start }) => start < firstTask) || tellsOthersPlan(words, tokens, firstTask)
  );
}

/**
 * Whether, before the first task it names, the message tells what someone else will do ("@Priya will finish the config
 * on thursday", "my colleague will take over task 4", "the network team is going to open 443"): someone of othersWho,
 * or a person picked with @, right before a word of the future (futureWords), and a time to come (laterTimes). That is
 * news of a plan, not a request to the bot; without a time it can name the owner now ("@Omar will own the
 * verification"). A request before it ("give the config to @Priya, she will finish it") names its task first and
 * stays one.
 */
function tellsOthersPlan(words: ReaderWords, tokens: readonly string[], firstTask: number): boolean {
  if (!tokens.some((token) => words.laterTimes.has(token))) return false;
  return words.futureWords
    .findAll(tokens)
    .some(
      ({ start }) =>
        start > 0 &&
        start < firstTask &&
        (tokens[start - 1] === PERSON_TOKEN || words.othersWho.has(tokens[start - 1])),
    );
}

/**
 * Whether the message opens by asking a colleague for something: a greeting at most, then a person picked with @ and a
 * request right after ("@Ngozi please redo the questionnaire", "hey @Gethin could you assign yourself task 5"). The
 * "you" and "please" are the colleague's, not the bot's: the bot is no more than a witness.
 */
export function asksAColleague(words: ReaderWords, tokens: readonly string[]): boolean {
  let at = 0;
  while (words.openers.has(tokens[at] ?? '')) at++;
  if (tokens[at] !== PERSON_TOKEN) return false;
  const next = tokens[at + 1] ?? '';
  return (
    words.requestWords.has(next) || (words.requestOpeners.has(next) && words.secondPerson.has(tokens[at + 2] ?? ''))
  );
}

/**
 * Whether a request to a colleague is for later: a time to come ("before friday", "tomorrow") or a condition on them
 * ("when you're back", "once you get a sec"). It tells the colleague what to do then; nothing for the bot to do now.
 */
function asksForLater(words: ReaderWords, tokens: readonly string[]): boolean {
  return tokens.some(
    (token, i) =>
      words.laterTimes.has(token) || (words.conditionals.has(token) && words.secondPerson.has(tokens[i + 1] ?? '')),
  );
}

/** Where the first task the message names starts; the message's length when it names none. */
function firstTaskAt(prepared: PreparedText): number {
  return Math.min(prepared.tokens.length, ...prepared.taskMentions.map((mention) => mention.start));
}

/** Whether the message asks "you" to do something: "can you", "could you", "will you" (a request opener before "you"). */
export function asksYouTo(words: ReaderWords, tokens: readonly string[]): boolean {
  return tokens.some((token, i) => words.requestOpeners.has(token) && words.secondPerson.has(tokens[i + 1] ?? ''));
}
