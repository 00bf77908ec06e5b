/**
 * A list of pointer entries under one scope (a tenant, a person, an hour of the week), stored as a chain of pages
 * so that no document grows without bound: botbuilder's Storage cannot list keys, so every index this bot keeps is
 * one of these. Page 0 is `<prefix>/<scope>`, page n is `<prefix>/<scope>/~n`; a page that is followed by another
 * says so with `more: true`. Each page stays under `maxPageBytes` (64 KB by default, far below Cosmos DB's 2 MB
 * item limit), and a full last page starts a new one, so the list has no cap of its own.
 *
 * Page 0 has the layout the single-document indexes of earlier versions had (`{ entries: [...] }`, or another
 * field name), so their documents are read as a one-page chain without being rewritten.
 *
 * Cost: a list, an upsert or a remove reads the scope's pages one by one; an upsert writes only the pages it changes.
 * An append reads a constant handful whatever the chain's length: page 0 carries `appendAt`, the first page that had
 * room when a writer last looked, and an append starts there. Every page change is an eTag read-modify-write.
 * Entries are identified by `idOf`; an entry found on two pages (two writers appending the same entry at once, or an
 * append that did not look for it elsewhere) is listed once and removed from both.
 */
import type { Storage } from 'botbuilder';
import { DocumentStore } from './documentStore';

export const DEFAULT_MAX_PAGE_BYTES = 64 * 1024;

export interface PagedIndexOptions<E> {
  /** What makes two entries the same entry: an upsert replaces, a list shows one. */
  readonly idOf: (entry: E) => string;
  /** The field holding a page's entries; earlier single-document indexes named theirs differently. */
  readonly field?: string;
  readonly maxPageBytes?: number;
}

/** Thrown for an entry that could not fit even on an empty page: the caller bounds its entries' text. */
export class OversizedEntryError extends Error {
  constructor(bytes: number, limit: number) {
    super(`An index entry of ${bytes} bytes does not fit a page of ${limit} bytes.`);
    this.name = 'OversizedEntryError';
  }
}

/** Thrown when other writers kept changing the pages on every attempt. */
export class IndexBusyError extends Error {
  constructor(what: string) {
    super(`The ${what} index stayed busy; try again in a moment.`);
    this.name = 'IndexBusyError';
  }
}

/** `appendAt` is only ever on page 0: a hint, so a wrong or missing one costs reads, never entries. */
type PageDocument = Record<string, unknown> & { more?: boolean; appendAt?: number };

interface Page<E> {
  readonly n: number;
  readonly entries: readonly E[];
  readonly more: boolean;
  /** Page 0 only: where appends start (0 when it names none). */
  readonly appendAt?: number;
}

const ATTEMPTS = 6;
/** JSON framing of a page (braces, field name, the `more` flag) on top of its entries. */
const PAGE_OVERHEAD = 64;

export class PagedIndex<E extends object> {
  private readonly documents: DocumentStore<PageDocument>;
  private readonly field: string;
  private readonly maxPageBytes: number;

  constructor(
    storage: Storage,
    private readonly prefix: string,
    private readonly options: PagedIndexOptions<E>,
  ) {
    this.documents = new DocumentStore<PageDocument>(storage, prefix);
    this.field = options.field ?? 'entries';
    this.maxPageBytes = options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  }

  /** The storage key of page `n` of a scope. */
  key(scope: string, n = 0): string {
    return this.documents.key(pageId(scope, n));
  }

  /** Every entry of the scope, each once, in page order. Reads one document per page. */
  async list(scope: string): Promise<E[]> {
    const seen = new Set<string>();
    const entries: E[] = [];
    for (const page of await this.pages(scope)) {
      for (const entry of page.entries) {
        const id = this.options.idOf(entry);
        if (seen.has(id)) continue;
        seen.add(id);
        entries.push(entry);
      }
    }
    return entries;
  }

  /** Adds the entries, or replaces the ones already there (same id) in place. */
  async upsert(scope: string, entries: readonly E[]): Promise<void> {
    const wanted = new Map(entries.map((entry) => [this.options.idOf(entry), entry]));
    if (wanted.size === 0) return;
    for (const entry of wanted.values()) {
      const bytes = entryBytes(entry);
      if (bytes + PAGE_OVERHEAD > this.maxPageBytes) throw new OversizedEntryError(bytes, this.maxPageBytes);
    }
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (await this.tryUpsert(scope, wanted, attempt === ATTEMPTS)) return;
      // Spread out from the writer that got in the way, as DocumentStore does between its own attempts.
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, 5 * 2 ** attempt) * (0.5 + Math.random())));
    }
    throw new IndexBusyError(this.prefix);
  }

  /**
   * Adds the entries without looking for them on other pages, so its reads do not grow with the chain: page 0 (for
   * `appendAt`), then the page it names and any full pages after it, usually none. An entry already on the page it
   * lands on is replaced there; a copy on another page stays (`list` shows one, `remove` takes both), so use this
   * where a stray copy is harmless and `upsert` where it is not. A full last page is extended under the same rule as
   * `upsert`: only the writer whose eTag update marked it `more` creates the next page.
   */
  async append(scope: string, entries: readonly E[]): Promise<void> {
    const pending = new Map(entries.map((entry) => [this.options.idOf(entry), entry]));
    if (pending.size === 0) return;
    for (const entry of pending.values()) {
      const bytes = entryBytes(entry);
      if (bytes + PAGE_OVERHEAD > this.maxPageBytes) throw new OversizedEntryError(bytes, this.maxPageBytes);
    }
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (await this.tryAppend(scope, pending, attempt === ATTEMPTS)) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, 5 * 2 ** attempt) * (0.5 + Math.random())));
    }
    throw new IndexBusyError(this.prefix);
  }

  /** Removes every entry `matches` accepts, from every page; returns how many went. */
  async remove(scope: string, matches: (entry: E) => boolean): Promise<number> {
    let removed = 0;
    let lowest: number | undefined;
    const pages = await this.pages(scope);
    for (const page of pages) {
      if (!page.entries.some(matches)) continue;
      const outcome = await this.documents.update(pageId(scope, page.n), (current) => {
        const all = this.entriesOf(current);
        const kept = all.filter((entry) => !matches(entry));
        return kept.length === all.length
          ? { next: undefined, result: 0 }
          : { next: { ...current, [this.field]: kept }, result: all.length - kept.length };
      });
      if (outcome.kind === 'gaveUp') throw new IndexBusyError(this.prefix);
      if (outcome.kind === 'written' && outcome.result > 0) {
        removed += outcome.result;
        lowest ??= page.n;
      }
    }
    // Appends go back to the room this made, so a list whose entries keep moving out and back in (a weekly slot)
    // reuses its pages instead of growing a new tail every cycle.
    if (lowest !== undefined && lowest < (pages[0]?.appendAt ?? 0))
      await this.moveHint(scope, (hint) => (hint > lowest ? lowest : undefined));
    return removed;
  }

  /** The scope's pages, following the chain. A missing page ends it (page 0 missing: an empty index). */
  async pages(scope: string): Promise<Array<Page<E>>> {
    const pages: Array<Page<E>> = [];
    for (let n = 0; ; n++) {
      const read = await this.documents.read(pageId(scope, n));
      if (!read) break;
      const more = read.value.more === true;
      pages.push({
        n,
        entries: this.entriesOf(read.value),
        more,
        ...(n === 0 ? { appendAt: hintOf(read.value) } : {}),
      });
      if (!more) break;
    }
    return pages;
  }

  /**
   * One pass: replace in place where an id already is, fill pages that have room, and start new pages after the
   * last one for the rest. False when another writer got in the way (the caller reads again and retries).
   */
  private async tryUpsert(scope: string, wanted: ReadonlyMap<string, E>, lastAttempt: boolean): Promise<boolean> {
    const pages = await this.pages(scope);
    const placement = new Map<number, E[]>(pages.map((page) => [page.n, []]));
    const pending = new Map(wanted);
    for (const page of pages) {
      for (const entry of page.entries) {
        const id = this.options.idOf(entry);
        const replacement = pending.get(id);
        if (replacement) {
          placement.get(page.n)!.push(replacement);
          pending.delete(id);
        }
      }
    }
    for (const page of pages) {
      let room = this.maxPageBytes - pageBytes(page.entries, placement.get(page.n)!, this.options.idOf);
      for (const [id, entry] of pending) {
        const bytes = entryBytes(entry) + 1;
        if (bytes > room) break;
        placement.get(page.n)!.push(entry);
        pending.delete(id);
        room -= bytes;
      }
    }
    for (const page of pages) {
      const mine = placement.get(page.n)!;
      if (mine.length === 0) continue;
      if (!(await this.writePage(scope, page.n, mine))) return false;
    }
    if (pending.size === 0) return true;
    return this.extend(scope, pages, [...pending.values()], lastAttempt);
  }

  /**
   * One pass of `append`: fill forward from the hinted page, extend past a full last page, then move the hint to the
   * last page written. Placed entries leave `pending`, so a retry only places the rest. False: try again.
   */
  private async tryAppend(scope: string, pending: Map<string, E>, lastAttempt: boolean): Promise<boolean> {
    const head = await this.documents.read(pageId(scope, 0));
    if (!head) {
      if (!(await this.extend(scope, [], [...pending.values()], lastAttempt))) return false;
      pending.clear();
      return true;
    }
    let start = hintOf(head.value);
    let n = start;
    let lastWritten = start;
    for (;;) {
      const outcome = await this.documents.update(pageId(scope, n), (current) => this.fill(current, pending));
      if (outcome.kind === 'gaveUp') return false;
      if (outcome.kind === 'missing') {
        // A hint naming a page that is not there (written by hand, or a chain rebuilt): walk from page 0 instead.
        if (n === start && n !== 0) {
          start = n = lastWritten = 0;
          continue;
        }
        // The page before said more follows, but its writer has not created this one yet (or stopped in between).
        if (!lastAttempt) return false;
        lastWritten = await this.createFrom(scope, n, pending);
        break;
      }
      for (const id of outcome.result.placed) pending.delete(id);
      if (outcome.result.placed.length > 0) lastWritten = n;
      if (pending.size === 0) break;
      if (outcome.result.marked) {
        lastWritten = await this.createFrom(scope, n + 1, pending);
        break;
      }
      n++;
    }
    // Only forward from where this pass started: a remove that meanwhile pointed it back at freed room wins.
    if (lastWritten !== start)
      await this.moveHint(scope, (hint) => (hint >= start && hint < lastWritten ? lastWritten : undefined));
    return true;
  }

  /**
   * What `append` writes to one page: same-id entries replaced in place, then as many new ones as fit. When some are
   * left and this is the last page, the same write marks it `more`, which makes this writer the one to extend.
   */
  private fill(
    current: PageDocument,
    pending: ReadonlyMap<string, E>,
  ): { next: PageDocument | undefined; result: { placed: string[]; marked: boolean } } {
    const existing = this.entriesOf(current);
    const onPage = new Set(existing.map((entry) => this.options.idOf(entry)));
    let placed: string[] = [];
    let next = existing.map((entry) => {
      const id = this.options.idOf(entry);
      const replacement = pending.get(id);
      if (!replacement) return entry;
      placed.push(id);
      return replacement;
    });
    let bytes = pageBytes(next, [], this.options.idOf);
    if (bytes > this.maxPageBytes) {
      // Larger replacements would overflow the page: leave it as it is; they land further on, as copies.
      next = [...existing];
      placed = [];
      bytes = pageBytes(next, [], this.options.idOf);
    }
    for (const [id, entry] of pending) {
      if (onPage.has(id)) continue;
      const size = entryBytes(entry) + 1;
      if (bytes + size > this.maxPageBytes) break;
      next.push(entry);
      placed.push(id);
      bytes += size;
    }
    const marked = placed.length < pending.size && current.more !== true;
    if (placed.length === 0 && !marked) return { next: undefined, result: { placed, marked } };
    return { next: { ...current, [this.field]: next, ...(marked ? { more: true } : {}) }, result: { placed, marked } };
  }

  /** Creates pages `from`, `from + 1` … holding everything pending; returns the last page's number. */
  private async createFrom(scope: string, from: number, pending: Map<string, E>): Promise<number> {
    const chunks = this.chunk([...pending.values()]);
    for (let i = 0; i < chunks.length; i++) {
      await this.documents.put(pageId(scope, from + i), {
        [this.field]: chunks[i],
        ...(i < chunks.length - 1 ? { more: true } : {}),
      });
    }
    pending.clear();
    return from + chunks.length - 1;
  }

  /** Sets page 0's `appendAt` to what `to` returns for the current hint (undefined: leave it). */
  private async moveHint(scope: string, to: (hint: number) => number | undefined): Promise<void> {
    await this.documents.update(pageId(scope, 0), (current) => {
      const target = to(hintOf(current));
      if (target === undefined || target === hintOf(current)) return { next: undefined, result: undefined };
      const { appendAt: _old, ...rest } = current;
      return { next: target > 0 ? { ...rest, appendAt: target } : rest, result: undefined };
    });
  }

  /** Puts `entries` on page `n`, replacing same-id entries; false if the page no longer has room or kept changing. */
  private async writePage(scope: string, n: number, entries: readonly E[]): Promise<boolean> {
    const byId = new Map(entries.map((entry) => [this.options.idOf(entry), entry]));
    const outcome = await this.documents.update(pageId(scope, n), (current) => {
      const present = new Set<string>();
      const replaced = this.entriesOf(current).map((entry) => {
        const id = this.options.idOf(entry);
        present.add(id);
        return byId.get(id) ?? entry;
      });
      const next = [...replaced, ...entries.filter((entry) => !present.has(this.options.idOf(entry)))];
      if (pageBytes(next, [], this.options.idOf) > this.maxPageBytes) return { next: undefined, result: false };
      return { next: { ...current, [this.field]: next }, result: true };
    });
    return (outcome.kind === 'written' || outcome.kind === 'unchanged') && outcome.result;
  }

  /**
   * New pages after the last one. Only the writer whose eTag update set `more` on the last page creates the next
   * page, so two writers never create one page at once; page 0 of a new scope has no such guard (botbuilder's
   * Storage has no create-if-absent) and is read back, as the single-document indexes always did.
   */
  private async extend(
    scope: string,
    pages: ReadonlyArray<Page<E>>,
    rest: readonly E[],
    lastAttempt: boolean,
  ): Promise<boolean> {
    const chunks = this.chunk(rest);
    let n = pages.length;
    if (n === 0) {
      const first = chunks.shift()!;
      // A scope created several pages long names its last page at once, so the next append goes straight there.
      const created = { [this.field]: first, ...(chunks.length ? { more: true, appendAt: chunks.length } : {}) };
      await this.documents.put(pageId(scope, 0), created);
      const check = await this.documents.read(pageId(scope, 0));
      if (!check || !sameIds(this.entriesOf(check.value), first, this.options.idOf)) return false;
      n = 1;
      if (chunks.length === 0) return true;
    } else if (pages[pages.length - 1].more) {
      // Another writer marked the last page and has not created the next one yet; after several attempts it is taken
      // to have stopped between the two writes (a crash), and this writer creates the page instead.
      if (!lastAttempt) return false;
    } else {
      const last = pages[pages.length - 1];
      const marked = await this.documents.update(pageId(scope, last.n), (current) =>
        current.more === true ? { next: undefined, result: false } : { next: { ...current, more: true }, result: true },
      );
      if (marked.kind !== 'written' || !marked.result) return false;
    }
    for (let i = 0; i < chunks.length; i++, n++) {
      await this.documents.put(pageId(scope, n), {
        [this.field]: chunks[i],
        ...(i < chunks.length - 1 ? { more: true } : {}),
      });
    }
    return true;
  }

  /** Splits entries into page-sized groups. */
  private chunk(entries: readonly E[]): E[][] {
    const chunks: E[][] = [[]];
    let used = PAGE_OVERHEAD;
    for (const entry of entries) {
      const bytes = entryBytes(entry) + 1;
      if (used + bytes > this.maxPageBytes && chunks[chunks.length - 1].length > 0) {
        chunks.push([]);
        used = PAGE_OVERHEAD;
      }
      chunks[chunks.length - 1].push(entry);
      used += bytes;
    }
    return chunks;
  }

  private entriesOf(document: PageDocument): E[] {
    const entries = document[this.field];
    return Array.isArray(entries) ? (entries as E[]) : [];
  }
}

function pageId(scope: string, n: number): string {
  return n === 0 ? scope : `${scope}/~${n}`;
}

/** Page 0's append hint; anything but a whole page number reads as 0. */
function hintOf(document: PageDocument): number {
  const hint = document.appendAt;
  return typeof hint === 'number' && Number.isSafeInteger(hint) && hint > 0 ? hint : 0;
}

function entryBytes(entry: object): number {
  return Buffer.byteLength(JSON.stringify(entry));
}

/** A page's size once `added` replaced their namesakes on it. */
function pageBytes<E extends object>(entries: readonly E[], added: readonly E[], idOf: (entry: E) => string): number {
  const replaced = new Set(added.map(idOf));
  let bytes = PAGE_OVERHEAD;
  for (const entry of entries) if (!replaced.has(idOf(entry))) bytes += entryBytes(entry) + 1;
  for (const entry of added) bytes += entryBytes(entry) + 1;
  return bytes;
}

function sameIds<E>(stored: readonly E[], expected: readonly E[], idOf: (entry: E) => string): boolean {
  const ids = new Set(stored.map(idOf));
  return expected.every((entry) => ids.has(idOf(entry)));
}
