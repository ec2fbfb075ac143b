// The provenance badge: whether a take's video still carries its content credentials (C2PA).
// Sora signs every clip; none, or a broken one, means the metadata was stripped or the file re-encoded.
import type { TakeRowView } from '../../src/takes/model';
import { el } from '../shared/dom';

export function provenanceBadge(take: TakeRowView): HTMLElement | null {
  const provenance = take.provenance;
  if (!provenance) return null;
  const errors = (provenance.errors ?? []).join('; ');
  switch (provenance.status) {
    case 'signed':
      return el('span', { class: 'badge provenance signed', title: `Content credentials: signed by ${provenance.signer ?? 'an unnamed signer'}${provenance.issuer ? `, issued by ${provenance.issuer}` : ''}${provenance.claimGenerator ? ` (${provenance.claimGenerator})` : ''}` }, 'C2PA signed');
    case 'invalid':
      return el('span', { class: 'badge provenance warning', role: 'note', title: `The content credentials do not validate (${errors}): the file was changed after it was signed.` }, 'C2PA broken');
    case 'absent':
      return el('span', { class: 'badge provenance warning', role: 'note', title: 'No content credentials: the metadata was stripped or the file was re-encoded.' }, 'no C2PA');
    case 'unreadable':
      return el('span', { class: 'badge provenance warning', role: 'note', title: `No content credentials could be read (${errors}).` }, 'C2PA unreadable');
  }
}

/** The provenance as lines for the selected take's details. */
export function provenanceText(take: TakeRowView): string | null {
  const provenance = take.provenance;
  if (!provenance) return null;
  switch (provenance.status) {
    case 'signed':
      return `Signed by ${provenance.signer ?? 'an unnamed signer'}${provenance.issuer ? `, issued by ${provenance.issuer}` : ''}${provenance.claimGenerator ? `; made with ${provenance.claimGenerator}` : ''}.`;
    case 'invalid':
      return `Warning: the content credentials do not validate (${(provenance.errors ?? []).join('; ')}). The file was changed after it was signed.`;
    case 'absent':
      return 'Warning: no content credentials. The metadata was stripped or the file was re-encoded.';
    case 'unreadable':
      return `Warning: no content credentials could be read (${(provenance.errors ?? []).join('; ')}).`;
  }
}
