import type { CharacterSection, Text } from '../ast';
import { fieldOf } from '../model';
import { adjacent, tokenize, tokensOf, type AttributeClass, type Token } from '../words';
import { replace } from './edits';
import { rangeIn, subjectsOf } from './support';
import type { Rule } from './types';

type Attributes = Map<AttributeClass, Set<string>>;

interface AnchorThing {
  anchor: Text;
  family: string;
  attributes: Attributes;
}

interface Described {
  character: CharacterSection;
  things: Map<string, AnchorThing[]>;
}

/** The fields of a beat that describe its subject. */
const describingFields = ['subject', 'action', 'setting'] as const;

export const identityDriftRule: Rule = {
  code: 'identity-drift',
  severity: 'warning',
  summary: 'a beat describes a character against an anchor (anchor `yellow raincoat`, beat `red raincoat`)',
  explanation: [
    'A character\'s anchors are repeated in every shot they appear in; that is what keeps the same',
    'face and clothes from shot to shot. A beat that describes the same thing differently (anchor',
    '`yellow raincoat`, beat `red raincoat`; anchor `red apron`, beat `blue apron`) gives Sora two',
    'versions to choose from, and the character changes between shots: the most common identity',
    'failure in a take.',
    '',
    'Use the anchor\'s words in the beat, or change the anchor if the look really changed (then it',
    'changes everywhere). A deliberate costume change is a new scene, or a variant.',
  ].join('\n'),
  check(context) {
    const things = new Map<CharacterSection, Map<string, AnchorThing[]>>();
    // Beats often share a subject (`Mara`): work out who it names once per distinct subject.
    const bySubject = new Map<string, Described[]>();
    for (const beat of context.storyboard.beats) {
      const subjectText = fieldOf(beat, 'subject')?.value.text;
      if (!subjectText) continue;
      let described = bySubject.get(subjectText);
      if (!described) {
        described = subjectsOf(context, beat)
          .map((character) => ({ character, things: anchorThings(things, character) }))
          .filter((s) => s.things.size);
        bySubject.set(subjectText, described);
      }
      if (!described.length) continue;
      for (const key of describingFields) {
        const field = fieldOf(beat, key);
        if (!field) continue;
        const tokens = tokensOf(field.value);
        for (let i = 0; i < tokens.length; i++) {
          const family = tokens[i].info.family;
          if (!family) continue;
          const concerned = described.filter((s) => s.things.has(family));
          if (!concerned.length) continue;
          const phrase = describedPhrase(field.value.text, tokens, i);
          if (!phrase.attributes.size) continue;
          // Drift only when the phrase contradicts every anchor of that thing, for every subject that has one.
          let contradicted: { character: CharacterSection; anchor: AnchorThing; cls: AttributeClass } | undefined;
          let agrees = false;
          for (const { character, things: byFamily } of concerned) {
            for (const anchor of byFamily.get(family) ?? []) {
              const cls = contradiction(anchor.attributes, phrase.attributes);
              if (cls) contradicted ??= { character, anchor, cls };
              else agrees = true;
            }
          }
          if (!contradicted || agrees) continue;
          const phraseText = field.value.text.slice(tokens[phrase.start].start, tokens[i].end);
          const range = rangeIn(field.value, tokens[phrase.start].start, tokens[i].end);
          const { character, anchor, cls } = contradicted;
          const name = character.name?.text ?? '';
          context.report({
            range,
            message: `Beat ${beat.index} describes ${name}'s ${tokens[i].lower} as "${phraseText}", but ${name}'s anchor is "${anchor.anchor.text}" (a different ${cls === 'colour' ? 'colour' : cls}). Two descriptions of one thing is how a character drifts between shots: use the anchor's words.`,
            fixes: [
              { title: `Use the anchor's words: "${anchor.anchor.text}"`, edits: [replace(range, anchor.anchor.text)], safe: false, preferred: true },
              // Changing the anchor changes the character in every shot: a deliberate choice.
              { title: `Make "${phraseText}" ${name}'s anchor instead`, edits: [replace(anchor.anchor.range, phraseText)], safe: false },
            ],
          });
          i = Math.max(i, phrase.end);
        }
      }
    }
  },
};

/** The character's anchors by the thing they describe, computed once per character. */
function anchorThings(cache: Map<CharacterSection, Map<string, AnchorThing[]>>, character: CharacterSection): Map<string, AnchorThing[]> {
  let byFamily = cache.get(character);
  if (byFamily) return byFamily;
  byFamily = new Map();
  for (const anchor of character.anchors) {
    const tokens = tokenize(anchor.text);
    let head = -1;
    for (let i = tokens.length - 1; i >= 0 && head < 0; i--) if (tokens[i].info.family) head = i;
    if (head < 0) continue;
    const attributes: Attributes = new Map();
    tokens.forEach((token, i) => {
      if (i !== head) addAttribute(attributes, token);
    });
    const family = tokens[head].info.family as string;
    const list = byFamily.get(family) ?? [];
    list.push({ anchor, family, attributes });
    byFamily.set(family, list);
  }
  cache.set(character, byFamily);
  return byFamily;
}

function addAttribute(attributes: Attributes, token: Token): boolean {
  const found = token.info.attribute;
  if (!found) return false;
  const values = attributes.get(found.cls) ?? new Set<string>();
  values.add(found.value);
  attributes.set(found.cls, values);
  return true;
}

/** The words right before a thing that describe it: `a blue apron` → `blue apron`. */
function describedPhrase(text: string, tokens: readonly Token[], head: number): { start: number; end: number; attributes: Attributes } {
  const attributes: Attributes = new Map();
  let start = head;
  for (let j = head - 1; j >= 0 && head - j <= 3; j--) {
    const token = tokens[j];
    if (!adjacent(text, token.end, tokens[j + 1].start) || token.info.stop) break;
    if (addAttribute(attributes, token)) start = j;
    else if (token.info.shade && start === j + 1) start = j;
  }
  return { start, end: head, attributes };
}

/** The first class in which the two descriptions name different values. */
function contradiction(anchor: Attributes, beat: Attributes): AttributeClass | undefined {
  for (const [cls, values] of beat) {
    const anchorValues = anchor.get(cls);
    if (!anchorValues) continue;
    let shared = false;
    for (const value of values) if (anchorValues.has(value)) shared = true;
    if (!shared) return cls;
  }
  return undefined;
}

