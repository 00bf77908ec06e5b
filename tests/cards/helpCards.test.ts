/**
 * The welcome and help cards: built in cards/ from the one command table, the personal-only commands left out of
 * shared conversations, the closest commands first, and what someone typed escaped.
 */
import { didNotCatchCard, helpCard, welcomeCard } from '../../src/cards/helpCards';
import { COMMAND_HELP } from '../../src/domain/commands';
import { cardText, expectValidCard } from '../helpers/cardAssertions';

/** The usages in the order the card lists them: the titles of its FactSet. */
function listedUsages(card: object): string[] {
  const titles: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (record.type === 'FactSet' && Array.isArray(record.facts))
        for (const fact of record.facts as Array<{ title: string }>) titles.push(fact.title);
      else Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return titles;
}

describe('welcomeCard', () => {
  it('tells a personal chat to say start, and a channel to mention the bot', () => {
    const personal = welcomeCard('personal');
    const channel = welcomeCard('channel');
    expectValidCard(personal);
    expectValidCard(channel);
    expect(cardText(personal)).toContain('Say **start** to begin');
    expect(cardText(channel)).toContain('@Sync Guide start');
    expect(cardText(welcomeCard(undefined))).toContain('Say **start** to begin');
  });
});

describe('helpCard', () => {
  it('lists every command in personal chat, in table order', () => {
    const card = helpCard('personal');
    expectValidCard(card);
    expect(listedUsages(card)).toEqual(COMMAND_HELP.map((info) => info.usage));
  });

  it('leaves the personal-only commands out of a channel and says to mention the bot', () => {
    const card = helpCard('channel');
    expect(listedUsages(card)).toEqual(COMMAND_HELP.filter((info) => info.inChannels).map((info) => info.usage));
    expect(listedUsages(card)).not.toContain('my tasks');
    expect(cardText(card)).toContain('start each command with @Sync Guide');
  });

  it('puts the closest commands first, in the order given, and the rest in table order', () => {
    const usages = listedUsages(helpCard('personal', undefined, ['due', 'taskAction']));
    expect(usages.slice(0, 2)).toEqual(['due 3 2026-12-15 / due 3 clear', 'done 3 / skip 3 / reopen 3']);
    expect(usages.slice(2)).toEqual(
      COMMAND_HELP.filter((info) => info.name !== 'due' && info.name !== 'taskAction').map((info) => info.usage),
    );
  });
});

describe('didNotCatchCard', () => {
  it('quotes what was said, escaped and cut short, and says the closest come first', () => {
    const card = didNotCatchCard('personal', `**bold** [link](http://x) ${'a'.repeat(100)}`, ['status']);
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('I didn\'t catch "\\*\\*bold\\*\\*');
    expect(text).not.toContain('a'.repeat(61));
    expect(text).toContain('Here is what I can do, the closest first:');
    expect(listedUsages(card)[0]).toBe('status');
  });

  it('says it understands a few commands when nothing was typed', () => {
    expect(cardText(didNotCatchCard('personal', ''))).toContain('I only understand a few commands.');
  });
});
