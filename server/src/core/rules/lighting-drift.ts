import type { Text } from '../ast';
import type { TextEdit } from '../diagnostics';
import { fieldOf } from '../model';
import { judgeLight, lightingLeadIns, lightingMentions, tokensOf } from '../words';
import { appendToValue, insertFields, insertSection, joinWords, rangeIn, judgedBeats } from './support';
import type { Rule, RuleContext } from './types';
import { clean, edit } from './cases';

const scannedFields = ['subject', 'action', 'setting'] as const;
const articles = new Set(['the', 'a', 'an']);
const leadIns = lightingLeadIns.map((leadIn) => leadIn.split(' '));

export const lightingDriftRule: Rule = {
  code: 'lighting-drift',
  severity: 'warning',
  scope: 'beat',
  summary: 'a beat names lighting (neon, sunset, candlelight…) that the style\'s lighting does not',
  explanation: [
    'Lighting belongs in **one** place: the style\'s `lighting` line, which opens the prompt and',
    'holds for every shot. A beat that names its own light (`under neon light`, `at sunset`,',
    '`by candlelight`) makes that shot\'s light differ from the others, and Sora carries the change',
    'into the next shots or flickers between the two.',
    '',
    'Move the light into the style (the whole clip is lit that way), or remove it from the beat.',
    'The style\'s palette and look count too: a beat that repeats what the style says is fine, and',
    'so is another name for the same light (`sunlight` or `the late sun` under a golden-hour style,',
    '`signage glow` under neon, `a candle flame` under candlelight). A beat that names a particular',
    'light where the style only names it broadly (`sunset` under `natural sunlight`) is information:',
    'it may be the same light, and the hover says which words were compared.',
  ].join('\n'),
  check(context) {
    const style = context.storyboard.style;
    const allowed = new Set<string>();
    /** The style's words for each look it names, to quote what a beat's light was compared with. */
    const styleWords = new Map<string, string>();
    for (const field of style?.fields ?? []) {
      for (const mention of lightingMentions(field.value.text, tokensOf(field.value), { loose: true })) {
        allowed.add(mention.look);
        if (!styleWords.has(mention.look)) styleWords.set(mention.look, field.value.text.slice(mention.start, mention.end));
      }
    }
    for (const beat of judgedBeats(context)) {
      for (const key of scannedFields) {
        const value = fieldOf(beat, key)?.value;
        if (!value) continue;
        for (const mention of lightingMentions(value.text, tokensOf(value))) {
          const judgement = judgeLight(mention.look, allowed);
          if (judgement.agrees) continue;
          const phrase = value.text.slice(mention.start, mention.end);
          const removal = removalRange(value, mention.start, mention.end);
          const removedText = value.text.slice(removal.start, removal.end).trim().replace(/^,\s*/, '');
          const remove: TextEdit = { range: rangeIn(value, removal.start, removal.end), newText: '' };
          const styleLighting = fieldOf(style, 'lighting')?.value;
          const compared = joinWords(judgement.comparedWith.map((look) => `"${styleWords.get(look) ?? look}"`), 'or');
          context.report({
            range: rangeIn(value, mention.start, mention.end),
            severity: judgement.uncertain ? 'info' : undefined,
            message: judgement.uncertain
              ? `Beat ${beat.index} names a particular light ("${phrase}", ${mention.look}) where the style only says ${compared}. If the style means that light, say so there; if not, the shot's light will differ from the others.`
              : styleLighting
                ? `Beat ${beat.index} names its own light ("${phrase}", ${mention.look}) that the style's lighting ("${styleLighting.text}") does not${compared ? ` (the style's light: ${compared})` : ''}; the shot's light will differ from the others. Move it into the style, or remove it from the beat.`
                : `Beat ${beat.index} names its own light ("${phrase}", ${mention.look}) and the style sets no lighting; the shot's light will differ from the others. Move it into the style's lighting, or remove it from the beat.`,
            fixes: [
              { title: `Move "${phrase}" into the style's lighting`, edits: [remove, addToStyle(context, styleLighting, phrase)], safe: false, preferred: true },
              { title: `Remove "${removedText}" from beat ${beat.index}`, edits: [remove], safe: false },
            ],
          });
        }
      }
    }
  },
  cases: [
    {
      name: 'a sunset the style does not have',
      trigger: edit(clean, ['setting: wooden pier, fog over the water', 'setting: wooden pier at sunset']),
      underlines: 'sunset',
      fixed: [['  lighting: misty morning, consistent lighting', '  lighting: misty morning, consistent lighting, sunset'], ['  setting: wooden pier at sunset', '  setting: wooden pier at']],
      nearMisses: [
        { name: 'the sunset in the style', text: edit(clean, ['setting: wooden pier, fog over the water', 'setting: wooden pier at sunset'], ['lighting: misty morning, consistent lighting', 'lighting: low sunset, consistent lighting']) },
      ],
    },
  ],
};

function addToStyle(context: RuleContext, lighting: Text | undefined, phrase: string): TextEdit {
  if (lighting) return appendToValue(lighting, phrase);
  const line = `lighting: ${phrase}, consistent lighting`;
  const style = context.storyboard.style;
  if (style) return insertFields(context, style, [line]);
  return insertSection(context, ['settings', 'logline', 'scene'], ['style', `  ${line}`]);
}

/** The phrase with what it hangs from (`under neon light`, `, by candlelight`), so the rest still reads. */
function removalRange(value: Text, start: number, end: number): { start: number; end: number } {
  const text = value.text;
  const tokens = tokensOf(value);
  let k = tokens.findIndex((token) => token.start === start);
  if (k > 0 && articles.has(tokens[k - 1].lower)) start = tokens[--k].start;
  for (const words of leadIns) {
    const first = k - words.length;
    if (first < 0) continue;
    if (words.every((word, i) => tokens[first + i].lower === word)) {
      start = tokens[first].start;
      break;
    }
  }
  let s = start;
  while (s > 0 && text[s - 1] === ' ') s--;
  const after = text.slice(end).trimStart();
  if (s > 0 && text[s - 1] === ',' && (after === '' || after.startsWith(','))) s--;
  if (s > 0) return { start: s, end };
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === ',')) e++;
  return { start: 0, end: e };
}
