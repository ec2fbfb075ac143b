import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { baseName, folderOf } from '../core/files';
import { appendBlock, branchVariantText, provenanceProblem, takeSettingsFrom } from '../core/takeOps';
import { takeLogPathFor, type TakeCost } from '../core/takes';
import type { HostPort } from '../host';
import {
  takesBranchRequest,
  takesChangedNotification,
  takesNotesRequest,
  takesRecordRequest,
  takesScoreRequest,
  takesViewRequest,
  type CompileResponse,
  type TakesBranchParams,
  type TakesBranchResponse,
  type TakesChangedParams,
  type TakesEditResponse,
  type TakesNotesParams,
  type TakesRecordParams,
  type TakesRecordResponse,
  type TakesScoreParams,
  type TakesView,
} from '../protocol';
import { TakeStoreError, type TakeStore, type TakeVideo } from '../takeStore';
import { takesView } from '../takeView';
import { compileDocument } from './compile';
import type { Feature } from './handlers';
import type { DocumentState, Workspace } from './workspace';

// `sora/takes/*`: the take log of a storyboard, served from the one store (../takeStore, kept by
// the storyboard contexts, which read the same logs for analysis). The panel and the take commands
// ask for the view and send intents (log this take, this score, these notes); each is applied under
// the log's lock to the log as it is then, and answered with the view after it. The client is told
// when a log changes (`sora/takes/changed`), whoever changed it.

export const takesFeature: Feature = {
  register(server) {
    const { connection, workspace } = server;
    const store = workspace.contexts.takeLogs;
    store.onDidChange((logPath) => {
      const params: TakesChangedParams = { uri: store.host.uriOf(storyboardPathOf(logPath)) };
      void connection.sendNotification(takesChangedNotification, params);
    });
    const on = <P extends { uri: string }, R>(method: string, name: string, run: (context: StoryboardContext, params: P) => Promise<R> | R) =>
      connection.onRequest(method, server.onStoryboard(name, (state, params: P) => run(contextOf(state), params), 'Could not read the take log'));
    on(takesViewRequest, 'takes/view', (context) => viewOf(store, context));
    on(takesRecordRequest, 'takes/record', (context, params: TakesRecordParams) => recordTake(store, workspace, context, params));
    on(takesScoreRequest, 'takes/score', (context, params: TakesScoreParams) =>
      editTake(store, workspace, context, (logPath) => store.score(logPath, params.takeId, params.scores.map((score) => ({ criterion: score.criterion, shot: score.shot, value: score.value ?? undefined })))),
    );
    on(takesNotesRequest, 'takes/notes', (context, params: TakesNotesParams) => editTake(store, workspace, context, (logPath) => store.note(logPath, params.takeId, params.notes)));
    on(takesBranchRequest, 'takes/branch', (context, params: TakesBranchParams) => branchText(context.state, params));
  },
};

/** A storyboard the takes requests can serve: one with a path (an untitled document has no take log). */
function contextOf(state: DocumentState): StoryboardContext {
  if (!state.path) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Save the storyboard to a folder first: the take log lives beside it.');
  return { state, storyboardPath: state.path, root: state.root ?? folderOf(state.path) };
}

interface StoryboardContext {
  state: DocumentState;
  /** The storyboard as a core path (forward slashes), and its workspace folder. */
  storyboardPath: string;
  root: string;
}

function viewOf(store: TakeStore, context: StoryboardContext): Promise<TakesView> {
  const { storyboard } = context.state.analysis;
  return takesView(store, {
    uri: context.state.uri,
    storyboardPath: context.storyboardPath,
    root: context.root,
    sceneId: storyboard.scene?.id?.text || null,
    variants: storyboard.variants.filter((v) => v.name).map((v) => ({ name: v.name!.text, base: v.base?.text ?? 'main' })),
  });
}

const restricted = 'Restricted Mode: nothing is written in an untrusted folder. Trust the folder to log and score takes.';

async function editTake(store: TakeStore, workspace: Workspace, context: StoryboardContext, edit: (logPath: string) => Promise<unknown>): Promise<TakesEditResponse> {
  if (!workspace.trusted) return { ok: false, message: restricted, view: await viewOf(store, context) };
  try {
    await edit(takeLogPathFor(context.storyboardPath));
  } catch (error) {
    if (!(error instanceof TakeStoreError)) throw error;
    return { ok: false, message: error.message, view: await viewOf(store, context) };
  }
  return { ok: true, view: await viewOf(store, context) };
}

/** Log Take: the variant compiled as the storyboard is now, its prompt, settings, target and cost recorded with the take. */
async function recordTake(store: TakeStore, workspace: Workspace, context: StoryboardContext, params: TakesRecordParams): Promise<TakesRecordResponse> {
  const logUri = store.host.uriOf(takeLogPathFor(context.storyboardPath));
  if (!workspace.trusted) return { ok: false, kind: 'restricted', message: restricted, logUri };
  const sceneId = context.state.analysis.storyboard.scene?.id?.text;
  if (!sceneId) return { ok: false, kind: 'usage', message: `${baseName(context.storyboardPath)} has no \`scene ID\` header, so its takes cannot be named (scene09_take01.mp4). Add one first.`, logUri };
  const variant = params.variant || 'main';
  const compiled = compileDocument(context.state, { uri: context.state.uri, variant });
  if (compiled.error) return { ok: false, kind: 'usage', message: `Cannot log a take of "${variant}": ${compiled.error}`, logUri };
  const video = videoOf(store.host, params.video);
  if (!video) return { ok: false, kind: 'usage', message: `The language server cannot reach ${params.video.kind === 'move' ? params.video.source : 'the video'}: save the video into takes/ beside the storyboard, then log it from there.`, logUri };
  try {
    const recorded = await store.record({
      storyboardPath: context.storyboardPath,
      sceneId,
      variant,
      parent: params.parent,
      change: params.change,
      prompt: compiled.prompt,
      settings: takeSettingsFrom(compiled.settings),
      video,
      ...takeTarget(compiled),
    });
    return { ok: true, take: recorded.take, videoFile: recorded.videoPath ? recorded.take.file : null, warning: provenanceProblem(recorded.take.provenance) ?? null, view: await viewOf(store, context) };
  } catch (error) {
    if (!(error instanceof TakeStoreError)) throw error;
    return { ok: false, kind: error.kind, message: error.message, logUri };
  }
}

function videoOf(host: HostPort, video: TakesRecordParams['video']): TakeVideo | undefined {
  if (video.kind !== 'move') return video.kind === 'existing' ? { kind: 'existing', file: video.file } : { kind: 'none' };
  const source = host.pathOf(video.source);
  return source ? { kind: 'move', source } : undefined;
}

/** The text of a variant one change off a take, and how to append it to the document as it is. */
function branchText(state: DocumentState, params: TakesBranchParams): TakesBranchResponse {
  const existingNames = state.analysis.storyboard.variants.filter((v) => v.name).map((v) => v.name!.text);
  try {
    const branch = branchVariantText({ takeId: params.takeId, spec: params.spec, value: params.value, name: params.name, existingNames });
    return { ok: true, ...branch, insert: appendBlock(state.text, branch.text).insert, version: state.version };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** What a take records about its target: the model compiled for and its estimated cost (when it is a real number). */
export function takeTarget(compiled: CompileResponse): { model?: string; cost?: TakeCost } {
  const model = compiled.model?.id ?? compiled.summary.model ?? compiled.settings.model ?? null;
  const cost = compiled.cost;
  const priced = cost && Number.isFinite(cost.usd) && cost.usd >= 0 ? { usd: cost.usd, perSecond: cost.perSecond, asOf: cost.asOf, source: cost.source } : undefined;
  return { ...(model ? { model } : {}), ...(priced ? { cost: priced } : {}) };
}

/** `scene09.takes.json` → `scene09.sora`. */
function storyboardPathOf(logPath: string): string {
  return logPath.replace(/\.takes\.json$/i, '.sora');
}
