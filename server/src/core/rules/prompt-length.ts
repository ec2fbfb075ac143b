import type { Range } from '../ast';
import type { ModelProfile } from '../models/types';
import { countPrompt, describeCount } from '../target/count';
import { topRange } from './support';
import { cite, severityFor } from './targets';
import type { Rule, RuleContext } from './types';
import { clean, edit, withModel } from './cases';

/** `clean` with a first action long enough to pass 1,000 UTF-16 units. */
const longAction = edit(clean, ['action: pulls the net across his knees', `action: pulls the net across his knees, ${'slowly and carefully working each knot loose with weathered fingers, '.repeat(14)}then rests`]);

export const promptLengthRule: Rule = {
  code: 'prompt-length',
  severity: 'error',
  summary: "a compiled generation's prompt is over the model's limit, counted in its unit",
  explanation: [
    'Each model takes a prompt up to a limit, counted its own way: Runway counts **UTF-16 code units**',
    '(an emoji is 2), others count characters (code points: an emoji or a CJK character is 1), words,',
    'or tokens. A prompt over a hard limit is refused or cut off, and what is cut is the end: the last',
    'shots. Where the limit is the guide’s advice (LTX: keep within 200 words) it is a warning.',
    '',
    'Token counts are an estimate (about four letters of English per token, one per CJK character),',
    'since the checker does not ship each model’s tokenizer; it errs on the high side.',
    '',
    'Shorten the prompt: fewer words per action and setting, two look descriptors, or split the',
    'scene. Anchors are repeated in every shot on purpose: shorten them rather than drop them.',
  ].join('\n'),
  check(context) {
    const profile = context.target.limits;
    if (!profile) return;
    const { promptLimit } = profile;
    const compilation = context.compiled();
    const several = compilation.generations.length > 1;
    for (const generation of compilation.generations) {
      const range = generationRange(context, generation.beats);
      const count = countPrompt(generation.prompt, promptLimit.unit);
      const name = several ? `Generation ${generation.index}'s prompt` : 'The compiled prompt';
      if (count > promptLimit.max) {
        context.report({
          range,
          severity: severityFor(promptLimit.confidence, promptLimit.hard ? 'error' : 'warning'),
          message: `${name} is ${describeCount(count, promptLimit.unit)}; ${promptLimit.hard ? `${profile.label} takes at most` : `${profile.label}'s guide advises at most`} ${describeCount(promptLimit.max, promptLimit.unit)}${cite(profile, promptLimit.confidence)}. Shorten actions and settings, or split the scene.`,
        });
      }
      checkShots(context, profile, generation.parameters, generation.beats, range);
    }
  },
  cases: [
    {
      name: 'generation 1 over Runway\'s 1,000 UTF-16 units',
      trigger: withModel('runway-gen-4.5', longAction),
      underlines: 'beat 4s The net',
      nearMisses: [
        { name: 'the clean storyboard on Runway', text: withModel('runway-gen-4.5') },
        { name: 'the long action with no model', text: longAction },
      ],
    },
  ],
};

/** Multi-shot targets limit each shot's prompt too (Kling 3.0: 512 per shot). */
function checkShots(context: RuleContext, profile: ModelProfile, parameters: Record<string, unknown>, beats: number[], fallback: Range): void {
  const multiShot = profile.multiShot;
  if (!multiShot) return;
  const shots = parameters[multiShot.parameter];
  if (!Array.isArray(shots)) return;
  shots.forEach((shot: { prompt?: unknown }, i) => {
    if (typeof shot.prompt !== 'string') return;
    const count = countPrompt(shot.prompt, profile.promptLimit.unit);
    if (count <= multiShot.maxShotPrompt) return;
    const beat = context.storyboard.beats.find((b) => b.index === beats[i]);
    context.report({
      range: beat?.headerRange ?? fallback,
      severity: severityFor(profile.promptLimit.confidence, 'error'),
      message: `Shot ${i + 1}'s prompt is ${describeCount(count, profile.promptLimit.unit)}; ${profile.label} takes at most ${describeCount(multiShot.maxShotPrompt, profile.promptLimit.unit)} per shot${cite(profile, profile.promptLimit.confidence)}. Shorten this beat's action and setting.`,
    });
  });
}

/** Where a generation's problem goes: its first beat's header, else the model line. */
function generationRange(context: RuleContext, beats: number[]): Range {
  const first = context.storyboard.beats.find((beat) => beat.index === beats[0]);
  return first?.headerRange ?? context.target.written?.range ?? topRange(context);
}
