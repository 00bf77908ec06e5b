import { MemoryStorage, PrivateConversationState } from 'botbuilder';
import { createChooseToolFeature } from '../../src/bot/chooseToolFeature';
import { numberRecognizerLoaded } from '../../src/domain/quantities';
import { testTurnReply } from '../helpers/turnReply';

describe('the questionnaire feature at start', () => {
  it('does not load the number recognizer itself: the app warms it up once listening (app.test.ts), or the first number typed does', () => {
    const storage = new MemoryStorage();
    createChooseToolFeature({ storage, privateState: new PrivateConversationState(storage), reply: testTurnReply() });
    expect(numberRecognizerLoaded()).toBe(false);
  });
});
