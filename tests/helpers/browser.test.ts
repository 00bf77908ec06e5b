import { chromiumArgs } from './browser';

describe('the test browser', () => {
  it('runs V8 without TurboFan and with Maglev, so short-lived pages spend less on compiling', () => {
    const v8Flags = chromiumArgs().filter((arg) => arg.startsWith('--js-flags='));
    // Chromium reads a single --js-flags: a second one would silently replace the first.
    expect(v8Flags).toEqual(['--js-flags=--no-turbofan']);
  });
});
