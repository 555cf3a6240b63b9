// Parameter keys that are also names on Object.prototype: a value is looked up as the object's own
// property only, so an absent `constructor` is absent, not Object's function.
import * as assert from 'node:assert/strict';
import type { DescribeProvisioningParametersOutput } from '@aws-sdk/client-service-catalog';
import {
  buildProvisioningForm, buildUpdateForm, toProvisionInput, toUpdateInput, validateProvisioningSubmission,
  type ProvisioningSubmission,
} from '../../../../src/core/parameters';

const OUTPUT: DescribeProvisioningParametersOutput = {
  ProvisioningArtifactParameters: [
    { ParameterKey: 'constructor', ParameterType: 'String', ParameterConstraints: { MinLength: '2' } },
    { ParameterKey: 'toString', ParameterType: 'String', DefaultValue: 'plain', ParameterConstraints: {} },
    { ParameterKey: 'valueOf', ParameterType: 'Number', DefaultValue: '1', ParameterConstraints: { MinValue: '1', MaxValue: '9' } },
    { ParameterKey: '__proto__', ParameterType: 'String', ParameterConstraints: { AllowedPattern: '[a-z]+' } },
    { ParameterKey: 'hasOwnProperty', ParameterType: 'String', DefaultValue: '', ParameterConstraints: {} },
  ],
  TagOptions: [],
};

/** Values as they arrive from the webview: parsed JSON, so `__proto__` is an ordinary own key. */
const fromPage = (json: string): Record<string, string> => JSON.parse(json);

const form = buildProvisioningForm(OUTPUT);
const target = { productId: 'prod-1', provisioningArtifactId: 'pa-1' };

describe('parameters named like Object.prototype members', () => {
  it('build one field each', () => {
    assert.deepEqual(form.fields.map((f) => [f.key, f.kind, f.required]), [
      ['constructor', 'text', true], ['toString', 'text', false], ['valueOf', 'number', false],
      ['__proto__', 'text', true], ['hasOwnProperty', 'text', false],
    ]);
  });

  it('treat an absent value as absent: required ones are reported, optional ones pass', () => {
    const submission: ProvisioningSubmission = { provisionedProductName: 'odd-keys', parameters: fromPage('{"toString":"x","valueOf":"3"}') };
    const result = validateProvisioningSubmission(form, submission);
    assert.deepEqual(result.errors, { 'parameters.constructor': 'constructor is required.', 'parameters.__proto__': 'proto is required.' });
  });

  it('check given values against their own constraints', () => {
    const submission: ProvisioningSubmission = {
      provisionedProductName: 'odd-keys', parameters: fromPage('{"constructor":"a","valueOf":"12","__proto__":"UP"}'),
    };
    assert.deepEqual(Object.keys(validateProvisioningSubmission(form, submission).errors).sort(), [
      'parameters.__proto__', 'parameters.constructor', 'parameters.valueOf',
    ]);
  });

  it('send exactly the given values when provisioning', () => {
    const submission: ProvisioningSubmission = {
      provisionedProductName: 'odd-keys', parameters: fromPage('{"constructor":"built","valueOf":"4","__proto__":"proto"}'),
    };
    assert.equal(validateProvisioningSubmission(form, submission).valid, true);
    assert.deepEqual(toProvisionInput(form, submission, 'tok-1', target).ProvisioningParameters, [
      { Key: 'constructor', Value: 'built' }, { Key: 'valueOf', Value: '4' }, { Key: '__proto__', Value: 'proto' },
    ]);
  });

  it('leave out absent values, even without validation', () => {
    const input = toProvisionInput(form, { provisionedProductName: 'odd-keys', parameters: {} }, 'tok-2', target);
    assert.equal(input.ProvisioningParameters, undefined, 'nothing given, nothing sent (no Object.prototype members)');
  });

  it('keep previous values (UsePreviousValue) and send new ones when updating', () => {
    const current = fromPage('{"constructor":"old","toString":"old","valueOf":"2","__proto__":"old"}');
    const update = buildUpdateForm(OUTPUT, current);
    assert.deepEqual(update.fields.map((f) => [f.key, f.canKeepPrevious, f.previousValue]), [
      ['constructor', true, 'old'], ['toString', true, 'old'], ['valueOf', true, '2'], ['__proto__', true, 'old'],
      ['hasOwnProperty', false, undefined],
    ]);
    const submission: ProvisioningSubmission = { parameters: fromPage('{"toString":"new","valueOf":"5"}'), keepPrevious: ['constructor', '__proto__'] };
    assert.equal(validateProvisioningSubmission(update, submission).valid, true);
    assert.deepEqual(toUpdateInput(update, submission, 'tok-3', { provisionedProductId: 'pp-1' }).ProvisioningParameters, [
      { Key: 'toString', Value: 'new' }, { Key: 'valueOf', Value: '5' },
      { Key: 'constructor', UsePreviousValue: true }, { Key: '__proto__', UsePreviousValue: true },
    ]);
  });

  it('cannot keep a previous value that was never there', () => {
    const update = buildUpdateForm(OUTPUT, fromPage('{"toString":"old"}'));
    const submission: ProvisioningSubmission = { parameters: fromPage('{"constructor":"ab","__proto__":"p"}'), keepPrevious: ['hasOwnProperty'] };
    assert.deepEqual(validateProvisioningSubmission(update, submission).errors, {
      'parameters.hasOwnProperty': 'has Own Property has no previous value to keep.',
    });
  });
});
