import { overrideChoices, overrideText } from '../core/branching';
import { branchesFrom, branchRefusal } from '../core/takeOps';
import type { TakeLog } from '../core/takes';
import type { TakeLogLoad } from '../takeStore';
import { storyboardInfoRequest, type StoryboardBranchInfo, type StoryboardInfoParams, type StoryboardInfoResponse } from '../protocol';
import type { Feature } from './handlers';
import type { DocumentState } from './workspace';

// `sora/storyboardInfo`: what the take features on the extension host need from a storyboard (its
// scene id, its variants and their overrides, its beats) and, for "Branch Variant from Take", the
// take's branches, the refusal when it has the maximum, and the override choices of its scene with
// their current values. The client never parses a storyboard: it asks here.
//
// The take log comes from the server's take store (the contexts' `takeLogs`): every write goes
// through it, so its copy is the log as it is now without reading the disk again.

export function storyboardInfo(state: DocumentState, params: StoryboardInfoParams, load: TakeLogLoad | undefined): StoryboardInfoResponse {
  const { storyboard } = state.analysis;
  const log: TakeLog | undefined = load?.status === 'ok' ? load.log : undefined;
  const variants = storyboard.variants
    .filter((v) => v.name)
    .map((v) => ({ name: v.name!.text, base: v.base?.text ?? 'main', line: v.headerRange.start.line, overrides: v.overrides.map(overrideText) }));
  const response: StoryboardInfoResponse = {
    uri: state.uri,
    version: state.version,
    sceneId: storyboard.scene?.id?.text || null,
    variants,
    beats: storyboard.beats.map((beat) => ({ index: beat.index, title: beat.title?.text ?? null, line: beat.headerRange.start.line })),
    takeLog: load?.status ?? 'absent',
  };
  if (params.takeId) {
    const takeId = params.takeId;
    const take = log?.takes.find((t) => t.id === takeId);
    const variant = take?.variant || 'main';
    const branch: StoryboardBranchInfo = {
      takeId,
      found: !!take,
      variant,
      branches: branchesFrom(takeId, variants, log),
      refusal: branchRefusal(takeId, variants, log) ?? null,
      choices: overrideChoices(storyboard, log, variant),
      existingNames: variants.map((v) => v.name),
    };
    response.branch = branch;
  }
  return response;
}

export const storyboardInfoFeature: Feature = {
  register: (server) =>
    server.connection.onRequest(
      storyboardInfoRequest,
      server.onStoryboard(
        'storyboardInfo',
        async (state, params: StoryboardInfoParams) => storyboardInfo(state, params, state.path ? await server.workspace.contexts.takeLogs.loadFor(state.path) : undefined),
        'Could not read the storyboard',
      ),
    ),
};
