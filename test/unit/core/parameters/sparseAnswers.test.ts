// DescribeProvisioningParameters as real accounts answer it: sparse parameters, constraint summaries
// without descriptions, and the usage instruction that says whether tags may be updated.
import * as assert from 'node:assert/strict';
import { buildProvisioningForm, buildUpdateFormFromCurrent, toUpdateInput, validateProvisioningSubmission } from '../../../../src/core/parameters';

const SPARSE = {
  ProvisioningArtifactParameters: [{ ParameterKey: 'VpcId', ParameterType: 'String', IsNoEcho: false, ParameterConstraints: { AllowedValues: [] } }],
  ConstraintSummaries: [{ Type: 'LAUNCH' }],
  UsageInstructions: [{ Type: 'rules', Value: '{}' }, { Type: 'tagUpdateOnProvisionedProduct', Value: 'NOT_ALLOWED' }],
  TagOptions: [],
  ProvisioningArtifactPreferences: {},
};

describe('sparse DescribeProvisioningParameters answers', () => {
  it('builds a required text field for a parameter without description, default or allowed values', () => {
    const [field] = buildProvisioningForm(SPARSE).fields;
    assert.equal(field.kind, 'text', 'an empty AllowedValues list is not a select with no choices');
    assert.equal(field.required, true);
    assert.equal(field.description, undefined);
    assert.equal(field.defaultValue, undefined);
    assert.deepEqual(field.constraints, {});
  });

  it('keeps a constraint summary without description, and no stack-set section for empty preferences', () => {
    const form = buildProvisioningForm(SPARSE);
    assert.deepEqual(form.constraintSummaries, [{ type: 'LAUNCH', value: '' }]);
    assert.equal(form.stackSet, undefined);
  });

  it('reads whether tags may be updated from the usage instruction, and nothing when it is absent', () => {
    assert.equal(buildProvisioningForm(SPARSE).tagUpdate, 'NOT_ALLOWED');
    const allowed = { ...SPARSE, UsageInstructions: [{ Type: 'tagUpdateOnProvisionedProduct', Value: 'ALLOWED' }] };
    assert.equal(buildProvisioningForm(allowed).tagUpdate, 'ALLOWED');
    assert.equal(buildProvisioningForm({ ...SPARSE, UsageInstructions: [] }).tagUpdate, undefined);
  });

  it('refuses tags in an update the path does not allow to change them, and sends none', () => {
    const form = buildUpdateFormFromCurrent(SPARSE, { known: false, keys: ['VpcId'] });
    const withTags = { parameters: {}, keepPrevious: ['VpcId'], tags: [{ key: 'team', value: 'web' }] };
    assert.match(validateProvisioningSubmission(form, withTags).errors.tags ?? '', /do not allow tag updates/);
    assert.equal(validateProvisioningSubmission(form, { parameters: {}, keepPrevious: ['VpcId'] }).valid, true);
    assert.equal(toUpdateInput(form, withTags, 'tok-1', { provisionedProductId: 'pp-1' }).Tags, undefined);
    const allowed = buildUpdateFormFromCurrent({ ...SPARSE, UsageInstructions: [] }, { known: false, keys: ['VpcId'] });
    assert.deepEqual(toUpdateInput(allowed, withTags, 'tok-1', { provisionedProductId: 'pp-1' }).Tags, [{ Key: 'team', Value: 'web' }]);
  });
});
