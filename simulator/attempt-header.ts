import type { IncomingHttpHeaders } from 'node:http';
import { SimulatorHttpError } from './simulator-http-error.ts';

/**
 * Which attempt of a call a request is, counting from 1, sent by scarecrow's model client.
 * The simulator draws faults from it instead of from how often it saw the body, so a retry
 * gets the same fault decision on whichever simulator instance (which worker) answers it.
 * Real endpoints ignore the header.
 */
export const ATTEMPT_HEADER = 'x-scarecrow-attempt';

/** The header as a 0-based attempt index, or null when the client sent none. */
export function attemptFromHeaders(headers: IncomingHttpHeaders): number | null {
  const value = headers[ATTEMPT_HEADER];
  if (value === undefined) return null;
  const number = Number(Array.isArray(value) ? value[0] : value);
  if (!Number.isInteger(number) || number < 1) {
    throw new SimulatorHttpError(400, `The ${ATTEMPT_HEADER} header must be a whole number from 1 (the first attempt of a call), not '${String(value).slice(0, 40)}'.`, {
      type: 'invalid_request_error',
      code: 'invalid_attempt_header',
    });
  }
  return number - 1;
}
