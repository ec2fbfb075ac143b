#!/usr/bin/env node
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type AnalyzeOptions } from './core/analyze';
import { StoryboardContexts, type StoryboardContext } from './context';
import { compile, type Compilation } from './core/compile';
import { modelProfiles, nearestModelIds, profileFor } from './core/models';
import type { ModelProfile } from './core/models/types';
import { formatUsd } from './core/target/cost';
import { describeDurations } from './core/target/target';
import { applySafeFixes } from './core/fixes';
import type { Diagnostic } from './core/diagnostics';
import { rules, ruleFor } from './core/rules';
import { bestTake, sceneSpend, takeLogPathFor, takeTotal, type Take, type TakeLog } from './core/takes';
import { formatLineageTree, takeLineage } from './core/lineage';
import { overrideText } from './core/branching';
import { provenanceProblem, takeSettingsFrom } from './core/takeOps';
import { TakeStoreError } from './takeStore';
import { scoreCriteria, scoreCriterionLabels, type ScoreCriterion } from './core/vocabulary';
import { nodeHost } from './node/host';
import { commandLineRoot, fileStatusInside, loadTakeLog, toCorePath, writeFileAtomic } from './node/files';
import { readTextFileSafely, storyboardFileLimit } from './node/readFile';
import { SequenceFinder } from './node/sequences';
import { assembleRoughCut, ExchangeError, exportFilm, importFountain, loadFilm, type ExportFormat } from './node/exchange';

// `sora check|compile|models|takes|explain`: the command line on the same core as the language server.
// Exit codes: 0 no errors, 1 errors found, 2 bad usage (an unknown model id too) or a file that can't be read.

const usage = `Usage:
  sora check PATH... [--format text|json] [--fix]
  sora compile FILE [--model ID] [--variant NAME] [--format text|json]
  sora models [ID] [--format text|json]
  sora takes FILE [--format text|json|csv|tree|tree-json]
  sora takes add STORYBOARD VIDEO [--variant NAME] [--parent ID] [--change TEXT] [--force] [--format text|json]
  sora takes score STORYBOARD ID CRITERION=N... (CRITERION@SHOT=N for one shot, =- to clear)
  sora explain [CODE]
  sora import SCRIPT.fountain [--scene N] [--out DIR]
  sora export PATH --format fountain|shotlist|otio|ffconcat [--html] [--out FILE] [--assemble VIDEO]

PATH may be a .sora file or a folder (searched recursively for *.sora).
--model compiles for another target than the file's own \`settings model:\` (\`sora models\` lists the ids).
Exit codes: 0 no errors, 1 errors found, 2 bad usage, an unknown model id or an unreadable file.`;

class UsageError extends Error {}

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

export function main(argv: string[], output: Output = defaultOutput): number | Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'check':
        return checkCommand(rest, output).catch((error) => reportFailure(error, output));
      case 'compile':
        return compileCommand(rest, output).catch((error) => reportFailure(error, output));
      case 'models':
        return modelsCommand(rest, output);
      case 'takes':
        return takesCommand(rest, output);
      case 'explain':
        return explainCommand(rest, output);
      case 'import':
        return importCommand(rest, output);
      case 'export':
        return exportCommand(rest, output).catch((error) => reportFailure(error, output));
      case '--help':
      case '-h':
      case 'help':
        output.out(usage);
        return 0;
      case '--version':
        output.out(readVersion());
        return 0;
      default:
        throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
    }
  } catch (error) {
    return reportFailure(error, output);
  }
}

function reportFailure(error: unknown, output: Output): number {
  if (error instanceof UsageError) {
    output.err(`sora: ${error.message}\n\n${usage}`);
    return 2;
  }
  output.err(`sora: ${(error as Error).message}`);
  return 2;
}

const defaultOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

function parseArgs(args: string[], valued: string[], flags: string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (flags.includes(name)) {
      options.set(name, true);
    } else if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value.`);
      options.set(name, value);
    } else {
      throw new UsageError(`Unknown option --${name}.`);
    }
  }
  return { positional, options };
}

function formatOption(args: ParsedArgs, allowed: string[]): string {
  const format = args.options.get('format');
  if (format === undefined) return 'text';
  if (typeof format !== 'string' || !allowed.includes(format)) {
    throw new UsageError(`--format takes ${allowed.join(', ')}.`);
  }
  return format;
}

// ---- check -------------------------------------------------------------------------------

interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
}

async function checkCommand(args: string[], output: Output): Promise<number> {
  const parsed = parseArgs(args, ['format'], ['fix']);
  const format = formatOption(parsed, ['text', 'json']);
  if (parsed.positional.length === 0) throw new UsageError('check needs at least one file or folder.');
  let unreadable = false;
  const files: string[] = [];
  for (const target of parsed.positional) {
    const found = collectStoryboards(target);
    if (found === undefined) {
      output.err(`sora: cannot read ${target}: no such file or folder.`);
      unreadable = true;
    } else {
      files.push(...found);
    }
  }
  const reports: FileReport[] = [];
  for (const file of files) {
    const report = await checkFile(file, parsed.options.has('fix'), output);
    if (report) reports.push(report);
    else unreadable = true;
  }
  if (format === 'json') {
    output.out(JSON.stringify(reports.map((report) => ({ file: report.file, diagnostics: report.diagnostics.map(toJsonDiagnostic) })), null, 2));
  } else {
    for (const report of reports) {
      for (const d of report.diagnostics) {
        output.out(`${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
      }
    }
    output.out(summaryLine(reports));
  }
  if (unreadable) return 2;
  return reports.some((report) => report.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

function summaryLine(reports: FileReport[]): string {
  const count = (severity: string) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(reports.length, 'storyboard')} checked: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info.`;
}

function toJsonDiagnostic(d: Diagnostic) {
  return { code: d.code, severity: d.severity, message: d.message, range: d.range };
}

/** The storyboards a path names: itself, or every `*.sora` below a folder. Undefined when it does not exist. */
function collectStoryboards(target: string): string[] | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return undefined;
  }
  if (!stat.isDirectory()) return [target];
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.sora')) found.push(full);
    }
  };
  walk(target);
  return found;
}

async function checkFile(file: string, fix: boolean, output: Output): Promise<FileReport | undefined> {
  const text = readOrFail(file, output);
  if (text === undefined) return undefined;
  const { options } = await analysisInputs(file, text, output);
  let analysis = analyze(text, options);
  if (fix) {
    const fixed = applySafeFixes(text, (current) => analyze(current, options).diagnostics, { first: analysis.diagnostics }).text;
    if (fixed !== text) {
      writeFileAtomic(file, fixed);
      output.err(`sora: fixed ${file}`);
      analysis = analyze(fixed, options);
    }
  }
  return { file, diagnostics: analysis.diagnostics };
}

/**
 * What checking a file needs besides its text, from the same storyboard contexts as the language
 * server's, on the disk: the workspace is where `sora` runs (commandLineRoot), a config file is
 * looked for up to the root of the file system, and a scene's sequence in its folder and the
 * folders above (SequenceFinder). The take log is read once per file, not per pass of --fix.
 */
async function analysisInputs(file: string, text: string, output: Output): Promise<{ context: StoryboardContext; options: AnalyzeOptions }> {
  const context = await contextsFor(output).contextFor(toCorePath(file));
  if (context.configError) throw new Error(context.configError);
  return { context, options: await contextsFor(output).analysisOptions(context, text) };
}

const sequences = new SequenceFinder();
let contexts: StoryboardContexts | undefined;

function contextsFor(output: Output): StoryboardContexts {
  // A take log that is a link is written through only when its target lies inside that workspace.
  contexts ??= new StoryboardContexts(nodeHost({ rootOf: (file) => toCorePath(commandLineRoot(file)) }), {
    workspaceRootOf: (file) => toCorePath(commandLineRoot(file)),
    // A scene listed by a sequence is checked with what it inherits; a sequence against the others around it.
    sequencesFor: (file) => {
      const sequence = sequences.sequenceFor(file);
      return { sequence, otherSequences: sequence ? undefined : sequences.otherSequences(file) };
    },
    report: (problem) => {
      if (problem.kind === 'take-log') output.err(`sora: warning: ${problem.message}`);
    },
  });
  return contexts;
}

// ---- import and export ------------------------------------------------------------------

function importCommand(args: string[], output: Output): number {
  const parsed = parseArgs(args, ['scene', 'out'], []);
  if (parsed.positional.length !== 1) throw new UsageError('import takes exactly one Fountain screenplay.');
  const sceneOption = parsed.options.get('scene');
  const scene = sceneOption === undefined ? undefined : Number(sceneOption);
  if (scene !== undefined && !(Number.isInteger(scene) && scene >= 1)) throw new UsageError('--scene takes a scene number: 1 for the first scene.');
  try {
    const result = importFountain(parsed.positional[0], { scene, outDir: parsed.options.get('out') as string | undefined });
    for (const file of result.written) output.out(`wrote ${file}`);
    output.out(`Imported ${result.written.length} scene${result.written.length === 1 ? '' : 's'}: every <…> is for you to decide, then \`sora check\` the scene${result.written.length === 1 ? '' : 's'}.`);
    return 0;
  } catch (error) {
    if (error instanceof ExchangeError) {
      output.err(`sora: ${error.message} Nothing was written.`);
      return 2;
    }
    throw error;
  }
}

const exportFormats: ExportFormat[] = ['fountain', 'shotlist', 'otio', 'ffconcat'];

async function exportCommand(args: string[], output: Output): Promise<number> {
  const parsed = parseArgs(args, ['format', 'out', 'assemble'], ['html']);
  if (parsed.positional.length !== 1) throw new UsageError('export takes exactly one scene or sequence file.');
  const format = parsed.options.get('format');
  if (typeof format !== 'string' || !(exportFormats as string[]).includes(format)) throw new UsageError(`export needs --format ${exportFormats.join('|')}.`);
  const html = parsed.options.has('html');
  if (html && format !== 'shotlist') throw new UsageError('--html goes with --format shotlist.');
  const assemble = parsed.options.get('assemble') as string | undefined;
  if (assemble && format !== 'ffconcat') throw new UsageError('--assemble goes with --format ffconcat.');
  try {
    const { film } = await loadFilm(parsed.positional[0], contextsFor(output));
    const text = exportFilm(film, format as ExportFormat, html);
    const out = parsed.options.get('out') as string | undefined;
    if (out) {
      writeFileAtomic(out, text);
      output.err(`sora: wrote ${out}`);
    } else if (!assemble) {
      output.out(text.replace(/\n$/, ''));
    }
    if (assemble) {
      const cut = assembleRoughCut(film, assemble);
      output.out(`Rough cut: ${cut.output} from ${cut.clips.length} take${cut.clips.length === 1 ? '' : 's'}:`);
      for (const clip of cut.clips) output.out(`  ${clip}`);
      for (const skipped of cut.skipped) output.out(`  left out: ${skipped}`);
      output.out(`ran: ${cut.command.join(' ')}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ExchangeError) {
      output.err(`sora: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

// ---- compile -----------------------------------------------------------------------------

async function compileCommand(args: string[], output: Output): Promise<number> {
  const parsed = parseArgs(args, ['format', 'variant', 'model'], []);
  const format = formatOption(parsed, ['text', 'json']);
  if (parsed.positional.length !== 1) throw new UsageError('compile takes exactly one storyboard file.');
  const model = parsed.options.get('model') as string | undefined;
  if (model !== undefined && !profileFor(model)) throw new UsageError(unknownModelMessage(model));
  const file = parsed.positional[0];
  const text = readOrFail(file, output);
  if (text === undefined) return 2;
  const { context, options } = await analysisInputs(file, text, output);
  const analysis = analyze(text, options);
  const variant = parsed.options.get('variant') as string | undefined;
  const result = compile(analysis.merged ?? analysis.storyboard, { variant, takeLog: options.takeLog, model, prices: context.config.prices });
  if (result.error) {
    output.err(`sora: ${result.error}`);
    return 2;
  }
  if (format === 'json') output.out(JSON.stringify(compileJson(result), null, 2));
  else output.out(compileText(result));
  // Diagnostics are the file's own (its model's); --model only changes what is compiled.
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) output.err(`sora: ${file} has ${errors} error${errors === 1 ? '' : 's'}; run \`sora check ${file}\` before generating.`);
  return errors ? 1 : 0;
}

function unknownModelMessage(id: string): string {
  return `No model profile is called "${id}". Did you mean ${nearestModelIds(id).join(', ')}? \`sora models\` lists every id.`;
}

/** The JSON contract (docs/targets.md): the seed fields, then the target's. */
function compileJson(result: Compilation) {
  return {
    prompt: result.prompt,
    variant: result.variant,
    remix: result.remix,
    settings: result.settings,
    beats: result.beats.map((beat) => ({ index: beat.index, start: beat.start, end: beat.end, title: beat.title, subject: beat.subject, camera: beat.camera })),
    model: result.model,
    generations: result.generations.map((g) => ({ index: g.index, beats: g.beats, start: g.start, end: g.end, seconds: g.seconds, prompt: g.prompt, parameters: g.parameters, startFrom: g.startFrom, usd: g.usd })),
    cost: result.cost,
    iterate: result.iterate,
    voiceStep: result.voiceStep,
    notes: result.notes,
  };
}

/** The prompt as before targets (pipe it); for a current target, then its generations, cost, voice step and notes. */
function compileText(result: Compilation): string {
  const parts = [result.prompt];
  const model = result.model;
  const current = !!model && model.known && model.status === 'active';
  if (model && current) {
    const lines = [`Target: ${model.label} (${model.id})`];
    {
      for (const g of result.generations) {
        const from = g.startFrom === 'previous' ? ', from the last frame of the one before' : g.startFrom === 'extend' ? ', extending the one before' : '';
        lines.push(`  Generation ${g.index}: beats ${g.beats.join(', ')}, ${g.seconds} s${from}${g.usd !== null ? `, ≈ ${formatUsd(g.usd)}` : ''}`);
      }
    }
    if (result.cost) lines.push(`Cost: ≈ ${formatUsd(result.cost.usd)} at $${result.cost.perSecond}/s (${result.cost.source === 'override' ? 'your price' : `price as of ${result.cost.asOf}, ${result.cost.confidence}`})`);
    parts.push(lines.join('\n'));
  }
  if (result.voiceStep.length) parts.push(['Voice step (not in the prompt):', ...result.voiceStep.map((l) => `  ${formatTime(l.at)} ${l.speaker}: "${l.line}"`)].join('\n'));
  if (result.notes.length && current) parts.push(result.notes.map((note) => `Note: ${note}`).join('\n'));
  if (result.iterate) {
    const name = result.iterate.operation === 'remix' ? 'Remix instruction' : `Iteration (${result.iterate.operation})`;
    parts.push(`${name}${result.remixOf ? ` (for ${result.remixOf})` : ''}:\n${result.iterate.instruction}`);
  }
  return parts.join('\n\n');
}

function formatTime(seconds: number): string {
  const whole = Math.floor(seconds);
  const tenths = Math.round((seconds - whole) * 10);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}${tenths ? `.${tenths}` : ''}`;
}

// ---- models ------------------------------------------------------------------------------

function modelsCommand(args: string[], output: Output): number {
  const parsed = parseArgs(args, ['format'], []);
  const format = formatOption(parsed, ['text', 'json']);
  if (parsed.positional.length > 1) throw new UsageError('models takes at most one model id.');
  const id = parsed.positional[0];
  const profiles = id === undefined ? modelProfiles : [profileFor(id)].filter((p): p is ModelProfile => !!p);
  if (id !== undefined && !profiles.length) throw new UsageError(unknownModelMessage(id));
  if (format === 'json') {
    output.out(JSON.stringify(id === undefined ? profiles : profiles[0], null, 2));
    return 0;
  }
  output.out(id === undefined ? modelsTable(profiles) : modelDetail(profiles[0]));
  return 0;
}

function modelsTable(profiles: readonly ModelProfile[]): string {
  const header = ['id', 'status', 'clip lengths', 'aspects', 'resolutions', 'audio', 'USD/s', 'as of'];
  const rows = profiles.map((p) => [
    p.id,
    p.status.kind === 'retired' ? `retired ${p.status.since}` : 'active',
    describeDurations(p.durations) + (p.durationsConfidence === 'unverified' ? ' ?' : ''),
    p.aspects.join(' '),
    p.resolutions.join(' '),
    audioSummary(p),
    priceSummary(p),
    p.asOf,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  return [line(header), ...rows.map(line), '', `${profiles.length} model${profiles.length === 1 ? '' : 's'}. \`sora models ID\` shows one with its sources; "?" marks an unverified figure.`].join('\n');
}

function modelDetail(p: ModelProfile): string {
  const lines = [
    `${p.label} (${p.id}) by ${p.vendor}${p.openWeights ? ', open weights' : ''}: API model ${p.apiModel}`,
    p.status.kind === 'retired' ? `Status: retired since ${p.status.since} (${p.status.source}); successors: ${p.status.successors.join(', ')}` : 'Status: active',
    `Facts as of ${p.asOf}.`,
    '',
    `Clip lengths: ${describeDurations(p.durations)} per generation (${p.durationsConfidence})${p.defaultDuration ? `, default ${p.defaultDuration} s` : ''}`,
    `Extend: ${p.extend ? `+${p.extend.stepSeconds.join('/')} s per extension, up to ${p.extend.maxTotalSeconds} s${p.extend.resolutions ? ` at ${p.extend.resolutions.join(', ')}` : ''} (${p.extend.operation})` : 'none'}`,
    `Aspects: ${p.aspects.join(', ')}; resolutions: ${p.resolutions.join(', ')}`,
    ...p.couplings.map((c) => `Coupling: ${c.description} (${c.confidence})`),
    `Audio: ${audioSummary(p)} (${p.audio.confidence}); speech written ${p.audio.speech}`,
    `Images: ${[p.images.firstFrame ? 'first frame' : '', p.images.lastFrame ? 'last frame' : '', `${p.images.maxReferences} reference${p.images.maxReferences === 1 ? '' : 's'}`].filter(Boolean).join(', ')} (${p.images.confidence})`,
    `Negative prompt: ${p.negativePrompt.kind === 'parameter' ? `parameter ${p.negativePrompt.name}` : p.negativePrompt.kind === 'prose' ? 'an Avoid: line in the prompt' : `discouraged: ${p.negativePrompt.advice}`}`,
    `Prompt limit: ${p.promptLimit.max} ${p.promptLimit.unit}${p.promptLimit.hard ? '' : ' (advice)'} (${p.promptLimit.confidence})${p.multiShot ? `; shot list of up to ${p.multiShot.maxShots} shots, ${p.multiShot.maxShotPrompt} per shot` : ''}`,
    `Prompt layout: ${p.format}; iterate: ${p.iterate.operation} (${p.iterate.via})`,
    `Price: ${priceSummary(p)} USD/s${p.price.audioUsdPerSecond ? ` + ${p.price.audioUsdPerSecond} with audio` : ''} (${p.price.confidence}; ${p.price.source})`,
    '',
    p.notes,
    '',
    'Sources:',
    ...p.sources.map((source) => `  - ${source.title}${source.url ? ` <${source.url}>` : ''} (${source.confidence})`),
  ];
  return lines.join('\n');
}

function audioSummary(p: ModelProfile): string {
  const kinds = [p.audio.dialogue ? 'speech' : '', p.audio.effects ? 'effects' : '', p.audio.music ? 'music' : ''].filter(Boolean);
  return kinds.length ? kinds.join('+') : 'none';
}

function priceSummary(p: ModelProfile): string {
  const entries = Object.entries(p.price.usdPerSecond);
  if (!entries.length) return '?';
  const text = entries.filter(([key], _, all) => key !== 'default' || all.length === 1).map(([key, usd]) => (key === 'default' ? String(usd) : `${usd}@${key}`)).join(' ');
  return text + (p.price.confidence === 'unverified' ? ' ?' : '');
}

/** The file's text without a byte order mark, so columns match what editors show; never a device or FIFO. */
function readOrFail(file: string, output: Output): string | undefined {
  const read = readTextFileSafely(file, storyboardFileLimit);
  if (read.status === 'ok') return read.text;
  output.err(`sora: cannot read ${file}: ${read.status === 'absent' ? 'ENOENT' : read.message}`);
  return undefined;
}

// ---- takes -------------------------------------------------------------------------------

function takesCommand(args: string[], output: Output): number | Promise<number> {
  // Logging reads the video's content credentials, which is asynchronous; its failures are reported like main's.
  if (args[0] === 'add') return takesAddCommand(args.slice(1), output).catch((error) => reportFailure(error, output));
  if (args[0] === 'score') return takesScoreCommand(args.slice(1), output).catch((error) => reportFailure(error, output));
  const parsed = parseArgs(args, ['format'], []);
  const format = formatOption(parsed, ['text', 'json', 'csv', 'tree', 'tree-json']);
  if (parsed.positional.length !== 1) throw new UsageError('takes takes one storyboard (.sora) or take log (.takes.json).');
  const target = parsed.positional[0];
  const logPath = target.toLowerCase().endsWith('.json') ? target : takeLogPathFor(target);
  const loaded = loadTakeLog(logPath);
  if (loaded.status === 'absent') {
    output.err(`sora: cannot read ${logPath}: no take log yet. Log a take first ("Sora: Log Take" in VS Code).`);
    return 2;
  }
  if (loaded.status === 'invalid') {
    output.err(`sora: ${loaded.message}`);
    return 2;
  }
  const rows = takeRows(loaded.log, logPath);
  const best = bestTake(loaded.log)?.id ?? null;
  if (format === 'json') {
    output.out(JSON.stringify({ storyboard: loaded.log.storyboard, takes: rows, best, spend: sceneSpend(loaded.log) }, null, 2));
  } else if (format === 'tree') {
    output.out(formatLineageTree(takeLineage(loaded.log)));
  } else if (format === 'tree-json') {
    // Apart from --format json, whose shape is the design's contract.
    output.out(JSON.stringify({ storyboard: loaded.log.storyboard, ...takeLineage(loaded.log) }, null, 2));
  } else if (format === 'csv') {
    output.out(takesCsv(rows));
  } else {
    output.out(takesText(loaded.log, rows, best));
  }
  return 0;
}

interface TakeRow {
  id: string;
  file: string;
  variant: string;
  parent: string | null;
  change: string | null;
  scores: Take['scores'] | Record<string, never>;
  total: number | null;
  missing: boolean;
  outside?: string;
  /** The target it was made with (the take's own record, else its settings'). */
  model: string | null;
  usd: number | null;
}

function takeRows(log: TakeLog, logPath: string): TakeRow[] {
  const root = commandLineRoot(logPath);
  return log.takes.map((take) => {
    // A video outside the workspace is not looked at: it counts as missing and says why.
    const video = fileStatusInside(root, logPath, take.file);
    return {
      id: take.id,
      file: take.file,
      variant: take.variant,
      parent: take.parent ?? null,
      change: take.change ?? null,
      scores: take.scores ?? {},
      total: takeTotal(take) ?? null,
      missing: video.status !== 'present',
      ...(video.status === 'outside' ? { outside: video.reason } : {}),
      model: take.model ?? take.settings.model ?? null,
      usd: take.cost?.usd ?? null,
    };
  });
}

const criterionShort: Record<string, string> = {
  promptAdherence: 'PA',
  physicsRealism: 'PR',
  temporalConsistency: 'TC',
  identityStability: 'IS',
  audioSync: 'AS',
};

function takesText(log: TakeLog, rows: TakeRow[], best: string | null): string {
  const header = ['take', 'variant', ...scoreCriteria.map((c) => criterionShort[c]), 'total', 'cost', 'change'];
  const table = rows.map((row) => [
    row.id + (row.id === best ? ' *' : ''),
    row.variant,
    ...scoreCriteria.map((c) => String((row.scores as Record<string, number | undefined>)[c] ?? '-')),
    row.total === null ? '-' : String(row.total),
    row.usd === null ? '-' : formatUsd(row.usd),
    (row.change ?? '') + (row.outside ? ` [video ${row.outside}]` : row.missing ? ' [video missing]' : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd();
  const lines = [`${log.storyboard}: ${rows.length} take${rows.length === 1 ? '' : 's'}`, '', line(header), ...table.map(line), ''];
  lines.push(best ? `Best: ${best} (* above), total ${rows.find((r) => r.id === best)?.total} of 25.` : 'Best: none scored yet.');
  lines.push(spendLine(log));
  lines.push('', 'Trend per criterion (in take order):');
  for (const criterion of scoreCriteria) {
    const values = rows.map((row) => (row.scores as Record<string, number | undefined>)[criterion]);
    lines.push(`  ${scoreCriterionLabels[criterion].padEnd(22)} ${values.map((v) => v ?? '-').join(' → ')}`);
  }
  lines.push(`  ${'Legend'.padEnd(22)} ${scoreCriteria.map((c) => `${criterionShort[c]} ${scoreCriterionLabels[c].toLowerCase()}`).join(', ')}`);
  return lines.join('\n');
}

/** `Spend: $9.60 on 2 takes (1 with no cost recorded)`. */
function spendLine(log: TakeLog): string {
  const spend = sceneSpend(log);
  if (!spend.priced) return `Spend: no cost recorded for ${spend.unpriced === 1 ? 'the take' : `any of the ${spend.unpriced} takes`}.`;
  return `Spend: ${formatUsd(spend.usd)} on ${spend.priced} take${spend.priced === 1 ? '' : 's'}${spend.unpriced ? ` (${spend.unpriced} with no cost recorded)` : ''}.`;
}

function takesCsv(rows: TakeRow[]): string {
  const header = ['id', 'file', 'variant', 'parent', 'change', ...scoreCriteria, 'total', 'missing', 'model', 'usd'];
  const lines = [header.join(',')];
  for (const row of rows) {
    const cells = [row.id, row.file, row.variant, row.parent ?? '', row.change ?? '', ...scoreCriteria.map((c) => String((row.scores as Record<string, number | undefined>)[c] ?? '')), row.total === null ? '' : String(row.total), String(row.missing), row.model ?? '', row.usd === null ? '' : String(row.usd)];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\n');
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// ---- takes add, takes score --------------------------------------------------------------

/** `sora takes add STORYBOARD VIDEO`: logs a take as "Sora: Log Take" does, through the same recordTake. */
async function takesAddCommand(args: string[], output: Output): Promise<number> {
  const parsed = parseArgs(args, ['variant', 'parent', 'change', 'format'], ['force']);
  const format = formatOption(parsed, ['text', 'json']);
  if (parsed.positional.length !== 2) throw new UsageError('takes add takes a storyboard (.sora) and the video to log.');
  const [file, video] = parsed.positional;
  const text = readOrFail(file, output);
  if (text === undefined) return 2;
  const existing = await contextsFor(output).takeLogs.loadFor(toCorePath(file));
  if (existing.status === 'invalid') {
    output.err(`sora: ${existing.message}`);
    return 2;
  }
  const { options } = await analysisInputs(file, text, output);
  const analysis = analyze(text, options);
  const sceneId = analysis.storyboard.scene?.id?.text;
  if (!sceneId) {
    output.err(`sora: ${file} has no \`scene ID\` header, so its takes cannot be named (scene09_take01.mp4). Add one first.`);
    return 2;
  }
  const variantName = (parsed.options.get('variant') as string | undefined) ?? 'main';
  const compiled = compile(analysis.storyboard, { variant: variantName === 'main' ? undefined : variantName, takeLog: options.takeLog });
  if (compiled.error) {
    output.err(`sora: cannot log a take of "${variantName}": ${compiled.error}`);
    return 2;
  }
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors && !parsed.options.has('force')) {
    output.err(`sora: ${file} has ${errors} error${errors === 1 ? '' : 's'}; the prompt logged would be what it compiles to now. Fix them (\`sora check ${file}\`) or pass --force.`);
    return 1;
  }
  // The editor's defaults: the variant's base take as parent, its overrides as the one change.
  const variant = analysis.storyboard.variants.find((v) => v.name?.text === variantName);
  const base = variant?.base?.text;
  const parent = (parsed.options.get('parent') as string | undefined) ?? (base && options.takeLog?.takes.some((t) => t.id === base) ? base : undefined);
  const change = (parsed.options.get('change') as string | undefined) ?? (variant ? variant.overrides.map(overrideText).join('; ') : undefined);
  try {
    const { take } = await contextsFor(output).takeLogs.record({
      storyboardPath: toCorePath(file),
      sceneId,
      variant: variantName,
      parent,
      change,
      prompt: compiled.prompt,
      settings: takeSettingsFrom(compiled.settings),
      video: { kind: 'move', source: toCorePath(video) },
    });
    if (format === 'json') {
      output.out(JSON.stringify(take, null, 2));
      const problem = provenanceProblem(take.provenance);
      if (problem) output.err(`sora: warning: ${take.id}: ${problem}`);
    } else output.out(`Logged ${take.id} in ${takeLogPathFor(file)}: ${take.variant}${take.parent ? ` from ${take.parent}` : ''}, ${take.file}.\n${provenanceLine(take)}`);
    return 0;
  } catch (error) {
    if (error instanceof TakeStoreError) {
      output.err(`sora: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

function provenanceLine(take: Take): string {
  const provenance = take.provenance;
  if (!provenance) return 'Provenance: no video.';
  const problem = provenanceProblem(provenance);
  if (problem) return `Warning: ${problem}`;
  return `Provenance: signed by ${provenance.signer ?? 'an unnamed signer'}${provenance.issuer && provenance.issuer !== provenance.signer ? `, issued by ${provenance.issuer}` : ''}${provenance.claimGenerator ? ` (${provenance.claimGenerator})` : ''}.`;
}

interface ScoreArg {
  criterion: ScoreCriterion;
  shot?: number;
  value: number | undefined;
}

function parseScoreArg(arg: string): ScoreArg {
  const match = /^([A-Za-z]+)(?:@(\d+))?=(.*)$/.exec(arg);
  if (!match) throw new UsageError(`"${arg}" is not CRITERION=N (such as identityStability=4, or identityStability@3=2 for shot 3).`);
  const [, name, shot, raw] = match;
  const criterion = scoreCriteria.find((c) => c.toLowerCase() === name.toLowerCase());
  if (!criterion) throw new UsageError(`"${name}" is not a criterion: ${scoreCriteria.join(', ')}.`);
  if (shot !== undefined && Number(shot) < 1) throw new UsageError('A shot is numbered from 1.');
  if (raw === '-') return { criterion, shot: shot === undefined ? undefined : Number(shot), value: undefined };
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 5) throw new UsageError(`${name}: a score is a whole number from 1 to 5 (or - to clear it).`);
  return { criterion, shot: shot === undefined ? undefined : Number(shot), value };
}

/** `sora takes score STORYBOARD ID CRITERION=N…`: every score checked first, then one atomic write. */
async function takesScoreCommand(args: string[], output: Output): Promise<number> {
  const parsed = parseArgs(args, [], []);
  if (parsed.positional.length < 3) throw new UsageError('takes score takes a storyboard, a take id and at least one CRITERION=N.');
  const [target, takeId, ...scoreArgs] = parsed.positional;
  const scores = scoreArgs.map(parseScoreArg);
  const logPath = target.toLowerCase().endsWith('.json') ? target : takeLogPathFor(target);
  const store = contextsFor(output).takeLogs;
  const loaded = await store.load(toCorePath(logPath));
  if (loaded.status === 'absent') {
    output.err(`sora: cannot read ${logPath}: no take log yet. Log a take first (\`sora takes add\`).`);
    return 2;
  }
  if (loaded.status === 'invalid') {
    output.err(`sora: ${loaded.message}`);
    return 2;
  }
  try {
    // Applied under the log's lock to the log as it is then: a take logged meanwhile is kept.
    const log = await store.score(toCorePath(logPath), takeId, scores);
    const take = log.takes.find((t) => t.id === takeId)!;
    const total = takeTotal(take);
    output.out(`Scored ${takeId}: ${scores.map((s) => `${s.criterion}${s.shot ? ` (shot ${s.shot})` : ''} ${s.value ?? 'cleared'}`).join(', ')}. Total ${total ?? '-'} of 25.`);
    return 0;
  } catch (error) {
    if (error instanceof TakeStoreError) {
      output.err(`sora: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

// ---- explain -----------------------------------------------------------------------------

function explainCommand(args: string[], output: Output): number {
  if (args.length === 0) {
    const width = Math.max(...rules.map((rule) => rule.code.length));
    output.out(rules.map((rule) => `${rule.code.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.summary}`).join('\n'));
    return 0;
  }
  if (args.length > 1) throw new UsageError('explain takes one rule code.');
  const rule = ruleFor(args[0]);
  if (!rule) throw new UsageError(`Unknown rule code "${args[0]}". Run \`sora explain\` for the list.`);
  output.out(`${rule.code} (${rule.severity}): ${rule.summary}\n\n${rule.explanation}`);
  return 0;
}

function readVersion(): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    return manifest.version;
  } catch {
    return 'unknown';
  }
}

if (require.main === module) {
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
