import * as assert from 'node:assert/strict';
import type { DescribeProvisioningParametersOutput, ProvisioningArtifactParameter } from '@aws-sdk/client-service-catalog';
import {
  buildProvisioningForm, buildUpdateForm, buildUpdateFormFromCurrent, diffParameters, isValidIdempotencyToken, newIdempotencyToken, redactNoEcho,
  toProvisionInput, toUpdateInput, validateNotificationArn, validateParameterValue, validateProvisionedProductName,
  validateProvisioningSubmission, validateRoleArn, type ParameterField, type ProvisioningSubmission,
} from '../../../../src/core/parameters';
import { additionalUsageInstructions, labelFromKey } from '../../../../src/core/parameters/formModel';

const PARAMETERS: ProvisioningArtifactParameter[] = [
  {
    ParameterKey: 'InstanceType', DefaultValue: 't3.micro', ParameterType: 'String', IsNoEcho: false,
    Description: 'EC2 instance type', ParameterConstraints: { AllowedValues: ['t3.micro', 't3.small', 'm5.large'] },
  },
  {
    ParameterKey: 'DBPassword', ParameterType: 'String', IsNoEcho: true, Description: 'Database admin password',
    ParameterConstraints: { MinLength: '8', MaxLength: '41', AllowedPattern: '[a-zA-Z0-9]*', ConstraintDescription: 'must contain only alphanumeric characters (8-41).' },
  },
  {
    ParameterKey: 'DesiredCapacity', DefaultValue: '2', ParameterType: 'Number', IsNoEcho: false,
    ParameterConstraints: { MinValue: '1', MaxValue: '10' },
  },
  { ParameterKey: 'SubnetIds', ParameterType: 'List<AWS::EC2::Subnet::Id>', IsNoEcho: false, ParameterConstraints: { AllowedPattern: 'subnet-[0-9a-f]+' } },
  { ParameterKey: 'AllowedCidrs', DefaultValue: '10.0.0.0/8', ParameterType: 'CommaDelimitedList', IsNoEcho: false, ParameterConstraints: {} },
  { ParameterKey: 'BucketName', ParameterType: 'String', IsNoEcho: false, ParameterConstraints: { AllowedPattern: '[a-z0-9.-]{3,63}' } },
  { ParameterKey: 'Environment', DefaultValue: '', ParameterType: 'String', IsNoEcho: false, ParameterConstraints: { MaxLength: '4' } },
];

const DESCRIBE_OUTPUT: DescribeProvisioningParametersOutput = {
  ProvisioningArtifactParameters: PARAMETERS,
  ConstraintSummaries: [
    { Type: 'LAUNCH', Description: 'Launched with arn:aws:iam::123456789012:role/SCLaunchRole' },
    { Type: 'TEMPLATE', Description: 'Restricts instance types' },
  ],
  UsageInstructions: [{ Type: 'rules', Value: '{}' }, { Type: 'version', Value: '2010-09-09' }],
  TagOptions: [
    { Key: 'CostCenter', Values: ['1000', '2000'] },
    { Key: 'Owner', Values: ['platform-team'] },
    { Key: 'CostCenter', Values: ['3000', '1000'] },
  ],
  ProvisioningArtifactOutputs: [{ Key: 'WebsiteURL', Description: 'URL' }],
};

const STACK_SET_OUTPUT: DescribeProvisioningParametersOutput = {
  ProvisioningArtifactParameters: [],
  ConstraintSummaries: [{ Type: 'STACKSET', Description: 'Stack set' }],
  TagOptions: [],
  ProvisioningArtifactPreferences: { StackSetAccounts: ['111111111111', '222222222222'], StackSetRegions: ['us-east-1', 'eu-west-1'] },
};

const form = buildProvisioningForm(DESCRIBE_OUTPUT);
const field = (key: string): ParameterField => form.fields.find((f) => f.key === key)!;

const VALID: ProvisioningSubmission = {
  provisionedProductName: 'web-app_1.prod',
  parameters: { DBPassword: 'Secret123', SubnetIds: 'subnet-0a1b, subnet-2c3d', BucketName: 'my.bucket-1', InstanceType: 't3.small' },
  tags: [{ key: 'CostCenter', value: '2000' }, { key: 'Owner', value: 'platform-team' }, { key: 'team', value: 'web' }],
};

describe('buildProvisioningForm', () => {
  it('makes one field per parameter with kind, label, default and required', () => {
    const summary = form.fields.map((f) => [f.key, f.kind, f.required]);
    assert.deepEqual(summary, [
      ['InstanceType', 'select', false], ['DBPassword', 'password', true], ['DesiredCapacity', 'number', false],
      ['SubnetIds', 'list', true], ['AllowedCidrs', 'list', false], ['BucketName', 'text', true], ['Environment', 'text', false],
    ]);
    assert.equal(field('DBPassword').label, 'DB Password');
    assert.equal(field('InstanceType').description, 'EC2 instance type');
    assert.deepEqual(field('DesiredCapacity').constraints, { minValue: 1, maxValue: 10 });
    assert.equal(field('Environment').defaultValue, '');
  });

  it('groups tag options by key, all keys required, single values preselected', () => {
    assert.deepEqual(form.tagOptions, [
      { key: 'CostCenter', values: ['1000', '2000', '3000'], required: true },
      { key: 'Owner', values: ['platform-team'], required: true, defaultValue: 'platform-team' },
    ]);
  });

  it('keeps usage instructions and constraint summaries for display and finds the launch role', () => {
    assert.equal(form.launchRoleArn, 'arn:aws:iam::123456789012:role/SCLaunchRole');
    assert.deepEqual(form.usageInstructions.map((u) => u.type), ['rules', 'version']);
    assert.deepEqual(form.constraintSummaries.map((c) => c.type), ['LAUNCH', 'TEMPLATE']);
  });

  it('shows only the usage instructions that add to the constraints list', () => {
    const instructions = [
      { type: 'rules', value: '{"Rule1":{}}' }, { type: 'version', value: '2010-09-09' },
      { type: 'launchAsRole', value: 'arn:aws:iam::123456789012:role/SCLaunchRole' }, { type: 'tagUpdateOnProvisionedProduct', value: 'ALLOWED' },
      { type: 'notes', value: 'Launched with arn:aws:iam::123456789012:role/SCLaunchRole' }, { type: 'blank', value: ' ' },
      { type: 'support', value: 'Ask #platform before choosing m5.large' },
    ];
    assert.deepEqual(additionalUsageInstructions({ ...form, usageInstructions: instructions }), [{ type: 'support', value: 'Ask #platform before choosing m5.large' }]);
    assert.deepEqual(additionalUsageInstructions(form), [], 'rules {} and the template version repeat nothing worth showing');
  });

  it('has a stack-set section only when ProvisioningArtifactPreferences names accounts or regions', () => {
    assert.equal(form.stackSet, undefined);
    assert.equal(buildProvisioningForm({ ...STACK_SET_OUTPUT, ProvisioningArtifactPreferences: {}, ConstraintSummaries: [] }).stackSet, undefined, 'an empty preferences object is a plain stack');
    assert.deepEqual(buildProvisioningForm(STACK_SET_OUTPUT).stackSet, {
      accounts: ['111111111111', '222222222222'], regions: ['us-east-1', 'eu-west-1'],
    });
  });

  it('is plain JSON', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(form)), form);
  });
});

describe('labelFromKey', () => {
  const cases: [string, string][] = [
    ['InstanceType', 'Instance Type'], ['DBInstanceClass', 'DB Instance Class'], ['VpcId', 'Vpc Id'], ['WebsiteURL', 'Website URL'],
    ['VolumeSizeGiB', 'Volume Size GiB'], ['MemoryMiB', 'Memory MiB'], ['SizeInKB', 'Size In KB'], ['ThroughputMBps', 'Throughput MBps'],
    ['MaxIOPSPerGiB', 'Max IOPS Per GiB'], ['KmsKeyARN', 'Kms Key ARN'], ['S3BucketName', 'S3 Bucket Name'], ['EC2InstanceType', 'EC2 Instance Type'],
    ['Ec2Count', 'Ec2 Count'], ['IPv6CidrBlock', 'IPv6 Cidr Block'], ['NumberOf2xxErrors', 'Number Of2xx Errors'],
    ['vpc_id', 'vpc id'], ['bucket-prefix', 'bucket prefix'], ['Größe', 'Größe'], ['__', '__'],
  ];
  for (const [key, label] of cases) {
    it(`${key} → ${label}`, () => assert.equal(labelFromKey(key), label));
  }
});

describe('validateParameterValue', () => {
  it('AllowedValues', () => {
    assert.equal(validateParameterValue(field('InstanceType'), 'm5.large'), undefined);
    assert.equal(validateParameterValue(field('InstanceType'), 'm5.xlarge'), 'Instance Type must be one of: t3.micro, t3.small, m5.large.');
  });

  it('AllowedPattern matches the whole value and ConstraintDescription replaces the default message', () => {
    assert.equal(validateParameterValue(field('DBPassword'), 'abcDEF123'), undefined);
    assert.equal(validateParameterValue(field('DBPassword'), 'abc-DEF-123'), 'must contain only alphanumeric characters (8-41).');
    assert.equal(validateParameterValue(field('BucketName'), 'Upper.Case'), 'Bucket Name must match the pattern [a-z0-9.-]{3,63}.');
    assert.equal(validateParameterValue(field('BucketName'), 'ok-bucket Bad'), 'Bucket Name must match the pattern [a-z0-9.-]{3,63}.', 'a partial match is not enough');
  });

  it('MinLength and MaxLength', () => {
    assert.equal(validateParameterValue(field('DBPassword'), 'short1'), 'must contain only alphanumeric characters (8-41).');
    assert.equal(validateParameterValue(field('DBPassword'), 'a'.repeat(42)), 'must contain only alphanumeric characters (8-41).');
    assert.equal(validateParameterValue(field('Environment'), 'stage'), 'Environment must be at most 4 characters.');
    assert.equal(validateParameterValue(field('Environment'), 'prod'), undefined);
  });

  it('Number type, MinValue and MaxValue', () => {
    assert.equal(validateParameterValue(field('DesiredCapacity'), 'three'), 'Desired Capacity must be a number.');
    assert.equal(validateParameterValue(field('DesiredCapacity'), '0'), 'Desired Capacity must be at least 1.');
    assert.equal(validateParameterValue(field('DesiredCapacity'), '11'), 'Desired Capacity must be at most 10.');
    assert.equal(validateParameterValue(field('DesiredCapacity'), '10'), undefined);
    assert.equal(validateParameterValue(field('DesiredCapacity'), '2.5'), undefined);
  });

  it('checks each item of a list parameter', () => {
    assert.equal(validateParameterValue(field('SubnetIds'), 'subnet-0a1b,subnet-ffff'), undefined);
    assert.equal(validateParameterValue(field('SubnetIds'), 'subnet-0a1b,sg-1234'), 'Subnet Ids must match the pattern subnet-[0-9a-f]+.');
  });

  it('required only when there is no default', () => {
    assert.equal(validateParameterValue(field('BucketName'), ''), 'Bucket Name is required.');
    assert.equal(validateParameterValue(field('BucketName'), undefined), 'Bucket Name is required.');
    assert.equal(validateParameterValue(field('DesiredCapacity'), ''), undefined);
  });
});

describe('validateProvisioningSubmission', () => {
  it('accepts a valid submission', () => {
    assert.deepEqual(validateProvisioningSubmission(form, VALID), { valid: true, errors: {} });
  });

  it('reports every problem by field path', () => {
    const { valid, errors } = validateProvisioningSubmission(form, {
      provisionedProductName: '-bad name',
      parameters: { DBPassword: 'x', DesiredCapacity: '99', Unknown: '1' },
      tags: [{ key: 'CostCenter', value: '9999' }, { key: 'aws:reserved', value: 'x' }, { key: 'a', value: '' }, { key: 'a', value: 'b'.repeat(257) }],
    });
    assert.equal(valid, false);
    assert.deepEqual(Object.keys(errors).sort(), [
      'name', 'parameters.BucketName', 'parameters.DBPassword', 'parameters.DesiredCapacity', 'parameters.SubnetIds',
      'parameters.Unknown', 'tagOptions.CostCenter', 'tagOptions.Owner', 'tags.1.key', 'tags.2.value', 'tags.3.key', 'tags.3.value',
    ]);
    assert.match(errors['tagOptions.CostCenter'], /must be one of: 1000, 2000, 3000/);
    assert.match(errors['tags.3.key'], /used twice/);
  });

  it('flags a free tag repeating a TagOption key on that tag\'s key (TagOption choices come first)', () => {
    const tags = [...VALID.tags!, { key: 'CostCenter', value: '1000' }];
    const { errors } = validateProvisioningSubmission(form, { ...VALID, tags });
    assert.deepEqual(Object.keys(errors), ['tags.3.key']);
    assert.match(errors['tags.3.key'], /CostCenter is a TagOption: choose its value in the CostCenter field/);
  });

  it('validates notification ARNs', () => {
    const result = validateProvisioningSubmission(form, {
      ...VALID, notificationArns: ['arn:aws:sns:us-east-1:123456789012:cfn-events', 'arn:aws:sqs:us-east-1:123456789012:q'],
    });
    assert.deepEqual(Object.keys(result.errors), ['notificationArns.1']);
  });

  describe('stack-set preferences', () => {
    const stackSetForm = buildProvisioningForm(STACK_SET_OUTPUT);
    const submit = (stackSet: ProvisioningSubmission['stackSet']) =>
      validateProvisioningSubmission(stackSetForm, { provisionedProductName: 'ss', parameters: {}, stackSet }).errors;

    it('accepts chosen accounts and Regions with one of each pair', () => {
      assert.deepEqual(submit({ accounts: ['111111111111'], regions: ['eu-west-1'], failureToleranceCount: '1', maxConcurrencyPercentage: '50' }), {});
    });

    it('rejects malformed or unlisted accounts and Regions', () => {
      const errors = submit({ accounts: ['12345', '333333333333'], regions: ['us-east', 'ap-south-1'] });
      assert.deepEqual(Object.keys(errors).sort(), ['stackSet.accounts.0', 'stackSet.accounts.1', 'stackSet.regions.0', 'stackSet.regions.1']);
      assert.match(errors['stackSet.accounts.0'], /12-digit/);
      assert.match(errors['stackSet.regions.1'], /not allowed by the stack set constraint/);
    });

    it('never both count and percentage', () => {
      const errors = submit({ failureToleranceCount: 1, failureTolerancePercentage: 10, maxConcurrencyCount: 2, maxConcurrencyPercentage: 20 });
      assert.deepEqual(Object.keys(errors).sort(), [
        'stackSet.failureToleranceCount', 'stackSet.failureTolerancePercentage', 'stackSet.maxConcurrencyCount', 'stackSet.maxConcurrencyPercentage',
      ]);
    });

    it('percentages within their bounds, counts whole numbers', () => {
      assert.deepEqual(Object.keys(submit({ failureTolerancePercentage: '101' })), ['stackSet.failureTolerancePercentage']);
      assert.deepEqual(Object.keys(submit({ failureTolerancePercentage: '0' })), []);
      assert.deepEqual(Object.keys(submit({ maxConcurrencyPercentage: '0' })), ['stackSet.maxConcurrencyPercentage']);
      assert.deepEqual(Object.keys(submit({ maxConcurrencyCount: '1.5' })), ['stackSet.maxConcurrencyCount']);
      assert.deepEqual(Object.keys(submit({ failureToleranceCount: '-1' })), ['stackSet.failureToleranceCount']);
    });

    it('refuses stack-set preferences for a product without them', () => {
      assert.ok(validateProvisioningSubmission(form, { ...VALID, stackSet: { regions: ['us-east-1'] } }).errors.stackSet);
    });
  });
});

describe('simple validators', () => {
  it('provisioned product name', () => {
    assert.equal(validateProvisionedProductName('a'), undefined);
    assert.equal(validateProvisionedProductName('a'.repeat(128)), undefined);
    assert.ok(validateProvisionedProductName('a'.repeat(129)));
    assert.ok(validateProvisionedProductName(''));
    assert.ok(validateProvisionedProductName('_x'));
    assert.ok(validateProvisionedProductName('my app'));
  });

  it('IAM role ARN in the commercial, China and GovCloud partitions', () => {
    assert.equal(validateRoleArn('arn:aws:iam::123456789012:role/SCLaunchRole'), undefined);
    assert.equal(validateRoleArn('arn:aws-cn:iam::123456789012:role/service-role/Launch'), undefined);
    assert.equal(validateRoleArn('arn:aws-us-gov:iam::123456789012:role/Launch'), undefined);
    assert.ok(validateRoleArn('arn:aws:iam::12345:role/Launch'));
    assert.ok(validateRoleArn('arn:aws:iam::123456789012:user/bob'));
    assert.ok(validateRoleArn('arn:aws:iam::123456789012:role/'));
  });

  it('SNS notification ARN', () => {
    assert.equal(validateNotificationArn('arn:aws-us-gov:sns:us-gov-west-1:123456789012:topic.fifo'), undefined);
    assert.ok(validateNotificationArn('arn:aws:sns:us-east-1:123:topic'));
  });

  it('idempotency tokens are fresh and fit the model', () => {
    const tokens = new Set(Array.from({ length: 50 }, newIdempotencyToken));
    assert.equal(tokens.size, 50);
    for (const token of tokens) assert.ok(isValidIdempotencyToken(token), token);
    assert.equal(isValidIdempotencyToken('-abc'), false);
    assert.equal(isValidIdempotencyToken('a'.repeat(129)), false);
  });
});

describe('update forms', () => {
  const current = { InstanceType: 't3.micro', DBPassword: '****', DesiredCapacity: '3', SubnetIds: 'subnet-1', BucketName: 'b-1' };
  const newVersion: ProvisioningArtifactParameter[] = [
    ...PARAMETERS.filter((p) => p.ParameterKey !== 'Environment'),
    { ParameterKey: 'LogRetentionDays', ParameterType: 'Number', IsNoEcho: false },
  ];
  const updateForm = buildUpdateForm({ ...DESCRIBE_OUTPUT, ProvisioningArtifactParameters: newVersion }, current);
  const updateField = (key: string) => updateForm.fields.find((f) => f.key === key)!;

  it('prefills previous values, keeps NoEcho ones by default and never exposes them', () => {
    assert.equal(updateForm.mode, 'update');
    assert.equal(updateField('DesiredCapacity').previousValue, '3');
    assert.equal(updateField('DesiredCapacity').keepPreviousByDefault, false);
    assert.equal(updateField('DBPassword').keepPreviousByDefault, true);
    assert.equal(updateField('DBPassword').previousValue, undefined);
    assert.equal(updateField('DBPassword').required, false);
    assert.equal(updateField('LogRetentionDays').canKeepPrevious, false);
    assert.equal(updateField('LogRetentionDays').required, true);
  });

  it('with values the service did not give: shows none as current, keeps every one, and only offers what was last sent', () => {
    const sentAt = '2026-12-01T10:00:00.000Z';
    const lastSent = { DesiredCapacity: { value: '4', sentAt }, DBPassword: { value: 'leaked?', sentAt }, LogRetentionDays: { value: '9', sentAt } };
    const output = { ...DESCRIBE_OUTPUT, ProvisioningArtifactParameters: newVersion };
    const form = buildUpdateFormFromCurrent(output, { known: false, keys: Object.keys(current) }, lastSent);
    const field = (key: string) => form.fields.find((f) => f.key === key)!;
    for (const f of form.fields.filter((f) => f.canKeepPrevious)) {
      assert.equal(f.previousValue, undefined, `${f.key}: no value is shown as current`);
      assert.equal(f.keepPreviousByDefault, true, `${f.key}: keeps its value unless changed`);
    }
    assert.deepEqual(field('DesiredCapacity').lastSent, { value: '4', sentAt });
    assert.equal(field('DBPassword').lastSent, undefined, 'a NoEcho value is never offered');
    assert.equal(field('LogRetentionDays').canKeepPrevious, false, 'new in this version: nothing to keep');
    assert.equal(field('LogRetentionDays').lastSent, undefined);
    const known = buildUpdateFormFromCurrent(output, { known: true, values: current }, lastSent);
    assert.equal(known.fields.find((f) => f.key === 'DesiredCapacity')!.previousValue, '3', 'a value the service gave is shown');
  });

  it('offers the last sent value only where it differs from the value in use', () => {
    const sentAt = '2026-12-01T10:00:00.000Z';
    const output = { ...DESCRIBE_OUTPUT, ProvisioningArtifactParameters: newVersion };
    const inUse = { ...current, DesiredCapacity: '3', InstanceType: 't3.micro' };
    const lastSent = { DesiredCapacity: { value: '3', sentAt }, InstanceType: { value: 't3.large', sentAt } };
    const form = buildUpdateFormFromCurrent(output, { known: true, values: inUse }, lastSent);
    const field = (key: string) => form.fields.find((f) => f.key === key)!;
    assert.equal(field('DesiredCapacity').lastSent, undefined, 'the value in use is the one last sent: nothing to offer');
    assert.deepEqual(field('InstanceType').lastSent, { value: 't3.large', sentAt }, 'another value in use: the last sent one is offered');
  });

  it('validates keep/replace and builds UpdateProvisionedProduct input', () => {
    const keep: ProvisioningSubmission = { parameters: { DesiredCapacity: '4', LogRetentionDays: '30', InstanceType: '' }, keepPrevious: ['DBPassword', 'SubnetIds'] };
    assert.deepEqual(validateProvisioningSubmission(updateForm, keep).errors, {});
    const input = toUpdateInput(updateForm, keep, 'tok-1', { provisionedProductId: 'pp-1', productId: 'prod-1', provisioningArtifactId: 'pa-2' });
    assert.deepEqual(input, {
      ProvisionedProductId: 'pp-1', ProductId: 'prod-1', ProvisioningArtifactId: 'pa-2',
      ProvisioningParameters: [
        { Key: 'DesiredCapacity', Value: '4' }, { Key: 'LogRetentionDays', Value: '30' },
        { Key: 'DBPassword', UsePreviousValue: true }, { Key: 'SubnetIds', UsePreviousValue: true },
      ],
      UpdateToken: 'tok-1',
    });
    const replace = { parameters: { DBPassword: 'NewSecret99', LogRetentionDays: '7' } };
    assert.deepEqual(validateProvisioningSubmission(updateForm, replace).errors, {});
    const keptNew = validateProvisioningSubmission(updateForm, { parameters: {}, keepPrevious: ['LogRetentionDays'] }).errors;
    assert.match(keptNew['parameters.LogRetentionDays'], /no previous value/);
    const withTags = validateProvisioningSubmission(updateForm, { ...replace, tags: [{ key: 'Owner', value: 'platform-team' }] }).errors;
    assert.deepEqual(Object.keys(withTags), ['tagOptions.CostCenter'], 'sending tags on update replaces them all: required keys apply');
  });

  it('diffParameters lists added, removed and changed keys', () => {
    const changedVersion = newVersion.map((p) => (p.ParameterKey === 'DesiredCapacity' ? { ...p, DefaultValue: '3', ParameterConstraints: { MinValue: '2' } } : p));
    assert.deepEqual(diffParameters(PARAMETERS, changedVersion), {
      added: ['LogRetentionDays'], removed: ['Environment'], changed: [{ key: 'DesiredCapacity', aspects: ['default', 'constraints'] }],
    });
    assert.deepEqual(diffParameters(PARAMETERS, PARAMETERS), { added: [], removed: [], changed: [] });
  });
});

describe('toProvisionInput', () => {
  it('maps the submission and omits empty optional values', () => {
    const input = toProvisionInput(form, { ...VALID, parameters: { ...VALID.parameters, Environment: '' } }, 'tok-9', { productId: 'prod-1', provisioningArtifactId: 'pa-1' });
    assert.deepEqual(input, {
      ProductId: 'prod-1', ProvisioningArtifactId: 'pa-1', ProvisionedProductName: 'web-app_1.prod',
      ProvisioningParameters: [
        { Key: 'InstanceType', Value: 't3.small' }, { Key: 'DBPassword', Value: 'Secret123' },
        { Key: 'SubnetIds', Value: 'subnet-0a1b, subnet-2c3d' }, { Key: 'BucketName', Value: 'my.bucket-1' },
      ],
      Tags: [{ Key: 'CostCenter', Value: '2000' }, { Key: 'Owner', Value: 'platform-team' }, { Key: 'team', Value: 'web' }],
      ProvisionToken: 'tok-9',
    });
  });

  it('builds stack-set preferences with numbers and notification ARNs', () => {
    const stackSetForm = buildProvisioningForm(STACK_SET_OUTPUT);
    const input = toProvisionInput(stackSetForm, {
      provisionedProductName: 'ss', parameters: {}, notificationArns: ['arn:aws:sns:us-east-1:123456789012:t'],
      stackSet: { accounts: [], regions: ['us-east-1'], failureTolerancePercentage: '10', maxConcurrencyCount: '' },
    }, 'tok', { productId: 'p', provisioningArtifactId: 'a', pathId: 'lp-1' });
    assert.deepEqual(input.ProvisioningPreferences, { StackSetRegions: ['us-east-1'], StackSetFailureTolerancePercentage: 10 });
    assert.deepEqual(input.NotificationArns, ['arn:aws:sns:us-east-1:123456789012:t']);
    assert.equal(input.PathId, 'lp-1');
    assert.equal('Tags' in input, false);
  });
});

describe('redactNoEcho', () => {
  it('masks NoEcho values only, without touching the input', () => {
    const values = { DBPassword: 'Secret123', InstanceType: 't3.small' };
    assert.deepEqual(redactNoEcho(form, values), { DBPassword: '****', InstanceType: 't3.small' });
    assert.equal(values.DBPassword, 'Secret123');
  });

  it('leaves out values left empty: they are not sent, so the log does not show them as ""', () => {
    assert.deepEqual(redactNoEcho(form, { InstanceType: 't3.small', CoreNodeCount: '' }), { InstanceType: 't3.small' });
  });
});
