import type { SectionKind } from '../ast';
import { nearest } from '../text';
import { sectionFields } from '../vocabulary';
import { replace } from './edits';
import { distinctSections, judgedSections } from './support';
import type { Rule } from './types';
import { clean, edit } from './cases';

const where: Record<SectionKind, string> = {
  scene: 'the `scene` header',
  logline: 'the `logline:` line',
  settings: '`settings`',
  style: '`style`',
  character: 'a `character`',
  reference: 'the `reference:` line',
  beat: 'a `beat`',
  variant: 'a `variant`',
  sequence: 'the `sequence` header',
};

/** Which section each field name belongs to, for "this belongs under style" hints. */
const homeOf = new Map<string, SectionKind>();
for (const [kind, fields] of Object.entries(sectionFields) as [SectionKind, readonly string[]][]) {
  for (const field of fields) if (!homeOf.has(field)) homeOf.set(field, kind);
}

export const unknownFieldRule: Rule = {
  code: 'unknown-field',
  severity: 'warning',
  scope: 'beat',
  summary: 'a field the section does not have',
  explanation: [
    'Each section has a fixed set of fields, and only those reach the compiled prompt:',
    '',
    '- `settings`: aspect, resolution, duration, audio, model',
    '- `style`: palette, lighting, look, avoid',
    '- `character`: anchors, cameo, consent',
    '- `beat`: subject, action, setting, emotion, camera, sound, music (and `say` lines)',
    '- `sequence`: scenes (the scene files, in film order)',
    '- a `variant` holds override lines (`beat 2 camera: close-up, static`), not fields',
    '',
    'A field the section does not have is left out of the prompt silently, so a typo such as `camra:`',
    'means the shot has no camera at all. The quick fix renames it to the nearest field.',
  ].join('\n'),
  check(context) {
    for (const section of distinctSections(judgedSections(context))) {
      const allowed: readonly string[] = sectionFields[section.kind];
      for (const field of section.fields) {
        if (allowed.includes(field.key)) continue;
        const name = field.name.text;
        const home = homeOf.get(field.key);
        // A real field of another section is misplaced, not misspelt: no rename (`camera` is not `cameo`).
        const suggestion = allowed.length && !home ? nearest(field.key, allowed) : undefined;
        let hint: string;
        if (suggestion) hint = `Did you mean "${suggestion}"?`;
        else if (section.kind === 'variant') hint = `A variant holds override lines such as \`beat 2 ${home === 'style' ? 'camera' : field.key}: …\`, \`style lighting: …\` or \`settings duration: …\`.`;
        else if (home && home !== section.kind) hint = `\`${field.key}\` belongs under ${where[home]}; move it there${home === 'beat' ? ', or add the missing `beat` header above it' : ''}.`;
        else if (allowed.length) hint = `${where[section.kind][0].toUpperCase()}${where[section.kind].slice(1)} has ${allowed.join(', ')}.`;
        else hint = `${where[section.kind][0].toUpperCase()}${where[section.kind].slice(1)} takes no fields; put it under the section it describes.`;
        context.report({
          range: field.name.range,
          message: `"${name}" is not a field of ${where[section.kind]}, so it is left out of the prompt. ${hint}`,
          // A rename can be wrong (the writer may have meant another field), so it is offered, not applied.
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [replace(field.name.range, suggestion)], safe: false, preferred: true }] : [],
        });
      }
    }
  },
  cases: [
    {
      name: 'a misspelt camera',
      trigger: edit(clean, ['camera: medium, static', 'camra: medium, static']),
      underlines: 'camra',
      fixed: [['  camra: medium, static', '  camera: medium, static']],
      nearMisses: [
        { name: 'camera spelt right', text: clean },
      ],
    },
  ],
};
