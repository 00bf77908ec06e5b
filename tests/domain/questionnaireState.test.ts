/**
 * The round's state steps without the dialog: what one message answered is recorded under one message number
 * (answers to later questions and ticks included), `back` takes the whole message back, and the progress line.
 */
import type { Actor } from '../../src/domain/plan';
import {
  freshState,
  isQuestionnaireState,
  progressOf,
  questionFor,
  recordReply,
  stepBack,
} from '../../src/domain/questionnaireState';
import { questionById } from '../../src/domain/questions';

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const AT = '2026-11-27T10:00:00.000Z';

describe('questionnaire state', () => {
  it('records a sentence that also answered a later question under one message, and back undoes it whole', () => {
    const start = freshState('run-1', AT);
    const first = recordReply(start, questionById('currentSync'), { answer: 'none', also: {}, mentioned: {} }, ANA, AT);
    const second = recordReply(
      first,
      questionById('forestTopology'),
      { answer: 'single', also: { signIn: 'phs' }, mentioned: { otherNeeds: ['x'] } },
      ANA,
      AT,
    );
    expect(second.answers).toEqual({ currentSync: 'none', forestTopology: 'single', signIn: 'phs' });
    expect(second.answered.map((record) => [record.question, record.message])).toEqual([
      ['currentSync', 1],
      ['forestTopology', 2],
      ['signIn', 2],
    ]);
    expect(second.mentioned).toEqual([{ question: 'otherNeeds', values: ['x'], message: 2 }]);

    const back = stepBack(second);
    expect(back?.state.answers).toEqual({ currentSync: 'none' });
    expect(back?.state.answered).toHaveLength(1);
    expect(back?.state.mentioned).toEqual([]);
    expect(back?.notice).toContain('the 2 answers your last message gave are cleared');
    expect(stepBack(back!.state)?.notice).toBe('Going back one question; your previous answer to it is cleared.');
    expect(stepBack(start)).toBeUndefined();
  });

  it('asks only the follow-up questions, and counts them exactly', () => {
    const state = { ...freshState('run-1', AT), onlyAsk: ['connectTotalObjects' as const] };
    const question = questionFor(state);
    expect(question?.id).toBe('connectTotalObjects');
    expect(progressOf(state, question!)).toEqual({ number: 1, estimatedTotal: 1 });
  });

  it('recognises stored state only when it has the shape of a run', () => {
    expect(isQuestionnaireState(freshState('run-1', AT))).toBe(true);
    expect(isQuestionnaireState({ runId: 'run-1', answers: {} })).toBe(false);
    expect(isQuestionnaireState('run-1')).toBe(false);
  });
});
