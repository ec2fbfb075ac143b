// Writes schemas/takes.schema.json (the JSON schema of `*.takes.json`, used by VS Code's
// jsonValidation) from the zod schema in server/src/core/takes.ts. Runs after `tsc -b`, which
// compiles server/out. `--check` only compares and exits 1 when the committed file is stale.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { takeLogJsonSchemaText } = require(join(root, 'server/out/core/takeSchema.js'));
const target = join(root, 'schemas/takes.schema.json');
const text = takeLogJsonSchemaText();

let current = null;
try {
  current = readFileSync(target, 'utf8');
} catch {
  // absent: written below
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('schemas/takes.schema.json is out of date: run `node scripts/generate-schema.mjs`.');
    process.exit(1);
  }
} else if (current !== text) {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text, 'utf8');
  console.log('wrote schemas/takes.schema.json');
}
