import fc from 'fast-check';

/**
 * Text built to make a parser slow: long runs that a regex may scan again from every position (dots, spaces,
 * '<' without '>'), markup that opens and never closes, characters outside the Basic Multilingual Plane, lone
 * surrogates, direction marks and NULs. Each shape is `size` UTF-16 code units long (or its fixed start, if longer).
 */
export const HOSTILE_SHAPES: Readonly<Record<string, (size: number) => string>> = {
  'dots then a word': (size) => fill('.', size - 1) + 'x',
  'dots only': (size) => fill('.', size),
  'exclamation marks then a word': (size) => fill('!', size - 1) + 'x',
  'question marks and spaces then a word': (size) => fill('? ', size - 1) + 'x',
  'spaces and dots then a word': (size) => fill(' .', size - 1) + 'x',
  'spaces only': (size) => fill(' ', size),
  'tabs, newlines and non-breaking spaces': (size) => fill('\t\n\u00a0\u2003\r', size),
  '&nbsp; entities': (size) => fill('&nbsp;', size),
  "'<' without '>'": (size) => fill('<', size),
  "'<' and words without '>'": (size) => fill('<a ', size),
  'nested tags that never close': (size) => fill('<a<b<', size),
  'mention tags that never close': (size) => fill('<at>', size),
  'a mention that never ends': (size) => '<at>' + fill('a', size - 4),
  'one long word': (size) => fill('a', size),
  'a command followed by a long word': (size) => 'done 3 ' + fill('x', size - 7),
  'a command followed by dots': (size) => 'status' + fill('.', size - 6),
  'digits and separators': (size) => fill('1,2;3 ', size),
  'words joined by "and"': (size) => fill('ha and ', size),
  'emoji (astral characters)': (size) => fill('\u{1F600}', size),
  'lone surrogates': (size) => fill('\uD800\uDFFF\uDC00', size),
  'right-to-left marks and overrides': (size) => fill('\u200F\u202Ea\u202C', size),
  NULs: (size) => fill('\u0000', size),
  'curly quotes and apostrophes': (size) => fill('\u2018\u2019"\u201C\u201D\'', size),
  'private-use characters': (size) => fill('\uE000\uE001', size),
};

/** `unit` repeated and cut to exactly `size` code units (none for a size below 1). */
export function fill(unit: string, size: number): string {
  if (size < 1) return '';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** 250 KB of text: the size the issue measured a 168-second stall with. */
export const HOSTILE_SIZE = 250 * 1024;

const PIECES = [
  '.',
  '!',
  '?',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '&nbsp;',
  '<',
  '>',
  '<at>',
  '</at>',
  '<a',
  '/',
  '#',
  ',',
  ';',
  '&',
  '+',
  ' and ',
  '-',
  '_',
  "'",
  '\u2019',
  '"',
  '\u201C',
  '\u0000',
  '\u200F',
  '\u202E',
  '\u{1F600}',
  '\uD800',
  '\uDC00',
  '\uE000',
  '\uE001',
  'done',
  'assign',
  'due',
  'remind',
  'start',
  'status',
  'to',
  'me',
  'task',
  '3',
  '12',
  '999',
  'yes',
  'no',
  'not sure',
  'pta',
];

/**
 * Strings for property tests: arbitrary code points (lone surrogates included), the pieces parsers look at joined in
 * any order, and long runs of one of the hostile shapes, sometimes behind a real command word.
 */
export function hostileText(maxLength = 20_000): fc.Arbitrary<string> {
  const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
  const shapeNames = Object.keys(HOSTILE_SHAPES);
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: fc.oneof(fc.constantFrom(...PIECES), loneSurrogate), maxLength: 60 }),
    fc
      .tuple(
        fc.constantFrom('', 'done 3 ', 'status', '<at>Sync Guide</at> ', 'assign 2 to ', 'due 1 ', '1, '),
        fc.constantFrom(...shapeNames),
        fc.integer({ min: 1, max: maxLength }),
      )
      .map(([prefix, shape, size]) => prefix + HOSTILE_SHAPES[shape](size)),
  );
}

/**
 * Fixed seed and a bounded number of runs, so `npm test` is repeatable and quick; `FUZZ_RUNS=20000 npx jest <file>`
 * runs a property that many times instead (a failure prints the seed and path that replay it).
 */
export function fuzzParameters(defaultRuns: number): { seed: number; numRuns: number } {
  const raw = process.env.FUZZ_RUNS;
  if (raw === undefined || raw === '') return { seed: FUZZ_SEED, numRuns: defaultRuns };
  if (!/^\d{1,9}$/.test(raw) || Number(raw) === 0)
    throw new Error(`FUZZ_RUNS must be a positive whole number of runs, not "${raw}".`);
  return { seed: FUZZ_SEED, numRuns: Number(raw) };
}

const FUZZ_SEED = 20261126;

/**
 * The least CPU time, in milliseconds, that one of up to `tries` runs of `work` took, stopping as soon as one is within
 * `boundMs`. What these bounds catch is work that grows faster than the input (a backtracking pattern, a quadratic
 * loop): that burns CPU time on every run. CPU time rather than wall time, because on a machine shared with other jobs
 * a run can wait many times its own length for a core, which says nothing about the input.
 */
export function fastestRunMs(work: () => unknown, boundMs: number, tries = 3): number {
  let best = Infinity;
  for (let i = 0; i < tries && best > boundMs; i++) {
    const started = process.cpuUsage();
    work();
    best = Math.min(best, cpuMsSince(started));
  }
  return best;
}

function cpuMsSince(started: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
}
