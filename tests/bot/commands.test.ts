import { normalizeText, parseCommand } from '../../src/bot/commands';

describe('parseCommand', () => {
  it.each([
    ['help', { name: 'help' }],
    ['HELP', { name: 'help' }],
    ['start', { name: 'start' }],
    ['Start over', { name: 'startOver' }],
    ["what's next?", { name: 'next' }],
    ['What\u2019s next', { name: 'next' }],
    ['whats next', { name: 'next' }],
    ['next', { name: 'next' }],
    ['status', { name: 'status' }],
    ['tasks', { name: 'tasks' }],
    ['history', { name: 'history' }],
    ['why', { name: 'why' }],
    ['why cloud sync?', { name: 'why' }],
    ['share', { name: 'share' }],
    ['Share my plan to a channel', { name: 'share' }],
    ['done 3', { name: 'taskAction', action: 'done', taskNumber: 3 }],
    ['Done task #4', { name: 'taskAction', action: 'done', taskNumber: 4 }],
    ['skip 2', { name: 'taskAction', action: 'skip', taskNumber: 2 }],
    ['reopen 5', { name: 'taskAction', action: 'reopen', taskNumber: 5 }],
    ['start 2', { name: 'taskAction', action: 'start', taskNumber: 2 }],
    ['remind daily', { name: 'remind', cadence: 'daily' }],
    ['Remind weekly.', { name: 'remind', cadence: 'weekly' }],
    ['reminders off', { name: 'remind', cadence: 'off' }],
    ['remind every day', { name: 'remind', cadence: 'daily' }],
    ['reminders', { name: 'remind', cadence: 'show' }],
    ['remind me later', { name: 'unknown', text: 'remind me later' }],
    ['report', { name: 'report' }],
    ['Export', { name: 'report' }],
    ['export csv', { name: 'report' }],
    ['assign 3 to me', { name: 'assign', taskNumber: 3, to: 'me' }],
    ['Take task 2', { name: 'assign', taskNumber: 2, to: 'me' }],
    ['assign 3 to <at>Ben Builder</at>', { name: 'assign', taskNumber: 3, to: 'mentioned' }],
    // A name typed without a real @mention is never read as a person: the handler asks for the mention.
    ['assign 3 to ben', { name: 'assign', taskNumber: 3, to: 'mentioned' }],
    ['unassign 3', { name: 'unassign', taskNumber: 3 }],
    ['due 3 2026-12-15', { name: 'due', taskNumber: 3, date: '2026-12-15' }],
    ['due 3 12/15/2026', { name: 'due', taskNumber: 3, date: '12/15/2026' }],
    ['due 3 tomorrow', { name: 'due', taskNumber: 3, date: 'tomorrow' }],
    ['due 3', { name: 'due', taskNumber: 3, date: '' }],
    ['Due 3 clear', { name: 'due', taskNumber: 3, date: null }],
    ['my tasks', { name: 'myTasks' }],
    ['My tasks?', { name: 'myTasks' }],
    ['make me a sandwich', { name: 'unknown', text: 'make me a sandwich' }],
    ['', { name: 'unknown', text: '' }],
  ])('%j → %j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it('ignores leftover mention markup and non-breaking spaces', () => {
    expect(normalizeText('<at>Sync Guide</at>&nbsp;Status ')).toBe('status');
    expect(parseCommand('<at>Sync Guide</at> what\u2019s next?').name).toBe('next');
  });
});
