// The sandbox's state, as plain JSON-safe data: snapshot() serializes it as is and restoreFrom
// takes it back, so nothing here may hold a Map, a Date or a function. Times are epoch milliseconds.

export type ProductType = 'CLOUD_FORMATION_TEMPLATE' | 'TERRAFORM_OPEN_SOURCE' | 'TERRAFORM_CLOUD' | 'EXTERNAL' | 'MARKETPLACE';
/** The model's Type is a plain string: Control Tower's Account Factory makes CONTROL_TOWER_ACCOUNT ones. */
export type ProvisionedProductType = 'CFN_STACK' | 'CFN_STACKSET' | 'TERRAFORM_OPEN_SOURCE' | 'TERRAFORM_CLOUD' | 'EXTERNAL' | 'CONTROL_TOWER_ACCOUNT';
export type ProvisionedProductStatus = 'AVAILABLE' | 'UNDER_CHANGE' | 'TAINTED' | 'ERROR' | 'PLAN_IN_PROGRESS';
export type RecordStatus = 'CREATED' | 'IN_PROGRESS' | 'IN_PROGRESS_IN_ERROR' | 'SUCCEEDED' | 'FAILED';
export type RecordType =
  | 'PROVISION_PRODUCT'
  | 'UPDATE_PROVISIONED_PRODUCT'
  | 'TERMINATE_PROVISIONED_PRODUCT'
  | 'EXECUTE_PROVISIONED_PRODUCT_SERVICE_ACTION'
  | 'UPDATE_PROVISIONED_PRODUCT_PROPERTIES';
export type PlanStatus = 'CREATE_IN_PROGRESS' | 'CREATE_SUCCESS' | 'CREATE_FAILED' | 'EXECUTE_IN_PROGRESS' | 'EXECUTE_SUCCESS' | 'EXECUTE_FAILED';

export interface Tag { Key: string; Value: string }
export interface ParameterValue { Key: string; Value: string }

/** Same shape as the model's ParameterConstraints (numbers travel as strings). */
export interface ParameterConstraints {
  AllowedValues?: string[];
  AllowedPattern?: string;
  ConstraintDescription?: string;
  MaxLength?: string;
  MinLength?: string;
  MaxValue?: string;
  MinValue?: string;
}

/** Same shape as the model's ProvisioningArtifactParameter. */
export interface ParameterSpec {
  ParameterKey: string;
  DefaultValue?: string;
  ParameterType: string;
  IsNoEcho: boolean;
  Description?: string;
  ParameterConstraints: ParameterConstraints;
}

export interface OutputSpec {
  key: string;
  description: string;
  /** Value template: {name}, {id}, {account}, {region}, {param:Key}, {hash} are filled in on success. */
  template: string;
}

/**
 * Where one property of a template's resource takes its value from, and whether changing it re-creates
 * the resource (the "Update requires" of the resource type's reference page: Replacement is ALWAYS,
 * No or Some interruption NEVER, "depends on the change" CONDITIONALLY). Plans derive their details from it.
 */
export interface PropertySpec {
  /** The property's name, e.g. BucketName; `Tags` is the resource's tags (change attribute TAGS). */
  name: string;
  /** The template parameter it refers to (`Ref`). */
  parameter?: string;
  /** The resource of the same template whose id it refers to (`Ref` / `Fn::GetAtt`). */
  resource?: string;
  recreation: 'NEVER' | 'CONDITIONALLY' | 'ALWAYS';
}

/** `properties` left out (generated products, older state files): every changed parameter modifies it. */
export interface ResourceSpec { logicalId: string; type: string; properties?: PropertySpec[] }

export interface Artifact {
  id: string;
  /** Optional, as in real catalogs: a version made without a name shows none. */
  name?: string;
  description?: string;
  type: 'CLOUD_FORMATION_TEMPLATE' | 'TERRAFORM_OPEN_SOURCE' | 'TERRAFORM_CLOUD' | 'EXTERNAL';
  createdTime: number;
  active: boolean;
  guidance: 'DEFAULT' | 'DEPRECATED';
  parameters: ParameterSpec[];
  outputs: OutputSpec[];
  resources: ResourceSpec[];
  serviceActionIds: string[];
}

export interface TagOption { key: string; values: string[] }

export interface Portfolio {
  id: string;
  /** End users launch through a path; here each portfolio is one path. */
  pathId: string;
  displayName: string;
  providerName: string;
  tagOptions: TagOption[];
  tags: Tag[];
  /**
   * IAM users and roles the portfolio is shared with (AssociatePrincipalWithPortfolio): only they
   * see its products and launch through it. An assumed-role session counts as its role.
   */
  principalArns: string[];
}

/** How the sandbox's fake CloudFormation treats this product: the product's "personality". */
export interface ProductBehavior {
  /** Virtual seconds a provision spends IN_PROGRESS at timeScale 1. */
  provisionSeconds: number;
  failsToProvision?: { code: string; description: string };
  /**
   * Every update fails on a resource and CloudFormation rolls the stack back, as it does any failed
   * update (UPDATE_ROLLBACK_COMPLETE): the record goes IN_PROGRESS_IN_ERROR, then FAILED; the product TAINTED.
   */
  rollsBackUpdates?: { code: string; description: string };
  /**
   * Stack instances of a stack set product that do not follow its operations: OUTDATED ones fail each
   * (their cause stays), INOPERABLE ones (a failed DeleteStackInstances) are left out of them. The reason is
   * CloudFormation's StatusReason; Service Catalog's StackInstance has no member for it, so it is not sent.
   */
  stuckStackInstances?: { account: string; region: string; status: 'OUTDATED' | 'INOPERABLE'; reason: string }[];
}

export interface LaunchConstraint { portfolioId: string; launchRoleArn: string }

export interface StackSetConstraint { accounts: string[]; regions: string[] }

export interface Product {
  id: string;
  viewId: string;
  name: string;
  owner: string;
  shortDescription: string;
  distributor: string;
  supportEmail: string;
  supportDescription: string;
  supportUrl: string;
  type: ProductType;
  provisionedProductType: ProvisionedProductType;
  createdTime: number;
  portfolioIds: string[];
  launchConstraints: LaunchConstraint[];
  /** Portfolios whose RESOURCE_UPDATE constraint on this product allows tag updates on provisioned products. */
  tagUpdatesAllowedIn: string[];
  /** The catalog's HasDefaultPath; when left out, whether the caller has exactly one launch path. */
  hasDefaultPath?: boolean;
  stackSet?: StackSetConstraint;
  artifacts: Artifact[];
  behavior: ProductBehavior;
}

export interface ServiceActionParameter {
  Name: string;
  /** TEXT_VALUE or TARGET (TARGET defaults to the provisioned product's target resource). */
  Type: string;
  defaultValues: string[];
  /** TARGET parameters default to this output of the provisioned product. */
  targetOutputKey?: string;
}

export interface ServiceAction {
  id: string;
  name: string;
  description: string;
  definitionType: 'SSM_AUTOMATION';
  documentName: string;
  parameters: ServiceActionParameter[];
  seconds: number;
  fails?: { code: string; description: string };
}

export interface RecordOutput { OutputKey: string; OutputValue: string; Description?: string }

export interface StackSetPreferences { accounts: string[]; regions: string[] }

export interface ProvisionedProduct {
  id: string;
  name: string;
  arn: string;
  type: ProvisionedProductType;
  productId: string;
  artifactId: string;
  pathId: string;
  status: ProvisionedProductStatus;
  statusMessage?: string;
  createdTime: number;
  idempotencyToken: string;
  lastRecordId?: string;
  lastProvisioningRecordId?: string;
  lastSuccessfulProvisioningRecordId?: string;
  tags: Tag[];
  physicalId?: string;
  userArn: string;
  /** Who provisioned it (the aws:servicecatalog:provisioningPrincipalArn tag); the owner may change, this does not. */
  provisionedBy?: string;
  launchRoleArn?: string;
  parameters: ParameterValue[];
  outputs: RecordOutput[];
  stackSet?: StackSetPreferences;
  /** Status to go back to after a plan is created or a service action ends. */
  statusBeforeChange?: ProvisionedProductStatus;
  terminated: boolean;
}

/** When a record moves between statuses, fixed when the record is created. */
export interface Timeline {
  startedAt: number;
  /** Set only for a change that fails and rolls back: IN_PROGRESS_IN_ERROR from here. */
  errorAt?: number;
  endsAt: number;
  outcome: 'SUCCEEDED' | 'FAILED';
}

/** What a record does to its provisioned product when it finishes successfully. */
export interface RecordEffect {
  artifactId?: string;
  pathId?: string;
  parameters?: ParameterValue[];
  tags?: Tag[];
  stackSet?: StackSetPreferences;
  planId?: string;
}

export interface RecordData {
  id: string;
  type: RecordType;
  provisionedProductId: string;
  provisionedProductName: string;
  provisionedProductType: ProvisionedProductType;
  productId: string;
  artifactId: string;
  pathId: string;
  createdTime: number;
  updatedTime: number;
  status: RecordStatus;
  timeline: Timeline;
  errors: { Code: string; Description: string }[];
  tags: Tag[];
  launchRoleArn?: string;
  /** Owner of the provisioned product when the record was made (AccessLevelFilter User on history). */
  ownerArn: string;
  outputs: RecordOutput[];
  effect: RecordEffect;
  /** Whether the effect (or failure) has been applied to the provisioned product. */
  settled: boolean;
  /** CloudFormation refused the change (its stack's state allows none): the stack never ran it. */
  refusedByStack?: boolean;
}

/** The model's ResourceChangeDetail: Service Catalog's has no ChangeSource (CloudFormation's change sets do). */
export interface ResourceChangeDetail {
  Target: { Attribute: 'PROPERTIES' | 'TAGS'; Name?: string; RequiresRecreation: PropertySpec['recreation'] };
  Evaluation: 'STATIC' | 'DYNAMIC';
  CausingEntity?: string;
}

export interface ResourceChange {
  Action: 'ADD' | 'MODIFY' | 'REMOVE';
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  ResourceType: string;
  Replacement: 'TRUE' | 'FALSE' | 'CONDITIONAL';
  Scope: ResourceChangeDetail['Target']['Attribute'][];
  Details: ResourceChangeDetail[];
}

export interface PlanData {
  id: string;
  name: string;
  type: 'CLOUDFORMATION';
  provisionedProductId: string;
  provisionedProductName: string;
  /** True when the plan provisions a new product (its provisioned product exists only as PLAN_IN_PROGRESS). */
  forNewProduct: boolean;
  productId: string;
  artifactId: string;
  pathId: string;
  status: PlanStatus;
  statusMessage?: string;
  createdTime: number;
  updatedTime: number;
  readyAt: number;
  parameters: { Key: string; Value?: string; UsePreviousValue?: boolean }[];
  resolvedParameters: ParameterValue[];
  tags: Tag[];
  notificationArns: string[];
  resourceChanges: ResourceChange[];
  ownerArn: string;
  executeRecordId?: string;
}

export interface IdempotencyEntry { fingerprint: string; result: Record<string, string> }

/**
 * Entries by an id a client may send. A null-prototype object (./dictionary), read through
 * CatalogState with own-property lookups: an id such as `__proto__` or `constructor` is a missing key.
 */
export type Dictionary<T> = Record<string, T>;

export interface CatalogData {
  /**
   * 4: the noCloudFormation caller among the portfolios' principals, seeded resources' property sources
   * (plans) and stuck stack instances. 3: portfolios shared with the Identity Center roles (AWSReservedSSO_…)
   * its sessions act as. 2 added principals, system tags and sparse seeded members. A state file of an
   * earlier version is seeded anew.
   */
  version: 4;
  serial: number;
  portfolios: Portfolio[];
  products: Product[];
  serviceActions: ServiceAction[];
  provisionedProducts: Dictionary<ProvisionedProduct>;
  /** Provisioned product ids in creation order (scan order). */
  provisionedProductOrder: string[];
  records: Dictionary<RecordData>;
  recordOrder: string[];
  plans: Dictionary<PlanData>;
  planOrder: string[];
  idempotency: Dictionary<IdempotencyEntry>;
}
