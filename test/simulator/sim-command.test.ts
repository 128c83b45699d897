import { Command } from 'commander';
import OpenAI from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerSimCommand } from '../../cli/commands/sim.ts';
import { isUserError } from '../../pipeline/errors/user-error.ts';

function program(): Command {
  const root = new Command().exitOverride();
  registerSimCommand(root);
  return root;
}

afterEach(() => vi.restoreAllMocks());

describe('scarecrow sim', () => {
  it('serves on the announced URL, says loudly it is a simulator, and stops on SIGINT', async () => {
    const printed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    const running = program().parseAsync(['node', 'scarecrow', 'sim', '--port', '0', '--seed', '3']);
    await vi.waitFor(() => expect(printed.join('')).toMatch(/http:\/\/127\.0\.0\.1:\d+\/v1/), { timeout: 5000 });
    const url = /http:\/\/127\.0\.0\.1:\d+\/v1/.exec(printed.join(''))![0];
    expect(printed.join('')).toMatch(/SIMULATOR.*not by a real model/);

    const client = new OpenAI({ baseURL: url, apiKey: 'x', maxRetries: 0 });
    const completion = await client.chat.completions.create({ model: 'sim-target', messages: [{ role: 'user', content: 'Hi there' }] });
    expect(completion.choices[0].message.content).toBeTruthy();

    process.emit('SIGINT', 'SIGINT');
    await running;
    expect(printed.join('')).toMatch(/stopped after 1 requests/);
    await expect(fetch(`${url}/models`)).rejects.toThrow();
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  it.each([
    [['--port', '70000'], '--port'],
    [['--port', 'abc'], '--port'],
    [['--fault-rate', '1.5'], '--fault-rate'],
    [['--latency-ms', '-1'], '--latency-ms'],
    [['--faults', 'rate_limit,meteor'], '--faults'],
  ])('rejects %j with a UserError naming the flag', async (flags, flag) => {
    const error = await program().parseAsync(['node', 'scarecrow', 'sim', ...flags]).then(() => null, (caught: unknown) => caught);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain(flag);
    expect(process.listenerCount('SIGINT')).toBe(0);
  });
});
