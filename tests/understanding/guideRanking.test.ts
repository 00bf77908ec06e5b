/**
 * How the guide's search ranks its parts on questions worded unlike its lines: a word glued to another or to a version
 * is found where the guide writes it apart.
 */
import { loadCorpus } from '../../src/understanding/corpus';
import { GuideIndex } from '../../src/understanding/guideIndex';

const guide = new GuideIndex(loadCorpus('en'));
const cloudSyncPlan = [
  'cloudSync.chooseTool',
  'cloudSync.prerequisites',
  'cloudSync.installAgent',
  'cloudSync.configure',
];

function top(question: string): { taskIds: readonly string[]; text: string } | undefined {
  const answer = guide.answer(question, cloudSyncPlan);
  return answer.kind === 'answer' ? answer.hits[0] : undefined;
}

describe('glued words', () => {
  it.each([
    ['TLS1.2 reg keys', 'cloudSync.prerequisites', /TLS 1\.2/],
    ['tls1.2 needed on agent server?', 'cloudSync.prerequisites', /TLS 1\.2/],
    ['accidental-delete notify mailbox', 'cloudSync.configure', /accidental-delete prevention/],
  ])('"%s" finds the line that writes the parts apart', (question, taskId, line) => {
    const hit = top(question);
    expect(hit?.taskIds).toContain(taskId);
    expect(hit?.text).toMatch(line);
  });

  it('keeps a compound with a little word in it whole: "single sign-on" does not find the sign-in attribute', () => {
    expect(top('how do i set up seamless single sign-on')?.text).not.toMatch(/Sign-in attribute/);
  });
});
