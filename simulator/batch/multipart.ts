import { SimulatorHttpError } from '../simulator-http-error.ts';

export interface FormPart {
  name: string;
  filename: string | null;
  content: string;
}

/** The parts of a multipart/form-data body (an upload to /v1/files), text only: batch input files are JSONL. */
export function parseMultipart(body: string, contentType: string | undefined): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!boundary) throw new SimulatorHttpError(400, 'An upload must be multipart/form-data with a boundary.', { type: 'invalid_request_error', code: 'invalid_upload' });
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const parts: FormPart[] = [];
  for (const chunk of body.split(delimiter).slice(1)) {
    if (chunk.startsWith('--')) break;
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = chunk.slice(0, headerEnd);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) continue;
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
    // The part's content ends with the CRLF that precedes the next delimiter.
    parts.push({ name, filename, content: chunk.slice(headerEnd + 4).replace(/\r\n$/, '') });
  }
  return parts;
}
