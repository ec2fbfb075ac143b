// Generated storyboards for the benchmark: realistic lines, N beats, deterministic.

const actions = ['climbs the spiral stairs, one hand on the rail', 'strikes a match and lights the wick', 'turns to the window and waits', 'walks along the wet pier'];
const settings = ['narrow stone stairwell, rain on the windows', 'lamp room, brass and glass', 'cliff top, heavy swell', 'harbour at night'];
const cameras = ['wide, static', 'close-up, static', 'medium, slow push in', 'medium close-up, static'];
const emotions = ['determined', 'hopeful', 'relief', 'calm'];

export function generateStoryboard(beats: number): string {
  const lines = [
    `// Generated storyboard with ${beats} beats`,
    'scene 99 "Benchmark"',
    'logline: A keeper tends the light through a long night.',
    '',
    'settings',
    '  aspect: 16:9',
    '  resolution: 1080p',
    `  duration: ${beats * 4}s`,
    '  audio: voice, ambience',
    '  model: sora-2',
    '',
    'style',
    '  palette: teal and amber',
    '  lighting: stormy dusk, consistent lighting',
    '  look: 35mm, grainy',
    '',
    'character Mara',
    '  anchors: silver braid, yellow raincoat, weathered hands, green eyes',
    '',
  ];
  for (let i = 0; i < beats; i++) {
    lines.push(
      `beat 4s Moment ${i + 1}`,
      '  subject: Mara',
      `  action: ${actions[i % actions.length]}`,
      `  setting: ${settings[i % settings.length]}`,
      `  emotion: ${emotions[i % emotions.length]}`,
      `  camera: ${cameras[i % cameras.length]}`,
      i % 3 === 0 ? '  say Mara @1s "Not tonight."' : '  sound: wind howling through the tower',
      '',
    );
  }
  lines.push('variant warmer from main', '  style lighting: warm tungsten glow, consistent lighting', '');
  return lines.join('\n');
}
