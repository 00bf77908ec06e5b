/** Reading a setting from the words alone: on, off or shown, and whether the message asks to leave it as it is. */
import { asksOf, asksWhich, keepsSetting, watchSetting } from '../../src/understanding/settingReading';
import { prepare, words } from '../helpers/englishWords';

describe('watchSetting', () => {
  it.each([
    ['please keep an eye on the tenant', 'on'],
    ['is the tenant watch on or off', 'show'],
    ["we don't need tenant warnings any more", 'off'],
  ] as const)('%j → %s', (text, setting) => {
    expect(watchSetting(words, prepare(text))).toBe(setting);
  });
});

describe('asksWhich', () => {
  it.each([
    ['are the reminders off or on', true],
    ['turn the reminders off', false],
    ['on or after friday', false],
  ])('%j → %s', (text, asks) => {
    expect(asksWhich(words, prepare(text).tokens)).toBe(asks);
  });
});

describe('keepsSetting and asksOf', () => {
  it.each([
    ['leave the reminders alone', { keep: true, turnOn: false }],
    ["please don't switch anything off", { keep: true, turnOn: false }],
    ['switch the weekly reminders on', { keep: false, turnOn: true }],
    ['send us a daily digest', { keep: false, turnOn: true }],
    ['stop the daily digest', { keep: false, turnOn: false }],
  ])('%j → %o', (text, expected) => {
    const { tokens } = prepare(text);
    expect(keepsSetting(words, tokens)).toBe(expected.keep);
    expect(asksOf(words, tokens)).toMatchObject(expected);
  });
});
