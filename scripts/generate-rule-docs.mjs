// Writes docs/rules.md from the rule table, so the reference can never drift from the checker.
// `node scripts/generate-rule-docs.mjs` (run by `npm run build`); `--check` fails if the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { rules } = require('../server/out/core/rules/index.js');

export function renderRuleDocs() {
  const lines = [
    '# Rules',
    '',
    'Every diagnostic of the storyboard checker, generated from the rule table (`server/src/core/rules/`).',
    'The same text appears in hovers and in `sora explain CODE`. Severities can be changed or rules turned',
    'off per code in VS Code settings (`sora.rules`) or in `.sorarc.json` / `sora.config.json`:',
    '',
    '```json',
    '{ "rules": { "duration-draft": "off", "camera-unknown": "warning" }, "wordsPerSecond": 2.5 }',
    '```',
    '',
    '| code | severity | when |',
    '|---|---|---|',
    ...rules.map((rule) => `| [\`${rule.code}\`](#${rule.code}) | ${rule.severity} | ${rule.summary.replace(/\|/g, '\\|')} |`),
    '',
  ];
  for (const rule of rules) {
    lines.push(`## ${rule.code}`, '', `**${rule.severity}** — ${rule.summary}`, '', rule.explanation.trim(), '');
  }
  return lines.join('\n');
}

const target = new URL('../docs/rules.md', import.meta.url);
const rendered = renderRuleDocs();
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== rendered) {
    console.error('docs/rules.md is out of date: run `node scripts/generate-rule-docs.mjs`.');
    process.exit(1);
  }
} else {
  writeFileSync(target, rendered);
}
