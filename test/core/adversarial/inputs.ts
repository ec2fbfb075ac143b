// Adversarial storyboards: one 10,000-character run of one character class in one position of a
// storyboard that has every kind of line. A regex with nested or overlapping quantifiers takes
// seconds to minutes on such a line (800 dots in a logline once took 4.5 s); a linear one, a blink.

export const adversarialLength = 10_000;

/** What the long run is made of: single classes, and mixes that look like the text a regex expects. */
export const characterClasses: Record<string, string> = {
  dots: '.',
  spaces: ' ',
  tabs: '\t',
  letters: 'a',
  capitals: 'A',
  digits: '1',
  commas: ',',
  quotes: '"',
  apostrophes: "'’",
  hyphens: '-',
  colons: ':',
  at: '@',
  unicode: 'é😀漢',
  mixed: 'a. ,"1-',
  sentences: 'Dr. A. B! ',
  durations: '1.5s ',
  phrases: 'consistent light, red coat ',
};

/** A storyboard with every kind of line; `{}` marks the one slot a position fills, with its usual text. */
const template: [line: string, usual: string][] = [
  ['// {}', 'Harbour, scene 05'],
  ['scene {} "Harbour"', '05'],
  ['scene 05 "{}"', 'Harbour'],
  ['logline: {}', 'A fisherman mends his net as the fog lifts.'],
  ['', ''],
  ['settings', ''],
  ['  aspect: {}', '16:9'],
  ['  resolution: {}', '1080p'],
  ['  duration: {}', '12s'],
  ['  audio: {}', 'voice, ambience'],
  ['  model: {}', 'sora-2'],
  ['  {}', 'target: sora-2'],
  ['', ''],
  ['style', ''],
  ['  palette: {}', 'grey and ochre'],
  ['  lighting: {}', 'misty morning, consistent lighting'],
  ['  look: {}', '35mm, soft'],
  ['', ''],
  ['character {}', 'Mae'],
  ['  anchors: {}', 'red hat, long green coat, round glasses'],
  ['character Ivo', ''],
  ['  anchors: {}', 'grey beard, orange oilskin coat, knitted cap'],
  ['  cameo: {}', '@ivo.k'],
  ['  consent: {}', 'approved 2026-10-02, lines approved'],
  ['', ''],
  ['reference: {}', 'refs/harbour.png'],
  ['', ''],
  ['beat {} The net', '4s'],
  ['  subject: {}', 'Ivo'],
  ['  action: {}', 'pulls the net across his knees'],
  ['  setting: {}', 'wooden pier, fog over the water'],
  ['  emotion: {}', 'patient'],
  ['  camera: {}', 'medium, static'],
  ['  sound: {}', 'gulls and lapping water'],
  ['  music: {}', 'a low cello'],
  ['  say Ivo @1s "{}"', 'Almost there.'],
  ['  say {} @1s "Hi."', 'Ivo'],
  ['  say Ivo {} "Hi."', '@2s'],
  ['  {}', 'emotion: calm'],
  ['', ''],
  ['beat 4s {}', 'The knot'],
  ['  subject: Ivo and Mae', ''],
  ['  action: ties a knot', ''],
  ['  camera: close-up, static', ''],
  ['', ''],
  ['beat 4s The harbour', ''],
  ['  subject: the harbour', ''],
  ['  camera: wide, slow push in', ''],
  ['', ''],
  ['variant {} from main', 'warmer'],
  ['  style lighting: {}', 'warm tungsten glow, consistent lighting'],
  ['variant tighter from {}', 'take01'],
  ['  beat 2 camera: {}', 'close-up, static'],
  ['  settings duration: {}', '15s'],
  ['  character Ivo anchors: {}', 'short black bob, red scarf, silver hoop earrings'],
  ['  {}', 'beat 1 action: waits'],
  ['{}', ''],
];

export interface AdversarialInput {
  /** `dots in "  logline: {}"`: what the failure message names. */
  name: string;
  text: string;
}

export function adversarialRun(unit: string, length = adversarialLength): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Every class in every position: one storyboard each. */
export function adversarialInputs(length = adversarialLength): AdversarialInput[] {
  const inputs: AdversarialInput[] = [];
  const slots = template.map(([line], index) => (line.includes('{}') ? index : -1)).filter((index) => index >= 0);
  for (const [className, unit] of Object.entries(characterClasses)) {
    const run = adversarialRun(unit, length);
    for (const slot of slots) {
      const text = template.map(([line, usual], index) => line.replace('{}', index === slot ? run : usual)).join('\n');
      inputs.push({ name: `${className} in "${template[slot][0]}"`, text });
    }
  }
  return inputs;
}
