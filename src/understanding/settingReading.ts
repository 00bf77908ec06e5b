/**
 * Reading the settings a message turns on, off or asks about (the reminders' cadence, the tenant watch), and whether
 * it asks to leave one as it is.
 */
import { negationOf } from './negation';
import type { ReaderWords } from './readerWords';
import type { Asks, Prepared, Reading } from './readings';

/** How many words a question naming a setting alone has at most ("sync watch on?"). */
const TERSE_QUESTION_WORDS = 3;

/** How many words may stand between a verb and its particle ("switch the daily reminders on"). */
const SPLIT_OBJECT_WORDS = 3;

/** How many words before a word that turns a setting off a negation still negates it ("not switch anything off"). */
const NEGATED_WITHIN = 2;
/** How many words before an order to turn a setting on a negation still refuses it ("we don't need to turn on"). */
const NEGATED_ORDER_WITHIN = 4;

/** What a message asks besides its command: to undo something, to turn a setting on, to keep one as it is. */
export function asksOf(words: ReaderWords, tokens: readonly string[]): Asks {
  // A cadence with no word that stops it ("don't send a weekly digest", not "stop the daily digest") turns one on.
  // Loops rather than closures at every word: this runs on every message, and its garbage counted in the slowest reads.
  const blanked = settingTokens(words, tokens);
  const cadences: string[] = [];
  for (const found of words.cadences.findAll(blanked)) cadences.push(found.meanings[0]);
  let splitOn = false;
  for (const pair of words.splitTurnOn) if (splitAround(tokens, pair[0], pair[1])) splitOn = true;
  return {
    undo: words.undoWords.findAll(tokens).length > 0,
    turnOn:
      words.turnOnWords.findAll(tokens).length > 0 || splitOn || (cadences.length > 0 && !cadences.includes('off')),
    keep: keepsSetting(words, blanked),
    keepOff: keepsOff(words, tokens, cadences),
  };
}

/**
 * Whether every order in the message to turn a setting on, or cadence it names, is negated ("we won't turn on daily
 * reminders", "we don't want daily reminders"). One order left as it is still asks: "nobody noticed until monday, so
 * please turn on the watch".
 */
function keepsOff(words: ReaderWords, tokens: readonly string[], cadences: readonly string[]): boolean {
  if (cadences.includes('off')) return false;
  const orders: number[] = [];
  for (const { start } of words.turnOnWords.findAll(tokens)) orders.push(start);
  for (let at = 0; at < tokens.length; at++) {
    for (const pair of words.splitTurnOn) {
      if (splitAt(tokens, at, pair[0], pair[1])) {
        orders.push(at);
        break;
      }
    }
  }
  const named: number[] = [];
  for (const found of words.cadences.findAll(tokens)) if (found.meanings[0] !== 'off') named.push(found.start);
  // A cadence right after a negated order is that order's ("won't turn on daily reminders"); one with no order is
  // an order of its own ("we don't want daily reminders").
  const negatedOrders = orders.filter((start) => negatesOrder(words, tokens, start));
  const ofNegated = (at: number) => negatedOrders.some((start) => start < at && at - start <= NEGATED_ORDER_WITHIN);
  const all = [...orders, ...named.filter((at) => !ofNegated(at))];
  return all.length > 0 && all.every((start) => negatesOrder(words, tokens, start));
}

/**
 * Whether a negation stands a few words before the order to turn a setting on at `start`, with no noun of a setting
 * between them: "we never had reminders, enable them now" negates the having, and still asks.
 */
function negatesOrder(words: ReaderWords, tokens: readonly string[], start: number): boolean {
  for (let at = start - 1; at >= Math.max(0, start - NEGATED_ORDER_WITHIN); at -= 1) {
    if (words.settingNouns.has(tokens[at])) return false;
    if (words.negation.words.includes(tokens[at])) return true;
  }
  return false;
}

/** How many words of an object after a word that turns something off are looked at ("off the daily sync nudges"). */
const OBJECT_WORDS = 4;

/**
 * Whether every word that turns something off in the message turns off something the bot does not have: an object
 * opened by "the", "your"… with no word of the bot's settings, neither a noun of them nor a word `speaksForSetting`
 * ("turn off your camera please", "I switched off the lights", "turn the heater off"). "turn it off", "stop the
 * nagging" and "switch off the daily nudges" still turn a setting off.
 */
export function turnsOffSomethingElse(
  words: ReaderWords,
  tokens: readonly string[],
  speaksForSetting: (token: string) => boolean,
): boolean {
  const offs = [
    ...words.cadences.findAll(tokens).filter((found) => found.meanings[0] === 'off'),
    ...words.watchOff.findAll(tokens),
  ];
  const foreign = (object: readonly string[]) =>
    object.length > 0 &&
    words.objectOpeners.has(object[0]) &&
    !object.some((token) => words.settingNouns.has(token) || speaksForSetting(token));
  return (
    offs.length > 0 &&
    offs.every(({ start, end }) => {
      const after = tokens.slice(end, end + OBJECT_WORDS);
      if (words.objectOpeners.has(after[0] ?? '')) return foreign(after);
      // "turn the heater off": the object stands between the verb and its particle, whatever words that open no
      // object follow it ("turn the vpn off please").
      for (let verb = start - 1; verb >= Math.max(0, start - SPLIT_OBJECT_WORDS - 1); verb -= 1)
        if (words.splitTurnOff.some(([splitVerb]) => splitVerb === tokens[verb]))
          return foreign(tokens.slice(verb + 1, start));
      return false;
    })
  );
}

/** Whether the message turns something off with a verb and its particle ("switch off the agent server", "turn it off"). */
export function turnsSomethingOff(words: ReaderWords, tokens: readonly string[]): boolean {
  for (const [verb, particle] of words.splitTurnOff)
    for (let at = 0; at < tokens.length; at++)
      if (tokens[at] === verb && (tokens[at + 1] === particle || splitAt(tokens, at, verb, particle))) return true;
  return false;
}

/** Whether the message names one of the bot's settings by a noun of its own ("the reminders", "the tenant watch"). */
export function namesSetting(words: ReaderWords, tokens: readonly string[]): boolean {
  return tokens.some((token) => words.settingNouns.has(token));
}

/** Whether a word of the message turns a setting off: a cadence's "off" or one of the watch's. */
export function saysOff(words: ReaderWords, tokens: readonly string[]): boolean {
  return (
    words.cadences.findAll(tokens).some((found) => found.meanings[0] === 'off') ||
    words.watchOff.findAll(tokens).length > 0
  );
}

/**
 * Whether the message asks to keep a setting as it is: a negation before a word that turns one off or changes it
 * ("don't switch anything off", "nobody should touch the reminders"), or words for leaving it as it is ("leave the
 * watch alone").
 */
export function keepsSetting(words: ReaderWords, tokens: readonly string[]): boolean {
  if (negatesTurningOff(words, tokens) || words.asIs.findAll(tokens).length > 0) return true;
  for (const { start } of words.changeWords.findAll(tokens)) if (negatedJustBefore(words, tokens, start)) return true;
  return false;
}

/** Whether a negation word stands among the few words just before `start`. */
function negatedJustBefore(words: ReaderWords, tokens: readonly string[], start: number): boolean {
  for (let at = Math.max(0, start - NEGATED_WITHIN); at < start; at++)
    if (words.negation.words.includes(tokens[at])) return true;
  return false;
}

/**
 * Whether a negation stands just before a word that turns a setting off ("leave the reminders, don't switch anything
 * off", "never pause the digest"): the message asks to keep the setting as it is. "don't remind us" is no such case:
 * "remind" turns nothing off, the negation does.
 */
export function negatesTurningOff(words: ReaderWords, tokens: readonly string[]): boolean {
  // "nobody should touch the watch" keeps it as it is too.
  for (const found of words.cadences.findAll(tokens))
    if (found.meanings[0] === 'off' && negatedJustBefore(words, tokens, found.start)) return true;
  for (const found of words.watchOff.findAll(tokens)) if (negatedJustBefore(words, tokens, found.start)) return true;
  for (const found of words.changeVerbs.findAll(tokens)) if (negatedJustBefore(words, tokens, found.start)) return true;
  // "switch anything off": the order starts at its verb.
  for (let i = 0; i < tokens.length; i++) {
    for (const pair of words.splitTurnOff)
      if (splitAt(tokens, i, pair[0], pair[1]) && negatedJustBefore(words, tokens, i)) return true;
  }
  return false;
}

/** "don't watch…" and "we don't need sync warnings" turn the watch off; "is the watch (not) on?" asks for the setting. */
export function watchSetting(words: ReaderWords, prepared: Prepared): 'on' | 'off' | 'show' {
  const tokens = settingTokens(words, prepared.tokens);
  if (asksWhich(words, tokens)) return 'show';
  if (words.watchOff.findAll(tokens).length > 0) return 'off';
  const negation = negationOf(tokens, words.negation);
  if (negation === 'imperative') return 'off';
  if (words.watchShow.has(tokens[0] ?? '')) return 'show';
  // A negation far from an order to turn it on belongs to another clause ("nobody noticed until Monday, so please
  // turn on the watch"); one just before it still refuses ("we don't need to turn on the watch").
  const turnsOn = words.turnOnWords
    .findAll(tokens)
    .some(({ start }) =>
      tokens
        .slice(Math.max(0, start - NEGATED_ORDER_WITHIN), start)
        .every((token) => !words.negation.words.includes(token)),
    );
  return negation && !turnsOn ? 'off' : 'on';
}

/**
 * The watch named alone in a question ("watch?", "tenant watch on?") asks how it is set, as "reminders?" does: no word
 * says to turn it on.
 */
export function settingAsked(
  words: ReaderWords,
  reading: Reading,
  prepared: Prepared,
  questionShaped: boolean,
): Reading {
  if (reading.kind !== 'complete' || reading.proposal.intent !== 'watch' || reading.proposal.setting !== 'on')
    return reading;
  if (!questionShaped || prepared.tokens.length > TERSE_QUESTION_WORDS) return reading;
  if (words.turnOnWords.findAll(prepared.tokens).length > 0) return reading;
  return { kind: 'complete', proposal: { intent: 'watch', setting: 'show' } };
}

/** The message's tokens with other verbs' "off" and "stop" blanked ("until the SOC signs off"), for reading a setting. */
export function settingTokens(words: ReaderWords, tokens: readonly string[]): readonly string[] {
  const others = words.otherVerbs.findAll(tokens);
  if (others.length === 0) return tokens;
  const blanked = [...tokens];
  for (const { start, end } of others) blanked.fill('', start, end);
  return blanked;
}

/** "is the watch on or off?", "are reminders off or on": naming both, the message asks which. */
export function asksWhich(words: ReaderWords, tokens: readonly string[]): boolean {
  return tokens.some(
    (token, i) =>
      token === 'or' && words.oneOrOther.has(tokens[i - 1] ?? '') && words.oneOrOther.has(tokens[i + 1] ?? ''),
  );
}

/** The words between `verb` and `particle` wherever the message says them around an object ("switch [the daily nudges] off"). */
export function splitObjects(tokens: readonly string[], verb: string, particle: string): string[][] {
  return tokens.flatMap((token, i) => {
    if (token !== verb) return [];
    const end = tokens.slice(i + 2, i + 2 + SPLIT_OBJECT_WORDS).indexOf(particle);
    return end < 0 ? [] : [tokens.slice(i + 1, i + 2 + end)];
  });
}

/** Whether `verb` is followed by `particle` a few words on, around an object, anywhere in the message. */
export function splitAround(tokens: readonly string[], verb: string, particle: string): boolean {
  for (let i = 0; i < tokens.length; i++) if (splitAt(tokens, i, verb, particle)) return true;
  return false;
}

/**
 * Whether the order split around an object starts at `at`: `verb` there and its own `particle` a few words on ("turn
 * [the watch] on"), not that of a later copy of the verb ("turn on the watch, then turn it off").
 */
function splitAt(tokens: readonly string[], at: number, verb: string, particle: string): boolean {
  if (tokens[at] !== verb) return false;
  for (let i = at + 2; i < Math.min(tokens.length, at + 2 + SPLIT_OBJECT_WORDS); i++)
    if (tokens[i] === particle) return true;
  return false;
}
