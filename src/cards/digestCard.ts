/**
 * The reminder digest as a Teams message: a compact card plus a line of text that @mentions the owners.
 *
 * The mentions sit in the message text with `mention` entities, not inside the card: text mentions are
 * the documented way for a bot to notify someone (Teams docs: "Channel and group chat conversations with a bot", mentions), they work in channels, group
 * chats and personal chats alike, and the Agents Playground shows them as text (it renders no user
 * mentions at all, in cards or otherwise). The card repeats the owners by name, so nothing depends on
 * the mention rendering.
 */
import type { Mention } from 'botbuilder';
import { digestHeadline, formatUtcDateTime, type Digest, type DigestTask } from '../domain/digest';
import type { Actor } from '../domain/plan';
import { toolTitle } from '../domain/toolNames';
import type { Plan } from '../domain/plan';
import { nameOf } from './planText';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';

export interface DigestMessage {
  /** Teams text with `<at>Name</at>` for every owner in `entities`. */
  readonly text: string;
  readonly entities: Mention[];
  readonly card: AdaptiveCardJson;
}

export function digestMessage(plan: Plan, digest: Digest, sentAt: Date): DigestMessage {
  const mentions = digest.ownersToMention.map(mentionOf);
  const overdue = digest.overdue.length;
  const summary =
    overdue > 0
      ? `${overdue} task${overdue === 1 ? ' is' : 's are'} overdue in the deployment plan.`
      : `${digest.openCount} task${digest.openCount === 1 ? ' is' : 's are'} still open in the deployment plan.`;
  const text =
    mentions.length > 0 ? `Reminder for ${mentions.map((m) => m.text).join(', ')}: ${summary}` : `Reminder: ${summary}`;
  const card = renderCard('digest', {
    label: digest.cadence === 'daily' ? 'DAILY DIGEST' : 'WEEKLY DIGEST',
    headline: digestHeadline(digest),
    toolTitle: toolTitle(plan),
    overdue: digest.overdue.map((task) => ({
      number: task.number,
      title: escapeMarkdown(task.title),
      owner: ownerText(task.owner),
      dueText: task.dueText,
    })),
    hasNext: digest.next !== undefined,
    next: digest.next ? nextView(digest.next) : { number: 0, title: '', owner: '', dueSuffix: '' },
    footer: `Sent ${formatUtcDateTime(sentAt.toISOString())}. Reminders are ${digest.cadence}; say "remind off" to stop them, or "status" for the whole plan.`,
  });
  return { text, entities: mentions, card };
}

/**
 * Teams matches a mention entity to the text by its exact `<at>…</at>` string, so the name inside must be
 * the same in both and cannot contain markup of its own.
 */
export function mentionOf(actor: Actor): Mention {
  const name = actor.name.replace(/[<>&]/g, '').trim().slice(0, 80) || 'owner';
  return { type: 'mention', text: `<at>${name}</at>`, mentioned: { id: actor.id, name } };
}

function ownerText(owner: Actor | undefined): string {
  return owner ? nameOf(owner) : 'no owner';
}

function nextView(task: DigestTask) {
  return {
    number: task.number,
    title: escapeMarkdown(task.title),
    owner: ownerText(task.owner),
    dueSuffix: task.dueText ? ` · ${task.dueText}` : '',
  };
}
