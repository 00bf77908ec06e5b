/**
 * The plan report against the running server: "report" answers with a valid summary card and a signed
 * CSV link the same server serves (right columns, RFC 4180 escaping, formula injection defused, BOM);
 * altered and expired links are refused; in personal chat the file consent flow uploads the CSV to the
 * URL Teams hands over (a fake upload endpoint on loopback) and posts the file card.
 */
import { createServer, type Server } from 'node:http';
import type { Actor, PlanSelection } from '../../src/domain/plan';
import type { PlanEdit } from '../../src/domain/planEdits';
import { CSV_COLUMNS, planCsv } from '../../src/domain/report';
import { PlanStore, type PlanLocation } from '../../src/store/planStore';
import { activity, cardsOf, startHarness, TENANT_ID, type ActivityOptions, type Harness } from '../helpers/botHarness';
import { cardText, expectValidCard } from '../helpers/cardAssertions';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector';
import { FAST_SENDER, startPlanIn } from '../helpers/planSetup';
import { testDecision } from '../helpers/decisionFixtures';

const ANA: Actor = { id: 'aad-ana', name: 'Ana Admin' };
const DECISION = testDecision('cloudSync', {
  headline: 'Cloud Sync fits one forest with password hash sync.',
  reasons: ['One forest, 2,000 users', 'Password hash sync'],
  decidedBy: ANA,
  decidedAt: '2026-11-20T10:00:00.000Z',
});
const AWKWARD: Record<string, string> = {
  'cloudSync.prerequisites': 'Smith, John',
  'cloudSync.installAgent': 'Zoë "Z" O\'Neil',
  'cloudSync.configure': '=HYPERLINK("http://evil.example","click")',
  'cloudSync.verify': '+1 Ops\nsecond line',
};

/** A minimal RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe('report and CSV export', () => {
  let h: Harness;
  let connector: FakeConnector;
  let now = new Date('2026-12-01T10:00:00.000Z');
  const clock = () => new Date(now.getTime());
  let plans: PlanStore;

  const startPlan = async (
    options: ActivityOptions,
    selection: PlanSelection = { tool: 'cloudSync' },
  ): Promise<{ location: PlanLocation; planId: string }> => {
    await startPlanIn(h.app, options, selection, DECISION, true);
    await h.app.planFeature.idle();
    const location = { tenantId: TENANT_ID, conversationId: options.conversationId! };
    return { location, planId: (await plans.load(location))!.plan.id };
  };
  const edit = async (location: PlanLocation, planId: string, e: PlanEdit) => {
    expect((await plans.applyEdit(location, { planId, edit: e, actor: ANA, at: clock().toISOString() })).kind).toBe(
      'changed',
    );
  };
  const withAwkwardOwners = async (location: PlanLocation, planId: string) => {
    for (const [taskId, name] of Object.entries(AWKWARD))
      await edit(location, planId, { kind: 'assign', taskId, owner: { id: `aad-${taskId}`, name } });
    await edit(location, planId, {
      kind: 'setDue',
      taskId: 'cloudSync.prerequisites',
      due: '2026-11-28',
      allowPast: true,
    });
    expect(
      (
        await plans.applyAction(location, {
          planId,
          taskId: 'cloudSync.installAgent',
          action: 'done',
          actor: ANA,
          at: clock().toISOString(),
        })
      ).kind,
    ).toBe('changed');
  };
  const downloadLink = (card: any): string =>
    card.actions.find((a: any) => a.type === 'Action.OpenUrl' && a.title === 'Download CSV').url;

  beforeAll(async () => {
    connector = await startFakeConnector();
    h = await startHarness({}, { clock, sender: FAST_SENDER });
    plans = new PlanStore(h.app.storage.storage);
  });
  afterAll(async () => {
    await h.close();
    await connector.close();
  });

  const channel: ActivityOptions = {
    conversationType: 'channel',
    conversationId: '19:report@thread.tacv2',
    extra: {
      entities: [
        { type: 'mention', text: '<at>Sync Guide</at>', mentioned: { id: '28:sync-guide-bot', name: 'Sync Guide' } },
      ],
    },
  };

  it('"report" in a channel: a valid summary card with decision, reasons, owners, due dates and who finished what; a link to the CSV', async () => {
    const { location, planId } = await startPlan({ ...channel, serviceUrl: connector.serviceUrl });
    await withAwkwardOwners(location, planId);
    const replies = await h.say('<at>Sync Guide</at> report', channel);
    const cards = cardsOf(replies);
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('PLAN REPORT');
    expect(text).toContain('Cloud Sync fits one forest');
    expect(text).toContain('- One forest, 2,000 users');
    expect(text).toContain('Accepted by Ana Admin, 20 Nov 2026, 10:00 UTC');
    expect(text).toContain('Owner: Smith, John');
    expect(text).toContain('⚠️ Overdue, was due 28 Nov 2026');
    expect(text).toContain('Finished by Ana Admin, 1 Dec 2026, 10:00 UTC');
    expect(text).toContain('anyone who has it can download the file');
    // No file offer outside personal chat.
    expect(JSON.stringify(replies)).not.toContain('file.consent');
    expect(downloadLink(card).startsWith(`${h.baseUrl}/reports/`)).toBe(true);

    const response = await fetch(downloadLink(card));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="entra-sync-plan-2026-12-01.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv).toBe(planCsv((await plans.load(location))!.plan));
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    const owners = rows.slice(1).map((row) => row[4]);
    expect(owners).toEqual(
      expect.arrayContaining([
        'Smith, John',
        'Zoë "Z" O\'Neil',
        '\'=HYPERLINK("http://evil.example","click")',
        "'+1 Ops\nsecond line",
      ]),
    );
    // The raw text quotes what needs quoting and doubles the quotes inside.
    expect(csv).toContain('"Smith, John"');
    expect(csv).toContain('"Zoë ""Z"" O\'Neil"');
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csv).toContain('"\'+1 Ops\nsecond line"');
    expect(rows.slice(1).find((row) => row[4] === 'Smith, John')).toEqual(expect.arrayContaining(['2026-11-28']));
  });

  it('refuses altered, foreign and expired links, and links to a replaced plan', async () => {
    const [card] = cardsOf(await h.say('<at>Sync Guide</at> export', channel));
    const link = downloadLink(card);
    const token = link.slice(link.indexOf('/reports/') + '/reports/'.length, -'.csv'.length);
    const [body, mac] = token.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const otherBody = Buffer.from(JSON.stringify({ ...payload, c: '19:someone-else@thread.tacv2' })).toString(
      'base64url',
    );
    const flipped = `${mac.slice(0, -2)}${mac.at(-2) === 'A' ? 'B' : 'A'}${mac.at(-1)}`;
    for (const bad of [`${otherBody}.${mac}`, `${body}.${flipped}`, `${body}`, 'not-a-token', `${body}.${mac}.extra`]) {
      const answer = await fetch(`${h.baseUrl}/reports/${bad}.csv`);
      expect(answer.status).toBe(403);
      expect(await answer.text()).toContain('not valid');
    }
    expect((await fetch(`${h.baseUrl}/reports/${token}.txt`)).status).toBe(404);
    expect((await fetch(link)).status).toBe(200);

    now = new Date(now.getTime() + 24 * 3_600_000 + 1_000);
    const expired = await fetch(link);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('expired');
    now = new Date('2026-12-01T10:00:00.000Z');

    await startPlan({ ...channel, serviceUrl: connector.serviceUrl });
    const replaced = await fetch(link);
    expect(replaced.status).toBe(410);
    expect(await replaced.text()).toContain('replaced');
  });

  it('"report" without a plan says so, with no download link', async () => {
    const [card] = cardsOf(await h.say('report', { conversationId: 'conv-no-plan' }));
    expectValidCard(card);
    expect(JSON.stringify(card)).not.toContain('/reports/');
    expect(cardText(card)).not.toContain('PLAN REPORT');
  });

  describe('file consent in personal chat', () => {
    let upload: Server;
    let uploadUrl: string;
    const received: Array<{ method: string; headers: Record<string, unknown>; body: Buffer }> = [];
    const personal: ActivityOptions = { conversationType: 'personal', conversationId: 'conv-personal-report' };

    beforeAll(async () => {
      upload = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks) });
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end('{}');
        });
      });
      await new Promise<void>((resolve) => upload.listen(0, '127.0.0.1', resolve));
      uploadUrl = `http://127.0.0.1:${(upload.address() as { port: number }).port}/upload/session-1`;
    });
    afterAll(async () => {
      upload.closeAllConnections();
      await new Promise<void>((resolve) => upload.close(() => resolve()));
    });
    beforeEach(() => {
      received.length = 0;
      connector.calls.length = 0;
    });

    const consent = (value: Record<string, unknown>) =>
      h.post(
        activity(
          'invoke',
          { ...personal, serviceUrl: connector.serviceUrl, deliveryMode: 'normal' },
          { name: 'fileConsent/invoke', value },
        ),
      );
    const uploadInfo = () => ({
      name: 'entra-sync-plan-2026-12-01.csv',
      uploadUrl,
      contentUrl: 'https://contoso-my.sharepoint.com/personal/ana/plan.csv',
      uniqueId: 'file-1',
      fileType: 'csv',
    });

    it('offers the CSV as a file; on accept uploads it to the given URL and posts the file card', async () => {
      const { location, planId } = await startPlan({ ...personal, serviceUrl: connector.serviceUrl });
      await withAwkwardOwners(location, planId);
      const replies = await h.say('report', personal);
      expectValidCard(cardsOf(replies)[0]);
      const offer = replies
        .flatMap((r: any) => r.attachments ?? [])
        .find((x: any) => x.contentType === 'application/vnd.microsoft.teams.card.file.consent');
      expect(offer).toMatchObject({
        name: 'entra-sync-plan-2026-12-01.csv',
        content: { sizeInBytes: expect.any(Number), acceptContext: { token: expect.any(String) } },
      });

      connector.calls.length = 0;
      const answer = await consent({
        type: 'fileUpload',
        action: 'accept',
        context: offer.content.acceptContext,
        uploadInfo: uploadInfo(),
      });
      expect(answer.status).toBe(200);
      await connector.waitFor((calls) => calls.length > 0);
      expect(received).toHaveLength(1);
      const expected = Buffer.from(`\uFEFF${planCsv((await plans.load(location))!.plan)}`, 'utf8');
      expect(received[0].method).toBe('PUT');
      expect(received[0].body.equals(expected)).toBe(true);
      expect(received[0].headers['content-range']).toBe(`bytes 0-${expected.length - 1}/${expected.length}`);
      expect(offer.content.sizeInBytes).toBe(expected.length);
      const fileCard = connector.calls[0].body.attachments[0];
      expect(fileCard).toEqual({
        contentType: 'application/vnd.microsoft.teams.card.file.info',
        contentUrl: 'https://contoso-my.sharepoint.com/personal/ana/plan.csv',
        name: 'entra-sync-plan-2026-12-01.csv',
        content: { uniqueId: 'file-1', fileType: 'csv' },
      });
    });

    it('answers the consent at once while the connector is slow; the upload and the file card follow', async () => {
      // A Bot Connector that takes 10 s over every call: Teams gives up on an invoke after about 5 s and may send it again.
      const slowCalls: string[] = [];
      const slow = createServer((req, res) => {
        slowCalls.push(`${req.method} ${req.url}`);
        req.resume();
        const timer = setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id":"late"}');
        }, 10_000);
        res.on('close', () => clearTimeout(timer));
      });
      await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
      const slowUrl = `http://127.0.0.1:${(slow.address() as { port: number }).port}/`;
      try {
        const replies = await h.say('report', personal);
        const token = replies
          .flatMap((r: any) => r.attachments ?? [])
          .find((x: any) => x.contentType.endsWith('file.consent')).content.acceptContext.token as string;
        const started = Date.now();
        const answer = await h.post(
          activity(
            'invoke',
            { ...personal, serviceUrl: slowUrl, deliveryMode: 'normal' },
            {
              name: 'fileConsent/invoke',
              value: { type: 'fileUpload', action: 'accept', context: { token }, uploadInfo: uploadInfo() },
            },
          ),
        );
        const took = Date.now() - started;
        expect(answer.status).toBe(200);
        // Generous for a busy 2-core machine; the answer does not wait for the upload or the connector.
        expect(took).toBeLessThan(2_000);
        // The work goes on after the answer: the file is uploaded, and the file card is on its way to the slow connector.
        const deadline = Date.now() + 5_000;
        while ((received.length === 0 || slowCalls.length === 0) && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 20));
        expect(received).toHaveLength(1);
        expect(slowCalls).toEqual([
          expect.stringMatching(/^POST \/v3\/conversations\/conv-personal-report\/activities/),
        ]);
      } finally {
        slow.closeAllConnections();
        await new Promise<void>((resolve) => slow.close(() => resolve()));
      }
    }, 60_000);

    it('a decline uploads nothing and says the link still works', async () => {
      const replies = await h.say('report', personal);
      const offer = replies
        .flatMap((r: any) => r.attachments ?? [])
        .find((x: any) => x.contentType.endsWith('file.consent'));
      const answer = await consent({ type: 'fileUpload', action: 'decline', context: offer.content.declineContext });
      expect(answer.status).toBe(200);
      await connector.waitFor((calls) => calls.length > 0);
      expect(received).toEqual([]);
      expect(connector.calls[0].body.text).toContain('No file sent');
    });

    it("a forged token, another chat's token, or an upload URL that is not SharePoint Online (or loopback in local mode) uploads nothing", async () => {
      const replies = await h.say('report', personal);
      const token = replies
        .flatMap((r: any) => r.attachments ?? [])
        .find((x: any) => x.contentType.endsWith('file.consent')).content.acceptContext.token as string;
      const [channelCard] = cardsOf(await h.say('<at>Sync Guide</at> report', channel));
      const channelToken = downloadLink(channelCard).split('/reports/')[1].slice(0, -'.csv'.length);
      const cases = [
        { context: { token: `${token}x` }, uploadInfo: uploadInfo(), says: 'not one I made' },
        { context: { token: channelToken }, uploadInfo: uploadInfo(), says: 'not the current plan of this chat' },
        ...[
          'http://10.0.0.5/upload',
          'https://10.0.0.5/upload',
          'https://169.254.169.254/latest',
          'https://evil.example/upload',
          'https://contoso.sharepoint.com.evil.example/upload',
        ].map((uploadUrl) => ({
          context: { token },
          uploadInfo: { ...uploadInfo(), uploadUrl },
          says: 'not a OneDrive or SharePoint address I upload to, so I did not send the file',
        })),
        { context: 'nonsense', uploadInfo: 'nonsense', says: 'not one I made' },
      ];
      for (const { says, ...value } of cases) {
        connector.calls.length = 0;
        const answer = await consent({ type: 'fileUpload', action: 'accept', ...value });
        expect(answer.status).toBe(200);
        await connector.waitFor((calls) => calls.length > 0);
        expect(connector.calls[0].body.text).toContain(says);
      }
      expect(received).toEqual([]);
    });
  });
});
