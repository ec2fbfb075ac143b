import type { Override, Storyboard } from './ast';
import { resolveNames } from './model';
import { sceneOf, variantChain } from './scene';
import { overrideLabel, type OverrideSpec } from './takeOps';
import type { TakeLog } from './takes';
import { overridableFields } from './vocabulary';

// Branching off a take, the part that needs the storyboard's AST: what can be overridden in the
// scene the take was generated from, and its current values. The language server answers this
// (`sora/storyboardInfo`); the extension host never parses, so the pure operations on the take log
// stay in ./takeOps.

export interface OverrideChoice {
  spec: OverrideSpec;
  label: string;
  /** The value the take's scene has now (empty when the field is not set). */
  current: string;
  /** The workflow's name for the change, when it is one of camera, lighting, dialogue, duration. */
  workflow?: 'camera' | 'lighting' | 'duration';
}

/**
 * Every override target of the scene a take was generated from (its variant, when it is still in
 * the file), with its current value: beat N field, style field, settings field, character anchors.
 */
export function overrideChoices(storyboard: Storyboard, log: TakeLog | undefined, variant: string): OverrideChoice[] {
  const names = resolveNames(storyboard, log);
  const chain = variant && variant !== 'main' ? variantChain(storyboard, variant, log, names) : undefined;
  const view = sceneOf(storyboard, chain?.ok ? chain.variants : []);
  const choices: OverrideChoice[] = [];
  for (const field of overridableFields.style) {
    const spec: OverrideSpec = { target: 'style', field };
    choices.push({ spec, label: overrideLabel(spec), current: view.style.get(field)?.text ?? '', ...(field === 'lighting' ? { workflow: 'lighting' as const } : {}) });
  }
  for (const field of overridableFields.settings) {
    const spec: OverrideSpec = { target: 'settings', field };
    choices.push({ spec, label: overrideLabel(spec), current: view.settings.get(field)?.text ?? '', ...(field === 'duration' ? { workflow: 'duration' as const } : {}) });
  }
  for (const beat of view.beats) {
    for (const field of overridableFields.beat) {
      const spec: OverrideSpec = { target: 'beat', beat: beat.index, field };
      choices.push({ spec, label: overrideLabel(spec), current: beat.fields.get(field)?.text ?? '', ...(field === 'camera' ? { workflow: 'camera' as const } : {}) });
    }
  }
  for (const character of view.characters) {
    const spec: OverrideSpec = { target: 'character', character: character.name.text, field: 'anchors' };
    choices.push({ spec, label: overrideLabel(spec), current: character.anchors.map((a) => a.text).join(', ') });
  }
  return choices;
}

/** An override line as written, without indentation: `beat 2 camera: close-up, static`. */
export function overrideText(override: Override): string {
  const left =
    override.target === 'beat'
      ? `beat ${override.beat?.number ?? '?'} ${override.field.text}`
      : override.target === 'character'
        ? `character ${override.character?.text ?? '?'} ${override.field.text}`
        : `${override.target} ${override.field.text}`;
  return `${left}: ${override.value.text}`;
}
