/**
 * The "choose the sync tool" questionnaire as a botbuilder dialog. It only translates: the domain's
 * question catalog decides what to ask next (`nextQuestion`) and how to read a button (`parseAnswer`) or
 * a typed reply, words or a sentence (`replyTo`); this dialog sends the cards, records what a message
 * answered, and handles back, cancel, start over and help. It ends with the finished answers; turning
 * them into a recommendation is the caller's job.
 *
 * The state lives in the dialog stack, which the app keeps in PrivateConversationState: one stack per
 * person per conversation, so two people answering in the same channel never touch each other's answers.
 */
import {
  ComponentDialog,
  Dialog,
  type DialogContext,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { ANSWER_KEYS, ANSWER_TOPICS, type AnswerKey, type Answers, describeAnswer } from '../domain/answers';
import type { SingleTool } from '../domain/advisorRules';
import type { Actor } from '../domain/plan';
import type { AnswerRecord } from '../domain/decision';
import { mentionedNotice, questionHelp, replyTo } from '../domain/questionnaireReplies';
import {
  QUESTIONS,
  acceptedAnswersHelp,
  canChangeOutcome,
  finalizeAnswers,
  nextQuestion,
  parseAnswer,
  questionById,
  withAnswer,
  wordingFor,
  type Question,
} from '../domain/questions';
import { normalizeText, parseCommand, plainWordsOf, type Command } from '../domain/commands';
import { withinParseLimit } from '../domain/typedText';
import { questionCard, startOverConfirmCard, type QuestionSubmit } from '../cards/questionCards';
import type { AdaptiveCardJson } from '../cards/render';

export const CHOOSE_TOOL_DIALOG = 'chooseTool';
const QUESTION_LOOP = 'chooseTool.questionLoop';

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

export interface BeginOptions {
  /** Continue an earlier, cancelled run instead of beginning a new one. */
  readonly resume?: QuestionnaireState;
  /** Begin with the start-over question (the `start over` command when no questions are running). */
  readonly startOver?: boolean;
  /** A sentence to show before the first question, e.g. that a plan already exists here. */
  readonly notice?: string;
}

/** What `start over` would throw away besides the answers in progress, in words for the confirmation. */
export interface StartOverHooks {
  /** Things beyond the current answers that a start over discards (e.g. "the deployment plan of this chat"). */
  readonly discardable: (context: TurnContext) => Promise<string[]>;
  /**
   * A card saying what a start over leaves in place because this person may not discard it (and who can), sent
   * before the confirmation; undefined when nothing is held back.
   */
  readonly refusal?: (context: TurnContext) => Promise<AdaptiveCardJson | undefined>;
  /** Discards; returns a sentence to say instead of "everything is cleared" when something had to stay. */
  readonly discard: (context: TurnContext) => Promise<string | void>;
}

/**
 * Reads typed text that is no answer as a command in the person's own words ("what should I do next?", "start
 * over please"), when it is confident: `run` carries it out exactly as outside the questions.
 */
export type SpokenCommandReader = (
  context: TurnContext,
  text: string,
) => Promise<{ readonly command: Command; readonly run: () => Promise<void> } | undefined>;

export interface ChooseToolDialogDeps {
  /** The bot's one way to answer in the current turn (bot/turn.ts): every card and line of this dialog goes out through it. */
  readonly reply: (context: TurnContext, content: AdaptiveCardJson | string) => Promise<unknown>;
  /** Who answers, as everything else records people (bot/turn.ts): the dialog sits below the bot and cannot import it. */
  readonly actorOf: (context: TurnContext) => Actor;
  readonly clock?: () => Date;
  readonly newId?: () => string;
  readonly startOver?: StartOverHooks;
  /** Without it, only the exact command words work while the questions run. */
  readonly spoken?: SpokenCommandReader;
}

/** The options each pass of the question loop receives; the loop restarts itself with new ones every turn. */
interface LoopOptions {
  readonly state: QuestionnaireState;
  /** Sent before the card. */
  readonly notice?: string;
  /** False for re-prompts after invalid input: the card is already on screen, only the hint is new. */
  readonly showCard: boolean;
  /** The start over came from outside a running questionnaire; declining it ends the dialog. */
  readonly startOverOnly?: boolean;
}

const BACK_WORDS = new Set(['back', 'go back', 'previous', 'undo', 'prev']);
const CANCEL_WORDS = new Set(['cancel', 'stop', 'quit', 'exit', 'pause', 'later']);
// Saying the command again ("start over") at its own confirmation means yes.
const YES_WORDS = new Set(['yes', 'y', 'yep', 'ok', 'okay', 'confirm', plainWordsOf('startOver'), 'discard']);
const NO_WORDS = new Set(['no', 'n', 'nope', 'keep', 'continue', 'cancel', 'keep going']);

export class ChooseToolDialog extends ComponentDialog<BeginOptions> {
  private readonly clock: () => Date;
  private readonly newId: () => string;
  private readonly hooks?: StartOverHooks;
  private readonly spoken?: SpokenCommandReader;
  private readonly reply: ChooseToolDialogDeps['reply'];
  private readonly actorOf: ChooseToolDialogDeps['actorOf'];

  constructor(deps: ChooseToolDialogDeps) {
    super(CHOOSE_TOOL_DIALOG);
    this.spoken = deps.spoken;
    this.reply = deps.reply;
    this.actorOf = deps.actorOf;
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? (() => Math.random().toString(36).slice(2, 10));
    this.hooks = deps.startOver;
    this.addDialog(new WaterfallDialog(QUESTION_LOOP, [this.askStep.bind(this), this.readStep.bind(this)]));
    this.initialDialogId = QUESTION_LOOP;
  }

  /** Starts a run: fresh, resumed, or beginning with the start-over question. */
  protected override async onBeginDialog(innerDc: DialogContext, options?: BeginOptions): Promise<DialogTurnResult> {
    const fresh = this.freshState();
    if (options?.startOver) {
      await this.sendRefusal(innerDc.context);
      const discardable = await this.discardable(innerDc.context);
      if (discardable.length > 0) {
        return innerDc.beginDialog(QUESTION_LOOP, {
          state: { ...fresh, confirmingStartOver: true },
          showCard: true,
          startOverOnly: true,
        } satisfies LoopOptions);
      }
    }
    const resume = options?.resume && isQuestionnaireState(options.resume) ? options.resume : undefined;
    // A follow-up on a recommendation brings its own words; only a paused round "picks up where you left off".
    const notice =
      resume && !resume.followUp
        ? `Picking up where you left off, with your ${countAnswers(resume.answered.length)} kept. Say **start over** to begin again instead.`
        : options?.notice;
    return innerDc.beginDialog(QUESTION_LOOP, { state: resume ?? fresh, notice, showCard: true } satisfies LoopOptions);
  }

  /** The current state of a running questionnaire in `dc`'s stack, for callers that need to know (e.g. what start over discards). */
  static stateOf(options: unknown): QuestionnaireState | undefined {
    const state = (options as LoopOptions | undefined)?.state;
    return isQuestionnaireState(state) ? state : undefined;
  }

  private freshState(): QuestionnaireState {
    return { runId: this.newId(), answers: {}, answered: [], startedAt: this.clock().toISOString() };
  }

  private async discardable(context: TurnContext): Promise<string[]> {
    return this.hooks ? this.hooks.discardable(context) : [];
  }

  private async sendRefusal(context: TurnContext): Promise<void> {
    const card = await this.hooks?.refusal?.(context);
    if (card) await this.reply(context, card);
  }

  /** Sends the card for where the run stands (the next question, or the start-over confirmation) and waits. */
  private async askStep(step: WaterfallStepContext<LoopOptions>): Promise<DialogTurnResult> {
    const { state, notice, showCard } = step.options;
    const context = step.context;
    if (notice) await this.reply(context, notice);
    if (state.confirmingStartOver) {
      if (showCard)
        await this.reply(
          context,
          startOverConfirmCard({ runId: state.runId, discards: await this.discardList(context, state) }),
        );
      return Dialog.EndOfTurn;
    }
    const question = questionFor(state);
    if (!question) {
      const result: QuestionnaireResult = {
        kind: 'completed',
        runId: state.runId,
        answers: finishedAnswers(state),
        answered: state.answered,
        startedAt: state.startedAt,
        completedAt: this.clock().toISOString(),
        ...(state.followUp ? { followUp: state.followUp } : {}),
      };
      return step.endDialog(result);
    }
    const ticked = state.mentioned?.find((entry) => entry.question === question.id);
    if (showCard && ticked) await this.reply(context, mentionedNotice(question.id, ticked.values));
    if (showCard) await this.reply(context, this.cardFor(context, state, question, ticked?.values));
    return Dialog.EndOfTurn;
  }

  /** Reads this turn's input and loops with the new state, or ends the run. */
  private async readStep(step: WaterfallStepContext<LoopOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    const next = await this.interpret(step.context, options);
    if ('end' in next) return step.endDialog(next.end);
    return step.replaceDialog(QUESTION_LOOP, next.loop);
  }

  private async interpret(
    context: TurnContext,
    options: LoopOptions,
  ): Promise<{ loop: LoopOptions } | { end: QuestionnaireResult }> {
    const { state } = options;
    const input = readInput(context);
    const same = (notice: string, showCard = true) => ({ loop: { ...options, notice, showCard } });

    if (input.submit && input.submit.questionnaire !== state.runId) {
      return same(
        "That card is not part of your current questions (it is from an earlier round, or someone else's), so I did not use it. Here is where you are now:",
      );
    }

    if (state.confirmingStartOver) return this.interpretConfirmation(context, options, input);

    const question = questionFor(state);
    if (!question) return { loop: { state, showCard: true } };
    const command = input.submit?.nav ?? commandOf(input.text);
    if (command) return this.navigate(context, options, question, command);

    if (input.submit && input.submit.question !== question.id)
      return same(staleQuestionNotice(state, input.submit.question));

    const raw = input.submit ? input.submit.answer : input.text;
    if (raw === undefined || raw.trim() === '') {
      return same(
        question.multi
          ? 'Tick at least one option before pressing Continue, or choose "None of these" or "Not sure".'
          : `Please choose an answer. ${acceptedAnswersHelp(question)}`,
        false,
      );
    }
    // A button carries a choice value; only typed text is read as words or a sentence.
    let reply: ReturnType<typeof replyTo>;
    if (input.submit) {
      const parsed = parseAnswer(question, raw);
      if (!parsed.ok) return same(parsed.message, false);
      reply = { answer: parsed.value, also: {}, mentioned: {} };
    } else {
      reply = replyTo(question, raw, state.answers);
      // A sentence that answers anything is an answer; only text that answers nothing may be a command in other words.
      if (reply.unread) {
        const spoken = await this.spoken?.(context, raw);
        if (spoken) {
          const name = spoken.command.name;
          if (name === 'startOver' || name === 'help' || name === 'start')
            return this.navigate(context, options, question, name);
          await spoken.run();
          // The question card is still on screen: nothing to repeat after the command's own reply.
          return { loop: { state, showCard: false } };
        }
      }
    }
    return { loop: { state: this.record(context, state, question, reply), notice: reply.notice, showCard: true } };
  }

  /** back, cancel, start over, help and start: typed, pressed, or read from the person's own words. */
  private async navigate(
    context: TurnContext,
    options: LoopOptions,
    question: Question,
    command: QuestionnaireCommand,
  ): Promise<{ loop: LoopOptions } | { end: QuestionnaireResult }> {
    const { state } = options;
    const same = (notice: string, showCard = true) => ({ loop: { ...options, notice, showCard } });
    switch (command) {
      case 'back': {
        const last = state.answered[state.answered.length - 1];
        if (!last) return same('This is the first question, so there is nothing to go back to.');
        // Everything the last message answered goes: a sentence may have answered several questions at once.
        const undone =
          last.message === undefined ? [last] : state.answered.filter((record) => record.message === last.message);
        const answers: Partial<Answers> = { ...state.answers };
        for (const record of undone) delete answers[record.question];
        const mentioned = state.mentioned?.filter(
          (entry) => last.message !== undefined && entry.message < last.message,
        );
        const notice =
          undone.length === 1
            ? 'Going back one question; your previous answer to it is cleared.'
            : `Going back: the ${undone.length} answers your last message gave are cleared (${undone.map((record) => ANSWER_TOPICS[record.question]).join(', ')}).`;
        return {
          loop: {
            state: {
              ...state,
              answers,
              answered: state.answered.slice(0, state.answered.length - undone.length),
              mentioned,
            },
            notice,
            showCard: true,
          },
        };
      }
      case 'cancel':
        await this.reply(
          context,
          state.answered.length > 0
            ? `Stopped. I kept your ${countAnswers(state.answered.length)}: say **start** to pick up where you left off, or **start over** to begin again.`
            : 'Stopped. Say **start** whenever you want to answer the questions.',
        );
        return { end: { kind: 'cancelled', state } };
      case 'startOver': {
        await this.sendRefusal(context);
        const discards = await this.discardList(context, state);
        if (discards.length === 0)
          return {
            loop: { state: this.freshState(), notice: 'Starting again from the first question.', showCard: true },
          };
        return { loop: { state: { ...state, confirmingStartOver: true }, showCard: true } };
      }
      case 'help':
        return same(questionnaireHelp(question, state.answers));
      case 'start':
        return same(
          'You are already answering the questions; here is the current one. Say **start over** to begin again.',
        );
    }
  }

  /** The state with everything one message answered, under one message number so that `back` undoes it whole. */
  private record(
    context: TurnContext,
    state: QuestionnaireState,
    question: Question,
    reply: ReturnType<typeof replyTo>,
  ): QuestionnaireState {
    const by = this.actorOf(context);
    const at = this.clock().toISOString();
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

  private async interpretConfirmation(
    context: TurnContext,
    options: LoopOptions,
    input: TurnInput,
  ): Promise<{ loop: LoopOptions } | { end: QuestionnaireResult }> {
    const { state } = options;
    const typed = typedWord(input.text);
    const word =
      input.submit?.confirm ??
      (typed === undefined ? undefined : YES_WORDS.has(typed) ? 'startOver' : NO_WORDS.has(typed) ? 'keep' : undefined);
    if (word === 'startOver') {
      const kept = await this.hooks?.discard(context);
      return {
        loop: {
          state: this.freshState(),
          notice: kept || 'Done: everything is cleared. Here is the first question.',
          showCard: true,
        },
      };
    }
    if (word === 'keep') {
      if (options.startOverOnly) {
        await this.reply(context, 'Nothing was discarded.');
        return { end: { kind: 'keptAsIs' } };
      }
      return {
        loop: {
          state: { ...state, confirmingStartOver: false },
          notice: 'Keeping your answers. Here is the current question again.',
          showCard: true,
        },
      };
    }
    return {
      loop: {
        ...options,
        notice: 'Please answer **yes** to discard and begin again, or **no** to keep everything as it is.',
        showCard: false,
      },
    };
  }

  private async discardList(context: TurnContext, state: QuestionnaireState): Promise<string[]> {
    const own = state.answered.length > 0 ? [`your ${countAnswers(state.answered.length)} so far`] : [];
    return [...own, ...(await this.discardable(context))];
  }

  private cardFor(
    context: TurnContext,
    state: QuestionnaireState,
    question: Question,
    ticked?: readonly string[],
  ): AdaptiveCardJson {
    const conversationType = context.activity.conversation?.conversationType;
    const shared = conversationType === 'channel' || conversationType === 'groupChat';
    return questionCard({
      runId: state.runId,
      question,
      ...wordingFor(question, state.answers),
      number: state.answered.length + 1,
      estimatedTotal: state.onlyAsk
        ? state.answered.length + state.onlyAsk.filter((key) => state.answers[key] === undefined).length
        : estimateTotal(state.answers, state.answered.length, question),
      forName: shared ? context.activity.from?.name : undefined,
      canGoBack: state.answered.length > 0,
      ...(ticked ? { ticked } : {}),
    });
  }
}

/** The question to put next: the follow-up's list when there is one, otherwise whatever can still change the outcome. */
function questionFor(state: QuestionnaireState): Question | undefined {
  if (state.onlyAsk) {
    const key = state.onlyAsk.find((candidate) => state.answers[candidate] === undefined);
    return key === undefined ? undefined : questionById(key);
  }
  return nextQuestion(state.answers);
}

/** The answers to hand on: a follow-up leaves what it did not ask as it was (unasked questions become "not asked"). */
function finishedAnswers(state: QuestionnaireState): Answers {
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

interface TurnInput {
  readonly text: string;
  /** Present when the turn is a press of a button on one of our question cards. */
  readonly submit?: QuestionSubmit & { answer?: string };
}

/**
 * Buttons send `Action.Submit` data as `activity.value`; a multi-select "Continue" adds the ticked
 * options as the comma-separated `selection` input, which reads like a typed list of choices.
 */
function readInput(context: TurnContext): TurnInput {
  const text = (context.activity.text ?? '').replace(/<at>[^<]*<\/at>/gi, ' ').trim();
  const submit = asQuestionSubmit(context.activity.value);
  if (!submit) return { text };
  const selection =
    typeof (context.activity.value as { selection?: unknown }).selection === 'string'
      ? (context.activity.value as { selection: string }).selection
      : undefined;
  return { text, submit: { ...submit, answer: submit.answer ?? selection } };
}

/** Card data is untrusted: only well-formed string fields are read, anything else is ignored. */
export function asQuestionSubmit(value: unknown): QuestionSubmit | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.questionnaire !== 'string') return undefined;
  const str = (x: unknown) => (typeof x === 'string' && x.length <= 500 ? x : undefined);
  const nav = v.nav === 'back' || v.nav === 'cancel' || v.nav === 'startOver' || v.nav === 'help' ? v.nav : undefined;
  const confirm = v.confirm === 'startOver' || v.confirm === 'keep' ? v.confirm : undefined;
  return {
    questionnaire: v.questionnaire.slice(0, 64),
    question: str(v.question),
    answer: str(v.answer),
    nav,
    confirm,
  };
}

type QuestionnaireCommand = 'back' | 'cancel' | 'startOver' | 'help' | 'start';

/** The typed text normalized as a command word, or undefined when it is too long to be one. */
function typedWord(text: string): string | undefined {
  return withinParseLimit(text) ? normalizeText(text) : undefined;
}

function commandOf(text: string): QuestionnaireCommand | undefined {
  const normalized = typedWord(text);
  if (normalized === undefined) return undefined;
  if (BACK_WORDS.has(normalized)) return 'back';
  if (CANCEL_WORDS.has(normalized)) return 'cancel';
  const command = parseCommand(text).name;
  if (command === 'startOver' || command === 'help' || command === 'start') return command;
  return undefined;
}

function staleQuestionNotice(state: QuestionnaireState, questionId: string | undefined): string {
  const known = QUESTIONS.find((q) => q.id === questionId);
  if (known && state.answers[known.id] !== undefined) {
    return `You already answered "${ANSWER_TOPICS[known.id]}" with "${describeAnswer(known.id, state.answers[known.id]!)}". To change it, say **back** until you reach it. Here is the current question:`;
  }
  return 'That button is from a question that is no longer needed. Here is the current question:';
}

function questionnaireHelp(question: Question, answers: Partial<Answers>): string {
  return [
    'I ask a few questions to choose between Microsoft Entra Cloud Sync and Connect Sync. Questions that cannot change the result are skipped.',
    `Press a button or type your answer. ${questionHelp(question, answers)}`,
    '"Not sure" is always fine: I take the safe choice and list it as an assumption.',
    'Say **back** to change the previous answer, **cancel** to stop (your answers are kept) or **start over** to begin again.',
  ].join('\n\n');
}

function countAnswers(n: number): string {
  return n === 1 ? '1 answer' : `${n} answers`;
}

function isQuestionnaireState(value: unknown): value is QuestionnaireState {
  const v = value as QuestionnaireState | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.runId === 'string' &&
    typeof v.answers === 'object' &&
    Array.isArray(v.answered)
  );
}
