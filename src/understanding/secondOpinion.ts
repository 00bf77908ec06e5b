/**
 * How the two models' readings of a message combine: the bot acts only when both read the same command, and the
 * second opinion can turn an action into an offer, never the reverse.
 */
import type { IntentName } from './corpus';
import { isConditional, looksLikeQuestion, talksOfLater } from './clauses';
import { asksEachTaskWith } from './eachTask';
import { negationOf } from './negation';
import { preparedOf, type Reader } from './reader';
import {
  CHANGES_STATE,
  firstThen,
  intentRead,
  MAX_CHOICES,
  SETTINGS,
  TASK_INTENTS,
  type Interpretation,
  type UnderstandingContext,
} from './readings';
import { namesPlanTask, toldOfADay } from './taskReading';

/**
 * What the message asks, from its readings by both models (`first` by the corpus's own, whose reader is `reader`;
 * `second` by the one that also learnt outside authors' phrasings). The bot acts only when both read the same command: where the second reads another, the first's reading is offered instead ("Did you mean…?"). What only
 * the second would act on is offered first: it learnt phrasings the corpus lacks. Each reading has passed every rule
 * (negations, hypotheticals, questions), so the second opinion can turn an action into an offer, never the reverse.
 * A read-only command the first is sure of is shown when the second reads no other command in the message (it may
 * read a question: "when was task 2 marked done") or counts it among its offers, as a wrong one costs nothing to
 * ignore. A message the first refused because it negates or weighs something stays refused, whatever command the
 * second reads in it ("once task 3 is done we could skip 5" is no request for what's next). Where both only offer,
 * or the first was sure of a command for the whole plan the second reads otherwise, the words decide which offer
 * leads; what the first only offers and the second reads as nothing gets the help card. The first's question of
 * which task or person a command is for gives way to the second's offers when they read another command.
 */
export function combineReadings(
  reader: Reader,
  text: string,
  context: UnderstandingContext,
  first: Interpretation,
  second: Interpretation,
): Interpretation {
  return taskListKeptFirst(reader, text, first, weighReadings(reader, text, context, first, second));
}

/**
 * A message asking for each task with an attribute ("each chore and whether it's closed") is the task list, which the
 * first network's reading puts first by rule (taskListFirst); the second model's readings of the attribute words
 * (an owner, a finish, even starting over) only follow it. Whether anything is carried out stays as weighed.
 */
function taskListKeptFirst(
  reader: Reader,
  text: string,
  first: Interpretation,
  combined: Interpretation,
): Interpretation {
  if (intentRead(first) !== 'tasks' || combined.kind !== 'choose' || combined.proposals[0]?.intent === 'tasks')
    return combined;
  if (!asksEachTaskWith(preparedOf(reader, text).tokens, reader.words.eachTask)) return combined;
  return { kind: 'choose', proposals: firstThen({ intent: 'tasks' }, combined.proposals) };
}

function weighReadings(
  reader: Reader,
  text: string,
  context: UnderstandingContext,
  first: Interpretation,
  second: Interpretation,
): Interpretation {
  if (first.kind === 'act') {
    if (intentRead(second) === first.proposal.intent) return first;
    // Help the second model reads no command in, said with small talk's words ("thanks, that's helpful"), is thanks
    // rather than a request for help: the help card with the closest commands, which shows the same help.
    if (
      first.proposal.intent === 'help' &&
      second.kind === 'help' &&
      reader.model.chatterWords(preparedOf(reader, text).masked) > 0
    )
      return second;
    const other = second.kind === 'act' ? [second.proposal] : second.kind === 'choose' ? second.proposals : [];
    const changes = (intent: IntentName) => CHANGES_STATE.has(intent) || SETTINGS.has(intent);
    const readOnly = !changes(first.proposal.intent);
    // A read-only command the first network is sure of, and the second offers too, is shown. Not when the second offers
    // it only after another command the words speak for as much ("suggest a sync tool for our tenant" is the
    // recommendation before the tenant check, "list the tasks that are mine" my tasks before the task list): the first
    // network alone put it first. The other is offered first, neither is carried out.
    if (
      readOnly &&
      (other.length === 0 ||
        other[0].intent === first.proposal.intent ||
        (other.some((proposal) => proposal.intent === first.proposal.intent) &&
          !leads(reader, text, other[0].intent, first.proposal.intent)))
    )
      return first;
    // A command for the whole plan the second model reads otherwise: the reading the message's words speak for as
    // much comes first ("show me the tasks that belong to me" is my tasks as much as the task list the first network
    // was sure of; "for what reasons did you pick this tool" is the recommendation's reasons more than the questions).
    // Both are offered, neither carried out. A task change keeps its place against a command for the whole plan: its
    // task is no word it is counted for. Against another change of the task, the one more words speak for leads (leads).
    const lead = other[0];
    if (
      lead !== undefined &&
      lead.intent !== first.proposal.intent &&
      (!TASK_INTENTS.has(first.proposal.intent) || TASK_INTENTS.has(lead.intent)) &&
      leads(reader, text, lead.intent, first.proposal.intent)
    ) {
      const rest = other.filter((proposal) => proposal.intent !== first.proposal.intent);
      return { kind: 'choose', proposals: [...rest.slice(0, MAX_CHOICES - 1), first.proposal] };
    }
    return { kind: 'choose', proposals: firstThen(first.proposal, other) };
  }
  // A question the second model answers from the guide, where the first only offers a change of the task it names
  // ("can the agent go on a DC?", "can I install the agent on a domain controller"): it asks whether, not for the
  // change. The answer is shown, with its button to the task's card; nothing was to be carried out either way.
  if (
    first.kind === 'choose' &&
    second.kind === 'answer' &&
    TASK_INTENTS.has(first.proposals[0].intent) &&
    looksLikeQuestion(reader.words, text, preparedOf(reader, text).tokens)
  )
    return second;
  // Both only offer and disagree on what first: the second model's first offer leads when the message's words
  // speak for it as much (leads), as it learnt phrasings the corpus lacks.
  if (first.kind === 'choose' && second.kind === 'choose') {
    const [mine, theirs] = [first.proposals[0], second.proposals[0]];
    // A due date read from a report of a day ("we finished the config on monday") is most likely the day it happened,
    // read as the coming one: another change of the task, read by either network, leads it.
    if (mine && theirs && (mine.intent === 'due') !== (theirs.intent === 'due')) {
      const change = mine.intent === 'due' ? theirs : mine;
      if (TASK_INTENTS.has(change.intent) && toldOfADay(reader.words, preparedOf(reader, text), context.now)) {
        const theirsToo = second.proposals.filter(
          (proposal) => !first.proposals.some((o) => o.intent === proposal.intent),
        );
        return { kind: 'choose', proposals: firstThen(change, [...first.proposals, ...theirsToo]) };
      }
    }
    if (mine && theirs && mine.intent !== theirs.intent && leads(reader, text, theirs.intent, mine.intent))
      return { kind: 'choose', proposals: firstThen(theirs, first.proposals) };
    return first;
  }
  // The first network asks which task or person a command is for, and the second only offers other commands: the
  // first's question presumes a reading the second does not share ("get me a file for the auditors" is no
  // assignment waiting for a name). Where the message's words speak for the second's first offer as much, its offers
  // are shown instead of the question. Nothing is carried out either way.
  if (
    first.kind === 'clarify' &&
    second.kind === 'choose' &&
    !second.proposals.some((proposal) => proposal.intent === first.intent) &&
    speaksForAsMuch(reader, text, second.proposals[0].intent, first.intent)
  )
    return second;
  // What the first network only offers, the second reads as no command at all ("the canteen queue was endless this
  // morning": the reminders on "morning"): the two agree on nothing asked for, so the help card is shown, with the
  // first's offers as the closest commands. Not when the first offers a change first (offersChangeFirst): it is
  // carried out only once the person presses its button, and requests for changes name tasks and steps in words the
  // second learnt few sentences about; a task change naming no task is only a verb, which the second knows as well.
  // Nor when the only task words name another track's tasks: the first read them as words ("health check on the
  // project" asks for the status), where the second may not have.
  if (
    first.kind === 'choose' &&
    second.kind === 'help' &&
    !offersChangeFirst(reader, text, first) &&
    !namesOtherTrackOnly(reader, text, context)
  )
    return {
      kind: 'help',
      closest: [...new Set([...first.proposals.map((proposal) => proposal.intent), ...second.closest])].slice(
        0,
        MAX_CHOICES,
      ),
    };
  if (second.kind !== 'act') return first;
  if (first.kind === 'help' && negatesOrWeighs(reader, text)) return first;
  return { kind: 'choose', proposals: firstThen(second.proposal, first.kind === 'choose' ? first.proposals : []) };
}

/**
 * Whether the first offer is a change the second model may have missed: a plan-wide change (starting over, the
 * questionnaire, sharing, restoring), or a task change for a task or step the message names. A task change with no
 * task named is a verb alone, which the second model would know as well.
 */
export function offersChangeFirst(reader: Reader, text: string, first: Interpretation): boolean {
  const intent = intentRead(first) ?? 'help';
  if (!CHANGES_STATE.has(intent)) return false;
  return !TASK_INTENTS.has(intent) || preparedOf(reader, text).taskMentions.length > 0;
}

/**
 * Whether the message has as many words `intent` learnt as words `other` learnt (learntWordCounts, the thesaurus's
 * guesses aside): between two readings the models disagree on, the words decide, and a tie goes to `intent`.
 */
export function speaksForAsMuch(reader: Reader, text: string, intent: IntentName, other: IntentName): boolean {
  const counts = reader.model.learntWordCounts(preparedOf(reader, text).masked);
  return (counts.get(intent) ?? 0) >= (counts.get(other) ?? 0);
}

/**
 * Whether the second model's reading `theirs` leads the first's `mine` where the two disagree: when the message's
 * words speak for it as much (speaksForAsMuch). Between two changes of a task only when they speak for it more: a
 * change's task is no word it is counted for, so the verb alone speaks for each, and on a tie the first network's
 * reading of the verb stands; "I'm working on the prereqs" is the start that "working" speaks for, not the assignment
 * the first read on "I'm".
 */
function leads(reader: Reader, text: string, theirs: IntentName, mine: IntentName): boolean {
  if (!TASK_INTENTS.has(theirs) || !TASK_INTENTS.has(mine)) return speaksForAsMuch(reader, text, theirs, mine);
  const counts = reader.model.learntWordCounts(preparedOf(reader, text).masked);
  return (counts.get(theirs) ?? 0) > (counts.get(mine) ?? 0);
}

/** Whether the message's only task words name tasks of another track than the plan's. */
export function namesOtherTrackOnly(reader: Reader, text: string, context: UnderstandingContext): boolean {
  const prepared = preparedOf(reader, text);
  return prepared.taskMentions.length > 0 && !namesPlanTask(prepared, context);
}

/** Whether the message negates something, weighs it as a hypothetical or talks of it as something for later. */
export function negatesOrWeighs(reader: Reader, text: string): boolean {
  const prepared = preparedOf(reader, text);
  return (
    Boolean(negationOf(prepared.tokens, reader.words.negation)) ||
    isConditional(reader.words, prepared) ||
    talksOfLater(reader.words, prepared)
  );
}
