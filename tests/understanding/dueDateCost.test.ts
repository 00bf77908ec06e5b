import * as suite from '@microsoft/recognizers-text-suite';
import { recognizeDueDay } from '../../src/understanding/dueDates';

// The date recognizer costs tens of milliseconds a phrase, and both models' readings of one message ask it the same
// text: it had been asked again for every message with a date only it reads.
describe('the date recognizer', () => {
  afterEach(() => jest.restoreAllMocks());

  it('is not asked again for a phrase read twice on the same day', () => {
    const recognize = jest.spyOn(suite, 'recognizeDateTime');
    const now = new Date('2026-12-01T10:00:00Z');
    const first = recognizeDueDay('finish the rollout by the close of next week', now);
    const asked = recognize.mock.calls.length;
    expect(asked).toBeGreaterThan(0);
    expect(recognizeDueDay('finish the rollout by the close of next week', now)).toBe(first);
    expect(recognize).toHaveBeenCalledTimes(asked);
  });

  it('is asked again for the same phrase on another day', () => {
    const recognize = jest.spyOn(suite, 'recognizeDateTime');
    recognizeDueDay('hand it in by end of this week', new Date('2026-12-01T10:00:00Z'));
    const asked = recognize.mock.calls.length;
    expect(asked).toBeGreaterThan(0);
    recognizeDueDay('hand it in by end of this week', new Date('2026-12-02T10:00:00Z'));
    expect(recognize.mock.calls.length).toBeGreaterThan(asked);
  });
});
