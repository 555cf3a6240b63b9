// The sandbox's CloudFormation: stacks derived from the Service Catalog state (stackView.ts), served
// over the query protocol (queryWire.ts) on the sandbox's own port.
export { cloudFormationOperations, type QueryHandler } from './operations';
export { isQueryRequest, parseQueryBody, sendXml, sendXmlError, CLOUDFORMATION_VERSION } from './queryWire';
export { CLOUDFORMATION_SIGNING_NAME, isCloudFormationOperation, validateCloudFormationInput, validateCloudFormationOutput } from './model';
