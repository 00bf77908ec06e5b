import type { Storage, StoreItems } from 'botbuilder';
import { PagedIndex } from '../../src/store/pagedIndex';

interface Entry {
  readonly id: string;
  readonly note: string;
}

/**
 * Two instances (two PagedIndex objects on one storage) adding the first entry of a new scope at the same moment,
 * interleaved by promises rather than timing: both read the missing page 0 before either writes, then A finishes its
 * whole add before B's first write goes through. Resolves with the ids the scope lists afterwards; both entries must
 * be there, which only a create-only first page guarantees.
 */
export async function twoWritersStartOneScope(
  shared: Storage,
  method: 'upsert' | 'append',
  locate: boolean,
): Promise<string[]> {
  const options = { idOf: (e: Entry) => e.id, locate };
  const pageKey = new PagedIndex<Entry>(shared, 'race', options).key('new-scope');
  const { a, b, aDone } = interleaved(shared, pageKey);
  const add = (storage: Storage, e: Entry) => {
    const index = new PagedIndex<Entry>(storage, 'race', options);
    return method === 'append' ? index.append('new-scope', [e]) : index.upsert('new-scope', [e]);
  };
  const note = 'x'.repeat(250);
  await Promise.all([add(a, { id: 'entry-1', note }).then(aDone), add(b, { id: 'entry-2', note })]);
  const listed = await new PagedIndex<Entry>(shared, 'race', options).list('new-scope');
  return listed.map((e) => e.id).sort();
}

function interleaved(shared: Storage, pageKey: string) {
  let bReadPage: () => void = () => {};
  let aDone: () => void = () => {};
  const bHasRead = new Promise<void>((resolve) => (bReadPage = resolve));
  const aFinished = new Promise<void>((resolve) => (aDone = resolve));
  const gate = (readSignal: (() => void) | undefined, writeWaitsFor: Promise<void>): Storage => {
    let gated = true;
    return {
      read: async (keys: string[]) => {
        const items = await shared.read(keys);
        if (keys.includes(pageKey)) readSignal?.();
        return items;
      },
      write: async (changes: StoreItems) => {
        if (gated && pageKey in changes) {
          gated = false;
          await writeWaitsFor;
        }
        return shared.write(changes);
      },
      delete: (keys: string[]) => shared.delete(keys),
    };
  };
  return {
    a: gate(undefined, bHasRead),
    b: gate(() => bReadPage(), aFinished),
    aDone: () => aDone(),
  };
}
