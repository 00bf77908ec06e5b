/**
 * Property tests for the command parser: whatever arrives as text, parseCommand answers with a well-formed command
 * in a few milliseconds and never throws. Fixed seed, bounded runs; FUZZ_RUNS raises the count.
 */
import fc from 'fast-check';
import { COMMAND_HELP, normalizeText, parseCommand, type Command } from '../../src/domain/commands';
import { MAX_PARSED_TEXT_LENGTH } from '../../src/domain/typedText';
import { fastestRunMs, fuzzParameters, hostileText } from '../helpers/hostileText';

/** "A few ms": the parser's real cost is tens of microseconds, so only a slow path can exceed this three times running. */
const FEW_MS = 5;

const NAMES: ReadonlySet<Command['name']> = new Set([
  'help',
  'start',
  'startOver',
  'next',
  'status',
  'tasks',
  'history',
  'why',
  'share',
  'taskAction',
  'assign',
  'unassign',
  'due',
  'myTasks',
  'remind',
  'report',
  'restore',
  'check',
  'watch',
  'unknown',
]);

function expectWellFormed(command: Command): void {
  expect(NAMES.has(command.name)).toBe(true);
  if ('taskNumber' in command) {
    // Present means a number: "history" without one leaves the field out rather than undefined.
    const taskNumber = command.taskNumber ?? Number.NaN;
    expect(Number.isInteger(taskNumber) && taskNumber >= 0 && taskNumber <= 999).toBe(true);
  }
  if (command.name === 'unknown') expect(command.text.length).toBeLessThanOrEqual(MAX_PARSED_TEXT_LENGTH + 1);
  if (command.name === 'due' && command.date !== null)
    expect(command.date.length).toBeLessThanOrEqual(MAX_PARSED_TEXT_LENGTH);
}

describe('parseCommand, fuzzed', () => {
  it('never throws, answers a well-formed command in a few ms, and answers the same way twice', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        let command: Command | undefined;
        expect(fastestRunMs(() => (command = parseCommand(text)), FEW_MS)).toBeLessThanOrEqual(FEW_MS);
        expectWellFormed(command!);
        expect(parseCommand(text)).toEqual(command);
        if (text.length > MAX_PARSED_TEXT_LENGTH) expect(command!.name).toBe('unknown');
      }),
      fuzzParameters(300),
    );
  });

  it('reads every documented command however it is padded with case, spaces, mention markup and punctuation', () => {
    const usages = COMMAND_HELP.flatMap((info) => info.usage.split(' / ')).map((usage) =>
      usage.replace('@name', '<at>Ben</at>'),
    );
    const padding = fc.constantFrom('', ' ', '  ', '\u00a0', '&nbsp;', '\t');
    const ending = fc.constantFrom('', '.', '?', '!', ' !', '...', '?!');
    fc.assert(
      fc.property(
        fc.constantFrom(...usages),
        padding,
        padding,
        ending,
        fc.boolean(),
        fc.boolean(),
        (usage, before, after, end, shout, mention) => {
          const typed = `${mention ? '<at>Sync Guide</at> ' : ''}${before}${shout ? usage.toUpperCase() : usage}${after}${end}`;
          const command = parseCommand(typed);
          expectWellFormed(command);
          expect(command).toEqual(parseCommand(usage));
          expect(command.name).not.toBe('unknown');
        },
      ),
      fuzzParameters(300),
    );
  });
});

describe('normalizeText, fuzzed', () => {
  it('gives lower-case text with single spaces, trimmed, without trailing punctuation', () => {
    fc.assert(
      fc.property(hostileText(2_000), (text) => {
        const normalized = normalizeText(text);
        expect(normalized).toBe(normalized.toLowerCase());
        expect(normalized).not.toMatch(/\s\s|[^\S ]|^ | $|[.?! ]$/);
      }),
      fuzzParameters(300),
    );
  });
});
