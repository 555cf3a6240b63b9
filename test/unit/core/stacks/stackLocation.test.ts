import { strict as assert } from 'node:assert';
import { isStackArn, locateStack, stackOfRecord, STACK_ARN_OUTPUT } from '../../../../src/core/stacks/stackLocation';

const STACK = 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-123456789012-pp-abc123/d51dd9b0-b047-11e8-a5af-500c28709a35';
const OTHER = 'arn:aws:cloudformation:us-east-1:123456789012:stack/SC-123456789012-pp-abc123/00000000-b047-11e8-a5af-500c28709a35';

describe('stackLocation', () => {
  it('finds a CFN_STACK product by its PhysicalId', () => {
    assert.deepEqual(locateStack({ Id: 'pp-abc123', Type: 'CFN_STACK', PhysicalId: STACK }), { kind: 'stack', stackId: STACK });
  });

  it('prefers the record\'s CloudformationStackARN output over the PhysicalId', () => {
    const outputs = [{ OutputKey: 'BucketName', OutputValue: 'x' }, { OutputKey: STACK_ARN_OUTPUT, OutputValue: OTHER }];
    assert.deepEqual(locateStack({ Type: 'CFN_STACK', PhysicalId: STACK }, outputs), { kind: 'stack', stackId: OTHER });
  });

  it('treats a Control Tower account as one stack', () => {
    assert.equal(locateStack({ Type: 'CONTROL_TOWER_ACCOUNT', PhysicalId: STACK }).kind, 'stack');
  });

  it('reads a stack set through its provisioned product id', () => {
    assert.deepEqual(locateStack({ Id: 'pp-set', Type: 'CFN_STACKSET', PhysicalId: 'arn:aws:cloudformation:us-east-1:1:stackset/SC-1-pp-set:x' }), { kind: 'stackSet', provisionedProductId: 'pp-set' });
  });

  it('never guesses a stack for Terraform or External products, even with a stack-like PhysicalId', () => {
    for (const type of ['TERRAFORM_OPEN_SOURCE', 'TERRAFORM_CLOUD', 'EXTERNAL']) {
      const location = locateStack({ Type: type, PhysicalId: STACK }, [{ OutputKey: STACK_ARN_OUTPUT, OutputValue: STACK }]);
      assert.equal(location.kind, 'none', type);
      assert.match(location.kind === 'none' ? location.reason : '', /no CloudFormation stack/);
    }
  });

  it('says none when the service names no stack yet (a provision before its first record output)', () => {
    assert.equal(locateStack({ Type: 'CFN_STACK' }).kind, 'none');
  });

  it('accepts only a stack ARN: a crafted output value is not taken', () => {
    assert.equal(stackOfRecord([{ OutputKey: STACK_ARN_OUTPUT, OutputValue: `${STACK} [x](command:evil)` }]), undefined);
    assert.equal(stackOfRecord([{ OutputKey: STACK_ARN_OUTPUT, OutputValue: 'SC-123-pp-1' }]), undefined);
    assert.equal(isStackArn(STACK), true);
    assert.equal(isStackArn('arn:aws:cloudformation:us-east-1:123456789012:stackset/SC-1:x'), false);
  });
});
