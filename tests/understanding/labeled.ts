/**
 * Scores the understanding against a labeled file (heldout.en.json for the gate, dev.en.json for tuning):
 * the intent the bot ends up acting on or offering first, the task, date and owner it read, and the top
 * answer to each question.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dueReadInWords } from '../../src/bot/understandingFeature';
import { parseCommand, type Command } from '../../src/domain/commands';
import { createPlan } from '../../src/domain/plan';
import { planContext } from '../../src/understanding/planContext';
import {
  intentRead,
  type Interpretation,
  type Proposal,
  type Understanding,
  type UnderstandingContext,
} from '../../src/understanding/understand';

export interface LabeledIntent {
  readonly text: string;
  readonly intent: string;
  readonly task?: number | string;
  readonly date?: string | null;
  readonly to?: 'me' | 'mentioned';
  readonly cadence?: string;
  /** For `watch`: on, off or show. */
  readonly setting?: string;
}
export interface LabeledQuestion {
  readonly text: string;
  /** The task whose lines answer it, or a list when either of two tasks' lines answers it equally well. */
  readonly task?: string | readonly string[];
  readonly link?: string;
  readonly fallback?: boolean;
}
export interface LabeledFile {
  readonly today: string;
  /** The bot's display name: its own @mention is removed before reading, as the bot does with Teams' recipient mention. */
  readonly botName?: string;
  readonly intents: readonly LabeledIntent[];
  readonly questions: readonly LabeledQuestion[];
}

export function loadLabeled(name: string): LabeledFile {
  return JSON.parse(readFileSync(join(__dirname, name), 'utf8')) as LabeledFile;
}

/** The plan both labeled files assume: Cloud Sync, the tool chosen, nothing else done yet. */
export function labeledContext(today: string): UnderstandingContext {
  const now = new Date(`${today}T10:00:00Z`);
  const plan = createPlan({
    id: 'plan-1',
    selection: { tool: 'cloudSync' },
    createdBy: { id: 'u1', name: 'Ana' },
    at: now.toISOString(),
  });
  return planContext(plan, now);
}

/** The intent the bot acts on or offers first ('question' for answers and honest fallbacks, 'none' for help). */
export function intentOf(reading: Interpretation): string {
  return intentRead(reading) ?? 'none';
}

export interface Score {
  /** Undefined for a file without intents (a questions-only held-out set). */
  readonly intentAccuracy: number | undefined;
  readonly entityAccuracy: number;
  /** Undefined for a file without questions (an intents-only held-out set). */
  readonly questionAccuracy: number | undefined;
  /** Questions missed by answering something other than the label (wrong answers, the worse kind of miss). */
  readonly wrongAnswers: number;
  /** Questions missed by saying honestly that the guide has no answer. */
  readonly fallbacks: number;
  readonly misses: string[];
}

export function score(understanding: Understanding, file: LabeledFile): Score {
  const context = labeledContext(file.today);
  const misses: string[] = [];
  let intentsRight = 0;
  let entitiesChecked = 0;
  let entitiesRight = 0;
  for (const item of file.intents) {
    const text = asReceived(item.text, file.botName);
    const reading = botReading(understanding, text, context);
    const intent = intentOf(reading);
    if (intent === item.intent) intentsRight += 1;
    else misses.push(`intent: "${item.text}" → ${intent} (${reading.kind}), expected ${item.intent}`);
    if (
      item.task === undefined &&
      item.date === undefined &&
      item.to === undefined &&
      item.cadence === undefined &&
      item.setting === undefined
    )
      continue;
    entitiesChecked += 1;
    const offered =
      reading.kind === 'act'
        ? [reading.proposal]
        : reading.kind === 'choose' || reading.kind === 'whichTask'
          ? reading.proposals
          : [];
    const proposal = offered[0];
    const expectedNumber = expectedTask(item.task, context);
    const got = proposal as Record<string, unknown> | undefined;
    const ok =
      got !== undefined &&
      got.intent === item.intent &&
      (expectedNumber === undefined || got.taskNumber === expectedNumber) &&
      (item.date === undefined || dayOf(got, offered) === item.date) &&
      (item.to === undefined || got.to === item.to) &&
      (item.cadence === undefined || got.cadence === item.cadence) &&
      (item.setting === undefined || got.setting === item.setting);
    if (ok) entitiesRight += 1;
    else
      misses.push(
        `entities: "${item.text}" → ${JSON.stringify(proposal ?? reading)}, expected task ${String(expectedNumber)} date ${String(item.date)} to ${String(item.to)} cadence ${String(item.cadence)} setting ${String(item.setting)}`,
      );
  }
  let questionsRight = 0;
  let wrongAnswers = 0;
  let fallbacks = 0;
  for (const question of file.questions) {
    const answer = understanding.answerQuestion(question.text, context);
    const top = answer.kind === 'answer' ? answer.hits[0] : undefined;
    const ok = question.fallback
      ? answer.kind === 'noAnswer'
      : top !== undefined &&
        (question.task === undefined || tasksOf(question).some((task) => top.taskIds.includes(task as never))) &&
        (question.link === undefined || top.links.some((link) => link.url === question.link));
    if (ok) questionsRight += 1;
    else if (answer.kind === 'noAnswer') fallbacks += 1;
    else wrongAnswers += 1;
    if (!ok) misses.push(`question: "${question.text}" → ${top ? `${top.title}: ${top.text}` : 'no answer'}`);
  }
  return {
    intentAccuracy: file.intents.length === 0 ? undefined : intentsRight / file.intents.length,
    entityAccuracy: entitiesChecked === 0 ? 1 : entitiesRight / entitiesChecked,
    questionAccuracy: file.questions.length === 0 ? undefined : questionsRight / file.questions.length,
    wrongAnswers,
    fallbacks,
    misses,
  };
}

/**
 * What the bot makes of a line: an exact command is matched before the understanding is asked (syncGuideBot.ts), so
 * "check" or "watch" alone runs as typed, whatever the model would read into one word; the due command with its day
 * in words is read as the understanding reads it (understandingFeature.ts).
 */
export function botReading(understanding: Understanding, text: string, context: UnderstandingContext): Interpretation {
  const command = parseCommand(text);
  if (command.name === 'unknown') return understanding.interpret(text, context);
  return dueReadInWords(understanding, text, context) ?? { kind: 'act', proposal: proposalOf(command), score: 1 };
}

const TASK_ACTIONS = { start: 'taskStart', done: 'taskDone', skip: 'taskSkip', reopen: 'taskReopen' } as const;

function proposalOf(command: Exclude<Command, { name: 'unknown' }>): Proposal {
  switch (command.name) {
    case 'taskAction':
      return { intent: TASK_ACTIONS[command.action], taskNumber: command.taskNumber };
    case 'remind':
      return { intent: 'remind', cadence: command.cadence };
    case 'watch':
      return { intent: 'watch', setting: command.setting };
    case 'history':
      return command.taskNumber === undefined
        ? { intent: 'history' }
        : { intent: 'history', taskNumber: command.taskNumber };
    case 'assign':
      return { intent: 'assign', taskNumber: command.taskNumber, to: command.to };
    case 'unassign':
      return { intent: 'unassign', taskNumber: command.taskNumber };
    case 'due':
      return { intent: 'due', taskNumber: command.taskNumber, date: command.date };
    default:
      return { intent: command.name };
  }
}

/**
 * A labeled line as the bot receives it from Teams: a person picked with '@' arrives as `<at>Name</at>` (sets written
 * outside the project spell it '@Name'), and the bot's own mention is removed before reading.
 */
export function asReceived(text: string, botName?: string): string {
  // The bot's own name after '@' is its mention, however many words the name has ("@Sync Guide what's next").
  const named = botName === undefined ? text : text.split(`@${botName}`).join(`<at>${botName}</at>`);
  // One word after a lone '@' (not an address's "user@tenant"): the set's authors pick people by first name.
  const withMentions = named.replace(/(^|[\s(,])@([A-Za-z][A-Za-z'-]{0,39})/g, '$1<at>$2</at>');
  return botName === undefined ? withMentions : withMentions.split(`<at>${botName}</at>`).join(' ').trim();
}

/**
 * The day a reading gives: a due date's own, or for an assignment labeled with a day ("@Priya can you own config, by the
 * 18th") the due date offered for the same task beside it, as the bot offers that day as a button of its own.
 */
function dayOf(got: Record<string, unknown>, offered: readonly Proposal[]): unknown {
  if (got.intent !== 'assign') return got.date;
  const due = offered.find((other) => other.intent === 'due' && other.taskNumber === got.taskNumber);
  return due?.intent === 'due' ? due.date : undefined;
}

function expectedTask(task: number | string | undefined, context: UnderstandingContext): number | undefined {
  if (task === undefined || typeof task === 'number') return task;
  if (task === 'next') return context.nextNumber;
  if (task === 'current') return context.currentNumber;
  return context.tasks?.find((candidate) => candidate.id === task)?.number;
}

export function tasksOf(question: LabeledQuestion): readonly string[] {
  if (question.task === undefined) return [];
  return typeof question.task === 'string' ? [question.task] : question.task;
}
