import { ConversationState, PrivateConversationState } from 'botbuilder';
import type { Server } from 'restify';
import { setTimeout as delay } from 'node:timers/promises';
import { createAdapter, installTurnErrorHandler } from './adapter';
import { createChooseToolFeature, planPort } from './bot/chooseToolFeature';
import { createInstallHandlers } from './bot/installFeature';
import { createPlanFeature, type PlanFeature } from './bot/planFeature';
import { createShareFeature } from './bot/shareFeature';
import { SyncGuideBot } from './bot/syncGuideBot';
import { welcomeFeature } from './bot/welcomeFeature';
import type { Config } from './config';
import type { Logger } from './logger';
import { OutgoingSender, type OutgoingSenderOptions } from './messaging/sender';
import { createServer } from './server';
import { ConversationRegistry } from './store/conversationRegistry';
import { createStorage, type StorageHandle } from './store/createStorage';
import { PlanStore } from './store/planStore';
import { probeStorage, READINESS_PROBE_TIMEOUT_MS } from './store/storageProbe';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = require('../package.json').version;

/** Added to every pacing wait; see the sender's construction below. */
export const PACING_MARGIN_MS = 250;

export interface App {
  readonly server: Server;
  readonly storage: StorageHandle;
  /** startPlan for the questionnaire (and tests); idle() waits for card updates in flight. */
  readonly planFeature: PlanFeature;
  /** Starts listening; resolves with the bound address. */
  listen(): Promise<{ host: string; port: number }>;
  /** Stops accepting requests, lets in-flight ones finish, then closes storage. Safe to call twice. */
  close(): Promise<void>;
}

export interface AppOptions {
  readonly clock?: () => Date;
  /** Tests shorten retry delays here; the sleep is always ours so shutdown can cut waits short. */
  readonly sender?: Omit<OutgoingSenderOptions, 'sleep' | 'logger'>;
}

/** Builds the whole bot from configuration: storage → state → features → bot → adapter → HTTP server. */
export function createApp(config: Config, logger: Logger, options: AppOptions = {}): App {
  const clock = options.clock ?? (() => new Date());
  const storage = createStorage(config.storage);
  const conversationState = new ConversationState(storage.storage);
  // Dialog state per person per conversation, so two people in one channel never answer each other's questions.
  const privateState = new PrivateConversationState(storage.storage);
  const registry = new ConversationRegistry(storage.storage);
  const adapter = createAdapter(config);
  // Aborted on close, so queued retries end instead of holding the process open.
  const stopping = new AbortController();
  const sender = new OutgoingSender({
    ...options.sender,
    // Teams counts calls when they arrive, the sender when they start: a slow first call (connection set-up,
    // a thread being created) arrives late and bunches up with the next ones. The margin keeps arrivals inside the limits.
    limits: { marginMs: PACING_MARGIN_MS, ...options.sender?.limits },
    logger,
    sleep: (ms) => delay(ms, undefined, { signal: stopping.signal }),
  });
  const guard = {
    isActive: (conversationId: string) => registry.isActive(conversationId),
    markInactive: (conversationId: string) => registry.markInactive(conversationId, clock()),
  };
  const planStore = new PlanStore(storage.storage);
  const planFeature = createPlanFeature({ planStore, sender, adapter, appId: config.appId, clock, logger, shutdownSignal: stopping.signal, guard });
  const shareFeature = createShareFeature({ planStore, registry, plans: planFeature, clock, logger });

  const chooseToolFeature = createChooseToolFeature({
    storage: storage.storage,
    privateState,
    clock,
    plans: planPort(planStore, (...args) => planFeature.startPlan(...args)),
  });

  const bot = new SyncGuideBot({
    // The questionnaire sees messages first: an answer such as "help" or "2" belongs to the open question.
    features: [chooseToolFeature, welcomeFeature, planFeature, shareFeature],
    logger,
    states: [conversationState, privateState],
    ...createInstallHandlers({ registry, clock, logger }),
  });

  installTurnErrorHandler(adapter, logger, async (context) => {
    await privateState.delete(context);
    await privateState.saveChanges(context, true);
  });

  const server = createServer({
    adapter,
    runTurn: (context) => bot.run(context),
    logger,
    version: VERSION,
    storageKind: storage.kind,
    checkReady: () => probeStorage(storage.storage, READINESS_PROBE_TIMEOUT_MS),
    allowedTenantIds: config.allowedTenantIds,
  });

  let closing: Promise<void> | undefined;
  return {
    server,
    storage,
    planFeature,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server.address() as { address: string; port: number };
          resolve({ host: address.address, port: address.port });
        });
      }),
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        stopping.abort();
        await planFeature.idle();
        await sender.drain();
        await storage.close();
      })()),
  };
}
