// The one message protocol between the form panels (extension host) and their webviews.
// Webview → host: a `ready` handshake, then requests with ids. Host → webview: responses with the same
// id, and pushes (`init`, `plan`). Shared by both sides: no vscode import, no SDK values (types only).
import type { ParameterDiff, ProvisioningForm, ProvisioningSubmission } from '../parameters';

export interface FormTarget {
  readonly productId: string;
  readonly provisioningArtifactId: string;
  readonly pathId?: string;
}

export interface ProductChoice {
  readonly productId: string;
  readonly name: string;
  readonly owner?: string;
  readonly description?: string;
  readonly distributor?: string;
  readonly type?: string;
}

export interface VersionChoice {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /** The version the provisioned product runs now (update forms). */
  readonly current?: boolean;
  /**
   * Update forms: the version in use is not among those the product offers now (DescribeProduct lists
   * active versions only): kept selectable for an update that stays on it.
   */
  readonly inactive?: boolean;
}

export interface PathChoice {
  readonly id: string;
  readonly name: string;
  readonly constraints: readonly string[];
}

export interface ProductOptions {
  readonly productId: string;
  readonly productName: string;
  readonly versions: readonly VersionChoice[];
  readonly preselectedVersionId?: string;
  readonly paths: readonly PathChoice[];
  readonly preselectedPathId?: string;
  /** Whether Preview changes (a plan) is offered: CloudFormation products only. */
  readonly plansSupported: boolean;
}

export interface LoadedForm {
  readonly target: FormTarget;
  readonly form: ProvisioningForm;
  /** Update forms on another version than the current one: what the new version adds and removes. */
  readonly diff?: ParameterDiff;
  /**
   * Update forms whose values in use could not be read (no permission, no stack, Terraform, …): the
   * one plain sentence saying why, shown above the parameters (each of them keeps its value).
   */
  readonly currentValuesNote?: string;
}

export interface SubmitRequest {
  readonly target: FormTarget;
  readonly submission: ProvisioningSubmission;
}

export interface SubmitResult {
  readonly recordId: string;
  readonly recordType?: string;
  readonly status?: string;
  readonly provisionedProductId?: string;
  readonly provisionedProductName?: string;
}

export interface PlanStarted {
  readonly planId: string;
  readonly planName: string;
}

export interface PlanRow {
  readonly planId: string;
  readonly name: string;
  readonly type?: string;
  readonly provisioningArtifactId?: string;
  /** The version's name, as DescribeProduct gives it (absent when it cannot be read, e.g. an inactive version). */
  readonly versionName?: string;
}

/** One of a plan's ProvisioningParameters, as DescribeProvisionedProductPlan returns it, against the stack's value. */
export interface PlanParameterRow {
  readonly key: string;
  /** The value the plan sets; absent when it keeps the value in use or it is not shown (valueMasked). */
  readonly value?: string;
  /** The plan sets a value that is not shown (NoEcho, or text that would not show as it is). */
  readonly valueMasked?: boolean;
  readonly usePreviousValue: boolean;
  /** Resource changes the service attributes to this parameter (their logical ids, from the changes' CausingEntity). */
  readonly causes: readonly string[];
  /** The value the stack runs with (DescribeStacks), when read and shown. */
  readonly currentValue?: string;
  /** The stack has a value that is not shown (NoEcho). */
  readonly currentMasked?: boolean;
  /** Whether the plan changes the value in use: unknown when either side is not known or not shown. */
  readonly changes?: 'yes' | 'no' | 'unknown';
}

/** A version named for display: its id, and its name where the service gave one. */
export interface VersionRef {
  readonly id: string;
  readonly name?: string;
}

/** Whether a resource change replaces the resource: Replacement TRUE (yes) or CONDITIONAL (maybe). */
export type Replaces = 'yes' | 'maybe' | 'no';

/** One of a resource change's Details (inert service text). */
export interface ChangeDetailRow {
  readonly attribute: string;
  readonly name?: string;
  readonly requiresRecreation?: string;
  readonly evaluation?: string;
  readonly causingEntity?: string;
}

/** One of a plan's resource changes; every string is inert service text. */
export interface ResourceChangeRow {
  readonly action: string;
  readonly logicalId: string;
  readonly physicalId?: string;
  readonly resourceType: string;
  readonly replacement: string;
  readonly replaces: Replaces;
  readonly scope: readonly string[];
  readonly details: readonly ChangeDetailRow[];
}

export interface PlanView {
  readonly planId: string;
  readonly name: string;
  readonly status: string;
  readonly statusMessage?: string;
  readonly provisionedProductName?: string;
  /** No more status changes expected without an action (created, failed or executed). */
  readonly settled: boolean;
  /** Ready to execute: CREATE_SUCCESS. */
  readonly executable: boolean;
  /** Can be discarded: not executed, nor being executed. */
  readonly discardable: boolean;
  readonly changes: readonly ResourceChangeRow[];
  /** The version the plan moves to, and the version the provisioned product runs now (as the service says). */
  readonly version?: VersionRef;
  readonly currentVersion?: VersionRef;
  /** The plan's parameters (NoEcho values come masked from the service). */
  readonly parameters?: readonly PlanParameterRow[];
  /** Why the values in use are not shown next to the plan's, when the stack could not be read. */
  readonly currentValuesNote?: string;
}

export interface ActionChoice {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly definitionType?: string;
}

export interface ActionParameterView {
  readonly name: string;
  readonly type: string;
  readonly defaultValues: readonly string[];
  /** Why the field is prefilled (TARGET parameters). */
  readonly explanation?: string;
}

export interface ActionForm {
  readonly actionId: string;
  readonly parameters: readonly ActionParameterView[];
}

export interface ProvisionedProductRef {
  readonly id: string;
  readonly name: string;
  readonly status?: string;
  readonly type?: string;
  readonly productId?: string;
  readonly productName?: string;
  readonly provisioningArtifactId?: string;
  readonly provisioningArtifactName?: string;
}

/**
 * What a panel is about. `connection` is the label its header shows; `connectionKey` (added by the
 * host, absent while signed out) is which connection the form is pinned to: the page keeps it in its
 * state, so a form restored after a reload stays on that connection.
 */
export type PanelInit = (
  | {
    readonly kind: 'provision';
    readonly connection: string;
    readonly productId?: string;
    /** The version and launch path to start on ("Provision another" of a finished form). */
    readonly start?: FormTarget;
    /** The form already started its provisioning: the page shows this result, not a live form. */
    readonly finished?: SubmitResult;
  }
  | {
    readonly kind: 'update'; readonly connection: string; readonly provisionedProduct: ProvisionedProductRef; readonly current: FormTarget;
    /** The provisioned product's own launch role (DescribeProvisionedProduct), which Change Launch Role sets. */
    readonly launchRoleArn?: string;
    /** Its tags as the tree last listed them (SearchProvisionedProducts), the service's own (`aws:` keys) apart; absent when not known. */
    readonly listedTags?: ListedTags;
  }
  | { readonly kind: 'plans'; readonly connection: string; readonly provisionedProduct: ProvisionedProductRef; readonly focusPlanId?: string }
  | { readonly kind: 'action'; readonly connection: string; readonly provisionedProduct: ProvisionedProductRef }
) & { readonly connectionKey?: string };

export type PanelKind = PanelInit['kind'];

/** A provisioned product's tags as listed: the ones people set, and the `aws:` ones the service adds (never sent back). */
export interface ListedTags {
  readonly user: readonly { readonly key: string; readonly value: string }[];
  readonly system: readonly { readonly key: string; readonly value: string }[];
}

/** The user answered the host's confirmation with Cancel: nothing was sent. */
export interface Cancelled {
  readonly cancelled: true;
}

/** A spec file saved from a provision form: its name (no folder: the page needs no more). */
export interface SpecSaved {
  readonly saved: string;
}

/** Each request method: [params, result]. */
export interface RequestMap {
  searchProducts: [{ readonly query: string }, ProductChoice[]];
  loadProduct: [{ readonly productId: string }, ProductOptions];
  loadParameters: [FormTarget, LoadedForm];
  submit: [SubmitRequest, SubmitResult];
  preview: [SubmitRequest, PlanStarted];
  /** Provision forms: the values, checked as a submission is, saved as a spec file (the host asks where); nothing is sent to AWS. */
  saveSpec: [SubmitRequest, SpecSaved | Cancelled];
  listPlans: [Record<string, never>, PlanRow[]];
  describePlan: [{ readonly planId: string }, PlanView];
  /** Asked in the host first (a modal): `cancelled` when the user said no, and nothing was sent. */
  executePlan: [{ readonly planId: string }, SubmitResult | Cancelled];
  deletePlan: [{ readonly planId: string }, { readonly deleted: true } | Cancelled];
  listActions: [Record<string, never>, ActionChoice[]];
  describeAction: [{ readonly actionId: string }, ActionForm];
  runAction: [{ readonly actionId: string; readonly parameters: Readonly<Record<string, string>> }, SubmitResult];
  /** What a finished provision form offers; the host acts on its own record of the result, never on ids from the page. */
  provisionResult: [{ readonly action: ProvisionResultAction }, { readonly done: true }];
  /** The stale-form banner's Reload: the host forgets what it read and introduces the panel again, from the service. */
  reload: [Record<string, never>, PanelInit];
}

export type ProvisionResultAction = 'copyRecordId' | 'follow' | 'reveal' | 'provisionAnother';

export type Method = keyof RequestMap;
export type ParamsOf<M extends Method> = RequestMap[M][0];
export type ResultOf<M extends Method> = RequestMap[M][1];

export type RequestMessage = { [M in Method]: { readonly type: 'request'; readonly id: number; readonly method: M; readonly params: ParamsOf<M> } }[Method];
export type ReadyMessage = { readonly type: 'ready' };
export type WebviewToHost = ReadyMessage | RequestMessage;

export interface ErrorPayload {
  readonly message: string;
  /** Messages by field path ("name", "parameters.<Key>", "tags.0.key", …) when the input was rejected. */
  readonly fieldErrors?: Readonly<Record<string, string>>;
  readonly code?: string;
}

export type ResponseMessage =
  | { readonly type: 'response'; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly type: 'response'; readonly id: number; readonly ok: false; readonly error: ErrorPayload };

export type PushMessage =
  | { readonly type: 'init'; readonly init: PanelInit }
  | { readonly type: 'plan'; readonly plan: PlanView }
  /** The panel could not start (e.g. the provisioned product is gone); the page shows why. */
  | { readonly type: 'failed'; readonly error: ErrorPayload }
  /** An operation on the panel's provisioned product ended: what the page shows may be out of date. */
  | { readonly type: 'productChanged'; readonly change: ProductChange };

/**
 * What a panel hears of its provisioned product: an operation on it ended (a record, from the record
 * tracker), or the tree saw it change (its last record, status or version). Either may be absent.
 */
export interface ProductChange {
  readonly recordId?: string;
  readonly recordType?: string;
  /** The record's status. */
  readonly status?: string;
  /** The provisioned product's status, where known. */
  readonly productStatus?: string;
  /** The version it runs now, where known. */
  readonly version?: VersionRef;
  /** It no longer exists (terminated). */
  readonly gone?: boolean;
  /** The record was started from this form: its end is the outcome of what the user did here. */
  readonly startedHere?: boolean;
  /** The record's errors (inert), when it ended with some. */
  readonly errors?: readonly string[];
}

export type HostToWebview = ResponseMessage | PushMessage;
