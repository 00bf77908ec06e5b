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
 *
 * With `locate`, each entry also has a small locator document (`<prefix>/<scope>/@<hash of its id>`, holding its page
 * number), so `upsert`, `find` and `removeIds` go straight to the entry's page: their reads stay the same however
 * long the chain is. A locator is only a hint, checked against the page it names; the page is the truth. Page 0 of a
 * located scope says `located: true`; a chain written before (no locators) gets them the first time an upsert or a
 * remove touches it, since Storage cannot list the scopes to do it at start-up.
 *
 * Every new document (page 0 of a new scope, a page after a full last one) is created create-only (createOnly.ts), so
 * two instances starting the same page never overwrite each other: the loser re-reads and adds to the winner's page.
 */
import { createHash } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { createOnly } from './createOnly';
import { DocumentStore } from './documentStore';

export const DEFAULT_MAX_PAGE_BYTES = 64 * 1024;

export interface PagedIndexOptions<E> {
  /** What makes two entries the same entry: an upsert replaces, a list shows one. */
  readonly idOf: (entry: E) => string;
  /** The field holding a page's entries; earlier single-document indexes named theirs differently. */
  readonly field?: string;
  readonly maxPageBytes?: number;
  /** Keep a locator per entry, so single-entry changes do not read the whole chain. */
  readonly locate?: boolean;
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
type PageDocument = Record<string, unknown> & { more?: boolean; appendAt?: number; located?: boolean };

interface Locator {
  readonly page: number;
}

/** Locator writes sent to storage in one call during a migration, so a 20,000-entry chain is not one huge request. */
const LOCATOR_BATCH = 500;

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
  private readonly locators: DocumentStore<Locator>;
  private readonly field: string;
  private readonly maxPageBytes: number;

  constructor(
    private readonly storage: Storage,
    private readonly prefix: string,
    private readonly options: PagedIndexOptions<E>,
  ) {
    this.documents = new DocumentStore<PageDocument>(storage, prefix);
    this.locators = new DocumentStore<Locator>(storage, prefix);
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
    if (this.options.locate) {
      // Replaced where its locator says it is; the rest is appended (which also writes their locators).
      for (const [id, entry] of [...wanted]) if (await this.replaceLocated(scope, id, entry)) wanted.delete(id);
      if (wanted.size > 0) await this.append(scope, [...wanted.values()]);
      return;
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
        if (this.options.locate) {
          const gone = page.entries.filter(matches).map((entry) => this.locatorKey(scope, this.options.idOf(entry)));
          await this.storage.delete(gone);
        }
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
    let head = await this.documents.read(pageId(scope, 0));
    if (!head) {
      if (!(await this.extend(scope, [], [...pending.values()], lastAttempt))) return false;
      pending.clear();
      return true;
    }
    if (this.options.locate && head.value.located !== true) {
      await this.migrate(scope);
      head = await this.documents.read(pageId(scope, 0));
      if (!head) return false;
    }
    let start = hintOf(head.value);
    let n = start;
    let lastWritten = start;
    for (;;) {
      const page = n;
      const outcome = await this.documents.update(pageId(scope, page), (current) => {
        const filled = this.fill(current, pending);
        return { ...filled, alsoWrite: this.locatorWrites(scope, filled.result.placed, page) };
      });
      if (outcome.kind === 'gaveUp') return false;
      if (outcome.kind === 'missing') {
        // A hint naming a page that is not there (written by hand, or a chain rebuilt): walk from page 0 instead.
        if (n === start && n !== 0) {
          start = n = lastWritten = 0;
          continue;
        }
        // The page before said more follows, but its writer has not created this one yet (or stopped in between).
        if (!lastAttempt) return false;
        const last = await this.createFrom(scope, n, pending);
        if (last === undefined) return false;
        lastWritten = last;
        break;
      }
      for (const id of outcome.result.placed) pending.delete(id);
      if (outcome.result.placed.length > 0) lastWritten = n;
      if (pending.size === 0) break;
      if (outcome.result.marked) {
        const last = await this.createFrom(scope, n + 1, pending);
        if (last === undefined) return false;
        lastWritten = last;
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

  /**
   * Creates pages `from`, `from + 1` … holding everything pending; returns the last page's number, or undefined when
   * one of them already existed (another writer got there first: the caller reads again).
   */
  private async createFrom(scope: string, from: number, pending: Map<string, E>): Promise<number | undefined> {
    const chunks = this.chunk([...pending.values()]);
    for (let i = 0; i < chunks.length; i++) {
      const created = await this.createPage(scope, from + i, {
        [this.field]: chunks[i],
        ...(i < chunks.length - 1 ? { more: true } : {}),
      });
      if (!created) return undefined;
      for (const entry of chunks[i]) pending.delete(this.options.idOf(entry));
    }
    return from + chunks.length - 1;
  }

  /** Creates page `n` only if it does not exist, with the locators of its entries; false if it existed. */
  private async createPage(scope: string, n: number, document: PageDocument): Promise<boolean> {
    const entries = this.entriesOf(document);
    const locators = this.locatorWrites(scope, entries.map(this.options.idOf), n);
    // Before the page: a locator naming a page that never got its entry (the create lost, or the process died) only
    // costs a read, while a page written without its locators would hide those entries from find and removeIds.
    if (locators) await this.storage.write(locators);
    return createOnly(this.storage, this.key(scope, n), document);
  }

  /** The entry with this id, via its locator (located indexes; others, or a chain not yet located, read the chain). */
  async find(scope: string, id: string): Promise<E | undefined> {
    if (this.options.locate) {
      const locator = await this.locators.read(locatorId(scope, id));
      if (locator) {
        const page = await this.documents.read(pageId(scope, locator.value.page));
        const found = page && this.entriesOf(page.value).find((entry) => this.options.idOf(entry) === id);
        if (found) return found;
      }
      // No locator (or a stale one) in a located scope: the entry is not there.
      const head = locator ? undefined : await this.documents.read(pageId(scope, 0));
      if (!locator && (!head || head.value.located === true)) return undefined;
    }
    return (await this.list(scope)).find((entry) => this.options.idOf(entry) === id);
  }

  /**
   * Removes the entries with these ids (and, with `accept`, only those it accepts) from the pages their locators
   * name; returns how many went. Reads two documents per id in a located scope, whatever the chain's length.
   */
  async removeIds(scope: string, ids: readonly string[], accept: (entry: E) => boolean = () => true): Promise<number> {
    const wanted = new Set(ids);
    if (!this.options.locate)
      return this.remove(scope, (entry) => wanted.has(this.options.idOf(entry)) && accept(entry));
    let removed = 0;
    let migrated = false;
    for (const id of wanted) {
      let locator = await this.locators.read(locatorId(scope, id));
      if (!locator && !migrated) {
        const head = await this.documents.read(pageId(scope, 0));
        if (!head) return removed;
        if (head.value.located !== true) await this.migrate(scope);
        migrated = true;
        locator = await this.locators.read(locatorId(scope, id));
      }
      if (!locator) continue;
      const n = locator.value.page;
      const outcome = await this.documents.update(pageId(scope, n), (current) => {
        const all = this.entriesOf(current);
        const kept = all.filter((entry) => this.options.idOf(entry) !== id || !accept(entry));
        return kept.length === all.length
          ? { next: undefined, result: 0 }
          : { next: { ...current, [this.field]: kept }, result: all.length - kept.length };
      });
      if (outcome.kind === 'gaveUp') throw new IndexBusyError(this.prefix);
      if (outcome.kind === 'written') {
        removed += outcome.result;
        await this.locators.remove(locatorId(scope, id));
        // Freed room before the hint: later appends fill it (same rule as `remove`).
        await this.moveHint(scope, (hint) => (hint > n ? n : undefined));
      }
    }
    return removed;
  }

  /** Replaces the entry where its locator says it is; false when there is no such entry there (append it). */
  private async replaceLocated(scope: string, id: string, entry: E): Promise<boolean> {
    const locator = await this.locators.read(locatorId(scope, id));
    if (!locator) return false;
    const outcome = await this.documents.update(pageId(scope, locator.value.page), (current) => {
      const all = this.entriesOf(current);
      const at = all.findIndex((candidate) => this.options.idOf(candidate) === id);
      if (at < 0) return { next: undefined, result: false };
      if (JSON.stringify(all[at]) === JSON.stringify(entry)) return { next: undefined, result: true };
      const next = all.map((candidate, i) => (i === at ? entry : candidate));
      // A larger version that no longer fits this page leaves it, and the caller appends it where there is room.
      if (pageBytes(next, [], this.options.idOf) > this.maxPageBytes)
        return { next: { ...current, [this.field]: all.filter((_, i) => i !== at) }, result: false };
      return { next: { ...current, [this.field]: next }, result: true };
    });
    if (outcome.kind === 'gaveUp') throw new IndexBusyError(this.prefix);
    return (outcome.kind === 'written' || outcome.kind === 'unchanged') && outcome.result;
  }

  /**
   * Gives a chain written before locators existed one locator per entry, then marks page 0 `located`. Safe to run
   * twice or next to writers: a locator only ever names a page its entry was seen on.
   */
  private async migrate(scope: string): Promise<void> {
    const pages = await this.pages(scope);
    let batch: Record<string, object> = {};
    let size = 0;
    for (const page of pages) {
      for (const entry of page.entries) {
        batch[this.locatorKey(scope, this.options.idOf(entry))] = { page: page.n, eTag: '*' };
        if (++size === LOCATOR_BATCH) {
          await this.storage.write(batch);
          batch = {};
          size = 0;
        }
      }
    }
    if (size > 0) await this.storage.write(batch);
    await this.documents.update(pageId(scope, 0), (current) =>
      current.located === true
        ? { next: undefined, result: undefined }
        : { next: { ...current, located: true }, result: undefined },
    );
  }

  private locatorKey(scope: string, id: string): string {
    return this.locators.key(locatorId(scope, id));
  }

  /** The locator documents for entries placed on page `n` (none for an index without locators). */
  private locatorWrites(scope: string, ids: readonly string[], n: number): Record<string, object> | undefined {
    if (!this.options.locate || ids.length === 0) return undefined;
    return Object.fromEntries(ids.map((id) => [this.locatorKey(scope, id), { page: n, eTag: '*' }]));
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
   * page; every page is created create-only besides, which is what guards page 0 of a new scope (no page before it
   * to mark) and a page taken over from a writer that stopped. False: another writer got there first, read again.
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
      const created = {
        [this.field]: first,
        ...(chunks.length ? { more: true, appendAt: chunks.length } : {}),
        ...(this.options.locate ? { located: true } : {}),
      };
      // Another writer created the scope first: read its page and add to it instead.
      if (!(await this.createPage(scope, 0, created))) return false;
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
      const created = await this.createPage(scope, n, {
        [this.field]: chunks[i],
        ...(i < chunks.length - 1 ? { more: true } : {}),
      });
      if (!created) return false;
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

/** Hashed, so any id (long, or with characters a key must not hold) makes a short key of fixed shape. */
function locatorId(scope: string, id: string): string {
  return `${scope}/@${createHash('sha256').update(id).digest('base64url').slice(0, 22)}`;
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
