import { ErrorCodes, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, type CodeLens } from 'vscode-languageserver';
import { baseKind } from '../core/model';
import { profileFor } from '../core/models';
import { iterationTitle } from '../protocol';
import { fitCodeLenses, serverCommands } from './clients';
import { compileDocument } from './compile';
import type { Feature, Server } from './handlers';
import type { DocumentState } from './workspace';

// Commands above the scene header and above each variant. The client registers the commands.

export function codeLenses(state: DocumentState): CodeLens[] {
  const { storyboard, names } = state.analysis;
  const lenses: CodeLens[] = [];
  const top = storyboard.scene?.headerRange ?? storyboard.sections[0]?.headerRange;
  if (top) {
    lenses.push({ range: top, command: { title: 'Preview', command: 'sora.openPreviewToSide', arguments: [state.uri] } });
    lenses.push({ range: top, command: { title: 'Score takes', command: 'sora.scoreTakes', arguments: [state.uri] } });
  }
  // A storyboard with no model follows the seed workflow, which remixes takes.
  const operation = profileFor(state.analysis.settings.model?.text)?.iterate.operation ?? 'remix';
  for (const variant of storyboard.variants) {
    if (!variant.name) continue;
    const name = variant.name.text;
    lenses.push({ range: variant.headerRange, command: { title: 'Compile variant', command: 'sora.compileVariant', arguments: [state.uri, name] } });
    if (variant.base && baseKind(variant.base.text, names) === 'take') {
      lenses.push({
        range: variant.headerRange,
        command: { title: `${iterationTitle(operation)} (${variant.base.text})`, command: 'sora.copyRemixInstruction', arguments: [state.uri, name] },
      });
    }
  }
  return lenses;
}

export const codeLensFeature: Feature = {
  capabilities: () => ({ codeLensProvider: { resolveProvider: false }, executeCommandProvider: { commands: Object.values(serverCommands) } }),
  register: (server) => {
    server.connection.onCodeLens(server.onDocument('codeLens', (state) => fitCodeLenses(codeLenses(state), server.client()), []));
    server.connection.onExecuteCommand(server.guarded('executeCommand', (params) => runServerCommand(server, params.command, params.arguments ?? []), 'Could not run the command'));
  },
};

/** The code lens commands for editors without our extension: the text is shown and returned. */
async function runServerCommand(server: Server, command: string, args: unknown[]): Promise<string | null> {
  const [uri, variant] = args;
  if (typeof uri !== 'string' || typeof variant !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${command} takes a storyboard URI and a variant name.`);
  if (command !== serverCommands.compileVariant && command !== serverCommands.remixInstruction) throw new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${command}.`);
  const state = await server.workspace.stateOfAny(uri);
  if (!state) throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot read ${uri}.`);
  const compiled = compileDocument(state, { uri, variant });
  const text =
    command === serverCommands.compileVariant
      ? (compiled.error ?? compiled.prompt)
      : (compiled.error ?? compiled.remix ?? `Variant "${variant}" is not based on a take, so it has no remix instruction.`);
  void server.connection.sendNotification(ShowMessageNotification.type, { type: compiled.error ? MessageType.Error : MessageType.Info, message: text });
  return text;
}
