/** The guide's extra facts: each backed by a Learn page, and those that sum up catalog lines read from the catalog. */
import { LEARN } from '../../src/domain/learnLinks';
import { taskContent } from '../../src/domain/taskCatalog';
import { loadCorpus } from '../../src/understanding/corpus';
import { GuideIndex } from '../../src/understanding/guideIndex';
import { CLOUD_SYNC_PLAN_TASKS } from '../helpers/guidePlan';
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

  // Statements checked against the Learn page each fact links: what the page says, and what it does not (a partial
  // list given as the whole, a step the linked page never names, one file where the page gives several).
  it.each([
    ['migrationTool', /limits include one forest/, /Its limits:/],
    ['connectAdmins', /ADSyncAdmins/, /sign (?:out|in)/i],
    ['provisioningLogs', /CSV as three files/, /a CSV or JSON file/],
  ] as const)('%s says what its page says and nothing it does not', (id, says, saysNot) => {
    expect(factText(id)).toMatch(says);
    expect(factText(id)).not.toMatch(saysNot);
  });

  it('gives every fact its own id', () => {
    const ids = GUIDE_FACTS.map((fact) => fact.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('facts of the reference an admin asks about', () => {
  const guide = new GuideIndex(loadCorpus('en'));
  const topLinks = (question: string) => {
    const answer = guide.answer(question, CLOUD_SYNC_PLAN_TASKS);
    return answer.kind === 'answer' ? answer.hits[0].links.map((link) => link.url) : [];
  };

  it.each([
    ['can one AD forest sync to two entra tenants', LEARN.commonScenarios],
    ['what is source of authority for groups', LEARN.sourceOfAuthority],
    ['connect application based authentication instead of the Sync_ account', LEARN.connectApplicationAuth],
    ['can sync hard match an on-prem user to a cloud admin account', LEARN.entraWhatsNew],
    ['what source anchor does cloud sync use', LEARN.cloudSyncTopologies],
    ['does dirsync still work', LEARN.entraNewName],
    ['how do i uninstall the provisioning agent', LEARN.cloudSyncAutoUpgrade],
    ['what does completed-export-errors mean in sync service manager', LEARN.connectOperations],
    ['does cloud sync support exchange hybrid', LEARN.cloudSyncExchangeHybrid],
    // A custom attribute of the AD schema is mapped in the configuration; asked beside Connect, the comparison answers.
    ['can cloud sync carry our own custom attribute from the AD schema', LEARN.cloudSyncConfigure],
    ['how do i give another admin access to the sync engine', LEARN.connectPostInstall],
    // The engine's tools by name: who may open them, not the install line that says to sign in again first.
    ['a colleague cannot open the synchronization service manager, how do we give access', LEARN.connectPostInstall],
    ['give a second admin rights to the rules editor', LEARN.connectPostInstall],
    ['how do I force a sync in connect', LEARN.connectScheduler],
    ['a user we moved into a connect OU came back as a new account', LEARN.cloudSyncFaq],
    ['which tenants get the transition to cloud sync option', LEARN.cloudSyncMigrationTool],
    // Releases and what changed, in the words admins use for them.
    ['is there a changelog for the provisioning agent', LEARN.cloudSyncAgentVersions],
    ['whats the most recent provisioning agent build', LEARN.cloudSyncAgentVersions],
    // A running Connect server's configuration, schedule and health, asked from a Cloud Sync plan.
    ['how do i export the aadc configuration to a new server', LEARN.connectImportExportConfig],
    ['how can we transfer the connect settings to a freshly built server', LEARN.connectImportExportConfig],
    // A date in the host's lifecycle, not what the agent's host needs.
    ['how long is windows server 2016 still supported', LEARN.windowsServer2016Lifecycle],
    ['is windows server 2016 end of life soon', LEARN.windowsServer2016Lifecycle],
    ['which version must the connect health agent be on', LEARN.connectSecurityUpdates],
    // The tool's own name for the agent, as admins write it.
    ['will our cloud sync agents update themselves', LEARN.cloudSyncAutoUpgrade],
    // Connect's own releases: the page that lists its builds, not the download step that mentions it.
    ['list of entra connect versions', LEARN.connectVersionHistory],
    // The admin center's button says "Download on-premises agent"; admins shorten it.
    ['where do i get the on-prem agent', LEARN.cloudSyncInstall],
    ['download the on-prem agent from the entra admin center', LEARN.cloudSyncInstall],
    // A product's old name in a question about something else names the product: no question about names.
    ['is azure ad connect version 1 still supported', LEARN.connectVersionHistory],
    // What a product is called now, asked by its old name.
    ['whats aad connect called these days', LEARN.entraNewName],
    ['what was aadc renamed to', LEARN.entraNewName],
    // What a swing migration is: the fact that says so, not the upgrade step that tells you to do one.
    ['swing migration, what is that', LEARN.connectSwingMigration],
    ["what's meant by a swing migration", LEARN.connectSwingMigration],
    // When Microsoft moves a tenant off Connect Sync: each tenant's own window, asked for as a timeline.
    ['what timeline does microsoft give for leaving aadc', LEARN.cloudSyncMigrationFaq],
    ["if we are forced off connect sync, what's the timeline", LEARN.cloudSyncMigrationFaq],
    // Microsoft's own documentation as a whole, asked for by name.
    ['link to the hybrid identity documentation home page', LEARN.hybridIdentityHub],
    ['where does microsoft document hybrid identity', LEARN.hybridIdentityHub],
    // The 2026 cut-off by the name Microsoft gave it: a mandatory security update.
    ['what was the mandatory security update for connect sync', LEARN.connectSecurityUpdates],
    ['the connect security update that was mandatory, what did it change', LEARN.connectSecurityUpdates],
  ])('answers %j from the page that backs it', (question, url) => {
    expect(topLinks(question)).toContain(url);
  });

  // What the guided tool moves: the fact that lists it, not a step of the tool's task that names none of it.
  it.each([
    ['is password writeback carried over by the transition to cloud sync tool', /password writeback/],
    ['what carries over when we use the transition tool', /password hash sync/],
  ])('answers %j with what the transition tool carries over', (question, line) => {
    const answer = guide.answer(question, CLOUD_SYNC_PLAN_TASKS);
    expect(answer.kind === 'answer' ? answer.hits[0].text : '').toMatch(line);
  });

  // What a sync server's compromise would cost, asked as a risk rather than as a prerequisite.
  it.each(['if the connect server is breached what can an attacker do', 'is the agent host a tier 0 asset'])(
    'answers %j from what makes a sync server Tier 0',
    (question) => {
      const answer = guide.answer(question, CLOUD_SYNC_PLAN_TASKS);
      expect(answer.kind === 'answer' ? answer.hits[0].title : '').toMatch(/Tier 0/);
    },
  );

  // Licensing asked as a whole, as a manager asks it, rather than for one feature.
  it.each(['which parts of the sync need a paid license', 'do we need P1 licenses for cloud sync'])(
    'answers %j from what needs a paid license',
    (question) => {
      const answer = guide.answer(question, CLOUD_SYNC_PLAN_TASKS);
      expect(answer.kind === 'answer' ? answer.hits[0].title : '').toMatch(/paid license/);
    },
  );

  // The capabilities both tools share, and the two the comparison gives Connect alone without an advisor's rule.
  it.each([
    ['can cloud sync sync extension attributes 1-15', 'What both sync tools do'],
    [
      'will cloud sync carry our custom ad attributes as directory extensions like connect does',
      'What both sync tools do',
    ],
    ['can cloud sync read from an LDAP directory', 'Reconciliation and LDAP directories: Connect Sync only'],
    ['does cloud sync do reconciliation', 'Reconciliation and LDAP directories: Connect Sync only'],
  ])('answers %j from the fact %j, citing the decision guide', (question, title) => {
    const answer = guide.answer(question, CLOUD_SYNC_PLAN_TASKS);
    const hit = answer.kind === 'answer' ? answer.hits[0] : undefined;
    expect(hit?.title).toBe(title);
    expect(hit?.links.map((link) => link.url)).toContain(LEARN.cloudSyncDecisionGuide);
  });

  // The configuration step is where password hash sync is turned on; it names the feature in full, as admins ask.
  it.each([
    'where do i enable password hash sync for cloud sync',
    'which checkbox enables password hash sync in a cloud sync config',
  ])('answers %j from the configuration step', (question) => {
    const answer = guide.answer(question, CLOUD_SYNC_PLAN_TASKS);
    expect(answer.kind === 'answer' ? answer.hits[0].title : undefined).toBe('Configure Cloud Sync');
  });

  // Questions about a Connect Sync server that already runs, asked from a Cloud Sync plan: the plan's install lines
  // must not win over the running deployment's answer.
  it.each([
    ['how do i upgrade our existing AADC server', LEARN.connectUpgrade],
    ['Get-ADSyncAutoUpgrade shows Suspended, why', LEARN.connectAutoUpgrade],
    ['how long should connect stay installed after the move to cloud sync', LEARN.cloudSyncMigrationTool],
  ])('answers %j from the page that backs it, not from the plan’s install lines', (question, url) => {
    expect(topLinks(question)).toContain(url);
  });

  // Both facts restate a line of the tool choice's checklist ("Running both: ...", "Sign-in: ..."): their answer
  // opens that task.
  it.each([
    ['can both tools sync one forest together', 'Running Cloud Sync and Connect Sync side by side'],
    ['does password writeback work with both tools', 'Sign-in methods in each tool'],
  ])('answers %j from the fact %j, which opens the tool choice', (question, title) => {
    const answer = guide.answer(question, CLOUD_SYNC_PLAN_TASKS);
    const hit = answer.kind === 'answer' ? answer.hits[0] : undefined;
    expect(hit?.title).toBe(title);
    expect(hit?.taskIds).toContain('cloudSync.chooseTool');
  });

  it("answers which page says when each Connect build retires from the version history, not V1's retirement", () => {
    const answer = guide.answer('which page tells me when each connect build is retired', CLOUD_SYNC_PLAN_TASKS);
    expect(answer.kind === 'answer' ? answer.hits[0].title : undefined).toBe("Connect Sync's version history");
  });

  // Both facts restate a limit or step that another task's checklist also gives: their answer opens that task too.
  it.each([
    ['what is the cap on scoped OUs in a cloud sync config', 'Limits of Cloud Sync scoping', 'cloudSync.prerequisites'],
    ['can i still pick OUs after an express install', 'Choosing what Connect Sync syncs', 'connect.installExpress'],
  ])('answers %j from the fact %j, which opens %s', (question, title, taskId) => {
    const answer = guide.answer(question, CLOUD_SYNC_PLAN_TASKS);
    const hit = answer.kind === 'answer' ? answer.hits[0] : undefined;
    expect(hit?.title).toBe(title);
    expect(hit?.taskIds).toContain(taskId);
  });

  it.each([
    'how do I create a dynamic group in entra id',
    'set up an access review for guests',
    'how do i enable passkeys for my users',
  ])('says honestly that %j is not the guide’s to answer', (question) => {
    expect(guide.answer(question, CLOUD_SYNC_PLAN_TASKS)).toEqual({ kind: 'noAnswer' });
  });
});

describe('a Connect Sync schedule that is changed', () => {
  const guide = new GuideIndex(loadCorpus('en'));

  // Password hash sync's own fixed interval is another schedule, not the answer to changing Connect's.
  it.each(['change the connect sync scheduler interval', 'change the sync interval in aadc'])(
    'answers %j with how to change the interval and how short it may be',
    (question) => {
      const answer = guide.answer(question, CLOUD_SYNC_PLAN_TASKS);
      const hit = answer.kind === 'answer' ? answer.hits[0] : undefined;
      expect(hit?.text).toMatch(/CustomizedSyncCycleInterval/);
      expect(hit?.text).toMatch(/30 minutes is the shortest/);
    },
  );
});

describe("the advisor's rules that the decision guide's comparison covers", () => {
  const guide = new GuideIndex(loadCorpus('en'));

  // Each rule's own page explains the point; the comparison is where an admin weighing the tools reads it beside the rest.
  it.each([
    [
      'will cloud sync write our devices back to AD',
      'Device writeback or Windows Hello for Business hybrid key/certificate trust',
    ],
    [
      'cloud sync and references across forests, supported?',
      "Cross-forest references or merging one person's accounts across forests",
    ],
    [
      'forest with no network path to the connect server, cloud sync or connect',
      'A forest that one sync server cannot reach over the network',
    ],
  ])('answers %j from the rule %j, citing its own page and the decision guide', (question, title) => {
    const answer = guide.answer(question, CLOUD_SYNC_PLAN_TASKS);
    const hit = answer.kind === 'answer' ? answer.hits[0] : undefined;
    expect(hit?.title).toBe(title);
    expect(hit?.links.map((link) => link.url)).toEqual([
      expect.not.stringMatching(/decision-guide/),
      LEARN.cloudSyncDecisionGuide,
    ]);
  });
});
