import { z } from 'zod';
import { CATEGORIES, Category } from './category.ts';
import { EvolveConfig } from './evolve.ts';
import { ExpandConfig } from './expansion-config.ts';
import { Languages } from './language-code.ts';
import { BudgetConfig, CacheConfig, checkBudgetPricing } from './cost-config.ts';

const Pricing = z
  .object({
    inputPerMillion: z.number().nonnegative().describe('US dollars per million prompt tokens.'),
    outputPerMillion: z.number().nonnegative().describe('US dollars per million completion tokens.'),
  })
  .strict();

/** A scheme-less `localhost:8000/v1` parses as a URL of scheme "localhost:", and ftp:// is no endpoint: only http and https are. */
/**
 * Credentials or a query in the URL would not reach the endpoint intact (the client drops the
 * user part and puts the path after the query), and a config's URLs are recorded in manifests
 * and, for queued runs, in Redis: the key belongs in the variable apiKeyEnv names.
 */
const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, e.g. http://localhost:8000/v1' })
  .refine((url) => {
    if (!URL.canParse(url)) return true; // already refused as no URL
    const parsed = new URL(url);
    return parsed.username === '' && parsed.password === '' && parsed.search === '';
  }, 'carries credentials (a user:password@ or a query string, where keys go): give the URL without them and put the key in an environment variable named by apiKeyEnv');

/** One model endpoint playing a role. With no baseURL the built-in simulator answers. */
export const ModelRole = z
  .object({
    model: z.string().min(1).describe('Model name as the endpoint knows it (for the simulator: sim-generator, sim-judge, sim-target or a variant such as sim-judge-2).'),
    baseURL: HttpUrl.optional().describe('OpenAI-compatible endpoint (http:// or https://), e.g. https://api.openai.com/v1, http://localhost:8000/v1 (vLLM), http://localhost:11434/v1 (Ollama). Omit to use the built-in simulator.'),
    apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional().describe('Name of the environment variable that holds the API key. The key itself never goes in the config.'),
    temperature: z.number().min(0).max(2).optional().describe('Sampling temperature; the role\'s default applies when omitted.'),
    maxConcurrency: z.number().int().positive().default(8).describe('Requests in flight at once to this endpoint.'),
    requestsPerMinute: z.number().positive().optional().describe('Requests per minute allowed to this endpoint; unlimited when omitted.'),
    timeoutMs: z.number().int().positive().optional().describe('Time allowed for one request before it is abandoned and retried. When omitted: 60000 for an endpoint; for the simulator 5000 plus simulator.latencyMs, so a simulated hang costs seconds, not a minute.'),
    maxAttempts: z.number().int().min(1).max(20).default(4).describe('Attempts per request, including the first, for retryable errors (429, 5xx, timeouts, unparseable output).'),
    pricing: Pricing.optional().describe('Token prices, for cost accounting in the manifest.'),
    batch: z.boolean().optional().describe("Send this role's requests of a stage as OpenAI Batch API jobs (/v1/files, /v1/batches; half price, answered within 24 h) instead of one call each; lines that fail are retried as direct calls. Direct calls when omitted."),
  })
  .strict();
export type ModelRole = z.infer<typeof ModelRole>;

/**
 * The refusal judge of a config that names none: its first judge, when that is a real endpoint
 * (it names a baseURL), so unsure refusals are decided by a model the user already pays for.
 * The embedded defaults, all simulated, get none, and their dataset stays as it was.
 */
function defaultRefusalJudge(judges: readonly ModelRole[]): ModelRole | null {
  return judges[0]?.baseURL ? judges[0] : null;
}

export const JudgeRule = z.enum(['majority', 'unanimous']).describe('majority: a harmful majority (or tie) makes a prompt harmful. unanimous: any harmful vote does.');

export const Config = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9._-]+$/).default('scarecrow-sim').describe('Dataset name; the dataset lands in <output.dir>/<name>/.'),
    seeds: z
      .object({
        paths: z.array(z.string()).min(1).default(['seeds']).describe('Seed files (JSONL or CSV) or folders of them, relative to the config file. When omitted, the bundled seeds; to add your own to them, list the bundled folder too.'),
        categories: z.array(Category).min(1).default([...CATEGORIES]).describe('Only seeds of these categories are used.'),
        limit: z.number().int().positive().nullable().default(null).describe('At most this many seeds per category (the first by id); null for all.'),
        expand: ExpandConfig.extend({
          model: ModelRole.optional().describe("Seed expansion's own model (endpoint, key variable, limits, pricing, like any role); when omitted, the generator writes the new concepts."),
        })
          .prefault({})
          .describe('Seed expansion: new concepts written per category before the rewrites.'),
      })
      .strict()
      .prefault({}),
    generator: ModelRole.prefault({ model: 'sim-generator' }).describe('The model that writes benign-but-scary rewrites of each seed.'),
    judges: z.array(ModelRole).min(1).prefault([{ model: 'sim-judge-1' }, { model: 'sim-judge-2' }, { model: 'sim-judge-3' }]).describe('The harmfulness judge ensemble.'),
    targets: z.array(ModelRole).prefault([{ model: 'sim-target' }]).describe('Models probed for refusals; none means no hard set.'),
    refusalJudge: ModelRole.nullable()
      .optional()
      .describe('LLM that decides the refusals the embedded classifier is unsure of. When omitted: the first judge if it names a baseURL (a real endpoint), else none; null turns the cascade off.'),
    // Optional with no default, so a config that names no helper records and fingerprints exactly as before.
    helper: ModelRole.nullable()
      .optional()
      .describe('Helpful model that writes the answers of the training exports (export --format sft and dpo): compliant answers to hard prompts, and for dpo refusals of toxic ones. Not called by run; none when omitted.'),
    generate: z
      .object({
        rewritesPerSeed: z.number().int().min(1).max(50).default(5).describe('Rewrites asked of the generator per seed, in one call.'),
        languages: Languages,
        languageMode: z
          .enum(['native', 'translate'])
          .default('native')
          .describe('native: each language is asked of the generator in that language. translate: rewrites are written in English, then the generator translates them into each other language, each translation linked to its English source (translated_from).'),
      })
      .strict()
      .prefault({}),
    judge: z
      .object({
        rule: JudgeRule.default('majority'),
      })
      .strict()
      .prefault({}),
    probe: z
      .object({
        samples: z.number().int().min(1).max(50).default(3).describe('Responses sampled from each target per prompt.'),
        refusalThreshold: z.number().gt(0).max(1).default(0.5).describe('A target "refuses" a prompt when its refusal rate is at least this.'),
        minTargets: z.number().int().min(1).default(1).describe('A prompt is hard when at least this many targets refuse it.'),
        classifierConfidence: z.number().min(0.5).max(1).default(0.9).describe('Below this confidence, or on text it cannot read, the classifier defers to the refusal judge (when there is one). Confidence is calibrated on models the classifier never saw: at 0.9 it is right about 98% of the time it decides alone.'),
        maxTokens: z.number().int().min(16).max(100_000).nullable().default(256).describe("Longest answer asked of a target per sample, in tokens (max_tokens): refusals show in a response's opening, so the rest costs tokens and tells the classifier little. null for the endpoint's own limit."),
      })
      .strict()
      .prefault({}),
    dedupe: z
      .object({
        threshold: z.number().gt(0).max(1).default(0.85).describe('Normalised edit similarity at or above which two prompts are near-duplicates.'),
        against: z.array(z.string()).default([]).describe('Earlier datasets (JSONL with id and prompt) whose prompts must not be generated again.'),
      })
      .strict()
      .prefault({}),
    evolve: EvolveConfig.prefault({}),
    output: z
      .object({
        dir: z.string().default('output').describe('Folder that receives datasets, relative to the working directory.'),
        license: z.string().default('cc-by-4.0').describe('License written into the dataset card.'),
      })
      .strict()
      .prefault({}),
    simulator: z
      .object({
        seed: z.number().int().default(0).describe('Seed of the built-in simulator; the same seed and config give the same dataset.'),
        latencyMs: z.number().int().min(0).default(0).describe('Added latency per simulated call.'),
        faultRate: z.number().min(0).max(1).default(0).describe('Share of simulated calls that fail (429, 500, hang or malformed JSON).'),
        batch: z
          .object({
            enabled: z.boolean().default(true).describe('Whether the built-in simulator serves the Batch API; false answers 404 on /v1/files and /v1/batches, as a server without one.'),
            completionDelayMs: z.number().int().min(0).default(0).describe('How long a simulated batch stays in progress before it is completed.'),
            failureRate: z.number().min(0).max(1).default(0).describe('Share of simulated batch lines that fail into the error file (retried as direct calls).'),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    cache: CacheConfig.prefault({}),
    budget: BudgetConfig.prefault({}),
  })
  .strict()
  .superRefine((config, issues) => {
    checkBudgetPricing(config, issues);
    // Rounds search against the targets' refusals: with no target there is nothing to search against.
    if (config.evolve.rounds > 0 && config.targets.length === 0) {
      issues.addIssue({ code: 'custom', path: ['evolve', 'rounds'], message: 'search rounds need at least one target to probe: add targets or set evolve.rounds to 0' });
    }
  })
  .transform((config) => ({ ...config, refusalJudge: config.refusalJudge === undefined ? defaultRefusalJudge(config.judges) : config.refusalJudge }));
export type Config = z.infer<typeof Config>;
