/**
 * One end-to-end session for a test file: the real bot on a temporary SQLite file, the Microsoft 365 Agents
 * Playground in front of it and headless Chromium on the Playground, started before the file's tests and stopped
 * after them. Nothing leaves loopback.
 *
 * SCREENSHOTS_DIR saves the README pictures the tests ask for; when a step fails, the page is saved under
 * test-artifacts/ for debugging.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { startPlayground } from '../../scripts/lib/playground';
import { freePort } from '../../scripts/lib/processes';
import { launchChromium } from './browser';
import { ARTIFACTS, PlaygroundPage, UI_WAIT_MS } from './playgroundPage';
import { holdRepliesUntilPostsAnswered } from './playgroundReplyOrder';
import type { TypedAnswers } from './typedAnswers';

/** The "single forest, password hash sync, 20,000 users" admin: which button they press for each question. */
export const CLOUD_SYNC_ANSWERS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/syncs your Active Directory/i, /Nothing yet/],
  [/forests/i, /One forest/],
  [/sign in/i, /Password hash sync/],
  [/devices/i, /No device needs/],
  [/largest AD domain/i, /Under 100,000/],
  [/in total/i, /Under 100,000/],
  [/50,000 members/i, /^\s*(\d+\.\s*)?No\b/],
  [/customizations/i, /None of these/],
  [/also need/i, /None of these/],
  [/Enterprise Admin/i, /^\s*(\d+\.\s*)?Yes\b/],
];

/**
 * The same admin typing what they know in one sentence, as people who know their tenant do: it answers every question
 * but the two pick-all-that-apply lists, which are only answered on their own cards.
 */
export const CLOUD_SYNC_IN_A_SENTENCE: TypedAnswers = [
  [
    /syncs your Active Directory/i,
    "nothing yet, it's a new tenant: one forest, password hash sync, no device needs, about 20,000 users and no group anywhere near 50k members",
  ],
  [/customizations/i, 'none'],
  [/also need/i, 'none'],
];

export interface PlaygroundSession {
  /** The Playground page; available once the file's beforeAll has run. */
  readonly ui: PlaygroundPage;
  /** The running bot (replaced by restartBot). */
  readonly app: App;
  /** The bot's clock: real time until a test moves it with setNow. */
  setNow(at: Date): void;
  /** Stops the bot and starts a new process-equivalent on the same SQLite file and port, as a restart would. */
  restartBot(): Promise<void>;
  /** Runs a step and keeps a screenshot of the page if it fails. */
  step<T>(name: string, run: () => Promise<T>): Promise<T>;
}

/**
 * Registers the beforeAll/afterAll that start and stop the session; call it inside a describe. `env` adds settings
 * (read when the bot starts, so it may name servers a hook registered before this one started).
 */
export function usePlaygroundSession(
  tempDirPrefix: string,
  env: () => Record<string, string> = () => ({}),
): PlaygroundSession {
  let app: App | undefined;
  let dataDir: string | undefined;
  let playground: Awaited<ReturnType<typeof startPlayground>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let ui: PlaygroundPage | undefined;

  let now: Date | undefined;
  let port = 0;
  const clock = () => now ?? new Date();
  const startBot = async () => {
    app = createApp(
      loadConfig({
        STORAGE: 'sqlite',
        SQLITE_PATH: join(dataDir!, 'e2e.sqlite'),
        PORT: String(port),
        REMINDER_CHECK_SECONDS: '0',
        ...env(),
      }),
      silentLogger,
      { clock },
    );
    ({ port } = await app.listen());
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), tempDirPrefix));
    await startBot();
    // The Playground and Chromium start side by side: the browser needs the Playground only once it opens the page,
    // and each start is mostly waiting on its own process. Whichever started is stopped by afterAll, also when the
    // other failed.
    const [startedPlayground, startedBrowser] = await Promise.allSettled([
      freePort().then((playgroundPort) =>
        startPlayground({
          botEndpoint: `http://127.0.0.1:${port}/api/messages`,
          port: playgroundPort,
          logFile: join(dataDir!, 'playground.log'),
        }),
      ),
      launchChromium(),
    ]);
    if (startedPlayground.status === 'fulfilled') playground = startedPlayground.value;
    if (startedBrowser.status === 'fulfilled') browser = startedBrowser.value;
    if (startedPlayground.status === 'rejected') throw startedPlayground.reason;
    if (startedBrowser.status === 'rejected') throw startedBrowser.reason;
    const { url } = startedPlayground.value;
    const { context } = startedBrowser.value;
    // Clicks and waits without a timeout of their own get the same patience as the page helpers' waits.
    context.setDefaultTimeout(UI_WAIT_MS);
    await holdRepliesUntilPostsAnswered(context);
    ui = new PlaygroundPage(await context.newPage(), process.env.SCREENSHOTS_DIR);
    await ui.open(url);
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const session: PlaygroundSession = {
    get ui(): PlaygroundPage {
      if (!ui) throw new Error('The Playground session has not started: use it inside a test or a later hook.');
      return ui;
    },
    get app(): App {
      if (!app) throw new Error('The Playground session has not started: use it inside a test or a later hook.');
      return app;
    },
    setNow(at) {
      now = at;
    },
    async restartBot() {
      await app?.close();
      await startBot();
    },
    async step(name, run) {
      try {
        return await run();
      } catch (error) {
        if (ui) await new PlaygroundPage(ui.page, ARTIFACTS).screenshot(`failed-${name}`).catch(() => undefined);
        throw error;
      }
    },
  };
  return session;
}

/**
 * Answers the questionnaire with CLOUD_SYNC_ANSWERS by clicking, question after question, until the
 * recommendation arrives; returns the recommendation card. Finds the newest question by its text rather than
 * as the last card, because in a channel other posts can come after it.
 */
export async function answerQuestionnaire(ui: PlaygroundPage, maxQuestions: number): Promise<Locator> {
  return answerEach(ui, maxQuestions, async (question, text) => {
    const answer = CLOUD_SYNC_ANSWERS.find(([prompt]) => prompt.test(promptOf(text)));
    if (!answer) throw new Error(`No scripted answer for this question:\n${text}`);
    await question.getByRole('button', { name: answer[1] }).first().click();
  });
}

/**
 * Answers the questionnaire by clicking (CLOUD_SYNC_ANSWERS), accepts the Cloud Sync recommendation and waits until the
 * bot says it is posting the plan's cards.
 */
export async function answerAndAccept(ui: PlaygroundPage): Promise<void> {
  await acceptCloudSync(await answerQuestionnaire(ui, 12));
}

/** Accepts a Cloud Sync recommendation and waits until the bot says it is posting the plan's cards. */
export async function acceptCloudSync(recommendation: Locator): Promise<void> {
  await recommendation.getByRole('button', { name: 'Accept Cloud Sync' }).click();
  await waitForInnerText(recommendation, /Plan created — posting 5 cards/);
}

/**
 * Answers each question by typing the first matching reply of `answers`, as people also do: into the compose box, or
 * with `send` somewhere else (a channel thread's reply box).
 */
export async function answerByTyping(
  ui: PlaygroundPage,
  answers: TypedAnswers,
  maxQuestions: number,
  send: (text: string) => Promise<void> = (text) => ui.sendWithoutWaiting(text),
): Promise<Locator> {
  return answerEach(ui, maxQuestions, async (_question, text) => {
    const answer = answers.find(([prompt]) => prompt.test(promptOf(text)));
    if (!answer) throw new Error(`No scripted answer for this question:\n${text}`);
    await send(answer[1]);
  });
}

function promptOf(questionText: string): string {
  return questionText.split('\n').filter(Boolean).slice(0, 4).join(' ');
}

async function answerEach(
  ui: PlaygroundPage,
  maxQuestions: number,
  answer: (question: Locator, text: string) => Promise<void>,
): Promise<Locator> {
  for (let asked = 0; ; asked++) {
    expect(asked).toBeLessThan(maxQuestions);
    const question = ui
      .cards()
      .filter({ hasText: /Question \d+\b|Recommendation/ })
      .last();
    await question.waitFor({ state: 'visible' });
    const text = await question.innerText();
    if (!/Question \d+\b/.test(text)) break;
    const before = await ui.cards().count();
    await answer(question, text);
    await ui.waitForCardCount(before + 1);
  }
  return ui.waitForText(/Recommendation/);
}

/** Polls a card (or post) until its text matches: cards are updated in place, so a locator alone does not wait. */
export async function waitForInnerText(
  target: Locator,
  expected: RegExp | ((text: string) => boolean),
  timeout = UI_WAIT_MS,
): Promise<void> {
  const deadline = Date.now() + timeout;
  const matches = (text: string) => (typeof expected === 'function' ? expected(text) : expected.test(text));
  let text = '';
  while (Date.now() < deadline) {
    text = await target.innerText().catch(() => '');
    if (matches(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Expected ${String(expected)} within ${timeout} ms; the element says:\n${text}`);
}
