import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimulatorHttpError } from './simulator-http-error.ts';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new SimulatorHttpError(413, 'Request body is larger than 10 MB.', { type: 'invalid_request_error', code: 'request_too_large' }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Writes a JSON response unless the client has already gone. */
export function sendJson(response: ServerResponse, options: { status: number; body: string; headers?: Record<string, string> }): void {
  if (response.destroyed || response.writableEnded) return;
  response.writeHead(options.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(options.body),
    ...options.headers,
  });
  response.end(options.body);
}
