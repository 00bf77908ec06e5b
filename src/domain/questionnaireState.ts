/**
 * A round of the questionnaire as plain data: what is kept between turns, what a finished or stopped round hands
 * back, and the steps on it that need no Teams and no dialog library: which question comes next, recording what one
 * message answered (answers to later questions included), going back over a whole message, and the finished answers.
 * The dialog (dialogs/chooseToolDialog.ts) stores this state with its stack and sends the cards.
 */
import { ANSWER_KEYS, ANSWER_TOPICS, type AnswerKey, type Answers } from './answers';
import type { SingleTool } from './advisorRules';
import type { AnswerRecord } from './decision';
import type { Actor } from './plan';
import type { QuestionnaireReply } from './questionnaireReplies';
import {
  QUESTIONS,
  canChangeOutcome,
  finalizeAnswers,
  nextQuestion,
  questionById,
  withAnswer,
  type Question,
} from './questions';

/** Options a message named for a multi-select question still to come: ticked on its card, to be confirmed. */
export interface MentionedOptions {
  readonly question: AnswerKey;
  readonly values: readonly string[];
  readonly message: number;
}

/** Everything a questionnaire run needs between turns; plain JSON, because it is stored with the dialog stack. */
export interface QuestionnaireState {
  /** Ties card buttons to this run, so a button on a card from an earlier run is recognised as stale. */
  readonly runId: string;
  readonly answers: Partial<Answers>;
  readonly answered: readonly AnswerRecord[];
  readonly startedAt: string;
  readonly mentioned?: readonly MentionedOptions[];
  /** Set while the person is asked whether to discard their answers (and plan) and begin again. */
  readonly confirmingStartOver?: boolean;
  /**
   * A follow-up on a recommendation instead of a full round: ask exactly these questions, in this order,
   * then finish with the answers as they stand (e.g. the install-type questions an override to Connect needs).
   */
  readonly onlyAsk?: readonly AnswerKey[];
  /** What the follow-up is for, handed back on completion. */
  readonly followUp?: FollowUp;
}

/** Why a round of questions reopened a recommendation: to answer an unknown, or to finish an override. */
export interface FollowUp {
  readonly decisionId: string;
  /** Apply this override once the questions are answered. */
  readonly override?: SingleTool;
}

export type QuestionnaireResult =
  | {
      readonly kind: 'completed';
      readonly runId: string;
      readonly answers: Answers;
      readonly answered: readonly AnswerRecord[];
      readonly startedAt: string;
      readonly completedAt: string;
      readonly followUp?: FollowUp;
    }
  /** Stopped by the person; `state` lets a later `start` pick up where they left off. */
  | { readonly kind: 'cancelled'; readonly state: QuestionnaireState }
  /** A start over was asked for outside the questions and then declined: nothing changed. */
  | { readonly kind: 'keptAsIs' };

/** How a run begins. */
export interface BeginOptions {
  /** Continue an earlier, cancelled run instead of beginning a new one. */
  readonly resume?: QuestionnaireState;
  /** Begin with the start-over question (the `start over` command when no questions are running). */
  readonly startOver?: boolean;
  /** A sentence to show before the first question, e.g. that a plan already exists here. */
  readonly notice?: string;
}

export function freshState(runId: string, at: string): QuestionnaireState {
  return { runId, answers: {}, answered: [], startedAt: at };
}

/** Stored state is read back untyped: only something shaped like a run is resumed. */
export function isQuestionnaireState(value: unknown): value is QuestionnaireState {
  const v = value as QuestionnaireState | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.runId === 'string' &&
    typeof v.answers === 'object' &&
    Array.isArray(v.answered)
  );
}

/** The question to put next: the follow-up's list when there is one, otherwise whatever can still change the outcome. */
export function questionFor(state: QuestionnaireState): Question | undefined {
  if (state.onlyAsk) {
    const key = state.onlyAsk.find((candidate) => state.answers[candidate] === undefined);
    return key === undefined ? undefined : questionById(key);
  }
  return nextQuestion(state.answers);
}

/** The answers to hand on: a follow-up leaves what it did not ask as it was (unasked questions become "not asked"). */
export function finishedAnswers(state: QuestionnaireState): Answers {
  if (!state.onlyAsk) return finalizeAnswers(state.answers);
  const complete: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) complete[key] = state.answers[key] ?? 'notAsked';
  return complete as unknown as Answers;
}

/**
 * "Question 3 of about 7": answered so far, this one, and the later ones that could still change the
 * outcome. "About", because later answers can make some of those irrelevant.
 */
export function estimateTotal(answers: Partial<Answers>, answeredCount: number, current: Question): number {
  const later = QUESTIONS.filter(
    (q) => q.id !== current.id && answers[q.id] === undefined && canChangeOutcome(answers, q.id),
  );
  return answeredCount + 1 + later.length;
}

/** Where `question` stands in the run: its number, and about how many there are (a follow-up knows exactly). */
export function progressOf(state: QuestionnaireState, question: Question): { number: number; estimatedTotal: number } {
  return {
    number: state.answered.length + 1,
    estimatedTotal: state.onlyAsk
      ? state.answered.length + state.onlyAsk.filter((key) => state.answers[key] === undefined).length
      : estimateTotal(state.answers, state.answered.length, question),
  };
}

/** The state with everything one message answered, under one message number so that `back` undoes it whole. */
export function recordReply(
  state: QuestionnaireState,
  question: Question,
  reply: Pick<QuestionnaireReply, 'answer' | 'also' | 'mentioned'>,
  by: Actor,
  at: string,
): QuestionnaireState {
  const message =
    Math.max(
      0,
      ...state.answered.map((record) => record.message ?? 0),
      ...(state.mentioned ?? []).map((entry) => entry.message),
    ) + 1;
  let answers = state.answers;
  const answered: AnswerRecord[] = [];
  const given: Array<[AnswerKey, Answers[AnswerKey]]> = [
    ...(reply.answer !== undefined ? [[question.id, reply.answer] as [AnswerKey, Answers[AnswerKey]]] : []),
    ...(Object.entries(reply.also) as Array<[AnswerKey, Answers[AnswerKey]]>),
  ];
  for (const [key, value] of given) {
    answers = withAnswer(answers, key, value);
    answered.push({ question: key, by, at, message });
  }
  const named = Object.entries(reply.mentioned) as Array<[AnswerKey, readonly string[]]>;
  // Ticks are for a question not yet answered; once it is answered (any way) they are spent.
  const mentioned = [
    ...(state.mentioned ?? []).filter(
      (entry) => answers[entry.question] === undefined && !named.some(([key]) => key === entry.question),
    ),
    ...named.map(([key, values]) => ({ question: key, values, message })),
  ];
  return {
    ...state,
    answers,
    answered: [...state.answered, ...answered],
    ...(mentioned.length > 0 || state.mentioned ? { mentioned } : {}),
  };
}

/** `back`: everything the last message answered goes (a sentence may have answered several questions at once). */
export function stepBack(state: QuestionnaireState): { state: QuestionnaireState; notice: string } | undefined {
  const last = state.answered[state.answered.length - 1];
  if (!last) return undefined;
  const undone =
    last.message === undefined ? [last] : state.answered.filter((record) => record.message === last.message);
  const answers: Partial<Answers> = { ...state.answers };
  for (const record of undone) delete answers[record.question];
  const mentioned = state.mentioned?.filter((entry) => last.message !== undefined && entry.message < last.message);
  const notice =
    undone.length === 1
      ? 'Going back one question; your previous answer to it is cleared.'
      : `Going back: the ${undone.length} answers your last message gave are cleared (${undone.map((record) => ANSWER_TOPICS[record.question]).join(', ')}).`;
  return {
    state: { ...state, answers, answered: state.answered.slice(0, state.answered.length - undone.length), mentioned },
    notice,
  };
}

export function countAnswers(n: number): string {
  return n === 1 ? '1 answer' : `${n} answers`;
}
