/**
 * Reading what people type (commands, questionnaire answers) without letting one message stall the process.
 *
 * Two rules keep that cheap: text longer than MAX_PARSED_TEXT_LENGTH is never parsed (it is not a command and not an
 * answer), and every pattern run over typed text takes time linear in its length. A regex of the form `/[.!]+$/` is
 * not: the engine tries it from every position of a long run that does not reach the end, which let a 28 KB message
 * of dots block the event loop for two seconds. Such runs are trimmed here with a loop instead.
 */

/**
 * Commands and answers are a few words; a Teams message is at most about 28 KB. A few hundred characters leave room for
 * mention markup and a written-out answer ("password hash sync, exchange hybrid and high availability").
 */
export const MAX_PARSED_TEXT_LENGTH = 500;

/** True when `text` is short enough to be read as a command or an answer at all. */
export function withinParseLimit(text: string): boolean {
  return text.length <= MAX_PARSED_TEXT_LENGTH;
}

/** `text` without any trailing characters that occur in `characters` (single UTF-16 units), found in one backward scan. */
export function trimTrailing(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}
