/**
 * Tenant checks end to end, as a person would use them: the real bot, the Agents Playground, headless Chromium and
 * the loopback fake Microsoft Graph (a simulated tenant, through the same managed identity credential code as
 * Azure). In the team's General channel, the questions answered by replying in their thread (a sentence, then the two
 * lists it leaves open) and the plan accepted, "Check now" on the new plan's verify task checks the tenant, and `check`
 * shows the status card; "Mark done with this evidence"
 * on "Verify users are syncing" records the evidence in the history and the report's CSV; with the watch on,
 * switching the fake tenant's job to quarantine posts exactly one warning into the plan's thread, and the recovery
 * one note.
 */
import type { PlaygroundPage } from '../helpers/playgroundPage';
import {
  CLOUD_SYNC_IN_A_SENTENCE,
  answerByTyping,
  usePlaygroundSession,
  waitForInnerText,
} from '../helpers/playgroundSession';
import { FAKE_IDENTITY_HEADER, PRESETS, startFakeGraph, type FakeGraph } from '../../scripts/lib/fakeGraph';

jest.setTimeout(240_000);

/** The tenant of .m365agentsplayground.yml. */
const PLAYGROUND_TENANT = '00000000-0000-4000-8000-00000000c0de';

describe('tenant checks in the Agents Playground', () => {
  let graph: FakeGraph | undefined;
  const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };
  // Registered before the session's own hook, so the fake Graph is up when the bot starts.
  beforeAll(async () => {
    graph = await startFakeGraph({ tenant: PRESETS.healthyCloudSync() });
    process.env.IDENTITY_ENDPOINT = graph.identityEndpoint;
    process.env.IDENTITY_HEADER = FAKE_IDENTITY_HEADER;
  });
  const session = usePlaygroundSession('sync-guide-e2e-tenant-', () => ({
    GRAPH_CHECKS: 'on',
    GRAPH_SIMULATED_TENANT_ID: PLAYGROUND_TENANT,
    GRAPH_BASE_URL: graph!.baseUrl,
    IDENTITY_ENDPOINT: graph!.identityEndpoint,
    GRAPH_WATCH_SECONDS: '0',
  }));
  afterAll(async () => {
    await graph?.close();
    if (saved.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
    else process.env.IDENTITY_ENDPOINT = saved.endpoint;
    if (saved.header === undefined) delete process.env.IDENTITY_HEADER;
    else process.env.IDENTITY_HEADER = saved.header;
  });
  const { step } = session;
  let ui: PlaygroundPage;
  beforeAll(() => {
    ui = session.ui;
  });
  let minutes = 0;
  /** Moves the bot's clock past the one-Graph-round-a-minute cache. */
  const nextMinute = () => session.setNow(new Date(Date.now() + ++minutes * 61_000));

  it('check on a Cloud Sync plan shows the status card; Mark done with this evidence records it in history and the CSV', () =>
    step('tenant-check', async () => {
      await ui.openConversation('General');
      await ui.postMentioningBot('start');
      // The questions are asked in the thread "start" began, so the answers are replies there.
      const questions = ui.post(/Question 1 of/);
      const recommendation = await answerByTyping(ui, CLOUD_SYNC_IN_A_SENTENCE, 4, (text) =>
        ui.replyMentioningBot(questions, text),
      );
      await recommendation.getByRole('button', { name: 'Accept Cloud Sync' }).click();
      const thread = ui.post(/DEPLOYMENT PLAN/);
      await thread.waitFor({ state: 'visible', timeout: 15_000 });
      await waitForInnerText(thread, /Verify users are syncing/);

      // Before any check the verify task already offers "Check now": it answers at once, then the card shows the finding.
      const verify = thread
        .locator('.ac-adaptiveCard')
        .filter({ hasText: /Verify users are syncing/ })
        .last();
      await waitForInnerText(verify, /Not checked yet/);
      await verify.getByRole('button', { name: 'Check now' }).click();
      await waitForInnerText(verify, /Last tenant check .*sync looks healthy/);
      await ui.waitForText(/Sync status for this plan/);
      nextMinute();

      await ui.postMentioningBot('check');
      const status = await ui.waitForText(/Sync status for this plan/);
      expect(await status.innerText()).toMatch(
        /SIMULATED TENANT[\s\S]*Sync looks healthy[\s\S]*Directory sync\s+On[\s\S]*Users synced from on-premises\s+1,284[\s\S]*Cloud Sync: contoso\.example \(users and groups\)\s+Active/,
      );
      await ui.screenshot('tenant-check', status);

      // The verify card in the plan's thread was updated in place with the finding and the evidence button.
      await waitForInnerText(verify, /Last tenant check .*sync looks healthy/);
      await verify.getByRole('button', { name: 'Mark done with this evidence' }).click();
      await waitForInnerText(verify, /Marked done by Ana Admin[\s\S]*Evidence: tenant check of/);

      await ui.postMentioningBot('history');
      const history = await ui.waitForText(/changes, newest first/);
      expect(await history.innerText()).toMatch(
        /Verify users are syncing: To do → Done \(with tenant check evidence of .*: healthy\)/,
      );

      await ui.postMentioningBot('report');
      const report = await ui.waitForText(/Download CSV/);
      expect(await report.innerText()).toMatch(/with tenant check evidence of .* \(healthy\)/);
      await ui.page.evaluate(() => {
        (window as unknown as { opened?: string }).opened = undefined;
        window.open = (url?: string | URL) => {
          (window as unknown as { opened?: string }).opened = String(url);
          return null;
        };
      });
      await report.getByText('Download CSV', { exact: true }).click();
      const link = await ui.page.waitForFunction(() => (window as unknown as { opened?: string }).opened, undefined, {
        timeout: 10_000,
      });
      const csv = await (await fetch(String(await link.jsonValue()))).text();
      expect(csv.split('\r\n')[0]).toMatch(/,Evidence$/);
      expect(csv).toMatch(
        /Verify users are syncing,Done,.*Ana Admin,[^,]+,"Tenant check [^;]+: healthy; Directory sync: On/,
      );
    }));

  it('with the watch on, a quarantined job posts exactly one warning into the plan thread, and the recovery one note', () =>
    step('tenant-watch', async () => {
      await ui.openConversation('General');
      await ui.postMentioningBot('watch on');
      const confirm = await ui.waitForText(/Turn on the tenant watch\?/);
      await confirm.getByRole('button', { name: 'Turn the watch on' }).click();
      await ui.waitForText(/Tenant watch turned on/);

      const thread = ui.post(/DEPLOYMENT PLAN/);
      const warnings = () => thread.getByText('Sync needs attention', { exact: true }).count();
      const notes = () => thread.getByText('Sync is back to normal', { exact: true }).count();
      const watchOnce = async () => {
        nextMinute();
        await session.app.watch.runOnce();
        await session.app.planFeature.idle();
      };

      await watchOnce();
      graph!.setTenant(PRESETS.quarantinedCloudSync());
      await watchOnce();
      await thread
        .getByText('Sync needs attention', { exact: true })
        .first()
        .waitFor({ state: 'visible', timeout: 15_000 });
      const warning = thread.locator('.ac-adaptiveCard').filter({ hasText: /Sync needs attention/ });
      expect(await warning.innerText()).toMatch(/Quarantined \(EncounteredQuarantineException\)[\s\S]*Next step:/);
      await warning.scrollIntoViewIfNeeded();
      await ui.screenshot('tenant-watch-warning', warning);
      await watchOnce();
      await ui.page.waitForTimeout(1_000); // time for a wrongly repeated warning to show up
      expect(await warnings()).toBe(1);

      graph!.setTenant(PRESETS.healthyCloudSync());
      await watchOnce();
      await thread
        .getByText('Sync is back to normal', { exact: true })
        .first()
        .waitFor({ state: 'visible', timeout: 15_000 });
      await watchOnce();
      await ui.page.waitForTimeout(1_000);
      expect(await notes()).toBe(1);
      expect(await warnings()).toBe(1);
    }));
});
