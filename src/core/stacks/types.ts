// The CloudFormation facts the extension shows, in its own shapes (no SDK values): the AWS layer
// (src/aws/cloudformation) maps DescribeStacks, DescribeStackEvents, ListStackResources and Service
// Catalog's ListStackInstancesForProvisionedProduct into these. Every string is service text written
// by whoever authored the template (logical ids, reasons, parameter values): untrusted wherever shown.

/** Where a provisioned product's CloudFormation lives, or why it has none (never guessed). */
export type StackLocation =
  | { readonly kind: 'stack'; readonly stackId: string }
  | { readonly kind: 'stackSet'; readonly provisionedProductId: string }
  | { readonly kind: 'none'; readonly reason: string };

export interface StackParameter {
  readonly key: string;
  /** As DescribeStacks returns it: a NoEcho parameter's value is `****`. */
  readonly value: string;
}

export interface StackDescription {
  readonly stackId: string;
  readonly stackName: string;
  readonly status: string;
  readonly statusReason?: string;
  readonly parameters: readonly StackParameter[];
  readonly outputs: readonly { readonly key: string; readonly value: string; readonly description?: string }[];
  readonly createdTime?: Date;
  readonly lastUpdatedTime?: Date;
}

export interface StackEvent {
  readonly eventId: string;
  readonly stackId: string;
  readonly timestamp: Date;
  readonly logicalId: string;
  readonly physicalId?: string;
  readonly resourceType: string;
  readonly status: string;
  readonly reason?: string;
}

export interface StackResource {
  readonly logicalId: string;
  readonly physicalId?: string;
  readonly resourceType: string;
  readonly status: string;
  readonly reason?: string;
  readonly lastUpdated?: Date;
}

export interface StackInstance {
  readonly account: string;
  readonly region: string;
  /** CURRENT, OUTDATED or INOPERABLE (Service Catalog's StackInstance carries no reason). */
  readonly status: string;
}

/** New events of one stack, oldest first, and whether the read stopped at the page cap before reaching the last one seen. */
export interface StackEventsSince {
  readonly events: readonly StackEvent[];
  readonly truncated: boolean;
}

/**
 * The CloudFormation reads of one connection. Implemented in src/aws/cloudformation (a bundle loaded
 * on first use); tests give fakes. Errors are the SDK's (classifyError reads them).
 */
export interface StackReader {
  describeStack(stackId: string): Promise<StackDescription>;
  /**
   * Events newer than `afterEventId` (DescribeStackEvents pages newest first; reading stops at that
   * event), oldest first. Without `afterEventId`: the newest page only (up to 100 events).
   */
  eventsSince(stackId: string, afterEventId?: string): Promise<StackEventsSince>;
  /** Every resource of the stack (ListStackResources, all pages up to the page cap). */
  resources(stackId: string): Promise<readonly StackResource[]>;
  /** Calls made so far, by operation (benchmarks and tests). */
  readonly calls: { total: number; byOperation: Record<string, number> };
  dispose(): void;
}
