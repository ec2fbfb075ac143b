import {
  CompletionItemKind,
  CompletionTriggerKind,
  CompletionItemTag,
  InsertTextFormat,
  type CompletionContext,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { Section } from '../core/ast';
import { folderOf, looksLikeSequence, samePath, sceneEntries } from '../core/sequence';
import { joinPath } from '../context';
import { storyboardFileLimit, type HostPort } from '../host';
import { cameraMovements, movementQualifiers, sectionFields, sectionKeywords, sequenceSectionKinds, settingsValues, shotSizes } from '../core/vocabulary';
import { modelCompletionDetail } from './modelInfo';
import { fitCompletions } from './clients';
import type { Feature } from './handlers';
import type { DocumentState } from './workspace';

// Completion by line shape: keywords at the start of a line, the current section's fields after
// indentation, values after `FIELD:`, names after `subject:`, `say` and `from`, and the override
// targets inside a variant. Every item carries its own edit range, so `close-up` or `16:9` replace
// exactly what was typed.
//
// Inside a value only that field's values are offered, as a list the client asks again for at every
// key (isIncomplete): once the value typed is complete (`aspect: 16:9`, `camera: wide, static`) the
// answer is empty and the list closes, so Enter at the end of the line is a new line, never an
// insertion. Asked for explicitly (Ctrl+Space), the values are offered all the same.

export const triggerCharacters = [' ', ':', ','];

/** `sceneFiles`: for a sequence, the scene files beside it that it could list (see sceneFileCandidates). */
export function completion(state: DocumentState, position: Position, trigger?: CompletionContext, sceneFiles: readonly string[] = []): CompletionItem[] | CompletionList {
  const explicit = trigger?.triggerKind === CompletionTriggerKind.Invoked;
  const { lines, storyboard } = state.analysis;
  if (position.line >= lines.lineCount) return [];
  const lineText = lines.lineText(position.line);
  const prefix = lineText.slice(0, Math.min(position.character, lineText.length));
  if (/^\s*\/\//.test(prefix)) return [];
  const context = contextSection(storyboard.sections, position.line);
  const at = (start: number): Range => ({ start: { line: position.line, character: start }, end: position });

  // A word at the start of the line: a keyword (column 0) or a field / override target (indented).
  let match = /^(\s*)([A-Za-z]*)$/.exec(prefix);
  if (match) {
    const range = at(match[1].length);
    if (!match[1].length) return keywordItems(state, range);
    return indentedItems(state, context, range);
  }

  // `say NAME`
  match = /^\s*say\s+([\p{L}\p{M}\p{N}_-]*)$/iu.exec(prefix);
  if (match) return characterItems(state, at(prefix.length - match[1].length));

  // `variant NAME from BASE`
  match = /^\s*variant\s+([\p{L}\p{M}\p{N}_-]+)\s+from\s+([\p{L}\p{M}\p{N}_-]*)$/iu.exec(prefix);
  if (match) return baseItems(state, match[1], at(prefix.length - match[2].length));
  match = /^\s*variant\s+[\p{L}\p{M}\p{N}_-]+\s+(f?r?o?)$/iu.exec(prefix);
  if (match) return [{ label: 'from', kind: CompletionItemKind.Keyword, textEdit: { range: at(prefix.length - match[1].length), newText: 'from ' }, command: retrigger }];

  const atLineEnd = position.character >= lineText.trimEnd().length;
  if (context?.kind === 'variant') {
    const items = overrideItems(state, prefix, at);
    if (items) return Array.isArray(items) ? items : valueList(items, explicit, atLineEnd);
  }

  // `FIELD: value`
  match = /^\s*([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(prefix);
  if (match && context) return valueList(valueItems(state, match[1].toLowerCase(), match[2], prefix, at, sceneFiles), explicit, atLineEnd);
  return [];
}

interface ValueItems {
  /** What is typed of the item the cursor is in (after the list's last comma). */
  typed: string;
  items: CompletionItem[];
}

/** Values as a list asked for again at every key; nothing once the value typed is one of them. */
function valueList(values: ValueItems, explicit: boolean, atLineEnd: boolean): CompletionList | CompletionItem[] {
  if (!values.items.length) return [];
  const typed = values.typed.trim().toLowerCase();
  const complete = typed.length > 0 && values.items.some((item) => (item.filterText ?? item.label).toLowerCase() === typed);
  if (complete && atLineEnd && !explicit) return [];
  return { isIncomplete: true, items: values.items };
}

const retrigger = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** The section the line being typed belongs to: the last header strictly above it. */
function contextSection(sections: Section[], line: number): Section | undefined {
  let found: Section | undefined;
  for (const section of sections) {
    if (section.headerRange.start.line < line) found = section;
    else break;
  }
  return found;
}

const keywordInserts: Record<(typeof sectionKeywords)[number], { text: string; detail: string }> = {
  scene: { text: 'scene ${1:01} "${2:Title}"', detail: 'scene ID "TITLE": names the takes' },
  logline: { text: 'logline: ${1}', detail: 'the scene in one sentence' },
  settings: { text: 'settings', detail: 'aspect, resolution, duration, audio, model' },
  style: { text: 'style', detail: 'palette, lighting, look, avoid' },
  character: { text: 'character ${1:Name}', detail: 'a character and its 3–4 anchors' },
  reference: { text: 'reference: ${1:refs/image.png}', detail: 'an image that sets the look' },
  // One `beat` item: the whole beat, with the duration selected as `4s` (unit included), so typing
  // `3s` over it gives `beat 3s`.
  beat: { text: '', detail: 'a timed beat with subject, action, setting, emotion and camera' },
  variant: { text: 'variant ${1:name} from ${2:main}', detail: 'one change against a base' },
  sequence: { text: 'sequence "${1:Title}"\n  scenes: ${2:scene01.sora}', detail: 'a film: the scenes in order, sharing settings, style and cast' },
};

const beatSnippet = [
  'beat ${1:4s} ${2:Title}',
  '  subject: ${3}',
  '  action: ${4}',
  '  setting: ${5}',
  '  emotion: ${6}',
  '  camera: ${7|medium,wide,close-up,medium close-up|}, ${8|static,slow push in,pan left,tracking|}',
].join('\n');

const cameoSnippet = ['character ${1:Name}', '  cameo: @${2:handle}', '  consent: ${3:pending}', '  anchors: ${4:<hair>}, ${5:<outfit and its colour>}, ${6:<one distinctive detail>}'].join('\n');

const sceneSnippet = [
  'scene ${1:01} "${2:Title}"',
  'logline: ${3:One sentence: who does what, where.}',
  '',
  'settings',
  '  aspect: ${4|16:9,9:16|}',
  '  resolution: 1080p',
  '  duration: 12s',
  '  audio: ${5:ambience}',
  '',
  'style',
  '  palette: ${6}',
  '  lighting: ${7}, consistent lighting',
  '  look: ${8:35mm, grainy}',
  '',
  'character ${9:Name}',
  '  anchors: ${10:anchor one, anchor two, anchor three}',
  '',
  ...[1, 2, 3].flatMap((n) => [
    `beat 4s ${n === 1 ? '${11:Opening}' : `Beat ${n}`}`,
    `  subject: \${9}`,
    '  action: ',
    '  setting: ',
    '  emotion: ',
    '  camera: medium, static',
    ...(n < 3 ? [''] : []),
  ]),
].join('\n');

/** A sequence file holds settings, style and characters; `sequence` itself only opens a file. */
function fitsFile(keyword: (typeof sectionKeywords)[number], storyboard: DocumentState['analysis']['storyboard'], line: number): boolean {
  if (storyboard.sequence && !onLine(storyboard.sequence.headerRange, line)) return (sequenceSectionKinds as readonly string[]).includes(keyword);
  if (keyword !== 'sequence') return true;
  const first = storyboard.sections[0];
  return !first || first.headerRange.start.line >= line;
}

function keywordItems(state: DocumentState, range: Range): CompletionItem[] {
  const { storyboard } = state.analysis;
  const single = new Set(['scene', 'logline', 'settings', 'style'].filter((k) => storyboard[k as 'scene'] !== undefined && !onLine(storyboard[k as 'scene']?.headerRange, range.start.line)));
  const items: CompletionItem[] = sectionKeywords
    .filter((keyword) => !single.has(keyword))
    .filter((keyword) => fitsFile(keyword, storyboard, range.start.line))
    .map((keyword, i) => ({
      label: keyword,
      kind: CompletionItemKind.Keyword,
      detail: keywordInserts[keyword].detail,
      sortText: `0${i}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: keyword === 'beat' ? beatSnippet : keywordInserts[keyword].text },
    }));
  items.push({
    label: 'character (cameo)',
    filterText: 'character cameo',
    kind: CompletionItemKind.Snippet,
    detail: 'a character played by a Sora cameo: consent starts as pending',
    sortText: '1a',
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: cameoSnippet },
  });
  if (!storyboard.scene) {
    items.push({
      label: 'scene (whole storyboard)',
      filterText: 'scene',
      kind: CompletionItemKind.Snippet,
      detail: 'scene, logline, settings, style, a character and three beats',
      sortText: '1b',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: sceneSnippet },
    });
  }
  return items;
}

function onLine(range: Range | undefined, line: number): boolean {
  return !!range && range.start.line <= line && range.end.line >= line;
}

function indentedItems(state: DocumentState, section: Section | undefined, range: Range): CompletionItem[] {
  if (!section) return [];
  if (section.kind === 'variant') {
    return [
      { label: 'beat N FIELD:', filterText: 'beat', kind: CompletionItemKind.Keyword, detail: 'change one field of a beat', insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: 'beat ' }, command: retrigger },
      { label: 'style FIELD:', filterText: 'style', kind: CompletionItemKind.Keyword, detail: 'change palette, lighting or look', textEdit: { range, newText: 'style ' }, command: retrigger },
      { label: 'settings FIELD:', filterText: 'settings', kind: CompletionItemKind.Keyword, detail: 'change a setting', textEdit: { range, newText: 'settings ' }, command: retrigger },
      { label: 'character NAME anchors:', filterText: 'character', kind: CompletionItemKind.Keyword, detail: "change a character's anchors", textEdit: { range, newText: 'character ' }, command: retrigger },
    ];
  }
  const fields: readonly string[] = sectionFields[section.kind];
  const present = new Set(section.fields.map((f) => f.key));
  const items: CompletionItem[] = fields.map((field, i) => ({
    label: field,
    kind: CompletionItemKind.Field,
    detail: present.has(field) ? 'already set in this section' : undefined,
    sortText: `${present.has(field) ? 1 : 0}${i}`,
    textEdit: { range, newText: `${field}: ` },
    command: hasValues(section.kind, field) ? retrigger : undefined,
  }));
  if (section.kind === 'beat') {
    const speaker = state.analysis.storyboard.characters.find((c) => c.name)?.name?.text ?? 'Name';
    items.push({
      label: 'say',
      kind: CompletionItemKind.Keyword,
      detail: 'say NAME @MARKER "LINE"',
      sortText: '2',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: `say \${1:${speaker}} @\${2:1}s "\${3}"` },
    });
  }
  return items;
}

function hasValues(kind: Section['kind'], field: string): boolean {
  return (kind === 'settings' && field in settingsValues) || (kind === 'beat' && (field === 'camera' || field === 'subject')) || (kind === 'character' && field === 'consent');
}

function characterItems(state: DocumentState, range: Range): CompletionItem[] {
  // A scene of a sequence offers the sequence's cast too.
  return (state.analysis.merged ?? state.analysis.storyboard).characters
    .filter((c) => c.name)
    .map((c) => ({
      label: c.name!.text,
      kind: CompletionItemKind.Class,
      detail: c.anchors.map((a) => a.text).join(', ') || 'no anchors yet',
      textEdit: { range, newText: c.name!.text },
    }));
}

function baseItems(state: DocumentState, self: string, range: Range): CompletionItem[] {
  const { storyboard } = state.analysis;
  const items: CompletionItem[] = [{ label: 'main', kind: CompletionItemKind.Constant, detail: 'the storyboard as written', sortText: '0', textEdit: { range, newText: 'main' } }];
  for (const variant of storyboard.variants) {
    if (!variant.name || variant.name.text === self) continue;
    items.push({ label: variant.name.text, kind: CompletionItemKind.Variable, detail: `variant from ${variant.base?.text ?? '?'}`, sortText: `1${variant.name.text}`, textEdit: { range, newText: variant.name.text } });
  }
  for (const take of state.takeLog?.takes ?? []) {
    const total = take.scores ? Object.values(take.scores).reduce((sum: number, v) => sum + (typeof v === 'number' ? v : 0), 0) : undefined;
    items.push({
      label: take.id,
      kind: CompletionItemKind.Reference,
      detail: `take of ${take.variant}${total !== undefined ? `, scored ${total}/25` : ''}${take.notes ? ` — ${take.notes}` : ''}`,
      sortText: `2${take.id}`,
      textEdit: { range, newText: take.id },
    });
  }
  return items;
}

/** Override lines inside a variant (a value as ValueItems); undefined when the line is not one. */
function overrideItems(state: DocumentState, prefix: string, at: (start: number) => Range): CompletionItem[] | ValueItems | undefined {
  const { storyboard } = state.analysis;
  let match = /^\s*beat\s+(\d*)$/i.exec(prefix);
  if (match) {
    return storyboard.beats.map((beat) => ({
      label: String(beat.index),
      kind: CompletionItemKind.EnumMember,
      detail: beat.title?.text ?? `beat ${beat.index}`,
      sortText: String(beat.index).padStart(4, '0'),
      textEdit: { range: at(prefix.length - match![1].length), newText: `${beat.index} ` },
      command: retrigger,
    }));
  }
  match = /^\s*(?:beat\s+\d+|style|settings)\s+([A-Za-z]*)$/i.exec(prefix);
  if (match) {
    const target = /^\s*(\w+)/.exec(prefix)![1].toLowerCase() as 'beat' | 'style' | 'settings';
    return sectionFields[target].map((field) => ({
      label: field,
      kind: CompletionItemKind.Field,
      textEdit: { range: at(prefix.length - match![1].length), newText: `${field}: ` },
      command: retrigger,
    }));
  }
  match = /^\s*character\s+([\p{L}\p{M}\p{N}_-]*)$/iu.exec(prefix);
  if (match) {
    return characterItems(state, at(prefix.length - match[1].length)).map((item) => ({ ...item, textEdit: { ...(item.textEdit as { range: Range }), newText: `${item.label} anchors: ` } }));
  }
  match = /^\s*character\s+[\p{L}\p{M}\p{N}_-]+\s+([A-Za-z]*)$/iu.exec(prefix);
  if (match) return [{ label: 'anchors', kind: CompletionItemKind.Field, textEdit: { range: at(prefix.length - match[1].length), newText: 'anchors: ' } }];
  match = /^\s*(beat\s+\d+|style|settings|character\s+[\p{L}\p{M}\p{N}_-]+)\s+([A-Za-z]+)\s*:\s*(.*)$/iu.exec(prefix);
  if (match) {
    const target = match[1].split(/\s+/)[0].toLowerCase();
    const kind = target === 'beat' ? 'beat' : target === 'character' ? 'character' : (target as 'style' | 'settings');
    return valuesFor(state, kind, match[2].toLowerCase(), match[3], prefix, at);
  }
  return undefined;
}

function valueItems(state: DocumentState, field: string, value: string, prefix: string, at: (start: number) => Range, sceneFiles: readonly string[]): ValueItems {
  const { storyboard } = state.analysis;
  const line = at(0).start.line;
  const section = contextSection(storyboard.sections, line + 1);
  if (!section) return { typed: '', items: [] };
  if (section.kind === 'sequence' && field === 'scenes') return sceneFileItems(sceneFiles, value, prefix, at);
  return valuesFor(state, section.kind, field, value, prefix, at);
}

/** In `scenes:`, the `.sora` files beside the sequence that it does not list yet. */
function sceneFileItems(sceneFiles: readonly string[], value: string, prefix: string, at: (start: number) => Range): ValueItems {
  const lastComma = value.lastIndexOf(',');
  const typed = lastComma >= 0 ? value.slice(lastComma + 1).replace(/^\s+/, '') : value;
  const range = at(prefix.length - typed.length);
  const items = sceneFiles.map((name, i): CompletionItem => ({ label: name, kind: CompletionItemKind.File, sortText: String(i).padStart(4, '0'), textEdit: { range, newText: name } }));
  return { typed, items };
}

/** The `.sora` files beside a sequence that it could list: not itself, not listed yet, no other sequence; sorted. */
export async function sceneFileCandidates(host: HostPort, state: DocumentState): Promise<string[]> {
  const sequencePath = state.path;
  if (!sequencePath || !state.analysis.storyboard.sequence) return [];
  const folder = folderOf(sequencePath);
  const listed = sceneEntries({ path: sequencePath, storyboard: state.analysis.storyboard }).map(({ path }) => path);
  const names = (await host.list(folder))
    .filter((entry) => entry.kind === 'file' && entry.name.toLowerCase().endsWith('.sora'))
    .map((entry) => entry.name)
    .filter((name) => !samePath(joinPath(folder, name), sequencePath) && !listed.some((path) => samePath(path, joinPath(folder, name))))
    .sort();
  const scenes = await Promise.all(
    names.map(async (name) => {
      const read = await host.readText(joinPath(folder, name), storyboardFileLimit);
      return read.status === 'ok' && !looksLikeSequence(read.text) ? name : undefined;
    }),
  );
  return scenes.filter((name): name is string => name !== undefined);
}

function valuesFor(state: DocumentState, kind: Section['kind'], field: string, value: string, prefix: string, at: (start: number) => Range): ValueItems {
  // The item being typed: after the last comma of a list, or the whole value.
  const lastComma = value.lastIndexOf(',');
  const item = lastComma >= 0 ? value.slice(lastComma + 1).replace(/^\s+/, '') : value;
  return { typed: item, items: fieldValues(state, kind, field, value, lastComma, at(prefix.length - item.length)) };
}

function fieldValues(state: DocumentState, kind: Section['kind'], field: string, value: string, lastComma: number, range: Range): CompletionItem[] {
  const values = (list: readonly string[], itemKind: CompletionItemKind = CompletionItemKind.EnumMember, detail?: string) =>
    list.map((text, i) => ({ label: text, kind: itemKind, detail, sortText: String(i).padStart(3, '0'), filterText: text, textEdit: { range, newText: text } }));
  if (kind === 'settings') {
    if (field === 'model') return modelItems(values(settingsValues.model));
    if (field === 'aspect' || field === 'resolution') return values(settingsValues[field]);
    if (field === 'audio') {
      const used = new Set(value.split(',').map((s) => s.trim().toLowerCase()));
      return values(settingsValues.audio.filter((a) => !used.has(a)));
    }
    if (field === 'duration') return values(['12s', '15s', '10s', '20s'], CompletionItemKind.Value, 'clip length: 12–15 s for a first draft');
  }
  if (kind === 'beat') {
    if (field === 'camera') {
      if (lastComma < 0) return values(shotSizes, CompletionItemKind.EnumMember, 'shot size');
      const moves = [...cameraMovements, ...movementQualifiers.flatMap((q) => cameraMovements.filter((m) => m !== 'static').map((m) => `${q} ${m}`))];
      return values(moves, CompletionItemKind.EnumMember, 'movement');
    }
    if (field === 'subject') return characterItems(state, range);
  }
  if (kind === 'character') {
    if (field === 'consent') {
      const today = new Date().toISOString().slice(0, 10);
      return [
        { label: 'approved DATE, lines approved', kind: CompletionItemKind.Value, insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: `approved \${1:${today}}, lines approved` } },
        { label: 'approved DATE', kind: CompletionItemKind.Value, insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: `approved \${1:${today}}` } },
        { label: 'pending', kind: CompletionItemKind.Value, textEdit: { range, newText: 'pending' } },
        { label: 'revoked', kind: CompletionItemKind.Value, textEdit: { range, newText: 'revoked' } },
      ];
    }
  }
  return [];
}

/** Each model id with its label, status and price; retired models sort last and show as deprecated. */
function modelItems(items: CompletionItem[]): CompletionItem[] {
  return items.map((item) => {
    const about = modelCompletionDetail(item.label);
    if (!about) return item;
    return { ...item, detail: about.detail, documentation: { kind: 'markdown', value: about.documentation }, ...(about.retired ? { tags: [CompletionItemTag.Deprecated], sortText: `z${item.sortText}` } : {}) };
  });
}

export const completionFeature: Feature = {
  capabilities: () => ({ completionProvider: { triggerCharacters, resolveProvider: false } }),
  register: (server) =>
    server.connection.onCompletion(
      server.onDocument('completion', async (state, params) => fitCompletions(completion(state, params.position, params.context, await sceneFileCandidates(server.workspace.host, state)), server.client()), []),
    ),
};
