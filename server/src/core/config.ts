import * as z from 'zod';
import type { Severity } from './diagnostics';
import { formatJsonPath } from './takes';
import { defaultWordsPerSecond } from './vocabulary';

// Rule switches and severity overrides, from VS Code settings (`sora.rules`) or a `.sorarc.json` /
// `sora.config.json` at the workspace root. The same schema validates both.

export const ruleSettingSchema = z.enum(['error', 'warning', 'info', 'off']);
export type RuleSetting = z.infer<typeof ruleSettingSchema>;

/** USD per second, by resolution (`1080p`), `default` for the others, and `audio` for the audio surcharge. */
export const modelPricesSchema = z.record(z.string(), z.number().min(0).max(100));

export const soraConfigSchema = z
  .object({
    rules: z.record(z.string(), ruleSettingSchema).optional(),
    wordsPerSecond: z.number().min(0.5).max(6).optional(),
    /** Price overrides per model id: prices change faster than releases. */
    prices: z.record(z.string(), modelPricesSchema).optional(),
  })
  .strict();

export type SoraConfig = z.infer<typeof soraConfigSchema>;

export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  wordsPerSecond: number;
  /** Per model id and resolution; a later layer's figure wins, figure by figure. */
  prices: Record<string, Record<string, number>>;
}

export const configFileNames = ['.sorarc.json', 'sora.config.json'] as const;

export function resolveConfig(...layers: (SoraConfig | undefined)[]): ResolvedConfig {
  const resolved: ResolvedConfig = { rules: {}, wordsPerSecond: defaultWordsPerSecond, prices: {} };
  for (const layer of layers) {
    if (!layer) continue;
    Object.assign(resolved.rules, layer.rules ?? {});
    for (const [model, prices] of Object.entries(layer.prices ?? {})) resolved.prices[model] = { ...resolved.prices[model], ...prices };
    if (layer.wordsPerSecond !== undefined) resolved.wordsPerSecond = layer.wordsPerSecond;
  }
  return resolved;
}

export type ConfigParse = { ok: true; config: SoraConfig } | { ok: false; message: string };

/** Validates a config object; `knownCodes` turns a misspelt rule code into a clear error. */
export function validateConfig(value: unknown, source: string, knownCodes: readonly string[]): ConfigParse {
  const result = soraConfigSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${formatJsonPath(issue.path) || '(top level)'}: ${issue.message}`);
    return { ok: false, message: `${source}: ${problems.join('; ')}. Rules take "error", "warning", "info" or "off"; prices take USD per second by resolution, such as {"veo-3.1": {"1080p": 0.4}}.` };
  }
  const unknown = Object.keys(result.data.rules ?? {}).filter((code) => !knownCodes.includes(code));
  if (unknown.length) {
    return { ok: false, message: `${source}: unknown rule code${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}. \`sora explain\` lists the codes.` };
  }
  return { ok: true, config: result.data };
}

export function parseConfigText(text: string, source: string, knownCodes: readonly string[]): ConfigParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${source}: not valid JSON (${(error as Error).message}).` };
  }
  return validateConfig(json, source, knownCodes);
}

export function effectiveSeverity(config: ResolvedConfig | undefined, code: string, severity: Severity): Severity | undefined {
  const setting = config?.rules[code];
  if (setting === 'off') return undefined;
  return setting ?? severity;
}
