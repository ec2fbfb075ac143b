// Writes the `sora.rules` setting's list of codes (package.json contributes.configuration, its
// propertyNames enum) from the rule table, so VS Code completes and checks every code the checker
// has. `node scripts/generate-rule-enum.mjs` (run by `npm run docs`); `--check` exits 1 when stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { rules } = require('../server/out/core/rules/index.js');

const target = new URL('../package.json', import.meta.url);
const text = readFileSync(target, 'utf8');
const manifest = JSON.parse(text);
const properties = [manifest.contributes.configuration].flat().map((section) => section.properties ?? {});
const setting = properties.find((props) => props['sora.rules'])?.['sora.rules'];
if (!setting?.propertyNames) {
  console.error('package.json: contributes.configuration has no sora.rules with propertyNames.');
  process.exit(1);
}
const codes = rules.map((rule) => rule.code);
const current = setting.propertyNames.enum ?? [];
const stale = JSON.stringify(current) !== JSON.stringify(codes);
if (process.argv.includes('--check')) {
  if (stale) {
    console.error('package.json: the sora.rules codes are out of date with the rule table: run `npm run docs`.');
    process.exit(1);
  }
} else if (stale) {
  setting.propertyNames.enum = codes;
  // package.json is two-space JSON with a final newline; keep it so.
  writeFileSync(target, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log('wrote the sora.rules codes in package.json');
}
