/**
 * How well the questionnaire reads sentences, on labeled sets (tests/domain/sentences): the development sets the word
 * tables were tuned on (dev, and dev2, dev3, dev4, dev5 and dev6 by outside authors), a held-out set written before the reader existed
 * and never tuned on, a second held-out set by another outside author, kept unseen while dev2, dev3, dev4 and dev5 were
 * tuned on, a third, kept unseen while dev4 and dev5 were, and a fourth, kept unseen while dev6 was. An item counts only when the question asked reads exactly as labeled and the sentence answers exactly the
 * labeled later questions.
 */
import { accuracy, loadLabeled, type Scored } from './sentences/labeled';

const REQUIRED = 0.9;

function report(name: string, result: ReturnType<typeof accuracy>): void {
  const misses = result.wrong.map(
    (entry: Scored) =>
      `  ${entry.item.asked}: "${entry.item.text}" → ${JSON.stringify(entry.got)}, labeled ${JSON.stringify({ expect: entry.item.expect, also: entry.item.also ?? {} })}`,
  );
  // Printed so the figure is seen on every run. A held-out set shows its figure only: whoever reads its misses while
  // working on the reader is tuning on it.
  const shown = name.startsWith('heldout') ? [] : misses;
  console.log(
    `${name}: ${result.right}/${result.total} = ${(result.share * 100).toFixed(1)}%${shown.length > 0 ? `\n${shown.join('\n')}` : ''}`,
  );
}

describe('questionnaire sentences: measured accuracy', () => {
  it.each(['heldout', 'dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6'] as const)(
    `%s set: at least ${REQUIRED * 100}% read exactly as labeled`,
    (name) => {
      const items = loadLabeled(name);
      expect(items.length).toBeGreaterThanOrEqual(100);
      const result = accuracy(items);
      report(name, result);
      expect(result.share).toBeGreaterThanOrEqual(REQUIRED);
    },
  );

  // The newest author's sentences are the fairest estimate of what a new admin meets: 73.0% on the reader before the
  // rounds on dev2 and dev3, 80.4% after the first, 82.2% after the second and after the rounds on dev4 and dev5, 85.9%
  // after the round on dev6 (whose changes were kept only where this set did not read worse). The aim is 90%, as for the others; the
  // floor is today's figure, so a change that reads new people worse fails while the aim is worked on.
  it('second held-out set: at least as many read exactly as labeled as today (aim 90%)', () => {
    const items = loadLabeled('heldout2');
    expect(items.length).toBeGreaterThanOrEqual(150);
    const result = accuracy(items);
    // Figures only: its misses would invite tuning on it.
    console.log(`heldout2: ${result.right}/${result.total} = ${(result.share * 100).toFixed(1)}%`);
    expect(result.share).toBeGreaterThanOrEqual(0.858);
  });

  // A third outside author wrote during this stop's rounds on dev4 and dev5 and was kept out of the repository until
  // they were over (15 sentences a tuning or held-out set already held left out): 76.7% before those rounds, 77.4%
  // after the first, 78.8% after the second, 83.6% after the next stop's round on dev6 (kept only where it did not read
  // worse). The rules fit the sets they were tuned on far more than new authors.
  it('third held-out set: at least as many read exactly as labeled as today (aim 90%)', () => {
    const items = loadLabeled('heldout3');
    expect(items.length).toBeGreaterThanOrEqual(140);
    const result = accuracy(items);
    // Figures only: its misses would invite tuning on it.
    console.log(`heldout3: ${result.right}/${result.total} = ${(result.share * 100).toFixed(1)}%`);
    expect(result.share).toBeGreaterThanOrEqual(0.835);
  });

  // A fourth outside author (a merger describing two companies at once, a hedging admin who corrects himself, European
  // number formats, plans told beside what runs today) wrote at the start of the round on dev6 and was kept out of the
  // repository, figures only, until it was over (20 sentences a committed set already held left out): 85.1% before,
  // 85.7% after, while dev6 went from 74.2% to 94.2%.
  it('fourth held-out set: at least as many read exactly as labeled as today (aim 90%)', () => {
    const items = loadLabeled('heldout4');
    expect(items.length).toBeGreaterThanOrEqual(150);
    const result = accuracy(items);
    // Figures only: its misses would invite tuning on it.
    console.log(`heldout4: ${result.right}/${result.total} = ${(result.share * 100).toFixed(1)}%`);
    expect(result.share).toBeGreaterThanOrEqual(0.857);
  });

  // A fifth outside author (the only IT person of a small charity, an admin pasting inventory lines, one answering
  // with a question back, one whose company also runs another identity provider, a German admin writing English) wrote
  // at the start of the next stop (2026-12-01, 06:05 UTC), kept out of the repository, figures only, through its rounds
  // (denials scoped by contrast, removals said with "it", short forms, counts and their units); 15 sentences a committed
  // set already held were left out: 75.2% (112 of 149) before, 75.8% (113) after.
  it('fifth held-out set: at least as many read exactly as labeled as today (aim 90%)', () => {
    const items = loadLabeled('heldout5');
    expect(items.length).toBeGreaterThanOrEqual(140);
    const result = accuracy(items);
    console.log(`heldout5: ${result.right}/${result.total} = ${(result.share * 100).toFixed(1)}%`);
    expect(result.share).toBeGreaterThanOrEqual(0.758);
  });

  // A sixth outside author (a manufacturing group after acquisitions, answers pasted from a spreadsheet or ticket, Irish
  // and Scottish idiom, a consultant who hedges everything, a university's odd group sizes and devices) wrote at the
  // start of the next stop (2026-12-01, 09:25 UTC); 18 sentences a committed set already held were left out. Nothing
  // in the sentence reader changed in that stop: 86.0% (135 of 157) at its start and at its end.
  it('sixth held-out set: at least as many read exactly as labeled as today (aim 90%)', () => {
    const items = loadLabeled('heldout6');
    expect(items.length).toBeGreaterThanOrEqual(150);
    const result = accuracy(items);
    console.log(`heldout6: ${result.right}/${result.total} = ${(result.share * 100).toFixed(1)}%`);
    expect(result.share).toBeGreaterThanOrEqual(0.859);
  });

  // The sixth has four non-answers left once sentences other sets held were dropped, so it is not held to this shape.
  it.each(['heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5'] as const)(
    '%s covers every question, with sentences that answer later questions, ambiguous ones and non-answers',
    (name) => {
      const items = loadLabeled(name);
      const asked = new Set(items.map((item) => item.asked));
      expect(asked.size).toBe(14);
      expect(items.filter((item) => item.also && Object.keys(item.also).length > 0).length).toBeGreaterThanOrEqual(10);
      expect(items.filter((item) => item.expect === 'ambiguous').length).toBeGreaterThanOrEqual(5);
      expect(items.filter((item) => item.expect === null).length).toBeGreaterThanOrEqual(5);
    },
  );

  it('no held-out sentence is also in a development set it was kept from', () => {
    // dev2 and dev3 were written apart from the first held-out set; a few short replies ("none of those") occur in both
    // by chance. The second was written after them and left out what they hold.
    const texts = (names: ReadonlyArray<'dev' | 'dev2' | 'dev3' | 'dev4' | 'dev5' | 'dev6'>) =>
      new Set(names.flatMap((name) => loadLabeled(name).map((item) => item.text.toLowerCase())));
    const inDev = (
      name: 'heldout' | 'heldout2' | 'heldout3' | 'heldout4' | 'heldout5' | 'heldout6',
      dev: ReadonlySet<string>,
    ) =>
      loadLabeled(name)
        .filter((item) => dev.has(item.text.toLowerCase()))
        .map((item) => item.text);
    expect(inDev('heldout', texts(['dev']))).toEqual([]);
    expect(inDev('heldout2', texts(['dev', 'dev2', 'dev3', 'dev4']))).toEqual([]);
    // dev4 and dev5 came after both and left out what they hold.
    expect(inDev('heldout', texts(['dev4', 'dev5']))).toEqual([]);
    expect(inDev('heldout2', texts(['dev5']))).toEqual([]);
    expect(inDev('heldout3', texts(['dev', 'dev2', 'dev3', 'dev4', 'dev5']))).toEqual([]);
    // dev6 came after all three and left out what they hold.
    expect(inDev('heldout', texts(['dev6']))).toEqual([]);
    expect(inDev('heldout2', texts(['dev6']))).toEqual([]);
    expect(inDev('heldout3', texts(['dev6']))).toEqual([]);
    // The fourth was kept from all of them and left out what they hold.
    expect(inDev('heldout4', texts(['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6']))).toEqual([]);
    expect(inDev('heldout5', texts(['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6']))).toEqual([]);
    expect(inDev('heldout6', texts(['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6']))).toEqual([]);
  });
});
