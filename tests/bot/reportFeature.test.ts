/**
 * The file consent answer of the report feature, driven directly: an upload URL outside SharePoint Online is
 * refused with a message for the person and a warning in the log that names the host and the reason (never the
 * URL, which carries an upload token).
 */
import { MemoryStorage, TurnContext, type FileConsentCardResponse } from 'botbuilder';
import { createReportFeature } from '../../src/bot/reportFeature';
import { createPlan } from '../../src/domain/plan';
import { ReportLinks } from '../../src/reports/reportLinks';
import { PlanStore } from '../../src/store/planStore';
import { activity, TENANT_ID } from '../helpers/botHarness';
import { InertAdapter } from '../helpers/planSetup';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const CONVERSATION = 'a:personal-ana';

async function setUp() {
  const planStore = new PlanStore(new MemoryStorage());
  const location = { tenantId: TENANT_ID, conversationId: CONVERSATION };
  const plan = createPlan({
    id: 'plan-1',
    selection: { tool: 'cloudSync' },
    createdBy: { id: 'aad-ana', name: 'Ana Admin' },
    at: NOW.toISOString(),
  });
  await planStore.create(
    location,
    { plan, conversationId: CONVERSATION, tenantId: TENANT_ID, cards: [] },
    { replace: false },
  );
  const links = new ReportLinks(Buffer.alloc(32, 7), () => NOW);
  const warnings: Array<{ obj: unknown; msg: string }> = [];
  const replies: unknown[] = [];
  const pending: Array<() => Promise<void>> = [];
  const feature = createReportFeature({
    planStore,
    links,
    baseUrl: () => undefined,
    clock: () => NOW,
    reply: async () => {
      throw new Error('the consent answer never replies in the turn');
    },
    localMode: false,
    logger: {
      info: () => undefined,
      warn: (obj: unknown, msg?: string) => void warnings.push({ obj, msg: msg ?? '' }),
    },
    followUp: {
      background: { track: (work) => pending.push(work) },
      delivery: {
        send: async (job) => ({ ok: true, value: await job.run(new AbortController().signal), attempts: 1 }) as never,
      },
      port: {
        post: async (_target, sent) => {
          replies.push(sent);
          return 'sent-1';
        },
      },
    },
  });
  const context = new TurnContext(
    new InertAdapter(),
    activity(
      'invoke',
      { conversationType: 'personal', conversationId: CONVERSATION, deliveryMode: 'normal' },
      { name: 'fileConsent/invoke' },
    ),
  );
  /** Runs what the consent left for after its answer. */
  const afterAnswer = async () => {
    for (let work = pending.shift(); work; work = pending.shift()) await work();
  };
  return { feature, context, token: links.sign(location, 'plan-1').token, warnings, replies, afterAnswer };
}

describe('report file consent', () => {
  it.each([
    ['https://10.0.0.5/upload?tempauth=SECRET', '10.0.0.5', 'an IP address, not a host name'],
    ['https://evil.example/upload?tempauth=SECRET', 'evil.example', 'not a SharePoint Online host'],
    ['http://contoso-my.sharepoint.com/upload?tempauth=SECRET', 'contoso-my.sharepoint.com', 'not https'],
  ])('refuses %s: a warning names the host and why, and the person is told', async (uploadUrl, host, reason) => {
    const { feature, context, token, warnings, replies, afterAnswer } = await setUp();
    const response = {
      action: 'accept',
      context: { token },
      uploadInfo: {
        uploadUrl,
        name: 'plan.csv',
        contentUrl: 'https://contoso-my.sharepoint.com/plan.csv',
        uniqueId: 'u1',
        fileType: 'csv',
      },
    };
    await feature.fileConsent!(context, response as unknown as FileConsentCardResponse);
    // The answer leaves first; the check and the message come after it.
    expect(replies).toEqual([]);
    await afterAnswer();
    expect(warnings).toEqual([{ obj: { reason, host }, msg: 'report upload URL refused' }]);
    expect(JSON.stringify(warnings)).not.toContain('SECRET');
    expect(JSON.stringify(replies)).toContain('not a OneDrive or SharePoint address I upload to');
  });
});
