export { renderDocument } from './render';
export { attachmentsOf, PACKAGE_ATTACHMENT, verifyPackage } from './verify';
