import { ClaimsIdentity } from 'botframework-connector';
import { ReusingBotFrameworkAuthentication } from '../../src/messaging/connectorClients';

// Auth off (no app id), as in local mode: clients are built without credentials and never call out.
const auth = () => new ReusingBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' });
const claims = (appId: string) => new ClaimsIdentity([{ type: 'aud', value: appId }], true);
const retryPhase = (client: unknown) =>
  (
    (
      client as { client: { pipeline: { getOrderedPolicies(): { name: string }[] } } }
    ).client.pipeline.getOrderedPolicies() ?? []
  ).some((p) => /retry/i.test(p.name));

describe('ReusingBotFrameworkAuthentication', () => {
  it('hands every turn of one app id and service URL the same connector client, and other URLs or app ids their own', async () => {
    const authentication = auth();
    const first = await authentication.createConnectorFactory(claims('app-a')).create('http://127.0.0.1:9/a/', 'scope');
    const again = await authentication.createConnectorFactory(claims('app-a')).create('http://127.0.0.1:9/a/', 'scope');
    const otherUrl = await authentication
      .createConnectorFactory(claims('app-a'))
      .create('http://127.0.0.1:9/b/', 'scope');
    const otherApp = await authentication
      .createConnectorFactory(claims('app-b'))
      .create('http://127.0.0.1:9/a/', 'scope');
    expect(again).toBe(first);
    expect(otherUrl).not.toBe(first);
    expect(otherApp).not.toBe(first);
  });

  it('swaps the factory of an authenticated request for the reusing one', async () => {
    const authentication = auth();
    const activity = {
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      recipient: { id: 'bot' },
    } as never;
    const one = await authentication.authenticateRequest(activity, '');
    const two = await authentication.authenticateRequest(activity, '');
    expect(await one.connectorFactory!.create('http://127.0.0.1:9/', one.audience)).toBe(
      await two.connectorFactory!.create('http://127.0.0.1:9/', two.audience),
    );
  });

  it('reuses the user token client per app id', async () => {
    const authentication = auth();
    expect(await authentication.createUserTokenClient(claims('app-a'))).toBe(
      await authentication.createUserTokenClient(claims('app-a')),
    );
    expect(await authentication.createUserTokenClient(claims('app-a'))).not.toBe(
      await authentication.createUserTokenClient(claims('app-b')),
    );
  });

  it("keeps the SDK's retries on turn clients and removes them only from the sender's clients", async () => {
    const factory = auth().createConnectorFactory(claims('app-a'));
    const turnClient = await factory.create('http://127.0.0.1:9/', 'scope');
    const senderClient = await factory.createWithoutRetries('http://127.0.0.1:9/', 'scope');
    expect(senderClient).not.toBe(turnClient);
    expect(await factory.createWithoutRetries('http://127.0.0.1:9/', 'scope')).toBe(senderClient);
    expect(retryPhase(turnClient)).toBe(true);
    expect(retryPhase(senderClient)).toBe(false);
  });
});
