import type { Field, Override, Section, Storyboard } from '../core/ast';
import { parseStoryboard } from '../core/parse';
import { LineIndex } from '../core/text';
import { textEdit } from './codeActions';
import type { Feature } from './handlers';

// The canonical layout: section headers at column 0, fields, `say` lines and overrides indented two
// spaces, `name: value` with one space after the colon, no trailing blanks, one blank line between
// sections (none between `scene` and its `logline`), comments kept. Values are copied, never
// rewritten; a line the parser could not read is left exactly as it is. Idempotent.

type LineRole =
  | { kind: 'blank' }
  | { kind: 'comment' }
  | { kind: 'verbatim' }
  | { kind: 'header'; section: Section }
  | { kind: 'field'; field: Field }
  | { kind: 'say' }
  | { kind: 'override'; override: Override };

const byteOrderMark = '\ufeff';

export function formatStoryboard(text: string, storyboard?: Storyboard): string {
  // A byte order mark belongs at the start of a file only. One further in (files pasted together)
  // is an invisible character the lexer does not skip, so the line around it reads as broken, until
  // a pass moves it to the start and the next pass treats it as a real mark: not idempotent. The
  // formatter keeps a leading mark and removes every other.
  const mark = text.startsWith(byteOrderMark) ? byteOrderMark : '';
  const body = mark ? text.slice(1) : text;
  const clean = body.includes(byteOrderMark) ? body.split(byteOrderMark).join('') : body;
  const parsed = storyboard && clean === text ? storyboard : parseStoryboard(clean);
  return mark + formatWithoutMark(clean, parsed);
}

function formatWithoutMark(text: string, storyboard: Storyboard): string {
  const lines = new LineIndex(text);
  const count = lines.lineCount;
  const roles: LineRole[] = [];
  for (let line = 0; line < count; line++) roles.push(lines.lineText(line).trim() === '' ? { kind: 'blank' } : { kind: 'verbatim' });
  for (const comment of storyboard.comments) roles[comment.range.start.line] = { kind: 'comment' };
  for (const section of storyboard.sections) {
    roles[section.headerRange.start.line] = { kind: 'header', section };
    for (const field of section.fields) {
      if (field.range.start.line !== section.headerRange.start.line) roles[field.range.start.line] = { kind: 'field', field };
    }
    if (section.kind === 'beat') for (const say of section.says) roles[say.range.start.line] = { kind: 'say' };
    if (section.kind === 'variant') for (const override of section.overrides) roles[override.range.start.line] = { kind: 'override', override };
  }
  for (const error of storyboard.syntaxErrors) {
    for (let line = error.range.start.line; line <= error.range.end.line && line < count; line++) roles[line] = { kind: 'verbatim' };
  }

  const out: string[] = [];
  let inSection = false;
  let previousWasSceneHeader = false;
  for (let line = 0; line < count; line++) {
    const role = roles[line];
    const original = lines.lineText(line);
    if (role.kind === 'blank') continue;
    if (role.kind === 'verbatim') {
      out.push(original);
      previousWasSceneHeader = false;
      continue;
    }
    if (role.kind === 'header' || (role.kind === 'comment' && leadsHeader(roles, line))) {
      // The first line of a section, or of the comments written just above it.
      const header = role.kind === 'header' ? role.section : undefined;
      // Comments directly above a header travel with it; the blank line goes above them.
      const startsGroup = roles[line - 1]?.kind !== 'comment';
      const nextHeader = header ?? headerAfterComments(roles, line);
      const tight = previousWasSceneHeader && nextHeader?.kind === 'logline';
      if (startsGroup && out.length && !tight && out[out.length - 1] !== '') out.push('');
      if (role.kind === 'comment') {
        out.push(commentLine(original, inSection));
        continue;
      }
      out.push(headerLine(role.section, original));
      inSection = true;
      previousWasSceneHeader = role.section.kind === 'scene';
      continue;
    }
    previousWasSceneHeader = false;
    switch (role.kind) {
      case 'comment':
        out.push(commentLine(original, inSection));
        break;
      case 'field':
        out.push(`  ${role.field.name.text}:${role.field.value.text ? ` ${role.field.value.text}` : ''}`);
        break;
      case 'say':
        out.push(`  ${original.trim()}`);
        break;
      case 'override': {
        const { override } = role;
        const head = original.slice(override.range.start.character, override.field.range.end.character).trim();
        out.push(`  ${head}:${override.value.text ? ` ${override.value.text}` : ''}`);
        break;
      }
    }
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  const endsWithNewline = count > 1 && lines.lineText(count - 1) === '';
  const result = out.join(lines.eol);
  return endsWithNewline && result ? result + lines.eol : result;
}

/** Whether this comment line belongs to the comments written directly above a section header. */
function leadsHeader(roles: LineRole[], line: number): boolean {
  for (let next = line; next < roles.length; next++) {
    const role = roles[next];
    if (role.kind === 'comment') continue;
    return role.kind === 'header';
  }
  return false;
}

function headerAfterComments(roles: LineRole[], line: number): Section | undefined {
  for (let next = line; next < roles.length; next++) {
    const role = roles[next];
    if (role.kind === 'comment') continue;
    return role.kind === 'header' ? role.section : undefined;
  }
  return undefined;
}

function commentLine(original: string, inSection: boolean): string {
  const trimmed = original.trim();
  return inSection && /^\s/.test(original) ? `  ${trimmed}` : trimmed;
}

function headerLine(section: Section, original: string): string {
  if (section.kind === 'logline' || section.kind === 'reference') {
    const value = section.kind === 'logline' ? section.value : section.path;
    const keyword = section.keyword.text;
    return `${keyword}:${value?.text ? ` ${value.text}` : ''}`;
  }
  return original.trim();
}

export const formatFeature: Feature = {
  capabilities: () => ({ documentFormattingProvider: true }),
  register: (server) =>
    server.connection.onDocumentFormatting(
      server.onDocument('formatting', (state) => {
        const edit = textEdit(state.text, formatStoryboard(state.text, state.analysis.storyboard));
        return edit ? [edit] : [];
      }, []),
    ),
};
