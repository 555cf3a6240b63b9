// What every form controller needs from the rest of the extension. No vscode import, so controllers
// run in plain Node unit tests with fakes.
import type { ProvisionedProductDetail, RecordDetail, Tag } from '@aws-sdk/client-service-catalog';

/** Names a detail lacks (DescribeProvisionedProduct has ids only), from what the form read. */
export interface KnownNames {
  readonly ProductName?: string;
  readonly ProvisioningArtifactName?: string;
}
import type { ProvisioningService } from '../aws/provisioningService';
import type { CatalogCache } from '../connections/catalogCache';
import type { Logger } from '../ui/webview/messageRouter';
import type { FormTarget, ProvisionedProductRef } from '../core/webview/protocol';
import type { ConnectionIdentity } from '../core/connection';
import type { SentValue } from '../core/parameters';
import { provisionedProductRef } from '../core/products/provisionedProductRef';
import type { StackReader } from '../core/stacks/types';
import type { ProductToSave } from '../core/specs/specToSave';

export type FormService = Pick<
  ProvisioningService,
  | 'listProducts' | 'searchProducts' | 'describeProduct' | 'listVersions' | 'listLaunchPaths' | 'describeProvisioningParameters' | 'describeProvisionedProduct'
  | 'recordPathId' | 'recordStart' | 'recordDetail' | 'provision' | 'update' | 'createPlan' | 'describePlan' | 'listPlans' | 'executePlan' | 'deletePlan'
  | 'listServiceActions' | 'describeServiceActionParameters' | 'executeServiceAction'
>;

/**
 * What this editor last sent for the non-NoEcho parameters of a provisioned product, per key with
 * when: a hint to offer, never the value in use (plans, other windows, the console change it too).
 */
export interface ParameterMemory {
  recall(provisionedProductId: string): Readonly<Record<string, SentValue>> | undefined;
  remember(provisionedProductId: string, values: Readonly<Record<string, SentValue>>): void;
}

export interface ControllerDeps {
  /** The current connection's service; throws when not connected. */
  readonly service: () => FormService;
  /**
   * The current connection's CloudFormation reads (behind its access gate), undefined when not
   * connected or not wired (update forms then say current values cannot be read).
   */
  readonly stacks?: () => StackReader | undefined;
  /** The catalog reads, cached per connection (keyed by `service()`) and shared with the other forms, record documents and spec files. */
  readonly catalog: CatalogCache;
  readonly connectionLabel: () => string;
  /** The connection in use (key and label), undefined when not connected (forms pin themselves to it). */
  readonly connectedAs?: () => ConnectionIdentity | undefined;
  /** Follows a record to its end; `secrets` (typed NoEcho values) are masked wherever the record is shown. */
  readonly trackRecord: (record: RecordDetail, secrets?: readonly string[]) => void;
  /** Re-lists the tree so a new or changed product shows at once. */
  readonly refreshTree: () => void;
  readonly logger: Logger;
  readonly memory: ParameterMemory;
  /**
   * A modal question through the editor's user-input interface (tests answer it): true when the user
   * chose `button`, false on cancel. The message is one line on the notification surface.
   */
  readonly confirm: (message: string, detail: string, button: string) => Promise<boolean>;
  /** Opens the plan panel of a provisioned product, focused on one plan. */
  readonly openPlan: (provisionedProduct: ProvisionedProductRef, planId: string) => void;
  /** A provisioned product's tags as the tree last listed them; undefined when not listed or outdated since. */
  readonly listedTags?: (provisionedProductId: string) => readonly Tag[] | undefined;
  /** A product the tree should know at once (just provisioned; Search may not list it yet). */
  readonly knowProduct?: (detail: ProvisionedProductDetail, names: KnownNames) => void;
  /**
   * Saves a provision form's checked values as a spec file (a save dialog, then the file opens): the
   * file's name, or undefined when the user cancelled. Absent where spec files are not wired.
   */
  readonly saveSpec?: (product: ProductToSave) => Promise<string | undefined>;
  /** What a finished provision form offers (absent in tests that do not use them). */
  readonly provisionResult?: ProvisionResultActions;
}

/** The editor's side of a finished provision form's buttons. */
export interface ProvisionResultActions {
  copy(text: string): Promise<void>;
  /** Opens the record's document (it follows the record to its end). */
  follow(recordId: string): Promise<void>;
  /** Selects the provisioned product in the tree (once the tree lists it). */
  reveal(provisionedProductId: string): Promise<void>;
  /** A fresh provision form on the same product, version and path. */
  provisionAnother(start: Pick<FormTarget, 'productId'> & Partial<FormTarget>): void;
}

/** Ids and names of a provisioned product read from the service, merged over what the tree knew. */
export async function resolveProvisionedProduct(service: FormService, known: ProvisionedProductRef): Promise<ProvisionedProductRef> {
  return provisionedProductRef(await service.describeProvisionedProduct(known.id), known);
}
