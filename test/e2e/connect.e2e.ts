// A first-time user with no AWS configuration clicks "Connect to AWS": the picker offers the sandbox,
// the default credential chain, signing in with IAM Identity Center, and only the AWS CLI commands the
// CLI on PATH has; the sign-in's first field refuses a start URL that is not https.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useWorkbench } from './harness';

const home = mkdtempSync(join(tmpdir(), 'sce-e2e-connect-'));
const bin = mkdtempSync(join(tmpdir(), 'sce-e2e-aws-v1-'));
writeFileSync(join(bin, 'aws'), "#!/bin/sh\n[ \"$1\" = --version ] && echo 'aws-cli/1.45.11 Python/3.11.7 Linux/6.18 botocore/1.43.11'\n", { mode: 0o755 });

describe('connect with no profile (browser)', () => {
  const wb = useWorkbench({
    env: {
      SCE_DEFAULT_BACKEND: 'auto', AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_PROFILE: '', AWS_ACCESS_KEY_ID: '', PATH: `${bin}:${process.env.PATH ?? ''}`,
    },
  });

  it('offers every way in and checks the start URL on the field', async () => {
    await wb.openViewContainer('Service Catalog');
    const connect = wb.page.locator('.welcome-view-content a, .welcome-view-content .monaco-button', { hasText: 'Connect to AWS' }).first();
    await connect.waitFor({ timeout: 30_000 });
    await connect.click();
    const picker = wb.page.locator('.quick-input-widget');
    await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Sign in with IAM Identity Center' }).waitFor({ timeout: 30_000 });
    const rows = await picker.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    const text = rows.join('\n');
    assert.match(text, /Sandbox/);
    assert.match(text, /Default credential chain/);
    assert.match(text, /Run "aws configure"/, 'the AWS CLI v1 on PATH has configure');
    assert.doesNotMatch(text, /configure sso/, 'but not configure sso');
    await wb.screenshot('connect-picker-no-profiles');
    await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Sign in with IAM Identity Center' }).click();
    const box = wb.page.locator('.quick-input-widget input');
    await wb.page.locator('.quick-input-widget', { hasText: 'start URL' }).waitFor({ timeout: 10_000 });
    await box.fill('http://my-company.awsapps.com/start');
    await wb.page.locator('.quick-input-widget', { hasText: 'must begin with https://' }).waitFor({ timeout: 10_000 });
    await wb.screenshot('connect-sso-start-url-invalid');
    await wb.page.keyboard.press('Escape');
  });
});
