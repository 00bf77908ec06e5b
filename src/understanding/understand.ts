/**
 * From a message to what the bot should do: act, offer "did you mean…?", ask which task, answer from the
 * guide, say honestly that the guide has no answer, or show help with the closest commands first.
 *
 * The exact commands never reach this code (the bot matches them first). Nothing here changes state: it
 * proposes commands, and a proposal that would change a plan is only marked for acting when the model is
 * confident and every part of it (the task, the date, the person) was read without guessing.
 */
import {
  asksYouTo,
  closingClause,
  lastClause,
  sentencesOf,
  isConditional,
  replyToOwnQuestion,
  talksOfLater,
} from './clauses';
import { loadCorpus, type Corpus, type IntentName } from './corpus';
import { interpretWhole, leftToTheColleague, namedCommandFirst, onlyTellsOfThePast } from './decide';
import type { IntentScore } from './intentModel';
import { negationOf } from './negation';
import { answerQuestion, classify, newReader, preparedOf, secondOpinionOf, type Reader } from './reader';
import {
  CHANGES_STATE,
  MAX_CHOICES,
  SETTINGS,
  TASK_INTENTS,
  turnsOff,
  type Interpretation,
  type Proposal,
  type UnderstandingContext,
} from './readings';
import { combineReadings } from './secondOpinion';
import { loadSynonyms, type Synonyms } from './synonyms';
import { read } from './taskReading';
import { afterPoliteFrame, PERSON_TOKEN, type PreparedText } from './textPrep';

export {
  ACT_SCORE,
  intentRead,
  SUGGEST_SCORE,
  TASK_INTENTS,
  type Interpretation,
  type Missing,
  type PlanTaskInfo,
  type Proposal,
  type TaskIntent,
  type UnderstandingContext,
} from './readings';

export class Understanding {
  /** The reader over the corpus's own network. */
  private readonly first: Reader;
  /**
   * The second opinion: the same reader over the network that also learnt how outside authors phrase each command
   * (learnt.ts). Undefined without learnt sentences.
   */
  private readonly second: Reader | undefined;

  /** `synonyms` defaults to the table generated for the corpus's locale (nlu/synonyms.<locale>.json). */
  constructor(corpus: Corpus, synonyms: Synonyms = loadSynonyms(corpus.locale)) {
    this.first = newReader(corpus, synonyms);
    this.second = secondOpinionOf(this.first);
  }

  /** Ranked intents for a message, before any decision (tests and the accuracy report use it). */
  classify(text: string): { prepared: PreparedText; ranked: IntentScore[] } {
    return classify(this.first, text);
  }

  /** `context` prefers the plan's own tasks when a line of another track answers as well. */
  answerQuestion(text: string, context?: UnderstandingContext) {
    return answerQuestion(this.first, text, context);
  }

  /** What the message asks, read by both models when there are learnt sentences (secondOpinion.ts). */
  interpret(text: string, context: UnderstandingContext): Interpretation {
    const first = interpretAlone(this.first, text, context);
    const reading = this.second
      ? combineReadings(this.first, text, context, first, interpretAlone(this.second, text, context))
      : first;
    return namedCommandFirst(text, leftToTheColleague(this.first, text, reading));
  }
}

export function interpretAlone(reader: Reader, text: string, context: UnderstandingContext): Interpretation {
  const asRead = interpretWhole(reader, text, context);
  const opening = openingChange(reader, text, context, asRead);
  const whole: Interpretation = opening ?? asRead;
  if (whole.kind === 'answer' || whole.kind === 'noAnswer' || whole.kind === 'help') {
    const replied = answeredWithRequest(reader, text, context);
    if (replied) return replied;
  }
  if (whole.kind === 'help' || whole.kind === 'noAnswer' || whole.kind === 'answer') {
    const asked = politelyAsked(reader, text, context, whole.kind === 'answer');
    if (asked) return asked;
  }
  // A statement the guide answers on its technical words that ends with an order the model is sure of ("agent's
  // installed on both hosts, service running — close task 3") asks for that order.
  if ((whole.kind === 'answer' || whole.kind === 'noAnswer') && !text.trimEnd().endsWith('?')) {
    const closing = closingOrder(reader, text, context, true);
    if (closing) return closing;
  }
  if (whole.kind !== 'help') return whole;
  const handed = handedToOwner(reader, text, context);
  if (handed) return handed;
  const closing = closingOrder(reader, text, context);
  if (closing) return closing;
  // A long message often gives its context first and its request last ("Having wrapped up the tool choice last week,
  // I'd like to know what we should focus on now"): when the whole reads as nothing, its last sentence or clause is
  // read alone, and what it asks is offered, never carried out. Not when the message negates or weighs something, or
  // talks of later: the clause could then be the very change it refused, made hypothetical or put off. Nor when it opens by addressing someone: it
  // asks them.
  const last = lastClause(text);
  const sentences = sentencesOf(text);
  if (last === undefined && sentences.length === 0) return whole;
  if (preparedOf(reader, text).tokens[0] === PERSON_TOKEN) return whole;
  if (last !== undefined && !weighsOrRefuses(reader, text)) {
    const clause = interpretWhole(reader, last, context);
    const asked = clause.kind === 'act' ? clause.proposal : clause.kind === 'choose' ? clause.proposals[0] : undefined;
    // Not a command that changes nothing in a message that only tells of the past ("in my last job the staging server
    // sat in another datacenter, it was a good design").
    if (asked && !onlyTellsOfThePast(reader, preparedOf(reader, text), context, asked.intent))
      return clause.kind === 'act' ? { kind: 'choose', proposals: [asked] } : clause;
  }
  // A request can stand in the middle, a story before it and an afterthought after ("…I lost track of where we are —
  // can you tell me what I should be working on next? The board wants numbers later but that can wait."): a sentence
  // the model is sure of on its own, and that itself negates, weighs and puts off nothing, is offered, never carried
  // out; the last one the first. A negation in another sentence is about what that one tells ("a second forest nobody
  // told us about", "so it's clearly not finished — reopen it please"). A task change that leaves out its task
  // ("reopen it please") is for the one the message names.
  for (const sentence of sentences.reverse()) {
    if (weighsOrRefuses(reader, sentence)) continue;
    const alone = interpretWhole(reader, sentence, context);
    if (alone.kind === 'act') return { kind: 'choose', proposals: [alone.proposal] };
    // A sentence that asks "you" for something ("could you show me only the tasks that are mine? I don't want to step
    // on anyone's toes") is the request even where the model only offers it alone.
    if (alone.kind === 'choose' && asksYouTo(reader.words, preparedOf(reader, sentence).tokens)) return alone;
    if (alone.kind === 'clarify' && alone.missing === 'task' && TASK_INTENTS.has(alone.intent)) {
      const reading = read(reader.words, alone.intent, preparedOf(reader, text), context);
      if (reading.kind === 'complete') return { kind: 'choose', proposals: [reading.proposal] };
    }
  }
  return whole;
}

/**
 * A message that ends with a plain order to change a task ("agent install isn't actually done, the service won't start,
 * reopen it"): what comes before says why, and its negations are about that. The order is offered, never carried out,
 * for the task it names or, naming none, the one the message names. Only an order that opens with a task change's verb
 * (a request word before it at most) and itself negates and weighs nothing; with `sureOnly`, only one the model is sure
 * of with its own task.
 */
export function closingOrder(
  reader: Reader,
  text: string,
  context: UnderstandingContext,
  sureOnly = false,
): Interpretation | undefined {
  const closing = closingClause(text);
  if (closing === undefined || weighsOrRefuses(reader, closing)) return undefined;
  const tokens = preparedOf(reader, closing).tokens;
  const verb = reader.words.requestWords.has(tokens[0] ?? '') ? tokens[1] : tokens[0];
  const intent = reader.words.taskVerbs.get(verb ?? '');
  if (intent === undefined) return undefined;
  const alone = interpretWhole(reader, closing, context);
  if (alone.kind === 'act' && alone.proposal.intent === intent) return { kind: 'choose', proposals: [alone.proposal] };
  if (sureOnly || alone.kind !== 'clarify' || alone.missing !== 'task' || alone.intent !== intent) return undefined;
  const reading = read(reader.words, intent, preparedOf(reader, text), context);
  return reading.kind === 'complete' ? { kind: 'choose', proposals: [reading.proposal] } : undefined;
}

/** Whether a text negates or weighs something, talks of later, or asks indirectly: what it says may not be asked for. */
function weighsOrRefuses(reader: Reader, text: string): boolean {
  const prepared = preparedOf(reader, text);
  const { tokens } = prepared;
  return (
    Boolean(negationOf(tokens, reader.words.negation)) ||
    isConditional(reader.words, prepared) ||
    talksOfLater(reader.words, prepared) ||
    tokens.some((token) => reader.words.indirectQuestions.has(token))
  );
}

/**
 * A question the message answers itself with a request for a task change ("is task 3 done? yes, mark it done", "did
 * the agent install get finished? mark it complete"): the request is what it asks, so it is offered, never carried out, as the question
 * before it may still doubt it. A request that leaves out the task ("mark it done") is for the one the message names.
 */
export function answeredWithRequest(
  reader: Reader,
  text: string,
  context: UnderstandingContext,
): Interpretation | undefined {
  const reply = replyToOwnQuestion(reader.words, text);
  if (reply === undefined) return undefined;
  // Only a change of a task the reply asks for plainly: one the model is sure of, or asks which task it is for. A reply
  // that only may be one ("our agent VMs still run it") leaves the question to the guide.
  const alone = interpretWhole(reader, reply, context);
  if (alone.kind === 'act')
    return TASK_INTENTS.has(alone.proposal.intent) ? { kind: 'choose', proposals: [alone.proposal] } : undefined;
  if (alone.kind !== 'clarify' || alone.missing !== 'task' || !TASK_INTENTS.has(alone.intent)) return undefined;
  const reading = read(reader.words, alone.intent, preparedOf(reader, text), context);
  return reading.kind === 'complete' ? { kind: 'choose', proposals: [reading.proposal] } : undefined;
}

/**
 * A message that opens with a task change's plain verb and the task ("skip task 2; the prerequisites were validated
 * during the previous rollout", "skip 5, @Ana's team verifies with their own tooling") gives its order first and its
 * reason after: when the whole reads as something else (the reason's words read as a question, an assignment or
 * nothing), that change is offered first, never carried out. Not in a question, a negation or a hypothetical, nor
 * where the whole reads as the task's due date ("finish the prereqs by friday"), nor in a message that corrects itself.
 */
export function openingChange(
  reader: Reader,
  text: string,
  context: UnderstandingContext,
  whole: Interpretation,
): Interpretation | undefined {
  const prepared = preparedOf(reader, text);
  const { tokens } = prepared;
  // A greeting or an interjection may come first ("ugh, skip the agent install").
  let verbAt = 0;
  while (reader.words.openers.has(tokens[verbAt] ?? '')) verbAt++;
  const intent = reader.words.taskVerbs.get(tokens[verbAt] ?? '');
  if (intent === undefined || !context.tasks || text.trimEnd().endsWith('?')) return undefined;
  const at = reader.words.articles.has(tokens[verbAt + 1] ?? '') ? verbAt + 2 : verbAt + 1;
  const mention = prepared.taskMentions.find((found) => found.start === at);
  // A bare number right after the verb is its task, whatever task words the reason after it holds ("reopen 3, the
  // agent went inactive").
  const numbers =
    mention?.ref.kind === 'number'
      ? [mention.ref.number]
      : mention?.ref.kind === 'words'
        ? context.tasks
            .filter((task) => mention.ref.kind === 'words' && mention.ref.taskIds.includes(task.id))
            .map((task) => task.number)
        : mention === undefined && /^\d{1,2}$/.test(tokens[verbAt + 1] ?? '')
          ? [Number(tokens[verbAt + 1])]
          : [];
  if (numbers.length !== 1) return undefined;
  // Nor when the message takes its opening back ("skip the prereqs, my mistake, skip the verification").
  if (
    negationOf(tokens, reader.words.negation) ||
    isConditional(reader.words, prepared) ||
    reader.words.corrections.findAll(tokens).length > 0
  )
    return undefined;
  const change = openingProposal(reader, intent, numbers[0], prepared, context);
  if (change === undefined) return undefined;
  const current =
    whole.kind === 'act'
      ? [whole.proposal]
      : whole.kind === 'choose' || whole.kind === 'whichTask'
        ? whole.proposals
        : [];
  const first = current[0];
  if (first?.intent === 'due') return undefined;
  if (first?.intent === intent && 'taskNumber' in first && first.taskNumber === numbers[0]) return undefined;
  return {
    kind: 'choose',
    proposals: [change, ...current.filter((proposal) => proposal.intent !== intent)].slice(0, MAX_CHOICES),
  };
}

/**
 * The change a message's opening verb names for the task after it; an assignment carries the owner the message names
 * ("assign the config to me, the vendor left"), and is no opening order without one.
 */
function openingProposal(
  reader: Reader,
  intent: IntentName,
  taskNumber: number,
  prepared: PreparedText,
  context: UnderstandingContext,
): Proposal | undefined {
  if (intent !== 'assign') return { intent, taskNumber } as Proposal;
  const reading = read(reader.words, intent, prepared, context);
  return reading.kind === 'complete' &&
    reading.proposal.intent === 'assign' &&
    reading.proposal.taskNumber === taskNumber
    ? reading.proposal
    : undefined;
}

/**
 * A request in a polite frame ("would it be possible to discard this plan and start afresh?", "I wonder if you could
 * share this plan with the channel") that reads as nothing whole: the frame made it a question or a hypothetical
 * ("if"), and the guide has nothing on it. What the frame asks for is read alone; a change or a setting turned on is
 * offered, never carried out, since the frame can also ask whether it could be done. `answered` when the guide answers
 * the whole: then only a change of a task the frame plainly asks leave for ("is it ok if we skip task 2?") is offered.
 */
export function politelyAsked(
  reader: Reader,
  text: string,
  context: UnderstandingContext,
  answered = false,
): Interpretation | undefined {
  // The frame opens the message or its last clause ("I think I finished task 3, is it ok if I mark it done?").
  const last = lastClause(text);
  const framed =
    afterPoliteFrame(text, reader.words.politeFrames) ??
    (last === undefined ? undefined : afterPoliteFrame(last, reader.words.politeFrames));
  if (framed === undefined) return undefined;
  // What the frame asks ends with its question ("is it ok if we skip task 2? the senior admin already did it").
  const rest = framed.split('? ')[0];
  const asked = interpretWhole(reader, rest, context);
  // A change of a task the frame asks for without naming it ("is it ok if I mark it done?") is for the one the message
  // names.
  if (asked.kind === 'clarify' && asked.missing === 'task' && TASK_INTENTS.has(asked.intent)) {
    const reading = read(reader.words, asked.intent, preparedOf(reader, text), context);
    return reading.kind === 'complete' ? { kind: 'choose', proposals: [reading.proposal] } : undefined;
  }
  // Where the guide answers the whole, only a change of a task the frame asks for plainly is offered instead: asking
  // leave to make it ("is it ok if we skip task 2?") is a request, asking how to do something is a question.
  if (answered)
    return asked.kind === 'act' && TASK_INTENTS.has(asked.proposal.intent)
      ? { kind: 'choose', proposals: [asked.proposal] }
      : undefined;
  if (asked.kind === 'act') {
    const { intent } = asked.proposal;
    const changes =
      CHANGES_STATE.has(intent) || (SETTINGS.has(intent) && !turnsOff({ kind: 'complete', proposal: asked.proposal }));
    return changes ? { kind: 'choose', proposals: [asked.proposal] } : asked;
  }
  return asked.kind === 'choose' || asked.kind === 'whichTask' || asked.kind === 'clarify' ? asked : undefined;
}

/**
 * A task and its new owner with only an arrow or "to" between them ("#4 -> me", "t5 → @Ravi", "task 2 to me"): the
 * terse form of an assignment. Offered, never carried out, as the words that would say so are missing.
 */
export function handedToOwner(reader: Reader, text: string, context: UnderstandingContext): Interpretation | undefined {
  const prepared = preparedOf(reader, text);
  const { tokens, taskMentions } = prepared;
  if (taskMentions.length !== 1 || taskMentions[0].start !== 0) return undefined;
  const rest = tokens.slice(taskMentions[0].end);
  const owner = rest.at(-1) ?? '';
  if (owner !== PERSON_TOKEN && !reader.words.ownerMe.has(owner)) return undefined;
  const arrow = reader.words.arrows.some((written) => text.includes(written));
  if (!(rest.length === 1 && arrow) && !(rest.length === 2 && reader.words.ownerMarkers.has(rest[0]))) return undefined;
  const reading = read(reader.words, 'assign', { ...prepared, tokens: [...tokens.slice(0, -1), 'to', owner] }, context);
  return reading.kind === 'complete' ? { kind: 'choose', proposals: [reading.proposal] } : undefined;
}

let shared: Understanding | undefined;

/** One model per process: training costs a few hundred milliseconds, and every conversation can share it. */
export function sharedUnderstanding(): Understanding {
  shared ??= new Understanding(loadCorpus('en'));
  return shared;
}
