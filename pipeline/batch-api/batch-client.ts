import OpenAI, { toFile } from 'openai';
import { toModelError } from '../models/openai-model.ts';
import { undiciFetch } from '../models/undici-fetch.ts';
import { redactError } from '../secrets/redact-error.ts';
import { BATCH_ENDPOINT, BatchOutputLine } from './batch-line.ts';

/** What a batch is doing, as `batches.retrieve` tells it. */
export interface BatchStatus {
  id: string;
  status: OpenAI.Batches.Batch['status'];
  total: number;
  completed: number;
  failed: number;
  outputFileId: string | null;
  errorFileId: string | null;
}

/** Statuses after which a batch changes no more: its output and error files hold all it will answer. */
export const FINAL_STATUSES: ReadonlySet<BatchStatus['status']> = new Set(['completed', 'failed', 'expired', 'cancelled']);

/**
 * The Batch API of one endpoint, through the openai SDK: upload an input file, start a batch on
 * it, poll it, read its output and error files. Errors are our typed ones, scrubbed of secrets.
 */
export class BatchClient {
  private readonly client: OpenAI;

  constructor(private readonly options: { baseURL: string; apiKey: string; timeoutMs: number; endpoint: string; secrets: readonly string[] }) {
    // Polling has its own pace; a failed request is simply asked again at the next poll, so the SDK's retries stay on here.
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 2, timeout: Math.max(options.timeoutMs, 60_000), fetch: uploadingFetch });
  }

  /** Uploads one JSONL input file and starts a batch on it (24 h window). */
  async submit(text: string, signal?: AbortSignal): Promise<BatchStatus> {
    return this.guard(async () => {
      const file = await this.client.files.create({ file: await toFile(Buffer.from(text), 'scarecrow-batch.jsonl', { type: 'application/jsonl' }), purpose: 'batch' }, { signal });
      return statusOf(await this.client.batches.create({ input_file_id: file.id, endpoint: BATCH_ENDPOINT, completion_window: '24h' }, { signal }));
    });
  }

  /** The batch now; null when the endpoint no longer knows it (another server, or one restarted since). */
  async retrieve(id: string, signal?: AbortSignal): Promise<BatchStatus | null> {
    try {
      return statusOf(await this.client.batches.retrieve(id, { signal }));
    } catch (error) {
      if (error instanceof OpenAI.NotFoundError) return null;
      throw this.scrubbed(error);
    }
  }

  /** The lines of an output or error file. */
  async lines(fileId: string, signal?: AbortSignal): Promise<BatchOutputLine[]> {
    return this.guard(async () => {
      const text = await (await this.client.files.content(fileId, { signal })).text();
      return text.split('\n').filter((line) => line.trim() !== '').map((line) => BatchOutputLine.parse(JSON.parse(line)));
    });
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.scrubbed(error);
    }
  }

  private scrubbed(error: unknown): Error {
    return redactError(toModelError(error, `${this.options.endpoint} Batch API`), this.options.secrets);
  }
}

/**
 * The proxy-aware fetch, with a file upload's form encoded here first: the SDK builds Node's own
 * FormData, which the undici package's fetch does not know how to send. Node's Response encodes
 * it as multipart, boundary and all.
 */
async function uploadingFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  if (!(init.body instanceof FormData)) return undiciFetch(input, init);
  const encoded = new Response(init.body);
  const headers = new Headers(init.headers);
  headers.set('content-type', encoded.headers.get('content-type')!);
  return undiciFetch(input, { ...init, headers, body: Buffer.from(await encoded.arrayBuffer()) as unknown as BodyInit });
}

function statusOf(batch: OpenAI.Batches.Batch): BatchStatus {
  const counts = batch.request_counts;
  return {
    id: batch.id,
    status: batch.status,
    total: counts?.total ?? 0,
    completed: counts?.completed ?? 0,
    failed: counts?.failed ?? 0,
    outputFileId: batch.output_file_id ?? null,
    errorFileId: batch.error_file_id ?? null,
  };
}
