/**
 * The questionnaire's words are a locale file (nlu/questionnaire.<locale>.json), checked when it loads: a bad entry
 * stops start-up with a message naming the file and the entry's path, never a reading that quietly goes wrong.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkQuestionnaireWords,
  loadQuestionnaireWords,
  QUESTION_WORDS,
  QUESTIONNAIRE_WORDS_DIR,
  QUALIFIERS_BEFORE,
  YEAR_MARKERS,
} from '../../src/domain/answerWords';
import { ANSWER_KEYS } from '../../src/domain/answers';

type Json = Record<string, any>;

/** A fresh copy of the English file, as parsed JSON, to break one entry of. */
function english(): Json {
  return JSON.parse(readFileSync(join(QUESTIONNAIRE_WORDS_DIR, 'questionnaire.en.json'), 'utf8')) as Json;
}

const SOURCE = 'nlu/questionnaire.xx.json';

describe('the questionnaire words file', () => {
  it('loads the English words for every question, with the domain numbers beside them', () => {
    const words = loadQuestionnaireWords('en');
    expect(words.locale).toBe('en');
    expect(Object.keys(words.questions).sort()).toEqual([...ANSWER_KEYS].sort());
    expect(words.questions).toEqual(QUESTION_WORDS);
    // Bands and versions are the domain's, not the file's: they join the words as the file loads.
    expect(words.questions.connectTotalObjects.counts?.bands.map((band) => band.value)).toEqual([
      'upTo2k',
      'under100k',
      'over100k',
    ]);
    expect(words.questions.connectBuild.versions?.bands.at(-1)).toEqual({
      value: 'current',
      orAlso: ['supportedOlder'],
    });
    expect(words.questions.connectServerOs.years?.years[2019]).toBe('ws2019');
  });

  it('splices a named list where "@name" stands, and keeps a note ("why") out of the words', () => {
    const file = english();
    file.lists.backups = ['backup box', 'warm spare'];
    file.questions.connectStaging.values.yes.topical.push('@backups');
    file.questions.connectStaging.values.yes.why = 'a note for whoever edits the file';
    const yes = checkQuestionnaireWords(file, SOURCE).questions.connectStaging.values.yes;
    expect(yes.topical?.slice(-2)).toEqual(['backup box', 'warm spare']);
    expect(yes).not.toHaveProperty('why');
  });

  it('turns the shared kinds and single words into the shapes the reader uses', () => {
    expect(QUALIFIERS_BEFORE).toContainEqual(['north of', 'above']);
    expect(YEAR_MARKERS.has('october')).toBe(true);
  });

  it('another language is another file: a copy under another locale loads the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'questionnaire-words-'));
    try {
      writeFileSync(join(dir, 'questionnaire.xx.json'), JSON.stringify({ ...english(), locale: 'xx' }));
      const words = loadQuestionnaireWords('xx', dir);
      expect(words.locale).toBe('xx');
      expect(words.questions).toEqual(QUESTION_WORDS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file when it is no JSON at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'questionnaire-words-'));
    try {
      writeFileSync(join(dir, 'questionnaire.xx.json'), '{ "locale": "xx", ');
      expect(() => loadQuestionnaireWords('xx', dir)).toThrow(
        `Questionnaire words ${join(dir, 'questionnaire.xx.json')}: cannot be read as JSON`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each<[string, (file: Json) => void, string, string]>([
    [
      'an unknown question',
      (file) => (file.questions.stagingServer = { example: 'one box', values: {} }),
      'questions.stagingServer',
      'is no question of the questionnaire',
    ],
    ['a question left out', (file) => delete file.questions.devices, 'questions.devices', 'is missing'],
    [
      'an answer the question does not have',
      (file) => (file.questions.devices.noneValue = 'nothingAtAll'),
      'questions.devices.noneValue',
      'is no answer of devices (none, hybridJoin, deviceWritebackOrWhfbHybridTrust)',
    ],
    [
      'a modifier that rewrites to an unknown answer',
      (file) => (file.questions.signIn.modifiers[0].rewrite.ptaSetup = ['keepEverything']),
      'questions.signIn.modifiers[0].rewrite.ptaSetup[0]',
      'is no answer of signIn',
    ],
    [
      'a modifier that rewrites a value with no words',
      (file) => (file.questions.signIn.modifiers[0].rewrite.adfsFarm = ['keepExistingPtaOrFederation']),
      'questions.signIn.modifiers[0].rewrite.adfsFarm',
      'names no value of signIn\'s "values"',
    ],
    [
      'a value that is no answer and that nothing says the meaning of',
      (file) => (file.questions.devices.values.kioskMode = { asked: ['kiosk'] }),
      'questions.devices.values.kioskMode',
      'is no answer of devices (none, hybridJoin, deviceWritebackOrWhfbHybridTrust), and no modifier or denial says what it stands for',
    ],
    [
      'a denial that means an unknown answer',
      (file) => (file.questions.connectStaging.denied.yes = 'nah'),
      'questions.connectStaging.denied.yes',
      'is no answer of connectStaging',
    ],
    [
      'a reply that leads with an unknown answer',
      (file) => (file.questions.enterpriseAdminAvailable.leading.yes = 'granted'),
      'questions.enterpriseAdminAvailable.leading.yes',
      'is no answer of enterpriseAdminAvailable',
    ],
    [
      'a word list written as one string',
      (file) => (file.questions.signIn.values.phs.topical = 'password hash sync'),
      'questions.signIn.values.phs.topical',
      'must be a non-empty list of words',
    ],
    [
      'an empty word',
      (file) => file.questions.signIn.values.phs.topical.push(' '),
      'questions.signIn.values.phs.topical[8]',
      'must be a non-empty string',
    ],
    [
      'a flag that is not true or false',
      (file) => (file.questions.currentSync.aboutToday = 'yes'),
      'questions.currentSync.aboutToday',
      'must be true or false',
    ],
    [
      'a misspelt field',
      (file) => (file.questions.signIn.values.phs.topicals = ['hash sync']),
      'questions.signIn.values.phs.topicals',
      'is no field here (why, topical, asked, weak)',
    ],
    [
      'a value with no words',
      (file) => (file.questions.connectBuild.values.current = {}),
      'questions.connectBuild.values.current',
      'must have "topical" or "asked" words',
    ],
    [
      'a weak word the value does not have',
      (file) => file.questions.devices.values.none.weak.push('tablets'),
      'questions.devices.values.none.weak',
      'holds "tablets"',
    ],
    [
      'a list named that the file does not have',
      (file) => file.questions.connectStaging.values.no.asked.push('@longGone'),
      'questions.connectStaging.values.no.asked[11]',
      'names no list of "lists"',
    ],
    [
      'version words on a question that reads no versions',
      (file) => (file.questions.signIn.versions = { context: ['build'] }),
      'questions.signIn.versions',
      'is for a question that reads no version numbers',
    ],
    [
      'a question that reads versions without their words',
      (file) => delete file.questions.connectBuild.versions,
      'questions.connectBuild.versions',
      'is missing: the question reads version numbers',
    ],
    [
      'an unknown kind of qualifier',
      (file) => (file.shared.qualifiersBefore.beneath = 'lower'),
      'shared.qualifiersBefore.beneath',
      'must be one of below, atMost, above, atLeast, about, justBelow, justAbove',
    ],
    [
      'an unknown kind of count unit',
      (file) => (file.shared.countUnits.mailboxes = ['shared mailboxes']),
      'shared.countUnits.mailboxes',
      'is no field here (people, objects, members, partial)',
    ],
    ['a shared list left out', (file) => delete file.shared.negations, 'shared.negations', 'must be a non-empty list'],
    [
      'a phrase where single words are read',
      (file) => file.shared.questionOpeners.push('how come'),
      'shared.questionOpeners[22]',
      'must be a single word',
    ],
    ['a file with no language', (file) => delete file.locale, 'locale', 'must name the language'],
  ])('rejects %s, naming the file and the entry', (_case, breakIt, path, what) => {
    const file = english();
    breakIt(file);
    expect(() => checkQuestionnaireWords(file, SOURCE)).toThrow(`Questionnaire words ${SOURCE}: "${path}" ${what}`);
  });
});
