import { strict as assert } from 'node:assert';
import {
  consoleUrl, describeTerminateOptions, multiActionSummary, otherAccountError, ownerChangeConfirmation, propertyChangeDeniedMessage, terminateConfirmation,
  typedConfirmationError, validateOwnerArn, PROPERTY_CHANGE_ACTION,
} from '../../../../src/core/products/productActionRules';
import { isAdministratorAction } from '../../../../src/core/iamActions';
import { FAILURE_NOTIFICATION_LENGTH } from '../../../../src/core/errors';
import { callWithToken } from '../../../../src/core/retrySameToken';

describe('terminate confirmation', () => {
  it('names a single product and asks for no typing unless the setting says so', () => {
    const plain = terminateConfirmation(['web-app'], false);
    assert.equal(plain.message, 'Terminate provisioned product "web-app"?');
    assert.match(plain.detail, /cannot be undone/);
    assert.equal(plain.typeToConfirm, undefined);
    assert.equal(terminateConfirmation(['web-app'], true).typeToConfirm, 'web-app');
  });

  it('lists several products and always asks to type "terminate <count>"', () => {
    const several = terminateConfirmation(['a', 'b', 'c'], false);
    assert.equal(several.message, 'Terminate 3 provisioned products?');
    assert.match(several.detail, /• a\n• b\n• c/);
    assert.equal(several.typeToConfirm, 'terminate 3');
  });

  it('keeps a long list short', () => {
    const names = Array.from({ length: 14 }, (_, i) => `pp-${i}`);
    const detail = terminateConfirmation(names, false).detail;
    assert.ok(detail.includes('• pp-9') && !detail.includes('• pp-10'));
    assert.match(detail, /…and 4 more/);
  });

  it('accepts only the exact text', () => {
    assert.equal(typedConfirmationError('web-app', 'web-app'), undefined);
    assert.equal(typedConfirmationError('web-ap', 'web-app'), 'Type "web-app" to confirm.');
    assert.ok(typedConfirmationError('Terminate 3', 'terminate 3'));
  });

  it('describes the chosen options', () => {
    assert.equal(describeTerminateOptions({ ignoreErrors: false, retainPhysicalResources: false }), '');
    assert.equal(describeTerminateOptions({ ignoreErrors: true, retainPhysicalResources: true }), ' (ignoring errors, keeping physical resources)');
  });
});

describe('multi-product summary', () => {
  it('says how many started and why the others failed', () => {
    assert.deepEqual(multiActionSummary('Termination', [{ name: 'a' }, { name: 'b' }]), { text: 'Termination started for all 2 provisioned products.', failed: false });
    const mixed = multiActionSummary('Termination', [{ name: 'a' }, { name: 'b', failure: 'InvalidStateException: busy' }, { name: 'c' }]);
    assert.equal(mixed.text, 'Termination started for 2 of 3 provisioned products. Failed: b: InvalidStateException: busy');
    assert.ok(mixed.failed);
  });
});

describe('owner ARN validation and console URL', () => {
  it('accepts IAM users, IAM roles and STS assumed roles, nothing else', () => {
    for (const ok of ['arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:role/team/Admin', 'arn:aws:sts::123456789012:assumed-role/Admin/alice']) {
      assert.equal(validateOwnerArn(ok), undefined, ok);
    }
    for (const bad of ['', 'alice', 'arn:aws:iam::123:user/alice', 'arn:aws:iam::123456789012:group/devs', 'arn:aws:s3:::bucket']) {
      assert.ok(validateOwnerArn(bad), bad);
    }
  });

  it('builds the provisioned product page for the region', () => {
    assert.equal(consoleUrl('eu-west-1', 'pp-abc123'), 'https://eu-west-1.console.aws.amazon.com/servicecatalog/home?region=eu-west-1#/provisioned-products/pp-abc123');
  });

  it('explains a denied property change in plain words', () => {
    const message = propertyChangeDeniedMessage('launch role', 'web-app');
    assert.match(message, /not allowed to change the launch role of "web-app"/);
    assert.match(message, /administrator/);
    assert.match(message, /iam:PassRole/);
    assert.doesNotMatch(propertyChangeDeniedMessage('owner', 'web-app'), /PassRole/);
    assert.equal(
      propertyChangeDeniedMessage('owner', 'web-app'),
      'You are not allowed to change the owner of "web-app": that is an administrator action. It needs servicecatalog:UpdateProvisionedProductProperties, which AWSServiceCatalogAdminFullAccess grants; ask your catalog administrator.',
    );
    // Whole in a notification, even with a long product name.
    assert.ok(propertyChangeDeniedMessage('launch role', 'x'.repeat(128)).length <= FAILURE_NOTIFICATION_LENGTH);
    // The action it names is the table's administrator action.
    assert.ok(isAdministratorAction(PROPERTY_CHANGE_ACTION));
  });
});

describe('retrying a write with the same idempotency token', () => {
  const named = (name: string) => Object.assign(new Error(name), { name });
  const noSleep = async () => undefined;

  it('sends the same token again after a dropped connection', async () => {
    const tokens: string[] = [];
    const result = await callWithToken('tok-1', async (token) => {
      tokens.push(token);
      if (tokens.length < 3) throw named('ECONNRESET');
      return 'rec-1';
    }, { sleep: noSleep });
    assert.equal(result, 'rec-1');
    assert.deepEqual(tokens, ['tok-1', 'tok-1', 'tok-1']);
  });

  it('does not retry what a retry cannot fix, and gives up after the attempts', async () => {
    let calls = 0;
    await assert.rejects(callWithToken('t', async () => { calls++; throw named('InvalidStateException'); }, { sleep: noSleep }), /InvalidStateException/);
    assert.equal(calls, 1);
    calls = 0;
    await assert.rejects(callWithToken('t', async () => { calls++; throw named('ThrottlingException'); }, { attempts: 2, sleep: noSleep }));
    assert.equal(calls, 2);
  });
});

describe('changing launch role or owner', () => {
  const productArn = 'arn:aws:servicecatalog:us-east-1:123456789012:stack/web/pp-abc';

  it('refuses an ARN of another account than the product\'s, naming both', () => {
    assert.equal(otherAccountError('arn:aws:iam::123456789012:role/Launch', [productArn]), undefined);
    assert.equal(
      otherAccountError('arn:aws:iam::999999999999:user/mallory', [productArn]),
      'arn:aws:iam::999999999999:user/mallory is in account 999999999999, but the provisioned product is in account 123456789012. Use an ARN of account 123456789012.',
    );
    assert.equal(otherAccountError('arn:aws:iam::123456789012:role/Launch', [undefined]), undefined, 'nothing to compare with');
  });

  it('says before a transfer that the product may leave the view', () => {
    const mine = ownerChangeConfirmation(['web'], 'arn:aws:iam::123456789012:user/bob', 'User');
    assert.equal(mine.message, 'Transfer "web" to arn:aws:iam::123456789012:user/bob?');
    assert.match(mine.detail, /no longer be listed here/);
    assert.doesNotMatch(ownerChangeConfirmation(['a', 'b'], 'x', 'Account').detail, /listed here/);
    assert.match(ownerChangeConfirmation(['a', 'b'], 'x', 'Account').message, /Transfer 2 provisioned products/);
  });
});
