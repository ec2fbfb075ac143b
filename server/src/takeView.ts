import { baseName, resolveInside, resolveRelativePath } from './core/files';
import { takeLineage } from './core/lineage';
import { branchesFrom, maxBranchesPerTake, takesFolder, typicalFixFor, typicalFixForBest, unloggedTakeFiles, type VariantRef } from './core/takeOps';
import { bestTake, emptyTakeLog, nextTakeId, sceneSpend, takeFileName, takeLogPathFor, takeTotal, type Take, type TakeLog } from './core/takes';
import type { HostPort } from './host';
import type { TakeVideoView, TakesView } from './protocol';
import type { TakeStore } from './takeStore';

// What the takes panel and the take commands show, computed once in the server from the store's
// log and the files beside the storyboard: each take with its total, its video (present, missing,
// or outside the workspace and never probed), its branches and its typical fix; the best take, the
// lineage, the spend, and the videos in takes/ not logged yet. The client only renders this.

export interface TakesViewInput {
  /** The storyboard's URI and core path, and the workspace folder it is in (its own folder when in none). */
  uri: string;
  storyboardPath: string;
  root: string;
  sceneId: string | null;
  variants: readonly VariantRef[];
}

export async function takesView(store: TakeStore, input: TakesViewInput): Promise<TakesView> {
  const logPath = takeLogPathFor(input.storyboardPath);
  const load = await store.load(logPath);
  const log: TakeLog = load.status === 'ok' ? load.log : emptyTakeLog(baseName(input.storyboardPath));
  const takes = await Promise.all(
    log.takes.map(async (take) => ({
      take,
      total: takeTotal(take) ?? null,
      video: await videoOf(store.host, input, take),
      branches: branchesFrom(take.id, input.variants, log).length,
      fix: typicalFixFor(take) ?? null,
    })),
  );
  const spend = sceneSpend(log);
  const next = nextTakeId(log);
  return {
    uri: input.uri,
    logUri: store.host.uriOf(logPath),
    status: load.status,
    problem: load.status === 'invalid' ? load.message : null,
    sceneId: input.sceneId,
    takes,
    best: bestTake(log)?.id ?? null,
    next: input.sceneId ? { id: next, file: `${takesFolder}/${takeFileName(input.sceneId, next)}` } : null,
    lineage: takeLineage(log),
    spend: spend.priced ? spend : null,
    fix: typicalFixForBest(log) ?? null,
    unlogged: input.sceneId ? (await unlogged(store.host, input, log, input.sceneId)).map(({ file, takeId, idFree }) => ({ file, takeId, idFree })) : [],
    maxBranches: maxBranchesPerTake,
  };
}

/**
 * A take's video by the core's resolver: a path outside the workspace (absolute, `../` out, a link
 * out) is refused before anything is probed; inside, the file is present only when it is a file.
 */
async function videoOf(host: HostPort, input: TakesViewInput, take: Take): Promise<TakeVideoView> {
  const textual = resolveInside(input.root, input.storyboardPath, take.file);
  if (!textual.ok) return { status: 'outside', reason: textual.reason };
  // Links: the same check with both ends resolved (the host's realPath is asynchronous, the core's check is not).
  const real = new Map([
    [input.root, await host.realPath(input.root)],
    [textual.path, await host.realPath(textual.path)],
  ]);
  const linked = resolveInside(input.root, input.storyboardPath, take.file, { exists: () => true, realPath: (path) => real.get(path) ?? path });
  if (!linked.ok) return { status: 'outside', reason: linked.reason };
  const stat = await host.stat(linked.path);
  if (stat?.kind !== 'file') return { status: 'missing' };
  return { status: 'present', uri: host.uriOf(linked.path), key: `${stat.size}-${Math.round(stat.mtime)}` };
}

async function unlogged(host: HostPort, input: TakesViewInput, log: TakeLog, sceneId: string) {
  const folder = resolveRelativePath(input.storyboardPath, takesFolder);
  const names = (await host.list(folder)).filter((entry) => entry.kind === 'file').map((entry) => entry.name);
  return unloggedTakeFiles(log, sceneId, names);
}
