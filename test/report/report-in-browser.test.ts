import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateDataset } from '../../cli/commands/evaluate-dataset.ts';
import { EVALUATION_METHOD, type EvaluationFile, type ModelEvaluation, type RefusalRate } from '../../pipeline/evaluation/evaluation-result.ts';
import { parseTargets } from '../../pipeline/evaluation/parse-targets.ts';
import { writeReport } from '../../pipeline/report/write-report.ts';
import { startFakeChatEndpoint } from '../evaluation/fake-chat-endpoint.ts';
import { makeDataset } from '../harness-export/make-dataset.ts';
import { useTempDir } from '../support/temp-dir.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPED report browser test: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const temp = useTempDir();
let browser: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!hasChromium) return;
  profile = await mkdtemp(join(tmpdir(), 'scarecrow-chromium-'));
  // A persistent context is how playwright takes our own fresh --user-data-dir.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1024, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** A dataset with diversity figures, evaluated on two models of known behaviour. */
async function evaluatedDataset(): Promise<string> {
  const dir = await makeDataset({ outputDir: await temp.make(), extra: {
      diversity: {
        set: 'all',
        overall: { count: 4, distinct1: 0.61, distinct2: 0.8123, selfBleu: 0.2, selfBleuSample: 4, sharedOpeningShare: 0.25 },
        byCategory: { violence: { count: 2, distinct1: 0.7, distinct2: 0.9, selfBleu: 0.1, selfBleuSample: 2, sharedOpeningShare: 0 } },
      },
    }, });
  const server = await startFakeChatEndpoint(({ model, prompt }) => (model === 'strict' && /kill|stalkers|hurt/.test(prompt) ? 'refuse' : 'answer'));
  try {
    await evaluateDataset({ dataset: dir, targets: parseTargets({ specs: [`strict=${server.url}`, `lenient=${server.url}`] }), samples: 1 });
  } finally {
    await server.close();
  }
  return dir;
}

describe.skipIf(!hasChromium)('report.html in a headless browser', () => {
  it('renders the funnel, judge agreement, diversity, usage and the evaluation charts with the right numbers, offline', async () => {
    const dir = await evaluatedDataset();
    const page = await browser.newPage();
    const network: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) network.push(request.url());
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);

    expect(await page.locator('#simulated-warning').isVisible()).toBe(true);
    expect(await page.textContent('#size-all')).toBe('4');
    expect(await page.textContent('#size-toxic')).toBe('1');

    const bar = (chart: string, label: string) => page.locator(`#${chart} g.bar[data-label="${label}"]`);
    expect(await bar('funnel-chart', 'seeds').getAttribute('data-value')).toBe('2');
    expect(await bar('funnel-chart', 'candidates generated').getAttribute('data-value')).toBe('6');
    expect(await bar('funnel-chart', 'hard (refused by targets)').getAttribute('data-value')).toBe('2');
    const seedsWidth = (await bar('funnel-chart', 'seeds').locator('rect').boundingBox())!.width;
    const generatedWidth = (await bar('funnel-chart', 'candidates generated').locator('rect').boundingBox())!.width;
    expect(generatedWidth / seedsWidth).toBeCloseTo(3, 1);

    expect(await page.textContent('#judge-unanimous')).toBe('60.0%');
    expect(await page.textContent('#judge-pairwise')).toBe('66.7%');
    const diversityRows = await page.locator('#diversity tbody tr').allTextContents();
    expect(diversityRows).toEqual(['all40.6100.8120.2000.250', 'violence20.7000.9000.1000.000']);
    expect(await page.textContent('#total-cost')).toMatch(/not known/);
    expect(await page.locator('#target-chart g.bar[data-label="sim-target"] text.value').textContent()).toBe('37.5% (2/4 refused)');

    const strict = page.locator('#eval-scatter g.point[data-label="strict"]');
    expect(await strict.getAttribute('data-x')).toBe('0.3333');
    expect(await strict.getAttribute('data-y')).toBe('1');
    const lenient = page.locator('#eval-scatter g.point[data-label="lenient"]');
    const strictBox = (await strict.locator('circle').boundingBox())!;
    const lenientBox = (await lenient.locator('circle').boundingBox())!;
    // strict refuses toxic prompts (higher) and more benign ones (further right) than lenient.
    expect(strictBox.y).toBeLessThan(lenientBox.y);
    expect(strictBox.x).toBeGreaterThan(lenientBox.x);

    const violence = page.locator('#eval-benign-by-category g.bar[data-label="violence · strict"]');
    expect(await violence.getAttribute('data-value')).toBe('0.5');
    expect(await violence.locator('g.interval').count()).toBe(1);
    expect((await violence.locator('g.interval line').first().boundingBox())!.width).toBeGreaterThan(50);
    expect(await page.locator('#eval-toxic-by-category g.bar[data-label="violence · lenient"] text.value').textContent()).toBe('0.0% (n=1)');

    await page.screenshot({ path: join(tmpdir(), 'scarecrow-report.png'), fullPage: true });
    expect(network).toEqual([]);
    await page.close();
  });
});

const rate = (value: number, low: number, high: number, n: number): RefusalRate => ({ refused: Math.round(value * n), n, rate: value, low, high, sample_rate: value });

/** Three models as the simulator's targets score on the bundled seeds: all within 1-14% over-refusal and 30-62% safety. */
async function closeModelsDataset(): Promise<string> {
  const dir = await makeDataset({ outputDir: await temp.make() });
  const model = (name: string, benign: RefusalRate, toxic: RefusalRate): ModelEvaluation => ({
    model: name,
    endpoint: 'simulator',
    simulated: true,
    samples: 1,
    finished_samples: 1500,
    failed_samples: 0,
    overall: { benign, controversial: benign, hard: benign, toxic },
    by_category: {},
    evaluated_at: '2026-12-01T00:00:00.000Z',
  });
  const evaluation: EvaluationFile = {
    dataset: 'fixture-set',
    simulated: true,
    refusal_classifier: 'refusal-lr-v3',
    method: EVALUATION_METHOD,
    models: [
      model('sim-target', rate(0.049, 0.038, 0.062, 1209), rate(0.493, 0.412, 0.574, 142)),
      model('sim-target-lenient', rate(0.015, 0.009, 0.023, 1209), rate(0.38, 0.305, 0.462, 142)),
      model('sim-target-strict', rate(0.118, 0.101, 0.137, 1209), rate(0.535, 0.453, 0.615, 142)),
    ],
  };
  await writeFile(join(dir, 'eval.json'), JSON.stringify(evaluation));
  await writeReport({ dataset: dir });
  return dir;
}

describe.skipIf(!hasChromium)('the over-refusal vs safety scatter in a headless browser', () => {
  it('scales its axes to the models, spreads them over the plot, keeps their labels apart and renders the method as text', async () => {
    const dir = await closeModelsDataset();
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    const chart = page.locator('#eval-scatter');

    expect(await chart.locator('text.x-tick').allTextContents()).toEqual(['0%', '5%', '10%', '15%']);
    expect(await chart.locator('text.y-tick').allTextContents()).toEqual(['20%', '30%', '40%', '50%', '60%', '70%']);

    const plot = (await chart.locator('rect').first().boundingBox())!;
    const dots = await Promise.all((await chart.locator('g.point circle').all()).map(async (circle) => (await circle.boundingBox())!));
    const xs = dots.map((dot) => dot.x + dot.width / 2);
    const ys = dots.map((dot) => dot.y + dot.height / 2);
    // Spread over most of the plot, not crowded into one corner.
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(plot.width * 0.6);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(plot.height * 0.3);

    const labels = await Promise.all((await chart.locator('text.point-label').all()).map(async (label) => (await label.boundingBox())!));
    const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const [index, label] of labels.entries()) {
      expect(label.x).toBeGreaterThanOrEqual(plot.x);
      expect(label.x + label.width).toBeLessThanOrEqual(plot.x + plot.width);
      for (const other of labels.slice(index + 1)) expect(overlap(label, other)).toBe(false);
      dots.forEach((dot, owner) => owner !== index && expect(overlap(label, dot)).toBe(false));
    }

    const method = (await page.textContent('#evaluation p.method'))!;
    expect(method).toMatch(/toxic samples times/);
    expect(method).not.toContain('`');
    // The method's inline code (`samples`, `any`, `all`) is rendered as code, never as backticks.
    expect(await page.locator('#evaluation p.method code').allTextContents()).toEqual(['samples', 'any', 'all']);
    await chart.screenshot({ path: join(tmpdir(), 'scarecrow-report-scatter.png') });
    await page.close();
  });
});

describe('report.html without a browser', () => {
  it('says there is no evaluation yet and shows no simulated warning for a real dataset', async () => {
    const dir = await makeDataset({ outputDir: await temp.make(), simulated: false });
    const { file, evaluated } = await writeReport({ dataset: dir });
    const html = await readFile(file, 'utf8');
    expect(evaluated).toBe(false);
    expect(html).toContain('No evaluation yet');
    expect(html).not.toContain('id="simulated-warning"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('names a malformed eval.json', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    await import('node:fs/promises').then((fs) => fs.writeFile(join(dir, 'eval.json'), '{"models": 3}'));
    await expect(writeReport({ dataset: dir })).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/eval\.json: /) });
  });
});
