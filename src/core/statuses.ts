// Status facts about plans, without the SDK (the extension bundle uses them; the SDK loads lazily).

/** Plan statuses after which DescribeProvisionedProductPlan will not change by itself. */
export const SETTLED_PLAN_STATUSES: ReadonlySet<string> = new Set(['CREATE_SUCCESS', 'CREATE_FAILED', 'EXECUTE_SUCCESS', 'EXECUTE_FAILED']);
