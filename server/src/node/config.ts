import * as fs from 'node:fs';
import * as path from 'node:path';
import { configFileNames, parseConfigText, type ConfigParse } from '../core/config';
import { rules } from '../core/rules';
import { dataFileLimit, readTextFileSafely } from './readFile';

// `.sorarc.json` / `sora.config.json` for the language server and the CLI. Apart from files.ts
// because validating rule codes needs the rule table, which the client must not bundle.

/** The nearest `.sorarc.json` or `sora.config.json`, from the file's folder up to `stopAt` (or the root). */
export function findConfigFile(startFile: string, stopAt?: string): string | undefined {
  let folder = path.dirname(path.resolve(startFile));
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    for (const name of configFileNames) {
      const candidate = path.join(folder, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(folder);
    if (parent === folder || folder === stop) return undefined;
    folder = parent;
  }
}

export function loadConfigFile(file: string): ConfigParse {
  const read = readTextFileSafely(file, dataFileLimit);
  if (read.status === 'absent') return { ok: false, message: `${file}: could not be read (it is gone).` };
  if (read.status === 'refused') return { ok: false, message: `${file}: ${read.message}` };
  return parseConfigText(read.text, file, rules.map((rule) => rule.code));
}
