// The word lists the heuristic rules read (identity-drift, lighting-drift, lighting-flicker,
// physics-risk, camera-unknown), kept as data in one place, with the small amount of morphology
// they need: plural and -ing/-ed endings, so `crashes`, `crashing` and `crashed` all count as
// `crash`. Everything here is built once at module load; rules only look words up.

// ---- tokens -----------------------------------------------------------------------------------

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower-cased. */
  lower: string;
  /** Offsets in the text it came from (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** What the word lists say about this word, looked up once per distinct word. */
  info: WordInfo;
}

/** Everything the heuristic rules ask about one word, computed once per distinct word. */
export interface WordInfo {
  stem: string;
  /** The family of thing it names (`raincoats` → coat). */
  family?: string;
  /** The describing class and normalized value (`gray` → colour grey); a hyphenated word by its parts. */
  attribute?: { cls: AttributeClass; value: string };
  impact: boolean;
  moving: boolean;
  /** The lighting phrases that start with this word (`golden` of `golden hour`), longest first. */
  lightForms?: readonly PhraseForm[];
  /** May end a lighting phrase (`light`, `glow`). */
  lightTail: boolean;
  /** A description phrase never runs through it (`a`, `her`, `wearing`). */
  stop: boolean;
  /** Shades a colour (`dark`, `pale`). */
  shade: boolean;
}

/**
 * Tokens by text. Field values repeat (within a file, and across the re-checks of every keystroke),
 * and tokens are relative to their text, so identical texts share them. Bounded: cleared when full.
 */
const tokenCache = new Map<string, Token[]>();
const tokenCacheLimit = 20_000;

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  // Outside ASCII everything is a letter except blanks, quotes, dashes and other punctuation writers type.
  return code !== 160 && !(code >= 0x2000 && code <= 0x206f) && code !== 0x3000 && code !== 0xfeff && code !== 0xab && code !== 0xbb;
}

/**
 * The words of a text, with their offsets: runs of letters and digits, joined by `'`, `’` or `-`
 * between two letters (`close-up`, `raincoat's`). A hand-written scan: this runs on every beat.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lowerText = text.toLowerCase();
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    for (;;) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if ((c === 39 || c === 0x2019 || c === 45) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    const lower = lowerText.length === n ? lowerText.slice(start, i) : text.slice(start, i).toLowerCase();
    tokens.push({ text: text.slice(start, i), lower, start, end: i, info: wordInfo(lower) });
  }
  return tokens;
}

/** `tokenize`, remembered by text, so several rules (and the next check) share one pass. Do not mutate. */
export function tokensOf(value: { text: string }): readonly Token[] {
  let tokens = tokenCache.get(value.text);
  if (!tokens) {
    tokens = tokenize(value.text);
    if (tokenCache.size >= tokenCacheLimit) tokenCache.clear();
    tokenCache.set(value.text, tokens);
  }
  return tokens;
}

/** Whether only blanks (or nothing) stand between two offsets: words in one phrase, no comma. */
export function adjacent(text: string, end: number, start: number): boolean {
  for (let i = end; i < start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

const infoCache = new Map<string, WordInfo>();

/** What the lists say about a lower-cased word. */
export function wordInfo(lower: string): WordInfo {
  let info = infoCache.get(lower);
  if (info) return info;
  const wordStem = stem(lower);
  info = {
    stem: wordStem,
    family: thingFamilyOf.get(lower.replace(/['’]s$/, '')) ?? (pluralOnly.has(singular(lower)) ? undefined : thingFamilyOf.get(singular(lower))),
    attribute: attributeOf.get(lower) ?? (lower.includes('-') ? lower.split('-').map((part) => attributeOf.get(part)).find(Boolean) : undefined),
    impact: impactStems.has(wordStem),
    moving: movingStems.has(wordStem),
    lightForms: lightingForms.get(wordStem),
    lightTail: lightTails.has(lower),
    stop: phraseStops.has(lower),
    shade: colourShades.has(lower),
  };
  if (infoCache.size < 100_000) infoCache.set(lower, info);
  return info;
}

// ---- morphology -------------------------------------------------------------------------------

/** Nouns that look like -ing/-ed forms and must stay whole. */
const wholeWords = new Set([
  'earring', 'ring', 'string', 'ceiling', 'building', 'evening', 'morning', 'clothing', 'stocking', 'wedding',
  'sling', 'king', 'wing', 'thing', 'spring', 'something', 'nothing', 'everything', 'sibling', 'ending',
  'painting', 'pudding', 'lightning', 'railing', 'lighting', 'awning', 'landing', 'bed', 'red', 'shed', 'sled',
  'need', 'seed', 'speed', 'steed', 'weed', 'tweed', 'bleed', 'breed', 'feed', 'reed', 'hundred', 'naked',
]);

/** Irregular forms worth knowing. */
const irregular: Record<string, string> = {
  broke: 'break',
  broken: 'break',
  struck: 'strike',
  fell: 'fall',
  fallen: 'fall',
  threw: 'throw',
  thrown: 'throw',
  blew: 'blow',
  blown: 'blow',
  burst: 'burst',
  hit: 'hit',
  shot: 'shot',
};

/** The singular of a noun (`raincoats` → `raincoat`, `glasses` → `glass`, `eyes` → `eye`). */
export function singular(word: string): string {
  let w = word.toLowerCase();
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  if (w.length <= 3) return w;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

const stemCache = new Map<string, string>();

/**
 * A crude stem: plural, -ing and -ed endings and a final `e` removed, doubled consonants undone.
 * `crash`, `crashes`, `crashing`, `crashed` → `crash`; `collide`, `collided`, `colliding` → `collid`.
 */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  const cached = stemCache.get(lower);
  if (cached !== undefined) return cached;
  const result = computeStem(lower);
  if (stemCache.size < 50_000) stemCache.set(lower, result);
  return result;
}

function computeStem(lower: string): string {
  if (irregular[lower]) return irregular[lower];
  let w = singular(lower);
  if (w.length <= 3 || wholeWords.has(w)) return w;
  if (irregular[w]) return irregular[w];
  if (w.endsWith('ing') && w.length >= 6 && /[aeiouy]/.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ied') && w.length >= 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length >= 5 && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !'aeioulsz'.includes(w[n - 1])) return w.slice(0, -1);
  return w;
}

function stemSet(words: readonly string[]): Set<string> {
  return new Set(words.map(stem));
}

// ---- physics ----------------------------------------------------------------------------------

/**
 * Impacts and collisions: what Sora's physics gets wrong most often. Words that are usually
 * figurative in a storyboard (`breaks into a smile`, `falls asleep`, `strikes a match`,
 * `bursts into tears`) are left out on purpose.
 */
export const impactWords = [
  'crash', 'shatter', 'smash', 'collide', 'collision', 'explode', 'explosion', 'blast', 'slam', 'hit',
  'impact', 'topple', 'tumble', 'collapse', 'crumble', 'splinter', 'wreck', 'ram', 'smack', 'punch',
  'kick', 'splash', 'bounce', 'knock', 'thud', 'crunch', 'demolish', 'detonate', 'ricochet',
  // Paraphrases: a van plows into a stall, a wrench clangs off the floor, bowls burst into shards.
  'plow', 'plough', 'clatter', 'clang', 'bang', 'burst', 'snap', 'careen', 'crumple', 'plummet', 'bash', 'pummel',
  'pound', 'batter', 'thump', 'whack', 'wallop', 'cannonball', 'capsize', 'plunge',
] as const;

const impactStems = stemSet(impactWords);

export function isImpact(token: Token): boolean {
  return token.info.impact;
}

/**
 * Words after an impact word that make it figurative or harmless: `kicks off her shoes`, `hits play`,
 * `knocks on the door`, `bursts into tears`, `snaps a photo`, `a splash of colour`, `caves in to`.
 */
const harmlessAfter: Record<string, readonly string[]> = {
  kick: ['off', 'up', 'back', 'in'],
  punch: ['in', 'the clock', 'a code', 'a number', 'numbers', 'the air'],
  hit: ['play', 'record', 'pause', 'send', 'the lights', 'the road', 'the brakes', 'a note', 'the note', 'the high note', 'home'],
  knock: ['on', 'at', 'back', 'twice', 'once', 'softly', 'gently', 'lightly', 'three'],
  burst: ['into tears', 'into laughter', 'into song', 'into a smile', 'into a grin', 'out laughing', 'of', 'into giggles', 'into applause', 'into bloom', 'into view', 'in', 'through the door'],
  snap: ['a photo', 'a picture', 'a photograph', 'a selfie', 'her fingers', 'his fingers', 'their fingers', 'at', 'awake', 'to attention', 'into focus', 'back'],
  splash: ['of', 'on her face', 'on his face', 'water on'],
  blast: ['of', 'music', 'the music'],
  crash: ['of', 'out', 'on the sofa', 'on the couch'],
  bounce: ['light', 'board', 'card', 'back'],
  pound: ['the pavement', 'of', 'away at the keys'],
  plunge: ['into thought', 'into darkness', 'into silence', 'into shadow'],
  thump: ['of'],
  bang: ['of'],
  clatter: ['of'],
};

/** Things whose impact words are ambience, not collisions: waves crash, rain hammers, light bounces, hair tumbles. */
const ambientImpacters = new Set([
  'wave', 'surf', 'breaker', 'rain', 'raindrop', 'thunder', 'sea', 'ocean', 'tide', 'water', 'river', 'rapid', 'hail',
  'wind', 'spray', 'swell', 'storm', 'light', 'sunlight', 'footstep', 'gravel', 'heart', 'hair', 'curl', 'music', 'drum',
  'snow', 'leaf', 'leave', 'firework',
].map(singular));

const harmlessAfterStems = new Map(Object.entries(harmlessAfter).map(([word, after]) => [stem(word), after.map((phrase) => phrase.split(' '))]));

/**
 * The impact words of a text that are collisions, not figurative. In a setting (`ambient`), the sea
 * or the rain doing what they do (`waves crashing on the sandbar`) is the background, not an event.
 */
export function impactTokens(tokens: readonly Token[], ambient = false): Token[] {
  return tokens.filter((token, i) => {
    if (!token.info.impact) return false;
    const after = harmlessAfterStems.get(token.info.stem);
    if (after?.some((words) => words.every((word, k) => tokens[i + 1 + k]?.lower === word))) return false;
    if (!ambient) return true;
    const near = [tokens[i - 1], tokens[i - 2], tokens[i + 1]].filter((t): t is Token => !!t);
    // `waves crash`, `the rain pounding`, `crashing waves`, `light bounces`.
    return !near.some((t) => ambientImpacters.has(singular(t.lower)));
  });
}

/** Words that tell Sora to take an impact slowly; a beat that says one is not flagged. */
export const physicsMitigations = ['slow motion', 'slow-motion', 'settling gradually', 'settles gradually', 'settle gradually'] as const;

export const physicsFixes = { slowMotion: 'in slow motion', settling: 'settling gradually' } as const;

// ---- lighting ---------------------------------------------------------------------------------

/**
 * Named light, by the look it gives. A beat that names a light the style's lighting does not is the
 * classic source of light changing between shots. Lights are grouped by what they are, not how they
 * are spelt: golden hour, the late sun and a sunset glow are one low sun; neon and signage glow are
 * one neon; candlelight, a flame and a lantern are one flame.
 *
 * - `lights`: the broad light a look is (`sun`, `flame`, `neon`…). Two looks of different lights
 *   contradict each other.
 * - `generic`: the look names only the broad light (`sunlight`, `daylight`, `lamplight`): it agrees
 *   with any look of that light (`sunlight` in a beat of a golden-hour style is the same sun).
 * - `related`: specific looks of one light that read as the same light (golden hour and sunset); two
 *   other specific looks of one light are different times of day (sunset and midday).
 * - `natural`: daylight, weather and sky, the light a whole scene is in.
 * - `object`: a thing that may or may not be lit (`candle`, `lantern`, `lamp`, `fire`): it names a
 *   light only when the words around it say it is lit (`a guttering candle`, `candle light`, `the
 *   glow of her phone`), or in the style, where every word is about light. A lighthouse's `lantern
 *   gallery` and a `string of bulbs` are places and props.
 *
 * Generic words (`light`, `lights`, `glow`, `dark`) are left out: `lights the wick`, `bridge lights`
 * and `city glow` are not lighting directions.
 */
interface LookSpec {
  words: readonly string[];
  lights: readonly string[];
  generic?: boolean;
  related?: readonly string[];
  natural?: boolean;
  objects?: readonly string[];
}

export const lightingLooks: Record<string, LookSpec> = {
  sunlight: { words: ['sunlight', 'sunlit', 'sunshine', 'sun-drenched', 'sun-dappled', 'sunbeam', 'sunny', 'sun'], lights: ['sun'], generic: true, natural: true },
  daylight: { words: ['daylight', 'daylit', 'natural light', 'natural key', 'window light', 'day light'], lights: ['sun', 'overcast'], generic: true, natural: true },
  'golden hour': {
    words: ['golden hour', 'magic hour', 'low sun', 'late sun', 'late afternoon sun', 'late-afternoon sun', 'golden light', 'warm late light'],
    lights: ['sun'], related: ['sunset', 'sunrise'], natural: true,
  },
  sunset: {
    words: ['sunset', 'sundown', 'setting sun', 'evening sun', 'sun sets', 'sun setting', 'sun goes down', 'sun dips', 'sun dipping', 'afterglow', 'sunset glow'],
    lights: ['sun'], related: ['dusk'], natural: true,
  },
  sunrise: {
    words: ['sunrise', 'dawn', 'daybreak', 'first light', 'rising sun', 'morning sun', 'sun rises', 'sun rising', 'sun comes up', 'morning light', 'early light'],
    lights: ['sun'], natural: true,
  },
  noon: { words: ['noon', 'midday', 'noonday', 'high sun', 'overhead sun', 'harsh sun', 'midday sun'], lights: ['sun'], natural: true },
  dusk: { words: ['dusk', 'twilight', 'nightfall', 'gloaming'], lights: ['dusk'], related: ['blue hour'], natural: true },
  'blue hour': { words: ['blue hour'], lights: ['dusk'], natural: true },
  overcast: { words: ['overcast', 'cloudy', 'cloud cover', 'grey sky', 'gray sky'], lights: ['overcast'], natural: true },
  moonlight: { words: ['moonlight', 'moonlit', 'moon-lit', 'moonbeam', 'moon'], lights: ['moon'], natural: true },
  aurora: { words: ['aurora', 'northern lights', 'southern lights', 'aurora borealis'], lights: ['aurora'], natural: true },
  lightning: { words: ['lightning'], lights: ['lightning'], natural: true },
  flame: {
    words: ['candlelight', 'candlelit', 'candle-lit', 'firelight', 'firelit', 'fire-lit', 'torchlight', 'torchlit', 'campfire', 'bonfire', 'lanternlight', 'lantern-lit', 'flame-lit', 'flamelight'],
    objects: ['candle', 'taper', 'lantern', 'fire', 'flame', 'hearth', 'fireplace', 'torch', 'ember', 'furnace', 'forge', 'oil lamp'],
    lights: ['flame'],
  },
  lamplight: { words: ['lamplight', 'lamplit', 'lamp-lit'], objects: ['lamp', 'bulb'], lights: ['tungsten', 'streetlight', 'flame'], generic: true },
  tungsten: { words: ['tungsten', 'incandescent', 'practicals'], lights: ['tungsten'] },
  streetlight: {
    words: ['streetlight', 'streetlamp', 'street lamp', 'street light', 'street-light', 'sodium', 'sodium-vapour', 'sodium-vapor'],
    lights: ['streetlight'],
  },
  neon: { words: ['neon', 'neon-lit', 'signage', 'neon sign'], lights: ['neon'] },
  fluorescent: { words: ['fluorescent', 'fluorescents', 'strip light', 'striplight', 'strip-lit', 'fluorescent tube'], lights: ['fluorescent'] },
  screen: { words: ['screenlight', 'screen-lit'], objects: ['screen', 'monitor', 'phone', 'television', 'tv'], lights: ['screen'] },
  strobe: { words: ['strobe', 'strobing', 'strobe light'], lights: ['strobe'] },
  spotlight: { words: ['spotlight', 'spotlit'], lights: ['spotlight'] },
  floodlight: { words: ['floodlight', 'floodlit'], lights: ['floodlight'] },
  backlight: { words: ['backlight', 'backlit', 'rim light', 'rim-lit'], lights: ['backlight'] },
  headlights: { words: ['headlight'], lights: ['headlights'] },
  flashlight: { words: ['flashlight'], lights: ['flashlight'] },
  fireworks: { words: ['firework'], lights: ['fireworks'] },
  'police lights': { words: ['siren lights', 'police lights', 'siren light', 'police light'], lights: ['police lights'] },
};

/**
 * Words before a bare `sun` that say which sun it is: `low golden sun` is golden hour, `the morning
 * sun` a sunrise, `a harsh overhead sun` noon. Up to two of them, next to each other.
 */
const sunQualifiers: Record<string, string> = {
  low: 'golden hour', golden: 'golden hour', late: 'golden hour', afternoon: 'golden hour', amber: 'golden hour', honeyed: 'golden hour',
  setting: 'sunset', evening: 'sunset', sinking: 'sunset', dying: 'sunset', red: 'sunset',
  morning: 'sunrise', rising: 'sunrise', early: 'sunrise', dawn: 'sunrise',
  midday: 'noon', noon: 'noon', high: 'noon', harsh: 'noon', overhead: 'noon', blazing: 'noon', scorching: 'noon', noonday: 'noon',
};

/** Words that may follow a lighting word and belong to its phrase (`neon light`, `candle glow`). */
const lightTails = new Set(['light', 'lights', 'lighting', 'glow', 'glare', 'sign', 'signs', 'flicker', 'flame', 'flames', 'beam', 'beams', 'sun', 'shine', 'tube', 'tubes']);

/** Words next to a thing that say it is lit (`a guttering candle`, `a candle burning low`, `lit by a lantern`). */
const litMarkers = new Set(['lit', 'glowing', 'flickering', 'guttering', 'burning', 'blazing', 'crackling', 'glow', 'glare', 'flicker', 'light', 'lighting', 'shine', 'shining', 'flaring']);

interface PhraseForm {
  stems: string[];
  look: string;
  object: boolean;
}

/** Forms by the stem of their first word, longest first, so most words cost one lookup. */
const lightingForms = new Map<string, PhraseForm[]>();
for (const [look, spec] of Object.entries(lightingLooks)) {
  const add = (form: string, object: boolean) => {
    const stems = form.split(' ').map(stem);
    const list = lightingForms.get(stems[0]) ?? [];
    list.push({ stems, look, object });
    list.sort((a, b) => b.stems.length - a.stems.length);
    lightingForms.set(stems[0], list);
  };
  for (const form of spec.words) add(form, false);
  for (const form of spec.objects ?? []) add(form, true);
}

/** The specific looks that read as one light, both ways round. */
const relatedLooks = new Map<string, Set<string>>();
for (const [look, spec] of Object.entries(lightingLooks)) {
  for (const other of spec.related ?? []) {
    for (const [a, b] of [[look, other], [other, look]]) {
      const set = relatedLooks.get(a) ?? new Set<string>();
      set.add(b);
      relatedLooks.set(a, set);
    }
  }
}

export interface LightingMention {
  look: string;
  /** Offsets of the phrase in the text. */
  start: number;
  end: number;
}

export interface MentionOptions {
  /** Count things that may be lit (`lamp`, `candle`) without words saying they are: the style's fields are all about light. */
  loose?: boolean;
}

/** The lighting a text names (`neon light` → neon), in order. */
export function lightingMentions(text: string, tokens: readonly Token[], options: MentionOptions = {}): LightingMention[] {
  const found: LightingMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const forms = token.info.lightForms;
    if (!forms) continue;
    const form = forms.find((f) => f.stems.every((s, k) => k === 0 || (tokens[i + k]?.info.stem === s && adjacent(text, tokens[i + k - 1].end, tokens[i + k].start))));
    if (!form) continue;
    let last = i + form.stems.length - 1;
    const next = tokens[last + 1];
    // `neon green` is a colour, `sun hat` a hat.
    if (next && adjacent(text, tokens[last].end, next.start) && (next.info.attribute?.cls === 'colour' || next.info.family)) continue;
    const tail = next && next.info.lightTail && adjacent(text, tokens[last].end, next.start) ? next : undefined;
    if (form.object && !options.loose && !tail && !litNearby(tokens, i, last)) continue;
    if (tail) last++;
    let look = form.look;
    let start = token.start;
    if (look === 'sunlight' && token.lower === 'sun') {
      for (let k = i - 1; k >= 0 && i - k <= 2 && adjacent(text, tokens[k].end, tokens[k + 1].start); k--) {
        const qualified = sunQualifiers[tokens[k].lower];
        if (!qualified) break;
        look = qualified;
        start = tokens[k].start;
      }
    }
    found.push({ look, start, end: tokens[last].end });
    i = last;
  }
  return found;
}

/** Whether the words just before or after a thing say it gives light. */
function litNearby(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = Math.max(0, first - 3); k < first; k++) {
    const lower = tokens[k].lower;
    if (litMarkers.has(lower) && !(lower === 'light' && tokens[k + 1]?.lower !== 'of')) return true;
  }
  const after = tokens[last + 1];
  return !!after && litMarkers.has(after.lower);
}

export type LightingJudgement = { agrees: true } | { agrees: false; uncertain: boolean; comparedWith: string[] };

/**
 * Whether a light a beat names is one the style's looks already name. A generic light agrees with
 * any look of its light; a specific one with the same look or a related one. A specific look where
 * the style only names its light generically (`sunset` under `natural sunlight`) is uncertain.
 */
export function judgeLight(look: string, styleLooks: ReadonlySet<string>): LightingJudgement {
  if (styleLooks.has(look)) return { agrees: true };
  const spec = lightingLooks[look];
  const styles = [...styleLooks];
  const sharesLight = (other: string) => lightingLooks[other].lights.some((light) => spec.lights.includes(light));
  if (spec.generic && styles.some(sharesLight)) return { agrees: true };
  if (styles.some((other) => relatedLooks.get(look)?.has(other))) return { agrees: true };
  const specific = styles.filter((other) => !lightingLooks[other].generic);
  // The style commits to another light of the same kind (another time of day, another practical).
  const committed = specific.some((other) => !!lightingLooks[other].natural === !!spec.natural || sharesLight(other));
  const uncertain = !committed && styles.some((other) => lightingLooks[other].generic && sharesLight(other));
  return { agrees: false, uncertain, comparedWith: styles };
}

/** Words a lighting phrase usually hangs from; removing the phrase removes them too. */
export const lightingLeadIns = ['under', 'in', 'by', 'beneath', 'with', 'through', 'against', 'amid', 'bathed in', 'lit by'] as const;

export const consistentLighting = 'consistent lighting';

/**
 * Whether a lighting line asks for the light to hold: `consistent lighting`, and the ways writers
 * paraphrase it (`steady, even light`, `lighting held constant`, `unchanging light`, `flickerless`).
 */
export function hasConsistentLighting(text: string): boolean {
  const steady = '(?:consistent(?:ly)?|steady|stable|constant|even|unchanging|unvarying|uniform|continuous|locked)';
  return (
    new RegExp(`\\b${steady}\\b(?:[\\s,-]+(?:and|soft|warm|cool|natural|diffused?|\\w+ly|${steady}))*[\\s,-]+(?:lighting|light|lit|exposure)\\b`, 'i').test(text) ||
    new RegExp(`\\b(?:lighting|light)\\s+(?:is\\s+|stays\\s+|remains\\s+|held\\s+|kept\\s+|holds\\s+)+${steady}\\b`, 'i').test(text) ||
    /\bflicker(?:-|\s)?(?:less|free)\b/i.test(text)
  );
}

// ---- look -------------------------------------------------------------------------------------

/** Phrases that join two words with `and` and mean one thing (`black and white`). */
const fixedAndPhrases = ['black and white', 'salt and pepper', 'rock and roll', 'sword and sorcery', 'cat and mouse', 'pen and ink', 'ink and wash', 'stop and go'];

/**
 * The descriptors of a `look` value, however they are joined: commas, semicolons, slashes, `+`,
 * and the words `and`, `with`, `plus`, `&`. `black and white, high contrast` is two.
 */
export function lookDescriptors(text: string): string[] {
  let protectedText = text;
  const placeholders: string[] = [];
  for (const phrase of fixedAndPhrases) {
    protectedText = protectedText.replace(new RegExp(`\\b${phrase.replace(/ /g, '\\s+')}\\b`, 'gi'), (match) => {
      placeholders.push(match);
      return `\u0000${placeholders.length - 1}\u0000`;
    });
  }
  return protectedText
    .split(/\s*(?:[,;/+&]|\band\b|\bwith\b|\bplus\b)\s*/i)
    // eslint-disable-next-line no-control-regex -- NUL brackets a placeholder: it cannot occur in a storyboard line.
    .map((part) => part.replace(/\u0000(\d+)\u0000/g, (_, i: string) => placeholders[Number(i)]).replace(/^(?:a|an|the)\s+/i, '').trim())
    .filter(Boolean);
}

// ---- camera -----------------------------------------------------------------------------------

/** Ways writers spell shot sizes that the vocabulary's names do not cover. */
export const shotSizeSpellings: readonly string[] = [
  'extreme wide', 'wide', 'full', 'medium wide', 'medium', 'medium close-up', 'close-up', 'cu', 'extreme close-up',
  'ecu', 'over-the-shoulder', 'pov', 'insert', 'close up', 'closeup', 'extreme closeup', 'medium closeup', 'mcu',
  'over the shoulder', 'ots', 'long shot', 'establishing', 'two-shot', 'two shot', 'mid shot', 'mid-shot', 'ws',
  'ms', 'ls', 'els', 'ews', 'full-body', 'full body', 'point of view', 'point-of-view', 'aerial', 'bird’s-eye',
  "bird's-eye", 'overhead', 'top-down',
  // How cinematographers and the vendors' guides name sizes too: a tight shot is a close-up, a
  // macro an extreme close-up, a cowboy shot a medium wide, a head-and-shoulders a medium close-up.
  'tight', 'macro', 'cowboy', 'head-and-shoulders', 'wide-angle', 'medium-wide', 'close', 'detail', 'full-length',
  'extreme long', 'master', 'wide-shot', 'close-shot', 'medium-shot', 'mid', 'long-shot', 'bust', 'knee', 'waist',
];

const shotSizePhrases = new Set(shotSizeSpellings);

/** Whether a camera value names a shot size in one of its comma-separated parts. */
export function namesShotSize(camera: string | readonly Token[]): boolean {
  const tokens = typeof camera === 'string' ? tokenize(camera) : camera;
  for (let i = 0; i < tokens.length; i++) {
    if (shotSizePhrases.has(tokens[i].lower)) return true;
    const next = tokens[i + 1];
    if (next && shotSizePhrases.has(`${tokens[i].lower} ${next.lower}`)) return true;
  }
  return false;
}

/** Words that mean the camera moves. `static` and `locked-off` mean it does not. */
export const movingCameraWords = [
  'pan', 'tilt', 'dolly', 'push', 'pull', 'tracking', 'track', 'handheld', 'hand-held', 'crane', 'orbit', 'orbiting',
  'zoom', 'whip', 'drone', 'steadicam', 'arc', 'truck', 'boom', 'follow', 'following', 'swoop', 'spin', 'rotate',
  'circle', 'circling', 'sweep', 'glide', 'shaky', 'fly', 'flythrough', 'fly-through',
  // Paraphrases of a move: the camera drifts, creeps in, floats, rises, descends, travels, moves.
  'drift', 'creep', 'float', 'rise', 'rising', 'descend', 'travel', 'move', 'moving', 'chase', 'approach', 'push-in',
  'pull-back', 'pullback', 'gimbal', 'jib', 'pedestal', 'roll', 'swing', 'whip-pan', 'arc', 'reveal', 'retreat', 'advance',
  'sway', 'bob', 'walk', 'lead', 'leading', 'trail', 'trailing', 'slide', 'dive', 'sink', 'lower', 'climb', 'snake',
  'pace', 'pursue', 'pursuit', 'ride', 'riding', 'race', 'racing', 'accompany',
] as const;

const movingStems = stemSet(movingCameraWords);

export function isCameraMovement(token: Token): boolean {
  return token.info.moving;
}

// ---- identity ---------------------------------------------------------------------------------

/**
 * Things an anchor describes, grouped into families: a beat that says `blonde hair` describes
 * the same thing as the anchor `short black bob`.
 */
export const thingFamilies: Record<string, readonly string[]> = {
  hair: ['hair', 'braid', 'plait', 'bob', 'ponytail', 'bun', 'pigtail', 'curls', 'dreadlock', 'mohawk', 'fringe', 'mane', 'quiff', 'afro', 'mullet', 'topknot', 'updo', 'haircut', 'wig', 'loc', 'cornrow', 'chignon', 'lock', 'tress'],
  beard: ['beard', 'stubble', 'goatee'],
  moustache: ['moustache', 'mustache'],
  eyes: ['eye', 'iris'],
  eyebrows: ['eyebrow', 'brow'],
  skin: ['skin', 'complexion'],
  hands: ['hand'],
  freckles: ['freckle'],
  scar: ['scar'],
  tattoo: ['tattoo'],
  lips: ['lip', 'lipstick'],
  nails: ['nail', 'fingernail'],
  coat: ['coat', 'raincoat', 'overcoat', 'parka', 'trenchcoat', 'mackintosh', 'anorak', 'peacoat', 'slicker', 'greatcoat', 'duffel coat'],
  jacket: ['jacket', 'blazer', 'bomber', 'windbreaker'],
  hoodie: ['hoodie', 'hooded top'],
  sweater: ['sweater', 'jumper', 'cardigan', 'pullover', 'turtleneck', 'sweatshirt'],
  shirt: ['shirt', 't-shirt', 'tee', 'blouse', 'tank top', 'polo'],
  dress: ['dress', 'gown', 'sundress'],
  skirt: ['skirt'],
  trousers: ['trouser', 'pant', 'jean', 'slack', 'chino', 'legging'],
  coveralls: ['coverall', 'overall', 'dungaree', 'jumpsuit', 'boilersuit'],
  headwrap: ['headwrap', 'head-wrap', 'headscarf', 'turban', 'hijab'],
  suit: ['suit', 'tuxedo'],
  vest: ['vest', 'waistcoat'],
  apron: ['apron'],
  uniform: ['uniform'],
  scarf: ['scarf', 'shawl', 'bandana', 'neckerchief'],
  hat: ['hat', 'cap', 'beanie', 'toque', 'fedora', 'beret', 'bowler', 'stetson', 'bonnet'],
  helmet: ['helmet'],
  gloves: ['glove', 'mitten'],
  shoes: ['shoe', 'boot', 'sneaker', 'trainer', 'sandal', 'heel', 'loafer', 'slipper'],
  socks: ['sock'],
  belt: ['belt'],
  tie: ['tie', 'bowtie', 'bow tie', 'necktie'],
  glasses: ['glasses', 'spectacles', 'eyeglasses', 'specs'],
  sunglasses: ['sunglasses', 'shades'],
  earrings: ['earring', 'stud'],
  necklace: ['necklace', 'pendant', 'locket', 'chain'],
  bracelet: ['bracelet', 'bangle'],
  backpack: ['backpack', 'rucksack'],
  bag: ['bag', 'satchel', 'handbag', 'purse', 'tote'],
  umbrella: ['umbrella'],
  mask: ['mask'],
  cloak: ['cloak', 'cape', 'robe', 'poncho', 'kimono'],
  headband: ['headband', 'hairband'],
  veil: ['veil'],
};

const thingFamilyOf = new Map<string, string>();
/** Words that name the thing only in the plural: `glasses` are worn, `a glass` is drunk from; `shades`, not `a shade`. */
const pluralOnly = new Set(['glass', 'spectacle', 'eyeglass', 'spec', 'shade', 'sunglass']);
for (const [family, words] of Object.entries(thingFamilies)) {
  for (const word of words) thingFamilyOf.set(pluralOnly.has(singular(word)) ? word : singular(word), family);
}

/** The family of a thing a word names (`raincoats` → coat), if it names one. */
export function thingFamily(word: string): string | undefined {
  return wordInfo(word.toLowerCase()).family;
}

/** What a description can say about a thing; two values of one class contradict each other. */
export type AttributeClass = 'colour' | 'material' | 'pattern' | 'texture' | 'length' | 'shape' | 'form';

export const attributeWords: Record<AttributeClass, readonly string[]> = {
  colour: [
    'red', 'orange', 'yellow', 'green', 'blue', 'purple', 'violet', 'pink', 'brown', 'black', 'white', 'grey', 'gray',
    'silver', 'gold', 'golden', 'blonde', 'blond', 'auburn', 'ginger', 'copper', 'crimson', 'scarlet', 'maroon',
    'burgundy', 'navy', 'teal', 'turquoise', 'cyan', 'magenta', 'beige', 'tan', 'khaki', 'olive', 'cream', 'ivory',
    'amber', 'hazel', 'lilac', 'lavender', 'indigo', 'charcoal', 'platinum', 'bronze', 'emerald', 'ruby', 'rust',
    'mustard', 'salmon', 'coral', 'peach', 'plum', 'jet-black', 'raven', 'brunette', 'chestnut', 'mint', 'sky-blue',
    'navy-blue', 'dark-blue', 'sandy', 'strawberry-blonde', 'ash-blonde', 'snow-white', 'off-white', 'fuchsia',
    'wine', 'oxblood', 'cherry', 'brick', 'claret', 'vermilion', 'cobalt', 'azure', 'sapphire', 'cerulean', 'tangerine',
    'apricot', 'saffron', 'lemon', 'canary', 'ochre', 'honey', 'flaxen', 'sage', 'jade', 'lime', 'forest', 'moss', 'bottle',
    'mauve', 'aubergine', 'rose', 'blush', 'chocolate', 'coffee', 'camel', 'caramel', 'mahogany', 'walnut', 'taupe',
    'slate', 'ash', 'pewter', 'gunmetal', 'salt-and-pepper', 'pearl', 'alabaster', 'ebony', 'inky', 'onyx', 'jet',
    'dark', 'fair', 'sky', 'royal', 'midnight', 'bottle-green', 'wine-red', 'blood-red', 'fire-engine', 'silvery', 'greying', 'graying', 'white-blonde',
  ],
  material: [
    'denim', 'leather', 'wool', 'woolen', 'woollen', 'knit', 'knitted', 'silk', 'silken', 'cotton', 'linen', 'velvet',
    'tweed', 'lace', 'canvas', 'fur', 'faux-fur', 'suede', 'satin', 'corduroy', 'fleece', 'nylon', 'plastic', 'rubber',
    'vinyl', 'wooden', 'metal', 'steel', 'flannel', 'cashmere', 'sequined', 'sequinned', 'pvc', 'gingham', 'chiffon',
    'tulle', 'felt', 'straw', 'oilskin', 'waxed', 'mesh', 'latex',
  ],
  pattern: ['striped', 'stripy', 'plaid', 'checked', 'checkered', 'chequered', 'tartan', 'polka-dot', 'floral', 'spotted', 'paisley', 'plain', 'camo', 'camouflage', 'patterned', 'herringbone', 'houndstooth', 'leopard-print', 'pinstriped', 'pinstripe'],
  texture: ['curly', 'straight', 'wavy', 'frizzy', 'spiky', 'slicked', 'slicked-back', 'permed', 'coiled', 'kinky', 'sleek', 'shaved', 'shaven'],
  length: ['short', 'long', 'shoulder-length', 'cropped', 'waist-length', 'chin-length', 'buzzed', 'close-cropped', 'pixie', 'flowing', 'mid-length', 'hip-length'],
  form: ['loose', 'unbound', 'undone'],
  shape: ['round', 'square', 'oval', 'rectangular', 'cat-eye', 'aviator', 'wire-rimmed', 'thick-rimmed', 'rimless', 'hoop', 'stud'],
};

/** Spellings of one value. */
const attributeSynonyms: Record<string, string> = {
  gray: 'grey',
  golden: 'gold',
  blond: 'blonde',
  woolen: 'wool',
  woollen: 'wool',
  knitted: 'knit',
  silken: 'silk',
  stripy: 'striped',
  pinstripe: 'pinstriped',
  checkered: 'checked',
  chequered: 'checked',
  camouflage: 'camo',
  sequinned: 'sequined',
  'navy-blue': 'navy',
  shaven: 'shaved',
  'slicked-back': 'slicked',
};

const attributeOf = new Map<string, { cls: AttributeClass; value: string }>();
for (const [cls, words] of Object.entries(attributeWords) as [AttributeClass, readonly string[]][]) {
  for (const word of words) if (!attributeOf.has(word)) attributeOf.set(word, { cls, value: attributeSynonyms[word] ?? word });
}

/**
 * Values that agree although they are different words: a shade is its colour (crimson is red, navy is
 * blue, silver hair is grey), a wool cap is knit. Each value belongs to one or more families; two
 * values agree when they share one. A value not listed is its own family.
 */
const valueFamilies: Record<string, readonly string[]> = {
  red: ['red'], crimson: ['red'], scarlet: ['red'], ruby: ['red'], cherry: ['red'], wine: ['red', 'purple'], 'wine-red': ['red'],
  'blood-red': ['red'], 'fire-engine': ['red'], burgundy: ['red', 'purple'], maroon: ['red', 'brown'], oxblood: ['red', 'brown'],
  brick: ['red', 'orange', 'brown'], claret: ['red', 'purple'], vermilion: ['red', 'orange'], ginger: ['red', 'orange'],
  auburn: ['red', 'brown'], copper: ['red', 'orange', 'brown'], rust: ['red', 'orange', 'brown'],
  orange: ['orange'], tangerine: ['orange'], apricot: ['orange', 'pink'], peach: ['orange', 'pink'], coral: ['orange', 'pink'],
  salmon: ['pink', 'orange'], saffron: ['orange', 'yellow'], amber: ['orange', 'yellow', 'gold'],
  yellow: ['yellow'], mustard: ['yellow'], lemon: ['yellow'], canary: ['yellow'], ochre: ['yellow', 'brown'],
  gold: ['gold', 'yellow', 'blonde'], honey: ['blonde', 'gold', 'brown'],
  blonde: ['blonde'], platinum: ['blonde', 'white', 'grey'], sandy: ['blonde', 'brown'], flaxen: ['blonde'],
  'strawberry-blonde': ['blonde', 'red'], 'ash-blonde': ['blonde', 'grey'], 'white-blonde': ['blonde', 'white'], fair: ['blonde', 'white'],
  green: ['green'], emerald: ['green'], olive: ['green', 'brown'], sage: ['green', 'grey'], mint: ['green'], jade: ['green'],
  lime: ['green', 'yellow'], forest: ['green'], moss: ['green'], bottle: ['green'], 'bottle-green': ['green'], khaki: ['green', 'brown'],
  teal: ['green', 'blue'], turquoise: ['blue', 'green'], hazel: ['brown', 'green'],
  blue: ['blue'], navy: ['blue'], 'dark-blue': ['blue'], cobalt: ['blue'], azure: ['blue'], sapphire: ['blue'], cerulean: ['blue'],
  'sky-blue': ['blue'], sky: ['blue'], royal: ['blue', 'purple'], midnight: ['blue', 'black'], cyan: ['blue', 'green'],
  indigo: ['blue', 'purple'], steel: ['blue', 'grey'], slate: ['grey', 'blue'],
  purple: ['purple'], violet: ['purple'], lilac: ['purple', 'pink'], lavender: ['purple'], plum: ['purple', 'red'], mauve: ['purple', 'pink'],
  aubergine: ['purple'], magenta: ['purple', 'pink'], fuchsia: ['pink', 'purple'],
  pink: ['pink'], rose: ['pink', 'red'], blush: ['pink'],
  brown: ['brown'], chestnut: ['brown', 'red'], chocolate: ['brown'], coffee: ['brown'], tan: ['brown', 'beige'], camel: ['brown', 'beige'],
  beige: ['beige', 'brown', 'white'], caramel: ['brown'], mahogany: ['brown', 'red'], walnut: ['brown'], brunette: ['brown'],
  bronze: ['brown', 'orange', 'gold'], taupe: ['brown', 'grey'],
  grey: ['grey'], charcoal: ['grey', 'black'], silver: ['grey', 'white', 'silver'], silvery: ['grey', 'white', 'silver'], ash: ['grey'],
  pewter: ['grey'], gunmetal: ['grey'], 'salt-and-pepper': ['grey', 'black', 'white'], greying: ['grey'], graying: ['grey'],
  white: ['white'], ivory: ['white', 'beige'], cream: ['white', 'beige', 'yellow'], 'snow-white': ['white'], 'off-white': ['white', 'beige'],
  pearl: ['white'], alabaster: ['white'],
  black: ['black'], 'jet-black': ['black'], jet: ['black'], raven: ['black'], ebony: ['black'], inky: ['black'], onyx: ['black'],
  // `dark hair`, `a dark coat`: any of the dark colours, none of the light ones.
  dark: ['black', 'brown', 'blue', 'grey', 'green', 'purple', 'red'],
  wool: ['wool', 'knit'], knit: ['knit', 'wool'], tweed: ['tweed', 'wool'], flannel: ['flannel', 'wool', 'cotton'], fleece: ['fleece', 'wool'],
  cashmere: ['cashmere', 'wool', 'knit'], suede: ['suede', 'leather'], oilskin: ['oilskin', 'waxed'], waxed: ['waxed', 'oilskin'],
  satin: ['satin', 'silk'], silk: ['silk', 'satin'], canvas: ['canvas', 'cotton'], denim: ['denim', 'cotton'],
  short: ['short'], cropped: ['short'], buzzed: ['short'], 'close-cropped': ['short'], pixie: ['short'], 'chin-length': ['short', 'medium'],
  'shoulder-length': ['medium', 'long'], 'mid-length': ['medium'], long: ['long'], 'waist-length': ['long'], 'hip-length': ['long'], flowing: ['long'],
  loose: ['loose'], unbound: ['loose'], undone: ['loose'],
};

/** Whether two sets of values of one class name the same thing (`crimson` and `red`; `wool` and `knit`). */
export function valuesAgree(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) {
    const fx = valueFamilies[x] ?? [x];
    for (const y of b) {
      if (x === y) return true;
      const fy = valueFamilies[y] ?? [y];
      if (fx.some((f) => fy.includes(f))) return true;
    }
  }
  return false;
}

/** Hairstyles a hair word names by itself: a braid is not a bob, and neither is hair worn loose. Pigtails and cornrows are braids. */
const hairForms: Record<string, string> = {
  braid: 'braid', plait: 'braid', cornrow: 'braid', pigtail: 'braid', bob: 'bob', ponytail: 'ponytail', bun: 'bun', topknot: 'bun',
  updo: 'bun', chignon: 'bun', dreadlock: 'dreadlock', loc: 'dreadlock', mohawk: 'mohawk', afro: 'afro', mullet: 'mullet',
};

/** The hairstyle a word names (`braids` → braid), if it names one. */
export function hairForm(token: Token): string | undefined {
  return token.info.family === 'hair' ? hairForms[singular(token.lower)] : undefined;
}

/**
 * Words that say a thing is absent (`clean-shaven`: no beard, no moustache; `bald`: no hair;
 * `bare-headed`: no hat; `barefoot`: no shoes) or present without naming it (`bearded`, `stubbled`,
 * `bespectacled`). Two-word forms (`shaved head`, `bare feet`) too.
 */
export const absenceWords: Record<string, readonly string[]> = {
  'clean-shaven': ['beard', 'moustache'], 'clean-shaved': ['beard', 'moustache'], 'smooth-shaven': ['beard', 'moustache'],
  'smooth-faced': ['beard', 'moustache'], beardless: ['beard'], whiskerless: ['beard', 'moustache'], 'fresh-shaven': ['beard', 'moustache'],
  bald: ['hair'], hairless: ['hair'], 'shaven-headed': ['hair'], 'shaved-head': ['hair'], 'bald-headed': ['hair'],
  'bare-headed': ['hat', 'helmet'], bareheaded: ['hat', 'helmet'], hatless: ['hat'],
  barefoot: ['shoes', 'socks'], barefooted: ['shoes', 'socks'], shoeless: ['shoes'],
  'shaved head': ['hair'], 'shaven head': ['hair'], 'shaved scalp': ['hair'], 'shaven scalp': ['hair'], 'bare scalp': ['hair'], 'bald head': ['hair'],
  'bald scalp': ['hair'], 'bald crown': ['hair'], 'bare feet': ['shoes', 'socks'], 'bare head': ['hat', 'helmet'],
};

export const presenceWords: Record<string, readonly string[]> = {
  bearded: ['beard'], stubbled: ['beard'], stubbly: ['beard'], unshaven: ['beard'], moustached: ['moustache'], mustachioed: ['moustache'],
  bespectacled: ['glasses'],
};

/** Verbs that take a thing off when `off` comes with them (`takes his cap off`, `pulls off her boots`, `slips out of`). */
export const offVerbs = stemSet(['take', 'took', 'taking', 'pull', 'slip', 'shrug', 'strip', 'tear', 'peel', 'whip', 'kick', 'yank', 'tug', 'rip', 'wriggle', 'ease', 'throw']);
/** Verbs that take a thing off by themselves (`removes her glasses`, `sheds his coat`). */
export const removalVerbs = stemSet(['remove', 'shed', 'sheds', 'shedding', 'doff', 'discard', 'unwind', 'unwinds', 'unwrap']);
/** Verbs that put a thing on with `on` (`pulls on a wool cap`), or by themselves (`dons`). */
export const onVerbs = stemSet(['put', 'pull', 'tug', 'slip', 'throw', 'jam', 'cram', 'wriggle']);
export const wearVerbs = stemSet(['don', 'wear', 'wears', 'wearing', 'sport']);

/** The class and normalized value of a describing word (`gray` → colour grey). */
export function attribute(word: string): { cls: AttributeClass; value: string } | undefined {
  return attributeOf.get(word.toLowerCase());
}

/** Words that shade a colour without changing it (`dark red`, `pale blue`). */
export const colourShades = new Set(['dark', 'light', 'bright', 'pale', 'deep', 'faded', 'vivid', 'pastel', 'dull', 'rich', 'soft', 'neon', 'dusty', 'muted']);

/** Words a description phrase never runs through: it stops there. */
export const phraseStops = new Set([
  'a', 'an', 'the', 'her', 'his', 'their', 'its', 'my', 'your', 'our', 'and', 'or', 'but', 'with', 'without', 'in',
  'on', 'of', 'to', 'at', 'by', 'from', 'under', 'over', 'into', 'onto', 'wearing', 'wears', 'wear', 'worn', 'has',
  'have', 'had', 'is', 'are', 'was', 'were', 'now', 'then', 'same', 'new', 'one', 'two', 'this', 'that', 'these',
  'those', 'as', 'like', 'for', 'while', 'through', 'behind', 'beside', 'near', 'pulls', 'adjusts', 'tugs', 'takes',
  'removes', 'puts', 'holds', 'grabs', 'touches', 'wipes', 'closes', 'opens', 'rubs', 'shakes', 'raises', 'lowers',
]);
