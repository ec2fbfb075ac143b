import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { askServer } from '../compile';
import { storyboardInfoRequest, type StoryboardInfoParams, type StoryboardInfoResponse } from '../../../server/src/protocol';

export type { StoryboardBranchInfo, StoryboardInfoResponse } from '../../../server/src/protocol';

/**
 * Asks the server what the take features need from a storyboard: its scene id, variants and beats,
 * and (with a take id) what branching from that take needs. The client never parses a storyboard.
 */
export async function requestStoryboardInfo(client: LanguageClient, uri: vscode.Uri, takeId?: string): Promise<StoryboardInfoResponse> {
  const params: StoryboardInfoParams = { uri: uri.toString() };
  if (takeId) params.takeId = takeId;
  return askServer<StoryboardInfoResponse>(client, storyboardInfoRequest, params);
}
