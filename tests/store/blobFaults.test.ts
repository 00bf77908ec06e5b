import { ConversationRegistry } from '../../src/store/conversationRegistry';
import { createStorage } from '../../src/store/createStorage';
import { DocumentStore } from '../../src/store/documentStore';
import { probeStorage, READINESS_PROBE_TIMEOUT_MS } from '../../src/store/storageProbe';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { activity, startHarness, type Harness } from '../helpers/botHarness';

/**
 * Azurite stopped in the middle of a run and started again on the same port and data folder: the real server
 * (STORAGE=blob) keeps answering cleanly while storage is down and recovers without a restart when it returns.
 * The tests run in order and share one server, like the phases of one outage.
 */
let azurite: Azurite | undefined;
let harness: Harness | undefined;
const CONVERSATION = 'conv-blob-outage';
/**
 * For probes whose point is which answer comes (the refusal, then the recovery), not how fast: a first touch builds the
 * client and may retry three times, seconds on a busy machine. Only a real hang reaches this.
 */
const PATIENT_PROBE_MS = 30_000;

beforeAll(async () => {
  azurite = await startAzurite();
  harness = await startHarness({
    STORAGE: 'blob',
    BLOB_CONNECTION_STRING: azurite.connectionString,
    BLOB_CONTAINER: 'faults',
  });
});

afterAll(async () => {
  await harness?.close();
  await azurite?.stop();
});

async function get(path: string): Promise<{ status: number; body: any; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${harness!.baseUrl}${path}`);
  return { status: response.status, body: await response.json(), ms: Date.now() - started };
}

const install = () =>
  harness!.post(
    activity('installationUpdate', { conversationId: CONVERSATION }, { action: 'add', deliveryMode: 'expectReplies' }),
  );
const docs = () => new DocumentStore<{ v: number }>(harness!.app.storage.storage, 'outage-docs');

describe('Azure Blob storage goes away mid-run and comes back', () => {
  it('works normally before the outage, and stores data through the bot', async () => {
    expect((await get('/readyz')).status).toBe(200);
    const installed = await install();
    expect(installed.status).toBe(200);
    await docs().put('before', { v: 1 });
    const record = await new ConversationRegistry(harness!.app.storage.storage).get(CONVERSATION);
    expect(record).toMatchObject({ active: true, conversationType: 'personal' });
  });

  it('answers cleanly while storage is down: /readyz 503 quickly, /healthz 200, messages 200, no crash', async () => {
    await azurite!.halt();

    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', storage: 'blob' });
    expect(ready.ms).toBeLessThan(READINESS_PROBE_TIMEOUT_MS + 5_000);
    expect((await get('/healthz')).status).toBe(200);

    // help needs no storage of its own; whatever the turn touches, the person gets an answer, not a hang or a 500.
    const help = await harness!.post(activity('message', { conversationId: CONVERSATION }, { text: 'help' }));
    expect(help.status).toBe(200);
    expect(help.body.activities.length).toBeGreaterThan(0);

    // A turn that must write (install) fails inside the turn and is answered with the apology, not a 500.
    const installed = await install();
    expect(installed.status).toBe(200);
    expect(JSON.stringify(installed.body.activities)).toMatch(/something went wrong on my side/i);

    // Direct storage calls fail with an error the caller can handle, in bounded time.
    const started = Date.now();
    await expect(docs().read('before')).rejects.toThrow(/ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('recovers without a restart when Azurite is back on the same port and data: /readyz 200, old data readable, new writes work', async () => {
    await azurite!.restart();
    expect((await get('/readyz')).status).toBe(200);
    expect((await docs().read('before'))?.value).toEqual({ v: 1 });
    expect(await new ConversationRegistry(harness!.app.storage.storage).get(CONVERSATION)).toMatchObject({
      active: true,
    });

    const outcome = await docs().update('before', (current) => ({ next: { v: current.v + 1 }, result: undefined }));
    expect(outcome.kind).toBe('written');
    expect((await docs().read('before'))?.value).toEqual({ v: 2 });
    const help = await harness!.post(activity('message', { conversationId: CONVERSATION }, { text: 'help' }));
    expect(help.status).toBe(200);
  });

  it('recovers even when storage was down the first time a client touched it', async () => {
    // BlobsStorage caches its first createIfNotExists(); a new container makes this client's first call that one.
    const handle = createStorage({
      kind: 'blob',
      connectionString: azurite!.connectionString,
      container: 'first-touch-during-outage',
    });
    await azurite!.halt();
    await expect(probeStorage(handle.storage, PATIENT_PROBE_MS)).rejects.toThrow(/storage read failed/);
    await azurite!.restart();
    await expect(probeStorage(handle.storage, PATIENT_PROBE_MS)).resolves.toBeUndefined();
    await handle.storage.write({ 'k/1': { v: 1 } });
    expect((await handle.storage.read(['k/1']))['k/1']).toMatchObject({ v: 1 });
    await handle.close();
  });
});
