import type { CharacterSection } from '../ast';
import type { Fix } from '../diagnostics';
import { fieldOf } from '../model';
import { escapeSnippet } from '../snippets';
import { insertFields } from './support';
import type { Rule, RuleContext } from './types';
import { clean, edit } from './cases';

/** Ivo as a cameo, with `consent` lines appended. */
const cameo = (consent: string) => edit(clean, ['  anchors: grey beard', `  cameo: @ivo.k${consent}\n  anchors: grey beard`]);

export const cameoConsentRule: Rule = {
  code: 'cameo-consent',
  severity: 'error',
  summary: 'a cameo without `consent: approved`, or with consent revoked',
  explanation: [
    'A `cameo` puts a real person\'s likeness in the clip. Sora only uses a cameo its owner has',
    'approved, and that approval can be withdrawn at any time. Record it on the character:',
    '',
    '- `consent: approved 2026-10-02`: approved on that date;',
    '- `consent: approved 2026-10-02, lines approved`: they also approved the words they say;',
    '- `consent: pending` / `consent: revoked 2026-11-01`: do not generate.',
    '',
    'A cameo without approved consent must not be generated. The quick fix records `consent: pending`',
    'with the cursor on it, to change to `approved DATE` when the owner approves.',
  ].join('\n'),
  check(context) {
    for (const character of context.storyboard.characters) {
      const cameo = character.cameo;
      if (!cameo) continue;
      const name = character.name?.text ?? 'This character';
      const consent = character.consent;
      if (consent?.status === 'approved') continue;
      const message = !consent
        ? `${name} is a cameo (${cameo.text || 'no handle'}) with no \`consent:\`; record \`consent: approved DATE\` once its owner approves, and don't generate before.`
        : consent.status === 'pending'
          ? `${name}'s cameo consent is pending; don't generate this scene until it reads \`approved DATE\`.`
          : consent.status === 'revoked'
            ? `${name}'s cameo consent was revoked${consent.date ? ` on ${consent.date.text}` : ''}; remove the cameo or the character before generating again.`
            : `"${consent.value.text}" is not a consent Sora can rely on; write \`approved DATE\` (for example \`approved 2026-10-02\`), \`pending\` or \`revoked DATE\`.`;
      context.report({ range: consent ? consent.value.range : cameo.range, message, fixes: consent ? [] : [pendingConsentFix(context, character)] });
    }
  },
  cases: [
    {
      name: 'a cameo without consent',
      trigger: cameo(''),
      underlines: '@ivo.k',
      fixed: [['  cameo: @ivo.k', '  cameo: @ivo.k\n  consent: pending']],
      nearMisses: [
        { name: 'approved', text: cameo('\n  consent: approved 2026-10-02, lines approved') },
      ],
    },
  ],
};

/** Records `consent: pending` under the cameo; in the editor the cursor lands on `pending`. */
function pendingConsentFix(context: RuleContext, character: CharacterSection): Fix {
  const cameoLine = fieldOf(character, 'cameo')?.range.start.line;
  const edit = insertFields(context, character, ['consent: pending'], cameoLine);
  const indentAndKey = edit.newText.slice(0, edit.newText.length - 'pending'.length);
  return {
    title: 'Record "consent: pending" (change it to "approved DATE" once approved)',
    edits: [{ ...edit, snippet: `${escapeSnippet(indentAndKey)}\${1:pending}` }],
    safe: false,
    preferred: true,
  };
}
