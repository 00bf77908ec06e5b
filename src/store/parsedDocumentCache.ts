/**
 * Parsed documents kept between reads, each with the eTag it was stored under and the store's data version at which
 * that eTag was last confirmed, so a store can hand one out again without parsing its JSON; whether an entry is still
 * current is the store's to decide (see SqliteStorage.read). Values are frozen all the way down: every reader shares
 * the one object, so a reader that tried to change it would otherwise change what the next reader gets.
 *
 * Bounded by the length of the documents' JSON, least recently read out first.
 */
export interface ParsedDocument {
  readonly eTag: string;
  readonly value: Readonly<Record<string, unknown>>;
  /** The store's data version when eTag was last read from the store itself. */
  checkedAt: number;
  readonly jsonLength: number;
}

export class ParsedDocumentCache {
  private readonly entries = new Map<string, ParsedDocument>();
  private jsonLength = 0;

  constructor(private readonly maxJsonLength: number) {}

  /** The entry for `key`, which becomes the most recently read. */
  get(key: string): ParsedDocument | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Keeps `json` parsed and frozen under `key`, and returns the value. */
  set(key: string, eTag: string, json: string, checkedAt: number): Readonly<Record<string, unknown>> {
    const value = deepFreeze(JSON.parse(json) as Record<string, unknown>);
    this.delete(key);
    // A document longer than the whole budget would only push every other one out, and then itself.
    if (json.length > this.maxJsonLength) return value;
    this.entries.set(key, { eTag, value, checkedAt, jsonLength: json.length });
    this.jsonLength += json.length;
    for (const [oldest, entry] of this.entries) {
      if (this.jsonLength <= this.maxJsonLength) break;
      this.entries.delete(oldest);
      this.jsonLength -= entry.jsonLength;
    }
    return value;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.jsonLength -= entry.jsonLength;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Indexed and keyed loops rather than Object.values: a plan has some 70 objects, and this runs on every parse. */
function deepFreeze<T extends object>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (item !== null && typeof item === 'object') deepFreeze(item);
  } else {
    for (const key in value) {
      const item: unknown = value[key];
      if (item !== null && typeof item === 'object') deepFreeze(item);
    }
  }
  return Object.freeze(value);
}
