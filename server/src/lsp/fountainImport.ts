import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { baseName, folderOf } from '../core/files';
import { dataFileLimit, type HostPort } from '../host';
import { ExchangeError, notOverwriting, planFountainImport, readFountain } from '../fountainImport';
import {
  fountainScenesRequest,
  importFountainRequest,
  type FountainScenesParams,
  type FountainScenesResponse,
  type ImportFountainParams,
  type ImportFountainResponse,
} from '../protocol';
import type { Feature } from './handlers';

// "Sora: Import Fountain Scene": the scenes of a screenplay for the picker, then the import itself,
// the same as `sora import` (beside the screenplay, never overwriting), through the host port.

/** A screenplay is a text file; a feature-length one is well under this. */
const screenplayLimit = dataFileLimit;

function fileOf(host: HostPort, uri: string): string {
  const file = host.pathOf(uri);
  if (!file) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Only a screenplay saved on disk can be imported.');
  return file;
}

async function screenplayText(host: HostPort, file: string): Promise<string> {
  const read = await host.readText(file, screenplayLimit);
  if (read.status === 'ok') return read.text;
  throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot read ${file}: ${read.status === 'refused' ? read.message : 'it is not there'}.`);
}

function failed(error: unknown): never {
  if (error instanceof ExchangeError) throw new ResponseError(LSPErrorCodes.RequestFailed, `${error.message} Nothing was written.`);
  throw error;
}

export async function fountainScenes(host: HostPort, params: FountainScenesParams): Promise<FountainScenesResponse> {
  const file = fileOf(host, params.uri);
  const text = await screenplayText(host, file);
  try {
    const script = readFountain(text, baseName(file));
    return { title: script.title ?? null, scenes: script.scenes.map((scene) => ({ number: scene.number, heading: scene.heading })) };
  } catch (error) {
    return failed(error);
  }
}

/** Writes the planned storyboards beside the screenplay; a file already there stops the import before anything is written. */
export async function importFountainScenes(host: HostPort, params: ImportFountainParams): Promise<ImportFountainResponse> {
  const file = fileOf(host, params.uri);
  const text = await screenplayText(host, file);
  try {
    const planned = planFountainImport(text, baseName(file), folderOf(file), params.scene);
    const taken = (await Promise.all(planned.map(async (p) => ((await host.stat(p.file)) ? p.file : undefined)))).filter((p): p is string => !!p);
    if (taken.length) throw notOverwriting(taken);
    const written: string[] = [];
    for (const planFile of planned) {
      // Checked again under the write: a file that appeared meanwhile is kept, not replaced.
      const wrote = await host.update(planFile.file, (current) => (current.status === 'absent' ? { write: planFile.text, result: true } : { keep: true, result: false }));
      if (!wrote) throw notOverwriting([planFile.file]);
      written.push(planFile.file);
    }
    return { written: written.map((path) => host.uriOf(path)) };
  } catch (error) {
    return failed(error);
  }
}

export const fountainImportFeature: Feature = {
  register: (server) => {
    const { host } = server.workspace;
    server.connection.onRequest(fountainScenesRequest, server.guarded('fountainScenes', (params: FountainScenesParams) => fountainScenes(host, params), 'Could not read the screenplay'));
    server.connection.onRequest(importFountainRequest, server.guarded('importFountain', (params: ImportFountainParams) => importFountainScenes(host, params), 'Could not import the screenplay'));
  },
};
