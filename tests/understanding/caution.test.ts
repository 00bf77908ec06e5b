/**
 * Free text changes a plan only when the model knows every meaningful word and the sentence is a plain order: a
 * hypothetical, a question about a task or words the model never learnt turn the command into an offer.
 */
import { createPlan } from '../../src/domain/plan';
import { planContext } from '../../src/understanding/planContext';
import { sharedUnderstanding } from '../../src/understanding/understand';
import { firstProposal } from '../helpers/firstProposal';

const NOW = new Date('2026-12-01T10:00:00Z');
const context = planContext(
  createPlan({ id: 'p1', selection: { tool: 'cloudSync' }, createdBy: { id: 'u', name: 'U' }, at: NOW.toISOString() }),
  NOW,
);
const understanding = sharedUnderstanding();

describe('no change on a guess', () => {
  it.each([
    ['a hypothetical', 'if we finish task 3 today can we start 4'],
    ['a question opened with "did"', 'did someone already do the prereqs'],
    ['words the model never learnt', 'the coffee agent in the kitchen is broken'],
    ['markup around a word the watch knows', '**bold** <script>alert(1)</script> ${plan.id} [x](http://evil)'],
    ['a reminder request among unknown words', 'blorp weekly zibble reminders frobnicate'],
  ])('offers, never acts on, %s: %j', (_why, text) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).not.toBe('act');
  });

  // A code of letters and digits the model never learnt most likely names a task or a date ("start t3"): in a
  // conversation with a plan these had started the questions anew, started over or shared the plan.
  it.each(['start q5', 'begin x4 now', 'start again from q1', 'share plan to ch3'])(
    'offers, never carries out, a change of the whole plan said with a code it never learnt: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).toBe('choose');
    },
  );

  it('still starts the questions from "start q5" where there is no plan yet', () => {
    const reading = understanding.interpret('start q5', { now: NOW });
    expect(reading.kind === 'act' && reading.proposal).toEqual({ intent: 'start' });
  });

  // "Assigning it" after the task names the change as plainly as "skip it" does: these had started the task ("from
  // now" is how starting one is said), which is nothing the message asks for.
  it.each([
    ['<at>Lena</at> you own the verification task from now, assigning it to you', 5],
    ['<at>Ravi</at> the prereqs task is yours from now, assigning it to you', 2],
    ['<at>Omar</at> you take the config task from now on, I am assigning it to you', 4],
  ] as const)('offers the assignment its verb names, and starts nothing: %j', (text, taskNumber) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toEqual({ intent: 'assign', taskNumber, to: 'mentioned' });
  });

  it('asks who, and offers no owner-less assignment, for "assign the config, the vendor is gone"', () => {
    expect(understanding.interpret('assign the config, the vendor is gone', context)).toMatchObject({
      kind: 'clarify',
      intent: 'assign',
      missing: 'person',
    });
  });

  // The plain verb of a task change right before the task names the change, whatever another word of the message
  // suggests: these had reopened the task on "another" (the first two) or offered the reopen first.
  it.each([
    ['skip task 4, another team handled it', 'taskSkip'],
    ['skip task 4? another team did it', 'taskSkip'],
    ['skip the agent install, the vendor did another pass', 'taskSkip'],
  ])('offers the change its verb names first, and carries out none: %j', (text, intent) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(reading.kind === 'choose' && reading.proposals[0].intent).toBe(intent);
  });

  it.each([
    ['skip task 4', 'taskSkip'],
    ['reopen task 3', 'taskReopen'],
    ['the skipped prereqs need another look', 'taskReopen'],
  ])('still acts where the verb and the reading agree, or the word is no order: %j', (text, intent) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind === 'act' && reading.proposal.intent).toBe(intent);
  });

  // A command word read from its typo is a guess: the change is offered with its button, and only the word spelled
  // right carries it out.
  it.each([
    ['skp task 4', 'skip task 4', 'taskSkip'],
    ['mark task 3 dne', 'mark task 3 done', 'taskDone'],
    ['asign task 2 to me', 'assign task 2 to me', 'assign'],
  ])('offers, never acts on, a change read from a typo: %j', (typed, spelled, intent) => {
    const reading = understanding.interpret(typed, context);
    expect(reading.kind).toBe('choose');
    expect(reading.kind === 'choose' && reading.proposals[0].intent).toBe(intent);
    const right = understanding.interpret(spelled, context);
    expect(right.kind === 'act' && right.proposal.intent).toBe(intent);
  });

  // A word read past a changed first letter is as much a guess, command word or not: these had skipped the task
  // outright.
  it.each([
    ['comit the verification', 'omit the verification', 'taskSkip', 5],
    ['domit task 4', 'omit task 4', 'taskSkip', 4],
  ])('offers, never acts on, a change read from a corrected word: %j', (typed, spelled, intent, task) => {
    const reading = understanding.interpret(typed, context);
    expect(reading.kind).toBe('choose');
    expect(reading.kind === 'choose' && reading.proposals[0]).toEqual({ intent, taskNumber: task });
    const right = understanding.interpret(spelled, context);
    expect(right.kind === 'act' && right.proposal).toEqual({ intent, taskNumber: task });
  });

  // A question the writer answers with a request asks for that request: these had answered with an unrelated guide
  // line. It is offered, not carried out, as the question before it may still doubt it.
  it.each([
    ['did the verification get finished? yes please tick it off', 'taskDone', 5],
    ['is the config finished? ok, mark task 4 done', 'taskDone', 4],
    ['has anyone started the agent install? yep, skip it', 'taskSkip', 3],
  ] as const)('offers the request that answers its own question: %j', (text, intent, taskNumber) => {
    expect(understanding.interpret(text, context)).toEqual({ kind: 'choose', proposals: [{ intent, taskNumber }] });
  });

  // Weighing a change is not asking for it: these had offered the change (a "Mark done" or "Skip" button) first.
  it.each([
    'what would happen if we skipped task 4?',
    'should we mark the prereqs as finished before the network team signs off?',
    'is it safe to skip the verification?',
    'if the agent install goes well tomorrow, could we start the config on friday?',
  ])('answers, and offers no change for, a question that weighs one: %j', (text) => {
    expect(['answer', 'noAnswer']).toContain(understanding.interpret(text, context).kind);
  });

  // A yes/no question about what the message describes asks for a judgement: these had acted on the report, or
  // offered the history, on words such as "report" and "since this morning".
  it.each([
    'users report they cannot sign in to Outlook, is that down to sync?',
    'the agent has shown as disconnected since this morning, is that normal?',
    'we moved the server last night and now it says stopped, does that need a fix',
  ])('answers, or says it is not covered, and never acts on, a question whether it is so: %j', (text) => {
    expect(['answer', 'noAnswer']).toContain(understanding.interpret(text, context).kind);
  });

  it.each([
    ['is it possible to get the plan as a spreadsheet?', 'report'],
    ['what commands does it understand?', 'help'],
    ['who marked the prereqs done and when was that', 'history'],
  ])('still reads a request that says "it" or "that" as the request: %j', (text, intent) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind === 'act' ? reading.proposal.intent : reading.kind).toBe(intent);
  });

  // The task or date after a correction is the one meant; the first had been read (or both asked about), and "no wait"
  // had made an assignment an unassignment.
  it.each([
    ['skip the prereqs, my mistake, skip the verification', { intent: 'taskSkip', taskNumber: 5 }],
    [
      'set the verify step due on the 14th, scratch that, the 15th',
      { intent: 'due', taskNumber: 5, date: '2026-12-15' },
    ],
    ['give task 2 to me, no wait, task 3', { intent: 'assign', taskNumber: 3, to: 'me' }],
  ])('offers, without acting on, what a message corrects itself to: %j', (text, proposal) => {
    expect(understanding.interpret(text, context)).toEqual({ kind: 'choose', proposals: [proposal] });
  });

  // A command's own trained words opening the message ("where do we stand overall") are not outvoted by the words after
  // them: "directory sync" and "entra" had made these the tenant check, carried out.
  it.each([
    'where do we stand overall with the directory sync work',
    'where do things stand on the directory sync in entra',
  ])('offers the command whose trained sentence opens %j first, and acts on nothing', (text) => {
    expect(understanding.interpret(text, context)).toMatchObject({
      kind: 'choose',
      proposals: [{ intent: 'status' }, { intent: 'check' }],
    });
  });

  it('reads no correction where nothing follows the word ("is sync actually running in the tenant")', () => {
    expect(understanding.interpret('is sync actually running in the tenant', context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'check' },
    });
  });

  // "suppose" is a conditional of its own, not a slip for the "supposed" the model knows: corrected, each had acted.
  it.each([
    'if we wrap up the prereqs today can we begin the agent install',
    'once task 3 is done we could skip 5',
    'suppose we skip the prereqs',
    'suppose we mark task 3 done',
    'suppose I start the config',
  ])('offers no change for a hypothetical statement: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  // Beyond task changes: these had offered to start over or to share, and acted on the restore.
  it.each([
    'if the audit goes badly we may wipe the plan and begin again',
    'once legal signs off we can post the plan to the team channel',
    "if it comes to it we'll bring back the old plan",
  ])('offers no plan change for a hypothetical statement: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  // Chatter that shares a word with a command had offered it: the questionnaire, the status, start over.
  it.each([
    'honestly i loathe patch tuesday',
    'congrats on the promotion, well deserved',
    'the vending machine ate my coins again',
  ])('offers no command for chatter in words neither the model nor the thesaurus knows: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  // A task and a date in words the model reads as no command had given the help card.
  it.each([
    ['verification, 2026-12-18 at the latest', { intent: 'due', taskNumber: 5, date: '2026-12-18' }],
    ['the agent install by 2026-12-18 hopefully', { intent: 'due', taskNumber: 3, date: '2026-12-18' }],
  ])('offers, never sets, the due date a task named with a date is given: %j', (text, proposal) => {
    expect(understanding.interpret(text, context)).toEqual({ kind: 'choose', proposals: [proposal] });
  });

  it.each([
    'if verification, 2026-12-18 at the latest',
    'verification, 2026-12-18 at the latest?',
    'do not put verification, 2026-12-18 at the latest',
  ])('offers no due date for a task and a date in a hypothetical, a question or a negation: %j', (text) => {
    const reading = understanding.interpret(text, context);
    const offered = reading.kind === 'choose' || reading.kind === 'act' ? JSON.stringify(reading) : '';
    expect(offered).not.toContain('"due"');
  });

  it.each([
    ['can you skip step 1 for us?', { intent: 'taskSkip', taskNumber: 1 }],
    ['could you assign the prereqs to me?', { intent: 'assign', taskNumber: 2, to: 'me' }],
  ])('still offers what a question asks someone to do: %j', (text, proposal) => {
    expect(understanding.interpret(text, context)).toEqual({ kind: 'choose', proposals: [proposal] });
  });

  // "out of" a task is leaving it: "count me out" had been read as "count me in" and acted on as an assignment.
  it.each(['count me out of the agent install', "i'm backing out of the prereqs", 'i have to pull out of task 4'])(
    'never reads leaving a task as taking it: %j',
    (text) => {
      const reading = understanding.interpret(text, context);
      const first =
        reading.kind === 'act'
          ? reading.proposal
          : reading.kind === 'choose' || reading.kind === 'whichTask'
            ? reading.proposals[0]
            : undefined;
      expect(first?.intent).not.toBe('assign');
    },
  );

  it.each([
    'task 3 is not done',
    "we haven't finished the agent yet",
    "the prereqs aren't finished",
    'config isnt complete yet',
    'we have not started the config',
  ])('offers no reopen for a task described as not done: %j', (text) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('help');
  });

  it.each(["task 3 isn't done after all, reopen it", "the agent install isn't finished, mark it open again"])(
    'offers, never acts on, a reopen asked for beside a negation: %j',
    (text) => {
      expect(understanding.interpret(text, context)).toMatchObject({
        kind: 'choose',
        proposals: [expect.objectContaining({ intent: 'taskReopen', taskNumber: 3 })],
      });
    },
  );

  it.each(["don't restore the old plan", 'we do not want the old plan back'])(
    'offers no restore when told not to: %j',
    (text) => {
      const reading = understanding.interpret(text, context);
      expect(reading.kind).toBe('help');
    },
  );

  // "health check" names a task of Connect Sync's track only: in a Cloud Sync plan it had hidden the words that ask for
  // the status behind a task the plan does not have, and shown the help card.
  it("offers what another track's task words ask for, as words, when no task of the plan is named", () => {
    const reading = understanding.interpret('health check on the project please', context);
    expect(reading.kind === 'choose' && reading.proposals[0]).toEqual({ intent: 'status' });
  });

  // The corpus names the questionnaire "the assessment" and the watch "tenant monitoring", which are also tasks of other
  // tracks: these had asked which task to start.
  it.each([
    ['please begin the assessment for our org', 'start'],
    ['get the sync assessment going', 'start'],
    ['switch on monitoring for this plan', 'watch'],
  ])("offers the command the corpus names by another track's task words: %j", (text, intent) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(reading.kind === 'choose' && reading.proposals[0].intent).toBe(intent);
  });

  it.each([
    ['mark the assessment done', 'taskDone'],
    ['skip the health check', 'taskSkip'],
  ])("still asks which task a change to another track's task means: %j", (text, intent) => {
    expect(understanding.interpret(text, context)).toMatchObject({ kind: 'clarify', intent, missing: 'task' });
  });

  // The opening context had outnumbered the request's words, and the help card was shown.
  it('offers what the last clause of a long message asks when the whole reads as nothing', () => {
    const reading = understanding.interpret(
      "Bearing in mind the procurement delays we discussed, I'd appreciate seeing where the project stands",
      context,
    );
    expect(reading).toEqual({ kind: 'choose', proposals: [{ intent: 'status' }] });
  });

  it.each([
    'if the audit passes next week, mark task 3 done',
    "we don't need task 5 anymore, it was covered by the network team",
  ])('reads no last clause alone where the message weighs or refuses it: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  // "let me know" had been read with the "let's" that asks to begin, and started the questions again.
  it.each(["let me know where we're up to", 'lmk where things are at'])(
    'does not start the questions on "let me know" asking for news: %j',
    (text) => {
      const reading = understanding.interpret(text, context);
      expect(reading.kind === 'act' && reading.proposal.intent).not.toBe('start');
    },
  );

  // Asking to be told when a task is done is no news that it is: these had marked the task done.
  it.each(['ping me when the prereqs are done', 'tell me when the agent is installed'])(
    'marks nothing done, nor offers to, when asked to be told once a task is: %j',
    (text) => {
      const reading = understanding.interpret(text, context);
      expect(reading.kind).not.toBe('act');
      const offered = reading.kind === 'choose' ? reading.proposals.map((proposal) => proposal.intent) : [];
      expect(offered).not.toContain('taskDone');
    },
  );

  it('still offers a change asked for "when you get a chance": politeness, no condition', () => {
    const reading = understanding.interpret('mark task 3 done when you get a chance', context);
    expect(reading.kind === 'choose' && reading.proposals[0]).toEqual({ intent: 'taskDone', taskNumber: 3 });
  });

  it('still reads "when" that opens a question as the question: "when was task 2 marked done"', () => {
    const reading = understanding.interpret('when was task 2 marked done', context);
    expect(reading.kind === 'act' && reading.proposal.intent).toBe('history');
  });

  // "whether" asks indirectly or hedges; it is no hypothetical: these had shown the help card, with no button to do it.
  it.each([
    ['skip the verification whether it passes or not', { intent: 'taskSkip', taskNumber: 5 }],
    ['let me know whether we should start over', { intent: 'startOver' }],
  ])('offers, without acting on, a change said beside "whether": %j', (text, proposal) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(reading.kind === 'choose' && reading.proposals[0]).toEqual(proposal);
  });

  // Small talk shares a word with some command ("help"): these had acted on help and offered restore.
  it.each(['cheers for the help this afternoon, nice work', 'lovely, thanks a ton for the help earlier'])(
    'shows the help card, and offers nothing, for thanks that name a command word: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).toBe('help');
    },
  );

  // These had been answered as questions the guide does not cover, with a link to Microsoft's documentation.
  it.each(['did you catch the game on sunday?', 'anyone want to grab lunch later?'])(
    'shows the help card for a small-talk question: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).toBe('help');
    },
  );

  // It had said the guide does not cover it.
  it('shows the help card for a question that addresses someone else: "@Lena have you got a minute?"', () => {
    expect(understanding.interpret('<at>Lena</at> have you got a minute?', context).kind).toBe('help');
  });

  it('still answers a question about sync said to someone: "@Lena which ports does the agent need?"', () => {
    expect(understanding.interpret('<at>Lena</at> which ports does the agent need?', context).kind).toBe('answer');
  });

  it('still says honestly that the guide does not cover a question in its own words', () => {
    expect(understanding.interpret('how do I sync users from a mainframe?', context).kind).toBe('noAnswer');
  });

  it.each([
    ['thanks a lot, what is next', 'next'],
    ['cheers, mark task 3 done', 'taskDone'],
  ])('still acts on a command said with thanks: %j', (text, intent) => {
    expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal: { intent } });
  });

  // Two words of each spoke for what the network ranked first (history, the person's own tasks) and four or five for
  // next: these had acted on the reading fewer words spoke for.
  it.each(['which bit of work is next on this', 'what is pending for me to pick up today'])(
    'offers next first, and acts on nothing, when twice as many words speak for it: %j',
    (text) => {
      const reading = understanding.interpret(text, context);
      expect(reading.kind).toBe('choose');
      expect(reading.kind === 'choose' && reading.proposals[0]).toEqual({ intent: 'next' });
    },
  );

  // A reading for the whole plan had been acted on, on words such as "working" and "now", leaving the task out.
  it.each([
    ['working on task 2 from now', 'taskStart'],
    ['agent install sorted, what now', 'taskDone'],
  ])('offers, and does not act on, a plan-wide reading of a message that names a task: %j', (text, taskIntent) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    const offered = reading.kind === 'choose' ? reading.proposals.map((proposal) => proposal.intent) : [];
    expect(offered).toContain(taskIntent);
  });

  // It had turned the tenant watch on.
  it('offers, and does not turn on, a setting for the whole plan in a message about one of its tasks', () => {
    expect(understanding.interpret("when the verification passes I'll let the team know", context)).toEqual({
      kind: 'choose',
      proposals: [{ intent: 'watch', setting: 'on' }],
    });
  });

  // A hypothetical about a task of the plan says what the person will do once it is done: these had offered the watch.
  it.each([
    "once the verification passes I'll let the team know",
    "if the prereqs are done by friday i'll let everyone know",
  ])('shows the help card, offering no setting, for a hypothetical about a task: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  it.each(['alert us if sync stops', 'tell us when the sync job gets quarantined'])(
    'still offers or turns on the watch whose condition is what to watch for: %j',
    (text) => {
      const reading = understanding.interpret(text, context);
      const first = firstProposal(reading);
      expect(first).toMatchObject({ intent: 'watch', setting: 'on' });
    },
  );

  it.each(['turn on sync monitoring for this chat', 'remind us weekly'])(
    'still turns a setting on from a message that names no task of the plan: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).toBe('act');
    },
  );

  it('offers nothing a negation refuses, even when another reading ranks first: "don\'t obliterate the plan"', () => {
    const reading = understanding.interpret("don't obliterate the plan", context);
    const offered = reading.kind === 'choose' ? reading.proposals.map((proposal) => proposal.intent) : [];
    expect(reading.kind).not.toBe('act');
    expect(offered).not.toContain('startOver');
  });

  it.each(['mark task 3 done', 'mark task three done'])('still acts on a plain order in known words: %j', (text) => {
    expect(understanding.interpret(text, context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'taskDone', taskNumber: 3 },
    });
  });

  it.each([
    ['pass on task 6', 'taskSkip', 6],
    ['we passed on task 6', 'taskSkip', 6],
  ])('passing on a task skips it: %j', (text, intent, taskNumber) => {
    expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal: { intent, taskNumber } });
  });

  // A check that passed is done, as the corpus says ("{task} passed"), though the tuning sets' authors pass on tasks
  // to skip them: both readers now read the finish, so it is carried out, never read as the skip.
  it.each([
    ['verification passed', 5],
    ['task 5 passed', 5],
  ])('reads a check that passed as done: %j', (text, taskNumber) => {
    expect(understanding.interpret(text, context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'taskDone', taskNumber },
    });
  });

  it('reads "the 22nd" as a date of this month', () => {
    expect(understanding.interpret('the deadline for config is the 22nd', context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'due', taskNumber: 4, date: '2026-12-22' },
    });
  });
  // The date is no word the model learnt, so the other words decided alone: these had acted on a skip, on "what's
  // next" and on a start.
  it.each([
    ['no verification, 2026-12-18 at the latest', 5, '2026-12-18'],
    ['prereqs: 2026-12-18 tops', 2, '2026-12-18'],
    ['the agent install, next friday at the latest', 3, undefined],
  ])('offers a due date first, and acts on nothing, for a task given a day to come: %j', (text, taskNumber, date) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    const first = reading.kind === 'choose' ? reading.proposals[0] : undefined;
    expect(first).toMatchObject({ intent: 'due', taskNumber, ...(date ? { date } : {}) });
  });

  it('still acts on a task started today: a day already here says when, not by when', () => {
    expect(understanding.interpret('taking up the configuration today', context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'taskStart', taskNumber: 4 },
    });
  });

  // Each had acted on help, on "what" or "how" and the "this" of "what can this bot do", while "rollout", "done" and
  // "percentage" or "much" speak for the status.
  it.each([
    'what percentage of this rollout is actually done',
    'how much of this rollout is actually done',
    'what proportion of this deployment is done by now',
  ])('offers the status before help, and acts on neither, for a question that names more of it: %j', (text) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    const offered = reading.kind === 'choose' ? reading.proposals.map((proposal) => proposal.intent) : [];
    expect(offered).toContain('status');
    expect(offered.indexOf('status')).toBeLessThan(offered.includes('help') ? offered.indexOf('help') : Infinity);
  });

  it('still acts on a question in known words', () => {
    expect(understanding.interpret("what's next?", context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'next' },
    });
  });
});

describe('small talk and settings kept as they are', () => {
  // As many words only small talk has as words of the command: these had offered my tasks (on "my" and "working") and
  // the watch's setting (on "watching").
  it.each(['my daughter is sick so I am working from home', 'is anyone watching the match later?'])(
    'shows the help card for small talk that shares as many words with a command: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).toBe('help');
    },
  );

  // Asked to leave a task as it is, the message changes none: these had offered the reopen, or the skip and the done.
  it.each(['scratch that reopen, task 2 stays unchanged', 'forget the done, leave the verification as is'])(
    'shows the help card for a task asked to be left as it is: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).toBe('help');
    },
  );

  it('still offers a setting turned on beside words of small talk: "a daily nudge would be lovely for this team"', () => {
    const reading = understanding.interpret('a daily nudge would be lovely for this team', context);
    expect(reading.kind === 'choose' && reading.proposals[0]).toEqual({ intent: 'remind', cadence: 'daily' });
  });

  // Each had been carried out: the history on "work" and "change", help on "help", the status on "open".
  it.each([
    'nice work all on the change over the weekend',
    'great effort everyone on the change this week',
    'cheers for the help this morning',
    'is the cafe open late tonight',
  ])('acts on no command in small talk that shares a word with one: %j', (text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  // The network is unsure, and the words it never learnt (some related to its own by the thesaurus) outnumber the
  // command's: this had offered the recommendation's reasons and the reminders.
  it.each(['heavy traffic on the drive in this morning'])(
    'shows the help card for small talk with more words the model never learnt than the command has: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).toBe('help');
    },
  );

  // "reminds me of" likens one thing to another (nlu/en.json's respellings): each had shown the reminders.
  it.each(['that reminded me of my first migration', 'it reminds me of the old days'])(
    'shows the help card for a likeness that shares a word with the reminders: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).toBe('help');
    },
  );

  it('shows the help card for a message more small talk than command: "could someone book pizza for the late shift"', () => {
    expect(understanding.interpret('could someone book pizza for the late shift', context).kind).toBe('help');
  });

  it.each([
    ["hi, what's the next step", 'next'],
    ['thanks, mark task 2 done', 'taskDone'],
  ])('still acts on a question or a task named after a greeting or thanks: %j', (text, intent) => {
    expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal: { intent } });
  });

  // A short greeting or thanks said before a plain request is only politeness: each had been offered, not answered.
  it.each([
    ['thanks, show me the status', 'status'],
    ['cheers, list my tasks', 'myTasks'],
    ['hi, show the history', 'history'],
    ['cheers mate, show the history', 'history'],
    ['ok cool, status please', 'status'],
    ['thanks! show my tasks', 'myTasks'],
    ['hello team, show the status', 'status'],
    ['thank you, show me the history of the plan', 'history'],
    ['morning all - list the open tasks', 'tasks'],
    ['hey there. show me the next step', 'next'],
    ['ta, show progress', 'status'],
  ])('answers a read-only request after a short greeting or thanks: %j', (text, intent) => {
    expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal: { intent } });
  });

  // The opener only excuses itself: praise and sign-offs are still small talk, and a change is still not carried out.
  it.each([
    'great work everyone on the change last night',
    'cheers for the help earlier mate',
    'good night folks, logging off',
    'cheers, great work everyone',
    'thanks all, great work on the change',
    'cheers, nice work on the history this week',
    'morning all, hope the weekend was good',
  ])('still acts on nothing in chatter that opens with a greeting or thanks: %j', (text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  // Each had turned the setting off: the negation stands before the word that turns it off.
  it.each([
    'keep the reminders going, do not switch them off',
    "don't turn the tenant watch off, we still want alerts",
    'never pause the weekly digest',
  ])('turns nothing off when told not to: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  // Asked to leave the setting as it is: each had turned it off, on the negation or on an "off" that belongs to
  // another verb ("signs off").
  it.each([
    'nobody touch the tenant watch until security has signed off',
    'nobody should alter the tenant watch',
    'leave the tenant watch alone for now',
  ])('turns nothing off when asked to keep the setting: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  it.each([
    ["we don't need reminders, turn them off", { intent: 'remind', cadence: 'off' }],
    ['do not remind us any more', { intent: 'remind', cadence: 'off' }],
    ['stop the tenant watch, we do not need it', { intent: 'watch', setting: 'off' }],
  ])('still turns a setting off when asked to: %j', (text, proposal) => {
    expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal });
  });

  // Each had turned the setting off on the "off" or "stop" of another verb, or on a negation of another clause.
  it.each([
    'leave the tenant watch alone until the change board signs off',
    'nobody should alter the reminders until finance signs off',
    'never touch the watch while the auditors are here',
  ])('turns nothing off on another verb or a keep order: %j', (text) => {
    const reading = understanding.interpret(text, context);
    const first = firstProposal(reading);
    expect(first ?? {}).not.toMatchObject({ setting: 'off' });
    expect(first ?? {}).not.toMatchObject({ cadence: 'off' });
  });

  // A name typed "@Name" rather than picked is no mention, and no typo either: "@Marco" had read as "march", a due date.
  it.each(['task 4 due to @marco', 'hand the agent install to @Marco', 'give step 2 to @maya'])(
    'reads no date in a name typed after "@": %j',
    (text) => {
      const reading = understanding.interpret(text, context);
      const proposals =
        reading.kind === 'act' ? [reading.proposal] : reading.kind === 'choose' ? reading.proposals : [];
      expect(proposals.filter((proposal) => proposal.intent === 'due')).toEqual([]);
    },
  );

  // Each had reopened the task on "move … to", the words of moving a task back: going on to a task starts it.
  it.each([
    ['move on to the agent install', 3],
    ['we can move onto the configuration', 4],
  ])('reopens nothing a message goes on to, and offers to start it: %j', (text, taskNumber) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(reading.kind === 'choose' ? reading.proposals[0] : undefined).toEqual({ intent: 'taskStart', taskNumber });
  });

  // A name typed without '@' is one letter from a month ("marco", "avril", "augusto"): read as one, it had made a due
  // date that the second model acted on. A month is a typo's reading only beside a day's number.
  it.each(['assign 4 to Marco', 'pass the agent install over to avril', 'config goes to augusto now'])(
    'reads no date in a plain name one letter from a month: %j',
    (text) => {
      const reading = understanding.interpret(text, context);
      const proposals =
        reading.kind === 'act' ? [reading.proposal] : reading.kind === 'choose' ? reading.proposals : [];
      expect(proposals.filter((proposal) => proposal.intent === 'due')).toEqual([]);
    },
  );

  it.each([
    ['agent install due decmber 15', { intent: 'due', taskNumber: 3, date: '2026-12-15' }],
    ['config is due the 4th of janaury', { intent: 'due', taskNumber: 4, date: '2027-01-04' }],
  ])('still reads a misspelt month beside its day: %j', (text, proposal) => {
    const reading = understanding.interpret(text, context);
    const first = firstProposal(reading);
    expect(first).toEqual(proposal);
  });

  // Each had turned the setting off: naming both ways, the message asks which one it is.
  it.each([
    ['is the daily digest on or off right now', { intent: 'remind', cadence: 'show' }],
    ['tenant watch: off or on?', { intent: 'watch', setting: 'show' }],
  ])('shows a setting asked about as on or off: %j', (text, proposal) => {
    const reading = understanding.interpret(text, context);
    const first = firstProposal(reading);
    expect(first).toEqual(proposal);
  });

  // Each had turned the setting on, or read nothing: these verbs stop it.
  it.each([
    ['cease the weekly reminders', { intent: 'remind', cadence: 'off' }],
    ['discontinue monitoring sync', { intent: 'watch', setting: 'off' }],
  ])('turns a setting off on a verb that stops it: %j', (text, proposal) => {
    const reading = understanding.interpret(text, context);
    const first = firstProposal(reading);
    expect(first).toEqual(proposal);
  });

  // Each had turned the watch on: a setting named alone in a question asks how it is set.
  it.each(['sync watch?', 'tenant watch on?'])('shows the watch asked about in a word or two: %j', (text) => {
    const reading = understanding.interpret(text, context);
    const first = firstProposal(reading);
    expect(first).toEqual({ intent: 'watch', setting: 'show' });
  });

  it.each([
    'the job stopped on friday and no one saw it for days, so turn on the tenant watch here',
    'we kicked off the install yesterday; please switch on the sync watch',
  ])('reads the order to turn a setting on past another clause: %j', (text) => {
    const reading = understanding.interpret(text, context);
    const first = firstProposal(reading);
    expect(first).toMatchObject({ intent: 'watch', setting: 'on' });
  });
});

describe('hedged changes', () => {
  // A change once meant and not made is told, not asked for: each had offered the change (or a reopen) first.
  it.each([
    'I was going to close task 3 but the agent keeps dropping out',
    'we were about to skip the verification, then the auditor called',
    'I was about to mark the prereqs done but the proxy still blocks the agent',
  ])('shows the help card for a change once meant and not made: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  // Each had offered the reopen or the skip as if asked for now.
  it.each(['perhaps we skip the verification next month, not today', 'we might have to reopen task 3 at some point'])(
    'shows the help card for a change hedged before the task it names: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).toBe('help');
    },
  );

  // Talk of later asks for nothing now, not even something to show: these had acted on the report or the history, or
  // offered the share or the digest.
  it.each([
    'we could send the auditors a report some day',
    'the steering group will probably want the history of changes',
    'eventually we will share the plan with the service desk',
    'thinking about turning the weekly digest on, need to ask the team',
  ])('shows the help card for a statement about later: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  it('still acts on a request whose aside talks of later: "could you list the tasks? probably nothing new"', () => {
    const reading = understanding.interpret('could you list the tasks? probably nothing new', context);
    expect(reading.kind === 'act' && reading.proposal).toEqual({ intent: 'tasks' });
  });

  it('still offers a change whose reason is hedged after it: "reopen task 1, we might go another way"', () => {
    const reading = understanding.interpret('reopen task 1, we might go another way', context);
    const first = firstProposal(reading);
    expect(first).toMatchObject({ intent: 'taskReopen', taskNumber: 1 });
  });
});

describe('a task the message gives to someone', () => {
  // Each had started the task: the message is about its owner, so another change read from it is offered with the
  // assignment, and neither carried out.
  it.each([
    ['<at>Ines</at> the verification task is yours from now, handing it to you', 'taskStart', 5, 'mentioned'],
    ['<at>Ines</at> you are on the verify task from now, moving it to you', 'taskStart', 5, 'mentioned'],
    ['start the config task and give it to me', 'taskStart', 4, 'me'],
  ])('offers, never carries out, %j', (text, intent, taskNumber, to) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(reading.kind === 'choose' ? reading.proposals : []).toEqual(
      expect.arrayContaining([
        { intent, taskNumber },
        { intent: 'assign', taskNumber, to },
      ]),
    );
  });
});

describe('praise and the past are no assignment', () => {
  // Each had changed the task: praise thanks someone for work, and the past tense tells who had it, neither asks for a
  // change.
  it.each([
    ['<at>Kofi</at> good job on the config', 'assign', 4],
    ['<at>Mei</at> nice one on task 5', 'assign', 5],
    ['<at>Mei</at> well done with the verification', 'taskDone', 5],
    ['<at>Lars</at> was assigned the config at my old job', 'assign', 4],
    ['<at>Lars</at> got assigned the verification in the pilot', 'assign', 5],
    ['<at>Lars</at> owned task 4 on the previous rollout', 'assign', 4],
    ['I was assigned task 3 on the last project', 'assign', 3],
    ['I owned the prereqs on the old tenant', 'assign', 2],
    // A request after the praise that names no task of its own leaves the praised one a guess.
    ['<at>Mei</at> well done with the verification, please keep it up', 'taskDone', 5],
    ['<at>Kofi</at> great job on the config, can you tell the others', 'assign', 4],
  ] as const)('offers, never carries out, %j', (text, intent, taskNumber) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toMatchObject({ intent, taskNumber });
  });

  // Starting or skipping a task that is done (the tool choice, here), or starting a skipped one, undoes where it
  // stands: offered, never carried out, whatever the words. An open task still starts from words.
  it.each([
    ['kindly start the assessment for choosing the tool', 'taskStart', 1],
    ['please start task 1 again', 'taskStart', 1],
    ['skip the tool choice', 'taskSkip', 1],
  ] as const)('offers, never carries out, a change undoing a finish: %j', (text, intent, taskNumber) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toEqual({ intent, taskNumber });
  });
  it('still starts an open task from words: "start the agent install"', () => {
    expect(understanding.interpret('start the agent install', context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'taskStart', taskNumber: 3 },
    });
  });

  // News of what someone else will do later is no order: the help card, nothing changed, nothing offered.
  it.each([
    '<at>Declan</at> will take the agent install after lunch',
    'my colleague will take over task 4 after the holidays',
    'the network team will open 443 outbound tomorrow',
  ])('changes nothing for news of a plan: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  // Starting over named with a word that undoes it asks for the discarded plan back: these had started over.
  it.each(['please make the start over undone', 'reverse the restart we did', 'roll back the start over'])(
    'offers or makes the restore, and starts nothing over: %j',
    (text) => {
      const reading = understanding.interpret(text, context);
      if (reading.kind === 'act') expect(reading.proposal).toEqual({ intent: 'restore' });
      else
        expect(reading.kind === 'choose' && reading.proposals.map((proposal) => proposal.intent)).toContain('restore');
    },
  );

  // A request to a colleague for later is theirs to do then: the help card, nothing changed or offered.
  it.each([
    '<at>Wen</at> please take the prereqs when you are back from leave',
    '<at>Ines</at> could you mark the config as finished once you get a chance?',
    'hi <at>Bram</at>, please restart the questions tomorrow',
    '<at>Kofi</at> kindly skip task 5 before the weekend',
  ])('changes nothing for a request to a colleague for later: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  // Anything asked of a colleague now is theirs to do, perhaps elsewhere: the help card with that command among the
  // closest, nothing carried out or offered as a button to the channel. Naming them as the owner is still done (below).
  it.each([
    ['<at>Wen</at> please mark the prerequisites as finished', 'taskDone'],
    ['<at>Ines</at> can you reopen task 3', 'taskReopen'],
    ['<at>Bram</at> please start over with the questions', 'startOver'],
    ['<at>Thabo</at> can you please check the proxy logs for the agent traffic?', undefined],
    ['<at>Pierre</at> please set the due date on task 5 yourself', 'due'],
  ] as const)('shows the help card for a request to a colleague: %j', (text, intent) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('help');
    if (intent !== undefined && reading.kind === 'help') expect(reading.closest).toContain(intent);
  });

  // A command told to a colleague to type is theirs: the help card, not a button for everyone in the channel.
  it.each([
    '<at>Liam</at> you can just type done 3 when you are finished',
    "you can type 'done 4' when you're finished, <at>Priya</at>",
    '<at>Jordan</at> the bot says type remind weekly if you want the digest',
  ])('shows the help card for a command told to a colleague to type: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  // Put off in words, a command is for later: the help card.
  it.each([
    "not now, I'll look at the next task after the meeting",
    'not right now, maybe the reminders next week',
    'share the plan? maybe later',
  ])('does nothing now for a message put off: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  // Leave asked for a change, with the reason after it, is the change offered, never carried out.
  it.each([
    ['would it be acceptable to skip the prerequisites? the architect already reviewed them', 'taskSkip', 2],
    ['is it fine if we start the config now', 'taskStart', 4],
  ] as const)('offers the change leave is asked for: %j', (text, intent, taskNumber) => {
    expect(understanding.interpret(text, context)).toMatchObject({
      kind: 'choose',
      proposals: [{ intent, taskNumber }],
    });
  });

  it.each([
    ['<at>Omar</at> can you own the verification', 5],
    ['thanks <at>Omar</at>, please own task 4', 4],
    ['<at>Omar</at> is taking the config', 4],
    ['<at>Omar</at> will own the verification', 5],
    // Praise before a request of its own: the request names the task after the praise.
    ['nice work <at>Priya</at>, please take the config as well', 4],
    ['great job <at>Jonas</at>, can you grab task 5 as well', 5],
  ] as const)('still assigns a task asked to be owned now: %j', (text, taskNumber) => {
    expect(understanding.interpret(text, context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'assign', taskNumber, to: 'mentioned' },
    });
  });
});

describe('a due date the words allow but do not pin down', () => {
  // A number that follows no word naming a task may count servers, people or approvals: the task is a guess.
  it.each([
    'finished 3 of the servers by thursday',
    'need 2 sign-offs by monday',
    'deadline is friday, 4 people are off',
  ])('offers, never sets, a task read from a stray number: %j', (text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  // Each had read no day: a count with a plus is read from today, though it may count from the day already set.
  it.each([
    ['due 4 +3d', 4, '2026-12-04'],
    ['push t3 +1w', 3, '2026-12-08'],
    ['verification deadline +2w', 5, '2026-12-15'],
  ])('offers, never sets, a day counted with a plus: %j', (text, taskNumber, date) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toEqual({ intent: 'due', taskNumber, date });
  });

  // Each had set a day of January or February: the range says how long the work takes, not by when.
  it.each(['task 3 due in 1-2 weeks', 'the config will take 2-3 days, put a deadline on it'])(
    'sets no day from a range of counts: %j',
    (text) => {
      const reading = understanding.interpret(text, context);
      expect(reading.kind === 'act' && reading.proposal.intent === 'due').toBe(false);
    },
  );

  // A part of a month or week names no one day of it: each had set the day the resolvers read in it (the button shows
  // that day, for the person to confirm or type another).
  it.each([
    ['the prereqs are due early in january', 2],
    ['config deadline late next week', 4],
    ['verification due the beginning of next month', 5],
    ['agent install due start of march', 3],
  ])('offers, never sets, a part of a month or week: %j', (text, taskNumber) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toMatchObject({ intent: 'due', taskNumber });
  });

  it.each([
    ['config due the 20th of january', 4, '2027-01-20'],
    ['verification deadline end of january', 5, '2027-01-31'],
  ])('still sets a day of the month, or its end: %j', (text, taskNumber, date) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind === 'act' && reading.proposal).toEqual({ intent: 'due', taskNumber, date });
  });

  // A month the training sentences never name ("feb", "apr", "sept") had made each an offer, where the same day in
  // December was set: every month beside its day is read alike.
  it.each([
    ['the prereqs are due feb 9', 2, '2027-02-09'],
    ['set task 5 due 14 apr', 5, '2027-04-14'],
    ['move the agent install deadline to the 2nd of feb', 3, '2027-02-02'],
    ['config due 26 february', 4, '2027-02-26'],
    ['push task 3 to mar 1st', 3, '2027-03-01'],
    ['task 2 deadline: 2027-03-15', 2, '2027-03-15'],
  ])('sets a day a few months ahead, whichever month: %j', (text, taskNumber, date) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind === 'act' && reading.proposal).toEqual({ intent: 'due', taskNumber, date });
  });

  // A weekday cut short had been offered where the same weekday in full was set: the model had never learnt it.
  it.each([
    ['the verify step is due thurs', 5, '2026-12-03'],
    ['prereqs by weds', 2, '2026-12-02'],
    ['agent install due fri', 3, '2026-12-04'],
  ])('sets a weekday cut short after a deadline word: %j', (text, taskNumber, date) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind === 'act' && reading.proposal).toEqual({ intent: 'due', taskNumber, date });
  });

  it.each([
    ['the config is due on nov 30', 4, '2027-11-30'],
    ['due 2 2036-01-15', 2, '2036-01-15'],
    ['verify step due 12 sept', 5, '2027-09-12'],
  ])('offers, never sets, a day more than half a year ahead: %j', (text, taskNumber, date) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toEqual({ intent: 'due', taskNumber, date });
  });

  it.each([
    ['task 4 due 3/11', 'two numbers that could each be the month'],
    ['task 4 due 11/30/2025', 'a day already past'],
    ['task 4 due 2 march 2020', 'a day already past'],
  ])('offers, never sets, %j (%s)', (text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  // "last" before a weekday names the one already gone: each had set the coming one as the due date.
  it.each([
    ['the config was due last thursday', 4, '2026-11-26'],
    ['prereqs due this past monday', 2, '2026-11-30'],
    ['task 5 deadline was previous wednesday', 5, '2026-11-25'],
  ])('offers, never sets, the past weekday that "last" names: %j', (text, taskNumber, date) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(reading.kind === 'choose' && reading.proposals[0]).toEqual({ intent: 'due', taskNumber, date });
  });

  // Each had offered only the month-first day: both readings are buttons, month first, and neither is set.
  it.each([
    ['task 2 due 3/4', 2, '2027-03-04', '2027-04-03'],
    ['make the verification due 6/9', 5, '2027-06-09', '2027-09-06'],
    ['agent install deadline 2/1/2027', 3, '2027-02-01', '2027-01-02'],
  ])('offers both readings of a slashed date: %j', (text, taskNumber, monthFirst, dayFirst) => {
    expect(understanding.interpret(text, context)).toEqual({
      kind: 'choose',
      proposals: [
        { intent: 'due', taskNumber, date: monthFirst },
        { intent: 'due', taskNumber, date: dayFirst },
      ],
    });
  });

  // A report of what happened on a day tells of then: these had reopened the task (on "back", or on "was finished")
  // or put the coming weekday's due date first. Finishing the task comes first, and nothing else is carried out.
  it.each([
    ['back on the 2nd we did the verification', 5],
    ['the config was finished on 2026-11-19', 4],
    ['we wrapped up task 5 on friday', 5],
    ['the agent install got done on thursday', 3],
  ] as const)('offers the finish first from a report of a past day: %j', (text, taskNumber) => {
    const reading = understanding.interpret(text, context);
    expect(firstProposal(reading)).toEqual({ intent: 'taskDone', taskNumber });
  });

  // The day a task was moved to is its new date, past tense or not; and a terse "t4 thursday" in chat gives the day
  // for the task as plainly as "due 4 thursday" does.
  it.each([
    ['the verification slipped to the 10th', 5, '2026-12-10'],
    ['t4 thursday', 4, '2026-12-03'],
  ] as const)('keeps the due date first where the day is the one to meet: %j', (text, taskNumber, date) => {
    expect(firstProposal(understanding.interpret(text, context))).toEqual({ intent: 'due', taskNumber, date });
  });

  it.each([
    ['due 4 friday', 4, '2026-12-04'],
    ['the deadline for 5 is monday', 5, '2026-12-07'],
    ['task 4 due 21/12', 4, '2026-12-21'],
    ['task 4 due 12/12', 4, '2026-12-12'],
  ])('still sets a date the words pin down: %j', (text, task, date) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind === 'act' && reading.proposal).toEqual({ intent: 'due', taskNumber: task, date });
  });
});

describe('numbers that time or count something', () => {
  // A lone number after "at", "in" or "about", or before a plural, times or counts something: each had changed the
  // task of that number.
  it.each([
    ['finished at 4', 'taskDone'],
    ['kicking off in 2', 'taskStart'],
    ['4 sites done', 'taskDone'],
    ['5 machines finished', 'taskDone'],
    ['skipped about 5', 'taskSkip'],
    // A plural the model only knows in the singular is no typo of it: read as the singular, these had acted.
    ['kicked off 4 upgrades', 'taskStart'],
    ['started 4 migrations today', 'taskStart'],
    ['6 servers complete', 'taskDone'],
  ])('offers, never changes, the task a timing or counting number names: %j', (text, intent) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).not.toBe('act');
    expect(firstProposal(reading)?.intent).toBe(intent);
  });

  it.each([
    ['mark 4 finished', 'taskDone', 4],
    ['3 is finished', 'taskDone', 3],
    ['skip 5 pls', 'taskSkip', 5],
  ])('still changes the task a lone number names: %j', (text, intent, taskNumber) => {
    expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal: { intent, taskNumber } });
  });
});

describe('statements that ask, and questions answered no', () => {
  // A tag at the end asks whether the statement is so: each had changed the task.
  it.each([
    'the prereqs are finished, right',
    'task 4 skipped or not',
    'task 5 finished or what',
    'the agent install is complete - right',
  ])('changes no task on a statement that ends with a question tag: %j', (text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  // The writer answers their own question: each had marked the task done or skipped it.
  it.each(['skip the config? no', 'prereqs done? nope', 'start task 4? hmm, no'])(
    'changes no task on a question its writer answers no: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).not.toBe('act');
    },
  );

  it.each([
    ['mark task 3 done right now', 'taskDone'],
    ['task 3 done? yes', 'taskDone'],
  ])('still reads "right" that is no tag, and a question answered yes, as before: %j', (text, intent) => {
    expect(firstProposal(understanding.interpret(text, context))?.intent).toBe(intent);
  });
});

describe('changes of the whole plan and settings put in doubt', () => {
  // A tag, the writer's own "no", disbelief or a refusal doubts a change of the whole plan or a setting as it does a
  // task change: each had shared the plan, started or restored, or turned a setting on or off.
  it.each([
    ['the writer\'s own "no"', 'share this plan with everyone? no'],
    ['the writer\'s own "no"', 'switch on the sync watch? nope'],
    ['the writer\'s own "no"', 'remind us every week? hmm, no'],
    ['the writer\'s own "no"', 'restore the earlier plan? no'],
    ['the writer\'s own "no"', 'turn off the reminders? no'],
    ['a tag', 'share the plan with the channel, right'],
    ['a tag', 'switch on the tenant watch or not'],
    ['a tag', 'begin the questions again or what'],
    ['disbelief', 'activate the tenant watch, yeah right'],
    ['disbelief', 'send us weekly reminders, as if'],
    ['a refusal', 'we will not kick off the questionnaire'],
  ])('carries out no change of the whole plan or setting doubted by %s: %j', (_why, text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  // A later clause that opens with a correction takes back the setting said before it: these had turned it off.
  it.each([
    'switch on the tenant watch and later switch it off, no wait keep it running',
    'turn the daily reminders off, wait no, leave them',
  ])('carries out no setting the message takes back: %j', (text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  // A setting turned on inside a hypothetical, or once meant and not done, is weighed or told: these had turned it on.
  it.each([
    'if we enable the tenant watch then what',
    'suppose we turn on weekly reminders',
    'if we turn on daily reminders, what changes',
    'we were going to turn on the tenant watch last month',
    'we had planned to switch on weekly reminders',
  ])('turns on no setting said inside a hypothetical: %j', (text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  // The writer telling what they or others did is a report of then, no order for now: these had started over or
  // restored the plan.
  it.each([
    'we restarted the questionnaire last week',
    'I started again from scratch yesterday',
    'we restored the old plan this morning',
  ])('carries out no change of the whole plan the writer tells they made: %j', (text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  it('still starts again where a later clause asks for it after the report', () => {
    expect(understanding.interpret('we picked the wrong tool, start again', context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'startOver' },
    });
  });

  it.each(['alert the team if the sync job stops', 'if sync breaks, turn on the watch'])(
    'still turns the watch on where the condition is what to watch for: %j',
    (text) => {
      expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal: { intent: 'watch' } });
    },
  );

  it.each([
    ['can we start again from scratch please', { intent: 'startOver' }],
    ['could you please switch on daily reminders?', { intent: 'remind', cadence: 'daily' }],
    ['would you share this plan with the team', { intent: 'share' }],
    ['can you turn the sync watch on for us?', { intent: 'watch', setting: 'on' }],
    ['we lost the old plan by accident, could you bring it back?', { intent: 'restore' }],
  ])('still acts on a request put as a question: %j', (text, proposal) => {
    expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal });
  });
});

describe('the day something happened', () => {
  // A day in a message about the past says when it happened: each had set the coming weekday as the due date.
  it.each([
    ['we did the prereqs on friday', 2],
    ['the agent install happened on monday', 3],
  ])('offers, never sets, a due date from a day the message says something happened on: %j', (text, taskNumber) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    // Other readings of a report may come first (history, finishing it); the day stays an offer for the task named.
    expect(reading.kind === 'choose' ? reading.proposals : []).toContainEqual(
      expect.objectContaining({ intent: 'due', taskNumber }),
    );
  });

  // A report of finishing a task on a day still to come this month: these had offered reopening the task first.
  it.each([
    ['task 4 was completed on the 2nd', 4],
    ['the verification was finished on the 28th', 5],
  ])(
    'offers finishing the task first, never a reopen, for a report of finishing it on a day: %j',
    (text, taskNumber) => {
      const reading = understanding.interpret(text, context);
      expect(reading.kind).toBe('choose');
      expect(firstProposal(reading)).toEqual({ intent: 'taskDone', taskNumber });
    },
  );

  // A word that only ends like a past form tells of no day gone by: these had offered finishing the task first.
  it.each([
    ['speed up the agent install on friday', 3],
    ['task 4 on friday, speed it up', 4],
  ])('offers the day, not finishing the task, for an order with a word ending in "-ed": %j', (text, taskNumber) => {
    expect(firstProposal(understanding.interpret(text, context))).toMatchObject({ intent: 'due', taskNumber });
  });

  it.each([
    ['the config must be finished by friday', 4, '2026-12-04'],
    ['the verification should be completed by thursday', 5, '2026-12-03'],
  ])('still sets a deadline said with a past participle: %j', (text, taskNumber, date) => {
    expect(understanding.interpret(text, context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'due', taskNumber, date },
    });
  });
});

describe('what was done before', () => {
  // A habit or an obligation in the past tells a story: each had changed the task.
  it.each(['we used to reopen task 4 every week', 'we had to skip task 5 on the old tenant'])(
    'changes no task in a story of what used to be or had to be done: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).not.toBe('act');
    },
  );
});

describe('words that deny, quote or weigh a change', () => {
  // Disbelief said after (or before) the change denies it: these had marked the task done.
  it.each([
    'mark the config done no way',
    'the prereqs are anything but finished',
    'yeah right, task 5 is complete',
    'wrap up the agent install nicht',
    'the verification is finished, sure it is',
    'prereqs complete? aye right',
    'task 4 is done, pull the other one',
  ])('carries out nothing a word of disbelief denies: %j', (text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  // Telling someone what to type asks the bot for nothing: at most the command is offered.
  it.each([
    "<at>Ruth</at> tell them to type 'skip 5' so it is recorded",
    'you can type assign 4 to me',
    'just type mark task 2 done',
    'the command is skip task 5',
    'you can say turn on daily reminders',
  ])('carries out no command a message quotes for someone to type: %j', (text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  // A verb of typing that opens the message, or words that tell someone what to send the bot, quote the command
  // without quotation marks: these had carried it out.
  it.each(['tell the bot mark task 2 done', 'you just write done 4', 'ok, write assign 3 to me', 'say share the plan'])(
    'carries out no command quoted without quotation marks: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).not.toBe('act');
    },
  );

  // "off" said of a server, with no cadence or reminder named, is no setting: these had offered the reminders off
  // beside another reading.
  it.each(['switch off the file server', 'turn off the backup server tonight'])(
    'offers no setting turned off for something that is not one: %j',
    (text) => {
      const reading = understanding.interpret(text, context);
      const offered = reading.kind === 'choose' ? reading.proposals.map((proposal) => proposal.intent) : [];
      expect(reading.kind).not.toBe('act');
      expect(offered).not.toContain('remind');
    },
  );

  // A setting said to stay off, weighed in a question, or "off" said of something the bot does not have: these had
  // turned reminders or the watch on or off (or offered to).
  it.each([
    ['a negated order to turn it on', 'we will not switch on the weekly digest'],
    ['a negated order to turn it on', "we won't enable the tenant watch"],
    ['a negated order to turn it on', 'nobody is going to turn on daily reminders'],
    ['a cadence said unwanted', 'honestly we do not want a weekly digest'],
    ['a question that weighs it', 'should we switch on weekly reminders'],
    ['a question that weighs it', 'should we enable the tenant watch'],
    ['a question that weighs it', 'do we want to switch on the daily digest'],
    ['something else turned off', 'please switch off the coffee machine'],
    ['something else turned off', 'turn the radio off'],
    ['something else turned off', 'mute your mic please'],
    ['something else turned off', 'I switched off the heating last night'],
    ['something else turned off, a word after it', 'turn the vpn off please'],
    ['something else turned off, a word after it', 'switch the office heater off now'],
  ])('changes and offers no setting for %s: %j', (_why, text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  it.each([
    ['turn off the tenant watch', { intent: 'watch', setting: 'off' }],
    ['stop the nagging', { intent: 'remind', cadence: 'off' }],
    ['switch off the weekly pings', { intent: 'remind', cadence: 'off' }],
    ['turn on the daily reminders', { intent: 'remind', cadence: 'daily' }],
  ])('still acts on a setting turned off or on in so many words: %j', (text, proposal) => {
    expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal });
  });

  // The cadence inside an order to turn it off is the one turned off: this had turned daily reminders on.
  it('turns off, and does not turn on, the reminders of "switch the daily nudges off"', () => {
    expect(understanding.interpret('switch the daily nudges off', context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'remind', cadence: 'off' },
    });
  });
});

describe("orders about other things, and labels of the admin's own", () => {
  it.each([
    ['keep the daily reminders, but turn the weekly summary off', 'daily'],
    ['switch the daily nudges off', 'off'],
  ])('reads the reminders from the order that is about them: %j', (text, cadence) => {
    const reading = understanding.interpret(text, context);
    expect(firstProposal(reading)).toMatchObject({ intent: 'remind', cadence });
  });

  // Two orders in one message, each a setting: both are offered, and the "off" of the watch never turns the
  // reminders off.
  it('offers the daily reminders and the watch turned off for "send the daily digest and switch the tenant watch off"', () => {
    const reading = understanding.interpret('send the daily digest and switch the tenant watch off', context);
    expect(reading.kind).toBe('choose');
    const offered = reading.kind === 'choose' ? reading.proposals : [];
    expect(offered).toEqual(
      expect.arrayContaining([
        { intent: 'remind', cadence: 'daily' },
        { intent: 'watch', setting: 'off' },
      ]),
    );
    expect(offered).not.toContainEqual({ intent: 'remind', cadence: 'off' });
  });

  it.each(['kick off the t2 rollout', 'we are done with the t3 wave', 'skip the t4 pilot for now'])(
    'changes no task for a "tN" after an article, the name of something of the admin\'s own: %j',
    (text) => {
      const reading = understanding.interpret(text, context);
      expect(reading.kind === 'act' && 'taskNumber' in reading.proposal).toBe(false);
    },
  );
});

describe("another track's task named beside a setting", () => {
  // With the task's words masked the message read as turning the watch on; with them, as the tenant check they name.
  // The two readings disagree, so the setting is offered, never turned on.
  it.each(['health check on the sync please', 'health check on sync pls'])('offers, never turns on, %j', (text) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
  });
});

describe('a request between a story and an afterthought', () => {
  // Each had shown the help card: the whole read as nothing, and its last sentence too. The sentence that asks is
  // offered, never carried out.
  it.each([
    [
      'The migration weekend went fine and the helpdesk was quiet, which nobody expected. Could you show me the next task? The vendor wants a call later but that can wait.',
      'next',
    ],
    [
      'Our auditor found a third domain none of us knew existed, which changes the picture. Please discard this plan and start over from the first question. Thanks for keeping the old one around.',
      'startOver',
    ],
  ])('offers what the sentence asks: %j', (text, intent) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toMatchObject({ intent });
  });

  // A last sentence that leaves out its task is for the one the story names; the story's "not finished" is no refusal
  // of it.
  it('offers the change for the task the story names: reopen it please', () => {
    const reading = understanding.interpret(
      'What a week: someone ticked off the configuration on Monday but the scoping filter is wrong and half the users are missing, so it is clearly not finished. Reopen it please while we fix the filter.',
      context,
    );
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toEqual({ intent: 'taskReopen', taskNumber: 4 });
  });

  // A sentence that itself refuses, weighs or puts off what it names asks for nothing.
  it.each([
    'Our auditor found a third domain, which changes the picture. Please do not discard this plan and start over. Thanks for keeping the old one around.',
    'Our auditor found a third domain, which changes the picture. If it gets worse we discard this plan and start over. Thanks for keeping the old one around.',
  ])('offers no change a sentence refuses or weighs: %j', (text) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind === 'choose' ? reading.proposals.map((proposal) => proposal.intent) : []).not.toContain(
      'startOver',
    );
  });
});

describe('thanks that names help', () => {
  // The help command had been shown as asked for: the second model reads no command in thanks.
  it.each(['cheers, that was helpful'])('shows the help card, not the help command: %j', (text) => {
    expect(understanding.interpret(text, context).kind).toBe('help');
  });

  it.each(['help please', 'what can you help with'])('still shows help asked for: %j', (text) => {
    expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal: { intent: 'help' } });
  });
});

describe('leave asked to change a task', () => {
  // Each had been answered from the guide: asking whether one may make a change asks for it. Offered, never carried
  // out; a change said without its task is for the one the message names.
  it.each([
    ['we wrapped up the agent install yesterday, is it alright if I mark it done?', 'taskDone', 3],
    ['is it ok if we skip task 4? the partner already configured it', 'taskSkip', 4],
  ] as const)('offers the change: %j', (text, intent, taskNumber) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toEqual({ intent, taskNumber });
  });

  it('still answers leave asked for what is no change of a task', () => {
    expect(understanding.interpret('is it ok if we install the agent on a domain controller?', context).kind).toBe(
      'answer',
    );
  });
});

describe('a closing order after its reasons', () => {
  // Each had shown the help card: the reason's "won't start" refused the start the model read. The closing order is
  // offered, never carried out, for the task the message names.
  it.each([
    ["the configuration isn't done, the provisioning job won't start, reopen it", 4],
    ["verification isn't really over, the sync cycle won't start, please reopen it", 5],
  ])('offers the order: %j', (text, taskNumber) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toEqual({ intent: 'taskReopen', taskNumber });
  });

  it("offers no order the closing clause refuses: 'the agent install works fine now, do not reopen it'", () => {
    const reading = understanding.interpret('the agent install works fine now, do not reopen it', context);
    expect(reading.kind === 'choose' ? reading.proposals.map((proposal) => proposal.intent) : []).not.toContain(
      'taskReopen',
    );
  });
});

describe('a CSV for auditors, a discarded plan back, the alert setting', () => {
  it.each([
    ['Produce the evidence pack for the audit committee, CSV please', { intent: 'report' }],
    ['oops. un-discard the plan', { intent: 'restore' }],
    ["what's the alert setting right now?", { intent: 'watch', setting: 'show' }],
  ])('reads %j as %j first', (text, proposal) => {
    expect(firstProposal(understanding.interpret(text, context))).toEqual(proposal);
  });
});

describe('a question about where the agent may go', () => {
  it.each(['can the agent go on a DC?', 'can I install the agent on a domain controller'])(
    'answers %j from the guide rather than offering a change of task 3',
    (text) => {
      const reading = understanding.interpret(text, context);
      expect(reading.kind).toBe('answer');
      expect(reading.kind === 'answer' ? reading.hits[0].text : '').toMatch(/domain controller/);
    },
  );

  it('still offers the change a question asks for: "can we skip task 5?"', () => {
    expect(firstProposal(understanding.interpret('can we skip task 5?', context))).toEqual({
      intent: 'taskSkip',
      taskNumber: 5,
    });
  });
});

describe('a read-only command called by its own name', () => {
  it.each([
    ["produce the project report for Contoso's steering group", 'report'],
    ['can I have the report of the project, with who has done what?', 'report'],
  ])('offers %j as the %s first', (text, intent) => {
    expect(firstProposal(understanding.interpret(text, context))?.intent).toBe(intent);
  });

  it('leaves a slip that only reads as the name as read: "progess reprot" is the status', () => {
    expect(firstProposal(understanding.interpret('progess reprot', context))?.intent).toBe('status');
  });
});

describe('later in Caribbean English', () => {
  it('puts off what "soon come" says: no change, no offer of one', () => {
    expect(understanding.interpret('soon come wid di config', context).kind).toBe('help');
  });
});

describe('an opening order with its reason after it', () => {
  // Each had shown the help card: the reason's task words ("the agent") hid the bare number after the verb, and an
  // interjection before the verb hid the order. The order is offered, never carried out.
  it.each([
    ['reopen 3, the agent went inactive', { intent: 'taskReopen', taskNumber: 3 }],
    ["ugh skip the agent install, it's already on the box from the pilot", { intent: 'taskSkip', taskNumber: 3 }],
    ['oops, reopen 2, the proxy still blocks chunked encoding', { intent: 'taskReopen', taskNumber: 2 }],
  ])('offers the order: %j', (text, proposal) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toEqual(proposal);
  });
});

describe('requests put as questions', () => {
  // A request to the bot for a command of the whole plan is read as asked: "could you share the plan" had been sent to
  // the guide by the second model, unsure of it, and only offered.
  it.each([
    ['could you share the plan?', { intent: 'share' }],
    ['could we turn on daily reminders', { intent: 'remind', cadence: 'daily' }],
  ])('acts on %j', (text, proposal) => {
    expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal });
  });

  // Whether a task may be changed is weighed: offered at most.
  it.each(['could we skip the verification?', 'can we skip task 5?'])('offers at most: %j', (text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });
});

describe("a board's words for a task's state", () => {
  // A task moved to a state of the board ("to done", "to ongoing") is that change, and "park" a skip: each had offered
  // another change first (a reopen on "move … to", a start on "for now"). The state named leads; what the model read
  // differently is only offered.
  it.each([
    ['move the prereqs to done', 'taskDone', 2],
    ['put task 3 to done', 'taskDone', 3],
    ['move the verification to ongoing', 'taskStart', 5],
    ['park the configuration for now', 'taskSkip', 4],
    ['sidestep task 2 please, it was covered last year', 'taskSkip', 2],
    ['bypass the configuration step, a contractor set it up', 'taskSkip', 4],
  ] as const)('offers %j as the state it names first', (text, intent, taskNumber) => {
    expect(firstProposal(understanding.interpret(text, context))).toEqual({ intent, taskNumber });
  });

  it.each([
    ['close out task 4', 'taskDone', 4],
    ['park task 5', 'taskSkip', 5],
  ] as const)('carries out a plain board order: %j', (text, intent, taskNumber) => {
    expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal: { intent, taskNumber } });
  });

  // A state told of as it was, or taken back, is no state asked for: it had offered the task done first.
  it('leaves a state taken back to the model: I set the config to done by accident, undo that please', () => {
    expect(
      firstProposal(understanding.interpret('I set the config to done by accident, undo that please', context)),
    ).not.toMatchObject({ intent: 'taskDone' });
  });

  // A state the task goes back to is the model's to read ("set task 3 back to in progress" reopens it).
  it('leaves a state gone back to to the model: set task 3 back to in progress', () => {
    expect(firstProposal(understanding.interpret('set task 3 back to in progress', context))).toMatchObject({
      intent: 'taskReopen',
    });
  });
});

describe('an order after a technical report', () => {
  // Each had been answered from the guide on its technical words: the closing order is offered, never carried out.
  it.each([
    ['Provisioning agent registered on both servers, gMSA created, service shows running - close task 3', 3],
    ['TLS 1.2 enabled on the host, proxy allows the endpoints, IdFix report clean - close task 2', 2],
  ])('offers the order: %j', (text, taskNumber) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toEqual({ intent: 'taskDone', taskNumber });
  });
});

describe('a story of the past', () => {
  // It had offered the report, on its last clause: a statement of the past that asks nothing is no request.
  it.each(['In my last company we kept the staging server in a different region, it was a good design.'])(
    'shows the help card: %j',
    (text) => {
      expect(understanding.interpret(text, context).kind).toBe('help');
    },
  );

  // Asked for, what happened is still shown or offered.
  it.each([['show me what changed yesterday', 'history']])(
    'still reads a request about the past: %j',
    (text, intent) => {
      expect(firstProposal(understanding.interpret(text, context))).toMatchObject({ intent });
    },
  );
});

describe('no change from words that only sound like one', () => {
  // Each had carried out the change: a question weighing a change of the whole plan, a verb of turning off said of a
  // task or of something that is no setting, an opinion or a suggestion, a request to a person, a statement about
  // another reminder, the other sense of "remind … of", and a story of another workplace (a command there too).
  it.each([
    ['a question weighing starting over', 'should we start over'],
    ['a question weighing starting over', 'do we need to start over'],
    ['a question weighing starting over', 'should I start again from scratch'],
    ['a question weighing a restore', 'should we bring back the old plan'],
    ['a question weighing starting the questions', 'should we start the questions'],
    ['a question weighing sharing', 'should we share the plan'],
    ['a verb of turning off said of a task', 'switch off the agent server'],
    ['a verb of turning off said of a task', 'turn off the provisioning agent'],
    ['a verb of turning off said of a task', 'shut off the agent on server 2'],
    ['a verb of turning off said of a task', 'stop task 3'],
    ['a verb of turning off said of a task', 'pause task 4'],
    ['a verb of turning off said of a task', 'halt the verification'],
    ['an opinion', 'weekly reminders would be too much'],
    ['an opinion', 'daily reminders would be overkill for us'],
    ['an opinion', 'a tenant watch would be nice to have one day'],
    ['a suggestion taken back', "you could turn on daily reminders but please don't"],
    ['a suggestion taken back', 'we could switch on weekly reminders, but better not'],
    ['a suggestion', 'you could turn on the tenant watch'],
    ['a request to a person', '<at>Priya</at> can you check the verification'],
    ['a request to a person', '<at>Priya</at> could you look at the verification'],
    ['a request to a person', '<at>Omar</at> can you review the config task'],
    ['a request to a person', '<at>Lena</at> can you double check the prereqs'],
    ['a statement about another reminder', 'the daily standup reminder is off today'],
    ['a statement about another reminder', 'the weekly team reminder is off this week'],
    ['a statement about another reminder', 'my daily calendar reminder is switched off'],
    ['the other sense of remind', 'stop reminding me of that joke'],
    ['the other sense of remind', 'that reminds me of the DirSync days, stop'],
    ['the other sense of remind', 'please stop reminding us of last year'],
    ['a story of another workplace', 'Connect Sync was a nightmare at my last job tbh'],
    ['a story of another workplace', "why aren't we using aadc like the last place i worked"],
    ['a story of another workplace', 'at my old company we started over twice'],
    ['a story of another workplace', 'my previous employer ran the tenant check every day'],
    ['a story of another workplace', 'at my last job we turned on daily reminders'],
  ])('does not act on %s: %j', (_why, text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  it.each([
    ['start over', { intent: 'startOver' }],
    ['start over please', { intent: 'startOver' }],
    ['can we start over please', { intent: 'startOver' }],
    ['do a fresh start', { intent: 'startOver' }],
    ['start over?', { intent: 'startOver' }],
    ['stop the reminders', { intent: 'remind', cadence: 'off' }],
    ['stop reminding me', { intent: 'remind', cadence: 'off' }],
    ['turn off the reminders', { intent: 'remind', cadence: 'off' }],
    ['turn on daily reminders', { intent: 'remind', cadence: 'daily' }],
    ['weekly reminders please', { intent: 'remind', cadence: 'weekly' }],
    ['turn off the tenant watch', { intent: 'watch', setting: 'off' }],
    ['mark task 3 done', { intent: 'taskDone', taskNumber: 3 }],
    ['<at>Priya</at> can you take the verification', { intent: 'assign', taskNumber: 5, to: 'mentioned' }],
  ])('still acts on a plain order: %j', (text, proposal) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind === 'act' && reading.proposal).toEqual(proposal);
  });
});

describe('due dates taken away or named by a holiday, and questions how to use the bot', () => {
  it('reads a lone number as the task when the due date is cleared', () => {
    expect(understanding.interpret('clear the due date on 5', context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'due', taskNumber: 5, date: null },
    });
  });

  it('reads "valentines day" without the apostrophe as the holiday', () => {
    expect(firstProposal(understanding.interpret('make t3 due valentines day', context))).toEqual({
      intent: 'due',
      taskNumber: 3,
      date: '2027-02-14',
    });
  });

  it.each(["what's the syntax for turning on reminders", 'how must I write a due date so you understand it?'])(
    'shows the help card for a question how to use the bot: %j',
    (text) => {
      expect(understanding.interpret(text, context)).toMatchObject({ kind: 'act', proposal: { intent: 'help' } });
    },
  );
});
