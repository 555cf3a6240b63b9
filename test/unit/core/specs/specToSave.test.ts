import * as assert from 'node:assert/strict';
import { productToSaveOfLive, productToSaveOfSubmission, stateOfProductToSave, userTags } from '../../../../src/core/specs';
import type { ParameterField, ProvisioningForm } from '../../../../src/core/parameters/formModel';

function field(key: string, extra: Partial<ParameterField> = {}): ParameterField {
  return {
    key, label: key, kind: 'text', parameterType: 'String', isList: false, isNumeric: false, noEcho: false, required: false, constraints: {}, ...extra,
  };
}
const form = (fields: ParameterField[], mode: 'provision' | 'update' = 'provision'): ProvisioningForm =>
  ({ mode, fields, tagOptions: [], usageInstructions: [], constraintSummaries: [] });
const TARGET = { productId: 'prod-abc', provisioningArtifactId: 'pa-v2', pathId: 'lpv3-path' };

describe('specToSave', () => {
  it('a provision form\'s submission: given values only, NoEcho as a key to reference (never its value), user tags, stack-set choices', () => {
    const saved = productToSaveOfSubmission(
      form([field('Name'), field('Count'), field('Password', { noEcho: true }), field('Unset')]),
      {
        provisionedProductName: 'orders', parameters: { Name: 'orders', Count: '2', Password: 'hunter2', Unset: '' },
        tags: [{ key: 'team', value: 'platform' }, { key: 'aws:cloudformation:stack-name', value: 'x' }],
        stackSet: { operationType: 'CREATE', accounts: ['012345678901'], regions: ['us-east-1'] } as never,
        notificationArns: ['arn:aws:sns:us-east-1:012345678901:t'],
      },
      TARGET,
    );
    assert.deepEqual(saved, {
      name: 'orders', productId: 'prod-abc', versionId: 'pa-v2', pathId: 'lpv3-path',
      parameters: { Name: 'orders', Count: '2' }, noEchoKeys: ['Password'], tags: { team: 'platform' },
      stackSetPreferences: { accounts: ['012345678901'], regions: ['us-east-1'] }, notificationArns: ['arn:aws:sns:us-east-1:012345678901:t'],
    });
    assert.ok(!JSON.stringify(saved).includes('hunter2'));
  });

  it('a product as it runs: the values in use; NoEcho as references; what the service does not show left out, with a note', () => {
    const saved = productToSaveOfLive('orders', TARGET, form([
      field('Name', { previousValue: 'orders', canKeepPrevious: true }),
      field('Password', { noEcho: true, previousMasked: true, canKeepPrevious: true }),
      field('Hidden', { canKeepPrevious: true }),
      field('NewInVersion'),
    ], 'update'), { team: 'platform' });
    assert.deepEqual(saved.parameters, { Name: 'orders' });
    assert.deepEqual(saved.noEchoKeys, ['Password']);
    assert.deepEqual(saved.tags, { team: 'platform' });
    assert.deepEqual(saved.notes, ['The values in use of Hidden are not shown by the service and are left out: applying this file keeps them.']);
  });

  it('a product whose values could not be read: no parameters, and the reason as a note', () => {
    const saved = productToSaveOfLive('orders', TARGET, form([
      field('Name', { canKeepPrevious: true }), field('Password', { noEcho: true, canKeepPrevious: true }),
    ], 'update'), {}, 'The stack\'s values could not be read (no permission).');
    assert.deepEqual(saved.parameters, {});
    assert.equal(saved.noEchoKeys, undefined, 'NoEcho ones too: applying keeps every value in use');
    assert.equal(saved.tags, undefined);
    assert.deepEqual(saved.notes, ['The stack\'s values could not be read (no permission). The parameters are left out: applying this file keeps their values in use.']);
  });

  it('names by the catalog: a unique name, else the id; an unknown id stays an id', () => {
    const saved = productToSaveOfLive('orders', TARGET, form([], 'update'), {});
    const state = stateOfProductToSave(saved, {
      products: [{ id: 'prod-abc', name: 'Container Service' }, { id: 'prod-other', name: 'Other' }],
      versions: [{ id: 'pa-v1', name: 'v1' }, { id: 'pa-v2', name: 'v1' }],
      launchPaths: [],
    });
    assert.deepEqual([state.product, state.version, state.launchPath], ['Container Service', 'pa-v2', 'lpv3-path']);
  });

  it('user tags leave out the service\'s aws: tags, whatever their case', () => {
    assert.deepEqual(userTags([{ Key: 'AWS:x', Value: '1' }, { Key: 'aws:servicecatalog:portfolioArn', Value: 'arn' }, { Key: 'cost', Value: 'cc' }, { Value: 'no key' }]), { cost: 'cc' });
  });
});
