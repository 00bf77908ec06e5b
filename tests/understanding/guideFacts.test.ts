/** The guide's extra facts: each backed by a Learn page, and those that sum up catalog lines read from the catalog. */
import { taskContent } from '../../src/domain/taskCatalog';
import { GUIDE_FACTS } from '../../src/understanding/guideFacts';

const factText = (id: string) => GUIDE_FACTS.find((fact) => fact.id === id)?.text ?? '';

describe('guide facts', () => {
  it('each links the Learn or admin-center page that backs it', () => {
    for (const fact of GUIDE_FACTS) {
      expect(fact.links.length).toBeGreaterThan(0);
      for (const link of fact.links) expect(link.url).toMatch(/^https:\/\/(learn|entra)\.microsoft\.com\//);
    }
  });

  it.each([
    ['expressOrCustom', 'connect.chooseInstallType', ['Express assumes', 'Express turns on', 'Go custom for']],
    ['connectBuildFloor', 'connect.prerequisites', ['Install the newest build']],
  ] as const)('%s says what the catalog says, word for word', (id, taskId, openings) => {
    const lines = taskContent(taskId)!.checklist.filter((line) => openings.some((opening) => line.startsWith(opening)));
    expect(lines).toHaveLength(openings.length);
    expect(factText(id)).toBe(lines.join(' '));
  });

  it('gives every fact its own id', () => {
    const ids = GUIDE_FACTS.map((fact) => fact.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
