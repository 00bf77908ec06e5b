/**
 * End to end, the questionnaire answered by typing in the Agents Playground driven by headless Chromium, as an admin who
 * prefers the keyboard answers it: a short reply to every question, one after the other (a single forest that needs
 * pass-through authentication); an opening sentence that answers most questions at once, as an admin who knows their
 * tenant writes it, followed by short replies to the lists it leaves open (the kinds of tenant with a disconnected
 * forest); and sentences that answer more than the question asked ("we use ADFS and keep it" mid-questionnaire). The
 * sentence scenarios script only the questions their sentences leave open, so a question a sentence should have
 * answered fails the test rather than being answered quietly. Nothing leaves loopback. Each scenario starts on a
 * reloaded page: it needs only its own cards on screen, and fewer cards render sooner.
 */
import type { PlaygroundPage } from '../helpers/playgroundPage';
import { answerByTyping, usePlaygroundSession } from '../helpers/playgroundSession';
import { typedAnswers, type TypedAnswers } from '../helpers/typedAnswers';

jest.setTimeout(180_000);

describe('Agents Playground: the questionnaire answered by typing', () => {
  const session = usePlaygroundSession('sync-guide-e2e-typed-');
  const { step } = session;
  let ui: PlaygroundPage;
  beforeAll(() => {
    ui = session.ui;
  });
  beforeEach(() => ui.clearView());

  it.each([
    [
      'a single forest that needs pass-through authentication',
      typedAnswers([[/sign in/i, 'pta']]),
      14,
      /^Recommendation\s+Microsoft Entra Connect Sync\b[\s\S]*custom install/,
    ],
    [
      'two disconnected forests',
      [
        [
          /syncs your Active Directory/i,
          "nothing yet. two forests, and the one we acquired can't be reached over the network; password hash sync, no device needs, about 20k users, no group near 50k members",
        ],
        [/customizations/i, 'none'],
        [/also need/i, 'none'],
      ],
      4,
      /^Recommendation\s+Microsoft Entra Cloud Sync\n/,
    ],
    [
      'a forest needing hybrid join plus a disconnected acquired forest',
      [
        [
          /syncs your Active Directory/i,
          "nothing yet. two forests: ours, where the laptops need hybrid join, and an acquired one we can't reach over the network. password hash sync, about 20k users, no group near 50k members, and I'm an enterprise admin",
        ],
        [/customizations/i, 'none'],
        [/also need/i, 'none'],
      ],
      4,
      /^Recommendation\s+Microsoft Entra Cloud Sync and Microsoft Entra Connect Sync side by side/,
    ],
  ] as Array<[string, TypedAnswers, number, RegExp]>)(
    'recommends the right tool for %s',
    (name, answers, maxQuestions, expected) =>
      step(`typed-${name.split(' ').slice(0, 3).join('-')}`, async () => {
        await ui.send('start');
        const recommendation = await answerByTyping(ui, answers, maxQuestions);
        expect(await recommendation.innerText()).toMatch(expected);
      }),
  );

  it('"we use ADFS and keep it" answers the sign-in question mid-questionnaire', () =>
    step('sentence-sign-in', async () => {
      await ui.send('start');
      await ui.waitForText(/syncs your Active Directory/);
      await ui.send("nothing yet, it's a new tenant");
      expect(await ui.lastCard().innerText()).toMatch(/How many Active Directory forests/);

      // One sentence: the forest question, and the size questions it answers too.
      await ui.send('one forest, about 12k users');
      await ui.page
        .getByText(/Also noted from your message: Objects in the largest domain: \**Under 100,000 objects/)
        .last()
        .waitFor();
      expect(await ui.lastCard().innerText()).toMatch(/How should users sign in/);

      await ui.send('we use ADFS and keep it');
      await ui.page
        .getByText(/I read that as: \**Keep the PTA or federation we already have/)
        .last()
        .waitFor();
      expect(await ui.lastCard().innerText()).toMatch(/What do you need for Windows devices/);

      const recommendation = await answerByTyping(
        ui,
        [
          // The device question, and the group size question after it.
          [/devices/i, 'no devices, and no group anywhere near 50,000 members'],
          [/customizations/i, 'none'],
          [/also need/i, 'none of those'],
        ],
        4,
      );
      const text = await recommendation.innerText();
      expect(text).toMatch(/Microsoft Entra Cloud Sync/);
      // The sign-in answer at work: Cloud Sync beside the federation that stays.
      expect(text).toMatch(/leaves your existing PTA or federation running/);
      await recommendation.getByRole('button', { name: 'Your answers' }).click();
      const answers = await recommendation.innerText();
      expect(answers).toMatch(/Sign-in method[\s\S]*Keep the PTA or federation we already have/);
      expect(answers).toMatch(/Objects in the largest domain[\s\S]*Under 100,000 objects/);
    }));
});
