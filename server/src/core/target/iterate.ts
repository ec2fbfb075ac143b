import type { IterateOperation, ModelProfile } from '../models/types';
import type { Iteration } from '../targetOutput';

// Changing one thing of a take, on the target's own terms: Sora remixed a take with an
// instruction; Runway Aleph and Luma edit a video with one (video-to-video); a model that extends
// continues the take; everything else regenerates with the one change written into the prompt.

export interface IterationInput {
  profile: ModelProfile;
  /** The one change and what to keep, in sentences (the remix instruction's text). */
  change: string;
  keep: string;
  /** The take being iterated on: its id and video file. */
  take: { id: string; file?: string };
  /** The variant's request, for a regeneration (the first generation's parameters). */
  request: Record<string, unknown>;
  /** For an extension: how many seconds the variant adds. */
  extendBy?: number;
}

export function iterationFor(input: IterationInput): Iteration {
  const operation = chooseOperation(input);
  const { profile, change, keep, take } = input;
  const promptField = profile.parameters.prompt ?? 'prompt';
  const video = take.file ?? take.id;
  const videoField = profile.parameters.video ?? 'video';
  switch (operation) {
    case 'remix':
      return { operation, instruction: `${change} Keep everything else the same: ${keep}.`, parameters: { [videoField]: video, [promptField]: `${change} Keep everything else the same: ${keep}.` } };
    case 'edit': {
      const instruction = `Edit this video (${take.id}): ${lowerFirst(change)} Keep everything else exactly as it is: ${keep}.`;
      return { operation, instruction, parameters: { [profile.parameters.model ?? 'model']: profile.apiModel, [videoField]: video, [promptField]: instruction } };
    }
    case 'extend': {
      const seconds = input.extendBy ?? 0;
      const instruction = `Extend ${take.id} by ${seconds} s: ${lowerFirst(change)} Keep everything else the same: ${keep}.`;
      return {
        operation,
        instruction,
        parameters: { [profile.parameters.model ?? 'model']: profile.apiModel, [videoField]: video, [promptField]: instruction, [profile.parameters.duration]: seconds },
      };
    }
    case 'regenerate':
      return { operation, instruction: `Regenerate with this one change: ${lowerFirst(change)} Keep everything else the same: ${keep}.`, parameters: input.request };
  }
}

/** The profile's operation, except that an extension only fits a change that lengthens the clip. */
function chooseOperation(input: IterationInput): IterateOperation {
  const operation = input.profile.iterate.operation;
  if (operation === 'extend' && !(input.extendBy && input.extendBy > 0)) return 'regenerate';
  return operation;
}

function lowerFirst(text: string): string {
  // "In shot 2 …" reads on after a colon as "in shot 2 …"; keep proper nouns and "I" as they are.
  return /^(In|Change|Make|Reframe|Render|Limit|Use|Show)\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
