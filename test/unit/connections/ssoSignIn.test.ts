import { fakeVscode } from '../../support/fakeVscode'; // first: the code below requires 'vscode'
import { strict as assert } from 'node:assert';
import { serveBundle } from '../../support/lazyBundles';
import { signInWithIdentityCenter } from '../../../src/connections/ssoSignIn';
import { hasSection, readSection, SignInStoppedError, type DeviceAuthorization } from '../../../src/aws/ssoSignIn';
import type { UserInput } from '../../../src/ui/userInput';

void fakeVscode;

// The lazily required AWS bundle (lazyModules.ts requires aws.js next to this bundle): its sign-in calls answered here.
const fakeAws = {
  SignInStoppedError, hasSection, readSection,
  startDeviceAuthorization: async (): Promise<DeviceAuthorization> => ({
    userCode: 'BCDF-GHJK', verificationUri: 'http://127.0.0.1:1/device', deviceCode: 'd', intervalSeconds: 1, expiresAt: Date.now() + 600_000,
    registration: { clientId: 'c', clientSecret: 's', clientSecretExpiresAt: Math.floor(Date.now() / 1000) + 3600 },
  }),
  waitForToken: async () => ({ accessToken: 'aoa-token', expiresIn: 3600, refreshToken: 'aor-token' }),
  listSsoAccounts: async () => [{ accountId: '123456789012', accountName: 'Sandbox' }],
  listSsoRoles: async () => ['ServiceCatalogEndUser'],
  configFilePath: () => '/tmp/sce-unit-config',
  readConfigFile: async () => '',
  saveSsoToken: async () => '/tmp/token.json',
  updateConfigFile: async () => undefined,
};
serveBundle('aws.js', fakeAws);

describe('sign in with IAM Identity Center (prompts)', () => {
  it('keeps every step open when focus moves (the browser, the notification bell)', async () => {
    const asked: { title: string; ignoreFocusOut?: boolean }[] = [];
    const input: UserInput = {
      pickOne: async (items, options) => (asked.push({ title: String(options.title), ignoreFocusOut: options.ignoreFocusOut }), items[0]),
      pickMany: async () => [],
      inputText: async (options) => {
        asked.push({ title: String(options.title), ignoreFocusOut: options.ignoreFocusOut });
        const title = String(options.title);
        return title.includes('start URL') ? 'https://sandbox-example.awsapps.com/start' : title.includes('region') ? 'us-east-1' : 'sce-unit';
      },
      confirm: async () => 'Replace',
    };
    let connected = '';
    await signInWithIdentityCenter({ input, pickRegion: async () => 'us-east-1', connect: async (profile) => void (connected = profile), openExternal: async () => true });
    assert.equal(connected, 'sce-unit');
    assert.equal(asked.length, 5, asked.map((a) => a.title).join(' | '));
    for (const step of asked) assert.equal(step.ignoreFocusOut, true, step.title);
  });
});
