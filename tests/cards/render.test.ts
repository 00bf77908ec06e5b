import * as ACData from 'adaptivecards-templating';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseBindings, CARDS_DIR, renderCard } from '../../src/cards/render';
import { taskCard } from '../../src/cards/taskCard';
import { createPlan } from '../../src/domain/plan';
import { fuzzParameters } from '../helpers/hostileText';

const template = (bindings: string[]) =>
  JSON.stringify({ type: 'AdaptiveCard', body: bindings.map((b) => ({ type: 'TextBlock', text: b })) });

describe('analyseBindings: which data keys become part of a template shape', () => {
  it.each([
    ['a plain binding', ['${title}'], [], true],
    ['a nested path', ['${$root.plan.title}'], [], true],
    ['a truthiness test', ['${!multi}', '${hasNext}'], [], true],
    ['a test for the empty string', ["${dueText != ''}", "${footer == ''}"], [], true],
    ['a choice between literals by truthiness', ["${if(isNext, 'Bolder', 'Default')}"], [], true],
    ['a comparison with a literal', ["${editor == 'owner'}"], ['editor'], true],
    ['a comparison inside if()', ["${if(dueColor == 'Attention', 'Bolder', 'Default')}"], ['dueColor'], true],
    ['a transforming function', ['${string(number)}'], ['number'], true],
    ['a list length', ['${count(items) > 0}', '${count(changes)}'], ['items', 'changes'], true],
    ['interpolated text', ['${kind}: ${purpose}'], [], true],
    ['a comparison on the current item', ["${$data == 'x'}"], [], false],
    ['a comparison on the index', ['${$index > 0}'], [], false],
  ])('%s', (_, bindings, keep, shapeSafe) => {
    const result = analyseBindings(template(bindings));
    expect([...result.keep].sort()).toEqual([...keep].sort());
    expect(result.shapeSafe).toBe(shapeSafe);
  });

  it('every template in cards/ can be served from the shape cache', () => {
    for (const name of [
      'task',
      'summary',
      'tasks',
      'history',
      'digest',
      'myTasks',
      'question',
      'recommendation',
      'confirm',
      'report',
    ]) {
      expect({ name, safe: analyseBindings(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8')).shapeSafe }).toEqual({
        name,
        safe: true,
      });
    }
  });
});

describe('renderCard', () => {
  const direct = (name: string, data: object) =>
    new ACData.Template(JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8'))).expand({ $root: data });

  it('gives each render of one shape its own values, as a direct expansion would', () => {
    const plan = createPlan({
      id: 'plan-r',
      selection: { tool: 'cloudSync' },
      createdBy: { id: 'aad-1', name: 'Ana' },
      at: '2026-11-26T10:00:00.000Z',
    });
    const first = taskCard(plan, 'cloudSync.prerequisites');
    const second = taskCard({ ...plan, id: 'plan-s', revision: 7 }, 'cloudSync.prerequisites');
    expect(JSON.stringify(first)).toContain('"planId":"plan-r"');
    expect(JSON.stringify(second)).toContain('"planId":"plan-s"');
    expect(JSON.stringify(second)).toContain('"revision":7');
    expect(JSON.stringify(second)).not.toContain('plan-r');
  });

  it('keeps numbers numbers and user text literal, even text that looks like a placeholder or a binding', () => {
    const sneaky = 'A \uE0000\uE001 and ${title} and \uE000 "quoted" back\\slash \uE0021\uE003';
    const data = { message: sneaky, title: 'T', planId: 'p', revision: 3 };
    const card = renderCard('error', data);
    expect(card).toEqual(direct('error', data));
    expect(JSON.stringify(card)).toContain(JSON.stringify(sneaky).slice(1, -1));
  });

  it('returns a fresh object each time, so a caller adjusting one card cannot change the next', () => {
    const first = renderCard('noPlan', {}) as unknown as { body: unknown[] };
    first.body.length = 0;
    expect((renderCard('noPlan', {}) as unknown as { body: unknown[] }).body.length).toBeGreaterThan(0);
  });
});

/**
 * A fresh copy of render.ts, loaded with `env` changed while it loads (undefined unsets a variable), and the templating
 * package that copy uses. Without JEST_WORKER_ID it is loaded as a process that is not a jest worker loads it: the
 * bot, or a bot process a test starts.
 */
function isolatedRender(env: Record<string, string | undefined>): {
  renderCard: typeof renderCard;
  templating: typeof ACData;
} {
  const saved = { ...process.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    let loaded: { renderCard: typeof renderCard; templating: typeof ACData } | undefined;
    jest.isolateModules(() => {
      loaded = {
        renderCard: (require('../../src/cards/render') as typeof import('../../src/cards/render')).renderCard,
        templating: require('adaptivecards-templating') as typeof ACData,
      };
    });
    return loaded!;
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

describe('renderCard: checking every render against a direct expansion', () => {
  const data = { title: 'No plan yet', message: 'Say start to begin.' };
  const expansionsOfTwoRenders = (render: typeof renderCard, templating: typeof ACData) => {
    const expand = jest.spyOn(templating.Template.prototype, 'expand');
    try {
      // Same shape twice: the first render expands the shape, the second is served from the cache.
      render('noPlan', data);
      render('noPlan', { ...data, message: 'Say start to answer a few questions.' });
      return expand.mock.calls.length;
    } finally {
      expand.mockRestore();
    }
  };

  it('is done in jest workers, so the suite checks the shape cache on every card', () => {
    const worker = isolatedRender({});
    // One expansion of the shape, plus one direct expansion per render.
    expect(expansionsOfTwoRenders(worker.renderCard, worker.templating)).toBe(3);
  });

  it('is not done by a bot process outside jest, even one started with NODE_ENV=test', () => {
    const outside = isolatedRender({ JEST_WORKER_ID: undefined, NODE_ENV: 'test' });
    expect(expansionsOfTwoRenders(outside.renderCard, outside.templating)).toBe(1);
  });
});

describe('renderCard with the placeholder characters in the data', () => {
  const direct = (name: string, data: object) =>
    new ACData.Template(JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8'))).expand({ $root: data });
  /**
   * The module as production loads it: under jest every render is also checked against a direct expansion (and
   * throws on a difference), which would hide what a user would actually be shown.
   */
  const productionRender = (): typeof renderCard =>
    isolatedRender({ JEST_WORKER_ID: undefined, NODE_ENV: 'production' }).renderCard;
  const digestData = (owner: string, label = 'DAILY DIGEST') => ({
    label,
    headline: '1 task is overdue',
    toolTitle: 'Microsoft Entra Cloud Sync',
    // `overdue` is compared (count(overdue) > 0), so its strings are kept in the cached shape as they are.
    overdue: [{ number: 2, title: 'Install the agent', owner, dueText: 'due 1 Dec 2026' }],
    hasNext: false,
    next: { number: 0, title: '', owner: '', dueSuffix: '' },
    footer: 'Sent 2 Dec 2026.',
  });

  it('shows a kept value that contains them as typed, not with another value of the card in their place', () => {
    const owner = 'Mal\uE0000\uE001lory';
    const render = productionRender();
    for (let i = 0; i < 2; i++) {
      // Twice: the first render of a shape expands it, the second is served from the cache.
      const card = render('digest', digestData(owner));
      expect(card).toEqual(direct('digest', digestData(owner)));
      expect(JSON.stringify(card)).toContain(JSON.stringify(owner).slice(1, -1));
      expect(JSON.stringify(card)).not.toContain('MalDAILY DIGESTlory');
    }
    // And the checked render used in tests agrees.
    expect(renderCard('digest', digestData(owner))).toEqual(direct('digest', digestData(owner)));
  });

  it('renders any string, in kept and in replaced values alike, exactly as a direct expansion does', () => {
    const render = productionRender();
    const tricky = fc.string({
      unit: fc.constantFrom(
        '\uE0000\uE001',
        '\uE0003\uE001',
        '\uE000',
        '\uE001',
        '0',
        '1',
        '7',
        'a',
        ' ',
        '$',
        '{',
        '}',
        "'",
        '"',
        '\\',
      ),
      maxLength: 12,
    });
    fc.assert(
      fc.property(tricky, tricky, tricky, tricky, (owner, label, title, note) => {
        expect(render('digest', digestData(owner, label))).toEqual(direct('digest', digestData(owner, label)));
        const confirm = {
          title,
          message: label,
          items: [{ text: owner }],
          hasNote: true,
          note,
          submitActions: [],
          executeActions: [],
        };
        expect(render('confirm', confirm)).toEqual(direct('confirm', confirm));
      }),
      fuzzParameters(30),
    );
  });
});
