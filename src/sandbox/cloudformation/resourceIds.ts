// Physical ids that look like the ones CloudFormation's resource types really get, deterministic
// from the stack and the logical id (a stack that creates a resource again gets the same one).
import { hash32 } from '../service/state';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function hex(key: string, length: number): string {
  let out = '';
  for (let seed = 1; out.length < length; seed++) out += hash32(key, seed * 0x9e3779b9).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

function alnum(key: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += ALNUM[hash32(`${key}/${i}`) % ALNUM.length];
  return out;
}

/** A time-based (version 1) UUID's shape, as CloudFormation's stack ids and stack event ids have. */
export function uuidShape(key: string): string {
  const h = hex(key, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-1${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface StackOrigin { readonly stackName: string; readonly region: string; readonly account: string }

/** CloudFormation's generated names: <stack>-<logical id>-<suffix>, within the type's length limit. */
function generatedName(origin: StackOrigin, logicalId: string, max: number, lower: boolean): string {
  const suffix = alnum(`${origin.stackName}/${logicalId}`, 12);
  const name = `${origin.stackName.slice(0, max - logicalId.length - 14)}-${logicalId}-${suffix}`.slice(0, max);
  return lower ? name.toLowerCase() : name;
}

export function physicalIdOf(type: string, logicalId: string, origin: StackOrigin): string {
  const key = `${origin.stackName}/${logicalId}`;
  const { region, account } = origin;
  switch (type) {
    case 'AWS::S3::Bucket': return generatedName(origin, logicalId, 63, true);
    case 'AWS::RDS::DBInstance': return generatedName(origin, logicalId, 63, true);
    case 'AWS::RDS::DBSubnetGroup': return generatedName(origin, logicalId, 255, true);
    case 'AWS::EC2::SecurityGroup': return `sg-0${hex(key, 16)}`;
    case 'AWS::EC2::Instance': return `i-0${hex(key, 16)}`;
    case 'AWS::EMR::Cluster': return `j-${alnum(key, 13)}`;
    case 'AWS::CloudFront::Distribution': return `E${alnum(key, 13)}`;
    case 'AWS::CloudFront::CachePolicy': return uuidShape(key).replace(/-1/, '-4');
    case 'AWS::ECS::Service': return `arn:aws:ecs:${region}:${account}:service/default/${generatedName(origin, logicalId, 255, false)}`;
    case 'AWS::ECS::TaskDefinition': return `arn:aws:ecs:${region}:${account}:task-definition/${generatedName(origin, logicalId, 255, false)}:1`;
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer': return `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/app/${alnum(key, 12)}/${hex(key, 16)}`;
    case 'AWS::SNS::Topic': return `arn:aws:sns:${region}:${account}:${generatedName(origin, logicalId, 256, false)}`;
    case 'AWS::IAM::Role': return generatedName(origin, logicalId, 64, false);
    case 'AWS::Organizations::Account': return String(100000000000 + (hash32(key) % 899999999999)).padStart(12, '0');
    default: return generatedName(origin, logicalId, 255, false);
  }
}
