import { confirmCard, questionCard, startOverConfirmCard } from '../../src/cards/questionCards';
import { QUESTIONS, questionById } from '../../src/domain/questions';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';

/** Every Action.Submit / selectAction data object in a card. */
function submitData(card: object): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Submit' && record.data) found.push(record.data as Record<string, unknown>);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('question card', () => {
  it.each(QUESTIONS.map((q) => [q.id, q] as const))(
    '%s renders as a valid card with a button per choice',
    (_id, question) => {
      const card = questionCard({
        runId: 'run1',
        question,
        number: 3,
        estimatedTotal: 7,
        forName: 'Ana *Admin*',
        canGoBack: true,
      });
      expectValidCard(card);
      const text = cardText(card);
      expect(text).toContain('Question 3 of about 7');
      expect(text).toContain(question.prompt);
      expect(text).toContain('For Ana \\*Admin\\*');
      const data = submitData(card);
      expect(data.every((d) => d.questionnaire === 'run1')).toBe(true);
      // Only ids and choice values travel in the data: never text the server would have to trust.
      for (const d of data)
        for (const key of Object.keys(d)) expect(['questionnaire', 'question', 'answer', 'nav']).toContain(key);
      const answers = data.filter((d) => d.answer !== undefined).map((d) => d.answer);
      if (question.multi) {
        expect(answers).toEqual(['none', 'notSure']);
        expect(JSON.stringify(card)).toContain('"isMultiSelect":true');
      } else {
        expect(answers).toEqual(question.choices.map((c) => c.value));
      }
      expect(answers).toContain('notSure');
      expect(data.map((d) => d.nav).filter(Boolean)).toEqual(['back', 'cancel']);
      expect(executeActions(card)).toEqual([]);
    },
  );

  it('hides Back on the first question and the owner in 1:1 chats', () => {
    const card = questionCard({
      runId: 'r',
      question: questionById('forestTopology'),
      number: 1,
      estimatedTotal: 8,
      canGoBack: false,
    });
    expectValidCard(card);
    expect(
      submitData(card)
        .map((d) => d.nav)
        .filter(Boolean),
    ).toEqual(['cancel']);
    expect(cardText(card)).not.toContain('For ');
  });

  it('ticks the options an earlier message named on a multi-select card, and only real options', () => {
    const choiceSet = (card: any) => card.body.find((element: any) => element.type === 'Input.ChoiceSet');
    const ticked = questionCard({
      runId: 'r',
      question: questionById('otherNeeds'),
      number: 5,
      estimatedTotal: 7,
      canGoBack: true,
      ticked: ['exchangeHybrid', 'highAvailability', 'none', 'bogus'],
    });
    expectValidCard(ticked);
    expect(choiceSet(ticked).value).toBe('exchangeHybrid,highAvailability');
    const plain = questionCard({
      runId: 'r',
      question: questionById('otherNeeds'),
      number: 5,
      estimatedTotal: 7,
      canGoBack: true,
    });
    expectValidCard(plain);
    expect(choiceSet(plain).value).toBe('');
  });

  it("says that a sentence is a fine answer too, with the question's example", () => {
    expect(
      cardText(
        questionCard({ runId: 'r', question: questionById('signIn'), number: 3, estimatedTotal: 7, canGoBack: true }),
      ),
    ).toContain('"we use ADFS and want to keep it"');
    expect(
      cardText(
        questionCard({
          runId: 'r',
          question: questionById('otherNeeds'),
          number: 3,
          estimatedTotal: 7,
          canGoBack: true,
        }),
      ),
    ).toContain('in your own words');
  });

  it('says when a question is the last one', () => {
    const card = questionCard({
      runId: 'r',
      question: questionById('otherNeeds'),
      number: 7,
      estimatedTotal: 7,
      canGoBack: true,
    });
    expect(cardText(card)).toContain('Question 7, the last one');
  });
});

describe('confirmation cards', () => {
  it('start over lists what is discarded and offers yes and no', () => {
    const card = startOverConfirmCard({
      runId: 'r9',
      discards: ['your 3 answers so far', 'the deployment plan of this conversation'],
    });
    expectValidCard(card);
    expect(cardText(card)).toContain('the deployment plan of this conversation');
    expect(submitData(card)).toEqual([
      { questionnaire: 'r9', confirm: 'startOver' },
      { questionnaire: 'r9', confirm: 'keep' },
    ]);
  });

  it('execute buttons carry a verb and fall back to a submit with the same data', () => {
    const card = confirmCard({
      title: 'Replace?',
      message: 'm',
      executeActions: [{ title: 'Replace', verb: 'decision.replacePlan', data: { decisionId: 'd1' } }],
    });
    expectValidCard(card);
    const [action] = executeActions(card) as Array<Record<string, any>>;
    expect(action).toMatchObject({ verb: 'decision.replacePlan', data: { decisionId: 'd1' } });
    expect(action.fallback).toEqual({
      type: 'Action.Submit',
      title: 'Replace',
      data: { decisionId: 'd1', verb: 'decision.replacePlan' },
    });
  });
});
