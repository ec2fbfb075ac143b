import type { Rule } from './types';

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
    'A cameo without approved consent must not be generated.',
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
      context.report({ range: consent ? consent.value.range : cameo.range, message });
    }
  },
};
