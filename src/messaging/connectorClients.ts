import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/**
 * CloudAdapter asks its authentication for a new ConnectorClient and a new UserTokenClient on every incoming
 * activity, and each builds its own Azure HTTP pipeline (about a tenth of a "what's next" turn's CPU, and a new
 * socket pool each time). A client holds nothing per turn: its credentials fetch and cache tokens on their own
 * (a process-wide cache keyed by app id and scope), so one client per app id, service URL and audience serves
 * every turn, as BotFrameworkAdapter's client cache did.
 */
export interface ConnectorPolicy {
  /** Service URLs the bot may call; a client for any other is refused before a connection is made. All when absent. */
  readonly serviceUrlAllowed?: (serviceUrl: string) => boolean;
}

/** A connector client asked for a service URL the policy refuses (local mode: anything off this machine). */
export class ServiceUrlRefusedError extends Error {
  constructor(serviceUrl: string) {
    super(
      `Refusing to call the Bot Connector at ${originOf(serviceUrl)}: this bot is configured to send only to loopback addresses (local mode).`,
    );
    this.name = 'ServiceUrlRefusedError';
  }
}

export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new ReuseCache<ConnectorClient>();
  private readonly tokenClients = new ReuseCache<UserTokenClient>();

  constructor(
    options: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    private readonly policy: ConnectorPolicy = {},
  ) {
    super(options);
  }

  /** The factory in an authenticated request's result is built like createConnectorFactory's, so it is swapped for ours. */
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return { ...result, connectorFactory: this.createConnectorFactory(result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ReusingConnectorFactory {
    return new ReusingConnectorFactory(
      super.createConnectorFactory(claimsIdentity),
      appIdOf(claimsIdentity),
      this.connectors,
      this.policy,
    );
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}

export class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: ReuseCache<ConnectorClient>,
    private readonly policy: ConnectorPolicy = {},
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    this.check(serviceUrl);
    return this.clients.get(this.key(serviceUrl, audience), () => this.inner.create(serviceUrl, audience));
  }

  /**
   * A client for the OutgoingSender's proactive calls: the same, minus the Azure pipeline's retry phase. The sender
   * is the one place that decides retries — it paces them, honours Retry-After and knows that a 500 on a post may
   * already have been stored — while the pipeline would retry each call up to three more times behind its back.
   * Kept apart from the turn's client, whose in-turn replies keep the SDK's retries.
   */
  createWithoutRetries(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    this.check(serviceUrl);
    return this.clients.get(`${this.key(serviceUrl, audience)}\nwithout retries`, async () => {
      const client = await this.inner.create(serviceUrl, audience);
      (
        client as unknown as { client?: { pipeline?: { removePolicy(options: { phase: string }): unknown } } }
      ).client?.pipeline?.removePolicy({ phase: 'Retry' });
      return client;
    });
  }

  /** Every client, for a turn or a proactive send, is made here: the one place a service URL can be refused. */
  private check(serviceUrl: string): void {
    if (this.policy.serviceUrlAllowed && !this.policy.serviceUrlAllowed(serviceUrl))
      throw new ServiceUrlRefusedError(serviceUrl);
  }

  private key(serviceUrl: string, audience: string | undefined): string {
    return `${this.appId}\n${serviceUrl}\n${audience ?? ''}`;
  }
}

/** Enough to say where a refused call would have gone, without copying a long caller-chosen string into a log. */
function originOf(serviceUrl: string): string {
  try {
    return new URL(serviceUrl).origin.slice(0, 200);
  } catch {
    return '(not a URL)';
  }
}

/** The app id CloudAdapter's own factory uses: the token's audience, else its appid claim (empty when auth is off). */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
}

/**
 * Clients by key, oldest dropped first. The service URL comes from the activity, so the bound keeps a stream of
 * made-up URLs from growing the map; real traffic uses a handful. A failed creation is forgotten, not cached.
 */
class ReuseCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly limit = 100) {}

  get(key: string, create: () => Promise<T>): Promise<T> {
    const existing = this.entries.get(key);
    if (existing) return existing;
    const created = create();
    this.entries.set(key, created);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    created.catch(() => {
      if (this.entries.get(key) === created) this.entries.delete(key);
    });
    return created;
  }
}
