/**
 * A click on a card of a plan this conversation no longer has: one card, its sentence written once in src/, with
 * "nothing changed" only where the button would have changed something.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { notThisPlanCard } from '../../src/cards/planCards';
import { cardText, expectValidCard } from '../helpers/cardAssertions';

describe('notThisPlanCard', () => {
  it('says the card is from another plan and points at "status"', () => {
    const card = notThisPlanCard();
    expectValidCard(card);
    expect(cardText(card)).toContain('Not this plan');
    expect(cardText(card)).toContain(
      'This card belongs to a plan that is not the current plan of this conversation. Say "status" for the current plan.',
    );
  });

  it('says nothing changed, and where to look next, when asked to', () => {
    const text = cardText(
      notThisPlanCard({ nothingChanged: true, next: 'Say "remind" to see the current plan\'s reminders.' }),
    );
    expect(text).toContain('not the current plan of this conversation, so nothing changed. Say "remind"');
  });

  it('is the only place in src/ that writes the sentence', () => {
    const SRC = path.resolve(__dirname, '../../src');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? files(path.join(dir, entry.name))
          : entry.name.endsWith('.ts')
            ? [path.join(dir, entry.name)]
            : [],
      );
    const writers = files(SRC)
      .filter((file) => readFileSync(file, 'utf8').includes('This card belongs to a plan that is not the current plan'))
      .map((file) => path.relative(SRC, file).split(path.sep).join('/'));
    expect(writers).toEqual(['cards/planCards.ts']);
  });
});
