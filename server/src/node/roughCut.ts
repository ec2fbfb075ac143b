import { assembleRoughCutRequest, type AssembleRoughCutParams, type AssembleRoughCutResponse } from '../protocol';
import type { Feature } from '../lsp/handlers';
import { workspaceFilm } from '../lsp/sequenceBoard';
import { assembleRoughCut, ExchangeError } from './exchange';

// "Sora: Assemble Rough Cut" (`sora/assembleRoughCut`): the sequence's best takes, in film order,
// joined by the ffmpeg on the PATH into the file the writer chose, as `sora export --assemble` does.
// A Node-only feature (it runs a program and writes a video): the Node server adds it to the table;
// the browser server has none, and the client says what to use instead.

const videoExtensions = ['.mp4', '.mov', '.mkv', '.m4v'];

export const roughCutFeature: Feature = {
  register: (server) =>
    server.connection.onRequest(
      assembleRoughCutRequest,
      server.guarded(
        'assembleRoughCut',
        async (params: AssembleRoughCutParams): Promise<AssembleRoughCutResponse> => {
          if (!server.workspace.trusted) return { ok: false, message: 'Restricted Mode: a rough cut runs ffmpeg and writes a video, so it waits until you trust this folder.' };
          const output = server.workspace.pathOf(params.output);
          if (!output) return { ok: false, message: `The rough cut must go to a file on this machine, not ${params.output}.` };
          if (!videoExtensions.some((extension) => output.toLowerCase().endsWith(extension))) {
            return { ok: false, message: `Name the rough cut ${videoExtensions.join(', ')}: the takes are joined without re-encoding, into a video container.` };
          }
          const { film } = await workspaceFilm(server.workspace, params.uri);
          try {
            const cut = assembleRoughCut(film, output);
            server.notifier.log(`Sora Storyboard: rough cut ${cut.output} from ${cut.clips.join(', ')}${cut.skipped.length ? `; left out: ${cut.skipped.join('; ')}` : ''}; ran: ${cut.command.join(' ')}`);
            return { ok: true, ...cut };
          } catch (error) {
            if (error instanceof ExchangeError) return { ok: false, message: `Nothing was assembled: ${error.message}` };
            throw error;
          }
        },
        'Could not assemble the rough cut',
      ),
    ),
};
