import * as fs from 'node:fs';
import { provenanceOfBytes, unreadableProvenance, type Provenance } from './provenance';

// The manifest of a file on disk (the provenance tests, and anything holding a path rather than
// the host port's bytes).

export async function readProvenance(file: string, now: Date = new Date()): Promise<Provenance> {
  let data: Uint8Array;
  try {
    data = new Uint8Array(fs.readFileSync(file));
  } catch (error) {
    return unreadableProvenance(`cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, now);
  }
  return provenanceOfBytes(data, now);
}
