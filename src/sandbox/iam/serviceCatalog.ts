// How IAM sees each Service Catalog request: its action, the resource it is authorized on and the
// access level (servicecatalog:userLevel / roleLevel / accountLevel) it asks for.
//
// Resources, per the Service Authorization Reference for Service Catalog
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsservicecatalog.html):
// DescribeProduct, DescribeProvisioningArtifact, DescribeProvisioningParameters, ListLaunchPaths,
// ListProvisioningArtifacts, ListServiceActionsForProvisioningArtifact and ProvisionProduct take a
// Product (arn:aws:catalog:<region>:<account>:product/<id>); every other operation served here has no
// resource type, and Service Catalog then asks about `arn:aws:servicecatalog:<region>:<account>:*/*`
// (the resource of a real denial quoted in aws-samples/aws-service-catalog-tools-workshop#61).
//
// Access levels, per the administrator guide's "Example policies for managing provisioned products"
// (https://docs.aws.amazon.com/servicecatalog/latest/adminguide/permissions-examples.html): they are
// hierarchical, so a request at user level also satisfies roleLevel and accountLevel conditions, a
// role-level one roleLevel and accountLevel, an account-level one accountLevel only. A listing asks
// for the level of its AccessLevelFilter (defaults as the model documents them: Account for
// SearchProvisionedProducts, whose API Reference page says User; User elsewhere); a request about one
// provisioned product, record or plan is at user level when the caller owns that product now, at role
// level when another session of the caller's role owns it, and at account level otherwise (someone
// else's product in the same account).
//
// GetProvisionedProductOutputs and UpdateProvisionedProductProperties list no condition keys in that
// reference: IAM judges them on an empty condition context, so only an unconditioned Allow grants them.
import { catalogArn, principalOf } from '../service/launchPaths';

export type AccessLevel = 'user' | 'role' | 'account';

/** Answers about the catalog the authorization needs; `undefined` means the resource does not exist. */
export interface CatalogOwners {
  productIdByName(name: string): string | undefined;
  /** Current owner (UserArn) of a live provisioned product given by id, name or ARN. */
  provisionedProductOwner(id: string | undefined, nameOrArn: string | undefined): string | undefined;
  /** Current owner of the provisioned product a record belongs to. */
  recordOwner(recordId: string): string | undefined;
  /** Current owner of the provisioned product a plan belongs to. */
  planOwner(planId: string): string | undefined;
}

export interface ScopedRequest {
  readonly action: string;
  readonly resource: string;
  /**
   * `missing` when the request names a provisioned product, record or plan that does not exist;
   * `unconditioned` for an action without condition keys (no access level is set).
   */
  readonly level: AccessLevel | 'missing' | 'unconditioned';
}

type Input = Record<string, any>;
type ProductOf = (input: Input, owners: CatalogOwners) => string | undefined;
type LevelOf = (input: Input, owners: CatalogOwners, callerArn: string) => ScopedRequest['level'];

interface OperationScope { readonly product?: ProductOf; readonly level: LevelOf }

const productById = (idField: string, nameField?: string): ProductOf => (input, owners) =>
  input[idField] ?? (nameField && input[nameField] !== undefined ? owners.productIdByName(input[nameField]) ?? '*' : '*');

/** A listing: the level its AccessLevelFilter asks for. */
const filtered = (defaultKey: 'User' | 'Account'): LevelOf => (input) => {
  const key = input.AccessLevelFilter?.Key ?? defaultKey;
  return key === 'Account' ? 'account' : key === 'Role' ? 'role' : 'user';
};

const byOwner = (owner: string | undefined, callerArn: string): AccessLevel | 'missing' => {
  if (owner === undefined) return 'missing';
  if (owner === callerArn) return 'user';
  return principalOf(owner) === principalOf(callerArn) ? 'role' : 'account';
};

const provisionedProduct = (idField: string, nameField?: string): LevelOf => (input, owners, callerArn) =>
  byOwner(owners.provisionedProductOwner(input[idField], nameField ? input[nameField] : undefined), callerArn);

/** Requests that concern only the caller (a launch, the catalog): user level. */
const own: LevelOf = () => 'user';

/** Actions that take no condition keys. */
const unconditioned: LevelOf = () => 'unconditioned';

const SCOPES: Readonly<Record<string, OperationScope>> = {
  SearchProducts: { level: own },
  DescribeProduct: { product: productById('Id', 'Name'), level: own },
  DescribeProductView: { level: own },
  ListLaunchPaths: { product: productById('ProductId'), level: own },
  ListProvisioningArtifacts: { product: productById('ProductId'), level: own },
  DescribeProvisioningArtifact: { product: productById('ProductId', 'ProductName'), level: own },
  DescribeProvisioningParameters: { product: productById('ProductId', 'ProductName'), level: own },
  ProvisionProduct: { product: productById('ProductId', 'ProductName'), level: own },
  ListServiceActionsForProvisioningArtifact: { product: productById('ProductId'), level: own },
  SearchProvisionedProducts: { level: filtered('Account') },
  ScanProvisionedProducts: { level: filtered('User') },
  ListRecordHistory: { level: filtered('User') },
  ListProvisionedProductPlans: { level: filtered('User') },
  DescribeProvisionedProduct: { level: provisionedProduct('Id', 'Name') },
  GetProvisionedProductOutputs: { level: unconditioned },
  UpdateProvisionedProduct: { level: provisionedProduct('ProvisionedProductId', 'ProvisionedProductName') },
  TerminateProvisionedProduct: { level: provisionedProduct('ProvisionedProductId', 'ProvisionedProductName') },
  UpdateProvisionedProductProperties: { level: unconditioned },
  ListStackInstancesForProvisionedProduct: { level: provisionedProduct('ProvisionedProductId') },
  DescribeServiceActionExecutionParameters: { level: provisionedProduct('ProvisionedProductId') },
  ExecuteProvisionedProductServiceAction: { level: provisionedProduct('ProvisionedProductId') },
  DescribeRecord: { level: (input, owners, callerArn) => byOwner(owners.recordOwner(input.Id), callerArn) },
  // A plan for an existing provisioned product changes that product; a plan for a new name is the caller's own.
  CreateProvisionedProductPlan: {
    level: (input, owners, callerArn) => {
      const owner = owners.provisionedProductOwner(undefined, input.ProvisionedProductName);
      return owner === undefined ? 'user' : byOwner(owner, callerArn);
    },
  },
  DescribeProvisionedProductPlan: { level: (input, owners, callerArn) => byOwner(owners.planOwner(input.PlanId), callerArn) },
  ExecuteProvisionedProductPlan: { level: (input, owners, callerArn) => byOwner(owners.planOwner(input.PlanId), callerArn) },
  DeleteProvisionedProductPlan: { level: (input, owners, callerArn) => byOwner(owners.planOwner(input.PlanId), callerArn) },
};

export interface RequestOrigin { readonly callerArn: string; readonly accountId: string; readonly region: string }

export function scopeOf(operation: string, input: Input, owners: CatalogOwners, origin: RequestOrigin): ScopedRequest {
  // No default: an operation served without its scope here would be judged on a guess.
  if (!Object.hasOwn(SCOPES, operation)) throw new Error(`No IAM scope for servicecatalog:${operation}`);
  const scope = SCOPES[operation];
  const productId = scope.product?.(input, owners);
  const resource = scope.product
    ? catalogArn.product(origin.region, origin.accountId, String(productId))
    : `arn:aws:servicecatalog:${origin.region}:${origin.accountId}:*/*`;
  return { action: `servicecatalog:${operation}`, resource, level: scope.level(input, owners, origin.callerArn) };
}

/** The condition keys Service Catalog sets for a request at this level (see the hierarchy above); none when unconditioned. */
export function levelContext(level: AccessLevel | 'unconditioned'): Record<string, string | undefined> {
  if (level === 'unconditioned') return {};
  return {
    'servicecatalog:userLevel': level === 'user' ? 'self' : undefined,
    'servicecatalog:roleLevel': level !== 'account' ? 'self' : undefined,
    'servicecatalog:accountLevel': 'self',
  };
}
