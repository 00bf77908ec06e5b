/**
 * Text that is no exact command, read in the person's own words: the understanding (src/understanding)
 * decides what it means, and this feature only routes. A confident, complete reading runs the same command
 * handler the exact words would; anything less asks ("did you mean…?", "which task?") with buttons that
 * send the exact command; questions get the guide's answer or an honest "not covered"; the rest gets help
 * with the closest commands first.
 *
 * Free text never changes a plan on a guess, and a change made from words says in the reply which task it
 * changed (the task card that follows has the undo button: Reopen, Unassign, Clear due date).
 */
import type { TurnContext } from 'botbuilder';
import { noPlanCard } from '../cards/planNotices';
import { escapeMarkdown } from '../cards/render';
import { answerCard, didYouMeanCard, noAnswerCard, type SpokenOption } from '../cards/understandingCards';
import { formatCalendarDay } from '../domain/planDates';
import { planContext } from '../understanding/planContext';
import {
  TASK_INTENTS,
  type Interpretation,
  type PlanTaskInfo,
  type Proposal,
  type Understanding,
  type UnderstandingContext,
} from '../understanding/understand';
import { withinParseLimit } from '../domain/typedText';
import type { PlanStore } from '../store/planStore';
import { normalizeText, parseCommand, type Command } from '../domain/commands';
import type { SpokenCommandReader } from '../dialogs/chooseToolDialog';
import { planLocation, type TurnReply } from './turn';
import type { Feature } from './routing';
import { commandOf, exactWords, HELP_COMMAND_OF, optionLabel } from './spokenCommands';
import { SyncGuideBot } from './syncGuideBot';
import { didNotCatchCard } from '../cards/helpCards';

/** A date that starts with its year is meant as YYYY-MM-DD: the due command itself says what is wrong with it. */
const YEAR_FIRST = /^\d{4}-/;

export interface UnderstandingFeatureDeps {
  readonly planStore: Pick<PlanStore, 'load'>;
  readonly clock: () => Date;
  /** The trained model (shared by the process; trained once at start). */
  readonly understanding: () => Understanding;
  /** Runs a command as if its exact words had been typed. */
  readonly runCommand: (context: TurnContext, command: Command) => Promise<void>;
  /** The app's one way to answer in the current turn (turn.ts). */
  readonly reply: TurnReply;
}

export function createUnderstandingFeature(deps: UnderstandingFeatureDeps): Feature {
  const reply = async (
    context: TurnContext,
    text: string,
    reading: Interpretation,
    situation: UnderstandingContext,
    planId: string | undefined,
  ) => {
    const tasks = situation.tasks ?? [];
    const conversationType = context.activity.conversation?.conversationType;
    const quoted = escapeMarkdown(text.replace(/\s+/g, ' ').trim().slice(0, 60));
    const options = (proposals: readonly Proposal[]): SpokenOption[] =>
      proposals.flatMap((proposal) => {
        const say = exactWords(proposal);
        return say ? [{ title: optionLabel(proposal, tasks), say }] : [];
      });
    switch (reading.kind) {
      case 'act':
        // Starting over discards the plan: from anything but its exact words it is offered, never run, so a
        // misreading ("which commands are there again") costs a click on an offer, never the plan.
        if (reading.proposal.intent === 'startOver') {
          await deps.reply(
            context,
            didYouMeanCard(
              'Start over?',
              `"${quoted}" sounds like starting over: that begins the questions again${tasks.length > 0 ? " and offers to discard this conversation's plan" : ''}. Press the button if that is what you want; otherwise carry on as before.`,
              options([reading.proposal]),
            ),
          );
          return;
        }
        // Restoring brings back an earlier plan, at once when none is current: from words it is offered, never run.
        if (reading.proposal.intent === 'restore') {
          await deps.reply(
            context,
            didYouMeanCard(
              'Restore a plan?',
              `"${quoted}" sounds like bringing back the plan discarded or replaced here most recently${tasks.length > 0 ? ' (it asks before replacing the current plan)' : ''}. Press the button if that is what you want; otherwise carry on as before.`,
              options([reading.proposal]),
            ),
          );
          return;
        }
        await act(context, reading.proposal, tasks, deps);
        return;
      case 'choose': {
        const offered = options(reading.proposals);
        if (offered.length === 0) break;
        await deps.reply(
          context,
          didYouMeanCard(
            'Did you mean…?',
            `I'm not sure what "${quoted}" asks for. Pick one, or type the command.`,
            offered,
          ),
        );
        return;
      }
      case 'whichTask':
        await deps.reply(
          context,
          didYouMeanCard(
            'Which task?',
            `"${escapeMarkdown(reading.words)}" fits more than one task of this plan. Which one did you mean?`,
            options(reading.proposals),
          ),
        );
        return;
      case 'clarify':
        await deps.reply(context, clarifyCard(reading, situation));
        return;
      case 'answer': {
        const inPlan = reading.hits[0]?.taskIds
          .map((id) => tasks.find((task) => task.id === id))
          .find((task) => task !== undefined);
        await deps.reply(
          context,
          answerCard(
            text,
            reading.hits,
            inPlan && planId ? { planId, taskId: inPlan.id, number: inPlan.number } : undefined,
          ),
        );
        return;
      }
      case 'noAnswer':
        await deps.reply(context, noAnswerCard(text));
        return;
      case 'help':
        await deps.reply(
          context,
          didNotCatchCard(
            conversationType,
            text,
            reading.closest.map((intent) => HELP_COMMAND_OF[intent]),
          ),
        );
        return;
    }
    await deps.reply(context, didNotCatchCard(conversationType, text));
  };

  return {
    // "due 3 friday": the due command's own words with the day said as people say it. The command takes only
    // YYYY-MM-DD, so the understanding reads the day (and says the date it read in the reply) when it finds a due date
    // for that same task; anything it cannot read still gets the command's own explanation of the date it wants.
    intercept: async (context, text) => {
      if (dueTaskWithDayInWords(text) === undefined) return false;
      const record = await deps.planStore.load(planLocation(context));
      const situation = planContext(record?.plan, deps.clock());
      const reading = dueReadInWords(deps.understanding(), text, situation);
      if (reading === undefined) return false;
      // What is quoted back is the matched form (markup and mentions removed), as for any other reading.
      await reply(context, normalizeText(text), reading, situation, record?.plan.id);
      return true;
    },
    commands: {
      unknown: async (context, command) => {
        // Longer than any command or question (the parse limit): not something to read, let alone act on. Checked on
        // the raw text first, so a 250 KB message costs no more than it did before understanding existed.
        const raw = context.activity.text;
        // The command's text is normalised for matching; the understanding wants what was typed, @mentions included.
        const text =
          typeof raw === 'string' && withinParseLimit(raw) ? SyncGuideBot.textOf(context) || command.text : '';
        if (text.trim() === '') {
          await deps.reply(context, didNotCatchCard(context.activity.conversation?.conversationType, command.text));
          return;
        }
        const record = await deps.planStore.load(planLocation(context));
        const situation = planContext(record?.plan, deps.clock());
        const reading = deps.understanding().interpret(text, situation);
        // What is quoted back is the matched form (markup and mentions removed), never the raw text.
        await reply(context, command.text, reading, situation, record?.plan.id);
      },
    },
  };
}

/** The task of the due command typed with its day in words ("due 3 friday"), which the command cannot take. */
function dueTaskWithDayInWords(text: string): number | undefined {
  const command = withinParseLimit(text) ? parseCommand(text) : undefined;
  return command?.name === 'due' && command.date !== null && command.date !== '' && !YEAR_FIRST.test(command.date)
    ? command.taskNumber
    : undefined;
}

/**
 * How the understanding reads the due command with its day in words, when it finds a due date for the same task;
 * undefined otherwise, and for any other message.
 */
export function dueReadInWords(
  understanding: Understanding,
  text: string,
  situation: UnderstandingContext,
): Interpretation | undefined {
  const taskNumber = dueTaskWithDayInWords(text);
  if (taskNumber === undefined) return undefined;
  const reading = understanding.interpret(text, situation);
  const read = reading.kind === 'act' ? [reading.proposal] : reading.kind === 'choose' ? reading.proposals : [];
  return read.some((proposal) => proposal.intent === 'due' && proposal.taskNumber === taskNumber) ? reading : undefined;
}

/** Runs a confident reading; a change made from words first says which task it changes. */
async function act(
  context: TurnContext,
  proposal: Proposal,
  tasks: readonly PlanTaskInfo[],
  deps: Pick<UnderstandingFeatureDeps, 'runCommand' | 'reply'>,
): Promise<void> {
  if (TASK_INTENTS.has(proposal.intent)) await deps.reply(context, changeLine(proposal, tasks));
  await deps.runCommand(context, commandOf(proposal));
}

/**
 * For the questionnaire: a command in free words, only when the reading is confident and complete (anything less
 * is left to the question's own help there, since a "did you mean" card would pull the person out of the questions).
 */
export function createSpokenCommandReader(deps: UnderstandingFeatureDeps): SpokenCommandReader {
  return async (context, text) => {
    if (!withinParseLimit(text) || text.trim() === '') return undefined;
    const record = await deps.planStore.load(planLocation(context));
    const situation = planContext(record?.plan, deps.clock());
    const reading = deps.understanding().interpret(text, situation);
    // A start over only offered ("should we start over") is pointed at, as the questions have its own words for it.
    if (reading.kind === 'choose' && reading.proposals[0]?.intent === 'startOver')
      return { command: commandOf(reading.proposals[0]), offered: true };
    // Restoring is only ever offered from words (see above), and the questions have no room for an offer.
    if (reading.kind !== 'act' || reading.proposal.intent === 'restore') return undefined;
    return {
      command: commandOf(reading.proposal),
      run: () => act(context, reading.proposal, situation.tasks ?? [], deps),
    };
  };
}

/** "I read that as done 3: task 3, Install the provisioning agent." — so a change from words always names its task. */
function changeLine(proposal: Proposal, tasks: readonly PlanTaskInfo[]): string {
  const words =
    exactWords(proposal) ?? `assign ${'taskNumber' in proposal ? proposal.taskNumber : ''} to the person you mentioned`;
  const number = 'taskNumber' in proposal ? proposal.taskNumber : undefined;
  const title = tasks.find((task) => task.number === number)?.title;
  const when =
    proposal.intent === 'due' && proposal.date
      ? `, due ${formatCalendarDay(proposal.date)} (end of that day, UTC)`
      : '';
  return `I read that as **${escapeMarkdown(words)}**: task ${number}${title ? `, *${escapeMarkdown(title)}*` : ''}${when}.`;
}

function clarifyCard(reading: Extract<Interpretation, { kind: 'clarify' }>, situation: UnderstandingContext) {
  const tasks = situation.tasks ?? [];
  const n = reading.taskNumber ?? 'N';
  switch (reading.missing) {
    case 'plan':
      return noPlanCard();
    case 'date':
      return didYouMeanCard(
        'When is it due?',
        `I could not find a date I can read in that. Say for example "due ${n} 2026-12-15", or "task ${n} is due next friday".`,
        [],
        'Due dates are the end of that day, UTC.',
      );
    case 'person':
      return didYouMeanCard(
        'Who should own it?',
        `To give task ${n} to someone else, @mention them: "@Sync Guide assign ${n} to @name". Names are only read from real mentions.`,
        reading.taskNumber !== undefined
          ? [
              {
                title: optionLabel({ intent: 'assign', taskNumber: reading.taskNumber, to: 'me' }, tasks),
                say: `assign ${reading.taskNumber} to me`,
              },
            ]
          : [],
      );
    case 'task': {
      // The likely tasks for a verb without one: the one in progress and the next one.
      const verb = reading.intent;
      const likely = [
        ...new Set(
          [situation.currentNumber, situation.nextNumber].filter((number): number is number => number !== undefined),
        ),
      ];
      const offered: SpokenOption[] =
        verb === 'taskStart' ||
        verb === 'taskDone' ||
        verb === 'taskSkip' ||
        verb === 'taskReopen' ||
        verb === 'unassign'
          ? likely.map((taskNumber) => {
              const proposal: Proposal = { intent: verb, taskNumber };
              return { title: optionLabel(proposal, tasks), say: exactWords(proposal) ?? 'tasks' };
            })
          : [];
      return didYouMeanCard(
        'Which task?',
        'I could not tell which task you meant. Name it by its number ("task 3"), its words ("the agent install") or "the next one".',
        [...offered, { title: 'List every task', say: 'tasks' }],
      );
    }
  }
}
