/** Reading a setting from the words alone: on, off or shown, and whether the message asks to leave it as it is. */
import {
  asksOf,
  asksWhich,
  keepsSetting,
  turnsOffSomethingElse,
  watchSetting,
} from '../../src/understanding/settingReading';
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
    // Each order split around its object is read at its own verb: the negation before the first "switch" had been
    // read as one before the later "switch it off", keeping the setting as it is.
    ['do not switch the watch on, switch it off', { keep: false, turnOn: true }],
  ])('%j → %o', (text, expected) => {
    const { tokens } = prepare(text);
    expect(keepsSetting(words, tokens)).toBe(expected.keep);
    expect(asksOf(words, tokens)).toMatchObject(expected);
  });
});

describe('asksOf keepOff', () => {
  it.each([
    ["we won't switch the watch on", true],
    ['nobody wants to enable the weekly digest', true],
    ['nobody noticed until monday, so please turn on the watch for this channel', false],
    ['no one told us, switch on daily reminders', false],
    ['we never had reminders, enable them now', false],
    ['the team does not want daily nudges', true],
    ["we won't switch on daily reminders but weekly is fine", false],
    // The first "turn" has no particle of its own: the later negated order's "on" is no order of it.
    ['turn around the rollout first, we will not turn the watch on', true],
  ])('%j → %s', (text, keepOff) => {
    expect(asksOf(words, prepare(text).tokens).keepOff).toBe(keepOff);
  });
});

describe('turnsOffSomethingElse', () => {
  const noneLearnt = () => false;
  it.each([
    ['switch off the fan please', true],
    ['turn your phone off', true],
    ['I turned off my monitor speakers', false],
    ['turn off the weekly reminders', false],
    ['switch the tenant watch off', false],
    ['turn it off', false],
    ['stop', false],
    // Words after the particle that open no object leave the object before it: these had been read as a setting.
    ['turn the vpn off please', true],
    ['switch the office heater off now', true],
    ['switch the weekly digest off now', false],
    ['turn it off please', false],
  ])('%j → %s', (text, elsewhere) => {
    expect(turnsOffSomethingElse(words, prepare(text).tokens, noneLearnt)).toBe(elsewhere);
  });

  it('leaves an object to the setting when a word of it is one the setting was learnt on', () => {
    const tokens = prepare('stop the nagging').tokens;
    expect(turnsOffSomethingElse(words, tokens, noneLearnt)).toBe(true);
    expect(turnsOffSomethingElse(words, tokens, (token) => token === 'nagging')).toBe(false);
  });
});
