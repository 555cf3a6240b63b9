// Entry of the lazily loaded catalog bundle (dist/catalog.js): everything that needs the AWS SDK.
export { CatalogApi } from './api';
export { listProfiles, COMMON_REGIONS } from './profiles';
export type { FullRecord, ListOptions, TerminateOptions } from './api';
export { ProvisioningService } from './provisioning';
