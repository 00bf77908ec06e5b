import { tasksCard } from '../../src/cards/tasksCard';
import { expectValidCard } from '../helpers/cardAssertions';
import { planWithEveryStatus, TOOLS } from '../helpers/planCardFixtures';

describe.each(TOOLS)('tasks card for %s', (_tool, selection) => {
  it('renders a valid tasks card', () => {
    expectValidCard(tasksCard(planWithEveryStatus(selection)));
  });
});
