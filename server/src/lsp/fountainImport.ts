import * as fs from 'node:fs';
import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { ExchangeError, importFountain, readFountain } from '../node/exchange';
import {
  fountainScenesRequest,
  importFountainRequest,
  type FountainScenesParams,
  type FountainScenesResponse,
  type ImportFountainParams,
  type ImportFountainResponse,
} from '../protocol';
import { pathToUri, uriToPath } from './paths';

// "Sora: Import Fountain Scene": the scenes of a screenplay for the picker, then the import itself,
// the same as `sora import` (beside the screenplay, never overwriting).

function fileOf(uri: string): string {
  const file = uriToPath(uri);
  if (!file) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Only a screenplay saved on disk can be imported.');
  return file;
}

function failed(error: unknown): never {
  if (error instanceof ExchangeError) throw new ResponseError(LSPErrorCodes.RequestFailed, `${error.message} Nothing was written.`);
  throw error;
}

export function registerFountainImport(connection: Connection): void {
  connection.onRequest(fountainScenesRequest, (params: FountainScenesParams): FountainScenesResponse => {
    const file = fileOf(params.uri);
    try {
      const script = readFountain(fs.readFileSync(file, 'utf8'), file.split(/[\\/]/).pop() ?? file);
      return { title: script.title ?? null, scenes: script.scenes.map((scene) => ({ number: scene.number, heading: scene.heading })) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code) throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot read ${file}: ${(error as Error).message}`);
      return failed(error);
    }
  });
  connection.onRequest(importFountainRequest, (params: ImportFountainParams): ImportFountainResponse => {
    try {
      return { written: importFountain(fileOf(params.uri), { scene: params.scene }).written.map(pathToUri) };
    } catch (error) {
      return failed(error);
    }
  });
}
