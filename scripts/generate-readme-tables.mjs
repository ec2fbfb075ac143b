// Writes the Commands and Settings tables of docs/marketplace.md (the README the packaged extension
// shows on its Details page) from package.json, so they can never drift from what the extension
// contributes. `node scripts/generate-readme-tables.mjs` (run by `npm run docs`); `--check` fails
// if the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const target = new URL('../docs/marketplace.md', import.meta.url);

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function commandsTable() {
  const hidden = new Set((manifest.contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
  const keys = new Map((manifest.contributes.keybindings ?? []).map((k) => [k.command, k.key]));
  const rows = manifest.contributes.commands
    .filter((command) => !hidden.has(command.command))
    .map((command) => `| ${command.category ? `${command.category}: ` : ''}${command.title} | ${keys.has(command.command) ? `\`${keys.get(command.command)}\`` : ''} |`);
  return ['| command | key |', '|---|---|', ...rows].join('\n');
}

export function settingsTable() {
  const properties = manifest.contributes.configuration.properties;
  const rows = Object.entries(properties).map(([key, setting]) => {
    const description = setting.markdownDescription ?? setting.description ?? '';
    return `| \`${key}\` | \`${JSON.stringify(setting.default)}\` | ${cell(description)} |`;
  });
  return ['| setting | default | what it does |', '|---|---|---|', ...rows].join('\n');
}

export function render(text) {
  return text
    .replace(/(<!-- generated: commands \(npm run docs\) -->\n)[\s\S]*?(<!-- end: commands -->)/, `$1${commandsTable()}\n$2`)
    .replace(/(<!-- generated: settings \(npm run docs\) -->\n)[\s\S]*?(<!-- end: settings -->)/, `$1${settingsTable()}\n$2`);
}

const current = readFileSync(target, 'utf8');
const rendered = render(current);
if (process.argv.includes('--check')) {
  if (current !== rendered) {
    console.error('docs/marketplace.md is out of date: run `npm run docs`.');
    process.exit(1);
  }
} else {
  writeFileSync(target, rendered);
}
