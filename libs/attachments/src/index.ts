export * from './attachment-storage';
export * from './local-disk-attachment.storage';
export * from './storage.errors';
export * from './checksum';
export * from './file-signature';
export * from './raw-upload';
export * from './attachment-download';
