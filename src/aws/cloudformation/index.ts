// Entry of the lazily loaded CloudFormation bundle (dist/cloudformation.js).
export { StackApi } from './stackApi';
