import type { Storage } from 'botbuilder';
import { createOnly } from '../../src/store/createOnly';

/**
 * The behaviour every Storage backend must share (memory, SQLite, Azure Blob, Cosmos DB), eTag rules included.
 * Each backend's test file calls this with a factory; keys are unique per test so backends that keep data
 * between tests (a shared container) still start clean.
 */
export function describeStorageContract(
  name: string,
  factory: () => Promise<{ storage: Storage; close?: () => Promise<void> }>,
): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    let close: (() => Promise<void>) | undefined;
    let prefix: string;
    let n = 0;

    beforeAll(async () => {
      ({ storage, close } = await factory());
    });
    afterAll(async () => {
      await close?.();
    });
    beforeEach(() => {
      prefix = `contract-${Date.now().toString(36)}-${++n}`;
    });

    it('omits missing keys from a read instead of failing', async () => {
      expect(await storage.read([`${prefix}/missing`])).toEqual({});
    });

    it('round-trips nested JSON, unicode included, and returns an eTag', async () => {
      const doc = { name: 'Zoë Ångström — 東京 🚀', nested: { list: [1, 'two', { three: true }], nothing: null } };
      await storage.write({ [`${prefix}/a`]: doc });
      const items = await storage.read([`${prefix}/a`]);
      expect(items[`${prefix}/a`]).toMatchObject(doc);
      expect(typeof items[`${prefix}/a`].eTag).toBe('string');
    });

    it('reads several keys at once', async () => {
      await storage.write({ [`${prefix}/x`]: { v: 1 }, [`${prefix}/y`]: { v: 2 } });
      const items = await storage.read([`${prefix}/x`, `${prefix}/y`, `${prefix}/z`]);
      expect(Object.keys(items).sort()).toEqual([`${prefix}/x`, `${prefix}/y`]);
      expect(items[`${prefix}/y`].v).toBe(2);
    });

    it('changes the eTag on every write', async () => {
      const key = `${prefix}/etag`;
      await storage.write({ [key]: { v: 1 } });
      const first = (await storage.read([key]))[key].eTag;
      await storage.write({ [key]: { v: 2, eTag: first } });
      const second = (await storage.read([key]))[key].eTag;
      expect(second).not.toEqual(first);
    });

    it('accepts a write with the current eTag', async () => {
      const key = `${prefix}/cas`;
      await storage.write({ [key]: { v: 1 } });
      const current = (await storage.read([key]))[key];
      await storage.write({ [key]: { ...current, v: 2 } });
      expect((await storage.read([key]))[key].v).toBe(2);
    });

    it('rejects a write with a stale eTag and keeps the newer value', async () => {
      const key = `${prefix}/stale`;
      await storage.write({ [key]: { v: 1 } });
      const stale = (await storage.read([key]))[key];
      await storage.write({ [key]: { ...stale, v: 2 } });
      await expect(storage.write({ [key]: { ...stale, v: 3 } })).rejects.toThrow(/etag conflict/i);
      expect((await storage.read([key]))[key].v).toBe(2);
    });

    it("overwrites with '*' or without an eTag (last writer wins)", async () => {
      const key = `${prefix}/lww`;
      await storage.write({ [key]: { v: 1 } });
      await storage.write({ [key]: { v: 2, eTag: '*' } });
      expect((await storage.read([key]))[key].v).toBe(2);
      await storage.write({ [key]: { v: 3 } });
      expect((await storage.read([key]))[key].v).toBe(3);
    });

    it('lets exactly one of several concurrent writers with the same eTag win', async () => {
      const key = `${prefix}/race`;
      await storage.write({ [key]: { v: 0 } });
      const base = (await storage.read([key]))[key];
      const results = await Promise.allSettled([1, 2, 3, 4, 5].map((v) => storage.write({ [key]: { ...base, v } })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const winner = [1, 2, 3, 4, 5][results.findIndex((r) => r.status === 'fulfilled')];
      expect((await storage.read([key]))[key].v).toBe(winner);
    });

    it('creates a missing document for a create-only write, and refuses one that exists', async () => {
      const key = `${prefix}/create-only`;
      // Non-ASCII text too: a byte count taken from the string's length would cut its end off on upload.
      expect(await createOnly(storage, key, { v: 'first', who: 'Zoë Ångström — 東京 🚀' })).toBe(true);
      expect(await createOnly(storage, key, { v: 'second' })).toBe(false);
      const stored = (await storage.read([key]))[key];
      expect(stored).toMatchObject({ v: 'first', who: 'Zoë Ångström — 東京 🚀' });
      // Read back through the backend's own read: the create laid the document out as its write does.
      await storage.write({ [key]: { ...stored, v: 'updated' } });
      expect((await storage.read([key]))[key].v).toBe('updated');
    });

    it('lets exactly one of several concurrent create-only writes win', async () => {
      const key = `${prefix}/create-race`;
      const results = await Promise.all([1, 2, 3, 4, 5].map((v) => createOnly(storage, key, { v })));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await storage.read([key]))[key].v).toBe(results.indexOf(true) + 1);
    });

    it('deletes keys, and deleting a missing key is not an error', async () => {
      const key = `${prefix}/gone`;
      await storage.write({ [key]: { v: 1 } });
      await storage.delete([key, `${prefix}/never-existed`]);
      expect(await storage.read([key])).toEqual({});
    });

    it('keeps keys with characters Teams puts in conversation ids', async () => {
      const key = `${prefix}/19:abc@thread.tacv2;messageid=1700000000000`;
      await storage.write({ [key]: { v: 'channel' } });
      expect((await storage.read([key]))[key].v).toBe('channel');
    });
  });
}
