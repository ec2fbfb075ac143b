import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (compiled tests run from test-out/<suite>/, sources sit in test/<suite>/). */
export const repoRoot = path.resolve(__dirname, '../..');

/** The shared examples beside the repository: test data, never shipped. */
export const sharedExamples = path.resolve(repoRoot, '../shared/examples');

export const exampleFiles = {
  lighthouse: path.join(sharedExamples, 'lighthouse/scene09.sora'),
  lighthouseTakes: path.join(sharedExamples, 'lighthouse/scene09.takes.json'),
  problems: path.join(sharedExamples, 'problems/scene07.sora'),
  rooftop: path.join(sharedExamples, 'rooftop/scene03.sora'),
};

export function readExample(name: keyof typeof exampleFiles): string {
  return fs.readFileSync(exampleFiles[name], 'utf8');
}

export const fixturesDir = path.join(repoRoot, 'test/fixtures');
