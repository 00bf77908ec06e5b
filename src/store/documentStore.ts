import type { Storage } from 'botbuilder';
import { isEtagConflict } from './storageErrors';

/** A document as read, with the eTag that a later write must carry. */
export interface Versioned<T> {
  readonly value: T;
  readonly eTag: string;
}

export type UpdateOutcome<T, R> =
  | { readonly kind: 'written'; readonly value: T; readonly result: R; readonly attempts: number }
  /** The mutation decided nothing needs to change: no write happened. */
  | { readonly kind: 'unchanged'; readonly value: T; readonly result: R; readonly attempts: number }
  | { readonly kind: 'missing'; readonly attempts: number }
  /** Others kept writing between our read and our write on every attempt. Nothing was written by us. */
  | { readonly kind: 'gaveUp'; readonly attempts: number };

/** What a mutation returns: the new value to write (or undefined for "no change") and anything the caller needs back. */
export interface Mutation<T, R> {
  readonly next: T | undefined;
  readonly result: R;
  /**
   * Other documents (full storage keys) written without a condition just before `next`: only for content that is the
   * same whichever attempt or instance writes it (an archived history page, a kept copy, an index locator) and that
   * is harmless if `next` is then never written. They go first, in their own call, because a backend without
   * multi-document transactions (Blob) can otherwise store `next` alone when the process dies mid-call, and a
   * document pointing at a page or locator that was never written is the one outcome that loses something.
   */
  readonly alsoWrite?: Readonly<Record<string, object>>;
}

export interface DocumentStoreOptions {
  /** Read-modify-write attempts before giving up under contention. */
  readonly maxAttempts?: number;
  /** Pause between attempts, growing per attempt, so competing writers spread out instead of colliding again. */
  readonly backoffMs?: (attempt: number) => number;
}

const DEFAULT_BACKOFF = (attempt: number) => Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random());

/**
 * Documents under one key prefix, updated with optimistic concurrency: read with the eTag, apply a pure
 * mutation, write with that eTag, and on a conflict re-read and apply the mutation again.
 * BotState cannot do this (it always writes with `'*'`), which is why plan progress lives here instead.
 */
export class DocumentStore<T extends object> {
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;

  constructor(
    private readonly storage: Storage,
    private readonly prefix: string,
    options: DocumentStoreOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF;
  }

  key(id: string): string {
    return `${this.prefix}/${id}`;
  }

  async read(id: string): Promise<Versioned<T> | undefined> {
    const key = this.key(id);
    const item = (await this.storage.read([key]))[key];
    if (!item) return undefined;
    const { eTag, ...value } = item as T & { eTag: string };
    return { value: value as unknown as T, eTag };
  }

  /** Unconditional write: for creating or replacing a document whose previous content does not matter. */
  async put(id: string, value: T): Promise<void> {
    await this.storage.write({ [this.key(id)]: { ...value, eTag: '*' } });
  }

  async remove(id: string): Promise<void> {
    await this.storage.delete([this.key(id)]);
  }

  /**
   * Applies `mutate` to the current document until the write succeeds without a conflict.
   * `mutate` may run several times and must be pure (no side effects outside its return value).
   */
  async update<R>(id: string, mutate: (current: T) => Mutation<T, R>): Promise<UpdateOutcome<T, R>> {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const current = await this.read(id);
      if (!current) return { kind: 'missing', attempts: attempt };
      const { next, result, alsoWrite } = mutate(current.value);
      if (next === undefined) return { kind: 'unchanged', value: current.value, result, attempts: attempt };
      try {
        const extra = Object.entries(alsoWrite ?? {}).map(([key, value]) => [key, { ...value, eTag: '*' }]);
        if (extra.length > 0) await this.storage.write(Object.fromEntries(extra));
        await this.storage.write({ [this.key(id)]: { ...next, eTag: current.eTag } });
        return { kind: 'written', value: next, result, attempts: attempt };
      } catch (error) {
        if (!isEtagConflict(error)) throw error;
        if (attempt < this.maxAttempts) await sleep(this.backoffMs(attempt));
      }
    }
    return { kind: 'gaveUp', attempts: this.maxAttempts };
  }
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
