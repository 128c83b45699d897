import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../pipeline/input/load-config.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

async function problemsOf(text: string | Buffer): Promise<string> {
  const dir = await temp.make();
  await writeFile(join(dir, 'my.json'), text);
  return loadConfig(join(dir, 'my.json')).then(
    () => '',
    (error: Error) => error.message,
  );
}

describe('config problems', () => {
  it('names the line of a field inside the right array element, not the first key of that name', async () => {
    const text = ['{', '  "judges": [', '    { "model": "a",', '      "maxConcurrency": 4 },', '    { "model": "b", "maxConcurrency": 2 },', '    { "model": "c",', '', '      "maxConcurrency": -1 }', '  ]', '}'].join('\n');
    expect(await problemsOf(text)).toMatch(/^\S*my\.json:8: judges\[2\]\.maxConcurrency: /);
  });

  it('reports every problem, each with its own line, in line order', async () => {
    const text = ['{', '  "colour": "red",', '  "probe": {', '    "samples": "three",', '    "shade": 1', '  },', '  "name": 7', '}'].join('\n');
    const message = await problemsOf(text);
    expect(message).toMatch(/my\.json: 4 problems/);
    const lines = message.split('\n').slice(1).map((line) => line.trim().replace(/^\S*my\.json/, 'my.json'));
    expect(lines).toEqual([
      'my.json:2: colour: unknown field colour',
      expect.stringMatching(/^my\.json:4: probe\.samples: .*expected number/),
      'my.json:5: probe.shade: unknown field shade',
      expect.stringMatching(/^my\.json:7: name: .*expected string/),
    ]);
  });

  it.each(['localhost:8000/v1', 'ftp://127.0.0.1/v1', 'file:///etc/passwd', 'gpu-box:8000'])('accepts only http and https endpoints, not %s', async (baseURL) => {
    const text = `{\n  "generator": {\n    "model": "m",\n    "baseURL": ${JSON.stringify(baseURL)}\n  }\n}`;
    expect(await problemsOf(text)).toMatch(/my\.json:4: generator\.baseURL: must be an http:\/\/ or https:\/\/ URL/);
  });

  it.each(['http://user:s3cret-9876@localhost:8000/v1', 'https://api.example.com/v1?api-key=s3cret-9876'])('refuses credentials in a baseURL, for every runner, without echoing them: %s', async (baseURL) => {
    const text = `{\n  "targets": [\n    {\n      "model": "m",\n      "baseURL": ${JSON.stringify(baseURL)}\n    }\n  ]\n}`;
    const message = await problemsOf(text);
    expect(message).toMatch(/my\.json:5: targets\[0\]\.baseURL: carries credentials .*apiKeyEnv/);
    expect(message).not.toContain('s3cret-9876');
  });

  it('accepts http and https endpoints', async () => {
    for (const baseURL of ['http://localhost:8000/v1', 'https://api.openai.com/v1', 'http://[::1]:11434/v1']) {
      expect(await problemsOf(JSON.stringify({ generator: { model: 'm', baseURL } }))).toBe('');
    }
  });

  it('accepts a byte-order mark before the JSON', async () => {
    expect(await problemsOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name": "with-bom"}')]))).toBe('');
  });

  it('refuses invalid UTF-8, naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "name": "x",\n  "output": { "license": "caf'), Buffer.from([0xe9]), Buffer.from('" }\n}')]);
    expect(await problemsOf(bytes)).toMatch(/my\.json:3: not valid UTF-8/);
  });

  it('refuses a config file over 1 MiB without parsing it', async () => {
    const text = `{"name": "big", "output": {"license": "${'x'.repeat(1024 * 1024)}"}}`;
    expect(await problemsOf(text)).toMatch(/my\.json: the config file is 1\.0 MiB, more than the 1 MiB a config may be/);
  });
});
