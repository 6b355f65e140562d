export { renderDocument } from './render';
export { attachmentsOf, PACKAGE_ATTACHMENT, type PackageAttachment, type PackageVerdict, verifyPackage } from './verify';
