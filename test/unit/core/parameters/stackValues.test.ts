// The stack's parameters as an update form's current values: shown only as they are, NoEcho masked.
import * as assert from 'node:assert/strict';
import { currentValuesOfStack, noStackCause, unreadableValuesNote } from '../../../../src/core/parameters/stackValues';
import { buildUpdateFormFromCurrent } from '../../../../src/core/parameters';

describe('current values from a stack', () => {
  it('keeps the values as they are, and masks NoEcho ones and ones that would not show as they are', () => {
    const values = currentValuesOfStack([
      { key: 'Size', value: '3' }, { key: 'Secret', value: '****' }, { key: 'Odd', value: 'a\nb' }, { key: 'Empty', value: '' },
    ]);
    assert.deepEqual(values, { known: true, values: { Size: '3', Empty: '' }, masked: ['Secret', 'Odd'] });
  });

  it('builds fields that keep masked values (never prefilled) and preselect the others', () => {
    const output = { ProvisioningArtifactParameters: [
      { ParameterKey: 'Size', ParameterType: 'Number' }, { ParameterKey: 'Secret', IsNoEcho: true }, { ParameterKey: 'Odd' }, { ParameterKey: 'New' },
    ] };
    const form = buildUpdateFormFromCurrent(output, currentValuesOfStack([{ key: 'Size', value: '3' }, { key: 'Secret', value: '****' }, { key: 'Odd', value: 'a\u202eb' }]));
    const byKey = Object.fromEntries(form.fields.map((f) => [f.key, [f.previousValue, f.previousMasked ?? false, f.keepPreviousByDefault, f.canKeepPrevious]]));
    assert.deepEqual(byKey, {
      Size: ['3', false, false, true], Secret: [undefined, true, true, true], Odd: [undefined, true, true, true], New: [undefined, false, false, false],
    });
  });

  it('says why in one sentence, by cause', () => {
    assert.equal(noStackCause('TERRAFORM_OPEN_SOURCE'), 'terraform');
    assert.equal(noStackCause('EXTERNAL'), 'external');
    assert.equal(noStackCause('CFN_STACK'), 'noStack');
    const note = unreadableValuesNote('denied');
    assert.match(note, /^Current values are not shown because your permissions do not allow cloudformation:DescribeStacks on its stack, so every parameter keeps its current value unless you change it\.$/);
  });
});
