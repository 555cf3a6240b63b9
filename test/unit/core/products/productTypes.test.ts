import * as assert from 'node:assert/strict';
import { productTypeName, provisionedProductTypeName } from '../../../../src/core/products/productTypes';

describe('product types in words', () => {
  it('names the provisioned product types the service sends', () => {
    assert.equal(provisionedProductTypeName('CFN_STACK'), 'CloudFormation stack');
    assert.equal(provisionedProductTypeName('CFN_STACKSET'), 'CloudFormation stack set');
    assert.equal(provisionedProductTypeName('TERRAFORM_CLOUD'), 'Terraform Cloud');
  });

  it('names product types, and shows a code it does not know as sent (never an inherited member)', () => {
    assert.equal(productTypeName('CLOUD_FORMATION_TEMPLATE'), 'CloudFormation');
    assert.equal(productTypeName('NEW_KIND'), 'NEW_KIND');
    assert.equal(provisionedProductTypeName('constructor'), 'constructor');
  });
});
