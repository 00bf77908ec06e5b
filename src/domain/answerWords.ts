/**
 * The words the questionnaire understands in sentences, as data: for each question the words that name its answers,
 * the words that change what those mean ("keep" ADFS), counts and versions it reads, and an example sentence; and the
 * words every question shares (negation, hedges, more/less/about). `sentenceReader.ts` is the mechanism that reads
 * them; adding a phrasing is a line here, not code.
 *
 * A value's words are `topical` when they name it wherever they appear ("password hash sync", "hybrid join"), so a
 * sentence can answer that question while another one is asked; `asked` words only answer the question on screen
 * ("one", "older", "yes").
 */
import type { AnswerKey } from './answers';
import { MONTH_NAMES } from './planDates';
import type { Band, Qualifier } from './quantities';

export interface ValueWords {
  readonly topical?: readonly string[];
  readonly asked?: readonly string[];
  /**
   * Of the words above, those that only hint at the value and give way to any other evidence for the question: "a
   * small shop" beside "about 1,800 objects", Autopilot beside "we need hybrid join", "Enterprise Admins" named beside
   * "nobody gets it", "keep it simple" beside "PHS".
   */
  readonly weak?: readonly string[];
}

/** A word that changes the values named with it: with "keep", "ADFS" means keeping the federation there is. */
export interface Modifier {
  /** Any of these in the sentence (not negated) applies the rewrite; none at all means it always applies. */
  readonly words: readonly string[];
  /** value → what it means with this word; several values are a question back. */
  readonly rewrite: Readonly<Record<string, readonly string[]>>;
  /**
   * The rewrite describes what runs rather than what is chosen ("we use ADFS"): it gives way to a value named without
   * such a word ("we use ADFS today but want PHS").
   */
  readonly weak?: boolean;
  /** It reaches the whole sentence, past words of contrast: "there's a 90k group, but we don't need to sync it". */
  readonly wholeSentence?: boolean;
  /** It applies only when denied ("we don't sync it"), not when said ("we sync it"). */
  readonly whenDenied?: boolean;
}

/** Counts this question reads, and the bands its choices cover. */
export interface CountReading {
  /** Objects in a directory (users are part of them), or members of one group. */
  readonly of: 'objects' | 'members';
  /** For object counts: the largest domain, or everything the sync tool covers. */
  readonly scope?: 'domain' | 'total';
  readonly bands: readonly Band[];
}

/** Subjects that can be reachable or not (a forest, a domain), and how many of them there are. */
export interface ReachReading {
  readonly subjects: readonly string[];
  readonly whenReachable: readonly string[];
  readonly whenUnreachable: readonly string[];
  /** How many subjects there are, when that answers the question: one, or more than one. */
  readonly whenOne?: readonly string[];
  readonly whenMany?: readonly string[];
}

/** Version numbers ("2.4.18", "build 2.5 something"), as bands that end below the given version. */
export interface VersionReading {
  /** Words that say a number is this version ("build 2.4", "connect 2.5"); the asked question needs none. */
  readonly context: readonly string[];
  /** In order; a band holds versions below `below` (the last has none). `orAlso`: a newer build may exist. */
  readonly bands: ReadonlyArray<{
    readonly value: string;
    readonly below?: readonly number[];
    readonly orAlso?: readonly string[];
  }>;
}

/** Year-named releases ("Server 2019", "a 2016 box"). */
export interface YearReading {
  /** Words before the year ("server 2019", "on 2016") or after it ("2016 box", "2022 datacenter") that say what it is. */
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly years: Readonly<Record<string, string>>;
}

export interface QuestionWords {
  readonly values: Readonly<Record<string, ValueWords>>;
  /**
   * What the question is about ("devices"); denied ("no devices", "nothing for devices") it means `noneValue`. Only
   * for the question asked, unless `topical` (a denied "devices" is clear anywhere, a denied "sync" is not).
   */
  readonly topic?: {
    readonly words: readonly string[];
    readonly topical?: boolean;
    /**
     * Words for the whole of a multi-select question ("customize", "customization"), read wherever they appear: denied
     * ("we don't customize sync at all"), they answer it with none of its options, for a later question too.
     */
    readonly whole?: readonly string[];
  };
  readonly noneValue?: string;
  /** A value denied means another one: "no staging server" is "no". */
  readonly denied?: Readonly<Record<string, string>>;
  /** In order: the first modifier present rewrites a value. */
  readonly modifiers?: readonly Modifier[];
  /** A value that includes others: device writeback implies hybrid join, so both named mean device writeback. */
  readonly includes?: Readonly<Record<string, readonly string[]>>;
  /** Values named together that mean another one: Connect and Cloud Sync together are "both". */
  readonly together?: ReadonlyArray<{ readonly values: readonly string[]; readonly means: string }>;
  /** A reply that starts with yes or no ("yes, we have one"): the value each means. */
  readonly leading?: { readonly yes?: string; readonly no?: string };
  /** About what runs today: a move away that is only planned ("we're moving off Connect") does not deny it. */
  readonly aboutToday?: boolean;
  /**
   * About something held, such as a role: no longer using or needing it ("I have EA but never use it now") does not
   * deny holding it; only words of removal do ("our EA account was removed").
   */
  readonly heldWhenUnused?: boolean;
  readonly counts?: CountReading;
  readonly reach?: ReachReading;
  readonly versions?: VersionReading;
  readonly years?: YearReading;
  /**
   * Nouns for what the question is about ("build", "groups"). A word that only answers the question on screen answers
   * this one from any sentence when it stands right before one of these and so describes it: "latest build", "huge
   * groups" say what "latest" and "huge" say when the build or the group size is asked.
   */
  readonly names?: readonly string[];
  /**
   * What the question asks about, in the words a reply uses to say it does not know that part: "devices not sure", "not
   * sure about group sizes". A "not sure" said right on one of these is that question's answer, a later one's too.
   */
  readonly unsureOf?: readonly string[];
  /** A sentence this question understands, for its help. */
  readonly example: string;
}

/**
 * Asked whether something is there (a staging server, an Enterprise Admin), these say it was once and is not now:
 * "we had one but it was decommissioned", "there used to be one", "we had EA creds but they were revoked".
 */
const GONE_NOW: readonly string[] = [
  'used to',
  'used to be one',
  'used to have one',
  'not anymore',
  'no longer',
  'decommissioned',
  'retired',
  'removed',
  'deleted',
  'scrapped',
  'ditched',
  'ripped out',
  'taken out',
  'took out',
  'pulled out',
  'shut down',
  'switched off',
  'turned off',
  'torn down',
  'got rid of',
];

/** Filtering on something: what follows says which filter it is ("filter on extensionAttribute15"). */
const FILTER_ON: readonly string[] = [
  'filter on',
  'filter by',
  'filtering on',
  'filtering by',
  'filter where',
  'filters on',
  'filter them on',
  'scope on',
  'scoping on',
];

/** Names of directory attributes people filter on: filtering on one is attribute filtering. */
const ATTRIBUTE_NAMES: readonly string[] = [
  'extensionattribute',
  ...Array.from({ length: 15 }, (_, i) => `extensionattribute${i + 1}`),
  'extension attribute',
  'extension attributes',
  'custom attribute',
  'employeetype',
  'employee type',
  'department',
  'company',
  'division',
  'attribute',
  'attributes',
];

/** Devices joined to the cloud alone, which need nothing of the sync tool. */
const CLOUD_JOINED: readonly string[] = [
  'entra joined',
  'entra join',
  'azure ad joined',
  'azure ad join',
  'aad joined',
  'cloud joined',
  'cloud only join',
  'cloud only joined',
  'autopilot',
  'intune only',
  'cloud kerberos trust',
];

/** A build one step behind the newest: "one release behind the latest", "a version behind", "behind the newest". */
const STEP_BEHIND: readonly string[] = ['one', 'a']
  .flatMap((count) =>
    ['release', 'version', 'build', 'update'].flatMap((step) =>
      ['', ' the latest', ' the newest'].map((newest) => `${count} ${step} behind${newest}`),
    ),
  )
  .concat(['behind the latest', 'behind the newest']);

/** The Enterprise Admin role and its credentials, by name: said to be held, they answer yes; merely named, they only hint. */
const ENTERPRISE_ADMIN_ROLE: readonly string[] = [
  'enterprise admin',
  'enterprise admins',
  'enterprise administrator',
  'enterprise administrators',
  'enterprise admin account',
  'enterprise admin rights',
  'ea account',
  'ea rights',
  'ea credentials',
  'ea permissions',
  'ea creds',
  'enterprise admin creds',
  'enterprise admin credentials',
];

export const QUESTION_WORDS: { readonly [K in AnswerKey]: QuestionWords } = {
  currentSync: {
    example: 'we run Azure AD Connect, build 2.4',
    aboutToday: true,
    leading: { no: 'none' },
    topic: {
      words: [
        'sync',
        'syncing',
        'synced',
        'sync anything',
        'syncing anything',
        'synchronization',
        'synchronize',
        'synchronized',
        'synchronizing',
        'synchronise',
        'synchronised',
        'synchronising',
        'sync tool',
        // Also a group's words (see groupOver50kMembers), which would hide "sync" here.
        'sync it',
        'sync them',
        'sync that one',
        'sync those',
        'sync that group',
        'synchronize it',
      ],
    },
    noneValue: 'none',
    values: {
      none: {
        topical: [
          'cloud only',
          'cloud-only tenant',
          'brand new',
          'new tenant',
          'greenfield',
          'nothing syncs',
          'nothing is syncing',
          'no sync',
          'not syncing',
        ],
        asked: [
          'nothing',
          'none',
          'nothing yet',
          'new',
          'first time',
          'not yet',
          'cloud accounts',
          'cloud only accounts',
          'cloud users',
          'cloud identities',
        ],
      },
      connect: {
        topical: [
          'azure ad connect',
          'aad connect',
          'azure active directory connect',
          'entra connect',
          'entra connect sync',
          'connect sync',
          'aadconnect',
          'adconnect',
          'dirsync',
          'connect server',
        ],
        asked: ['connect'],
      },
      cloudSync: {
        topical: [
          'cloud sync',
          'entra cloud sync',
          'aad cloud sync',
          'azure ad cloud sync',
          'provisioning agent',
          'provisioning agents',
          'cloud provisioning',
        ],
        asked: ['cloud'],
      },
      both: { asked: ['both', 'both of them', 'a mix', 'mixed'] },
    },
    together: [{ values: ['connect', 'cloudSync'], means: 'both' }],
  },

  connectBuild: {
    example: 'build 2.4 something',
    unsureOf: ['build', 'connect build', 'build number', 'version', 'connect version', 'release'],
    values: {
      belowMandatory: {
        topical: ['sync stopped', 'stopped syncing', 'out of support', 'unsupported build', 'unsupported version'],
        asked: ['old', 'older', 'ancient', 'outdated', 'stopped', 'below', 'unsupported', 'way behind'],
      },
      supportedOlder: {
        asked: [
          'supported',
          'not the newest',
          'not the latest',
          'fairly recent',
          'a bit behind',
          'one behind',
          // A step behind the newest: not the latest, whatever "the latest" after it would say alone.
          ...STEP_BEHIND,
        ],
      },
      current: {
        topical: [
          'auto upgrade',
          'auto upgrades',
          'autoupgrade',
          'automatic upgrade',
          'automatic upgrades',
          'upgrades itself',
          'updates itself',
          'auto update',
          'auto updates',
          'auto updating',
          'autoupdate',
          'autoupdates',
          'auto upgrading',
          'keeps itself up to date',
        ],
        // Asked about the build, "current build" is this choice; elsewhere it is only the build installed (see context).
        asked: [
          'latest',
          'newest',
          'current',
          'up to date',
          'the latest',
          'most recent',
          'current build',
          'current version',
          'current release',
        ],
      },
    },
    names: ['build', 'builds', 'version', 'release', 'ver'],
    versions: {
      // "Current build" is the one installed, not the newest one: it names the build a number gives.
      context: [
        'current build',
        'current version',
        'current release',
        'build',
        'version',
        'versions',
        'ver',
        'release',
        'on',
        'running',
        'at',
        'v',
        'connect',
        'azure ad connect',
        'aad connect',
        'entra connect',
        'connect sync',
        'aadconnect',
        'adconnect',
      ],
      bands: [
        { value: 'belowMandatory', below: [2, 5, 79, 0] },
        // The newest build we know of (2.6.92.0, October 2026); an older one is not the newest.
        { value: 'supportedOlder', below: [2, 6, 92, 0] },
        { value: 'current', orAlso: ['supportedOlder'] },
      ],
    },
  },

  connectServerOs: {
    example: 'it runs on Server 2019',
    unsureOf: ['os', 'server os', 'operating system', 'windows version', 'server version'],
    values: {
      ws2016OrOlder: { asked: ['older', 'old'] },
      ws2022OrLater: { asked: ['newer', 'latest', 'newest'] },
    },
    names: ['os', 'operating system', 'server os', 'windows server', 'windows version'],
    years: {
      before: ['server', 'windows', 'ws', 'os', 'on', 'running', 'win', 'windows server'],
      after: ['box', 'server', 'servers', 'machine', 'vm', 'datacenter', 'standard', 'r2', 'core', 'host'],
      years: {
        2003: 'ws2016OrOlder',
        2008: 'ws2016OrOlder',
        2012: 'ws2016OrOlder',
        2016: 'ws2016OrOlder',
        2019: 'ws2019',
        2022: 'ws2022OrLater',
        2025: 'ws2022OrLater',
      },
    },
  },

  connectStaging: {
    example: 'no, just the one server',
    unsureOf: ['staging', 'staging server', 'staging mode', 'staging box'],
    leading: { yes: 'yes', no: 'no' },
    values: {
      yes: {
        topical: [
          'staging server',
          'staging servers',
          'staging mode',
          'staging box',
          'staging',
          'standby server',
          'second connect server',
          'in staging',
          // What Get-ADSyncScheduler shows on a staging server (the check the questionnaire suggests).
          'stagingmodeenabled true',
          'stagingmodeenabled : true',
          'stagingmodeenabled is true',
        ],
        asked: ['we do', 'there is', 'we have one', 'two servers', 'second server', 'i think so'],
      },
      no: {
        asked: [
          'just the one',
          'just one server',
          'only one server',
          'single server',
          'a single server',
          'one server',
          'only the one',
          ...GONE_NOW,
          'we dont',
          'i dont think so',
          'not really',
        ],
      },
    },
    denied: { yes: 'no' },
  },

  forestTopology: {
    example: "we have two forests and one isn't reachable",
    unsureOf: ['forests', 'forest count', 'number of forests', 'forest layout', 'forest setup'],
    // How many forests and whether one server reaches them decide it, not single words: "one isn't reachable" is not
    // "one forest", and an acquisition alone does not make a forest disconnected.
    values: {},
    reach: {
      subjects: ['forest', 'forests', 'ad forest', 'ad forests'],
      whenReachable: ['single', 'multipleConnected'],
      whenUnreachable: ['includesDisconnected'],
      whenOne: ['single'],
      whenMany: ['multipleConnected', 'includesDisconnected'],
    },
  },

  signIn: {
    example: 'we use ADFS and want to keep it',
    unsureOf: [
      'sign in',
      'signin',
      'sign on',
      'authentication',
      'auth',
      'sign in method',
      'login method',
      'logon method',
    ],
    values: {
      phs: {
        topical: [
          'password hash',
          'password hashes',
          'password hash sync',
          'password hash synchronization',
          'hash sync',
          'phs',
          'password sync',
          'password synchronization',
        ],
        asked: ['hash', 'hashes'],
      },
      ptaSetup: {
        topical: [
          'pta',
          'pass through',
          'passthrough',
          'passthru',
          'pass through authentication',
          'pass through auth',
          'pta agents',
          'pta agent',
        ],
      },
      federationSetup: {
        topical: ['adfs', 'ad fs', 'federation', 'federated', 'pingfederate', 'ping federate', 'ping identity'],
        asked: ['ping'],
      },
      keepExistingPtaOrFederation: {
        asked: ['keep', 'keep existing', 'keep what we have', 'no change', 'leave it as it is'],
        // "keep" alone says what to do with something named elsewhere: "keep ADFS", not "PHS, keep it simple".
        weak: ['keep'],
      },
    },
    modifiers: [
      {
        words: [
          'keep',
          'keeping',
          'stays',
          'stay',
          'staying',
          'remain',
          'remains',
          'as it is',
          'as is',
          'leave it',
          'retain',
          'unchanged',
          'stick with',
          'existing',
          'already in place',
          'in place',
          'continue to use',
          'keep using',
          'leave them',
          'as they are',
          'already installed',
          'already running',
        ],
        rewrite: { ptaSetup: ['keepExistingPtaOrFederation'], federationSetup: ['keepExistingPtaOrFederation'] },
      },
      {
        // Denied, a change is keeping it: "we're not touching the PTA agents", "ADFS won't change".
        words: ['touch', 'touching', 'change', 'changing', 'modify', 'modifying', 'alter', 'redo'],
        rewrite: { ptaSetup: ['keepExistingPtaOrFederation'], federationSetup: ['keepExistingPtaOrFederation'] },
        whenDenied: true,
      },
      {
        // Run apart from the sync tool, it stays as it is; said of "it", past a "but": "PTA, but we manage it ourselves".
        words: [
          'outside connect',
          'outside of connect',
          'outside the sync tool',
          'managed separately',
          'manage it ourselves',
          'manage them ourselves',
          'we manage it',
          'we manage them',
          'run it ourselves',
          'managed by another team',
          'not managed by connect',
        ],
        rewrite: { ptaSetup: ['keepExistingPtaOrFederation'], federationSetup: ['keepExistingPtaOrFederation'] },
        wholeSentence: true,
      },
      {
        words: [
          'set up',
          'setup',
          'set it up',
          'configure',
          'deploy',
          'introduce',
          'want',
          'would like',
          'like to',
          'need',
          'plan',
          'planning',
          'move to',
          'moving to',
          'switch to',
          'go with',
          'implement',
          'enable',
          'turn on',
          'new',
        ],
        rewrite: { ptaSetup: ['ptaSetup'], federationSetup: ['federationSetup'] },
      },
      {
        // "We use ADFS" says what runs, not whether the sync tool should set it up or leave it be.
        words: [
          'use',
          'using',
          'uses',
          'have',
          'has',
          'run',
          'running',
          'runs',
          'on',
          'today',
          'currently',
          'already',
          'in use',
          'got',
        ],
        rewrite: {
          ptaSetup: ['ptaSetup', 'keepExistingPtaOrFederation'],
          federationSetup: ['federationSetup', 'keepExistingPtaOrFederation'],
        },
        weak: true,
      },
    ],
  },

  devices: {
    example: 'no devices, or: we need hybrid join',
    unsureOf: ['devices', 'device', 'device needs', 'device side', 'endpoints'],
    leading: { no: 'none' },
    topic: {
      words: [
        'devices',
        'device',
        'device needs',
        'pcs',
        'laptops',
        'workstations',
        'computers',
        'machines',
        'endpoints',
      ],
      topical: true,
    },
    noneValue: 'none',
    values: {
      none: {
        topical: ['no devices', 'no device needs', ...CLOUD_JOINED],
        asked: ['none', 'nothing', 'nothing else', 'not needed'],
        // Devices that are cloud joined need nothing here, which says nothing of the others: "Autopilot for new
        // laptops, hybrid join for the rest" needs hybrid join.
        weak: CLOUD_JOINED,
      },
      hybridJoin: {
        topical: [
          'hybrid join',
          'hybrid joined',
          'hybrid joining',
          'hybrid azure ad join',
          'hybrid azure ad joined',
          'hybrid entra join',
          'hybrid entra joined',
          'haadj',
          'hybrid aad join',
        ],
        asked: ['hybrid'],
      },
      deviceWritebackOrWhfbHybridTrust: {
        topical: [
          'device writeback',
          'device write back',
          'key trust',
          'certificate trust',
          'cert trust',
          'hybrid key trust',
          'hybrid certificate trust',
          'hybrid cert trust',
        ],
        asked: ['writeback', 'write back'],
      },
      // Windows Hello for Business alone does not say which trust: cloud Kerberos trust needs nothing here.
      whfb: { topical: ['whfb', 'windows hello', 'windows hello for business', 'hello for business'] },
    },
    modifiers: [
      {
        words: ['cloud kerberos', 'cloud kerberos trust', 'cloud trust', 'kerberos'],
        rewrite: { whfb: ['none'] },
        weak: true,
      },
      {
        words: [
          'key trust',
          'certificate trust',
          'cert trust',
          'hybrid trust',
          'hybrid key trust',
          'hybrid certificate trust',
          'hybrid cert trust',
        ],
        rewrite: { whfb: ['deviceWritebackOrWhfbHybridTrust'] },
      },
      { words: [], rewrite: { whfb: ['none', 'deviceWritebackOrWhfbHybridTrust'] } },
    ],
    includes: { deviceWritebackOrWhfbHybridTrust: ['hybridJoin'] },
  },

  largestDomainObjects: {
    example: 'about 20k users',
    unsureOf: ['domain size', 'domain sizes', 'largest domain', 'biggest domain', 'object count', 'object counts'],
    // A size in words gives way to a number: "a small shop, about 1,800 objects".
    values: {
      under100k: { asked: ['small', 'tiny'], weak: ['small', 'tiny'] },
      from100kTo150k: { asked: ['medium'], weak: ['medium'] },
      over150k: { asked: ['large', 'huge'], weak: ['large', 'huge'] },
    },
    counts: {
      of: 'objects',
      scope: 'domain',
      bands: [
        { value: 'under100k', low: 0, high: 99_999 },
        { value: 'from100kTo150k', low: 100_000, high: 150_000 },
        { value: 'over150k', low: 150_001, high: Infinity },
      ],
    },
  },

  groupOver50kMembers: {
    example: 'our biggest group has about 3,000 members',
    unsureOf: [
      'group sizes',
      'group size',
      'big groups',
      'large groups',
      'biggest group',
      'largest group',
      'group membership',
      'membership counts',
    ],
    leading: { yes: 'yes', no: 'no' },
    values: {
      yes: { asked: ['we do', 'there is', 'i think so'] },
      no: {
        asked: [
          'nothing that big',
          'none that big',
          'no group that big',
          'no groups that big',
          'no group that large',
          'no groups that large',
          'none that large',
          'nothing that large',
          'not that big',
          'not that large',
          'nothing like that',
          'nothing close',
          'none',
          'nothing',
          'i dont think so',
          'not really',
          'we dont',
        ],
      },
      // Not a choice: a big group may or may not pass 50,000 members, but none big is none that large.
      big: {
        asked: [
          'big',
          'large',
          'huge',
          'massive',
          'giant',
          'enormous',
          'very large',
          'very big',
          'really large',
          'really big',
        ],
      },
    },
    denied: { big: 'no' },
    modifiers: [
      {
        // The question is about groups that must sync: a big one that is not to sync is not one of them ("a 90k group,
        // but we don't need to sync it").
        words: ['sync it', 'sync them', 'sync that one', 'sync those', 'sync that group', 'synchronize it'],
        rewrite: { yes: ['no'], big: ['no'] },
        whenDenied: true,
        wholeSentence: true,
      },
      {
        words: ['excluded from sync', 'excluded', 'out of scope', 'filtered out'],
        rewrite: { yes: ['no'], big: ['no'] },
        wholeSentence: true,
      },
    ],
    names: ['group', 'groups', 'dl', 'dls', 'distribution list', 'distribution lists', 'security groups'],
    counts: {
      of: 'members',
      bands: [
        { value: 'no', low: 0, high: 50_000 },
        { value: 'yes', low: 50_001, high: Infinity },
      ],
    },
  },

  customization: {
    example: 'we filter by group membership and have a few custom rules',
    topic: {
      whole: [
        'customization',
        'customizations',
        'customisation',
        'customisations',
        'customize',
        'customise',
        'customized',
        'customised',
        'customizing',
        'customising',
      ],
      words: [
        'filtering',
        'filters',
        'filter',
        ...FILTER_ON,
        'anything special',
        'anything custom',
        'any of that',
        'any of those',
        'any of these',
      ],
    },
    noneValue: 'none',
    values: {
      attributeValueFiltering: {
        topical: [
          'attribute filtering',
          'attribute based filtering',
          'attribute value filtering',
          'filter by attribute',
          'filter on attribute',
          'filter on an attribute',
          'filtering by attribute',
          'filtering on attribute',
          'attribute scoping',
          'scoping filter',
          'scoping filters',
        ],
        asked: ['attribute', 'attributes', 'attribute values'],
      },
      advancedSyncRules: {
        topical: [
          'custom rules',
          'custom rule',
          'custom sync rules',
          'custom sync rule',
          'advanced rules',
          'advanced sync rules',
          'custom transformations',
          'custom attribute flows',
          'custom attribute flow',
          'rules editor changes',
        ],
        asked: ['rules', 'sync rules', 'custom'],
      },
      crossForestReferencesOrMerge: {
        topical: [
          'cross forest',
          'cross forest references',
          'merge accounts',
          'merging accounts',
          'account merging',
          'merge identities',
          'across forests',
          'join accounts across forests',
        ],
        asked: ['merge', 'merging', 'merged'],
      },
      // Not a choice: filtering on something; on an attribute's name it is attribute filtering (see the modifier), also
      // when words stand between them ("filters users out by employeeType").
      filterOn: {
        topical: [
          ...FILTER_ON,
          'filter',
          'filters',
          'filtering',
          'filtered',
          'filter out',
          'filters out',
          'filtering out',
          'filtered out',
        ],
      },
      groupBasedFiltering: {
        topical: [
          'group filtering',
          'group based filtering',
          'group membership',
          'filter by group',
          'filtering by group',
          'scope by group',
          'group scoping',
          'pilot group',
        ],
        asked: ['group', 'groups'],
      },
      none: {
        topical: [
          'standard rules',
          'default rules',
          'stock rules',
          'standard sync rules',
          'default sync rules',
          'built in rules',
          'out of the box rules',
          'out of the box',
          'ou filtering',
          'ou scoping',
          'scope by ou',
          'by ou',
          'filter by ou',
          'ou based',
          'organizational units',
          'domain and ou filtering',
        ],
        asked: [
          'none',
          'nothing',
          'none of these',
          'none of those',
          'nothing fancy',
          'nothing special',
          'not needed',
          'neither',
          'defaults',
          'default',
          'ou',
          'ous',
          'standard',
        ],
      },
    },
    modifiers: [
      {
        words: ATTRIBUTE_NAMES,
        rewrite: { filterOn: ['attributeValueFiltering'] },
      },
    ],
  },

  otherNeeds: {
    example: 'exchange hybrid and high availability',
    topic: {
      words: ['any of that', 'any of those', 'any of these', 'any of them', 'anything like that', 'anything else'],
      // Named by what the question asks, denied it is the whole answer: "no other needs either".
      whole: ['other needs', 'other requirements', 'extra needs', 'extra requirements', 'special needs'],
    },
    noneValue: 'none',
    values: {
      accountResourceForest: {
        topical: [
          'resource forest',
          'resource forests',
          'account resource forest',
          'linked mailboxes',
          'linked mailbox',
        ],
        asked: ['resource'],
      },
      groupProvisioningToAd: {
        topical: [
          'group provisioning',
          'provision groups',
          'provision cloud groups',
          'cloud security groups',
          'security groups to ad',
          'cloud groups to ad',
          'groups to ad',
          'provision security groups',
        ],
      },
      // Not a choice: groups written to AD, which both group provisioning and Microsoft 365 group writeback do.
      groupsToAd: {
        // "The group one": an option named by its word alone.
        asked: [
          'group one',
          'group ones',
          'groups one',
          'group option',
          'group options',
          'group feature',
          'group thing',
        ],
        topical: [
          'groups written to ad',
          'groups written back',
          'groups written back to ad',
          'write groups to ad',
          'write groups back to ad',
          'groups back to ad',
          'groups back on prem',
          'groups back on premises',
        ],
      },
      entraDomainServices: {
        topical: [
          'domain services',
          'entra domain services',
          'entra ds',
          'aadds',
          'azure ad domain services',
          'aad ds',
          'managed domain',
        ],
      },
      exchangeHybrid: {
        topical: [
          'exchange hybrid',
          'hybrid exchange',
          'exchange on prem',
          'exchange on premises',
          'on prem exchange',
          'on premises exchange',
          'hybrid exchange deployment',
        ],
      },
      // Not a choice: Exchange named alone. With an account and resource forest it is that model, else Exchange hybrid.
      exchangeNamed: { asked: ['exchange'] },
      m365GroupWriteback: {
        topical: [
          'group writeback',
          'group write back',
          'groups writeback',
          'm365 group writeback',
          'm365 groups',
          'microsoft 365 groups',
          'office 365 groups',
          'o365 groups',
          'unified groups',
          'write back groups',
          'write groups back',
        ],
      },
      highAvailability: {
        topical: ['high availability', 'ha', 'failover', 'fail over', 'highly available', 'redundancy'],
        asked: ['availability', 'redundant'],
      },
      none: {
        asked: [
          'none',
          'nothing',
          'none of these',
          'none of those',
          'none of them',
          'neither',
          'not needed',
          'nothing else',
          'nothing like that',
        ],
      },
    },
    modifiers: [
      {
        words: [
          'resource forest',
          'resource forests',
          'account forest',
          'account resource forest',
          'linked mailboxes',
          'linked mailbox',
        ],
        rewrite: { exchangeNamed: [] },
      },
      {
        words: [],
        rewrite: { exchangeNamed: ['exchangeHybrid'], groupsToAd: ['groupProvisioningToAd', 'm365GroupWriteback'] },
      },
    ],
  },

  domainsReachable: {
    example: 'one child domain is behind a firewall',
    unsureOf: ['domain reachability', 'domain connectivity', 'domains', 'the other domains'],
    leading: { yes: 'all', no: 'someUnreachable' },
    values: {
      all: {
        asked: [
          'all',
          'all of them',
          'every domain',
          'everything',
          'all domains',
          'yes they can',
          'it can',
          'every one of them',
          'each of them',
        ],
      },
      someUnreachable: {
        asked: ['some', 'not all', 'not all of them', 'not every domain', 'partly', 'child domain', 'all but'],
      },
    },
    modifiers: [
      {
        // "All except the DMZ domain", "every domain is reachable apart from the lab one": all but one is some.
        words: [
          'except',
          'except for',
          'apart from',
          'aside from',
          'excluding',
          'save for',
          'with the exception of',
          'all but',
        ],
        rewrite: { all: ['someUnreachable'] },
        wholeSentence: true,
      },
    ],
    reach: {
      subjects: ['domain', 'domains', 'child domain', 'child domains', 'dmz domain', 'subdomain', 'subdomains'],
      whenReachable: ['all'],
      whenUnreachable: ['someUnreachable'],
    },
  },

  enterpriseAdminAvailable: {
    example: "yes, I'm an enterprise admin",
    unsureOf: ['ea', 'enterprise admin', 'enterprise admins', 'ea creds', 'ea access', 'ea rights'],
    leading: { yes: 'yes', no: 'no' },
    heldWhenUnused: true,
    values: {
      yes: {
        topical: ENTERPRISE_ADMIN_ROLE,
        asked: ['ea', 'we can', 'can do', 'we have one', 'i am', 'im', 'available', 'i think so'],
        // Naming the role is not saying someone holds it for this: "the Enterprise Admins group is empty".
        weak: [...ENTERPRISE_ADMIN_ROLE, 'ea'],
      },
      no: {
        asked: [
          'nobody',
          'no one',
          'we cant',
          'not available',
          'i dont think so',
          'not really',
          'we dont',
          'wont get',
          'will not get',
          'cant get',
          'cannot get',
          'locked down',
          'not allowed',
          'not permitted',
          'refused',
          'declined',
          'turned down',
          // Domain Admin is a lesser role: having only it is having no Enterprise Admin.
          'only domain admin',
          'only domain admins',
          'only have domain admin',
          'only have domain admins',
          'just domain admin',
          'domain admin only',
          'domain admins only',
          ...GONE_NOW,
          'left the company',
          'has left',
          'revoked',
        ],
      },
    },
    denied: { yes: 'no' },
  },

  connectTotalObjects: {
    example: 'roughly 300,000 objects',
    unsureOf: ['total', 'total objects', 'object count', 'object counts', 'total count'],
    values: {
      upTo2k: { asked: ['tiny'], weak: ['tiny'] },
      under100k: { asked: ['small'], weak: ['small'] },
      over100k: { asked: ['large', 'huge'], weak: ['large', 'huge'] },
    },
    counts: {
      of: 'objects',
      scope: 'total',
      bands: [
        { value: 'upTo2k', low: 0, high: 2_000 },
        { value: 'under100k', low: 2_001, high: 99_999 },
        { value: 'over100k', low: 100_000, high: Infinity },
      ],
    },
  },
};

// ---------------------------------------------------------------------------------------------------
// Words every question shares.

/** Deny what follows in the same clause: "we don't use ADFS", "no devices", "nobody here has enterprise admin". */
export const NEGATIONS: readonly string[] = [
  'no',
  'not',
  // "not so big": "so" here is no clause word.
  'not so',
  'not too',
  'not very',
  'dont',
  'do not',
  'doesnt',
  'does not',
  'didnt',
  'did not',
  'isnt',
  'is not',
  'arent',
  'are not',
  'wasnt',
  'werent',
  'cant',
  'cannot',
  'can not',
  'couldnt',
  'wouldnt',
  'would not',
  'wont',
  'will not',
  'never',
  'without',
  'nobody',
  'no one',
  'none',
  'neither',
  'nor',
  'nothing',
  'havent',
  'hasnt',
  'lack',
  'lacks',
  'zero',
  'not really',
  'no longer',
  'not anymore',
  'hardly',
  'we dont',
  'we do not',
  'we cant',
  'not all',
  'not all of them',
  'not every',
  'unable to',
  'not able to',
];

/** Removals said with a particle: "ripped out", "switched off"; with a pronoun inside ("ripped it out") they look back. */
const REMOVAL_PARTICLES: ReadonlyArray<readonly [verb: string, particle: string]> = [
  ['phased', 'out'],
  ['ripped', 'out'],
  ['torn', 'out'],
  ['tore', 'out'],
  ['took', 'out'],
  ['taken', 'out'],
  ['pulled', 'out'],
  ['turned', 'off'],
  ['switched', 'off'],
  ['shut', 'off'],
  ['shut', 'down'],
  ['torn', 'down'],
  ['tore', 'down'],
  ['killed', 'off'],
];

/** A move away from something, done: denies it for every question ("we moved off Connect last year"). */
export const DEPARTED: readonly string[] = [
  'moved off',
  'moved away from',
  'moved from',
  'got rid of',
  'retired',
  'decommissioned',
  'replaced',
  'migrated off',
  'migrated from',
  'migrated away from',
  'used to have',
  'used to use',
  'used to run',
  'used to be',
  'used to be on',
  'used to be in',
  'dropped',
  'removed',
  'uninstalled',
  'killed',
  'scrapped',
  'ditched',
  'deleted',
  'disabled',
  'abandoned',
  ...REMOVAL_PARTICLES.map(([verb, particle]) => `${verb} ${particle}`),
];

/** Words that stand for a thing named before them, in its sentence. */
const PRONOUNS: readonly string[] = ['it', 'them'];

/**
 * Things no question asks about that "it" may stand for: nearer to a removal of "it" than any answer word, they are what
 * was removed ("we run Connect on a new VM; the old server, we switched it off"). Right after an answer word they are part
 * of its name ("the Connect server").
 */
export const OTHER_THINGS: readonly string[] = [
  'server',
  'servers',
  'box',
  'boxes',
  'vm',
  'vms',
  'machine',
  'machines',
  'dc',
  'dcs',
  'domain controller',
  'domain controllers',
  'site',
  'sites',
  'tenant',
  'tenants',
  'app',
  'apps',
  'farm',
  'appliance',
  'project',
  'pilot',
  'lab',
  'forest',
  'forests',
  'domain',
  'domains',
];

/**
 * A removal done to "it" or "them", said with a particle around the pronoun ("we had Connect but ripped it out"): denies
 * the nearest thing named before it in its sentence, past "but" and "and".
 */
export const REMOVED_BACK: readonly string[] = PRONOUNS.flatMap((pronoun) =>
  REMOVAL_PARTICLES.map(([verb, particle]) => `${verb} ${pronoun} ${particle}`),
);

/**
 * A thing given up, said of "it" or "them" after it is named: denies the nearest thing named before it in its sentence,
 * past "and" ("group filtering was only for the pilot and we don't use it any more").
 */
export const DEPARTED_BACK: readonly string[] = [
  'use it any more',
  'use it anymore',
  'use them any more',
  'use them anymore',
  'use that any more',
  'use that anymore',
  'need it any more',
  'need it anymore',
  'need them any more',
  'need them anymore',
  'stopped using it',
  'stopped using them',
  'no longer use it',
  'no longer use them',
  'no longer need it',
  'no longer need them',
];
/**
 * Said of what a question is about, named just before in its clause, these deny it whole: "devices need nothing" is no
 * device needs.
 */
export const NEEDS_NOTHING: readonly string[] = [
  'need nothing',
  'needs nothing',
  'require nothing',
  'requires nothing',
  'nothing needed',
  'nothing required',
  'need none',
  'needs none',
];

/** Said of what is named just before, in its clause: "the old ADFS farm is no longer used". */
export const NO_LONGER_USED: readonly string[] = [
  'no longer used',
  'not used any more',
  'not used anymore',
  // A use that ended: "we used Connect until last year".
  ...['until', 'till', 'up until', 'up to'].flatMap((until) =>
    ['last year', 'last month', 'recently', 'a year ago', 'a few years ago', 'a while ago', 'this year'].map(
      (when) => `${until} ${when}`,
    ),
  ),
];

/**
 * A choice turned down: denies what it names, after it ("we ruled out PTA") or, nearer to hand, before it ("hashes
 * leaving the building was vetoed").
 */
export const REJECTED: readonly string[] = [
  'vetoed',
  'rejected',
  'ruled out',
  'forbidden',
  'prohibited',
  'banned',
  'not an option',
  'no go',
  'a no go',
  'off the table',
  'out of the question',
  'not acceptable',
  'unacceptable',
  // Said by whoever decides: "they declined our request for EA".
  'refused',
  'refuses',
  'declined',
  'declines',
  'turned down',
];

/** A move away that is only planned: denies it as a choice for the future, not as what runs today. */
export const LEAVING: readonly string[] = [
  'moving off',
  'move off',
  'moving away from',
  'move away from',
  'moving from',
  'migrate off',
  'migrating off',
  'migrate from',
  'migrating from',
  'get rid of',
  'getting rid of',
  'replace',
  'replacing',
  'retire',
  'retiring',
  'phase out',
  'phasing out',
  'drop',
  'dropping',
  'switch from',
  'switching from',
  'away from',
  'instead of',
  'rather than',
  'decommission',
  'decommissioning',
  'turn off',
];

/**
 * A move away that is only planned, said after what it moves away from: "ADFS is going away", "PTA is on its way out".
 * It reaches back to the nearest thing named in its clause.
 */
export const LEAVING_BACK: readonly string[] = [
  'going away',
  'on its way out',
  'on the way out',
  'being retired',
  'being decommissioned',
  'being replaced',
  'being phased out',
  'being removed',
  'to be retired',
  'to be decommissioned',
  'to be replaced',
  'to be phased out',
  'will be retired',
  'will be decommissioned',
  'will be replaced',
  'will be removed',
  'is sunsetting',
  'is being sunset',
  'is end of life',
];

/**
 * Words that put their clause in the past: "we had ADFS years ago", "DirSync back in 2014". What the clause names gives
 * way to what the rest of the reply says of today ("…, then nothing", "… but decommissioned it, so hash sync").
 */
export const PAST_MARKERS: readonly string[] = [
  'we had',
  'we once had',
  'there was',
  'there were',
  'back in',
  'back then',
  'years ago',
  'long ago',
  'a while ago',
  'originally',
  'initially',
  'at first',
  'in the past',
  'previously',
  'formerly',
  'at the time',
];

/**
 * A move that is only planned: what follows it is not what runs today ("connect, but we'd like to move to cloud
 * sync"). Only questions about today's deployment read it so; for the others a plan is the answer.
 */
export const PLANNED: readonly string[] = [
  'move to',
  'moving to',
  'migrate to',
  'migrating to',
  'switch to',
  'switching to',
  'want',
  'want to',
  'would like',
  'like to',
  'plan to',
  'planning to',
  'going to',
  'will',
  'thinking about',
  'considering',
  'eventually',
  'later',
  'next year',
  'in the future',
  'hope to',
];

/** "Not sure": the answer, or, before a topic, that this topic is not known ("not sure if the second server is in staging"). */
export const NOT_SURE: readonly string[] = [
  'not sure',
  'unsure',
  'no idea',
  'no clue',
  'not a clue',
  'dont know',
  'do not know',
  'idk',
  'dunno',
  'not certain',
  'unknown',
  'no sure',
  'have to check',
  'need to check',
  'would need to check',
  'have to ask',
  'need to ask',
  'check with',
  'have to look',
  'need to look',
  'have to open',
  'need to open',
  'would have to open',
  'would have to look',
  'find out',
  'cant say',
  'hard to say',
  'not confident',
  'dont remember',
  'cant remember',
  'unclear',
  'no way to know',
  'need to verify',
  'have to verify',
  'ask around',
  'let me check',
  // Not decided yet: the answer is not known today.
  'not decided',
  'not yet decided',
  'undecided',
  'havent decided',
  'have not decided',
  'hasnt decided',
  'has not decided',
  'still deciding',
  'yet to decide',
  'yet to be decided',
  'to be decided',
  'tbd',
  'up in the air',
];

/**
 * Before a "not sure" phrase, these make it the answer chosen, whatever else the sentence leans to: "I'd lean toward PHS,
 * but put me down as unsure for now", "go with not sure".
 */
export const NOT_SURE_CHOSEN: readonly string[] = ['as', 'go with', 'say', 'answer', 'put'];

/**
 * Between "not sure" and what it is about, either way round: "not sure about group sizes", "the build I'm not sure of",
 * "unsure yet on sign-in".
 */
export const UNSURE_LINKS: readonly string[] = [
  'about',
  'on',
  'of',
  'regarding',
  're',
  'as to',
  'yet',
  'still',
  'for',
  'the',
  'our',
  'im',
  'i',
  'am',
  'we',
  'were',
  'is',
  'are',
];
/** At most this many linking words stand between "not sure" and what it is about. */
export const UNSURE_LINK_REACH = 3;

/**
 * Right after "not sure", these put the doubt on the questions still to come, not on the one answered before it: "PTA,
 * not sure about the rest". Said with nothing else, the question asked is among "the rest".
 */
export const OTHER_QUESTIONS: readonly string[] = [
  'about the rest',
  'for the rest',
  'on the rest',
  'of the rest',
  'about the others',
  'for the others',
  'on the others',
  'about the other ones',
  'for the other ones',
  'about the other questions',
  'for the other questions',
  'on the other questions',
  'about the remaining ones',
  'for the remaining ones',
  'about the remaining questions',
  'for the remaining questions',
  'about everything else',
  'for everything else',
  'on everything else',
  'about anything else',
  'about the other stuff',
  'beyond that',
  'past that',
];

/**
 * Right before what is none of a multi-select question's options, these make it the whole answer, for a later question
 * too: "we filter only by OU" is no customization at all.
 */
export const ONLY_WORDS: readonly string[] = ['only', 'just', 'solely', 'purely', 'nothing but', 'nothing beyond'];

/**
 * A guess: what follows in its clause is named without certainty ("I think someone also set up Cloud Sync"). It does not
 * change a firm answer into another one on its own.
 */
export const TENTATIVE: readonly string[] = [
  'i think',
  'i believe',
  'i guess',
  'i suspect',
  'maybe',
  'probably',
  'possibly',
  'perhaps',
  'might',
  'might have',
  'may have',
];

/** The reply starts by saying yes. */
export const YES_FIRST: readonly string[] = [
  'yes',
  'i think so',
  'i believe so',
  'i guess so',
  'i suppose so',
  'yeah',
  'yep',
  'yup',
  'yes we do',
  'sure',
  'correct',
  'indeed',
  'absolutely',
  'definitely',
  'of course',
  'affirmative',
  'y',
];
/**
 * Words that report an answer right before a yes or no that ends the reply: "the security team says no", "I'd say
 * yes", "the answer is no". The yes or no is then the reply's answer, as one alone in its last clause is.
 */
export const REPORTS_ANSWER: readonly string[] = [
  'say',
  'says',
  'said',
  'saying',
  'told us',
  'told me',
  'confirms',
  'confirmed',
  'came back with',
  'reckons',
  'tells us',
  'answered',
  'replied',
  'answer is',
  'reply is',
  'verdict is',
  'answer was',
  'reply was',
  'verdict was',
  'its a',
  'thats a',
  'got a',
  'as far as i know',
  'afaik',
  'i think',
  'i believe',
];
/**
 * After a yes or no reported as the answer, these open what it is said of, to the end of the reply: "the firewall team
 * says no for the lab domain", "security said yes on this project". The yes or no still answers.
 */
export const REPORTED_OF: readonly string[] = ['for', 'on', 'about', 'regarding', 'to', 'in', 'from', 'as far as'];
/** Always a "no" at the start; a plain "no" is one only when a comma or the end follows ("no, …"), else it denies what follows ("no devices"). */
export const NO_FIRST: readonly string[] = [
  'nope',
  'nah',
  'negative',
  'no way',
  'n',
  // Not known to be so: "not that I know of".
  'not that i know of',
  'not that im aware of',
  'not that i am aware of',
  'not as far as i know',
  'not to my knowledge',
];

/** Right before a number, these make it a margin, not a count: "around 50k, give or take a few hundred". */
export const MARGIN_WORDS: readonly string[] = ['give or take', 'plus or minus', 'plus minus'];

/** Between a word that bends a number and the number, these change nothing: "under a 100k" is under 100k. */
export const NUMBER_ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** Words that bend a number: before it ("under 100k") or after it ("100k or more"). */
export const QUALIFIERS_BEFORE: ReadonlyArray<readonly [string, Qualifier]> = [
  ...(
    ['under', 'below', 'less than', 'fewer than', 'lower than', 'smaller than', 'not even', 'well under', '<'] as const
  ).map((word) => [word, 'below'] as const),
  ...(
    [
      'just under',
      'a bit under',
      'a little under',
      'slightly under',
      'slightly less than',
      'a bit less than',
      'shy of',
      'just shy of',
      'short of',
      'nearly',
      'almost',
      'not quite',
    ] as const
  ).map((word) => [word, 'justBelow'] as const),
  ...(
    [
      'just over',
      'a little over',
      'a bit over',
      'slightly over',
      'slightly more than',
      'a bit more than',
      'a little more than',
      'just above',
    ] as const
  ).map((word) => [word, 'justAbove'] as const),
  ...(['up to', 'at most', 'max', 'maximum', 'no more than', 'not more than', 'tops'] as const).map(
    (word) => [word, 'atMost'] as const,
  ),
  ...(
    [
      'over',
      'above',
      'more than',
      'greater than',
      'bigger than',
      'larger than',
      'higher than',
      'in excess of',
      'north of',
      'well over',
      'beyond',
      'exceeds',
      'exceeding',
      '>',
    ] as const
  ).map((word) => [word, 'above'] as const),
  ...(['at least', 'minimum', 'no less than', 'no fewer than', 'not less than'] as const).map(
    (word) => [word, 'atLeast'] as const,
  ),
  ...(
    [
      'about',
      'around',
      'roughly',
      'approximately',
      'approx',
      'circa',
      'ca',
      'some',
      'maybe',
      'probably',
      'close to',
      'like',
      'near',
      'somewhere around',
      'something like',
      'give or take',
      'estimated',
      'an estimated',
      'ish',
      '~',
      'in the region of',
      'in the range of',
      'on the order of',
      'ballpark',
    ] as const
  ).map((word) => [word, 'about'] as const),
];
export const QUALIFIERS_AFTER: ReadonlyArray<readonly [string, Qualifier]> = [
  ['or more', 'atLeast'],
  ['plus', 'atLeast'],
  ['+', 'atLeast'],
  ['and up', 'atLeast'],
  ['or so', 'about'],
  ['ish', 'about'],
  ['give or take', 'about'],
  ['or less', 'atMost'],
  ['or fewer', 'atMost'],
  ['at most', 'atMost'],
  ['max', 'atMost'],
  ['tops', 'atMost'],
  ['or thereabouts', 'about'],
  ['more or less', 'about'],
];

/**
 * Said anywhere in its sentence, these make every number there without a word of its own an estimate ("I'd estimate
 * the largest domain at 150k, could be a bit more or less"): near a band's edge, both bands.
 */
export const ESTIMATE_WORDS: readonly string[] = [
  'estimate',
  'id estimate',
  'i estimate',
  'estimating',
  'guesstimate',
  'rough guess',
  'more or less',
  'give or take',
  'or thereabouts',
  'ballpark',
  'plus or minus',
];

/** Words for the user accounts a directory holds (mailboxes, seats and heads count people, not accounts). */
const USER_WORDS = [
  'users',
  'user',
  'people',
  'employees',
  'staff',
  'accounts',
  'user accounts',
  'identities',
  'persons',
  'user objects',
  'students',
] as const;
/** Words for the computer objects a directory holds. */
const COMPUTER_WORDS = [
  'computers',
  'computer objects',
  'computer accounts',
  'devices',
  'machines',
  'workstations',
] as const;

/** What a counted number is of. Users are only part of a directory's objects: see PEOPLE_TO_OBJECTS. */
export const COUNT_UNITS: ReadonlyArray<readonly [string, 'people' | 'objects' | 'members' | 'partial']> = [
  ...([...USER_WORDS, 'mailboxes', 'seats', 'heads'] as const).map((word) => [word, 'people'] as const),
  ...(
    ['objects', 'object', 'objs', 'obj', 'items', 'entries', 'ad objects', 'directory objects', 'things'] as const
  ).map((word) => [word, 'objects'] as const),
  ...(['members', 'member', 'users in it', 'people in it'] as const).map((word) => [word, 'members'] as const),
  ...([...COMPUTER_WORDS, 'groups', 'contacts'] as const).map((word) => [word, 'partial'] as const),
];

/**
 * Which part of a directory a counted unit is, for a breakdown ("60k users, 25k computers, 8k groups"): parts of one
 * sentence add up, and users, computers and groups together are nearly all of it. Units not listed are no part.
 */
export const OBJECT_PARTS: ReadonlyArray<readonly [string, 'users' | 'computers' | 'groups' | 'contacts']> = [
  ...USER_WORDS.map((word) => [word, 'users'] as const),
  ...COMPUTER_WORDS.map((word) => [word, 'computers'] as const),
  ['groups', 'groups'],
  ['contacts', 'contacts'],
];

/** The parts that, counted together, are a whole directory but for a few other objects. */
export const WHOLE_DIRECTORY_PARTS: readonly string[] = ['users', 'computers', 'groups'];

/**
 * A directory holds groups, contacts and computers besides its users: a count of people is taken as at least that many
 * objects and at most this many times as many, so "20k users" is under 100,000 objects and "40k users" is not known to be.
 */
export const PEOPLE_TO_OBJECTS = 3;

/**
 * A four-digit number in this span, right after one of YEAR_MARKERS and with no unit or qualifier, is a year ("back in
 * 2017", "since the 2020 reorganisation"), never a count of objects or members.
 */
export const YEAR_SPAN = { from: 1990, to: 2039 } as const;
/** Single tokens before a year. */
export const YEAR_MARKERS: ReadonlySet<string> = new Set([
  'in',
  'since',
  'during',
  'until',
  'till',
  'by',
  'before',
  'after',
  'the',
  'early',
  'mid',
  'late',
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
  ...MONTH_NAMES.map((name) => name.toLowerCase()),
]);

/** Counts below this are about something else ("two accounts", "one server"), never a directory's size. */
export const MIN_OBJECT_COUNT = 10;

/**
 * A number with no unit below this, asked about a group's members, counts the groups ("yes, one", "yes two of them"),
 * not the members of one.
 */
export const MIN_BARE_MEMBER_COUNT = 10;

/** Words that put a count in one domain, the whole directory, or one part of several. */
export const COUNT_SCOPES: ReadonlyArray<readonly [string, 'domain' | 'total' | 'part' | 'sole']> = [
  ...(
    [
      'domain',
      'largest domain',
      'biggest domain',
      'per domain',
      'in the domain',
      'main domain',
      'that domain',
      // Said of the domains after they are named: "…over 4 domains, the biggest about 110k".
      'the biggest',
      'the largest',
      'the biggest one',
      'the largest one',
    ] as const
  ).map((word) => [word, 'domain'] as const),
  ...(
    [
      'total',
      'in total',
      'overall',
      'altogether',
      'all together',
      'combined',
      'across',
      'in all',
      'whole',
      'entire',
      'everything',
      'company wide',
      'tenant wide',
      'forest wide',
      'in the forest',
      'the forest has',
      'spread over',
      'spread across',
      'all domains',
      'all the domains',
    ] as const
  ).map((word) => [word, 'total'] as const),
  ...(['each', 'per forest', 'apiece', 'in each'] as const).map((word) => [word, 'part'] as const),
  // Said anywhere in the sentence: the domain is the whole directory, so its count is the total too.
  ...(
    [
      'only domain',
      'single domain',
      'a single domain',
      'sole domain',
      'one and only domain',
      'only one domain',
      'just one domain',
      'our one domain',
      'the one domain',
    ] as const
  ).map((word) => [word, 'sole'] as const),
];

/** A number right before one of these counts them, not objects or members: "one DL", "two servers", "3 years". */
export const OTHER_COUNTED: readonly string[] = [
  'server',
  'servers',
  'dc',
  'dcs',
  'domain controller',
  'domain controllers',
  'agent',
  'agents',
  'site',
  'sites',
  'tenant',
  'tenants',
  'app',
  'apps',
  'applications',
  'admins',
  'admin',
  'years',
  'year',
  'months',
  'month',
  'weeks',
  'week',
  'days',
  'day',
  'hours',
  'times',
  'rules',
  'ous',
  'ou',
  'licenses',
  'of them',
  'of those',
  'percent',
];

/** In a clause with these, an unlabelled number is a group's size ("no group anywhere near 50k"). */
export const GROUP_WORDS: readonly string[] = [
  'group',
  'groups',
  'dl',
  'dls',
  'distribution list',
  'distribution lists',
  'all staff',
  'everyone group',
  'members',
];

/** Reachability, for the questions with a `reach` reading. Denied ("isn't reachable"), each means the other. */
export const REACHABLE: readonly string[] = [
  'reachable',
  'connected',
  'fully connected',
  'network access',
  'line of sight',
  'talk to each other',
  'can talk',
  'see each other',
  'routable',
  'network is fine',
  'on the same network',
  'same network',
  'routed',
  // Said of the link between them: "no network between them" is denied.
  'network between',
  'network link between',
  'routing between',
  'on our network',
  'on the network',
  'in our network',
  'on our lan',
  'on our wan',
  // Whole, or "no connectivity" would be read first.
  'no connectivity issues',
  'no connectivity problems',
  'no network issues',
  'no network problems',
  'no routing issues',
  'accessible',
  'connectivity',
];
/**
 * Verbs of reaching whose object is what is reached, after them: "the server can't reach one child domain" is about
 * the domain, not a forest named before. A reach word followed by "to" ("line of sight to the DMZ domain") is one too.
 */
export const REACHING_VERBS: readonly string[] = [
  'reach',
  'reaches',
  'can reach',
  'can access',
  'can see',
  'can talk to',
  'talks to',
  'can get to',
  'can connect to',
];

/**
 * Words before a subject (or in it) that pick out only some of them: "one child domain" or "some domains" reachable
 * says nothing of the others, so it does not answer that every one is. Single tokens.
 */
export const PARTIAL_WORDS: ReadonlySet<string> = new Set([
  'some',
  'one',
  'few',
  'most',
  'part',
  'half',
  'certain',
  'couple',
  'not',
]);

export const UNREACHABLE: readonly string[] = [
  'unreachable',
  'disconnected',
  'not connected',
  'isolated',
  'behind a firewall',
  'behind firewall',
  'behind the firewall',
  'behind firewalls',
  'firewalled',
  'no network path',
  'no vpn',
  'no network connection',
  'no network link',
  'no route',
  'no connectivity',
  'no line of sight',
  'cut off',
  'separate network',
  'air gapped',
  'airgapped',
  'no network access',
  'cant be reached',
  'out of reach',
  // Denied, these say the network is fine: "no network issues between them".
  'network issues',
  'network problems',
  'network trouble',
  'connectivity issues',
  'connectivity problems',
  'routing issues',
];

/** How many of a subject there are ("a single forest", "several forests"); numbers come from the recognizer. */
export const ONE_WORDS: readonly string[] = [
  'single',
  'a single',
  'one',
  'just one',
  'only one',
  'only the one',
  'just the one',
];
export const MANY_WORDS: readonly string[] = [
  'several',
  'multiple',
  'multi',
  'many',
  'a few',
  'few',
  'a couple of',
  'couple of',
  'a couple',
  'a pair of',
  'pair of',
  'both',
  'some',
  'various',
  'two or more',
  'more than one',
];

/**
 * Right before a number, these count things of that size: "a 70k group", "a couple of 70k groups" are groups of 70,000
 * members each, not 70,000 groups. ("Some 8k groups" is about 8,000 groups, so "some" is not one.)
 */
export const COUNTS_BEFORE_SIZE: readonly string[] = [
  'a',
  'an',
  'one',
  'a single',
  'single',
  'just one',
  'only one',
  'several',
  'multiple',
  'many',
  'a few',
  'few',
  'a couple of',
  'couple of',
  'a couple',
  'a pair of',
  'a handful of',
  'handful of',
];

/**
 * First words of a question: a sentence that starts with one and ends with "?" asks something back ("what is staging
 * mode?", "can you explain cloud Kerberos trust?"), so the choices it names are not an answer. Single tokens.
 */
export const QUESTION_OPENERS: ReadonlySet<string> = new Set([
  'what',
  'whats',
  'why',
  'how',
  'hows',
  'which',
  'who',
  'whos',
  'where',
  'when',
  'can',
  'could',
  'would',
  'should',
  'shall',
  'do',
  'does',
  'did',
  'is',
  'are',
  'will',
  'explain',
]);

/** "option 2", "choice 3", "number 1": a choice by its number inside a sentence. */
export const CHOICE_NUMBER_WORDS: readonly string[] = ['option', 'choice', 'answer', 'number', 'pick', 'go with'];

/** Before a version number: "older than 2.5.79" is below it, "newer than 2.5.79" above it. */
export const VERSION_QUALIFIERS: ReadonlyArray<readonly [string, 'below' | 'above']> = [
  ['older than', 'below'],
  ['below', 'below'],
  ['before', 'below'],
  ['lower than', 'below'],
  ['under', 'below'],
  ['prior to', 'below'],
  ['pre', 'below'],
  ['earlier than', 'below'],
  ['newer than', 'above'],
  ['above', 'above'],
  ['after', 'above'],
  ['later than', 'above'],
  ['over', 'above'],
  ['higher than', 'above'],
  ['at least', 'above'],
  ['past', 'above'],
];

/**
 * Words of contrast: a word that changes what a value means ("keep", "want") reaches across commas and "and", but not
 * past these ("we use ADFS today but want PHS").
 */
export const CONTRAST_WORDS: readonly string[] = [
  'but',
  'however',
  'although',
  'though',
  'except',
  'whereas',
  'instead',
];

/** Ends a negation or a hedge besides punctuation: "we don't use ADFS and want to keep it". */
export const CLAUSE_WORDS: readonly string[] = [
  'and',
  'but',
  'although',
  'though',
  'however',
  'except',
  'so',
  'because',
  'also',
  'plus',
  'while',
];
