// A target: one video model's limits, prompt layout, iteration and price, as data. Rules, the
// compiler, the generation planner, hovers and `sora models` all read profiles; none of them knows
// a model by name. Facts come from the vendor's own docs or SDK source where they could be read;
// `confidence` says how sure each group of facts is, and rules are lenient where it is `unverified`.

/** How sure a fact is: `official` (vendor docs or SDK), `sdk` (a third-party SDK calling the vendor's API), `unverified`. */
export type Confidence = 'official' | 'sdk' | 'unverified';

/** Clip lengths one generation makes: an explicit set, or an integer-stepped range. */
export type DurationSpec = { kind: 'set'; values: readonly number[] } | { kind: 'range'; min: number; max: number; step: number };

/**
 * A coupling: a value that only works with certain others (1080p only at 6 s; reference mode only 16:9).
 * It applies when every condition in `when` holds; it is broken when the choice then lies outside any
 * list in `requires`. Values use the profile's own spellings (`1080p`, `16:9`).
 */
export interface Coupling {
  /** What the coupling restricts, in words for hovers: "1080p needs a 6 s clip". */
  description: string;
  when: {
    resolution?: string;
    aspect?: string;
    references?: 'any';
    /** Native audio switched on (Kling: sound needs pro mode). */
    audio?: true;
    /** A first-frame image given (Luma: 10 s clips take no start frame). */
    firstFrame?: true;
    /** A last-frame image given (Kling: the end frame needs pro mode). */
    lastFrame?: true;
  };
  requires: {
    durations?: readonly number[];
    aspects?: readonly string[];
    resolutions?: readonly string[];
    /** The value needs an image input (Runway: the extra ratios are image-to-video only). */
    references?: 'any';
  };
  confidence: Confidence;
}

export interface ExtendSpec {
  /** Seconds one extension adds (a set when the vendor takes a choice). */
  stepSeconds: readonly number[];
  /** The longest clip extensions can reach, in seconds. */
  maxTotalSeconds: number;
  /** Resolutions an extension is made at, when the vendor restricts it. */
  resolutions?: readonly string[];
  /** The API operation, as the vendor names it (`POST /v1/videos/extensions`). */
  operation: string;
}

export type SpeechStyle =
  /** A `Dialogue:` block of `- Speaker: "line"` below the prose (Sora's cookbook). */
  | 'dialogue-block'
  /** Inline: `Mara says, "Not tonight."` (Veo, LTX, Seedance). */
  | 'inline-quote'
  /** Labelled speaker inside a shot of a shot list (Kling 3.0). */
  | 'shot-labelled'
  /** No native speech: dialogue is left out and listed for a separate voice step. */
  | 'none';

export interface AudioSpec {
  dialogue: boolean;
  effects: boolean;
  music: boolean;
  speech: SpeechStyle;
  /** The request parameter that switches audio on, when there is one (`generate_audio`, `sound`). */
  parameter?: string;
  /** What the parameter takes for on and off, when not `true`/`false` (Kling: `"on"`/`"off"`). */
  parameterValues?: { on: string | boolean; off: string | boolean };
  confidence: Confidence;
}

export interface ImageInputs {
  firstFrame: boolean;
  lastFrame: boolean;
  /**
   * Reference images one generation can use, in any role the model has for them (first or last
   * frame, asset, element, keyframe): what a storyboard's `reference:` lines are compared with. 0 where none.
   */
  maxReferences: number;
  confidence: Confidence;
}

/** How a negative prompt reaches the model. */
export type NegativePromptStyle =
  /** A request parameter (`negative_prompt`). */
  | { kind: 'parameter'; name: string; maxLength?: number }
  /** Written in the prompt as an `Avoid:` line, as the vendor's guide does. */
  | { kind: 'prose' }
  /** The vendor advises against negatives: rephrase positively. */
  | { kind: 'discouraged'; advice: string };

export type PromptUnit = 'characters' | 'utf16' | 'tokens' | 'words';

export interface PromptLimit {
  max: number;
  unit: PromptUnit;
  /** A hard API limit (error) or the guide's advice (still reported, as written by the rule). */
  hard: boolean;
  confidence: Confidence;
}

/** What changing one thing of a take is on this model. */
export type IterateOperation = 'edit' | 'remix' | 'extend' | 'regenerate';

export interface IterateSpec {
  operation: IterateOperation;
  /** The endpoint or feature, as the vendor names it (`POST /v1/videos/edits`, "Aleph video-to-video"). */
  via: string;
}

export interface PriceSpec {
  /** USD per second of output, by resolution (`default` applies where a resolution is not listed). */
  usdPerSecond: Readonly<Record<string, number>>;
  /** Extra USD per second with native audio on, where the vendor prices it apart. */
  audioUsdPerSecond?: number;
  confidence: Confidence;
  source: string;
}

/** The prompt layouts the compiler knows: each the structure a vendor's own guide recommends. */
export type PromptFormat =
  /** Sora cookbook: prose, then Cinematography / Actions / Dialogue blocks, one block per shot. */
  | 'sora-cookbook'
  /** Veo: subject, action, style, camera, ambience and audio, speech in quotes with a verb. */
  | 'veo'
  /** Kling 3.0: a shot list, each shot's prompt ≤ 512 characters, durations summing to the clip. */
  | 'kling-shots'
  /** Runway: one short paragraph about motion, subjects in general terms, no negatives. */
  | 'runway'
  /** LTX: one flowing present-tense paragraph, ≤ 200 words. */
  | 'ltx'
  /** A plain cinematic paragraph per generation (models whose vendor publishes no structure). */
  | 'paragraph';

export interface MultiShotSpec {
  maxShots: number;
  /** Longest prompt per shot, in the profile's prompt unit. */
  maxShotPrompt: number;
  /** The request field for the shot list, as the API names it. */
  parameter: string;
  /** Fields the shot list needs beside it, as the API spells them (`multi_shot: true, shot_type: "customize"`). */
  fixed?: Readonly<Record<string, unknown>>;
}

export interface Source {
  /** What it is: "openai/openai-python@e43b422 src/openai/types/video_create_params.py". */
  title: string;
  url?: string;
  confidence: Confidence;
}

export type ModelStatus = { kind: 'active' } | { kind: 'retired'; since: string; source: string; successors: readonly string[] };

export interface ModelProfile {
  /** What writers type in `settings model:`. */
  id: string;
  label: string;
  vendor: string;
  /** The model id the vendor's API takes (`veo-3.1-generate-preview`). */
  apiModel: string;
  /** Whether the weights are open (it can run locally). */
  openWeights: boolean;
  status: ModelStatus;
  /** The date the facts were read (YYYY-MM-DD). */
  asOf: string;
  sources: readonly Source[];
  durations: DurationSpec;
  durationsConfidence: Confidence;
  /** The length the vendor generates when none is asked for, if known. */
  defaultDuration?: number;
  extend?: ExtendSpec;
  aspects: readonly string[];
  /** How sure the aspect list is; absent: as sure as `durationsConfidence`. */
  aspectsConfidence?: Confidence;
  resolutions: readonly string[];
  /** How sure the resolution list is; absent: as sure as `durationsConfidence`. */
  resolutionsConfidence?: Confidence;
  /** How sure `aspects` and `resolutions` are; `durationsConfidence` when absent. */
  sizesConfidence?: Confidence;
  couplings: readonly Coupling[];
  audio: AudioSpec;
  images: ImageInputs;
  negativePrompt: NegativePromptStyle;
  promptLimit: PromptLimit;
  /** Several shots in one generation (Kling 3.0), or absent. */
  multiShot?: MultiShotSpec;
  iterate: IterateSpec;
  price: PriceSpec;
  format: PromptFormat;
  /**
   * The request body's field names, as the vendor's API spells them: a dotted path where the body
   * nests them (`video.duration`), the command-line flag for models run locally (`--frame_num`), and
   * `''` where the API takes no such field (Runway Aleph keeps the input video's length; Hailuo's
   * text-to-video has no aspect). `requestFields` in `limits.ts` builds the fields from a choice.
   */
  parameters: {
    duration: string;
    /** How the duration is written: a number, a string of digits, or with an `s` (`"5s"`). */
    durationAs: 'number' | 'string' | 'seconds-suffix';
    /** Set where the duration field counts frames, not seconds: frames = seconds × fps + 1 (Wan, LTX). */
    framesPerSecond?: number;
    aspect: string;
    resolution?: string;
    firstFrame?: string;
    lastFrame?: string;
    /** The field reference images go in, when it is not the first-frame field. */
    references?: string;
    /**
     * How a writer's value is spelled in the request where the API spells it otherwise: `resolution`
     * by resolution (`1080p` → Kling `pro`), `aspect` by aspect or, where one field carries both, by
     * `"ASPECT RESOLUTION"` (`"16:9 720p"` → Sora `1280x720`).
     */
    values?: {
      aspect?: Readonly<Record<string, string>>;
      resolution?: Readonly<Record<string, string>>;
    };
    /** The prompt's field (`prompt` when absent; Runway: `promptText`). */
    prompt?: string;
    /** The model id's field (`model` when absent; Kling: `model_name`). */
    model?: string;
    /** The input video's field for edits and extensions (`video`, `videoUri`). */
    video?: string;
    /**
     * How an aspect is written where the API does not take `16:9` itself, keyed by `ASPECT RESOLUTION`
     * (`"16:9 720p": "1280x720"`) or by aspect alone (`"16:9": "1280:720"`).
     */
    aspectValues?: Readonly<Record<string, string>>;
  };
  /** One or two sentences for hovers: what the model is for and its main limits. */
  notes: string;
  /**
   * One clip the model makes and one it does not (length, aspect and resolution each), written from
   * the vendor's facts rather than read back from the fields above: the profile tests check the
   * fields against it, so a wrong fact fails. Every shipped profile has one.
   */
  spotCheck?: { makes: SpotChoice; refuses: SpotChoice };
}

export interface SpotChoice {
  duration: number;
  aspect: string;
  resolution: string;
}
