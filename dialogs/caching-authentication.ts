import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ConnectorFactory, JwtTokenValidation, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorClient, type UserTokenClient } from 'botframework-connector';

const MAX_CACHED_CLIENTS = 1000;

/**
 * Reuses connector clients across turns, as botbuilder's older BotFrameworkAdapter did: CloudAdapter
 * builds a new connector client and a new user-token client (each a whole HTTP pipeline) on every
 * request, which measured as the largest single cost of a chat turn. A connector client is bound
 * to the bot's app id, the channel's service URL and the audience, a token client to the app id.
 */
class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: Map<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.appId}\n${serviceUrl}\n${audience ?? ''}`;
    let client = this.cache.get(key);
    if (!client) {
      if (this.cache.size >= MAX_CACHED_CLIENTS) this.cache.clear();
      client = this.inner.create(serviceUrl, audience);
      client.catch(() => this.cache.delete(key));
      this.cache.set(key, client);
    }
    return client;
  }
}

export class CachingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId = JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
    let client = this.tokenClients.get(appId);
    if (!client) {
      if (this.tokenClients.size >= MAX_CACHED_CLIENTS) this.tokenClients.clear();
      client = super.createUserTokenClient(claimsIdentity);
      client.catch(() => this.tokenClients.delete(appId));
      this.tokenClients.set(appId, client);
    }
    return client;
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    const appId = JwtTokenValidation.getAppIdFromClaims(result.claimsIdentity.claims) ?? '';
    return { ...result, connectorFactory: new CachingConnectorFactory(result.connectorFactory, appId, this.clients) };
  }
}
