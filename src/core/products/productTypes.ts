// Product and provisioned product types in words. The service's codes stay in tooltips' raw facts only
// where an engineer may search for them; headers and lists say what the code means.

/** A product's type (DescribeProduct's ProductViewSummary.Type). */
const PRODUCT_TYPE_NAMES: Readonly<Record<string, string>> = {
  CLOUD_FORMATION_TEMPLATE: 'CloudFormation',
  TERRAFORM_OPEN_SOURCE: 'Terraform',
  TERRAFORM_CLOUD: 'Terraform Cloud',
  EXTERNAL: 'External',
  MARKETPLACE: 'Marketplace',
};

/** A provisioned product's type (DescribeProvisionedProduct's Type). */
const PROVISIONED_PRODUCT_TYPE_NAMES: Readonly<Record<string, string>> = {
  CFN_STACK: 'CloudFormation stack',
  CFN_STACKSET: 'CloudFormation stack set',
  TERRAFORM_OPEN_SOURCE: 'Terraform',
  TERRAFORM_CLOUD: 'Terraform Cloud',
  EXTERNAL: 'External',
};

/** The product type in words; a code the table does not know is shown as the service sent it. */
export function productTypeName(type: string): string {
  return Object.hasOwn(PRODUCT_TYPE_NAMES, type) ? PRODUCT_TYPE_NAMES[type] : type;
}

/** The provisioned product type in words; a code the table does not know is shown as the service sent it. */
export function provisionedProductTypeName(type: string): string {
  return Object.hasOwn(PROVISIONED_PRODUCT_TYPE_NAMES, type) ? PROVISIONED_PRODUCT_TYPE_NAMES[type] : type;
}
