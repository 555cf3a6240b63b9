import { strict as assert } from 'node:assert';
import {
  missingProductReason, plansSupported, productCapabilities, productContextValue, productPlansSupported, statusCapabilities,
} from '../../../../src/core/products/capabilities';

describe('provisioned product capabilities', () => {
  it('allows every action on an AVAILABLE product', () => {
    assert.equal(
      productContextValue({ Status: 'AVAILABLE', Type: 'CFN_STACK', Arn: 'arn:x' }),
      'provisionedProduct;status-AVAILABLE;type-CFN_STACK;canUpdate;canTerminate;canChangeProperties;canPlan;canRunAction',
    );
  });

  it('allows nothing that changes a product while it is under change', () => {
    assert.deepEqual(productCapabilities({ Status: 'UNDER_CHANGE', Arn: 'arn:x' }), []);
  });

  it('offers only its plans (execute or delete) while a plan is in progress', () => {
    assert.deepEqual(productCapabilities({ Status: 'PLAN_IN_PROGRESS', Type: 'CFN_STACK' }), ['canPlan']);
  });

  it('offers plans for CloudFormation provisioned products only (the model\'s plan type is CLOUDFORMATION)', () => {
    for (const type of ['CFN_STACK', 'CFN_STACKSET']) assert.ok(productCapabilities({ Status: 'AVAILABLE', Type: type }).includes('canPlan'), type);
    for (const type of ['TERRAFORM_OPEN_SOURCE', 'TERRAFORM_CLOUD', 'EXTERNAL', 'CONTROL_TOWER_ACCOUNT', undefined]) {
      assert.ok(!productCapabilities({ Status: 'AVAILABLE', Type: type }).includes('canPlan'), String(type));
      assert.doesNotMatch(productContextValue({ Status: 'AVAILABLE', Type: type }), /canPlan/);
      assert.equal(plansSupported(type), false);
    }
    // A page knows only the status: the status rule alone still has its plans.
    assert.ok(statusCapabilities('PLAN_IN_PROGRESS').includes('canPlan'));
    assert.equal(productPlansSupported('CLOUD_FORMATION_TEMPLATE'), true);
    assert.equal(productPlansSupported('TERRAFORM_OPEN_SOURCE'), false);
  });

  it('plans a Marketplace product\'s launch as it plans its provisioned product (a CloudFormation stack)', () => {
    assert.equal(productPlansSupported('MARKETPLACE'), true);
    assert.equal(plansSupported('CFN_STACK'), true);
    for (const type of ['TERRAFORM_CLOUD', 'EXTERNAL', undefined]) assert.equal(productPlansSupported(type), false, String(type));
  });

  it('says why a form cannot work on a provisioned product without product or version ids, and guesses none', () => {
    assert.equal(missingProductReason('old', 'Update', { ProductId: 'prod-1', ProvisioningArtifactId: 'pa-1' }), undefined);
    assert.match(missingProductReason('old', 'Update', {})!, /Update unavailable for old: .*its product or its version \(older provisioned products lack them\).*Nothing was sent/);
    assert.match(missingProductReason('old', 'Self-service actions', { ProductId: 'prod-1' })!, /does not say its version/);
  });

  it('lets a failed product be updated or terminated but not run actions when in ERROR', () => {
    const caps = productCapabilities({ Status: 'ERROR' });
    assert.ok(caps.includes('canUpdate') && caps.includes('canTerminate'));
    assert.ok(!caps.includes('canRunAction'));
    assert.ok(productCapabilities({ Status: 'TAINTED' }).includes('canRunAction'));
  });
});
