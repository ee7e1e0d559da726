/**
 * The upload helpers live in `@petition/attachments`; this re-export keeps the import of the
 * public upload route (public/public.controller.ts) working unchanged.
 */
export { ACCEPTED_UPLOAD_TYPES } from '@petition/attachments';
