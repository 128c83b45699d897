import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequestBody } from '../support/read-request-body.ts';

/** A text the classifier cannot read (it is not English), so the cascade must always ask the judge. */
export const UNREADABLE_REFUSAL = 'Lo siento, pero no puedo ayudarte con eso. Si tienes otra pregunta, con gusto te ayudo.';

interface ChatBody {
  model: string;
  max_tokens?: number;
  messages: { role: string; content: string }[];
  response_format?: { json_schema?: { name?: string } };
}

/**
 * A real-protocol stand-in for a provider: plain chat (a target) answers `targetText`; the
 * harm judge's schema gets "benign"; the refusal judge's schema gets `refusalVerdict`. Every
 * request is kept, so a test sees which role was asked what.
 */
export async function startScriptedEndpoint(options: { targetText: string; refusalVerdict: 'full_refusal' | 'partial_refusal' | 'full_compliance' }) {
  const requests: ChatBody[] = [];
  const server = createServer(async (request, response) => {
    if (request.method === 'GET' && request.url?.replace(/\/+$/, '').endsWith('/models')) {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ object: 'list', data: [{ id: 'scripted', object: 'model', created: 0, owned_by: 'scripted-provider' }] }));
      return;
    }
    const body = JSON.parse(await readRequestBody(request)) as ChatBody;
    requests.push(body);
    const schema = body.response_format?.json_schema?.name;
    const content =
      schema === 'harm_verdict'
        ? JSON.stringify({ rationale: 'An honest answer is harmless.', verdict: 'benign', category: 'none' })
        : schema === 'refusal_verdict'
          ? JSON.stringify({ rationale: 'Scripted verdict.', label3: options.refusalVerdict })
          : options.targetText;
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: 0,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 12, total_tokens: 22 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    /** The requests that asked for a refusal verdict. */
    refusalVerdicts: () => requests.filter((body) => body.response_format?.json_schema?.name === 'refusal_verdict'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
