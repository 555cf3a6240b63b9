// Entry of the lazily loaded AWS bundle (dist/aws.js): everything that needs the AWS SDK.
export { CatalogApi } from './catalogApi';
export { listProfiles, COMMON_REGIONS } from './profiles';
export type { FullRecord, ListOptions, TerminateOptions } from './catalogApi';
export { ProvisioningService } from './provisioningService';
