/**
 * Hostile or broken requests against the running server. Every row states the HTTP status it must get
 * and, for invokes, that the answer is an error card; after every row both seeded plans must be byte-for-byte what they
 * were (same revision, same history), and the server must still answer /healthz.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createPlan, type PlanSelection } from '../../src/domain/plan';
import { reportPath } from '../../src/reports/reportDownload';
import { ReportLinks } from '../../src/reports/reportLinks';
import { PlanStore, type PlanLocation, type PlanRecord } from '../../src/store/planStore';
import { activity, cardsOf, startHarness, TENANT_ID, type ActivityOptions, type Harness } from '../helpers/botHarness';
import { cardText, expectValidCard } from '../helpers/cardAssertions';

const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
const SIGNING_KEY = 'bad-input-test-report-signing-key-0123456789';
const CHAT: ActivityOptions = { conversationId: 'a:bad-input-chat', conversationType: 'personal' };
const OTHER_CHAT: ActivityOptions = {
  conversationId: 'a:bad-input-other',
  conversationType: 'personal',
  userId: '29:ben',
  userName: 'Ben',
};
const HUGE = 'x'.repeat(100 * 1024);
const CARD = 'application/vnd.microsoft.card.adaptive';
/** A sender with a Teams id but no Entra object id: Ana's ids, as another channel or a forged request would carry them. */
const ANONYMOUS = { id: '29:user-ana', name: 'Ana Admin' };
const NO_IDENTITY = 'which Microsoft Entra account';

/** Writes a plan straight through PlanStore: the rows test the edge and the handlers, not plan creation. */
async function seedPlan(
  store: PlanStore,
  location: PlanLocation,
  selection: PlanSelection,
  id: string,
): Promise<PlanRecord> {
  const plan = createPlan({
    id,
    selection,
    createdBy: { id: 'aad-ana', name: 'Ana Admin' },
    at: '2025-11-26T10:00:00.000Z',
  });
  const record: PlanRecord = { plan, conversationId: location.conversationId, tenantId: location.tenantId, cards: [] };
  expect(await store.create(location, record, { replace: true })).toBe('created');
  return record;
}

const location = (options: ActivityOptions): PlanLocation => ({
  tenantId: TENANT_ID,
  conversationId: options.conversationId!,
});
const invokeBody = (value: unknown, options: ActivityOptions = CHAT, extra: Record<string, unknown> = {}) =>
  activity('invoke', options, { deliveryMode: undefined, name: 'adaptiveCard/action', value, ...extra });
const execute = (verb: unknown, data: unknown, options: ActivityOptions = CHAT, extra: Record<string, unknown> = {}) =>
  invokeBody({ action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, options, extra);

type Expect =
  /** Refused at the edge (or by the SDK) with this status and a JSON or text body. */
  | { status: number }
  /** HTTP 200 with an Adaptive Card invoke response whose card contains `says`. */
  | { card: string }
  /** HTTP 200 with expectReplies activities, at least one of them a valid card containing `says`. */
  | { replies: string };

interface Row {
  readonly label: string;
  /** A raw body and content type, or an object sent as JSON. */
  readonly send: { raw: string; contentType: string } | { json: () => unknown };
  readonly expect: Expect;
}

const PLAN_ID = 'bad-input-plan-1';
const OTHER_PLAN_ID = 'bad-input-plan-2';

const rows: Row[] = [
  // The body itself
  {
    label: 'malformed JSON',
    send: { raw: '{"type": "message",', contentType: 'application/json' },
    expect: { status: 400 },
  },
  {
    label: 'truncated JSON',
    send: { raw: '{"type":"invoke","name":"adaptiveCard/act', contentType: 'application/json' },
    expect: { status: 400 },
  },
  { label: 'an empty body', send: { raw: '', contentType: 'application/json' }, expect: { status: 400 } },
  { label: 'JSON null', send: { raw: 'null', contentType: 'application/json' }, expect: { status: 400 } },
  { label: 'a JSON string', send: { raw: '"message"', contentType: 'application/json' }, expect: { status: 400 } },
  {
    label: 'a JSON array of activities',
    send: { json: () => [activity('message', CHAT, { text: 'status' })] },
    expect: { status: 400 },
  },
  { label: 'a text/plain body', send: { raw: 'status', contentType: 'text/plain' }, expect: { status: 415 } },
  {
    label: 'an XML body',
    send: { raw: '<activity type="message"/>', contentType: 'application/xml' },
    expect: { status: 415 },
  },
  {
    label: 'a form-encoded activity',
    send: { raw: 'type=message&text=status', contentType: 'application/x-www-form-urlencoded' },
    expect: { status: 415 },
  },
  {
    label: 'a multipart upload',
    send: {
      raw: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello\r\n--b--\r\n',
      contentType: 'multipart/form-data; boundary=b',
    },
    expect: { status: 415 },
  },
  {
    label: 'a JSON body labelled as a form',
    send: {
      raw: JSON.stringify({ type: 'message', text: 'status' }),
      contentType: 'application/x-www-form-urlencoded',
    },
    expect: { status: 415 },
  },
  {
    label: 'no content type at all',
    send: { raw: JSON.stringify({ type: 'message', text: 'status' }), contentType: '' },
    expect: { status: 415 },
  },
  {
    label: 'a body over the 256 KB limit',
    send: { json: () => activity('message', CHAT, { text: 'x'.repeat(300 * 1024) }) },
    expect: { status: 413 },
  },
  // JSON.parse copes with 20,000 levels; the point is that nothing recurses over the body and overflows the stack.
  {
    label: 'deeply nested JSON under the limit',
    send: {
      raw: JSON.stringify(activity('message', CHAT, { text: 'status', x: 'NEST' })).replace(
        '"NEST"',
        '['.repeat(20_000) + ']'.repeat(20_000),
      ),
      contentType: 'application/json',
    },
    expect: { replies: 'DEPLOYMENT PLAN' },
  },

  // Activities missing or mistyping fields
  {
    label: 'an activity without type',
    send: { json: () => ({ ...activity('message', CHAT, { text: 'status' }), type: undefined }) },
    expect: { status: 400 },
  },
  {
    label: 'an activity whose type is a number',
    send: { json: () => activity(42 as unknown as string, CHAT, { text: 'status' }) },
    expect: { status: 400 },
  },
  {
    label: 'a message without conversation',
    send: { json: () => ({ ...activity('message', CHAT, { text: 'status' }), conversation: undefined }) },
    expect: { status: 400 },
  },
  {
    label: 'a message whose conversation is a string',
    send: { json: () => activity('message', CHAT, { text: 'status', conversation: 'a:bad-input-chat' }) },
    expect: { status: 400 },
  },
  {
    label: 'a message whose conversation id is a number',
    send: { json: () => activity('message', CHAT, { text: 'status', conversation: { id: 7 } }) },
    expect: { status: 400 },
  },
  {
    label: 'a message without from',
    send: { json: () => ({ ...activity('message', CHAT, { text: 'status' }), from: undefined }) },
    expect: { status: 400 },
  },
  {
    label: 'a message whose from is a string',
    send: { json: () => activity('message', CHAT, { text: 'status', from: 'ana' }) },
    expect: { status: 400 },
  },
  {
    label: 'a message whose from.id is a number',
    send: { json: () => activity('message', CHAT, { text: 'done 2', from: { id: 12, name: 'Ana' } }) },
    expect: { status: 400 },
  },
  {
    label: 'a message whose text is a number',
    send: { json: () => activity('message', CHAT, { text: 42 }) },
    expect: { status: 400 },
  },
  {
    label: 'a message whose entities is an object',
    send: { json: () => activity('message', CHAT, { text: 'status', entities: { type: 'mention' } }) },
    expect: { status: 400 },
  },
  {
    label: 'a message whose serviceUrl is not a URL',
    send: { json: () => activity('message', CHAT, { text: 'status', serviceUrl: { evil: true } }) },
    expect: { status: 400 },
  },
  {
    label: 'a tenant id that is an object',
    send: { json: () => activity('message', CHAT, { text: 'status', channelData: { tenant: { id: { $ne: '' } } } }) },
    expect: { status: 400 },
  },
  {
    label: 'channelData that is a string',
    send: { json: () => activity('message', CHAT, { text: 'status', channelData: 'tenant' }) },
    expect: { status: 400 },
  },
  {
    label: 'a message without channelId',
    send: { json: () => ({ ...activity('message', CHAT, { text: 'done 2' }), channelId: undefined }) },
    expect: { status: 400 },
  },
  {
    label: 'a message whose channelId is a number',
    send: { json: () => activity('message', CHAT, { text: 'done 2', channelId: 7 }) },
    expect: { status: 400 },
  },
  {
    label: 'a message whose from.aadObjectId is an object',
    send: {
      json: () =>
        activity('message', CHAT, { text: 'done 2', from: { id: '29:user-ana', aadObjectId: { id: 'aad-ana' } } }),
    },
    expect: { status: 400 },
  },

  // Only Teams is trusted: other channels let the caller choose the ids it claims.
  {
    label: 'a Direct Line "my tasks" with the victim\'s ids',
    send: { json: () => activity('message', CHAT, { text: 'my tasks', channelId: 'directline' }) },
    expect: { status: 403 },
  },
  {
    label: 'a Direct Line "done" click with the victim\'s ids',
    send: {
      json: () =>
        execute('task.done', { planId: PLAN_ID, taskId: 'cloudSync.configure', revision: 2 }, CHAT, {
          channelId: 'directline',
        }),
    },
    expect: { status: 403 },
  },
  {
    label: 'a Web Chat "done 3"',
    send: { json: () => activity('message', CHAT, { text: 'done 3', channelId: 'webchat' }) },
    expect: { status: 403 },
  },
  {
    label: 'an Emulator "done 3" (not allowed unless ALLOWED_CHANNEL_IDS says so)',
    send: { json: () => activity('message', CHAT, { text: 'done 3', channelId: 'emulator' }) },
    expect: { status: 403 },
  },
  {
    label: 'a channelId that only looks like Teams',
    send: { json: () => activity('message', CHAT, { text: 'done 3', channelId: 'MSTeams' }) },
    expect: { status: 403 },
  },

  // Every change, and "my tasks", is someone's: without an Entra object id the bot refuses politely and changes nothing.
  {
    label: 'a typed "done 2" without from.aadObjectId',
    send: { json: () => activity('message', CHAT, { text: 'done 2', from: ANONYMOUS }) },
    expect: { replies: NO_IDENTITY },
  },
  {
    label: 'a done click without from.aadObjectId',
    send: {
      json: () =>
        execute('task.done', { planId: PLAN_ID, taskId: 'cloudSync.configure', revision: 2 }, CHAT, {
          from: ANONYMOUS,
        }),
    },
    expect: { card: NO_IDENTITY },
  },
  {
    label: 'a done click with an empty from.aadObjectId',
    send: {
      json: () =>
        execute('task.done', { planId: PLAN_ID, taskId: 'cloudSync.configure', revision: 2 }, CHAT, {
          from: { ...ANONYMOUS, aadObjectId: '' },
        }),
    },
    expect: { card: NO_IDENTITY },
  },
  {
    label: 'a done click with a 100 KB from.aadObjectId',
    send: {
      json: () =>
        execute('task.done', { planId: PLAN_ID, taskId: 'cloudSync.configure', revision: 2 }, CHAT, {
          from: { ...ANONYMOUS, aadObjectId: HUGE },
        }),
    },
    expect: { card: NO_IDENTITY },
  },
  {
    label: 'a Submit fallback without from.aadObjectId',
    send: {
      json: () =>
        activity('message', CHAT, {
          from: ANONYMOUS,
          value: { verb: 'task.done', planId: PLAN_ID, taskId: 'cloudSync.configure', revision: 2 },
        }),
    },
    expect: { replies: NO_IDENTITY },
  },
  {
    label: '"my tasks" without from.aadObjectId',
    send: { json: () => activity('message', CHAT, { text: 'my tasks', from: ANONYMOUS }) },
    expect: { replies: NO_IDENTITY },
  },
  {
    label: '"assign 3 to me" without from.aadObjectId',
    send: { json: () => activity('message', CHAT, { text: 'assign 3 to me', from: ANONYMOUS }) },
    expect: { replies: NO_IDENTITY },
  },
  {
    label: '"remind daily" without from.aadObjectId',
    send: { json: () => activity('message', CHAT, { text: 'remind daily', from: ANONYMOUS }) },
    expect: { replies: NO_IDENTITY },
  },
  {
    label: '"start over" without from.aadObjectId',
    send: { json: () => activity('message', CHAT, { text: 'start over', from: ANONYMOUS }) },
    expect: { replies: NO_IDENTITY },
  },

  // Malformed entities are dropped at the edge; the turn goes on with the well-formed ones.
  {
    label: 'a mention whose "mentioned" is null',
    send: {
      json: () => activity('message', CHAT, { text: 'status', entities: [{ type: 'mention', mentioned: null }] }),
    },
    expect: { replies: 'DEPLOYMENT PLAN' },
  },
  {
    label: 'an entity that is null',
    send: { json: () => activity('message', CHAT, { text: 'status', entities: [null] }) },
    expect: { replies: 'DEPLOYMENT PLAN' },
  },
  {
    label: 'an entity without a type',
    send: {
      json: () => activity('message', CHAT, { text: 'status', entities: [{ mentioned: { id: '28:sync-guide-bot' } }] }),
    },
    expect: { replies: 'DEPLOYMENT PLAN' },
  },
  {
    label: 'an entity whose type is a number',
    send: { json: () => activity('message', CHAT, { text: 'status', entities: [{ type: 5 }] }) },
    expect: { replies: 'DEPLOYMENT PLAN' },
  },
  {
    label: 'a mention of the bot whose text is an object',
    send: {
      json: () =>
        activity('message', CHAT, {
          text: 'status',
          entities: [{ type: 'mention', text: { toString: 'x' }, mentioned: { id: '28:sync-guide-bot' } }],
        }),
    },
    expect: { replies: 'DEPLOYMENT PLAN' },
  },
  {
    label: 'a malformed mention beside a real mention of the bot',
    send: {
      json: () =>
        activity('message', CHAT, {
          text: '<at>Sync Guide</at> status',
          entities: [
            { type: 'Mention', mentioned: 'Sync Guide' },
            {
              type: 'mention',
              text: '<at>Sync Guide</at>',
              mentioned: { id: '28:sync-guide-bot', name: 'Sync Guide' },
            },
          ],
        }),
    },
    expect: { replies: 'DEPLOYMENT PLAN' },
  },

  // Unknown activity types and invoke names
  { label: 'an unknown activity type', send: { json: () => activity('teleport', CHAT) }, expect: { status: 200 } },
  // The SDK's answer for an invoke the bot does not implement (we declare no message extension or task module).
  {
    label: 'an invoke with an unknown name',
    send: {
      json: () => activity('invoke', CHAT, { deliveryMode: undefined, name: 'composeExtension/fetchTask', value: {} }),
    },
    expect: { status: 501 },
  },
  {
    label: 'an invoke without a name',
    send: { json: () => activity('invoke', CHAT, { deliveryMode: undefined, value: {} }) },
    expect: { status: 501 },
  },
  { label: 'a card action without value', send: { json: () => invokeBody(undefined) }, expect: { status: 400 } },
  {
    label: 'a card action that is not Action.Execute',
    send: { json: () => invokeBody({ action: { type: 'Action.Submit', verb: 'task.done', data: {} } }) },
    expect: { status: 400 },
  },
  {
    label: 'a card action whose value is a string',
    send: { json: () => invokeBody('task.done') },
    expect: { status: 400 },
  },

  // Verbs and data
  {
    label: 'an unknown verb',
    send: { json: () => execute('task.explode', { planId: PLAN_ID, taskId: 'cloudSync.configure' }) },
    expect: { card: 'not something I recognise' },
  },
  {
    label: 'a verb that is a number',
    send: { json: () => execute(7, { planId: PLAN_ID }) },
    expect: { card: 'not something I recognise' },
  },
  {
    label: 'a verb named like an Object.prototype key',
    send: { json: () => execute('constructor', { planId: PLAN_ID }) },
    expect: { card: 'not something I recognise' },
  },
  {
    label: 'a verb named __proto__',
    send: { json: () => execute('__proto__', { planId: PLAN_ID }) },
    expect: { card: 'not something I recognise' },
  },
  {
    label: 'a 100 KB verb',
    send: { json: () => execute(HUGE, { planId: PLAN_ID }) },
    expect: { card: 'not something I recognise' },
  },
  {
    label: 'missing data',
    send: { json: () => execute('task.done', undefined) },
    expect: { card: 'does not name a plan' },
  },
  {
    label: 'data that is a string',
    send: { json: () => execute('task.done', 'cloudSync.configure') },
    expect: { card: 'does not name a plan' },
  },
  {
    label: 'data that is an array',
    send: { json: () => execute('task.done', [PLAN_ID, 'cloudSync.configure']) },
    expect: { card: 'does not name a plan' },
  },
  {
    label: 'a planId that is a nested object',
    send: { json: () => execute('task.done', { planId: { id: PLAN_ID }, taskId: 'cloudSync.configure' }) },
    expect: { card: 'does not name a plan' },
  },
  {
    label: 'a 100 KB planId',
    send: { json: () => execute('task.done', { planId: HUGE, taskId: 'cloudSync.configure' }) },
    expect: { card: 'does not name a plan' },
  },
  {
    label: 'a made-up planId',
    send: {
      json: () =>
        execute('task.done', {
          planId: 'f0f0f0f0-0000-4000-8000-000000000000',
          taskId: 'cloudSync.configure',
          revision: 1,
        }),
    },
    expect: { card: 'Not this plan' },
  },
  {
    label: "another conversation's planId",
    send: { json: () => execute('task.done', { planId: OTHER_PLAN_ID, taskId: 'connect.prerequisites', revision: 1 }) },
    expect: { card: 'Not this plan' },
  },
  {
    label: 'a made-up taskId',
    send: { json: () => execute('task.done', { planId: PLAN_ID, taskId: 'cloudSync.selfDestruct', revision: 1 }) },
    expect: { card: 'task I do not know' },
  },
  {
    label: 'a taskId of the other tool',
    send: { json: () => execute('task.done', { planId: PLAN_ID, taskId: 'connect.prerequisites', revision: 1 }) },
    expect: { card: 'not part of this plan' },
  },
  {
    label: 'a taskId that is a nested object',
    send: { json: () => execute('task.done', { planId: PLAN_ID, taskId: { toString: 'cloudSync.configure' } }) },
    expect: { card: 'task I do not know' },
  },
  {
    label: 'a 100 KB taskId',
    send: { json: () => execute('task.done', { planId: PLAN_ID, taskId: HUGE }) },
    expect: { card: 'task I do not know' },
  },
  {
    label: 'a revision that is a word',
    send: { json: () => execute('task.done', { planId: PLAN_ID, taskId: 'cloudSync.configure', revision: 'latest' }) },
    expect: { card: 'damaged plan version' },
  },
  {
    label: 'a negative revision',
    send: { json: () => execute('task.done', { planId: PLAN_ID, taskId: 'cloudSync.configure', revision: -1 }) },
    expect: { card: 'damaged plan version' },
  },
  {
    label: 'a revision that is an object',
    send: {
      json: () => execute('task.done', { planId: PLAN_ID, taskId: 'cloudSync.configure', revision: { $gt: 0 } }),
    },
    expect: { card: 'damaged plan version' },
  },
  {
    label: 'a 100 KB revision string',
    send: { json: () => execute('task.done', { planId: PLAN_ID, taskId: 'cloudSync.configure', revision: HUGE }) },
    expect: { card: 'damaged plan version' },
  },
  {
    label: 'a 100 KB extra field',
    send: {
      json: () => execute('task.done', { planId: PLAN_ID, taskId: 'cloudSync.chooseTool', revision: 1, note: HUGE }),
    },
    expect: { card: 'chosen when this plan was created' },
  },
  {
    label: 'an action on the "choose the tool" task',
    send: { json: () => execute('task.reopen', { planId: PLAN_ID, taskId: 'cloudSync.chooseTool', revision: 1 }) },
    expect: { card: 'chosen when this plan was created' },
  },
  {
    label: 'switchInstall on a Cloud Sync task',
    send: {
      json: () => execute('task.switchInstall', { planId: PLAN_ID, taskId: 'cloudSync.configure', revision: 1 }),
    },
    expect: { card: 'Only the Connect Sync install tasks' },
  },

  // Stale clicks
  {
    label: 'a stale "done" on a task already done',
    send: { json: () => execute('task.done', { planId: PLAN_ID, taskId: 'cloudSync.prerequisites', revision: 1 }) },
    expect: { card: 'Already marked done by Ben Builder' },
  },
  {
    label: 'a stale "skip" on a task someone marked done',
    send: { json: () => execute('task.skip', { planId: PLAN_ID, taskId: 'cloudSync.prerequisites', revision: 1 }) },
    expect: { card: 'Ben Builder' },
  },
  {
    label: 'a stale "start" from the future',
    send: {
      json: () => execute('task.start', { planId: PLAN_ID, taskId: 'cloudSync.prerequisites', revision: 999_999 }),
    },
    expect: { card: 'Ben Builder' },
  },

  // The Action.Submit fallback (a message with value) with forged data
  {
    label: 'a Submit fallback naming another plan',
    send: {
      json: () =>
        activity('message', CHAT, {
          value: { verb: 'task.done', planId: OTHER_PLAN_ID, taskId: 'connect.prerequisites' },
        }),
    },
    expect: { replies: 'Not this plan' },
  },
  {
    label: 'a Submit fallback with a 100 KB taskId',
    send: { json: () => activity('message', CHAT, { value: { verb: 'task.done', planId: PLAN_ID, taskId: HUGE } }) },
    expect: { replies: 'task I do not know' },
  },

  // Hostile text and names in read-only turns
  {
    label: 'markdown, HTML and ${} typed as text',
    send: {
      json: () => activity('message', CHAT, { text: '**bold** <script>alert(1)</script> ${plan.id} [x](http://evil)' }),
    },
    // "alert" is a word the tenant watch knows, among more words the model never learnt: read as chatter, so the help
    // card answers (with the text escaped), and nothing is offered or done.
    expect: { replies: "I didn't catch" },
  },
  {
    label: 'markdown, HTML and ${} in the display name',
    send: {
      json: () =>
        activity(
          'message',
          { ...CHAT, userName: '<img src=x onerror=alert(1)> **Eve** ${$root}' },
          { text: 'history' },
        ),
    },
    expect: { replies: 'Ben Builder' },
  },
  {
    label: 'a typed command for a task number out of range',
    send: { json: () => activity('message', CHAT, { text: 'done 999' }) },
    expect: { replies: 'no task 999' },
  },
];

describe('bad input against the running server', () => {
  let bot: Harness;
  let store: PlanStore;
  let snapshot: () => Promise<string>;

  beforeAll(async () => {
    bot = await startHarness();
    store = new PlanStore(bot.app.storage.storage);
    await seedPlan(store, location(CHAT), { tool: 'cloudSync' }, PLAN_ID);
    await seedPlan(store, location(OTHER_CHAT), { tool: 'connect' }, OTHER_PLAN_ID);
    // One real change so stale rows have someone to name and the history is not trivially empty.
    const done = await bot.invoke(
      'task.done',
      { planId: PLAN_ID, taskId: 'cloudSync.prerequisites', revision: 1 },
      { ...CHAT, userId: '29:ben', userName: 'Ben Builder' },
    );
    expect(cardText(done.body.value)).toContain('Marked done by Ben Builder');
    snapshot = async () => JSON.stringify([await store.load(location(CHAT)), await store.load(location(OTHER_CHAT))]);
  });
  afterAll(() => bot.close());

  it('starts from a plan at revision 2 with one change in its history', async () => {
    const record = await store.load(location(CHAT));
    expect(record?.plan.revision).toBe(2);
    expect(record?.plan.history).toHaveLength(2);
  });

  it.each(rows.map((row) => [row.label, row] as const))(
    '%s: answered as expected, state unchanged',
    async (_label, row) => {
      const before = await snapshot();
      const beforeRecord = await store.load(location(CHAT));
      const result =
        'raw' in row.send ? await bot.postRaw(row.send.raw, row.send.contentType) : await bot.post(row.send.json());

      if ('status' in row.expect) {
        expect(result.status).toBe(row.expect.status);
        if (result.status >= 400 && result.status !== 501)
          expect(JSON.stringify(result.body ?? '')).toMatch(/message|error/i);
      } else if ('card' in row.expect) {
        expect(result.status).toBe(200);
        expect(result.body).toMatchObject({ statusCode: 200, type: CARD });
        expectValidCard(result.body.value);
        expect(cardText(result.body.value)).toContain(row.expect.card);
      } else {
        expect(result.status).toBe(200);
        const cards = cardsOf(result.body?.activities ?? []);
        expect(cards.length).toBeGreaterThan(0);
        for (const card of cards) expectValidCard(card);
        expect(cards.map(cardText).join('\n')).toContain(row.expect.replies);
        // Nothing a person typed may reach a card as live markup.
        const shown = JSON.stringify(cards);
        expect(shown).not.toMatch(/<script|<img|\*\*Eve\*\*|\*\*bold\*\*/);
      }

      const afterRecord = await store.load(location(CHAT));
      expect(afterRecord?.plan.revision).toBe(beforeRecord?.plan.revision);
      expect(afterRecord?.plan.history.length).toBe(beforeRecord?.plan.history.length);
      expect(await snapshot()).toBe(before);
    },
  );

  it('leaves no uploaded file behind in the temp directory (multipart bodies are refused before parsing)', async () => {
    const uploads = () =>
      readdirSync(tmpdir())
        .filter((name) => name.startsWith('upload_'))
        .sort();
    const before = uploads();
    const body =
      '--b\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n' +
      'x'.repeat(200 * 1024) +
      '\r\n--b--\r\n';
    for (let i = 0; i < 5; i++) expect((await bot.postRaw(body, 'multipart/form-data; boundary=b')).status).toBe(415);
    expect(uploads()).toEqual(before);
  });

  it('is still healthy after the whole table', async () => {
    const health = await fetch(`${bot.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect((await health.json()).status).toBe('ok');
    // And still does real work.
    const [card] = cardsOf(await bot.say('status', CHAT));
    expect(cardText(card)).toContain('2 of 5 tasks settled');
  });

  it('shows a hostile display name escaped when it made a real change', async () => {
    const eve = { ...CHAT, userId: '29:eve', userName: '<b>Eve</b> **x** ${plan.id} [y](http://evil)' };
    const response = await bot.invoke(
      'task.start',
      { planId: PLAN_ID, taskId: 'cloudSync.installAgent', revision: 2 },
      eve,
    );
    expect(response.status).toBe(200);
    expectValidCard(response.body.value);
    const [history] = cardsOf(await bot.say('history', CHAT));
    expectValidCard(history);
    const json = JSON.stringify(history);
    expect(json).not.toContain('<b>');
    expect(json).not.toContain('**x**');
    expect(json).not.toContain('](http://evil)');
    expect(cardText(history)).toContain('Eve');
  });
});

describe('tenant allow-list (ALLOWED_TENANT_IDS)', () => {
  let bot: Harness;
  let store: PlanStore;
  beforeAll(async () => {
    bot = await startHarness({
      ALLOWED_TENANT_IDS: `${TENANT_ID}, 22222222-3333-4444-5555-666666666666`,
      REPORT_SIGNING_KEY: SIGNING_KEY,
    });
    store = new PlanStore(bot.app.storage.storage);
    await seedPlan(store, location(CHAT), { tool: 'cloudSync' }, PLAN_ID);
    // The same conversation id under the other tenant holds a plan too: a forged tenant must not reach either.
    await seedPlan(
      store,
      { tenantId: OTHER_TENANT, conversationId: CHAT.conversationId! },
      { tool: 'cloudSync' },
      OTHER_PLAN_ID,
    );
  });
  afterAll(() => bot.close());

  const snapshot = async () =>
    JSON.stringify([
      await store.load(location(CHAT)),
      await store.load({ tenantId: OTHER_TENANT, conversationId: CHAT.conversationId! }),
    ]);

  it.each([
    [
      'a message from another tenant',
      403,
      () => activity('message', { ...CHAT, tenantId: OTHER_TENANT }, { text: 'status' }),
    ],
    [
      'a done click from another tenant',
      403,
      () =>
        execute(
          'task.done',
          { planId: OTHER_PLAN_ID, taskId: 'cloudSync.configure' },
          { ...CHAT, tenantId: OTHER_TENANT },
        ),
    ],
    [
      'an install event from another tenant',
      403,
      () => activity('installationUpdate', { ...CHAT, tenantId: OTHER_TENANT }, { action: 'add' }),
    ],
    [
      'an activity naming no tenant at all',
      403,
      () =>
        activity('message', CHAT, {
          text: 'status',
          channelData: {},
          conversation: { id: CHAT.conversationId, conversationType: 'personal' },
        }),
    ],
    // channelData.tenant is what Teams fills in; conversation.tenantId cannot smuggle an allowed tenant past it.
    [
      'an allowed tenant in conversation, another in channelData',
      403,
      () => activity('message', CHAT, { text: 'status', channelData: { tenant: { id: OTHER_TENANT } } }),
    ],
    [
      'a tenant id that is not a string',
      400,
      () => activity('message', CHAT, { text: 'status', channelData: { tenant: { id: [TENANT_ID] } } }),
    ],
    [
      'an allowed tenant in upper case',
      200,
      () => activity('message', { ...CHAT, tenantId: TENANT_ID.toUpperCase() }, { text: 'status' }),
    ],
    ['the allowed tenant', 200, () => activity('message', CHAT, { text: 'status' })],
  ])('%s → HTTP %i, no plan changes', async (_label, status, body) => {
    const before = await snapshot();
    const result = await bot.post(body());
    expect(result.status).toBe(status);
    if (status === 403) expect(result.body).toMatchObject({ error: 'Forbidden' });
    if (status === 200 && result.body?.activities)
      expect(cardText(cardsOf(result.body.activities)[0])).toContain('DEPLOYMENT PLAN');
    expect(await snapshot()).toBe(before);
  });

  it('refuses report downloads for a tenant outside the list, even with a validly signed link', async () => {
    // A link made before the tenant was taken off the list (or by another deployment sharing the key).
    const links = new ReportLinks(Buffer.from(SIGNING_KEY, 'utf8'), () => new Date());
    const foreign = links.sign({ tenantId: OTHER_TENANT, conversationId: CHAT.conversationId! }, OTHER_PLAN_ID).token;
    const refused = await fetch(`${bot.baseUrl}${reportPath(foreign)}`);
    expect(refused.status).toBe(403);
    const text = await refused.text();
    expect(text).toContain('not enabled for the tenant');
    expect(text).not.toContain(OTHER_PLAN_ID);

    const own = links.sign(location(CHAT), PLAN_ID).token;
    const served = await fetch(`${bot.baseUrl}${reportPath(own)}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  it('lets an allowed tenant change its own plan', async () => {
    const response = await bot.invoke(
      'task.done',
      { planId: PLAN_ID, taskId: 'cloudSync.prerequisites', revision: 1 },
      CHAT,
    );
    expect(response.status).toBe(200);
    expect(cardText(response.body.value)).toContain('Marked done by');
    expect((await store.load(location(CHAT)))?.plan.revision).toBe(2);
    expect((await store.load({ tenantId: OTHER_TENANT, conversationId: CHAT.conversationId! }))?.plan.revision).toBe(1);
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
  });
});
