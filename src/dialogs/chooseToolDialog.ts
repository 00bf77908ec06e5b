/**
 * The "choose the sync tool" questionnaire as a botbuilder dialog: the waterfall that asks, waits and reads. It
 * only translates: the round's state and its steps (the next question, recording what a message answered, going
 * back) are domain/questionnaireState.ts, reading a button (`parseAnswer`) or a typed reply, words or a sentence
 * (`replyTo`), and the words said instead of one (back, cancel, yes / no) are domain/questionnaireReplies.ts, and the
 * card data is read by actions/questionnaireActions.ts. This dialog sends the cards and runs back, cancel, start
 * over and help. It ends with the finished answers; turning them into a
 * recommendation is the caller's job.
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
import { asQuestionSubmit } from '../actions/questionnaireActions';
import { questionCard, startOverConfirmCard } from '../cards/questionCards';
import type { AdaptiveCardJson } from '../cards/render';
import type { Command } from '../domain/commands';
import type { Actor } from '../domain/plan';
import {
  mentionedNotice,
  questionnaireCommandOf,
  questionnaireHelp,
  replyTo,
  staleQuestionNotice,
  startOverAnswerOf,
  type QuestionnaireCommand,
} from '../domain/questionnaireReplies';
import {
  countAnswers,
  freshState,
  isQuestionnaireState,
  progressOf,
  questionFor,
  finishedAnswers,
  recordReply,
  stepBack,
  type BeginOptions,
  type QuestionnaireResult,
  type QuestionnaireState,
} from '../domain/questionnaireState';
import type { QuestionSubmit } from '../domain/questionnaireVerbs';
import { acceptedAnswersHelp, parseAnswer, wordingFor, type Question } from '../domain/questions';

export const CHOOSE_TOOL_DIALOG = 'chooseTool';
const QUESTION_LOOP = 'chooseTool.questionLoop';

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
 * over please"), when it is confident: `run` carries it out exactly as outside the questions. A start over the words
 * only weigh ("should we start over") comes back `offered`, to be pointed at and never carried out.
 */
export type SpokenCommandReader = (
  context: TurnContext,
  text: string,
) => Promise<
  | { readonly command: Command; readonly run: () => Promise<void> }
  | { readonly command: Command; readonly offered: true }
  | undefined
>;

/** The reply to words that weigh starting over: how to do it, and that nothing was thrown away. */
const START_OVER_OFFER =
  'Nothing was thrown away. If you want to begin again, say **start over** (I will ask before discarding anything); otherwise here is the current question.';

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
    return freshState(this.newId(), this.clock().toISOString());
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
    const command = input.submit?.nav ?? questionnaireCommandOf(input.text);
    if (command) return this.navigate(context, options, question, command);

    if (input.submit && input.submit.question !== question.id)
      return same(staleQuestionNotice(state.answers, input.submit.question));

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
        if (spoken && 'offered' in spoken) {
          if (spoken.command.name === 'startOver') return same(START_OVER_OFFER);
        } else if (spoken) {
          const name = spoken.command.name;
          if (name === 'startOver' || name === 'help' || name === 'start')
            return this.navigate(context, options, question, name);
          await spoken.run();
          // The question card is still on screen: nothing to repeat after the command's own reply.
          return { loop: { state, showCard: false } };
        }
      }
    }
    const recorded = recordReply(state, question, reply, this.actorOf(context), this.clock().toISOString());
    return { loop: { state: recorded, notice: reply.notice, showCard: true } };
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
        const back = stepBack(state);
        if (!back) return same('This is the first question, so there is nothing to go back to.');
        return { loop: { state: back.state, notice: back.notice, showCard: true } };
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

  private async interpretConfirmation(
    context: TurnContext,
    options: LoopOptions,
    input: TurnInput,
  ): Promise<{ loop: LoopOptions } | { end: QuestionnaireResult }> {
    const { state } = options;
    const word = input.submit?.confirm ?? startOverAnswerOf(input.text);
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
      ...progressOf(state, question),
      forName: shared ? context.activity.from?.name : undefined,
      canGoBack: state.answered.length > 0,
      ...(ticked ? { ticked } : {}),
    });
  }
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
