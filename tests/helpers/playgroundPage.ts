import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * How long a wait for the page may take before it fails. Waits end as soon as the card or text is there; Chromium, the
 * Playground and the bot share a 2-core machine with other work, so a round trip that takes a second at rest can take
 * many times that.
 */
export const UI_WAIT_MS = 45_000;

/** Where pictures of failed steps are saved for debugging. */
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

/**
 * Drives the Agents Playground the way a person does: type in the compose box, press card buttons,
 * read what appears. Selectors are the Playground's accessible names and Adaptive Card classes.
 */
export class PlaygroundPage {
  constructor(
    readonly page: Page,
    private readonly screenshotDir?: string,
  ) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    try {
      await this.composeBox().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    } catch {
      // Once in a fresh clone, with three Playgrounds and browsers starting side by side, the first page never showed
      // its compose box within 90 s. What the page showed then is kept for the next time; a second load is the cure a
      // person would try, and it gets twice the usual wait.
      const shown = await this.page
        .locator('body')
        .innerText()
        .catch(() => '');
      await new PlaygroundPage(this.page, ARTIFACTS)
        .screenshot('first-load-without-compose-box')
        .catch(() => undefined);
      process.stderr.write(
        `The Playground's first page load showed no compose box; loading it again. It showed:\n${shown.slice(0, 2000)}\n`,
      );
      await this.page.goto(url);
      await this.composeBox().waitFor({ state: 'visible', timeout: 2 * UI_WAIT_MS });
    }
  }

  /**
   * Reloads the page, which then shows only what arrives after the load; the conversation and the bot's state stay.
   * The Playground renders every card of the view again on each update, so a view's cost grows with its cards: in one
   * view a fourth questionnaire took 17 s of renderer CPU against 6 s for the first. Scenarios that do not need the
   * earlier cards on screen start with a clear view. A view of one card at most (a fresh page shows the welcome card)
   * is left as it is: reloading costs more than rendering one card.
   */
  async clearView(): Promise<void> {
    if ((await this.cards().count()) <= 1) return;
    await this.page.reload();
    await this.composeBox().waitFor({ state: 'visible' });
  }

  composeBox(): Locator {
    // A Lexical contenteditable, not a textarea; the first one is the message composer.
    return this.page.locator('[data-lexical-editor="true"]').first();
  }

  /** Opens a chat or channel from the left rail by its name ("Personal Chat", "General", …). */
  async openConversation(name: string): Promise<void> {
    await this.page
      .getByRole('button', { name, exact: true })
      .or(this.page.getByLabel(name, { exact: true }))
      .first()
      .click();
    await this.composeBox().waitFor({ state: 'visible' });
  }

  /** Sends a message and waits for a new card in reply. */
  async send(text: string): Promise<void> {
    const before = await this.cards().count();
    await this.sendWithoutWaiting(text);
    await this.waitForCardCount(before + 1);
  }

  async sendWithoutWaiting(text: string): Promise<void> {
    await this.composeBox().click();
    await this.page.keyboard.type(text);
    await this.page.getByRole('button', { name: 'Send Message' }).click();
  }

  /**
   * Starts a new channel post that @mentions the bot: the Playground only forwards channel messages that
   * mention it, and a mention is made by picking the bot from the suggestions "@" opens.
   */
  async postMentioningBot(text: string, botName = 'Sync Guide'): Promise<void> {
    const before = await this.cards().count();
    await this.composeBox().click();
    await this.mention(botName);
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    await this.waitForCardCount(before + 1);
  }

  /**
   * Replies in a channel post's thread (see `post`), @mentioning the bot, without waiting for an answer. The thread is a
   * conversation of its own: a question the bot asked in it is answered there, not in a new post.
   */
  async replyMentioningBot(post: Locator, text: string, botName = 'Sync Guide'): Promise<void> {
    await post.locator('[data-lexical-editor="true"]').click();
    await this.mention(botName);
    await this.page.keyboard.type(` ${text}`);
    await post.getByRole('button', { name: 'Send Message' }).click();
  }

  /**
   * A new channel post that @mentions the bot and then, inside the text, other people: each `{ mention }` part
   * is typed as "@First" and picked from the suggestions, so the Playground sends real mention entities.
   */
  async postWithMentions(parts: ReadonlyArray<string | { mention: string }>, botName = 'Sync Guide'): Promise<void> {
    const before = await this.cards().count();
    await this.composeBox().click();
    for (const part of [{ mention: botName }, ...parts]) {
      if (typeof part === 'string') {
        await this.page.keyboard.type(part);
      } else {
        await this.mention(part.mention);
      }
    }
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    await this.waitForCardCount(before + 1);
  }

  /** Types "@First" and picks the person from the suggestions, so the Playground sends a real mention entity. */
  private async mention(name: string): Promise<void> {
    await this.page.keyboard.type(`@${name.split(' ')[0]}`);
    await this.page.getByRole('menuitem', { name }).click();
  }

  /** The channel post (root and its replies) that holds a card with this text. */
  post(text: string | RegExp): Locator {
    return this.page
      .locator('[role="group"]')
      .filter({ has: this.cards().filter({ hasText: text }) })
      .last();
  }

  /** Every Adaptive Card currently shown in the conversation, oldest first. */
  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  lastCard(): Locator {
    return this.cards().last();
  }

  async waitForCardCount(atLeast: number, timeout = UI_WAIT_MS): Promise<void> {
    await this.page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length >= n, atLeast, {
      timeout,
    });
  }

  /** Presses a button on the newest card that has one with this title. */
  async press(
    title: string,
    card: Locator = this.cards()
      .filter({ has: this.page.getByRole('button', { name: title, exact: true }) })
      .last(),
  ): Promise<void> {
    await card.getByRole('button', { name: title, exact: true }).click();
  }

  async waitForText(text: string | RegExp, timeout = UI_WAIT_MS): Promise<Locator> {
    const locator = this.cards().filter({ hasText: text }).last();
    await locator.waitFor({ state: 'visible', timeout });
    return locator;
  }

  /** Saves a screenshot when a directory was given (docs pictures, or a failure to debug). */
  async screenshot(name: string, target: Locator | Page = this.page): Promise<string | undefined> {
    if (!this.screenshotDir) return undefined;
    mkdirSync(this.screenshotDir, { recursive: true });
    const path = join(this.screenshotDir, `${name}.png`);
    await target.screenshot({ path });
    return path;
  }
}
