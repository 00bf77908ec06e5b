/**
 * What a reading of a message is made of, shared by the modules that read it: the commands it proposes, what it
 * decides to do with them, and the sets of commands the rules tell apart (those that change a plan, the settings).
 */
import type { TaskStatus } from '../domain/plan';
import type { Cadence, IntentName } from './corpus';
import type { GuideHit } from './guideIndex';
import type { PreparedText } from './textPrep';

/** A task of the conversation's plan, as far as understanding needs to know it. */
export interface PlanTaskInfo {
  readonly number: number;
  readonly id: string;
  readonly title: string;
  /** Where the task stands; undefined where the caller does not say. */
  readonly status?: TaskStatus;
}

export interface UnderstandingContext {
  /** The plan's tasks, or undefined when the conversation has no plan. */
  readonly tasks?: readonly PlanTaskInfo[];
  /** "the next one": the plan's next open task. */
  readonly nextNumber?: number;
  /** "the current task": the task in progress, else the next one. */
  readonly currentNumber?: number;
  /** Decides what "tomorrow" means (UTC). */
  readonly now: Date;
}

export type TaskIntent = 'taskStart' | 'taskDone' | 'taskSkip' | 'taskReopen' | 'assign' | 'unassign' | 'due';
export type PlainIntent = Exclude<IntentName, TaskIntent | 'remind' | 'watch' | 'question' | 'history'>;

/** A command, in the understanding's own terms (the bot layer maps it to its Command type and exact words). */
export type Proposal =
  | { readonly intent: PlainIntent }
  /** With a task number, only that task's changes. */
  | { readonly intent: 'history'; readonly taskNumber?: number }
  | { readonly intent: 'remind'; readonly cadence: Cadence | 'show' }
  | { readonly intent: 'watch'; readonly setting: 'on' | 'off' | 'show' }
  | { readonly intent: 'taskStart' | 'taskDone' | 'taskSkip' | 'taskReopen' | 'unassign'; readonly taskNumber: number }
  | { readonly intent: 'assign'; readonly taskNumber: number; readonly to: 'me' | 'mentioned' }
  | { readonly intent: 'due'; readonly taskNumber: number; readonly date: string | null };

export type Missing = 'plan' | 'task' | 'date' | 'person';

export type Interpretation =
  /** Confident and complete. `named` is set when the task was named in words or by position, so the reply can say which task that was. */
  | { readonly kind: 'act'; readonly proposal: Proposal; readonly named?: PlanTaskInfo; readonly score: number }
  /** Not sure which command was meant: offer these, most likely first. */
  | { readonly kind: 'choose'; readonly proposals: readonly Proposal[] }
  /** The words fit several tasks of the plan: ask which, one proposal per task. */
  | { readonly kind: 'whichTask'; readonly words: string; readonly proposals: readonly Proposal[] }
  /** The command is clear but a part is missing; `taskNumber` when the task was found. */
  | { readonly kind: 'clarify'; readonly intent: IntentName; readonly missing: Missing; readonly taskNumber?: number }
  | { readonly kind: 'answer'; readonly hits: readonly GuideHit[] }
  | { readonly kind: 'noAnswer' }
  | { readonly kind: 'help'; readonly closest: readonly IntentName[] };

/** Model scores from which a reading is acted on, or offered as a "did you mean". */
export const ACT_SCORE = 0.7;
export const SUGGEST_SCORE = 0.25;
export const MAX_CHOICES = 3;

export const TASK_INTENTS: ReadonlySet<IntentName> = new Set<TaskIntent>([
  'taskStart',
  'taskDone',
  'taskSkip',
  'taskReopen',
  'assign',
  'unassign',
  'due',
]);

/** A prepared message, with where the part it corrected to starts when it corrects itself (reader.ts, correctedReading). */
export type Prepared = PreparedText & { readonly correctedFrom?: number };

export function inTask(prepared: PreparedText, at: number): boolean {
  return prepared.taskMentions.some((mention) => at >= mention.start && at < mention.end);
}

export type Reading =
  | {
      readonly kind: 'complete';
      readonly proposal: Proposal;
      readonly named?: PlanTaskInfo;
      /** The task, or the day, is a guess the words allow but do not say: offered, never carried out. */
      readonly guessed?: boolean;
      /** Other readings of a guessed day ("5/12" read the other way round), offered after the proposal. */
      readonly alternatives?: readonly Proposal[];
    }
  | { readonly kind: 'ambiguous'; readonly words: string; readonly proposals: readonly Proposal[] }
  | { readonly kind: 'missing'; readonly missing: Missing; readonly taskNumber?: number };

export type TaskFound =
  /**
   * `guessed`: a task the words allow but do not name (one pointed back at, "that one", which the conversation may have
   * meant otherwise; a stray number in a due date): offered, never changed.
   */
  | { kind: 'one'; number: number; byWords: boolean; guessed?: boolean }
  | { kind: 'several'; numbers: number[]; words: string }
  | { kind: 'none' };

/** Commands whose negation means "leave it as it is": no command to offer at all. */
export const REFUSED_WHEN_NEGATED: ReadonlySet<IntentName> = new Set<IntentName>([
  'taskDone',
  'taskStart',
  'assign',
  'startOver',
  'share',
  'restore',
]);
/** Commands that change something. */
export const CHANGES_STATE: ReadonlySet<IntentName> = new Set<IntentName>([
  ...TASK_INTENTS,
  'startOver',
  'share',
  'start',
  'restore',
]);

/**
 * Settings that change what the bot posts (reminders, the tenant watch). Unlike CHANGES_STATE, a negative order does
 * not refuse them ("don't remind us" turns reminders off). Words the model never learnt make turning one on an offer
 * ("<script>alert(1)</script>" is no request to watch the tenant); turning one off only makes the bot quieter.
 */
export const SETTINGS: ReadonlySet<IntentName> = new Set<IntentName>(['remind', 'watch']);

/** Whether a setting's reading only shows it ("how are reminders set up"), changing nothing. */
export function showsSetting(reading: Reading): boolean {
  if (reading.kind !== 'complete') return false;
  const { proposal } = reading;
  return (
    (proposal.intent === 'remind' && proposal.cadence === 'show') ||
    (proposal.intent === 'watch' && proposal.setting === 'show')
  );
}

export function turnsOff(reading: Reading): boolean {
  if (reading.kind !== 'complete') return false;
  const { proposal } = reading;
  return (
    (proposal.intent === 'remind' && proposal.cadence === 'off') ||
    (proposal.intent === 'watch' && proposal.setting === 'off')
  );
}

/** What a message asks besides its command: to undo something ("by mistake", "reopen"), to turn a setting on. */
export interface Asks {
  readonly undo: boolean;
  /** Words that turn a setting on ("switch on", "enable") or a reminder cadence ("daily"). */
  readonly turnOn: boolean;
  /** A negated word that turns a setting off ("don't switch anything off"): keep it as it is. */
  readonly keep: boolean;
  /**
   * A negation just before every word that turns a setting on or names a cadence ("we won't turn on daily reminders",
   * "we don't want daily reminders"): the message says it stays off.
   */
  readonly keepOff: boolean;
}

/** The command a reading acts on, offers first or asks about; 'question' for the guide's answers, none for help. */
export function intentRead(reading: Interpretation): IntentName | undefined {
  switch (reading.kind) {
    case 'act':
      return reading.proposal.intent;
    case 'choose':
    case 'whichTask':
      return reading.proposals[0]?.intent;
    case 'clarify':
      return reading.intent;
    case 'answer':
    case 'noAnswer':
      return 'question';
    case 'help':
      return undefined;
  }
}

/** `lead`, then the other proposals without its command, as many as a reply offers. */
export function firstThen(lead: Proposal, others: readonly Proposal[]): Proposal[] {
  return [lead, ...others.filter((proposal) => proposal.intent !== lead.intent)].slice(0, MAX_CHOICES);
}

export function closestIntents(candidates: ReadonlyArray<{ intent: IntentName }>): IntentName[] {
  return candidates
    .filter((entry) => entry.intent !== 'question')
    .slice(0, MAX_CHOICES)
    .map((entry) => entry.intent);
}
