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
