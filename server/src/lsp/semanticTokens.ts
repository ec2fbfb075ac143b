import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { Range } from '../core/ast';
import { parseDuration } from '../core/model';
import { occurrences } from './locate';
import type { Feature } from './handlers';
import type { DocumentState } from './workspace';

// Semantic tokens (full document): keywords, field names, character names, variant names,
// durations and markers, dialogue, comments.

export const tokenTypes = ['keyword', 'property', 'type', 'variable', 'number', 'string', 'comment'] as const;
export const tokenModifiers = ['declaration'] as const;
export const legend: SemanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

type TokenType = (typeof tokenTypes)[number];

interface Token {
  line: number;
  start: number;
  length: number;
  type: number;
  modifiers: number;
}

export function semanticTokens(state: DocumentState): SemanticTokens {
  const { storyboard, lines } = state.analysis;
  const tokens: Token[] = [];
  const add = (range: Range | undefined, type: TokenType, declaration = false) => {
    if (!range || range.start.line !== range.end.line) return;
    const length = range.end.character - range.start.character;
    if (length <= 0) return;
    tokens.push({ line: range.start.line, start: range.start.character, length, type: tokenTypes.indexOf(type), modifiers: declaration ? 1 : 0 });
  };
  /** A word on a line, found by pattern after `from` (for words the tree does not keep a range of). */
  const word = (line: number, from: number, pattern: RegExp, type: TokenType) => {
    const text = lines.lineText(line);
    pattern.lastIndex = 0;
    const match = pattern.exec(text.slice(from));
    if (match) add({ start: { line, character: from + match.index }, end: { line, character: from + match.index + match[0].length } }, type);
  };

  for (const comment of storyboard.comments) add(comment.range, 'comment');
  for (const section of storyboard.sections) {
    add(section.keyword.range, 'keyword');
    for (const field of section.fields) {
      add(field.name.range, 'property');
      if (section.kind === 'settings' && field.key === 'duration' && parseDuration(field.value.text) !== undefined) add(field.value.range, 'number');
    }
    switch (section.kind) {
      case 'scene':
        add(section.id?.range, 'number');
        if (section.title) add(widen(section.title.range, lines.lineText(section.title.range.start.line)), 'string');
        break;
      case 'beat':
        add(section.duration?.range, 'number');
        for (const say of section.says) {
          word(say.range.start.line, say.range.start.character, /say/iy, 'keyword');
          add(say.marker?.range, 'number');
          add(widen(say.line.range, lines.lineText(say.line.range.start.line)), 'string');
        }
        break;
      case 'variant':
        if (section.name) word(section.headerRange.start.line, section.name.range.end.character, /\bfrom\b/i, 'keyword');
        for (const override of section.overrides) {
          word(override.range.start.line, override.range.start.character, /[A-Za-z]+/y, 'keyword');
          add(override.beat?.range, 'number');
          add(override.field.range, 'property');
        }
        break;
      default:
        break;
    }
  }
  for (const occurrence of occurrences(state.analysis)) {
    if (occurrence.kind === 'variant' && !occurrence.declaration && !state.analysis.names.variants.has(occurrence.name)) continue;
    add(occurrence.range, occurrence.kind === 'character' ? 'type' : 'variable', occurrence.declaration);
  }
  return { data: encode(tokens) };
}

/** A quoted string's range including its quotes, when they are there. */
function widen(range: Range, lineText: string): Range {
  const start = lineText[range.start.character - 1] === '"' ? range.start.character - 1 : range.start.character;
  const end = lineText[range.end.character] === '"' ? range.end.character + 1 : range.end.character;
  return { start: { line: range.start.line, character: start }, end: { line: range.end.line, character: end } };
}

function encode(tokens: Token[]): number[] {
  tokens.sort((a, b) => a.line - b.line || a.start - b.start || b.length - a.length);
  const data: number[] = [];
  let line = 0;
  let character = 0;
  let lastEnd = -1;
  let lastLine = -1;
  for (const token of tokens) {
    if (token.line === lastLine && token.start < lastEnd) continue; // overlapping: keep the first
    const deltaLine = token.line - line;
    const deltaStart = deltaLine === 0 ? token.start - character : token.start;
    data.push(deltaLine, deltaStart, token.length, token.type, token.modifiers);
    line = token.line;
    character = token.start;
    lastLine = token.line;
    lastEnd = token.start + token.length;
  }
  return data;
}

export const semanticTokensFeature: Feature = {
  capabilities: () => ({ semanticTokensProvider: { legend, full: true, range: false } }),
  register: (server) => server.connection.languages.semanticTokens.on(server.onDocument('semanticTokens', (state) => semanticTokens(state), { data: [] })),
};
