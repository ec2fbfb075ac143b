import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/out/core/analyze';
import type { Diagnostic } from '../../server/out/core/diagnostics';
import { repoRoot } from '../helpers/paths';

// How well the rules that judge words do on storyboards written the way people write them: a
// corpus of realistic storyboards in test/corpus/, each with the problems a reader sees in it
// (NAME.expect.json, written before running the checker). `npm run accuracy` prints precision and
// recall per rule; test/core/accuracy.test.ts holds the checker to the corpus.

/** The rules whose judgement rests on the words of the storyboard rather than its structure. */
export const wordRules = [
  'identity-drift',
  'lighting-drift',
  'lighting-flicker',
  'physics-risk',
  'dialogue-length',
  'subjects-many',
  'style-words',
  'camera-unknown',
] as const;

export const corpusDir = path.join(repoRoot, 'test/corpus');

export interface Expected {
  code: string;
  /** 1-based line. */
  line: number;
}

export interface Finding extends Expected {
  severity: string;
  message: string;
}

export interface FileResult {
  name: string;
  expected: Expected[];
  /** Every diagnostic of a word rule. */
  found: Finding[];
  /** Diagnostics of the other rules: the corpus is meant to be valid and otherwise clean. */
  others: Finding[];
  missed: Expected[];
  falseAlarms: Finding[];
}

export interface RuleScore {
  code: string;
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
}

export interface Report {
  files: FileResult[];
  rules: RuleScore[];
  cleanFiles: number;
  cleanFilesClean: number;
  planted: number;
  plantedFound: number;
}

const isWordRule = (code: string): boolean => (wordRules as readonly string[]).includes(code);

function readExpectations(file: string): Expected[] {
  const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${file}: expected an array of { code, line }`);
  return raw.map((item, i) => {
    const { code, line } = (item ?? {}) as { code?: unknown; line?: unknown };
    if (typeof code !== 'string' || !isWordRule(code) || typeof line !== 'number' || !Number.isInteger(line) || line < 1) {
      throw new Error(`${file}[${i}]: expected { "code": one of the word rules, "line": a 1-based line }`);
    }
    return { code, line };
  });
}

function toFinding(d: Diagnostic): Finding {
  return { code: d.code, line: d.range.start.line + 1, severity: d.severity, message: d.message };
}

/** One storyboard checked against what a reader expects of it. */
export function scoreFile(name: string, text: string, expected: Expected[]): FileResult {
  const { diagnostics } = analyze(text, { documentPath: `${corpusDir.replace(/\\/g, '/')}/${name}.sora` });
  const found = diagnostics.filter((d) => isWordRule(d.code)).map(toFinding);
  const others = diagnostics.filter((d) => !isWordRule(d.code)).map(toFinding);
  const same = (a: Expected, b: Expected) => a.code === b.code && a.line === b.line;
  return {
    name,
    expected,
    found,
    others,
    missed: expected.filter((e) => !found.some((f) => same(e, f))),
    falseAlarms: found.filter((f) => !expected.some((e) => same(e, f))),
  };
}

export function corpusNames(dir = corpusDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sora'))
    .map((file) => file.slice(0, -'.sora'.length))
    .sort();
}

export function scoreCorpus(dir = corpusDir): Report {
  const files = corpusNames(dir).map((name) => {
    const expectFile = path.join(dir, `${name}.expect.json`);
    if (!fs.existsSync(expectFile)) throw new Error(`${name}.sora has no ${name}.expect.json beside it`);
    return scoreFile(name, fs.readFileSync(path.join(dir, `${name}.sora`), 'utf8'), readExpectations(expectFile));
  });
  const rules = wordRules.map((code) => {
    let truePositives = 0;
    let falseNegatives = 0;
    let falsePositives = 0;
    for (const file of files) {
      const expected = file.expected.filter((e) => e.code === code).length;
      const missed = file.missed.filter((e) => e.code === code).length;
      truePositives += expected - missed;
      falseNegatives += missed;
      falsePositives += file.falseAlarms.filter((f) => f.code === code).length;
    }
    return { code, truePositives, falseNegatives, falsePositives };
  });
  const clean = files.filter((file) => !file.expected.length);
  const planted = files.reduce((n, file) => n + file.expected.length, 0);
  return {
    files,
    rules,
    cleanFiles: clean.length,
    cleanFilesClean: clean.filter((file) => !file.found.length && !file.others.length).length,
    planted,
    plantedFound: planted - files.reduce((n, file) => n + file.missed.length, 0),
  };
}

const percent = (part: number, whole: number): string => (whole ? `${Math.round((part / whole) * 1000) / 10} %` : '—');

export function formatReport(report: Report): string {
  const out: string[] = [];
  const header = ['rule', 'planted', 'found', 'missed', 'false alarms', 'precision', 'recall'];
  const rows = report.rules.map((r) => [
    r.code,
    String(r.truePositives + r.falseNegatives),
    String(r.truePositives),
    String(r.falseNegatives),
    String(r.falsePositives),
    percent(r.truePositives, r.truePositives + r.falsePositives),
    percent(r.truePositives, r.truePositives + r.falseNegatives),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  out.push(`${corpusNames().length} storyboards in test/corpus: ${report.cleanFiles} clean, ${report.files.length - report.cleanFiles} with a planted problem`, '');
  out.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), '');
  out.push(`clean files clean:      ${report.cleanFilesClean}/${report.cleanFiles} (${percent(report.cleanFilesClean, report.cleanFiles)})`);
  out.push(`planted problems found: ${report.plantedFound}/${report.planted} (${percent(report.plantedFound, report.planted)})`);
  const misses = report.files.flatMap((file) => file.missed.map((m) => `  ${file.name}.sora:${m.line} ${m.code}`));
  const alarms = report.files.flatMap((file) => file.falseAlarms.map((f) => `  ${file.name}.sora:${f.line} ${f.severity} ${f.code}: ${f.message}`));
  const others = report.files.flatMap((file) => file.others.map((f) => `  ${file.name}.sora:${f.line} ${f.severity} ${f.code}: ${f.message}`));
  if (misses.length) out.push('', 'Missed:', ...misses);
  if (alarms.length) out.push('', 'False alarms:', ...alarms);
  if (others.length) out.push('', 'Other rules (the corpus should be clean under them):', ...others);
  return out.join('\n');
}

/** The targets the corpus holds the checker to. */
export function meetsTargets(report: Report): boolean {
  return report.cleanFilesClean === report.cleanFiles && report.plantedFound >= 0.95 * report.planted;
}

if (require.main === module) {
  const report = scoreCorpus();
  console.log(formatReport(report));
  process.exitCode = meetsTargets(report) ? 0 : 1;
}
