/** Results expire even if a run is abandoned; the export deletes them sooner. */
export const RESULT_TTL_MS = 7 * 24 * 3600 * 1000;
/** How long a finished run's summary stays for `status`. */
export const FINISHED_RUN_TTL_S = 7 * 24 * 3600;
