import { PrivateConversationState } from 'botbuilder';
import type { Server } from 'restify';
import { setTimeout as delay } from 'node:timers/promises';
import { createAdapter, installTurnErrorHandler } from './adapter';
import { createChooseToolFeature, planPort } from './bot/chooseToolFeature';
import { createInstallHandlers } from './bot/installFeature';
import { createPlanFeature, type PlanFeature } from './bot/planFeature';
import { activityPort, connectorPort, messagePort } from './messaging/connectorPort';
import { createReminderFeature } from './bot/reminderFeature';
import { createReportFeature } from './bot/reportFeature';
import { createRestoreFeature } from './bot/restoreFeature';
import { createTurnReply } from './bot/turn';
import { BackgroundWork } from './actions/backgroundWork';
import { Outgoing } from './actions/outgoing';
import { createReportDownload, REPORT_ROUTE } from './reports/reportDownload';
import { ReportLinks, reportSigningKey } from './reports/reportLinks';
import { ReminderScheduler } from './scheduler/reminderScheduler';
import { ReminderIndex } from './store/reminderIndex';
import { WatchIndex } from './store/watchIndex';
import { createShareFeature } from './bot/shareFeature';
import { createCoordinationFeature } from './bot/coordinationFeature';
import { createMyTasksFeature } from './bot/myTasksFeature';
import { MyTasksIndex } from './store/myTasksIndex';
import { SyncGuideBot } from './bot/syncGuideBot';
import { createWelcomeFeature } from './bot/welcomeFeature';
import {
  createSpokenCommandReader,
  createUnderstandingFeature,
  type UnderstandingFeatureDeps,
} from './bot/understandingFeature';
import { sharedUnderstanding } from './understanding/understand';
import { prepareSentenceReader } from './domain/sentenceReader';
import type { Config } from './config';
import type { Logger } from './logger';
import { OutgoingSender, type OutgoingSenderOptions } from './messaging/sender';
import { createServer } from './server';
import { createTenantCheckFeature, type TenantCheckFeature } from './bot/tenantCheckFeature';
import { WatchScheduler } from './scheduler/watchScheduler';
import { createTenantChecks, type TenantChecksOptions } from './tenant/createTenantChecks';
import { ConversationRegistry } from './store/conversationRegistry';
import { createStorage, type StorageHandle } from './store/createStorage';
import { DecisionStore } from './store/decisionStore';
import { PlanStore } from './store/planStore';
import { probeStorage, READINESS_PROBE_TIMEOUT_MS } from './store/storageProbe';

const VERSION: string = require('../package.json').version;

/** Added to every pacing wait; see the sender's construction below. */
export const PACING_MARGIN_MS = 250;

export interface App {
  readonly server: Server;
  readonly storage: StorageHandle;
  /** startPlan for the questionnaire (and tests); idle() waits for card updates in flight. */
  readonly planFeature: PlanFeature;
  /** The reminder digest scheduler; started by listen(), stopped by close(). Tests call runOnce(). */
  readonly reminders: ReminderScheduler;
  /** The tenant watch; started by listen() when tenant checks are on, stopped by close(). Tests call runOnce(). */
  readonly watch: WatchScheduler;
  /** Tenant checks started by card clicks; idle() waits for them (tests). */
  readonly tenantChecks: Pick<TenantCheckFeature, 'idle'>;
  /** Starts listening; resolves with the bound address. */
  listen(): Promise<{ host: string; port: number }>;
  /**
   * Stops accepting requests and the reminder scheduler, lets requests, card updates and sends in flight finish for
   * up to `drainMs` (default 0: cut off at once, as tests want), then cuts off what is left and closes storage.
   * Resolves with whether everything finished by itself. Safe to call twice.
   */
  close(options?: CloseOptions): Promise<{ drained: boolean }>;
}

export interface CloseOptions {
  readonly drainMs?: number;
}

/** After the cut-off, how long requests get to answer (their sends now fail fast) before their connections are dropped. */
export const CUT_OFF_GRACE_MS = 1_000;

export interface AppOptions {
  readonly clock?: () => Date;
  /** Tests shorten retry delays here; the sleep is always ours so shutdown can cut waits short. */
  readonly sender?: Omit<OutgoingSenderOptions, 'sleep' | 'logger'>;
  /** Names this instance in reminder claims (tests with two instances); random by default. */
  readonly instanceId?: string;
  /** Tests shorten Graph's per-request timeout and round budget, to reach a timed-out tenant without waiting seconds. */
  readonly tenantChecks?: Pick<TenantChecksOptions, 'requestTimeoutMs' | 'roundBudgetMs'>;
}

/** Whether `work` settles within `ms`; never rejects (failures are logged where they happen). */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const done = work.then(
    () => true,
    () => true,
  );
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What reading free text needs, prepared right after the server listens so neither start-up nor the first person who
 * types waits for it: the understanding model's training (over a CPU-second) and the number recognizer the
 * questionnaire reads answers with (about half a second to load). One task per turn of the event loop, so a request
 * that arrives meanwhile is not held up behind both. With WARM_UP=off each is done when first needed instead.
 */
function warmUp(): void {
  setImmediate(() => {
    sharedUnderstanding();
    setImmediate(() => prepareSentenceReader());
  });
}

/** Builds the whole bot from configuration: storage → state → features → bot → adapter → HTTP server. */
export function createApp(config: Config, logger: Logger, options: AppOptions = {}): App {
  const clock = options.clock ?? (() => new Date());
  const storage = createStorage(config.storage, (message) => logger.warn(`SQLite: ${message}`));
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
  // GRAPH_CHECKS decides whether cards offer "Check now"; nothing else about checks is needed this early.
  const checksOn = config.graph.enabled;
  // Every answer in a turn goes out through this one path (paced with the conversation's other traffic).
  const reply = createTurnReply(sender, logger);
  // Everything sent outside a turn's own answer goes through this one service and its one Delivery: card
  // refreshes, plan posts, milestone notes, digests, tenant-watch warnings and report follow-ups.
  const outgoing = new Outgoing({
    planStore,
    sender,
    port: connectorPort(adapter, config.appId, stopping.signal),
    logger,
    guard,
    clock,
    tenantChecks: checksOn,
  });
  const planFeature = createPlanFeature({ planStore, outgoing, clock, tenantChecks: checksOn, reply });
  // Text messages with mentions and cards (digests, watch warnings) into the plans' threads.
  const messages = messagePort(adapter, config.appId, stopping.signal);
  const shareFeature = createShareFeature({ planStore, registry, plans: planFeature, clock, logger, reply });
  // Owners, due dates and "my tasks": one index per person points at their plans, so "my tasks" reads no other plans.
  const myTasks = new MyTasksIndex(storage.storage);
  const coordinationFeature = createCoordinationFeature({
    planStore,
    myTasks,
    registry,
    outgoing,
    clock,
    logger,
    tenantChecks: checksOn,
    reply,
  });
  const myTasksFeature = createMyTasksFeature({ planStore, myTasks, clock, logger, reply, outgoing });

  // Reminders and the report.
  const reminderIndex = new ReminderIndex(storage.storage);
  const reminderFeature = createReminderFeature({ planStore, index: reminderIndex, clock, reply, ...config.reminders });
  const reminders = new ReminderScheduler({
    planStore,
    index: reminderIndex,
    delivery: outgoing.delivery,
    port: messages,
    clock,
    logger,
    ...config.reminders,
    instanceId: options.instanceId,
  });
  // Tenant checks (read-only Graph, opt-in): without GRAPH_CHECKS=on no credential or Graph client exists.
  const tenantChecks = createTenantChecks(config.graph, { clock, logger, ...options.tenantChecks });
  const watchIndex = new WatchIndex(storage.storage);
  const tenantFeature = createTenantCheckFeature({
    planStore,
    checks: tenantChecks,
    watchIndex,
    outgoing,
    port: messages,
    reply,
    clock,
    logger,
    simulated: config.graph.simulated,
    watchSeconds: config.graph.watchSeconds,
  });
  const watch = new WatchScheduler({
    planStore,
    index: watchIndex,
    checks: tenantChecks,
    delivery: outgoing.delivery,
    port: messages,
    clock,
    logger,
    checkSeconds: config.graph.watchSeconds,
    instanceId: options.instanceId,
    simulated: config.graph.simulated,
  });

  const signing = reportSigningKey({ signingKey: config.reports.signingKey, appPassword: config.appPassword });
  if (signing.source === 'random' && !config.localMode) {
    logger.warn(
      'Report download links are signed with a random key: they stop working on restart and on other instances. Set REPORT_SIGNING_KEY.',
    );
  }
  const reportLinks = new ReportLinks(signing.key, clock);
  // Known once listening: in local mode the link points at the port actually bound (PORT=0 picks one).
  let boundPort: number | undefined;
  const reportFollowUps = new BackgroundWork(logger, 'report file follow-up');
  const reportFeature = createReportFeature({
    planStore,
    links: reportLinks,
    baseUrl: () =>
      config.reports.publicBaseUrl ??
      (config.localMode && boundPort !== undefined ? `http://127.0.0.1:${boundPort}` : undefined),
    clock,
    reply,
    localMode: config.localMode,
    logger,
    followUp: {
      background: reportFollowUps,
      delivery: outgoing.delivery,
      port: activityPort(adapter, config.appId, stopping.signal),
      shutdown: stopping.signal,
    },
  });

  // Discarded and replaced plans come back with "restore" for 30 days, with their decision and reminders.
  const restoreFeature = createRestoreFeature({
    planStore,
    decisions: new DecisionStore(storage.storage),
    index: reminderIndex,
    myTasks,
    registry,
    clock,
    reply,
    logger,
  });

  const chooseToolFeature = createChooseToolFeature({
    storage: storage.storage,
    privateState,
    clock,
    reply,
    plans: planPort(planStore, (...args) => planFeature.startPlan(...args), clock),
    spoken: (context, text) => spokenCommands(context, text),
  });

  // Free text that is no exact command: read in the person's words, then handed to the command it means.
  // The model is trained once per process, right after the server listens (warmUp below), so start-up and its
  // storage check are not held up; a message that arrives first trains it on the spot.
  const understandingDeps: UnderstandingFeatureDeps = {
    planStore,
    clock,
    understanding: sharedUnderstanding,
    reply,
    runCommand: (context, command) => bot.runCommand(context, command),
  };
  const understandingFeature = createUnderstandingFeature(understandingDeps);
  // The same reading mid-questionnaire, where an answer to the question still comes first.
  const spokenCommands = createSpokenCommandReader(understandingDeps);

  const bot: SyncGuideBot = new SyncGuideBot({
    // The questionnaire sees messages first: an answer such as "help" or "2" belongs to the open question.
    // Understanding comes last: it reads only the text no other feature took.
    features: [
      chooseToolFeature,
      createWelcomeFeature(reply),
      planFeature,
      shareFeature,
      coordinationFeature,
      myTasksFeature,
      reminderFeature,
      reportFeature,
      restoreFeature,
      tenantFeature,
      understandingFeature,
    ],
    logger,
    states: [privateState],
    reply,
    ...createInstallHandlers({ registry, clock, logger, reply }),
  });

  installTurnErrorHandler(adapter, logger, async (context) => {
    await privateState.delete(context);
    await privateState.saveChanges(context, true);
  });

  const { server, drain } = createServer({
    adapter,
    runTurn: (context) => bot.run(context),
    logger,
    version: VERSION,
    storageKind: storage.kind,
    checkReady: () => probeStorage(storage.storage, READINESS_PROBE_TIMEOUT_MS),
    allowedTenantIds: config.allowedTenantIds,
    allowedChannelIds: config.allowedChannelIds,
    localMode: config.localMode,
    getRoutes: [
      {
        path: REPORT_ROUTE,
        handler: createReportDownload({
          links: reportLinks,
          planStore,
          clock,
          logger,
          allowedTenantIds: config.allowedTenantIds,
        }),
      },
    ],
  });

  let closing: Promise<{ drained: boolean }> | undefined;
  return {
    server,
    storage,
    planFeature,
    reminders,
    watch,
    tenantChecks: tenantFeature,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server.address() as { address: string; port: number };
          boundPort = address.port;
          reminders.start();
          watch.start();
          if (config.warmUp) warmUp();
          resolve({ host: address.address, port: address.port });
        });
      }),
    close: (options = {}) =>
      (closing ??= (async () => {
        const httpClosed = drain.stop();
        // In the order things depend on each other: no new digests, the requests in flight (their turns' sends),
        // then the card updates and posts they scheduled. A digest between its claim and its record finishes too.
        const settled = (async () => {
          await reminders.stop();
          await watch.stop();
          await httpClosed;
          await tenantFeature.idle();
          await planFeature.idle();
          await reportFollowUps.idle();
          await sender.drain();
        })();
        const drained = await within(settled, options.drainMs ?? 0);
        if (!drained && (options.drainMs ?? 0) > 0) {
          logger.warn(
            { drainMs: options.drainMs, pendingSends: sender.stats().pending },
            'shutdown: work still running at the deadline; cutting off outgoing sends',
          );
        }
        // Ends pacing waits, retry sleeps and connector calls; what is left then settles quickly.
        stopping.abort();
        if (!(await within(httpClosed, CUT_OFF_GRACE_MS))) drain.closeAllConnections();
        await within(settled, CUT_OFF_GRACE_MS);
        await storage.close();
        return { drained };
      })()),
  };
}
