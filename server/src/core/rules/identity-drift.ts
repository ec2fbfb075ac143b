import type { BeatSection, CharacterSection, Text } from '../ast';
import type { Severity } from '../diagnostics';
import { fieldOf } from '../model';
import {
  absenceWords,
  adjacent,
  hairForm,
  offVerbs,
  onVerbs,
  presenceWords,
  removalVerbs,
  singular,
  tokenize,
  tokensOf,
  valuesAgree,
  wearVerbs,
  type AttributeClass,
  type Token,
} from '../words';
import { replace } from './edits';
import { rangeIn, subjectsOf, judgedBeats } from './support';
import type { Rule, RuleContext } from './types';
import { clean, edit } from './cases';

type Attributes = Map<AttributeClass, Set<string>>;

/** What an anchor says about one thing: described (`yellow raincoat`) or absent (`clean-shaven`). */
interface AnchorThing {
  anchor: Text;
  family: string;
  attributes: Attributes;
  absent: boolean;
  /** The word that names the thing (`raincoat`), singular. */
  head: string;
}

/** What a beat says about one thing of its subject. */
interface Statement {
  family: string;
  /** Described (with attributes), worn or put on, absent (`without her glasses`), or taken off. */
  state: 'described' | 'present' | 'absent' | 'removed';
  attributes: Attributes;
  /** Token span of the words that say it. */
  first: number;
  last: number;
  /** `her scarf`, `Mara's braid`: whose thing it is, when the subject names nobody. */
  possessive: boolean;
  head: string;
}

/** The fields of a beat that describe its subject. */
const describingFields = ['subject', 'action', 'setting'] as const;
const possessives = new Set(['her', 'his', 'their', 'its']);
const negations = new Set(['no', 'without', 'minus', 'sans']);
/** Words that end an anchor's description of one thing: `dark curls under a white bandana` is two things. */
const anchorBreaks = new Set(['under', 'with', 'over', 'in', 'on', 'beneath', 'and', 'plus', 'above', 'below', 'beside']);
const headWords = new Set(['head', 'scalp', 'crown', 'pate', 'feet', 'foot']);

export const identityDriftRule: Rule = {
  code: 'identity-drift',
  severity: 'warning',
  scope: 'beat',
  summary: 'a beat describes a character against an anchor (anchor `yellow raincoat`, beat `red raincoat`)',
  explanation: [
    'A character\'s anchors are repeated in every shot they appear in; that is what keeps the same',
    'face and clothes from shot to shot. A beat that describes the same thing differently (anchor',
    '`yellow raincoat`, beat `red raincoat`; anchor `red apron`, beat `blue apron`) gives Sora two',
    'versions to choose from, and the character changes between shots: the most common identity',
    'failure in a take.',
    '',
    'The opposite of an anchor drifts as surely: `clean-shaven` against `stubble`, a braid against',
    '`bald`, `bare-headed` against a wool cap, `without her glasses` against round glasses, and a',
    'beat that takes an anchored garment off (`takes off her raincoat`), unless it is put back on.',
    'Shades of one colour agree (`crimson` is red, `navy` is blue, silver hair is grey), and so do',
    'words for one material (`knit` and `wool`).',
    '',
    'Use the anchor\'s words in the beat, or change the anchor if the look really changed (then it',
    'changes everywhere). A deliberate costume change is a new scene, or a variant. When the beat',
    'says `her scarf` and its subject names nobody, the scarf is taken to be the one character\'s who',
    'has one, and the diagnostic is information.',
  ].join('\n'),
  check(context) {
    const cache = new Map<CharacterSection, Map<string, AnchorThing[]>>();
    const everyone = context.storyboard.characters.filter((character) => character.name);
    for (const beat of judgedBeats(context)) {
      const subjects = subjectsOf(context, beat);
      const described = (subjects.length ? subjects : everyone).map((character) => ({ character, things: anchorThings(cache, character) }));
      if (!described.some((d) => d.things.size)) continue;
      for (const key of describingFields) {
        const field = fieldOf(beat, key);
        if (!field) continue;
        const tokens = tokensOf(field.value);
        for (const statement of fieldStatements(field.value.text, tokens)) {
          const concerned = described.filter((d) => d.things.has(statement.family));
          if (!subjects.length) {
            // Nobody in the subject: `her scarf` is the scarf of the one character who has one.
            if (!statement.possessive || concerned.length !== 1) continue;
          }
          if (!concerned.length) continue;
          const found = judge(statement, concerned);
          if (!found) continue;
          report(context, beat, field.value, tokens, statement, found, found.uncertain || !subjects.length ? 'info' : undefined);
        }
      }
    }
  },
  cases: [
    {
      name: 'a blue coat against an orange one',
      trigger: edit(clean, ['pulls the net across his knees', 'pulls the net across his knees in a blue oilskin coat']),
      underlines: 'blue oilskin coat',
      fixed: [['  action: pulls the net across his knees in a blue oilskin coat', '  action: pulls the net across his knees in a orange oilskin coat']],
      nearMisses: [
        { name: 'the anchor repeated', text: edit(clean, ['pulls the net across his knees', 'pulls the net across his knees in his orange coat']) },
        { name: 'a blue coat on the harbour (not Ivo)', text: edit(clean, ['fog thins over the moored boats', 'a sailor in a blue coat waves']) },
      ],
    },
  ],
};

interface Concerned {
  character: CharacterSection;
  things: Map<string, AnchorThing[]>;
}

/** The first anchor the statement contradicts, when it contradicts every anchor of that thing of every subject that has one. */
type Contradicted = Concerned & { anchor: AnchorThing; why: string; uncertain: boolean };

function judge(statement: Statement, concerned: Concerned[]): Contradicted | undefined {
  let contradicted: Contradicted | undefined;
  for (const c of concerned) {
    for (const anchor of c.things.get(statement.family) ?? []) {
      const found = contradiction(anchor, statement);
      if (!found) return undefined;
      // A certain contradiction of one anchor outweighs an uncertain one of another.
      if (!contradicted || (contradicted.uncertain && !found.uncertain)) contradicted = { ...c, anchor, ...found };
    }
  }
  return contradicted;
}

/**
 * Why a statement contradicts an anchor (`a different colour`, `taken off`), or nothing if it
 * agrees. Another word for the thing, described in words the anchor does not use (anchor `straw
 * hat`, beat `blue baseball cap`), may be another thing: uncertain.
 */
function contradiction(anchor: AnchorThing, statement: Statement): { why: string; uncertain: boolean } | undefined {
  const certain = (why: string) => ({ why, uncertain: false });
  if (anchor.absent) return statement.state === 'absent' || statement.state === 'removed' ? undefined : certain('there, where the anchor says it is not');
  if (statement.state === 'absent') return certain('absent, where the anchor says it is there');
  if (statement.state === 'removed') return certain('taken off, while the anchor keeps it on in every shot');
  let shared = false;
  for (const [cls, values] of statement.attributes) {
    const anchorValues = anchor.attributes.get(cls);
    if (!anchorValues) continue;
    const agree = valuesAgree(anchorValues, values);
    if (!agree) return certain(cls === 'form' ? 'a different hairstyle' : `a different ${cls}`);
    shared = true;
  }
  if (!shared && statement.attributes.size && anchor.attributes.size && statement.head !== anchor.head) {
    return { why: `"${statement.head}" is not the anchor's "${anchor.head}", and no word of the description matches it: perhaps another ${statement.family}`, uncertain: true };
  }
  return undefined;
}

function report(context: RuleContext, beat: BeatSection, value: Text, tokens: readonly Token[], statement: Statement, found: Contradicted, severity?: Severity): void {
  const start = tokens[statement.first].start;
  const end = tokens[statement.last].end;
  const phraseText = value.text.slice(start, end);
  const range = rangeIn(value, start, end);
  const name = found.character.name?.text ?? '';
  const anchorText = found.anchor.anchor.text;
  const described = statement.state === 'described' || statement.state === 'present';
  context.report({
    range,
    severity,
    message: described && !found.anchor.absent
      ? `Beat ${beat.index} describes ${name}'s ${statement.family} as "${phraseText}", but ${name}'s anchor is "${anchorText}" (${found.why}). Two descriptions of one thing is how a character drifts between shots: use the anchor's words.`
      : `Beat ${beat.index} says "${phraseText}" of ${name}'s ${statement.family}, but ${name}'s anchor is "${anchorText}": ${found.why}. The anchor is repeated in every shot, so the character drifts between shots: keep the beat to the anchor, or change the anchor.`,
    fixes: described && !found.anchor.absent
      ? [
          { title: `Use the anchor's words: "${anchorText}"`, edits: [replace(range, anchorText)], safe: false, preferred: true },
          // Changing the anchor changes the character in every shot: a deliberate choice.
          { title: `Make "${phraseText}" ${name}'s anchor instead`, edits: [replace(found.anchor.anchor.range, phraseText)], safe: false },
        ]
      : [],
  });
}

/** The character's anchors by the thing they describe, computed once per character. */
function anchorThings(cache: Map<CharacterSection, Map<string, AnchorThing[]>>, character: CharacterSection): Map<string, AnchorThing[]> {
  let byFamily = cache.get(character);
  if (byFamily) return byFamily;
  byFamily = new Map();
  const add = (thing: AnchorThing) => {
    const list = byFamily!.get(thing.family) ?? [];
    list.push(thing);
    byFamily!.set(thing.family, list);
  };
  for (const anchor of character.anchors) {
    const tokens = tokenize(anchor.text);
    for (const statement of statements(anchor.text, tokens, anchorBreaks)) {
      add({ anchor, family: statement.family, attributes: statement.attributes, absent: statement.state === 'absent' || statement.state === 'removed', head: statement.head });
    }
  }
  cache.set(character, byFamily);
  return byFamily;
}

/** A word's describing class and value, unless it only shades the colour after it (`dark` of `dark blue`). */
function attributeAt(text: string, tokens: readonly Token[], j: number): { cls: AttributeClass; value: string } | undefined {
  const found = tokens[j].info.attribute;
  if (!found) return undefined;
  const next = tokens[j + 1];
  if (found.cls === 'colour' && tokens[j].info.shade && next && adjacent(text, tokens[j].end, next.start) && next.info.attribute?.cls === 'colour') return undefined;
  return found;
}

function addValue(attributes: Attributes, cls: AttributeClass, value: string): void {
  const values = attributes.get(cls) ?? new Set<string>();
  values.add(value);
  attributes.set(cls, values);
}

/** Everything a text says about things: described, absent, worn, taken off. */
/**
 * A beat field's statements, remembered by its text: the same camera or action recurs in beat
 * after beat, and what it says depends on its words alone. Read only (shared between beats).
 */
function fieldStatements(text: string, tokens: readonly Token[]): readonly Statement[] {
  let found = statementCache.get(text);
  if (!found) {
    found = statements(text, tokens);
    if (statementCache.size >= statementCacheLimit) statementCache.clear();
    statementCache.set(text, found);
  }
  return found;
}

const statementCache = new Map<string, Statement[]>();
const statementCacheLimit = 5_000;

function statements(text: string, tokens: readonly Token[], breaks?: ReadonlySet<string>): Statement[] {
  const found: Statement[] = [];
  const restored = /\b(?:back on|on again)\b/i.test(text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    const pair = next && adjacent(text, token.end, next.start) && headWords.has(next.lower) ? absenceWords[`${token.lower} ${next.lower}`] : undefined;
    const absent = pair ?? absenceWords[token.lower];
    if (absent) {
      for (const family of absent) found.push({ family, state: 'absent', attributes: new Map(), first: i, last: pair ? i + 1 : i, possessive: possessiveBefore(tokens, i), head: token.lower });
      if (pair) i++;
      continue;
    }
    const present = presenceWords[token.lower];
    if (present) {
      for (const family of present) found.push({ family, state: 'present', attributes: new Map(), first: i, last: i, possessive: false, head: token.lower });
      continue;
    }
    const family = token.info.family;
    if (!family) continue;
    const phrase = describedPhrase(text, tokens, i, breaks);
    const { state, from } = stateOf(text, tokens, phrase.start, i, restored);
    if (breaks) {
      // In an anchor, the last thing of a part is the one described: `green canvas backpack`.
      const after = tokens[i + 1];
      if (after?.info.family && adjacent(text, token.end, after.start)) continue;
      found.push({ family, state: state === 'absent' ? 'absent' : 'described', attributes: phrase.attributes, first: phrase.start, last: phrase.end, possessive: false, head: singular(token.lower) });
      continue;
    }
    const later = state === 'removed' ? undefined : removedByPronoun(tokens, phrase.end);
    if (later !== undefined && !restored) {
      found.push({ family, state: 'removed', attributes: phrase.attributes, first: phrase.start, last: later, possessive: possessiveBefore(tokens, phrase.start), head: singular(token.lower) });
      i = later;
      continue;
    }
    if (state === 'described' && !phrase.attributes.size) {
      // A bare mention (`her hair`) says the thing is there: it contradicts only an absence.
      if (possessiveBefore(tokens, phrase.start) || wornBefore(tokens, phrase.start)) found.push({ family, state: 'present', attributes: phrase.attributes, first: Math.max(0, Math.min(from, phrase.start - 1)), last: phrase.end, possessive: true, head: singular(token.lower) });
      continue;
    }
    found.push({ family, state, attributes: phrase.attributes, first: state === 'removed' || state === 'absent' ? Math.min(from, phrase.start) : phrase.start, last: phrase.end, possessive: possessiveBefore(tokens, phrase.start), head: singular(token.lower) });
    i = Math.max(i, phrase.end);
  }
  return found;
}

/** The words right before a thing that describe it (`a blue apron` → `blue apron`), its hairstyle, and `loose` after it. */
function describedPhrase(text: string, tokens: readonly Token[], head: number, breaks?: ReadonlySet<string>): { start: number; end: number; attributes: Attributes } {
  const attributes: Attributes = new Map();
  let start = head;
  let end = head;
  const form = hairForm(tokens[head]);
  if (form) addValue(attributes, 'form', form);
  for (let j = head - 1; j >= 0 && (breaks || head - j <= 3); j--) {
    const token = tokens[j];
    if (!adjacent(text, token.end, tokens[j + 1].start) || token.info.stop || negations.has(token.lower) || breaks?.has(token.lower)) break;
    const found = attributeAt(text, tokens, j);
    if (found) {
      addValue(attributes, found.cls, found.value);
      start = j;
    } else if (token.info.shade && start === j + 1) start = j;
    // One word of a compound name right before the thing (`baseball cap`, `trench coat`).
    else if (j === head - 1 && !token.info.family) start = j;
    else if (!breaks) break;
  }
  const after = tokens[head + 1];
  if (after && adjacent(text, tokens[head].end, after.start) && after.info.attribute?.cls === 'form') {
    addValue(attributes, 'form', after.info.attribute.value);
    end = head + 1;
  }
  return { start, end, attributes };
}

/**
 * Whether the words before a thing take it off (`takes off his cap`, `removes her glasses`), put it
 * on, or deny it (`without her glasses`), and where those words start.
 */
function stateOf(text: string, tokens: readonly Token[], first: number, head: number, restored: boolean): { state: Statement['state']; from: number } {
  let hasOff = tokens[head + 1]?.lower === 'off';
  for (let j = first - 1; j >= 0 && first - j <= 5; j--) {
    const token = tokens[j];
    if (!adjacent(text, token.end, tokens[j + 1].start)) break;
    if (negations.has(token.lower)) return { state: 'absent', from: j };
    if (token.lower === 'off' || (token.lower === 'of' && tokens[j - 1]?.lower === 'out')) hasOff = true;
    const verb = token.info.stem;
    if (removalVerbs.has(verb) || (offVerbs.has(verb) && hasOff)) return restored ? { state: 'described', from: first } : { state: 'removed', from: j };
    if (wearVerbs.has(verb) || (onVerbs.has(verb) && tokens[j + 1]?.lower === 'on')) return { state: 'present', from: j };
  }
  return { state: 'described', from: first };
}

const pronouns = new Set(['it', 'them']);
const freeing = new Set(['off', 'free', 'away', 'loose', 'out']);

/**
 * Where the next words take the thing just named off by a pronoun (`loosens his tie, pulls it
 * free`, `unbuttons her coat and sheds it`): the index of the last of those words.
 */
function removedByPronoun(tokens: readonly Token[], after: number): number | undefined {
  for (let j = after + 1; j < tokens.length && j - after <= 6; j++) {
    const verb = tokens[j].info.stem;
    const pronoun = tokens[j + 1];
    if (!pronoun || !pronouns.has(pronoun.lower)) continue;
    if (removalVerbs.has(verb)) return j + 1;
    if (offVerbs.has(verb) && tokens[j + 2] && freeing.has(tokens[j + 2].lower)) return j + 2;
  }
  return undefined;
}

/** Whether `her`, `his`, `their` or a name's `'s` stands just before a thing, or before the words describing it (`his neatly trimmed goatee`). */
function possessiveBefore(tokens: readonly Token[], first: number): boolean {
  for (let k = first - 1; k >= 0 && first - k <= 3; k--) {
    const before = tokens[k];
    if (possessives.has(before.lower) || /['’]s$/.test(before.lower)) return true;
    if (before.info.stop || before.info.family) return false;
  }
  return false;
}

function wornBefore(tokens: readonly Token[], first: number): boolean {
  const before = tokens[first - 1]?.lower === 'a' || tokens[first - 1]?.lower === 'an' ? tokens[first - 2] : tokens[first - 1];
  return !!before && (wearVerbs.has(before.info.stem) || before.lower === 'in');
}
