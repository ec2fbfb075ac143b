import { adoptVariant } from '../core/adopt';
import { adoptVariantRequest, type AdoptVariantParams, type AdoptVariantResponse } from '../protocol';
import type { Feature } from './handlers';

// `sora/adoptVariant`: the text "Adopt this take's change" proposes; the client shows it as a diff
// and applies it only when the writer confirms (and the document has not changed meanwhile).
export const adoptFeature: Feature = {
  register: (server) =>
    server.connection.onRequest<AdoptVariantResponse, unknown>(
      adoptVariantRequest,
      server.onStoryboard(
        'adoptVariant',
        (state, params: AdoptVariantParams): AdoptVariantResponse => {
          const adoption = adoptVariant(state.analysis.storyboard, state.text, params.variant);
          if (!adoption.ok) return { ok: false, uri: state.uri, message: adoption.message };
          return { ok: true, uri: state.uri, version: state.version, text: adoption.text, changes: adoption.changes };
        },
        'Could not adopt the variant',
      ),
    ),
};
