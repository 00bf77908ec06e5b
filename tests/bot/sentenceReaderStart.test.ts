import { MemoryStorage, PrivateConversationState } from 'botbuilder';
import { createChooseToolFeature } from '../../src/bot/chooseToolFeature';
import { numberRecognizerLoaded } from '../../src/domain/quantities';
import { testTurnReply } from '../helpers/turnReply';

describe('the questionnaire feature at start', () => {
  it('loads the number recognizer while the bot starts, not when the first person types a number', () => {
    expect(numberRecognizerLoaded()).toBe(false);
    const storage = new MemoryStorage();
    createChooseToolFeature({ storage, privateState: new PrivateConversationState(storage), reply: testTurnReply() });
    expect(numberRecognizerLoaded()).toBe(true);
  });
});
