// Entry of the lazily loaded AWS bundle (dist/aws.js): everything that needs the AWS SDK.
export { CatalogApi } from './catalogApi';
export { listProfiles, COMMON_REGIONS } from './profiles';
export type { FullRecord, ListOptions, OutputsTarget, ProductOutputs, TerminateOptions } from './catalogApi';
export { ProvisioningService } from './provisioningService';
export {
  configFilePath, hasSection, listSsoAccounts, listSsoRoles, readConfigFile, readSection, saveSsoToken, SignInStoppedError,
  ssoTokenFile, startDeviceAuthorization, updateConfigFile, waitForToken,
} from './ssoSignIn';
export type { DeviceAuthorization, SsoAccount } from './ssoSignIn';
