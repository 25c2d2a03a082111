// Caps on what one document or record may cost, in a module that loads nothing else.

/** The default cap on one document or record, decompressed: far above any real page, far below what exhausts memory. */
export const DEFAULT_MAX_DOCUMENT_MB = 64;
