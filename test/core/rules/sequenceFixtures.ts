import type { AnalyzeOptions } from '../../../server/out/core/analyze';
import type { FileAccess } from '../../../server/out/core/files';
import { parseStoryboard } from '../../../server/out/core/parse';
import { cleanSequence, filmFiles, scenePath, sequencePath } from '../../../server/out/core/rules/cases';

// The sequence the sequence rules' cases use (server/src/core/rules/cases.ts), as analysis options
// for the tests that go further than the cases.

export { cleanSequence, scenePath, sequencePath };

/** A folder holding the sequence and its two scenes, and a stray note. */
export const filmFolder: FileAccess = {
  exists: (path) => filmFiles.includes(path) && path.endsWith('.sora'),
  list: (folder) => (folder === '/film' ? filmFiles.map((file) => file.slice('/film/'.length)) : []),
};

export function inSequence(sequenceText = cleanSequence): AnalyzeOptions {
  return { documentPath: scenePath, sequence: { path: sequencePath, storyboard: parseStoryboard(sequenceText) } };
}
