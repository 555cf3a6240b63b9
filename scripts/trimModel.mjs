// Copies an official model (botocore service-2.json, or .json.gz) into the sandbox, keeping only
// the operations the sandbox serves and the shapes they reach, without documentation.
// Usage: node scripts/trimModel.mjs [path/to/service-2.json]              (Service Catalog)
//        node scripts/trimModel.mjs cloudformation [path/to/service-2.json.gz] (default: the installed botocore's)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const SERVICE_CATALOG_OPERATIONS = [
  'SearchProducts', 'DescribeProduct', 'DescribeProductView', 'ListLaunchPaths', 'ListProvisioningArtifacts',
  'DescribeProvisioningParameters', 'ProvisionProduct', 'SearchProvisionedProducts', 'ScanProvisionedProducts',
  'DescribeProvisionedProduct', 'GetProvisionedProductOutputs', 'UpdateProvisionedProduct',
  'TerminateProvisionedProduct', 'DescribeRecord', 'ListRecordHistory', 'ListServiceActionsForProvisioningArtifact',
  'DescribeServiceActionExecutionParameters', 'ExecuteProvisionedProductServiceAction',
  'CreateProvisionedProductPlan', 'DescribeProvisionedProductPlan', 'ListProvisionedProductPlans',
  'ExecuteProvisionedProductPlan', 'DeleteProvisionedProductPlan', 'UpdateProvisionedProductProperties',
  'DescribeProvisioningArtifact', 'ListStackInstancesForProvisionedProduct',
];

const CLOUDFORMATION_OPERATIONS = ['DescribeStacks', 'DescribeStackEvents', 'ListStackResources'];

const botocoreModel = (service, version) => {
  const dir = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim();
  return `${dir}/data/${service}/${version}/service-2.json.gz`;
};

const isCloudFormation = process.argv[2] === 'cloudformation';
const OPERATIONS = isCloudFormation ? CLOUDFORMATION_OPERATIONS : SERVICE_CATALOG_OPERATIONS;
const source = isCloudFormation
  ? process.argv[3] ?? botocoreModel('cloudformation', '2010-05-15')
  : process.argv[2] ?? new URL('../../shared/aws-models/servicecatalog-2015-12-10.service-2.json', import.meta.url).pathname;
const raw = readFileSync(source);
const model = JSON.parse((source.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
const shapes = {};
const strip = (obj) => {
  if (Array.isArray(obj)) return obj.map(strip);
  if (obj && typeof obj === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(obj)) if (k !== 'documentation' && k !== 'documentationUrl') out[k] = strip(v);
    return out;
  }
  return obj;
};
const visit = (name) => {
  if (!name || shapes[name]) return;
  const shape = model.shapes[name];
  shapes[name] = strip(shape);
  for (const m of Object.values(shape.members ?? {})) visit(m.shape);
  visit(shape.member?.shape); visit(shape.key?.shape); visit(shape.value?.shape);
};
const operations = {};
for (const op of OPERATIONS) {
  const o = model.operations[op];
  if (!o) throw new Error(`operation ${op} not in model`);
  operations[op] = strip(o);
  visit(o.input?.shape); visit(o.output?.shape);
  for (const e of o.errors ?? []) visit(e.shape);
}
for (const extra of ['ThrottlingException']) if (model.shapes[extra]) visit(extra);
const out = { metadata: model.metadata, operations, shapes };
const target = isCloudFormation ? 'cloudformation.json' : 'servicecatalog.json';
writeFileSync(new URL(`../src/sandbox/model/${target}`, import.meta.url), JSON.stringify(out, null, 1) + '\n');
console.log(`${Object.keys(operations).length} operations, ${Object.keys(shapes).length} shapes`);
