/** Answering the questionnaire over HTTP, as a person pressing the question cards' buttons does. */
import { activity, cardsOf, type ActivityOptions, type Harness } from './botHarness';
import { executeActions } from './cardAssertions';

/** The question a reply card asks, with the run it belongs to. */
export function asked(activities: any[]): { question: string; runId: string } | undefined {
  const card = cardsOf(activities).find((c) => JSON.stringify(c).includes('"questionnaire"'));
  if (!card) return undefined;
  const json = JSON.stringify(card);
  return { question: /"question":"(\w+)"/.exec(json)![1], runId: /"questionnaire":"([^"]+)"/.exec(json)![1] };
}

/** Sends a card's Action.Submit data, as a button press in a message turn. */
export async function press(h: Harness, value: Record<string, unknown>, options?: ActivityOptions): Promise<any[]> {
  const result = await h.post(activity('message', options, { value }));
  if (result.status !== 200) throw new Error(`press answered HTTP ${result.status}`);
  return result.body?.activities ?? [];
}

/** One forest, password hash sync, nothing special: Cloud Sync. */
export const PHS_SINGLE: Record<string, string> = {
  currentSync: 'none',
  domainsReachable: 'all',
  forestTopology: 'single',
  signIn: 'phs',
  devices: 'none',
  largestDomainObjects: 'under100k',
  groupOver50kMembers: 'no',
  customization: 'none',
  otherNeeds: 'none',
  enterpriseAdminAvailable: 'yes',
  connectTotalObjects: 'under100k',
};
/** The same with pass-through authentication: Connect Sync. */
export const PTA_SINGLE: Record<string, string> = { ...PHS_SINGLE, signIn: 'ptaSetup' };

/** Answers every question with the card buttons and returns the recommendation card. */
export async function answerAll(
  h: Harness,
  answers: Record<string, string>,
  options?: ActivityOptions,
  prefix = '',
): Promise<any> {
  let replies = await h.say(`${prefix}start`, options);
  for (let q = asked(replies); q; q = asked(replies)) {
    replies = await press(h, { questionnaire: q.runId, question: q.question, answer: answers[q.question] }, options);
  }
  const card = cardsOf(replies).find((c) => executeActions(c).length > 0);
  if (!card) throw new Error('the questions ended without a recommendation card');
  return card;
}
