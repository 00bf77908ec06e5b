/**
 * Questions answered from the bot's own content: every checklist line, check and "why" of the task
 * catalog, the advisor's capability rules and a few extra facts, indexed at start with MiniSearch
 * (English stems, field boosts, fuzzy and prefix terms, the corpus's synonyms). An answer is only given
 * when the best match covers enough of the question; otherwise the caller says honestly that the guide
 * has no answer.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { CAPABILITY_RULES } from '../domain/advisorRules';
import { PATH_TRACK_IDS, type TaskId, type TaskLink } from '../domain/catalog';
import { TASK_CATALOG } from '../domain/taskCatalog';
import { TRACK_LABELS } from '../domain/toolNames';
import type { Corpus } from './corpus';
import { GUIDE_FACTS } from './guideFacts';
import { stem } from './stems';
import { cleanText, tokenize } from './textPrep';

export interface GuideHit {
  /** The line of content that matched, as written in the catalog or the rule. */
  readonly text: string;
  /** The task (or rule or fact) it belongs to. */
  readonly title: string;
  /** Catalog tasks this line belongs to (a shared task belongs to both tracks); empty for rules and facts. */
  readonly taskIds: readonly TaskId[];
  readonly links: readonly TaskLink[];
}

export type GuideAnswer =
  { readonly kind: 'answer'; readonly hits: readonly GuideHit[] } | { readonly kind: 'noAnswer' };

interface IndexedDoc extends GuideHit {
  readonly id: number;
  /** Which part of the content: the checklist and facts answer questions, a task's "why" mostly explains. */
  readonly source: 'checklist' | 'check' | 'why' | 'rule' | 'fact' | 'example';
  /** The task (its ids joined), rule or fact this document belongs to: an answer comes from one group. */
  readonly group: string;
  /** The tool a task belongs to, so "in connect" prefers Connect Sync's tasks. */
  readonly track: string;
  /** A task of a track for a running deployment (PATH_TRACK_IDS). */
  readonly pathTrack?: boolean;
}

/** Share of the question's words that the best match must contain, and how many at least. */
const MIN_COVERAGE = 0.5;
/**
 * With two or more words in the question, one word in common is not an answer, unless that word is a rare technical
 * term of the guide (TLS, gMSA, LocalDB, 443): a rare everyday word ("fix", "car") proves nothing.
 */
const MIN_MATCHED_OF_SEVERAL = 2;
const RARE_IN_DOCS = 3;
/** A word with a capital after its first letter or with a digit (gMSA, LocalDB, TLS, 443, KB5070773); run on our own content only. */
const TECHNICAL_WORD = /\b[A-Za-z]*(?:[a-z][A-Z]|[A-Z]{2}|\d)[A-Za-z0-9]{0,30}/g;
/** A synonym counts for less than the word the person typed. */
const SYNONYM_WEIGHT = 0.25;
/** Checklist lines are the most concrete answers; a task's "why" explains more than it answers. */
const SOURCE_WEIGHT: Readonly<Record<IndexedDoc['source'], number>> = {
  checklist: 1.2,
  check: 1.1,
  why: 0.8,
  rule: 1,
  fact: 1,
  example: 1,
};
/** Which lines of an answer come first (a sort is stable, so score order holds within each). */
const SHOW_ORDER: Readonly<Record<IndexedDoc['source'], number>> = {
  checklist: 0,
  check: 0,
  fact: 0,
  rule: 0,
  why: 1,
  example: 2,
};
/** Lines of the conversation's own plan count for more: a Cloud Sync plan asking about "the agent" means Cloud Sync's. */
const IN_PLAN_WEIGHT = 1.5;
/**
 * The tracks for a tenant that already syncs (restore, upgrade, migrate, health) repeat much of the install tracks'
 * content for a running deployment; outside such a plan, a first installation's line is the likelier answer.
 */
const PATH_TRACK_WEIGHT = 0.5;
const MAX_HITS = 3;
/**
 * The example questions vote beside the lines' search: a question worded like a part's examples ("which urls must the
 * agent reach") can win over lines that merely repeat a frequent phrase ("provisioning agent"). Each signal is scaled to
 * its own best; the vote counts half as much as the lines, and only an example that shares three quarters of the
 * question's words votes at all, so a loose resemblance to another tool's example does not steer the answer.
 * Both were chosen on dev.en.json.
 */
const EXAMPLE_VOTE = 0.5;
const EXAMPLE_COVERAGE = 0.75;

/** Enough of the question's own words (or their synonyms) occur in the match; one rare word may do. */
function covers(
  result: SearchResult,
  wanted: ReadonlyArray<{ terms: ReadonlySet<string>; rare: boolean }>,
  minCoverage = MIN_COVERAGE,
): boolean {
  let covered = 0;
  let rare = false;
  for (const word of wanted) {
    if (result.queryTerms.some((term) => word.terms.has(term))) {
      covered += 1;
      rare ||= word.rare;
    }
  }
  return (
    (covered >= Math.min(wanted.length, MIN_MATCHED_OF_SEVERAL) || (covered >= 1 && rare)) &&
    covered / wanted.length >= minCoverage
  );
}

export class GuideIndex {
  private readonly search: MiniSearch<IndexedDoc>;
  /** The example questions alone: the part of the guide whose examples a question resembles most votes beside the lines' search. */
  private readonly examples: MiniSearch<IndexedDoc>;
  private readonly docs: IndexedDoc[] = [];
  private readonly stopWords: ReadonlySet<string>;
  private readonly synonyms = new Map<string, string[]>();
  /** What a group shows when only its example questions matched: a task's "why", or the rule or fact itself. */
  private readonly leads = new Map<string, IndexedDoc[]>();
  /** Terms in more than half the documents ("sync"): they tell nothing apart, and searching them costs the most. */
  private readonly common = new Set<string>();
  /** In how many documents each stem occurs. */
  private readonly documentFrequency = new Map<string, number>();
  /** Stems the content writes as a name or an acronym (capitals after the first letter, or digits): its technical terms. */
  private readonly technical = new Set<string>();

  constructor(corpus: Corpus) {
    this.stopWords = new Set(corpus.stopWords);
    for (const group of corpus.synonyms) {
      for (const word of group)
        this.synonyms.set(
          this.stem(word),
          group.filter((other) => other !== word),
        );
    }
    this.search = new MiniSearch<IndexedDoc>({
      fields: ['title', 'text', 'track'],
      storeFields: [],
      tokenize: (text) => this.terms(text),
      // terms() already stemmed and dropped stop words.
      processTerm: (term) => term,
      searchOptions: {
        boost: { title: 1.5, track: 1.5 },
        // One typo in longer words only: short words would match unrelated ones ("car" → "care").
        fuzzy: (term) => (term.length >= 6 ? 1 : 0),
        prefix: (term) => term.length >= 5,
        combineWith: 'OR',
        boostDocument: (id) => SOURCE_WEIGHT[this.docs[id as number].source],
      },
    });
    this.addContent(corpus);
    this.search.addAll(this.docs);
    this.examples = new MiniSearch<IndexedDoc>({
      fields: ['text'],
      storeFields: [],
      tokenize: (text) => this.terms(text),
      processTerm: (term) => term,
      searchOptions: {
        fuzzy: (term) => (term.length >= 6 ? 1 : 0),
        prefix: (term) => term.length >= 5,
        combineWith: 'OR',
      },
    });
    this.examples.addAll(this.docs.filter((doc) => doc.source === 'example'));
    for (const doc of this.docs) {
      for (const stem of new Set(this.terms(`${doc.title} ${doc.text}`))) {
        this.documentFrequency.set(stem, (this.documentFrequency.get(stem) ?? 0) + 1);
      }
    }
    for (const [term, count] of this.documentFrequency) if (count > this.docs.length / 2) this.common.add(term);
    for (const doc of this.docs) {
      if (doc.source === 'example') continue;
      for (const word of `${doc.title} ${doc.text}`.match(TECHNICAL_WORD) ?? [])
        this.technical.add(this.stem(word.toLowerCase()));
    }
  }

  get size(): number {
    return this.docs.length;
  }

  /** `planTaskIds`: the conversation's tasks; their lines win over another track's that match as well. */
  answer(question: string, planTaskIds: readonly string[] = []): GuideAnswer {
    const words = [
      ...new Set(
        tokenize(cleanText(question).text).filter(
          (word) => !this.stopWords.has(word) && !/^\d{1,2}$/.test(word) && !this.common.has(this.stem(word)),
        ),
      ),
    ];
    if (words.length === 0) return { kind: 'noAnswer' };
    const typed = new Set(this.terms(question));
    const synonyms = [...new Set(words.flatMap((word) => this.synonyms.get(this.stem(word)) ?? []))];
    // Each word of the question, with the index terms that count as finding it (its stem, its synonyms' terms).
    const wanted = words.map((word) => {
      const stem = this.stem(word);
      const terms = new Set([stem, ...(this.synonyms.get(stem) ?? []).flatMap((synonym) => this.terms(synonym))]);
      return { terms, rare: this.technical.has(stem) && (this.documentFrequency.get(stem) ?? 0) <= RARE_IN_DOCS };
    });
    const results = this.search.search(
      {
        combineWith: 'OR',
        queries: [
          { queries: [cleanText(question).text] },
          // Synonyms are exact terms: typo tolerance on them would only add noise (and time).
          { queries: synonyms, fuzzy: false, prefix: false },
        ],
      },
      {
        tokenize: (text) => this.terms(text).filter((term) => !this.common.has(term)),
        boostTerm: (term) => (typed.has(term) ? 1 : SYNONYM_WEIGHT),
        boostDocument: (id) => {
          const doc = this.docs[id as number];
          const inPlan = doc.taskIds.some((taskId) => planTaskIds.includes(taskId));
          return SOURCE_WEIGHT[doc.source] * (inPlan ? IN_PLAN_WEIGHT : doc.pathTrack ? PATH_TRACK_WEIGHT : 1);
        },
      },
    );
    const answering = results.filter((result) => covers(result, wanted));
    if (answering.length === 0) return { kind: 'noAnswer' };
    const groups = new Map<string, SearchResult[]>();
    for (const result of answering) {
      const key = this.docs[result.id as number].group;
      groups.set(key, [...(groups.get(key) ?? []), result]);
    }
    const groupScore = (list: SearchResult[]) =>
      list.slice(0, MAX_HITS).reduce((sum, result, i) => sum + result.score / (i + 1), 0);
    const lineScores = new Map([...groups.entries()].map(([group, list]) => [group, groupScore(list)]));
    const votes = this.exampleVotes(question, wanted, planTaskIds);
    const bestLine = Math.max(...lineScores.values());
    const bestVote = Math.max(0, ...votes.values());
    // Each signal scaled to its own best, so neither's units decide; only groups the lines' search found can win.
    const combined = (group: string) =>
      lineScores.get(group)! / bestLine + (bestVote > 0 ? (EXAMPLE_VOTE * (votes.get(group) ?? 0)) / bestVote : 0);
    const [key] = [...lineScores.keys()].sort((a, b) => combined(b) - combined(a));
    // Shown: the winning group's lines that match the question at all, concrete lines before explanations.
    // Example questions are how a match was found, never what is shown.
    const lines = results
      .map((result) => this.docs[result.id as number])
      .filter((doc) => doc.group === key && doc.source !== 'example')
      .sort((a, b) => SHOW_ORDER[a.source] - SHOW_ORDER[b.source]);
    const shown = lines.length > 0 ? lines : (this.leads.get(key) ?? []);
    return {
      kind: 'answer',
      hits: shown.slice(0, MAX_HITS).map(({ text, title, taskIds, links }) => ({ text, title, taskIds, links })),
    };
  }

  /** For each group, how closely its best example question matches the question (examples that cover too little count for nothing). */
  private exampleVotes(
    question: string,
    wanted: ReadonlyArray<{ terms: ReadonlySet<string>; rare: boolean }>,
    planTaskIds: readonly string[],
  ): Map<string, number> {
    const votes = new Map<string, number>();
    const results = this.examples.search(cleanText(question).text, {
      tokenize: (text) => this.terms(text).filter((term) => !this.common.has(term)),
      boostDocument: (id) => {
        const doc = this.docs[id as number];
        return doc.taskIds.some((taskId) => planTaskIds.includes(taskId))
          ? IN_PLAN_WEIGHT
          : doc.pathTrack
            ? PATH_TRACK_WEIGHT
            : 1;
      },
    });
    for (const result of results) {
      if (!covers(result, wanted, EXAMPLE_COVERAGE)) continue;
      const group = this.docs[result.id as number].group;
      votes.set(group, Math.max(votes.get(group) ?? 0, result.score));
    }
    return votes;
  }

  /** Stems without stop words, plus each pair of neighbouring stems, so a phrase ("device sync") outweighs its words apart. */
  private terms(text: string): string[] {
    const stems = tokenize(text.toLowerCase())
      .filter((word) => !this.stopWords.has(word))
      .map((word) => this.stem(word));
    const pairs = stems.slice(1).map((stem, i) => `${stems[i]}_${stem}`);
    return [...stems, ...pairs];
  }

  private stem(word: string): string {
    return stem(word.toLowerCase());
  }

  private add(doc: Omit<IndexedDoc, 'id'>): IndexedDoc {
    const added = { ...doc, id: this.docs.length };
    this.docs.push(added);
    return added;
  }

  private addContent(corpus: Corpus): void {
    const groupOfTask = new Map<
      string,
      { group: string; title: string; track: string; taskIds: TaskId[]; links: readonly TaskLink[] }
    >();
    // The tool-choice task is shared by both tracks: its lines are one group that belongs to both tasks.
    const byContent = new Map<string, TaskId[]>();
    for (const task of TASK_CATALOG)
      byContent.set(task.why + task.title, [...(byContent.get(task.why + task.title) ?? []), task.id]);
    for (const task of TASK_CATALOG) {
      const taskIds = byContent.get(task.why + task.title) ?? [task.id];
      const group = taskIds.join('+');
      if (taskIds[0] !== task.id) {
        groupOfTask.set(task.id, groupOfTask.get(taskIds[0])!);
        continue;
      }
      const pathTrack = (PATH_TRACK_IDS as readonly string[]).includes(task.track);
      const info = {
        group,
        title: task.title,
        track: taskIds.length > 1 ? '' : TRACK_LABELS[task.track],
        taskIds,
        links: task.links,
        pathTrack,
      };
      groupOfTask.set(task.id, info);
      for (const line of task.checklist) this.add({ ...info, source: 'checklist', text: line });
      for (const command of task.commands ?? [])
        this.add({ ...info, source: 'check', text: `${command.purpose}: ${command.command}` });
      this.leads.set(group, [this.add({ ...info, source: 'why', text: task.why })]);
    }
    for (const rule of CAPABILITY_RULES) {
      const group = `rule:${rule.id}`;
      this.leads.set(group, [
        this.add({
          group,
          source: 'rule',
          text: rule.explanation,
          title: rule.capability,
          track: '',
          taskIds: [],
          links: [{ title: 'Learn more', url: rule.link }],
        }),
      ]);
    }
    for (const fact of GUIDE_FACTS) {
      const group = `fact:${fact.id}`;
      this.leads.set(group, [
        this.add({
          group,
          source: 'fact',
          text: fact.text,
          title: fact.title,
          track: '',
          taskIds: fact.taskIds ?? [],
          links: fact.links,
        }),
      ]);
    }
    for (const [key, questions] of Object.entries(corpus.guideQuestions)) {
      const task = groupOfTask.get(key);
      const lead = task ? undefined : this.leads.get(key)?.[0];
      if (!task && !lead)
        throw new Error(
          `Understanding corpus: guideQuestions names "${key}", which is no task, rule:<id> or fact:<id> of the guide.`,
        );
      const owner = task ?? lead!;
      for (const question of questions) {
        this.add({
          group: owner.group,
          source: 'example',
          text: question,
          title: owner.title,
          track: owner.track,
          taskIds: owner.taskIds,
          links: owner.links,
        });
      }
    }
  }
}
