/** The message MemoryStorage and BlobsStorage use, so callers can recognise a conflict from any backend. */
export function etagConflict(key: string): Error {
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

/** True for an optimistic-concurrency failure from any of our storage backends. */
export function isEtagConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status =
    (error as { statusCode?: number; code?: number | string }).statusCode ?? (error as { code?: unknown }).code;
  return /etag conflict/i.test(error.message) || status === 412 || status === 'PreconditionFailed';
}
