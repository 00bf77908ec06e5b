/**
 * Cards for what people type in their own words: "did you mean…?" and "which task?" with one button per
 * reading (each sends the exact command, so a click takes the same path as typing it), and answers from
 * the guide with the task they belong to and the Learn pages behind them.
 */
import { LEARN } from '../domain/learnLinks';
import { catalogText } from './planText';
import { SHOW_TASK_VERB } from '../domain/taskVerbs';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';

/** A button that says a command for the person: `say` is exact command text, `title` what the button reads. */
export interface SpokenOption {
  readonly title: string;
  readonly say: string;
}

/** What an answer is made of (the guide's own lines, so no user text). */
export interface AnswerLine {
  readonly text: string;
  readonly title: string;
  readonly links: ReadonlyArray<{ readonly title: string; readonly url: string }>;
}

const MAX_ASKED = 120;
const MAX_BUTTON = 60;

export function didYouMeanCard(
  title: string,
  intro: string,
  options: readonly SpokenOption[],
  footer = '',
): AdaptiveCardJson {
  return renderCard('didYouMean', {
    title,
    intro,
    footer,
    options: options.map((option) => ({ title: shorten(option.title, MAX_BUTTON), say: option.say })),
  });
}

/**
 * The guide's answer: the matching lines, where they come from, and their Learn links. `task` is set when the
 * lines belong to a task of this conversation's plan: a button then opens that task's card.
 */
export function answerCard(
  question: string,
  lines: readonly AnswerLine[],
  task?: { planId: string; taskId: string; number: number },
): AdaptiveCardJson {
  const source = lines[0]?.title ?? '';
  const links = uniqueLinks(lines.flatMap((line) => line.links));
  return renderCard('answer', {
    title: 'From the guide',
    asked: askedLine(question),
    source: catalogText(source),
    lines: lines.map((line) => ({ text: `• ${catalogText(line.text)}` })),
    message: '',
    links: links.map((link) => ({ text: `📘 [${catalogText(link.title)}](${link.url})` })),
    hasTask: task !== undefined,
    taskButton: task ? `Open task ${task.number}` : '',
    showVerb: SHOW_TASK_VERB,
    planId: task?.planId ?? '',
    taskId: task?.taskId ?? '',
  });
}

/** Nothing in the guide answers this: say so, and point at Microsoft's documentation instead of guessing. */
export function noAnswerCard(question: string): AdaptiveCardJson {
  return renderCard('answer', {
    title: "The guide doesn't cover that",
    asked: askedLine(question),
    source: '',
    lines: [],
    message:
      "I answer from this guide's own tasks, checklists and sync tool facts, and nothing there fits your question, so I won't guess. " +
      'Microsoft\'s hybrid identity documentation is the place to look; or say "help" for what I can do.',
    links: [{ text: `📘 [Microsoft Entra hybrid identity documentation](${LEARN.hybridIdentityHub})` }],
    hasTask: false,
    taskButton: '',
    showVerb: SHOW_TASK_VERB,
    planId: '',
    taskId: '',
  });
}

function askedLine(question: string): string {
  const trimmed = question.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return '';
  return `You asked: "${escapeMarkdown(shorten(trimmed, MAX_ASKED))}"`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function uniqueLinks(links: ReadonlyArray<{ title: string; url: string }>): Array<{ title: string; url: string }> {
  return [...new Map(links.map((link) => [link.url, link])).values()];
}
