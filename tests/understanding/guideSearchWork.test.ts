/**
 * The work a guide question costs, guarded by counting it rather than timing it: answering never runs a MiniSearch
 * search (whose fuzzy and prefix terms walk the whole vocabulary), looks up a bounded number of index terms however
 * long the question, and a question asked again is not looked up at all.
 */
import MiniSearch from 'minisearch';
import { loadCorpus } from '../../src/understanding/corpus';
import { GuideIndex } from '../../src/understanding/guideIndex';

const guide = new GuideIndex(loadCorpus('en'));
const plan = ['cloudSync.chooseTool', 'cloudSync.prerequisites', 'cloudSync.installAgent', 'cloudSync.configure'];

function topTask(question: string): readonly string[] {
  const answer = guide.answer(question, plan);
  return answer.kind === 'answer' ? answer.hits[0].taskIds : [];
}

describe('the work of a guide question', () => {
  afterEach(() => jest.restoreAllMocks());

  it('runs no MiniSearch search while answering: every term was scored at start', () => {
    const search = jest.spyOn(MiniSearch.prototype, 'search');
    expect(topTask('which outbound ports does the provisioning agent need?')).toContain('cloudSync.prerequisites');
    expect(topTask('how do I instal the provisionng agent')).toContain('cloudSync.installAgent');
    expect(search).not.toHaveBeenCalled();
  });

  it('still finds a line through a typo and a partial word', () => {
    expect(topTask('provisionng agent instalation')).toContain('cloudSync.installAgent');
    expect(topTask('how do I enable seamles sso')).toContain('cloudSync.configure');
  });

  it('looks up a bounded number of index terms however long the question', () => {
    const words =
      'synchronization provisioning installation authentication administrator requirements prerequisites configuration ';
    const question = words.repeat(10);
    const before = guide.termLookups;
    guide.answer(question, plan);
    const lookups = guide.termLookups - before;
    expect(lookups).toBeGreaterThan(0);
    // Eight distinct words, their neighbouring pairs and a few near terms each, in two indexes.
    expect(lookups).toBeLessThanOrEqual(120);
  });

  it('answers a question asked again from memory, without looking anything up', () => {
    const question = 'how much memory does the agent server need';
    const first = guide.answer(question, plan);
    const before = guide.termLookups;
    const again = guide.answer('How much memory does the agent server need?', plan);
    expect(guide.termLookups).toBe(before);
    expect(again).toBe(first);
  });

  it('looks a question up again for another plan, whose own tasks count for more', () => {
    const question = 'what ports must be open';
    guide.answer(question, plan);
    const before = guide.termLookups;
    guide.answer(question, ['connect.prerequisites']);
    expect(guide.termLookups).toBeGreaterThan(before);
  });
});
