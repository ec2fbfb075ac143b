import type { Range, Text } from '../ast';
import type { TextEdit } from '../diagnostics';
import { baseName } from '../files';
import { samePath, sceneEntries } from '../sequence';
import type { Rule, RuleContext } from './types';
import { edit, cleanSequence, asSequence } from './cases';

const scenes = '  scenes: scene05.sora, scene06.sora';

export const sequenceDuplicateRule: Rule = {
  code: 'sequence-duplicate',
  severity: 'warning',
  summary: 'a scene listed twice, or listed by two sequences',
  explanation: [
    'A scene belongs to at most one sequence, once: it inherits one set of settings, style and cast and',
    'has one place in one film. Listed twice, the film plays it twice; listed by two sequences, it is',
    'unclear whose continuity it follows (the editor uses the first sequence found).',
    '',
    'Remove the later entry (the quick fix does). To reuse a shot, copy the scene under a new name.',
  ].join('\n'),
  check(context) {
    const { documentPath, storyboard } = context;
    const section = storyboard.sequence;
    if (!documentPath || !section) return;
    const entries = sceneEntries({ path: documentPath, storyboard });
    entries.forEach(({ entry, path }, index) => {
      const earlier = entries.slice(0, index).find((other) => samePath(other.path, path));
      if (earlier) {
        context.report({
          range: entry.range,
          message: `"${entry.text}" is already listed (line ${earlier.entry.range.start.line + 1}): the film would play the scene twice. Remove this entry.`,
          fixes: [removeEntryFix(context, entry)],
        });
        return;
      }
      // Of two sequences listing one scene, the one whose path sorts later reports it, so it is said once.
      const other = (context.otherSequences ?? []).find(
        (listing) => !samePath(listing.path, documentPath) && listing.path < documentPath && listing.scenes.some((scene) => samePath(scene, path)),
      );
      if (other) {
        context.report({
          range: entry.range,
          message: `"${entry.text}" is also listed by the sequence ${baseName(other.path)}; a scene follows one sequence's continuity. Remove it from one of them.`,
          fixes: [removeEntryFix(context, entry)],
        });
      }
    });
  },
  cases: [
    {
      name: 'a scene listed twice, on two scenes: lines',
      trigger: edit(cleanSequence, [scenes, `${scenes}\n  scenes: scene05.sora`]),
      underlines: 'scene05.sora', occurrence: 2,
      setup: asSequence,
      fixed: [['  scenes: scene05.sora\n', '']],
      nearMisses: [
        { name: 'each scene once, over two lines', text: edit(cleanSequence, [scenes, '  scenes: scene05.sora\n  scenes: scene06.sora']), setup: asSequence },
        { name: 'another sequence listing other scenes', text: cleanSequence, setup: { ...asSequence, otherSequences: [{ path: '/film/a-other.sora', scenes: ['/film/scene07.sora'] }] } },
      ],
    },
  ],
};

/** Removes one `scenes:` entry with its comma; the last entry of a line takes its line with it. */
function removeEntryFix(context: RuleContext, entry: Text): { title: string; edits: TextEdit[]; safe: boolean; preferred: boolean } {
  return { title: `Remove "${entry.text}" from the scenes`, edits: [removeEntryEdit(context, entry)], safe: false, preferred: true };
}

function removeEntryEdit(context: RuleContext, entry: Text): TextEdit {
  const line = entry.range.start.line;
  const lineText = context.lines.lineText(line);
  const field = context.storyboard.sequence?.fields.find((f) => f.key === 'scenes' && f.range.start.line === line);
  const siblings = context.storyboard.sequence?.scenes.filter((scene) => scene.range.start.line === line) ?? [];
  if (!field || siblings.length <= 1) {
    const nextLine = { line: line + 1, character: 0 };
    const whole: Range = line + 1 < context.lines.lineCount ? { start: { line, character: 0 }, end: nextLine } : { start: { line, character: 0 }, end: { line, character: lineText.length } };
    return { range: whole, newText: '' };
  }
  const at = siblings.indexOf(siblings.find((s) => s.range.start.character === entry.range.start.character) ?? entry);
  if (at > 0) {
    // `a, b` → `a`: from the end of the previous entry to the end of this one.
    return { range: { start: siblings[at - 1].range.end, end: entry.range.end }, newText: '' };
  }
  // `a, b` → `b`: from this entry to the start of the next one.
  return { range: { start: entry.range.start, end: siblings[1].range.start }, newText: '' };
}
