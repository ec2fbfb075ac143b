import type { CharacterSection } from '../ast';
import { thingFamily, tokenize } from '../words';
import { replace } from './edits';
import { appendToValue, insertFields, joinWords, plural, subjectsOf } from './support';
import type { Rule, RuleContext } from './types';
import { clean, edit } from './cases';

/** Placeholders for missing anchors, each for a kind of anchor the character may lack. */
const anchorPlaceholders: { text: string; covers: (families: Set<string>) => boolean }[] = [
  { text: '<hair colour and style>', covers: (f) => f.has('hair') },
  { text: '<main garment and its colour>', covers: (f) => [...f].some((family) => !bodyFamilies.has(family)) },
  { text: '<one distinctive detail>', covers: () => false },
  { text: '<eye colour>', covers: (f) => f.has('eyes') },
];
const bodyFamilies = new Set(['hair', 'beard', 'moustache', 'eyes', 'eyebrows', 'skin', 'hands', 'freckles', 'scar', 'tattoo', 'lips', 'nails']);

export const anchorCountRule: Rule = {
  code: 'anchor-count',
  severity: 'warning',
  summary: 'a character who appears has fewer than 3 or more than 4 anchors',
  explanation: [
    'Anchors are the **3–4** concrete details that make a character recognisable (`silver braid,',
    'yellow raincoat, weathered hands, green eyes`). The compiled prompt repeats them in every shot',
    'the character appears in: that repetition is what keeps the same face and clothes from shot to shot.',
    '',
    '- Fewer than 3: too little to hold on to; Sora fills in the rest differently each shot.',
    '- More than 4: the details compete, and Sora keeps some and drops others at random.',
    '',
    'Pick visible, specific things: hair, one garment with its colour, a distinctive detail.',
  ].join('\n'),
  check(context) {
    // Who appears where costs a pass over every beat: only worth it when someone has too few or too many anchors.
    if (!context.storyboard.characters.some((character) => character.name && (character.anchors.length < 3 || character.anchors.length > 4))) return;
    const appears = appearances(context);
    for (const character of context.storyboard.characters) {
      const name = character.name?.text;
      if (!name) continue;
      // A sequence has no beats: its cast appears in its scenes, so every character of it is judged.
      const beats = appears.get(character) ?? (context.storyboard.sequence ? [] : undefined);
      if (!beats) continue;
      const count = character.anchors.length;
      if (count >= 3 && count <= 4) continue;
      const anchorsField = [...character.fields].reverse().find((field) => field.key === 'anchors');
      const where = beats.length ? `appears in beat${beats.length > 1 ? 's' : ''} ${joinWords(beats.map(String))}` : 'is in the cast of every scene of this sequence';
      const listed = count ? ` (${character.anchors.map((a) => a.text).join(', ')})` : '';
      if (count > 4) {
        const kept = character.anchors.slice(0, 4).map((a) => a.text).join(', ');
        context.report({
          range: anchorsField?.value.range ?? character.headerRange,
          message: `${name} ${where} with ${count} anchors; Sora keeps 3–4 and drops the rest at random. Keep the four that matter most.`,
          // Dropping anchors loses details the writer chose.
          fixes: anchorsField ? [{ title: `Keep the first four: "${kept}"`, edits: [replace(anchorsField.value.range, kept)], safe: false, preferred: true }] : [],
        });
        continue;
      }
      const needed = 3 - count;
      const placeholders = pickPlaceholders(character, needed);
      const edit = anchorsField
        ? appendToValue(anchorsField.value, placeholders.join(', '))
        : insertFields(context, character, [`anchors: ${placeholders.join(', ')}`]);
      context.report({
        range: anchorsField?.value.range ?? character.name?.range ?? character.headerRange,
        message: `${name} ${where} with ${plural(count, 'anchor')}${listed}; give ${name} 3–4, repeated in every shot, or Sora reinvents the rest each time.`,
        // Placeholders to fill in: never applied blindly.
        fixes: [{ title: `Add ${plural(needed, 'anchor')} to fill in`, edits: [edit], safe: false, preferred: true }],
      });
    }
  },
  cases: [
    {
      name: 'two anchors',
      trigger: edit(clean, ['anchors: grey beard, orange oilskin coat, knitted cap', 'anchors: grey beard, orange oilskin coat']),
      underlines: 'grey beard, orange oilskin coat',
      fixed: [['  anchors: grey beard, orange oilskin coat', '  anchors: grey beard, orange oilskin coat, <hair colour and style>']],
      nearMisses: [
        { name: 'three anchors', text: clean },
        { name: 'two anchors on a character who never appears', text: edit(clean, ['\nbeat 4s The net', '\ncharacter Mae\n  anchors: red hat, green coat\n\nbeat 4s The net']) },
      ],
    },
  ],
};

/** Each character that is a subject or speaks, with the beats it appears in. */
function appearances(context: RuleContext): Map<CharacterSection, number[]> {
  const result = new Map<CharacterSection, number[]>();
  const add = (character: CharacterSection | undefined, beat: number) => {
    if (!character) return;
    const beats = result.get(character) ?? [];
    if (beats[beats.length - 1] !== beat) beats.push(beat);
    result.set(character, beats);
  };
  for (const beat of context.storyboard.beats) {
    for (const character of subjectsOf(context, beat)) add(character, beat.index);
    for (const say of beat.says) add(context.names.characters.get(say.speaker.text), beat.index);
  }
  return result;
}

function pickPlaceholders(character: CharacterSection, needed: number): string[] {
  const families = new Set<string>();
  for (const anchor of character.anchors) {
    for (const token of tokenize(anchor.text)) {
      const family = thingFamily(token.lower);
      if (family) families.add(family);
    }
  }
  const picked = anchorPlaceholders.filter((p) => !p.covers(families)).map((p) => p.text);
  for (const p of anchorPlaceholders) if (picked.length < needed && !picked.includes(p.text)) picked.push(p.text);
  return picked.slice(0, needed);
}

