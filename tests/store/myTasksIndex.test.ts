import { MemoryStorage } from 'botbuilder';
import { MyTasksIndex, type MyTaskEntry } from '../../src/store/myTasksIndex';
import { SqliteStorage } from '../../src/store/sqliteStorage';

const TENANT = 'tenant-1';
const entry = (n: number, planId = 'plan-a'): MyTaskEntry => ({
  planId,
  taskId: n % 2 === 0 ? 'cloudSync.configure' : 'cloudSync.verify',
  location: { tenantId: TENANT, conversationId: `19:chat-${n}@thread.v2;messageid=7` },
  where: `chat ${n}`,
  assignedAt: '2026-12-01T09:00:00.000Z',
});

describe('MyTasksIndex', () => {
  it('keeps one entry per plan and task, newest first, with the thread suffix dropped from the location', async () => {
    const index = new MyTasksIndex(new MemoryStorage());
    await index.add(TENANT, 'aad-ben', entry(1));
    await index.add(TENANT, 'aad-ben', entry(2));
    await index.add(TENANT, 'aad-ben', { ...entry(3), where: 'moved' });
    const entries = await index.entries(TENANT, 'aad-ben');
    expect(entries.map((e) => [e.taskId, e.where])).toEqual([
      ['cloudSync.verify', 'moved'],
      ['cloudSync.configure', 'chat 2'],
    ]);
    expect(entries[0].location.conversationId).toBe('19:chat-3@thread.v2');
    await index.remove(TENANT, 'aad-ben', [
      { planId: 'plan-a', taskId: 'cloudSync.verify' },
      { planId: 'gone', taskId: 'cloudSync.verify' },
    ]);
    expect((await index.entries(TENANT, 'aad-ben')).map((e) => e.taskId)).toEqual(['cloudSync.configure']);
    expect(await index.entries(TENANT, 'someone-else')).toEqual([]);
  });

  it.each([
    ['memory', () => new MemoryStorage()],
    ['sqlite', () => new SqliteStorage(':memory:')],
  ])(
    'concurrent assignments to one person on %s all land, including the ones that create the document',
    async (_name, storage) => {
      const index = new MyTasksIndex(storage());
      await Promise.all(Array.from({ length: 12 }, (_, n) => index.add(TENANT, 'aad-ana', entry(n, `plan-${n}`))));
      expect((await index.entries(TENANT, 'aad-ana')).map((e) => e.planId).sort()).toEqual(
        Array.from({ length: 12 }, (_, n) => `plan-${n}`).sort(),
      );
    },
  );
});
