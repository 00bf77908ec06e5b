/**
 * Shapes of answer people type to the questionnaire, each tried with several phrasings of its own: a reading must hold
 * for the shape, not for one sentence.
 */
import type { AnswerKey, Answers } from '../../src/domain/answers';
import { replyTo } from '../../src/domain/questionnaireReplies';
import { questionById } from '../../src/domain/questions';
import { readSentence, type SentenceReading } from '../../src/domain/sentenceReader';

const CONNECT_KEYS: readonly AnswerKey[] = ['connectBuild', 'connectServerOs', 'connectStaging'];

function read(asked: AnswerKey, text: string): SentenceReading {
  const answers: Partial<Answers> =
    asked === 'currentSync' ? {} : { currentSync: CONNECT_KEYS.includes(asked) ? 'connect' : 'none' };
  return readSentence(questionById(asked), text, answers);
}

/** The asked question's reading in the labels' terms: a value, "ambiguous", or null. */
function asked(reading: SentenceReading): unknown {
  return reading.asked.kind === 'value' ? reading.asked.value : reading.asked.kind === 'ambiguous' ? 'ambiguous' : null;
}

/** One test per row: the question asked, what is typed, and the reading expected of the question asked. */
function readsAs(rows: ReadonlyArray<readonly [AnswerKey, string, unknown]>): void {
  it.each(rows.map(([question, text, expected]) => [question, text, expected] as const))(
    '%s: "%s" → %j',
    (question, text, expected) => {
      expect(asked(read(question, text))).toEqual(expected);
    },
  );
}

describe('a sentence that asks something back answers nothing', () => {
  readsAs([
    ['currentSync', 'is that question about Connect or about the cloud one?', null],
    ['connectStaging', 'how does staging mode work?', null],
    ['signIn', 'why would anyone pick PTA over password hash sync?', null],
    ['devices', 'could you tell me what hybrid join does?', null],
    ['enterpriseAdminAvailable', 'does it have to be an enterprise admin?', null],
    // A hedge in the question still says the person does not know.
    ['connectStaging', 'how do I find out whether a staging server exists?', 'notSure'],
    // A question after an answer leaves the answer as it was; one without a question word is still an answer.
    ['currentSync', "we're on Azure AD Connect, is that a problem?", 'connect'],
    ['devices', 'hybrid join?', 'hybridJoin'],
  ]);
});

describe('numbers: thousands grouped with dots, and years that are not counts', () => {
  readsAs([
    ['largestDomainObjects', 'roughly 240.000 objects', 'over150k'],
    ['connectTotalObjects', 'about 1.350.000 objects in all', 'over100k'],
    ['connectTotalObjects', '1.500 million objects', 'over100k'],
    [
      'largestDomainObjects',
      'since the 2016 restructuring the main domain has grown to 130k objects',
      'from100kTo150k',
    ],
    ['groupOver50kMembers', 'in 2021 our all-staff list reached 70k members', 'yes'],
    ['connectTotalObjects', 'we moved datacenters in 2019 and have about 160k objects', 'over100k'],
    // A year-like number with a unit is still a count; a count beside a version leaves the version alone.
    ['connectTotalObjects', 'after the cleanup, 2000 objects', 'upTo2k'],
    ['connectBuild', '20.000 users, version 2.4.18', 'belowMandatory'],
  ]);
});

describe('words that only hint at a choice give way to other evidence', () => {
  readsAs([
    ['signIn', "password hash sync please, let's keep things simple", 'phs'],
    ['signIn', 'we keep password hash sync', 'phs'],
    ['devices', 'Autopilot for the new laptops, the older desktops need hybrid join', 'hybridJoin'],
    ['devices', 'mostly Entra joined already, but the kiosk PCs must be hybrid joined', 'hybridJoin'],
    ['enterpriseAdminAvailable', 'no chance, our EA accounts are locked down', 'no'],
    ['enterpriseAdminAvailable', "enterprise admin rights exist here but we won't get them for a sync project", 'no'],
    ['connectTotalObjects', "we're a tiny company, maybe 40k objects", 'under100k'],
    ['largestDomainObjects', "it's a large domain by our standards, about 60k objects", 'under100k'],
    // Alone, each still reads as before.
    ['signIn', 'we run ADFS and will keep it', 'keepExistingPtaOrFederation'],
    ['devices', 'all our PCs are Entra joined through Autopilot', 'none'],
    ['enterpriseAdminAvailable', 'our enterprise admin can do it', 'yes'],
    ['connectTotalObjects', "we're tiny", 'upTo2k'],
  ]);
});

describe('forests and domains: one that is not reachable decides', () => {
  readsAs([
    [
      'forestTopology',
      'our main forest is reachable, the lab forest sits on a separate network',
      'includesDisconnected',
    ],
    ['domainsReachable', 'the root domain is reachable but the branch domain is firewalled', 'someUnreachable'],
    ['forestTopology', 'three forests and there is no VPN to the newest one', 'includesDisconnected'],
    ['forestTopology', 'two forests, both connected', 'multipleConnected'],
  ]);

  it('a domain behind the firewall, named while forests are asked, answers the domain question too', () => {
    const reading = read('forestTopology', 'a single forest; the plant domain sits behind the firewall');
    expect(asked(reading)).toBe('single');
    expect(reading.also).toEqual({ domainsReachable: 'someUnreachable' });
  });
});

describe('phrasings: sync verbs, cloud-only accounts, the staging flag, stock rules, "not so", a check still to make', () => {
  readsAs([
    ['currentSync', 'nothing gets synchronized yet, all of them are cloud accounts', 'none'],
    ['currentSync', 'we only have cloud users for now', 'none'],
    ['connectStaging', 'the scheduler says StagingModeEnabled: True on server two', 'yes'],
    ['customization', 'we stick to the stock rules', []],
    ['customization', "no idea, I'd need to open the sync rules editor", 'notSure'],
    ['groupOver50kMembers', 'we have not so large groups here', 'no'],
  ]);
});

describe('a choice turned down is denied, named before or after the words that turn it down', () => {
  readsAs([
    ['signIn', 'PTA was ruled out by the auditors, so password hash sync', 'phs'],
    ['signIn', 'we need PTA; federation was rejected years ago', 'ptaSetup'],
    ['signIn', 'we ruled out ADFS and want password hash sync', 'phs'],
    ['currentSync', 'Azure AD Connect was vetoed by security, we run cloud sync', 'cloudSync'],
  ]);
});

describe('a count of the only domain is the total too', () => {
  it.each<[string, Partial<Answers>]>([
    ['roughly 40k objects, it is the only domain we have', { connectTotalObjects: 'under100k' }],
    ['we have a single domain with roughly 40k objects', { connectTotalObjects: 'under100k' }],
    // Without it, a domain's count says only that the total is at least as large.
    ['roughly 40k objects in the main domain', {}],
  ])('largestDomainObjects: "%s" also answers %j', (text, also) => {
    const reading = read('largestDomainObjects', text);
    expect(asked(reading)).toBe('under100k');
    expect(reading.also).toEqual(also);
  });

  it.each<[string, unknown]>([
    ['our only domain is reachable from the server', 'all'],
    ['only one domain is reachable', null],
  ])('domainsReachable: "%s" → %j', (text, expected) => {
    expect(asked(read('domainsReachable', text))).toEqual(expected);
  });
});

describe('a breakdown of a directory adds up', () => {
  readsAs([
    ['largestDomainObjects', 'the main domain: 50k users, 30k computers, 10k groups', 'under100k'],
    ['connectTotalObjects', '70k user accounts plus 35k workstations', 'over100k'],
    ['connectTotalObjects', 'about 60k staff, 40k machines, 12k groups and some contacts', 'over100k'],
    // Without the groups, or with a part named but not counted, the sum is only a floor; a part counted twice is not a
    // breakdown.
    ['connectTotalObjects', 'about 45k staff, 40k machines, 12k groups and some contacts', 'ambiguous'],
    ['connectTotalObjects', 'about 90k users and 5k computers', 'ambiguous'],
    ['connectTotalObjects', '20k users in one domain and 30k users in the other', 'under100k'],
  ]);

  // Parts with a domain named between them are counts of different domains: they add up for the total only.
  it.each([
    'the head office domain has 70k users, the factory domain 40k computers',
    '70k users sit in the head office domain and 40k computers in the factory domain',
  ])('"%s": the largest domain may still be under 100k', (text) => {
    const reading = read('largestDomainObjects', text);
    expect(reading.asked.kind === 'ambiguous' && reading.asked.candidates).toContain('under100k');
    expect(reading.also).toEqual({ connectTotalObjects: 'over100k' });
  });
});

describe('vague counts: "a few hundred", "several thousand"', () => {
  readsAs([
    ['connectTotalObjects', 'a few hundred objects', 'upTo2k'],
    ['connectTotalObjects', 'several thousand objects', 'ambiguous'],
    ['groupOver50kMembers', 'our biggest group has a couple thousand members', 'no'],
    ['largestDomainObjects', '45k users, 30k computers, 9k groups and a few hundred contacts', 'under100k'],
    ['largestDomainObjects', 'a few constructor objects', null],
    // A larger magnitude after the first multiplies it: hundreds of thousands, not hundreds.
    ['connectTotalObjects', 'a few hundred thousand objects', 'over100k'],
    ['largestDomainObjects', 'several hundred thousand accounts', 'over150k'],
    ['groupOver50kMembers', 'the all-company list has a couple million members', 'yes'],
  ]);
});

describe('choices named with "or" between them are alternatives', () => {
  readsAs([
    ['currentSync', 'either Azure AD Connect or cloud sync, I forget which', 'ambiguous'],
    ['devices', 'hybrid join or device writeback, still deciding', 'ambiguous'],
    // With "and" they stay together: both tools, and writeback that includes the join.
    ['currentSync', 'Azure AD Connect for HQ and cloud sync for the branches', 'both'],
    ['devices', 'hybrid join and device writeback', 'deviceWritebackOrWhfbHybridTrust'],
  ]);
});

describe('a big group that is not to sync is not a group over the limit', () => {
  readsAs([
    ['groupOver50kMembers', 'one DL has 80k members, but we do not sync them', 'no'],
    ['groupOver50kMembers', 'the 75,000 member all-staff group is excluded from sync', 'no'],
    ['groupOver50kMembers', 'a 60k member group, and we sync it', 'yes'],
    // The words keep what they say about sync itself.
    ['currentSync', "we don't sync it yet", 'none'],
  ]);

  it('a sentence that says nothing syncs yet still counts a big group for later', () => {
    expect(read('currentSync', 'nothing is synced yet; our all-staff group has 70k members').also).toEqual({
      groupOver50kMembers: 'yes',
    });
  });
});

describe('multi-select words that depend on what is named with them', () => {
  readsAs([
    ['customization', 'we filter by employeeType so contractors stay out', ['attributeValueFiltering']],
    [
      'customization',
      'filtering on extensionAttribute3 plus a couple of custom sync rules',
      ['attributeValueFiltering', 'advancedSyncRules'],
    ],
    ['customization', 'we filter by OU', []],
    ['customization', 'we filter by group membership', ['groupBasedFiltering']],
    ['otherNeeds', 'Exchange lives in a resource forest with linked mailboxes', ['accountResourceForest']],
    ['otherNeeds', 'exchange and HA', ['exchangeHybrid', 'highAvailability']],
  ]);
});

describe('an upper bound speaks of a count of its order', () => {
  readsAs([
    ['connectTotalObjects', 'less than 30k objects', 'under100k'],
    ['connectTotalObjects', 'at most 40 thousand objects', 'under100k'],
    // Near the lower band the bound still leaves both open, and a bound on it is that band.
    ['connectTotalObjects', 'under 5,000 objects', 'ambiguous'],
    ['connectTotalObjects', 'fewer than 1,500 objects', 'upTo2k'],
  ]);
});

describe('words that fit several options of a multi-select question are asked back', () => {
  readsAs([
    ['otherNeeds', 'we want groups written back, no idea which feature', 'ambiguous'],
    ['otherNeeds', 'groups back on prem from the cloud', 'ambiguous'],
    // Named on its own as well, the option is the answer.
    ['otherNeeds', 'Microsoft 365 groups, so groups written back to AD', ['m365GroupWriteback']],
  ]);

  it('the reply names both options and records nothing', () => {
    const reply = replyTo(questionById('otherNeeds'), 'groups written back to AD', { currentSync: 'none' });
    expect(reply.answer).toBeUndefined();
    expect(reply.notice).toMatch(/could mean .+ or .+/);
  });
});

describe('counts: ranges, estimates, short units and the floor of an upper bound', () => {
  readsAs([
    // A range is one count; a magnitude said once after the second end counts for the first.
    ['connectTotalObjects', 'somewhere between 105 and 130 thousand objects', 'over100k'],
    ['connectTotalObjects', 'we sit at 30-45k objects', 'under100k'],
    ['largestDomainObjects', 'the big domain holds 160 to 170k objects', 'over150k'],
    // Two numbers of different orders side by side are a count of things and their size, not a range.
    ['groupOver50kMembers', 'we run 4 80000 member mailing lists', 'yes'],
    ['groupOver50kMembers', 'we have 2 55k-member groups', 'yes'],
    ['largestDomainObjects', 'there are 6 170k object domains', 'over150k'],
    ['connectTotalObjects', 'in the region of 100k objects', 'ambiguous'],
    // A sentence that says its figure is an estimate makes a figure at a band's edge both bands.
    ['largestDomainObjects', 'the main domain is 100k, give or take, that is only my estimate', 'ambiguous'],
    ['largestDomainObjects', 'ballpark figure for the largest domain: 150,000. More or less.', 'ambiguous'],
    ['connectStaging', 'no, one box only, 25k objs all told', 'no'],
    // An upper bound ten times the smallest band's top no longer reaches it.
    ['connectTotalObjects', 'fewer than 20k objects', 'under100k'],
    // An article between the bending word and the number changes nothing.
    ['largestDomainObjects', 'the biggest domain is below a 100k objects', 'under100k'],
    ['connectTotalObjects', 'well under a 100k all together', 'under100k'],
    // A version range is no count, and a year with R2 is that server.
    ['connectBuild', 'somewhere from 1.6 to 2.4, it was never upgraded', 'belowMandatory'],
    ['connectServerOs', 'still a ws2008r2 vm', 'ws2016OrOlder'],
  ]);

  it('a short unit is still a count of objects for later questions', () => {
    expect(read('connectStaging', 'no, one box only, 25k objs all told').also).toEqual({
      largestDomainObjects: 'under100k',
      connectTotalObjects: 'under100k',
    });
  });
});

describe('reach: a network named, trouble denied, and exceptions to "all"', () => {
  readsAs([
    ['forestTopology', "two forests, and the acquired company's one is not on our network yet", 'includesDisconnected'],
    ['forestTopology', 'three forests, no connectivity problems among them', 'multipleConnected'],
    ['forestTopology', 'a pair of forests, trusted both ways, with no network issues', 'multipleConnected'],
    ['forestTopology', 'two forests but one has routing issues we cannot fix', 'includesDisconnected'],
    // The link between them, denied or said.
    [
      'forestTopology',
      'a second forest came with the merger; there is no network between the two',
      'includesDisconnected',
    ],
    ['forestTopology', 'two forests with a routed network between them', 'multipleConnected'],
    ['domainsReachable', 'every one of them except for the lab domain', 'someUnreachable'],
    ['domainsReachable', 'all reachable, apart from the old DMZ one', 'someUnreachable'],
    ['domainsReachable', 'the server reaches all but one', 'someUnreachable'],
    // Without an exception, "all" still reads as before.
    ['domainsReachable', 'all of them, no exceptions', 'all'],
  ]);
});

describe('devices: a need denied with what it includes, and hybrid trusts named in full', () => {
  readsAs([
    ['devices', "we won't be hybrid joining anything", 'none'],
    [
      'devices',
      'hybrid joined desktops plus Hello for Business on hybrid cert trust',
      'deviceWritebackOrWhfbHybridTrust',
    ],
    [
      'devices',
      'Windows Hello for Business, hybrid certificate trust, on hybrid joined PCs',
      'deviceWritebackOrWhfbHybridTrust',
    ],
    // A need named outright still stands beside a denial of what it includes.
    ['devices', 'no plain hybrid join, we need device writeback', 'deviceWritebackOrWhfbHybridTrust'],
  ]);

  it('a later question: no hybrid join is no device need', () => {
    expect(read('signIn', 'password hash sync; no need for hybrid join').also).toEqual({
      devices: 'none',
    });
  });
});

describe('a yes or no alone in the last clause answers, after a label or a reason', () => {
  readsAs([
    ['enterpriseAdminAvailable', 'EA rights for the install: nope', 'no'],
    ['enterpriseAdminAvailable', 'the EA account, no', 'no'],
    ['connectStaging', 'second box in staging mode: yes', 'yes'],
    ['groupOver50kMembers', 'the all-hands list is huge, so yes', 'yes'],
    ['domainsReachable', 'there is a single domain and the sync box is joined to it, so yes.', 'all'],
    // Named and then denied, it is a question back rather than the name alone.
    ['connectStaging', 'staging server? no', 'ambiguous'],
    // A no that denies what follows it is no answer on its own.
    ['enterpriseAdminAvailable', 'I can ask, no promises', null],
    // A hedge that starts with "no" is a hedge, not a no.
    ['connectStaging', 'I looked at the box, no idea', 'notSure'],
    ['connectStaging', 'honestly, no clue', 'notSure'],
    ['enterpriseAdminAvailable', 'is there a staging box? no idea', 'notSure'],
  ]);

  it('credentials called creds are still the role held', () => {
    expect(read('otherNeeds', 'none of those; I hold EA creds').also).toEqual({ enterpriseAdminAvailable: 'yes' });
  });
});

describe('sign-in: left untouched, or run apart from the sync tool, is kept', () => {
  readsAs([
    ['signIn', 'our ADFS farm runs today and nobody is going to touch it', 'keepExistingPtaOrFederation'],
    ['signIn', 'the pass-through agents run fine, we are not changing them', 'keepExistingPtaOrFederation'],
    ['signIn', 'federation with Ping, but another team runs it outside the sync tool', 'keepExistingPtaOrFederation'],
    ['signIn', 'PTA, but it is managed separately from the sync server', 'keepExistingPtaOrFederation'],
    // A change wanted is still a setup, and a change away from it still leaves the other choice.
    ['signIn', 'we want to set up PTA and change nothing else', 'ptaSetup'],
    ['signIn', 'we run ADFS today but want to change to PHS', 'phs'],
  ]);
});

describe('"not sure" chosen as the answer outweighs a choice leaned to', () => {
  readsAs([
    ['signIn', 'PHS looks likely, but put me down as not sure until the CISO agrees', 'notSure'],
    ['devices', 'hybrid join probably; say unsure for now', 'notSure'],
    ['customization', 'maybe a few custom rules, go with no idea', 'notSure'],
    // A hedge that is no choice leaves the value named.
    ['signIn', 'PHS, as far as I know', 'phs'],
  ]);
});

describe('multi-select: the whole question denied, filters on an attribute, an option by its word', () => {
  readsAs([
    ['customization', 'we never customised the sync engine', []],
    ['customization', 'we filter accounts out based on department', ['attributeValueFiltering']],
    [
      'customization',
      'contractors are filtered out using extensionAttribute7, and we keep custom rules',
      ['attributeValueFiltering', 'advancedSyncRules'],
    ],
    ['otherNeeds', 'just the group option', 'ambiguous'],
    // Filtering alone says no option yet.
    ['customization', 'we do some filtering', null],
  ]);

  it('the whole question denied in an earlier answer is recorded as none of its options', () => {
    const reading = read('groupOver50kMembers', 'no. we have never customized sync, all defaults');
    expect(reading.also).toEqual({ customization: [] });
    expect(reading.mentioned).toEqual({});
  });

  it('options denied one by one are not the whole question, so nothing is recorded for later', () => {
    expect(read('groupOver50kMembers', 'no; and no custom rules').also).toEqual({});
  });

  it('the reply says what it noted, and back undoes it with the rest', () => {
    const reply = replyTo(questionById('groupOver50kMembers'), "no, and we don't customize sync", {
      currentSync: 'none',
    });
    expect(reply.also).toEqual({ customization: [] });
    expect(reply.notice).toMatch(/Also noted from your message: .+None/);
  });
});

describe('a thing given up, said of "it" after it is named, is denied', () => {
  readsAs([
    ['customization', 'custom rules yes; we had group filtering once but we stopped using it', ['advancedSyncRules']],
    ['otherNeeds', 'exchange hybrid, and HA too, though we no longer need it', ['exchangeHybrid']],
    ['signIn', 'ADFS was there for years and we do not use it anymore, so PHS', 'phs'],
    // Without such a phrase the thing named stands.
    ['customization', 'custom rules and group filtering, we use both', ['advancedSyncRules', 'groupBasedFiltering']],
    // Without "it", what is no longer used is what stands right before the words, not a choice further back.
    ['otherNeeds', 'exchange hybrid, as the on-prem mailbox servers are no longer used', ['exchangeHybrid']],
    ['signIn', 'PHS, since the ADFS farm is no longer used', 'phs'],
    // Taken away, uninstalled or shut down is gone as well.
    ['connectStaging', 'the staging server got removed last spring', 'no'],
    ['signIn', 'we uninstalled the PTA agents and went with password hash sync', 'phs'],
    ['currentSync', 'Cloud Sync: the old Connect server was shut down', 'cloudSync'],
    ['devices', 'hybrid join, because the old device writeback setup was not used any more', 'hybridJoin'],
    // A removal said of "it" with a particle reaches back past "but" to what it names; a thing no question asks about
    // ("the server") named nearer is what was removed.
    ['currentSync', 'there was a DirSync box long ago but we pulled it out, so we sync nothing today', 'none'],
    ['signIn', 'PTA agents ran here until we switched them off; password hash sync since', 'phs'],
    ['currentSync', 'Cloud Sync is what we run; we had ADFS too but tore it down', 'cloudSync'],
    ['currentSync', 'we run Connect; there was an old server too, but we shut it down', 'connect'],
  ]);
});

describe('a word that changes what a choice means says nothing under a hedge', () => {
  readsAs([
    ['customization', 'there is filtering of some kind, no idea whether on department', 'notSure'],
    ['customization', 'we filter users, not certain it is by extensionAttribute2', 'notSure'],
    // Said plainly, it still does.
    ['customization', 'we filter on department', ['attributeValueFiltering']],
  ]);
});

describe('choices named with "or" under a hedge are asked back, not read as not sure', () => {
  readsAs([
    ['signIn', "I don't remember whether we went with PHS or pass-through", 'ambiguous'],
    ['devices', 'no idea if they need hybrid join or device writeback', 'ambiguous'],
    ['customization', 'not certain whether it is custom rules or attribute filtering', 'ambiguous'],
    // One choice under a hedge, or a choice and "not", is still not sure.
    ['signIn', 'not sure if PHS or not', 'notSure'],
    ['devices', 'unsure about hybrid join', 'notSure'],
  ]);

  it('the reply names both and records nothing', () => {
    const reply = replyTo(questionById('signIn'), "can't remember if it's PHS or PTA", { currentSync: 'none' });
    expect(reply.answer).toBeUndefined();
    expect(reply.notice).toMatch(/could mean .+ or .+/);
  });
});

describe('only what is none of the options is the whole answer, for a later question too', () => {
  it.each<[AnswerKey, string, unknown]>([
    ['groupOver50kMembers', 'none that big; we scope solely by OU', { customization: [] }],
    ['devices', 'no device needs, and we just filter by OU', { customization: [] }],
    // Without "only", scoping by OU says nothing of custom rules or other filters.
    ['groupOver50kMembers', 'nothing that large, and we scope by OU', {}],
  ])('%s: "%s" → also %j', (question, text, expected) => {
    expect(read(question, text).also).toEqual(expected);
  });
});

describe('a common slip in a long word of a known phrase is read as that word', () => {
  readsAs([
    ['currentSync', 'azure ad conect, an old one', 'connect'],
    ['connectStaging', 'a stagging server runs in the other site', 'yes'],
    ['signIn', 'pasword sync for everyone', 'phs'],
    ['devices', 'we need hybird join on the office desktops', 'hybridJoin'],
    ['enterpriseAdminAvailable', 'my account has enterprize admin', 'yes'],
    // Another letter in its place makes another word, which is left alone.
    ['connectStaging', 'we keep stating server names in tickets', null],
    // A slip outside a phrase of several words is not guessed at.
    ['currentSync', 'conect', null],
    // A letter left out inside a long word.
    ['currentSync', 'we sync with azure ad connct today', 'connect'],
    ['connectStaging', 'a second stagng server sits in the DR site', 'yes'],
  ]);
});

describe('a role no longer used is still held; only words of removal take it away', () => {
  readsAs([
    ['enterpriseAdminAvailable', 'I have enterprise admin rights, although I never use them any more', 'yes'],
    ['enterpriseAdminAvailable', "my account is an EA one but I don't need it anymore", 'yes'],
    ['enterpriseAdminAvailable', 'I am enterprise admin. stopped using it after the audit', 'yes'],
    // Removed, it is gone.
    ['enterpriseAdminAvailable', 'our enterprise admin account was removed last year', 'no'],
    // Asked whether something is there, words saying it once was and is gone answer no, even said of "it" after "but".
    ['enterpriseAdminAvailable', 'there was an EA login for the old migration but it got deleted', 'no'],
    ['enterpriseAdminAvailable', 'we kept EA creds for years, but they were revoked in the audit', 'no'],
    ['enterpriseAdminAvailable', 'the one person with enterprise admin left the company', 'no'],
    ['connectStaging', 'we had a spare one, but it was scrapped', 'no'],
    ['connectStaging', 'there used to be one in the DR site', 'no'],
  ]);

  it('a tool no longer used is still given up', () => {
    expect(read('devices', "hybrid join was a pilot and we don't use it any more").asked).toEqual({
      kind: 'value',
      value: 'none',
    });
  });
});

describe('a move away said after what it leaves is only planned', () => {
  readsAs([
    ['signIn', 'the federation farm is on its way out and we want hash sync', 'phs'],
    ['signIn', 'pass-through is to be decommissioned; PHS after that', 'phs'],
    // What runs today still runs; what replaces it comes next.
    ['currentSync', 'Azure AD Connect, being phased out for cloud sync over the summer', 'connect'],
    ['currentSync', 'our Connect server will be replaced by the cloud sync agent', 'connect'],
  ]);
});

describe('a build that updates itself is the current one', () => {
  readsAs([
    ['connectBuild', 'the server auto-updates it', 'current'],
    ['connectBuild', 'autoupdate is on', 'current'],
  ]);
});

describe('a hedged yes first is a yes', () => {
  readsAs([
    ['enterpriseAdminAvailable', 'I suppose so, our infra lead holds the role', 'yes'],
    ['connectStaging', 'I believe so, in the second datacenter', 'yes'],
  ]);
});

describe('a yes or no reported as the answer ends the reply', () => {
  readsAs([
    ['enterpriseAdminAvailable', 'the EA holders said no', 'no'],
    ['enterpriseAdminAvailable', 'our directory team tells us no.', 'no'],
    ['connectStaging', "I'd say yes", 'yes'],
    ['groupOver50kMembers', 'the mailing list owners answered no', 'no'],
    ['enterpriseAdminAvailable', 'enterprise admin? the verdict is no', 'no'],
    ['domainsReachable', 'the WAN folks confirmed yes', 'all'],
    ['connectStaging', 'we checked and the reply was yes', 'yes'],
    ['enterpriseAdminAvailable', 'we got a no from the directory owners', 'no'],
    ['domainsReachable', 'afaik yes', 'all'],
    // Not known to be so, said first, is a no.
    ['groupOver50kMembers', 'not to my knowledge, the HR list is the biggest', 'no'],
    ['connectStaging', 'not that I am aware of', 'no'],
    // Refused by whoever decides, the role is not available.
    ['enterpriseAdminAvailable', 'the forest owners declined to lend us EA', 'no'],
    ['enterpriseAdminAvailable', 'we asked, security refused', 'no'],
    // Followed by what it is said of, it still answers.
    ['domainsReachable', 'our network people say no for the acquired subsidiary domain', 'someUnreachable'],
    ['enterpriseAdminAvailable', 'the forest owners told us yes on this rollout', 'yes'],
    ['connectStaging', 'the infra lead said no to that second box', 'no'],
    // Not said, it is no answer.
    ['enterpriseAdminAvailable', "I wouldn't say no", null],
  ]);
});

describe('"not sure about the rest" leaves the question it follows answered', () => {
  readsAs([
    ['signIn', 'pass-through auth, put me down as unsure for the others', 'ptaSetup'],
    ['signIn', 'password hash, go with not sure on everything else', 'phs'],
    ['devices', 'hybrid join please, and answer unsure for the remaining questions', 'hybridJoin'],
    ['signIn', 'hash sync; no idea about everything else', 'phs'],
    ['devices', 'hybrid join, not sure beyond that', 'hybridJoin'],
    // Said alone, the question asked is one of "the rest".
    ['signIn', 'not sure about the rest', 'notSure'],
  ]);
});

describe('a number right after a count is the size of each thing counted', () => {
  readsAs([
    ['groupOver50kMembers', 'we have 3 20k groups', 'no'],
    ['groupOver50kMembers', 'about 4 75k groups', 'yes'],
    // With a dash it is a range of sizes.
    ['groupOver50kMembers', 'our biggest group has 30-40k members', 'no'],
    // So is a number after a word that counts: an article, "a couple of", "several".
    ['groupOver50kMembers', 'a 65k group for all employees', 'yes'],
    // A small number with no unit counts the groups, not the members of one.
    ['groupOver50kMembers', 'yes, just one', 'yes'],
    ['groupOver50kMembers', 'yes two: the HR list and the all-hands list', 'yes'],
    ['groupOver50kMembers', 'a couple of 80k groups from the HR system', 'yes'],
    ['groupOver50kMembers', 'several 20k groups come from the HR feed', 'no'],
  ]);

  it('groups of a size are no count of directory objects', () => {
    expect(read('largestDomainObjects', 'we have 6 15k groups').asked).toEqual({ kind: 'none' });
  });
});

describe('counts written with a decimal comma, or as an order of magnitude', () => {
  readsAs([
    ['connectTotalObjects', 'roughly 1,5k objects', 'upTo2k'],
    ['connectTotalObjects', 'about 0,3 million', 'over100k'],
    ['largestDomainObjects', 'our one and only domain: 7,5k accounts', 'under100k'],
    ['connectTotalObjects', 'in the tens of thousands, I think', 'under100k'],
    ['largestDomainObjects', 'hundreds of thousands of objects', 'over150k'],
  ]);
});

describe('what something used to be is no longer so', () => {
  readsAs([
    ['enterpriseAdminAvailable', 'I used to be an enterprise admin', 'no'],
    ['enterpriseAdminAvailable', 'my account used to be in the Enterprise Admins group', 'no'],
    ['signIn', 'we used to be on ADFS', null],
    ['signIn', 'we used to be on ADFS, these days it is hash sync', 'phs'],
    // A use that ended is no longer so either.
    ['currentSync', 'Cloud Sync ran here until recently; nothing syncs today', 'none'],
    ['signIn', 'we ran pass-through until a year ago, password hash sync now', 'phs'],
  ]);
});

describe('"not sure" said right on what a later question asks is its answer', () => {
  it.each<[AnswerKey, string, Partial<Answers>]>([
    ['signIn', 'hash sync, but devices not sure yet', { devices: 'notSure' }],
    ['forestTopology', 'a single forest; unsure about the group sizes', { groupOver50kMembers: 'notSure' }],
    ['forestTopology', 'one forest, no idea yet on authentication', { signIn: 'notSure' }],
    ['currentSync', 'Azure AD Connect, the version I am not sure of', { connectBuild: 'notSure' }],
    // A hedge on nothing the question names, or on the rest, records nothing for later.
    ['signIn', 'PTA, not sure', {}],
    ['signIn', 'PTA, not sure about the rest', {}],
    // A multi-select question is confirmed on its card, never answered "not sure" from a sentence.
    ['devices', 'no devices, not sure about filtering', {}],
    // Groups named for another reason are not their size.
    ['customization', 'we filter on groups I am not sure which', {}],
  ])('%s: "%s" → also %j', (question, text, expected) => {
    expect(read(question, text).also).toEqual(expected);
  });

  it('an earlier answer stands and is no conflict', () => {
    const reading = readSentence(questionById('groupOver50kMembers'), 'no, and devices not sure after all', {
      currentSync: 'none',
      devices: 'hybridJoin',
    });
    expect(reading.also).toEqual({});
    expect(reading.conflicts).toEqual([]);
  });
});

describe('a word that only hints is still an alternative when named with "or"', () => {
  readsAs([
    ['devices', 'hybrid join or Entra join, still debating', 'ambiguous'],
    ['devices', 'it will be Autopilot or hybrid joined, one of the two', 'ambiguous'],
    ['devices', 'our laptops are cloud-only joined', 'none'],
    // Held together, the hint gives way as before.
    ['devices', 'Autopilot for new kit and hybrid join for the old desktops', 'hybridJoin'],
  ]);
});

describe('a choice not made yet is not sure; a topic that needs nothing is none of it', () => {
  readsAs([
    ['signIn', 'undecided for now', 'notSure'],
    ['signIn', "we haven't decided, it's up to the security board", 'notSure'],
    ['devices', 'TBD with the desktop team', 'notSure'],
    ['devices', 'our workstations need nothing', 'none'],
    // Said of a choice, not of a topic, it denies nothing.
    ['signIn', 'PTA, which needs nothing extra from us', 'ptaSetup'],
  ]);

  it('a later question whose topic needs nothing is answered none', () => {
    expect(read('signIn', 'PHS; the devices require nothing').also).toEqual({ devices: 'none' });
  });
});

describe('the other needs denied by name are none of them, for a later question too', () => {
  it.each<[AnswerKey, string, Partial<Answers>]>([
    ['customization', 'none; no extra requirements beyond that', { otherNeeds: [] }],
    ['devices', 'no devices and no other needs', { otherNeeds: [] }],
    // Named without a denial, they say nothing of which.
    ['customization', 'none, other needs come later', {}],
  ])('%s: "%s" → also %j', (question, text, expected) => {
    expect(read(question, text).also).toEqual(expected);
  });
});

describe('a build a step behind the newest is a supported older one', () => {
  readsAs([
    ['connectBuild', 'we are a version behind the newest', 'supportedOlder'],
    ['connectBuild', 'one update behind the latest, I believe', 'supportedOlder'],
    ['connectBuild', 'a build behind, but newer than 2.5.79', 'supportedOlder'],
    ['connectBuild', 'the latest one', 'current'],
  ]);
});

describe('counts said of the forest, of the biggest domain after the domains, and of "our one domain"', () => {
  it.each<[AnswerKey, string, unknown, Partial<Answers>]>([
    [
      'largestDomainObjects',
      'some 500k objects in the forest, and the largest holds 145k',
      'from100kTo150k',
      { connectTotalObjects: 'over100k' },
    ],
    [
      'largestDomainObjects',
      'forest wide we count 400k objects; the biggest one holds 120k',
      'from100kTo150k',
      { connectTotalObjects: 'over100k' },
    ],
    [
      'largestDomainObjects',
      'roughly 6.000 users and 7.000 PCs in the one domain',
      'under100k',
      { connectTotalObjects: 'under100k' },
    ],
  ])('%s: "%s" → %j, also %j', (question, text, expected, also) => {
    const reading = read(question, text);
    expect(asked(reading)).toEqual(expected);
    expect(reading.also).toEqual(also);
  });
});

describe('a guess does not turn a firm answer into another one: it is asked about', () => {
  readsAs([
    ['currentSync', 'Azure AD Connect for sure, and possibly a cloud sync agent somewhere too', 'ambiguous'],
    ['currentSync', 'we run Connect; perhaps the Tokyo office also installed cloud sync', 'ambiguous'],
    // A guess alone is still the answer, and so is what is named firmly together.
    ['currentSync', 'cloud sync, I believe', 'cloudSync'],
    ['currentSync', 'Connect and Cloud Sync both run', 'both'],
  ]);
});

describe('shorthand and small words between: years typed as 2k19, an article before a version, a network routed', () => {
  readsAs([
    ['connectServerOs', 'a 2k22 vm in the main site', 'ws2022OrLater'],
    ['connectServerOs', 'windows 2k16 still', 'ws2016OrOlder'],
    ['connectBuild', 'below the 2.5.79 cutoff, for sure', 'belowMandatory'],
    ['forestTopology', 'two forests, routed to each other over the WAN', 'multipleConnected'],
    // What is already in place, left as it is, is kept.
    ['signIn', 'pass-through agents already installed; leave them be', 'keepExistingPtaOrFederation'],
  ]);
});

describe('what a clause puts in the past gives way to what the reply says of today', () => {
  readsAs([
    ['currentSync', 'Cloud Sync originally, then we moved everything back to cloud-only and sync nothing', 'none'],
    ['signIn', 'there was a PTA setup long ago, we want hash sync', 'phs'],
    ['connectStaging', 'we once had a standby server, it got scrapped', 'no'],
    // Said alone, the past is still what the reply names.
    ['currentSync', 'we set up Connect back in 2019', 'connect'],
  ]);
});

describe('a number after "give or take" is a margin, not a count', () => {
  readsAs([
    ['groupOver50kMembers', 'the HR list is about 50k members, plus or minus a couple hundred', 'ambiguous'],
    ['largestDomainObjects', 'roughly 120k objects give or take a few thousand', 'from100kTo150k'],
  ]);
});

describe('only the lesser Domain Admin role is no Enterprise Admin', () => {
  readsAs([
    ['enterpriseAdminAvailable', 'just domain admin rights here', 'no'],
    ['enterpriseAdminAvailable', 'our team holds only domain admins, nothing above', 'no'],
  ]);
});

describe('a yes or no reported of what a later question asks about answers it', () => {
  it.each<[AnswerKey, string, Partial<Answers>]>([
    [
      'forestTopology',
      'a single forest; networking says no for the DMZ domain',
      { domainsReachable: 'someUnreachable' },
    ],
    ['signIn', 'hash sync, and the WAN team said yes on every domain', { domainsReachable: 'all' }],
  ])('%s: "%s" also %j', (question, text, also) => {
    expect(read(question, text).also).toMatchObject(also);
  });
});

describe('a unit may stand before its number', () => {
  // Parts named before their counts still add up: never read as one small count. Each count takes the unit before it,
  // not the next part's, so these add up to over 100k.
  readsAs([['connectTotalObjects', 'accounts 70k and workstations 45k', 'over100k']]);
});

describe('a version whose last part is said in words is read by the parts typed', () => {
  readsAs([
    ['connectBuild', 'the box says 2.3.something, nobody has touched it in ages', 'belowMandatory'],
    ['connectBuild', 'we sit on 2.4.whatever', 'belowMandatory'],
    ['connectBuild', 'build 2.6.xx I believe', 'ambiguous'],
  ]);
});

describe('a count after a word of exception is the case the statement before it leaves out', () => {
  readsAs([
    ['groupOver50kMembers', 'our groups are under 20k except one with 75k members', 'yes'],
    ['groupOver50kMembers', 'nothing bigger than 30k apart from the all-staff list at 62k', 'yes'],
    ['groupOver50kMembers', 'we have none above 50k apart from one at 51k, the rest are tiny', 'yes'],
    ['groupOver50kMembers', 'all under 20k except one with 45k', 'no'],
    ['largestDomainObjects', 'every domain is under 40k objects except the main one with 130k', 'from100kTo150k'],
    // A small number beside a group counts groups, not their members.
    ['groupOver50kMembers', 'just one with about 75k members', 'yes'],
  ]);
});

describe('options given up, said of "it" or "them" under a denial, leave none when nothing else is named', () => {
  readsAs([
    ['customization', 'there were a couple of custom sync rules once, we do not use them now', []],
    ['customization', 'group scoping was a pilot thing, we are not using it now', []],
    // "It" stands for what the question asks about, not for what an earlier reply already answered.
    ['customization', 'we used custom rules on the old connect box but ripped them out', []],
    // Said, not denied, "need them now" wants them; and what is named beside a thing given up stays.
    ['customization', 'we still need them now, the custom rules', ['advancedSyncRules']],
    ['customization', "the custom rules, we don't need them now, but we filter by group", ['groupBasedFiltering']],
    ['currentSync', 'we run connect, the custom rules we ripped them out', 'connect'],
  ]);
});

describe('forests counted apart under different names are that many together', () => {
  readsAs([
    ['forestTopology', 'a single account forest plus one resource forest for exchange', 'ambiguous'],
    [
      'forestTopology',
      'one account forest and one resource forest, both reachable from the sync box',
      'multipleConnected',
    ],
    [
      'forestTopology',
      'one account forest, one resource forest; the resource one sits behind a firewall',
      'includesDisconnected',
    ],
    // The same name counted twice is still one; two in one datacenter reach each other.
    ['forestTopology', 'one forest, and one forest only', 'single'],
    ['forestTopology', 'two forests, same data center', 'multipleConnected'],
  ]);
});

describe('words that take back what was said: a question answered again keeps what came after them', () => {
  readsAs([
    ['currentSync', 'Connect. Sorry, no, that box was switched off in June. We run Cloud Sync now.', 'cloudSync'],
    ['signIn', 'ADFS... actually no, we settled on hash sync', 'phs'],
    ['connectBuild', '2.5.79.0, no wait, that is the other box; the live one runs 2.3.20.0', 'belowMandatory'],
    ['largestDomainObjects', 'about 60k. No, I left out the PCs, call it 160k', 'over150k'],
    ['connectTotalObjects', '4,000. Sorry, I meant 1,400.', 'upTo2k'],
    ['domainsReachable', 'all of them. Well, no, the lab domain sits behind a firewall.', 'someUnreachable'],
    // First in a reply, "no" answers the question; a correction that answers nothing again leaves the answer alone.
    ['connectStaging', 'no, just the one server', 'no'],
    ['currentSync', 'Cloud Sync. No, I need to check the devices later.', 'cloudSync'],
  ]);

  it('a later question answered only before the correction keeps its answer', () => {
    expect(read('connectBuild', '2.4.1.0 on the staging server, no wait, the active one is 2.5.79.0').also).toEqual({
      connectStaging: 'yes',
    });
  });
});

describe('each line of a list is a sentence of its own: a negation on one line does not reach the next', () => {
  it.each<[AnswerKey, string, unknown, Partial<Record<AnswerKey, unknown>>]>([
    ['customization', '- customizations: none\n- hybrid exchange', [], { otherNeeds: ['exchangeHybrid'] }],
    ['customization', 'we filter nothing\nwe have exchange hybrid', [], { otherNeeds: ['exchangeHybrid'] }],
  ])('%s: %j → %j, also %j', (question, text, expected, also) => {
    const reading = read(question, text);
    expect(asked(reading)).toEqual(expected);
    expect({ ...reading.also, ...reading.mentioned }).toEqual(also);
  });
});

describe('a label before a colon names the question its line answers', () => {
  it.each<[AnswerKey, string, unknown, Partial<Record<AnswerKey, unknown>>]>([
    ['signIn', '- sign in: PHS\n- devices: nothing', 'phs', { devices: 'none' }],
    [
      'domainsReachable',
      '- all domains reachable: yes\n- enterprise admin: no',
      'all',
      { enterpriseAdminAvailable: 'no' },
    ],
    // The role named as the label is no answer of its own: the word after the colon is.
    ['enterpriseAdminAvailable', 'enterprise admin: no, domain admin only', 'no', {}],
    ['enterpriseAdminAvailable', 'EA: yes, the CIO holds it', 'yes', {}],
    // A count after a label of forests counts them; a label's scope and unit are its number's.
    ['forestTopology', '• forests: 3, all reachable from the sync server', 'multipleConnected', {}],
    [
      'largestDomainObjects',
      '- biggest domain: 52,000 objects\n- overall: 90,000',
      'under100k',
      { connectTotalObjects: 'under100k' },
    ],
    [
      'signIn',
      '- sign in: PTA\n- objects in total: roughly 1,500',
      'ptaSetup',
      { largestDomainObjects: 'under100k', connectTotalObjects: 'upTo2k' },
    ],
  ])('%s: %j → %j, also %j', (question, text, expected, also) => {
    const reading = read(question, text);
    expect(asked(reading)).toEqual(expected);
    expect({ ...reading.also, ...reading.mentioned }).toEqual(also);
  });
});

describe('a hedge that makes up the first clause is the answer; what follows is why', () => {
  readsAs([
    ['connectStaging', 'no idea, we have a second server but nobody knows what it does', 'notSure'],
    ['enterpriseAdminAvailable', 'dunno, there is an enterprise admin account somewhere but who holds it', 'notSure'],
    ['currentSync', "I don't know, there's an old server in the rack with Azure AD Connect on it", 'notSure'],
    // Said of something else, or not alone in its clause, it leaves the answer named.
    ['connectStaging', 'not sure about the OS, but there is a staging server', 'yes'],
    ['signIn', 'PHS, not sure about the rest', 'phs'],
  ]);
});

describe('options named with "or" under a doubt are one of them, asked which', () => {
  readsAs([
    ['customization', 'custom rules or group filtering, I would have to check which', 'ambiguous'],
    ['otherNeeds', 'high availability or exchange hybrid, not decided yet', 'ambiguous'],
    // Without a doubt, or with "and", they are the options named.
    ['otherNeeds', 'exchange hybrid or high availability', ['exchangeHybrid', 'highAvailability']],
    [
      'otherNeeds',
      'exchange hybrid and high availability, have to check with the team',
      ['exchangeHybrid', 'highAvailability'],
    ],
  ]);
});

describe('someone who holds the role, or nobody, and the role by another name', () => {
  readsAs([
    ['enterpriseAdminAvailable', 'the company does not have anybody with the enterprise admin role', 'no'],
    ['enterpriseAdminAvailable', 'we have someone on the infra team who holds it', 'yes'],
    ['enterpriseAdminAvailable', 'our CTO is a forest admin and will join the call', 'yes'],
    ['enterpriseAdminAvailable', 'the top level admin account sits with security, they can log in for us', 'yes'],
  ]);
});

describe("Connect by the names of its console, service and cmdlets; 'to the cloud' only hints at Cloud Sync", () => {
  readsAs([
    ['currentSync', 'the box has the Synchronization Service Manager console on it', 'connect'],
    ['currentSync', 'I ran Get-ADSyncScheduler and it printed SyncCycleEnabled : True', 'connect'],
    ['currentSync', 'the ADSync service runs on one of our member servers', 'connect'],
    // Where users go is no tool: the tool named decides; named alone, the hint stands, and "the cloud one" is a tool.
    ['currentSync', 'we push users to the cloud with AAD Connect', 'connect'],
    ['currentSync', 'some tool copies our users into the cloud, no idea which', 'cloudSync'],
    ['currentSync', 'connect for the main forest and the cloud one for the lab', 'both'],
  ]);
});

describe('a count pasted after an arrow is the count, not "more than" it', () => {
  readsAs([
    ['connectTotalObjects', '(Get-ADComputer -Filter *).Count -> 4120', 'under100k'],
    ['largestDomainObjects', 'objects in the biggest domain => 131000', 'from100kTo150k'],
    ['connectTotalObjects', 'well > 100k', 'over100k'],
  ]);
});

describe('sign-in described: passwords checked against AD, and a setup another team runs', () => {
  readsAs([
    ['signIn', 'the option where Microsoft validates passwords against our DCs', 'ptaSetup'],
    ['signIn', 'we want passwords checked against AD', 'ptaSetup'],
    ['signIn', 'ADFS today, and a separate team manages that farm', 'keepExistingPtaOrFederation'],
    ['signIn', 'PTA, owned by another team', 'keepExistingPtaOrFederation'],
  ]);
});

describe('a staging server described: a second or passive copy, exports turned off', () => {
  readsAs([
    ['connectStaging', 'the other box is a passive server that imports but never pushes', 'yes'],
    ['connectStaging', 'we keep a read only copy of the sync box in the other datacenter', 'yes'],
    ['connectStaging', 'a second install with exports disabled, for disaster recovery', 'yes'],
    // Exporting denied of the only server is no second one.
    ['connectStaging', "no, it doesn't export anywhere else, there's just one server", 'no'],
  ]);
});

describe('a number before one group by name is its size; before groups, it counts them', () => {
  readsAs([
    ['groupOver50kMembers', 'none of them that size apart from the 65k everyone group', 'yes'],
    ['groupOver50kMembers', 'all small, except a 55k DL', 'yes'],
    ['groupOver50kMembers', 'the 12k all staff list is the biggest', 'no'],
    ['groupOver50kMembers', 'we have 3000 groups, the largest at 20k', 'no'],
  ]);
});

describe('options described rather than named', () => {
  readsAs([
    ['customization', 'we sync only accounts whose employeeType is Staff', ['attributeValueFiltering']],
    [
      'customization',
      'staff with accounts in both forests should end up as one account in Entra',
      ['crossForestReferencesOrMerge'],
    ],
    [
      'customization',
      'after the merger some people have two accounts and those must become one user',
      ['crossForestReferencesOrMerge'],
    ],
    [
      'otherNeeds',
      'security groups created in the cloud should land in AD for the NAS shares',
      ['groupProvisioningToAd'],
    ],
    ['otherNeeds', 'users sit in our forest, Exchange runs in its own exchange forest', ['accountResourceForest']],
    ['otherNeeds', 'our mailboxes are in another forest that only runs Exchange', ['accountResourceForest']],
    // Exchange named without another forest is still Exchange hybrid.
    ['otherNeeds', 'our mailboxes are on an Exchange 2019 server here', ['exchangeHybrid']],
  ]);
});

describe('Cloud Sync described by its small agent', () => {
  readsAs([
    ['currentSync', 'we installed a lightweight agent on two DCs', 'cloudSync'],
    ['currentSync', 'two small agents on our domain controllers, no big server', 'cloudSync'],
    // The agent of a sign-in method is no sync tool.
    ['currentSync', 'the PTA agent on our DCs', null],
  ]);
});

describe('a Windows Server release denied or left is not the answer', () => {
  readsAs([
    ['connectServerOs', 'no longer 2012, it runs on 2022 now', 'ws2022OrLater'],
    ['connectServerOs', 'Server 2019 now, not 2016', 'ws2019'],
    ['connectServerOs', "it isn't on 2016 any more; we moved it to 2022 last year", 'ws2022OrLater'],
    // A release named under a doubt is still not known.
    ['connectServerOs', 'not sure if 2016 or 2019', 'notSure'],
  ]);
});

describe('a value denied for now or taken away, then said again after a word of contrast, is asked about', () => {
  readsAs([
    // Taken away, then obtainable again: the later clause is heard, so the first clause's value is not taken alone.
    ['enterpriseAdminAvailable', 'our enterprise admin account got deleted, but we can request it again', 'ambiguous'],
    ['enterpriseAdminAvailable', 'nobody holds EA at the moment, however the identity team can grant it', 'ambiguous'],
    ['currentSync', 'we migrated off connect, but connect still runs for the lab forest', 'connect'],
    // A lasting denial still reaches past the contrast.
    ['enterpriseAdminAvailable', "we don't have EA, but I'm a domain admin", 'no'],
    ['enterpriseAdminAvailable', 'no EA here, but we have someone who can do it', 'no'],
    // Taken away without a contrast, it stays taken away.
    ['enterpriseAdminAvailable', 'the enterprise admin account was deleted last spring', 'no'],
    // Granting the role is having it.
    ['enterpriseAdminAvailable', 'the identity team can grant it to me for the install', 'yes'],
  ]);

  it('does not answer a later question unasked when it is contested', () => {
    const reading = readSentence(
      questionById('domainsReachable'),
      'all of them. the enterprise admin account was deleted, but we can ask for a new enterprise admin account',
      { currentSync: 'none' },
    );
    expect(reading.also).not.toHaveProperty('enterpriseAdminAvailable');
  });
});

describe('a plain removal said of "it" or "them" reaches back to what it names, and keeps its own meaning', () => {
  readsAs([
    ['otherNeeds', 'there was an exchange hybrid setup, but we retired it in the spring', []],
    ['otherNeeds', 'the m365 group writeback, we disabled it after the pilot', []],
    ['customization', 'attribute filtering on department was in place, then we removed it', []],
    ['customization', 'custom sync rules existed but we deleted them', []],
    // The removal word alone still answers a yes or no question.
    ['connectStaging', 'there was one, but we decommissioned it', 'no'],
    ['enterpriseAdminAvailable', 'we had one, but it was deleted', 'no'],
  ]);

  it('a thing removed is no conflict with an earlier answer', () => {
    const reading = readSentence(questionById('customization'), 'we ran ADFS for years and then uninstalled it', {
      currentSync: 'none',
      signIn: 'phs',
    });
    expect(reading.conflicts).toEqual([]);
  });
});

describe('words typed short read as the word they stand for', () => {
  readsAs([
    ['otherNeeds', 'still need exch hybrid, plus m365 grp writeback', ['exchangeHybrid', 'm365GroupWriteback']],
    ['otherNeeds', 'xchg hybrid only', ['exchangeHybrid']],
    ['connectStaging', 'no second srv', 'no'],
  ]);
});

describe('a choice followed by a no that ends its clause is denied', () => {
  readsAs([
    ['customization', 'custom rules yes, group filter no', ['advancedSyncRules']],
    ['customization', 'group filtering: no, custom sync rules: yes', ['advancedSyncRules']],
    ['otherNeeds', 'exchange hybrid yes, group writeback nope', ['exchangeHybrid']],
    // A no that goes on to deny what follows it is no answer to the choice before it.
    ['otherNeeds', 'exchange hybrid, no group writeback', ['exchangeHybrid']],
  ]);
});

describe('a unit written before its number, with "plus" before the next part, counts that number', () => {
  readsAs([
    ['connectTotalObjects', 'users 70k plus computers 40k', 'over100k'],
    ['connectTotalObjects', 'user accounts 45k plus workstations 60k', 'over100k'],
    ['connectTotalObjects', 'computers 30k plus users 90k', 'over100k'],
    ['largestDomainObjects', 'users 90k plus computers 80k', 'over150k'],
  ]);
});

describe('a word that answers on its own describes a thing named right after it', () => {
  readsAs([
    ['currentSync', 'provisioning agents on both sites', 'cloudSync'],
    ['currentSync', 'cloud sync agent in both domains', 'cloudSync'],
    ['currentSync', 'we put connect on a new server last year', 'connect'],
    // Said on its own, it still answers.
    ['currentSync', 'a mix of both', 'both'],
  ]);
});

describe('a count of one denied is more than one', () => {
  readsAs([
    ['forestTopology', 'not a single forest', 'ambiguous'],
    [
      'forestTopology',
      "not one forest; the partner forest can't be reached from the sync server",
      'includesDisconnected',
    ],
    ['forestTopology', "it isn't a single forest, and every one of them is reachable", 'multipleConnected'],
    // A larger count denied beside the one leaves the one.
    ['forestTopology', 'one forest, not two', 'single'],
  ]);
});

describe('"no sync" is a negation of sync, so a longer name that starts with "sync" is still heard', () => {
  readsAs([
    ['currentSync', 'no sync customizations, we run connect', 'connect'],
    ['currentSync', 'no sync at the moment', 'none'],
  ]);

  it('no sync customizations is none of them, for the later question', () => {
    const reading = readSentence(questionById('devices'), 'nothing, no sync customization either', {
      currentSync: 'none',
    });
    expect(asked(reading)).toBe('none');
    expect(reading.also).toEqual({ customization: [] });
  });
});

describe('asked about group sizes, people counted right after one group is named are its members', () => {
  readsAs([
    ['groupOver50kMembers', 'one huge group with the whole company in it, like 70k people', 'yes'],
    ['groupOver50kMembers', 'the all staff group holds everyone, roughly 30k people', 'no'],
    // After groups in general, or a group denied, the people are the company's.
    ['groupOver50kMembers', 'our groups are small, we have 90k people', null],
    ['groupOver50kMembers', 'no group is that big, we have 90k people', 'no'],
  ]);
});
