import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { awsCliArgs, awsCliCandidates, awsCliText, cliTaskProblem, fixActionLabel, InvalidProfileNameError, parseAwsCliVersion } from '../../../src/core/awsCli';
import { isProfileName } from '../../../src/core/connection';

describe('AWS CLI tasks', () => {
  it('passes the profile as one argument of its own', () => {
    assert.deepEqual(awsCliArgs('sso-login', 'dev-sso'), ['sso', 'login', '--profile', 'dev-sso']);
    assert.deepEqual(awsCliArgs('sso-login'), ['sso', 'login']);
    assert.equal(awsCliText('sso-login', 'team/dev@acme.io'), 'aws sso login --profile team/dev@acme.io');
  });

  it('refuses a profile setting that is not a profile name (a workspace file can set it)', () => {
    for (const bad of ['100%PATH%', 'SSO expired; touch pwned #', 'dev && curl evil', '$(touch pwned)', '`id`', 'a b', '--debug', 'dev\nrm -rf ~', '__proto__', '']) {
      assert.equal(isProfileName(bad), false, bad);
      if (bad) assert.throws(() => awsCliArgs('sso-login', bad), InvalidProfileNameError, bad);
    }
    assert.equal(fixActionLabel('sso-login', 'SSO expired; touch pwned #'), undefined, 'no action is offered for it');
  });

  it('accepts the names the shared config grammar allows', () => {
    for (const good of ['default', 'dev', 'dev_sso', 'team-a.prod', 'a+b@c', 'org:role/admin']) assert.equal(isProfileName(good), true, good);
  });

  it('knows only its own tasks', () => {
    assert.throws(() => awsCliArgs('touch pwned' as never), /Unknown AWS CLI task/);
  });

  it('looks for the CLI only in absolute PATH entries outside the workspace', () => {
    const found = awsCliCandidates('.:bin:/repo/tools:/usr/local/bin::/repo:/usr/bin/', 'linux', ['/repo'], path.posix.join);
    assert.deepEqual(found, ['/usr/local/bin/aws', '/usr/bin/aws']);
    assert.deepEqual(awsCliCandidates('/repo-other/bin', 'linux', ['/repo'], path.posix.join), ['/repo-other/bin/aws'], 'a sibling folder is not inside');
    assert.deepEqual(
      awsCliCandidates('C:\\Repo\\bin;tools;C:\\Program Files\\Amazon\\AWSCLIV2\\', 'win32', ['c:/repo'], path.win32.join),
      ['C:\\Program Files\\Amazon\\AWSCLIV2\\aws.exe'],
      'on Windows only aws.exe, never a .cmd through cmd',
    );
    assert.deepEqual(awsCliCandidates(undefined, 'linux', [], path.posix.join), []);
  });
});

describe('AWS CLI versions', () => {
  it('reads the major version from aws --version, v1 and v2', () => {
    const v1 = parseAwsCliVersion('aws-cli/1.45.11 Python/3.11.7 Linux/6.18.44-fc-v1045 botocore/1.43.11');
    const v2 = parseAwsCliVersion('aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22 prompt/off');
    assert.deepEqual(v1, { major: 1, version: '1.45.11' });
    assert.deepEqual(v2, { major: 2, version: '2.15.30' });
    assert.equal(parseAwsCliVersion('command not found'), undefined);
    assert.match(cliTaskProblem('configure-sso', v1)!, /needs the AWS CLI v2; the aws on PATH is version 1\.45\.11/);
    assert.match(cliTaskProblem('sso-login', v1)!, /needs the AWS CLI v2/);
    assert.equal(cliTaskProblem('configure', v1), undefined);
    assert.equal(cliTaskProblem('configure-sso', v2), undefined);
    assert.match(cliTaskProblem('configure', undefined)!, /not on PATH/);
  });
});
