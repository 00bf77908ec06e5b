import { MemoryStorage } from 'botbuilder';
import { answerConsent, FILE_CONSENT_CARD, reportOf, type ReportActionDeps } from '../../src/actions/reportActions';
import { createPlan } from '../../src/domain/plan';
import { ReportLinks } from '../../src/reports/reportLinks';
import { PlanStore, type PlanLocation } from '../../src/store/planStore';
import { cardText, expectValidCard } from '../helpers/cardAssertions';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const HERE: PlanLocation = { tenantId: 't1', conversationId: 'a:personal-ana' };

async function setup(withPlan = true) {
  const planStore = new PlanStore(new MemoryStorage());
  if (withPlan)
    await planStore.create(
      HERE,
      {
        plan: createPlan({
          id: 'plan-1',
          selection: { tool: 'cloudSync' },
          createdBy: { id: 'aad-ana', name: 'Ana' },
          at: NOW.toISOString(),
        }),
        conversationId: HERE.conversationId,
        tenantId: HERE.tenantId,
        cards: [],
      },
      { replace: false },
    );
  const links = new ReportLinks(Buffer.alloc(32, 7), () => NOW);
  const deps: ReportActionDeps = {
    planStore,
    links,
    baseUrl: () => 'https://bot.example',
    clock: () => NOW,
    localMode: false,
  };
  return { deps, links };
}

describe('report', () => {
  it('answers with the report card and a download link, and offers the file only in personal chat', async () => {
    const { deps } = await setup();
    const personal = await reportOf(deps, HERE, true);
    expectValidCard(personal.card);
    expect(JSON.stringify(personal.card)).toContain('https://bot.example/');
    expect(personal.fileOffer?.contentType).toBe(FILE_CONSENT_CARD);
    expect((await reportOf(deps, HERE, false)).fileOffer).toBeUndefined();
  });

  it('says there is no plan when there is none', async () => {
    const { deps } = await setup(false);
    const report = await reportOf(deps, HERE, true);
    expect(cardText(report.card)).toContain('No plan here yet');
    expect(report.fileOffer).toBeUndefined();
  });
});

describe('the answer to the file offer', () => {
  it('a decline sends no file and points at the download button', async () => {
    const { deps } = await setup();
    expect(await answerConsent(deps, HERE, { action: 'decline', context: { token: 'x' } })).toEqual({
      kind: 'declined',
      text: 'No file sent. The "Download CSV" button on the report still works until the link expires.',
    });
  });

  it.each([
    ['no context', undefined],
    ['a token that is not a string', { token: { forged: true } }],
    ['a forged token', { token: 'not-a-token' }],
    ['an oversized token', { token: 'a'.repeat(100_000) }],
  ])('an accept with %s uploads nothing and says the offer is not ours', async (_label, context) => {
    const { deps } = await setup();
    const outcome = await answerConsent(deps, HERE, {
      action: 'accept',
      context,
      uploadInfo: { uploadUrl: 'https://contoso-my.sharepoint.com/upload' },
    });
    expect(outcome).toMatchObject({
      kind: 'problem',
      text: 'That file offer is not one I made. Say "report" for a fresh report and link.',
    });
  });

  it("an accept for another conversation's plan uploads nothing", async () => {
    const { deps, links } = await setup();
    const token = links.sign({ tenantId: 't1', conversationId: 'a:someone-else' }, 'plan-1').token;
    const outcome = await answerConsent(deps, HERE, {
      action: 'accept',
      context: { token },
      uploadInfo: { uploadUrl: 'https://contoso-my.sharepoint.com/upload' },
    });
    expect(outcome).toMatchObject({ kind: 'problem', problem: { log: { reason: "not this chat's plan" } } });
  });
});
