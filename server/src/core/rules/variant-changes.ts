import type { VariantSection } from '../ast';
import type { TextEdit } from '../diagnostics';
import { baseKind } from '../model';
import { indentOf } from './edits';
import { plural } from './support';
import type { Rule, RuleContext } from './types';
import { withVariants } from './cases';

export const variantChangesRule: Rule = {
  code: 'variant-changes',
  severity: 'warning',
  summary: 'a variant changes more than one thing (one change at a time)',
  explanation: [
    'The workflow changes **one thing at a time**: draft, score, change one thing, score again. With two',
    'changes in one variant, a better (or worse) take cannot tell you which change did it, and the',
    'remix instruction asks Sora for two edits at once, which it follows less reliably.',
    '',
    'Split it into variants from the same base, one override each, and score them side by side.',
  ].join('\n'),
  check(context) {
    const taken = new Set(context.names.variants.keys());
    for (const variant of context.storyboard.variants) {
      if (variant.overrides.length <= 1) continue;
      const name = variant.name?.text ?? '';
      const changes = variant.overrides.map((o) => (o.target === 'beat' ? `beat ${o.beat?.number ?? '?'} ${o.field.text}` : o.target === 'character' ? `${o.character?.text ?? ''} anchors` : `${o.target} ${o.field.text}`));
      context.report({
        range: variant.name?.range ?? variant.headerRange,
        message: `Variant "${name}" changes ${plural(variant.overrides.length, 'thing')} (${changes.join('; ')}); change one at a time, so the next take tells you which change worked. Split it into variants.`,
        // Creates new variants: a structural change the writer should see. Not offered while the
        // base is unknown (variant-base speaks), or every new variant would repeat that error.
        fixes: variant.name && variant.base && baseKind(variant.base.text, context.names) !== 'unknown' ? [{ title: `Split into ${variant.overrides.length} variants`, edits: [split(context, variant, taken)], safe: false, preferred: true }] : [],
      });
    }
  },
  cases: [
    {
      name: 'two overrides',
      trigger: withVariants('variant closer from main\n  beat 1 camera: close-up, static\n  style look: 16mm, grainy'),
      underlines: 'closer',
      fixed: [['  beat 1 camera: close-up, static', '  beat 1 camera: close-up, static\n\nvariant closer-2 from main']],
      nearMisses: [
        { name: 'one override', text: withVariants('variant closer from main\n  beat 1 camera: close-up, static') },
      ],
    },
  ],
};

/** Keeps the first override here; each other one moves to its own variant from the same base. */
function split(context: RuleContext, variant: VariantSection, taken: Set<string>): TextEdit {
  const { lines } = context;
  const eol = lines.eol;
  const [first, ...rest] = variant.overrides;
  const overrideLines = new Set(rest.map((o) => o.range.start.line));
  const indent = indentOf(lines, first.range.start.line) || '  ';
  const startLine = first.range.end.line;
  const endLine = variant.range.end.line;
  let text = '';
  for (let line = startLine + 1; line <= endLine; line++) {
    if (!overrideLines.has(line) && lines.lineText(line).trim()) text += eol + lines.lineText(line);
  }
  const base = variant.base?.text ?? 'main';
  const name = variant.name?.text ?? 'variant';
  let n = 2;
  for (const override of rest) {
    while (taken.has(`${name}-${n}`)) n++;
    const newName = `${name}-${n}`;
    taken.add(newName);
    text += `${eol}${eol}variant ${newName} from ${base}${eol}${indent}${lines.lineText(override.range.start.line).trim()}`;
  }
  return {
    range: { start: { line: startLine, character: lines.lineText(startLine).length }, end: { line: endLine, character: lines.lineText(endLine).length } },
    newText: text,
  };
}
