import { allDoneCard } from '../../src/cards/allDoneCard';
import { expectValidCard } from '../helpers/cardAssertions';
import { planWithEveryStatus, TOOLS } from '../helpers/planCardFixtures';

describe.each(TOOLS)('all-done card for %s', (_tool, selection) => {
  it('renders a valid all-done card', () => {
    expectValidCard(allDoneCard(planWithEveryStatus(selection)));
  });
});
