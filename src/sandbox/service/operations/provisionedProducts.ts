// Reading provisioned products: SearchProvisionedProducts, ScanProvisionedProducts,
// DescribeProvisionedProduct and GetProvisionedProductOutputs.
import type { OpEnv } from '../env';
import { fail } from '../errors';
import { principalOf } from '../launchPaths';
import { resolveProvisionedProduct } from '../lookup';
import { pageOf } from '../paging';
import { provisionedProductAttribute, provisionedProductDetail } from '../render';
import { compileSearchQueries, type SearchableValues } from '../searchQuery';
import type { CatalogState } from '../state';
import type { ProvisionedProduct } from '../types';
import { offsetFrom, ownerFilter } from './access';

const SORT_FIELDS = new Map<string, (pp: ProvisionedProduct) => string>([
  ['arn', (pp) => pp.arn],
  ['id', (pp) => pp.id],
  ['name', (pp) => pp.name],
  ['lastRecordId', (pp) => pp.lastRecordId ?? ''],
]);

export function searchProvisionedProducts(input: Record<string, any>, env: OpEnv) {
  const owned = ownerFilter(env, input.AccessLevelFilter, 'Account');
  const matches = compileSearchQueries(input.Filters?.SearchQuery ?? []);
  const sortKey = input.SortBy === undefined ? undefined : SORT_FIELDS.get(input.SortBy);
  if (input.SortBy !== undefined && !sortKey) {
    fail(env.operation, 'invalidParameters', `SortBy must be one of ${[...SORT_FIELDS.keys()].join(', ')}.`);
  }
  const offset = offsetFrom(env, input.PageToken);
  const found: ProvisionedProduct[] = [];
  // Search reads a lagging index (searchLagMs); Scan and Describe read the current state.
  for (const pp of env.state.searchableProvisionedProducts(env.now)) {
    if (owned(pp.userArn) && matches(searchableValues(env.state, pp))) found.push(pp);
  }
  if (sortKey) {
    const direction = input.SortOrder === 'DESCENDING' ? -1 : 1;
    found.sort((a, b) => direction * compareText(sortKey(a), sortKey(b)));
  }
  const page = pageOf(found, offset, input.PageSize, 20, env.operation);
  return {
    ProvisionedProducts: page.items.map((pp) => provisionedProductAttribute(pp, env.state)),
    TotalResultsCount: found.length,
    NextPageToken: page.nextPageToken,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function searchableValues(state: CatalogState, pp: ProvisionedProduct): SearchableValues {
  return (field) => {
    switch (field) {
      case 'id': return pp.id;
      case 'name': return pp.name;
      case 'arn': return pp.arn;
      case 'status': return pp.status;
      case 'type': return pp.type;
      case 'productId': return pp.productId;
      case 'productName': return state.product(pp.productId)?.name;
      case 'provisioningArtifactId': return pp.artifactId;
      case 'provisioningArtifactName': return state.product(pp.productId)?.artifacts.find((a) => a.id === pp.artifactId)?.name;
      case 'lastRecordId': return pp.lastRecordId;
      case 'lastProvisioningRecordId': return pp.lastProvisioningRecordId;
      case 'lastSuccessfulProvisioningRecordId': return pp.lastSuccessfulProvisioningRecordId;
      case 'idempotencyToken': return pp.idempotencyToken;
      case 'userArn': return principalOf(pp.userArn);
      case 'userArnSession': return pp.userArn;
      case 'physicalId': return pp.physicalId;
      case 'tags': return pp.tags.map((t) => `${t.Key}=${t.Value}`);
      case 'createdTime': return new Date(pp.createdTime).toISOString();
    }
  };
}

export function scanProvisionedProducts(input: Record<string, any>, env: OpEnv) {
  const owned = ownerFilter(env, input.AccessLevelFilter, 'User');
  const offset = offsetFrom(env, input.PageToken);
  const found: ProvisionedProduct[] = [];
  for (const pp of env.state.liveProvisionedProducts()) if (owned(pp.userArn)) found.push(pp);
  const page = pageOf(found, offset, input.PageSize, 20, env.operation);
  return { ProvisionedProducts: page.items.map(provisionedProductDetail), NextPageToken: page.nextPageToken };
}

export function describeProvisionedProduct(input: Record<string, any>, env: OpEnv) {
  const pp = resolveProvisionedProduct(env, input.Id, input.Name, 'Id', 'Name');
  return { ProvisionedProductDetail: provisionedProductDetail(pp), CloudWatchDashboards: [] };
}

export function getProvisionedProductOutputs(input: Record<string, any>, env: OpEnv) {
  const pp = outputsOf(env, input.ProvisionedProductId, input.ProvisionedProductName);
  const wanted: string[] | undefined = input.OutputKeys?.length ? input.OutputKeys : undefined;
  const outputs = wanted ? pp.outputs.filter((o) => wanted.includes(o.OutputKey)) : pp.outputs;
  const page = pageOf(outputs, offsetFrom(env, input.PageToken), input.PageSize, 20, env.operation);
  return { Outputs: page.items, NextPageToken: page.nextPageToken };
}

/**
 * The provisioned product whose outputs are asked for. An unknown name is answered in the service's
 * words for it, ResourceNotFoundException "No stack named spoke-vpc exists."
 * (awslabs/aws-service-catalog-puppet#490).
 */
function outputsOf(env: OpEnv, id: string | undefined, nameOrArn: string | undefined): ProvisionedProduct {
  if (id === undefined && nameOrArn !== undefined && !nameOrArn.startsWith('arn:') && !env.state.liveProvisionedProductByName(nameOrArn)) {
    fail(env.operation, 'notFound', `No stack named ${nameOrArn} exists.`);
  }
  return resolveProvisionedProduct(env, id, nameOrArn);
}
