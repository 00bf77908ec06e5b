/**
 * A click on a card of a plan this conversation no longer has: one card, its sentence written once in src/, with
 * "nothing changed" only where the button would have changed something.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyAction, createPlan } from '../../src/domain/plan';
import { noPlanCard, notThisPlanCard, refusalNotice } from '../../src/cards/planNotices';
import { escapeMarkdown } from '../../src/cards/render';
import { taskCard } from '../../src/cards/taskCard';
import { cardText, expectValidCard } from '../helpers/cardAssertions';
import { act, AT, EVIL_NAMES } from '../helpers/planCardFixtures';
import { SRC, sourceFiles } from '../helpers/sourceFiles';

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
    const writers = sourceFiles(SRC)
      .filter((file) => readFileSync(file, 'utf8').includes('This card belongs to a plan that is not the current plan'))
      .map((file) => path.relative(SRC, file).split(path.sep).join('/'));
    expect(writers).toEqual(['cards/planNotices.ts']);
  });
});

describe('noPlanCard', () => {
  it('renders a valid card', () => {
    expectValidCard(noPlanCard());
  });
});

describe('refusal notices', () => {
  const evil = EVIL_NAMES;

  it.each(evil)('a refusal names %s literally: "skipped by …, reopen it first"', (name) => {
    const actor = { id: 'x', name };
    const plan = act(
      createPlan({ id: 'p', selection: { tool: 'cloudSync' }, createdBy: actor, at: AT }),
      'cloudSync.prerequisites',
      'skip',
      actor,
    );
    const refused = applyAction(plan, {
      taskId: 'cloudSync.prerequisites',
      action: 'done',
      actor: { id: 'y', name: 'Someone Else' },
      at: AT,
    });
    if (refused.kind !== 'rejected') throw new Error(`expected a refusal, got ${refused.kind}`);
    const notice = refusalNotice(refused.refusal);
    expect(notice).toEqual({
      text: `"Review Cloud Sync prerequisites" was skipped by ${escapeMarkdown(name)}. Reopen it first to work on it.`,
      tone: 'warning',
    });
    const card = taskCard(plan, 'cloudSync.prerequisites', notice);
    expectValidCard(card);
    expect(JSON.stringify(card)).not.toContain('**Boss**');
    expect(JSON.stringify(card)).not.toContain('<script>');
  });
});
