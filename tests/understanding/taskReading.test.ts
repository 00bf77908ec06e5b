/** Parts of a task change read from the words alone: an owner and a due date offered together, the owner named. */
import type { Proposal } from '../../src/understanding/readings';
import { assignmentThenDeadline, ownerNamed, takesDateAway, toldOfADay } from '../../src/understanding/taskReading';
import { prepare, words } from '../helpers/englishWords';

const tokens = (text: string) => prepare(text).tokens;

describe('assignmentThenDeadline', () => {
  const toMe: Proposal = { intent: 'assign', taskNumber: 3, to: 'me' };
  const due: Proposal = { intent: 'due', taskNumber: 3, date: '2026-12-18' };
  it('offers the assignment first, then the due date', () => {
    expect(assignmentThenDeadline(toMe, due)).toEqual([toMe, due]);
  });
  it.each<[string, Proposal, Proposal]>([
    ['another task', { intent: 'assign', taskNumber: 4, to: 'me' }, due],
    ['a cleared date', toMe, { intent: 'due', taskNumber: 3, date: null }],
    ['no assignment', { intent: 'taskStart', taskNumber: 3 }, due],
    ['no due date', toMe, { intent: 'taskDone', taskNumber: 3 }],
  ])('pairs nothing with %s', (_, assignment, deadline) => {
    expect(assignmentThenDeadline(assignment, deadline)).toBeUndefined();
  });
});

describe('ownerNamed and takesDateAway', () => {
  it.each([
    ['give the agent install to me', 'me'],
    ['hand it to <at>Lena</at>', '<person>'],
    ['I will look at it', undefined],
  ])('%j names %j', (text, owner) => {
    const named = ownerNamed(words, tokens(text));
    expect(named === undefined ? undefined : named === 'me' ? 'me' : '<person>').toBe(owner);
  });
  it.each([
    ['scrap the target date for task 2', true],
    ['drop the date', true],
    ['drop task 2', false],
  ])('%j takes a date away: %s', (text, away) => {
    expect(takesDateAway(words, tokens(text))).toBe(away);
  });
});

describe('toldOfADay', () => {
  const NOW = new Date('2026-12-01T10:00:00Z');
  // A word that only ends like a past form ("speed", "proceed", "hundred") tells no past: these had read as reports.
  it.each([
    ['speed up the agent install on friday', false],
    ['we proceed with the config on the 4th', false],
    ['a hundred objects for the prereqs on the 9th', false],
    ['embed the config on friday', false],
    ['we wrapped up the config on the 4th', true],
    ['the verification was finished on the 28th', true],
  ])('%j tells of a day in the past: %s', (text, told) => {
    expect(toldOfADay(words, prepare(text), NOW)).toBe(told);
  });
});
