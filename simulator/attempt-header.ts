import type { IncomingHttpHeaders } from 'node:http';
import { ATTEMPT_HEADER } from '../pipeline/models/simulator-protocol.ts';
import { SimulatorHttpError } from './simulator-http-error.ts';

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
