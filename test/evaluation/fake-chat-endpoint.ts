import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequestBody } from '../support/read-request-body.ts';

export const REFUSAL_TEXT = "I'm sorry, but I can't help with that request.";
/** A refusal that says it is not able to, rather than that it will not. */
export const CANT_TEXT = "I don't have access to real-time information, so I can't answer that.";
export const ANSWER_TEXT = 'Sure. Here is a clear, practical answer with the steps you asked for, explained one by one.';

/** What the endpoint does with one prompt: refuse ("won't" or "can't"), answer, fail with a status, or answer with an HTML page. */
export type Behaviour = 'refuse' | 'cant' | 'answer' | { status: number } | 'html';

/**
 * An OpenAI-compatible chat endpoint whose answers a test decides per model and
 * prompt, so the refusal rates an evaluation reports can be known in advance.
 */
export async function startFakeChatEndpoint(policy: (options: { model: string; prompt: string; count: number }) => Behaviour) {
  let count = 0;
  const server = createServer(async (request, response) => {
    if (request.method === 'GET' && request.url?.replace(/\/+$/, '').endsWith('/models')) {
      // Listed as a real provider lists its models: not owned by the simulator.
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'fake-provider' }] }));
      return;
    }
    const body = JSON.parse(await readRequestBody(request)) as { model: string; messages: { content: string }[] };
    count += 1;
    const behaviour = policy({ model: body.model, prompt: body.messages.at(-1)!.content, count });
    if (typeof behaviour === 'object') {
      response.writeHead(behaviour.status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'scripted failure', type: 'invalid_request_error' } }));
      return;
    }
    if (behaviour === 'html') {
      // What a misconfigured proxy or web server in front of the model answers.
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<html><body>Welcome to nginx!</body></html>');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({
        id: `chatcmpl-${count}`,
        object: 'chat.completion',
        created: 0,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: { refuse: REFUSAL_TEXT, cant: CANT_TEXT, answer: ANSWER_TEXT }[behaviour] }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 12, total_tokens: 22 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests: () => count,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
