import type { Text } from '../ast';
import { fieldOf } from '../model';
import { subjectsOf, judgedBeats, judgesRest } from './support';
import { nearest } from '../text';
import { replace } from './edits';
import type { Rule, RuleContext } from './types';
import { clean, edit } from './cases';

export const characterUnknownRule: Rule = {
  code: 'character-unknown',
  severity: 'error',
  scope: 'beat',
  summary: '`say`, an override or a subject names no declared character where one is required',
  explanation: [
    'A speaker, a `character NAME anchors:` override, or a subject that is a single name must be a',
    'character declared with `character NAME` and its anchors. The anchors are what the prompt repeats',
    'in every shot to keep the person looking the same; an undeclared name has none, so Sora invents',
    'a new face each time.',
    '',
    'Declare the character (3–4 anchors), or fix the spelling. Names are case-sensitive.',
  ].join('\n'),
  check(context) {
    for (const beat of judgedBeats(context)) {
      for (const say of beat.says) checkName(context, say.speaker, 'speaks');
      const subject = fieldOf(beat, 'subject')?.value;
      if (subject && looksLikeAName(subject.text) && subjectsOf(context, beat).length === 0) {
        checkName(context, subject, 'is the subject');
      }
    }
    for (const variant of judgesRest(context) ? context.storyboard.variants : []) {
      for (const override of variant.overrides) {
        if (override.character) checkName(context, override.character, 'is overridden');
      }
    }
  },
  cases: [
    {
      name: 'a misspelt speaker',
      trigger: edit(clean, ['say Ivo @1s', 'say Ivoo @1s']),
      underlines: 'Ivoo',
      fixed: [['  say Ivoo @1s "Almost there."', '  say Ivo @1s "Almost there."']],
      nearMisses: [
        { name: 'the declared name', text: clean },
      ],
    },
  ],
};

/** A single capitalised word such as `Waiter`: clearly meant as a character, not a description. */
function looksLikeAName(subject: string): boolean {
  return /^\p{Lu}[\p{L}\p{M}\p{N}_-]*$/u.test(subject);
}

function checkName(context: RuleContext, name: Text, role: string): void {
  if (context.names.characters.has(name.text)) return;
  const declared = [...context.names.characters.keys()];
  const suggestion = nearest(name.text, declared);
  const hint = suggestion
    ? `Did you mean "${suggestion}"?`
    : declared.length
      ? `Declared characters: ${declared.join(', ')}.`
      : 'No characters are declared yet.';
  context.report({
    range: name.range,
    message: `"${name.text}" ${role} but is not a declared character. ${hint} Declare it with \`character ${name.text}\` and 3–4 anchors so it looks the same in every shot.`,
    fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [replace(name.range, suggestion)], safe: false, preferred: true }] : [],
  });
}
