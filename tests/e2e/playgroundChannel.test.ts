/**
 * End to end in the Agents Playground's team, driven by headless Chromium. First, a bot reply that reaches the page
 * before the answer to its own post still shows under that post. Then "@Sync Guide start" in General, its questions
 * answered by replying in their thread (a sentence, then the two lists it leaves open), leads to a plan posted as its
 * own thread (summary as the root post, tasks as replies); "Mark done" there updates the card and
 * the summary and adds one milestone note. Ana then assigns a task to another mock user through the mention picker and
 * sets a past due date after confirming, turns on daily reminders and — with the bot's clock moved to the next
 * morning — the channel gets exactly one digest naming the overdue task and its owner; "report" returns the report
 * with its CSV link; "my tasks" in personal chat lists Ana's own task. Last, a plan made in personal chat (the same
 * answers typed there) and shared to
 * the team's "Identity rollout" channel stays one plan: a click on a task card in the channel shows in the personal
 * chat's copy. Nothing leaves loopback.
 */
import { UI_WAIT_MS, type PlaygroundPage } from '../helpers/playgroundPage';
import {
  CLOUD_SYNC_IN_A_SENTENCE,
  acceptCloudSync,
  answerByTyping,
  usePlaygroundSession,
  waitForInnerText,
} from '../helpers/playgroundSession';
import { repliesHeldSoFar } from '../helpers/playgroundReplyOrder';

jest.setTimeout(180_000);

describe('Agents Playground team channel in headless Chromium', () => {
  const session = usePlaygroundSession('sync-guide-e2e-channel-');
  const { step } = session;
  let ui: PlaygroundPage;
  beforeAll(() => {
    ui = session.ui;
  });

  it('a reply that reaches the page before the answer to its own post still shows under that post', () =>
    step('reply-before-post', async () => {
      // The race made certain: the answer to each new post is let through to the page only once the page has received
      // the bot's reply to that post over the WebSocket. Chromium's DevTools protocol reports the frames of the socket
      // the page already has open, so no reload is needed to watch it. First in the file, on a page with no plan.
      const repliedTo = new Set<string>();
      const waiting = new Map<string, () => void>();
      const devtools = await ui.page.context().newCDPSession(ui.page);
      devtools.on('Network.webSocketFrameReceived', ({ response }) => {
        let frame: { actionConversationId?: string; message?: unknown };
        try {
          frame = JSON.parse(response.payloadData) as typeof frame;
        } catch {
          return; // not a message of the Playground's protocol: nothing waits for it
        }
        const { actionConversationId, message } = frame;
        if (!actionConversationId || message === undefined) return;
        repliedTo.add(actionConversationId);
        waiting.get(actionConversationId)?.();
      });
      await devtools.send('Network.enable');
      const replyReached = async (postConversationId: string) => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => {
            waiting.set(postConversationId, resolve);
            if (repliedTo.has(postConversationId)) resolve();
          }),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, UI_WAIT_MS))),
        ]);
        clearTimeout(timer);
      };
      await ui.page.route(
        (url) => url.pathname.startsWith('/_conversation/v1/conversations/') && url.pathname.endsWith('/messages'),
        async (route) => {
          if (route.request().method() !== 'POST') return route.fallback();
          const response = await route.fetch();
          const { postConversationId } = (await response.json()) as { postConversationId?: string };
          if (postConversationId) {
            await replyReached(postConversationId);
            // A moment in the page itself, so that the reply which reached it is dispatched there before the answer.
            // Only widens the race this test provokes; the hold under test adds no wait of its own.
            await ui.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
          }
          await route.fulfill({ response });
        },
      );
      try {
        await ui.openConversation('General');
        await ui.postMentioningBot('help');
        const post = ui.post('What I can do');
        await post.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
        expect(await post.innerText()).toMatch(/help[\s\S]*What I can do/);
        // The reply was held back in the page until the post existed, not merely lucky.
        expect(await repliesHeldSoFar(ui.page)).toBeGreaterThan(0);
      } finally {
        await ui.page.unrouteAll({ behavior: 'ignoreErrors' });
        await devtools.detach().catch(() => undefined);
      }
    }));

  it('"@Sync Guide start" in General: the plan arrives as its own thread; Mark done updates the card and the summary, with one note', () =>
    step('channel-plan', async () => {
      await ui.openConversation('General');
      await ui.postMentioningBot('start');
      // The questions are asked in the thread "start" began, so the answers are replies there.
      const questions = ui.post(/Question 1 of/);
      await acceptCloudSync(
        await answerByTyping(ui, CLOUD_SYNC_IN_A_SENTENCE, 4, (text) => ui.replyMentioningBot(questions, text)),
      );

      const thread = ui.post(/DEPLOYMENT PLAN/);
      await thread.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      await waitForInnerText(thread, /Verify users are syncing/);
      const text = await thread.innerText();
      // The plan's thread holds the summary and the tasks, and none of the questions asked in the other thread.
      expect(text).toMatch(
        /Review Cloud Sync prerequisites[\s\S]*Install the provisioning agent[\s\S]*Configure Cloud Sync[\s\S]*Verify users are syncing/,
      );
      expect(text).not.toMatch(/Question \d+ of/);
      expect(await ui.post(/Question 1 of/).innerText()).not.toMatch(/DEPLOYMENT PLAN/);
      // The whole channel view, scrolled to the thread's root: an element shot of a thread taller than the window comes out cut.
      await thread.locator('.ac-adaptiveCard').first().scrollIntoViewIfNeeded();
      await ui.screenshot('channel-thread');

      const summary = thread.locator('.ac-adaptiveCard').filter({ hasText: /DEPLOYMENT PLAN/ });
      const prerequisites = thread
        .locator('.ac-adaptiveCard')
        .filter({ hasText: /Review Cloud Sync prerequisites/ })
        .last();
      await prerequisites.getByRole('button', { name: 'Mark done', exact: true }).click();
      await waitForInnerText(prerequisites, /Marked done by Ana Admin/);
      await waitForInnerText(summary, /2 of 5/);
      await waitForInnerText(thread, /Ana Admin marked 2\. Review Cloud Sync prerequisites as done/);
    }));

  it('in General, Ana assigns a task to Ben by @mention and sets a due date in the past after confirming', () =>
    step('owner-and-due', async () => {
      await ui.openConversation('General');
      await ui.postWithMentions([' assign 3 to ', { mention: 'Ben Network' }]);
      const assigned = await ui.waitForText(/Assigned to Ben Network/);
      expect(await assigned.innerText()).toMatch(/Owner: Ben Network/);

      await ui.postMentioningBot('due 3 2020-01-15');
      const confirm = await ui.waitForText(/Set a past due date on task 3/);
      expect(await confirm.innerText()).toMatch(/15 Jan 2020 is in the past/);
      await confirm.getByRole('button', { name: 'Yes, due 15 Jan 2020' }).click();
      // The question is replaced in place by the task card, now overdue.
      const set = await ui.waitForText(/Due date set to 15 Jan 2020, a past date, as confirmed/);
      expect(await set.innerText()).toMatch(/Owner: Ben Network[\s\S]*Overdue since 15 Jan 2020/);

      // The plan's own thread shows the same: the task card and the summary were updated in place.
      const thread = ui.post(/DEPLOYMENT PLAN/);
      const task = thread
        .locator('.ac-adaptiveCard')
        .filter({ hasText: /Install the provisioning agent/ })
        .last();
      await waitForInnerText(task, /Owner: Ben Network[\s\S]*Overdue since 15 Jan 2020/);
      await waitForInnerText(
        thread.locator('.ac-adaptiveCard').filter({ hasText: /DEPLOYMENT PLAN/ }),
        /1 task is overdue/,
      );
      await task.scrollIntoViewIfNeeded();
      await ui.screenshot('channel-owner-due');
    }));

  it('in General, daily reminders post exactly one digest per day naming the overdue task and its owner; my tasks and report work', () =>
    step('reminders-report', async () => {
      await ui.openConversation('General');
      await ui.postWithMentions([' assign 4 to me']);
      await ui.waitForText(/Assigned to Ana Admin/);
      await ui.postMentioningBot('remind daily');
      const confirm = await ui.waitForText(/Turn on daily reminders\?/);
      await confirm.getByRole('button', { name: 'Turn on daily reminders' }).click();
      // The confirmation is replaced in place by the outcome.
      await ui.waitForText(/Daily reminders turned on/);

      // The next morning, after the digest hour (09:00 UTC): one check posts the digest, a second one the same day nothing.
      const tomorrow = new Date();
      tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
      tomorrow.setUTCHours(9, 30, 0, 0);
      session.setNow(tomorrow);
      const digests = () =>
        ui.page
          .locator('body')
          .getByText(/Daily digest/)
          .count();
      const before = await digests();
      await session.app.reminders.runOnce();
      await session.app.planFeature.idle();
      const digest = ui
        .cards()
        .filter({ hasText: /Daily digest/ })
        .last();
      await digest.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      expect(await digest.innerText()).toMatch(/Install the provisioning agent[\s\S]*Ben Network/);
      const afterFirst = await digests();
      expect(afterFirst).toBeGreaterThan(before);
      await session.app.reminders.runOnce();
      await session.app.planFeature.idle();
      await ui.page.waitForTimeout(1_000); // give a wrongly sent second digest the time to show up
      expect(await digests()).toBe(afterFirst);

      await ui.postMentioningBot('report');
      const report = await ui.waitForText(/Download CSV/);
      expect(await report.innerText()).toMatch(/Install the provisioning agent[\s\S]*Ben Network/);
      // The button opens the bot's signed CSV link; catch the address the page opens and read what it downloads.
      await ui.page.evaluate(() => {
        (window as unknown as { opened?: string }).opened = undefined;
        window.open = (url?: string | URL) => {
          (window as unknown as { opened?: string }).opened = String(url);
          return null;
        };
      });
      await report.getByText('Download CSV', { exact: true }).click();
      const link = await ui.page.waitForFunction(() => (window as unknown as { opened?: string }).opened, undefined, {
        timeout: UI_WAIT_MS,
      });
      const csv = await (await fetch(String(await link.jsonValue()))).text();
      expect(csv.split('\r\n')[0]).toMatch(/Number,Track,Task,Status,Owner,Due/);
      expect(csv).toMatch(/Install the provisioning agent,.*Ben Network,2020-01-15/);

      await ui.openConversation('Personal Chat');
      await ui.send('my tasks');
      const mine = ui.lastCard();
      expect(await mine.innerText()).toMatch(/Configure Cloud Sync/);
    }));

  it('a personal plan shared to "Identity rollout" is one plan: a click in the channel updates the personal copy', () =>
    step('share', async () => {
      // "share" offers the channels of teams the app is installed in: the team's install arrives once someone uses
      // the bot in one of its channels.
      await ui.openConversation('General');
      await ui.postMentioningBot('help');
      await ui.waitForText('What I can do');

      await ui.openConversation('Personal Chat');
      await ui.send('start');
      await acceptCloudSync(await answerByTyping(ui, CLOUD_SYNC_IN_A_SENTENCE, 4));
      await ui.waitForText(/Verify users are syncing/);

      await ui.send('share');
      const picker = await ui.waitForText(/Share your plan to a channel/);
      // One row per channel of the Playground's team, in the team's order; each row has its own button.
      expect(await picker.innerText()).toMatch(
        /Identity Team\s+General\s+Share here\s+Identity Team\s+Identity rollout\s+Share here/,
      );
      await picker.getByRole('button', { name: 'Share here' }).nth(1).click();
      await waitForInnerText(
        ui
          .cards()
          .filter({ hasText: /Plan shared|already has a deployment plan|cannot share/ })
          .last(),
        /Plan shared/,
      );

      await ui.openConversation('Identity rollout');
      const thread = ui.post(/DEPLOYMENT PLAN/);
      await thread.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      await waitForInnerText(thread, /Verify users are syncing/);
      const agent = thread
        .locator('.ac-adaptiveCard')
        .filter({ hasText: /Review Cloud Sync prerequisites/ })
        .last();
      await agent.getByRole('button', { name: 'Mark done', exact: true }).click();
      await waitForInnerText(agent, /Marked done by Ana Admin/);

      await ui.openConversation('Personal Chat');
      const personalCopy = ui
        .cards()
        .filter({ hasText: /Review Cloud Sync prerequisites/ })
        .filter({ hasText: /Marked done by Ana Admin/ });
      await personalCopy.first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    }));
});
