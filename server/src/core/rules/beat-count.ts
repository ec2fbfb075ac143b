import type { BeatSection, Range } from '../ast';
import type { Fix } from '../diagnostics';
import { fieldOf } from '../model';
import { formatSeconds, type LineIndex } from '../text';
import { replace } from './edits';
import { topRange } from './support';
import type { Rule, RuleContext } from './types';
import { clean, edit } from './cases';

export const beatCountRule: Rule = {
  code: 'beat-count',
  severity: 'warning',
  summary: 'fewer than 3 or more than 5 beats',
  explanation: [
    'A 12–15 s clip holds **3–5 beats** of 3–5 s each: enough for a beginning, a turn and an end.',
    '',
    '- Fewer than 3: Sora invents what happens in between, and the clip drifts.',
    '- More than 5: each beat gets too little time to read on screen, and Sora skips or merges them.',
    '',
    'Split a long beat, merge short ones, or split the scene into two clips. The quick fixes split the',
    'longest beat in two (the second half to fill in) or merge the two shortest neighbours (their',
    'actions joined with "then", lines moved with their timing, differing fields kept as comments).',
  ].join('\n'),
  check(context) {
    const beats = context.storyboard.beats;
    const count = beats.length;
    if (count >= 3 && count <= 5) return;
    if (count === 0) {
      context.report({ range: topRange(context), message: 'This storyboard has no beats yet: plan 3–5 timed beats (`beat 4s TITLE`) for the clip.' });
    } else if (count < 3) {
      const split = splitLongestFix(context);
      context.report({
        range: beats[0].headerRange,
        message: `This storyboard has ${count} beat${count === 1 ? '' : 's'}; a clip needs 3–5, or Sora invents what happens in between. Split a beat or add one.`,
        fixes: split ? [split] : [],
      });
    } else {
      const merge = mergeShortestFix(context);
      context.report({
        range: beats[5].headerRange,
        message: `This storyboard has ${count} beats; a clip holds 3–5, and beats from here on get too little time to read. Merge beats or split the scene.`,
        fixes: merge ? [merge] : [],
      });
    }
  },
  cases: [
    {
      name: 'two beats',
      trigger: edit(clean, ['beat 4s The knot', 'beat 8s The knot'], ['\nbeat 4s The harbour\n  subject: the harbour\n  action: fog thins over the moored boats\n  setting: harbour mouth, calm water\n  emotion: quiet\n  camera: wide, slow push in\n  sound: a distant bell\n', '']),
      underlines: 'beat 4s The net',
      fixed: [['beat 8s The knot\n  subject: Ivo\n  action: ties a knot with quick fingers\n  setting: close on the net, wet rope\n  emotion: focused\n  camera: close-up, static\n  say Ivo @1s "Almost there."', 'beat 4s The knot\n  subject: Ivo\n  action: ties a knot with quick fingers\n  setting: close on the net, wet rope\n  emotion: focused\n  camera: close-up, static\n  say Ivo @1s "Almost there."\n\nbeat 4s <title of the second half>\n  subject: Ivo\n  action: <what happens next>\n  setting: close on the net, wet rope\n  emotion: focused\n  camera: close-up, static']],
      nearMisses: [
        { name: 'three beats', text: clean },
      ],
    },
  ],
};

/** The lines of a beat, header first, as written. */
function beatLines(lines: LineIndex, beat: BeatSection): string[] {
  const result: string[] = [];
  for (let line = beat.headerRange.start.line; line <= beat.range.end.line; line++) result.push(lines.lineText(line));
  return result;
}

function wholeLines(lines: LineIndex, first: number, last: number): Range {
  return { start: { line: first, character: 0 }, end: { line: last, character: lines.lineText(last).length } };
}

/** The beat's header line with another duration (and title, when given). */
function header(lines: LineIndex, beat: BeatSection, seconds: number, title?: string): string {
  const text = lines.lineText(beat.headerRange.start.line);
  const duration = beat.duration!.range;
  const before = text.slice(0, duration.start.character);
  const after = title === undefined ? text.slice(duration.end.character) : ` ${title}`;
  return `${before}${formatSeconds(seconds)}${after}`;
}

/** A say line with its marker moved by `shift` seconds. */
function shiftedSay(lines: LineIndex, beat: BeatSection, line: number, shift: number): string {
  const text = lines.lineText(line);
  const say = beat.says.find((s) => s.range.start.line === line);
  const marker = say?.marker;
  if (!marker) return text;
  const at = text[marker.range.start.character] === '@' ? marker.range.start.character + 1 : marker.range.start.character;
  return `${text.slice(0, at)}${formatSeconds(marker.seconds + shift)}${text.slice(marker.range.end.character)}`;
}

function isSayLine(beat: BeatSection, line: number): boolean {
  return beat.says.some((s) => s.range.start.line === line);
}

/** Splits the longest timed beat into two halves; the second half's title and action are placeholders. */
function splitLongestFix(context: RuleContext): Fix | undefined {
  const { lines, storyboard } = context;
  const timed = storyboard.beats.filter((beat) => beat.duration && beat.duration.seconds >= 2);
  if (!timed.length) return undefined;
  const longest = timed.reduce((a, b) => (b.duration!.seconds > a.duration!.seconds ? b : a));
  const total = longest.duration!.seconds;
  // Half-second steps: 8 s → 4 + 4, 9 s → 4.5 + 4.5, 7.5 s → 3.5 + 4.
  const firstHalf = Math.floor(total) / 2;
  const second = Math.round((total - firstHalf) * 100) / 100;
  const eol = lines.eol;
  const own = beatLines(lines, longest);
  const headerLine = longest.headerRange.start.line;
  const keep: string[] = [header(lines, longest, firstHalf)];
  const next: string[] = [header(lines, longest, second, '<title of the second half>')];
  for (let i = 1; i < own.length; i++) {
    const line = headerLine + i;
    const say = longest.says.find((s) => s.range.start.line === line);
    if (say?.marker && say.marker.seconds >= firstHalf) {
      next.push(shiftedSay(lines, longest, line, -firstHalf));
      continue;
    }
    keep.push(own[i]);
    if (isSayLine(longest, line) || !own[i].trim() || /^\s*\/\//.test(own[i])) continue;
    const field = longest.fields.find((f) => f.range.start.line === line);
    if (!field) continue;
    next.push(field.key === 'action' ? `${own[i].slice(0, field.value.range.start.character)}<what happens next>` : own[i]);
  }
  const last = longest.range.end.line;
  return {
    title: `Split beat ${longest.index} (${formatSeconds(total)}) into two of ${formatSeconds(firstHalf)} and ${formatSeconds(second)}`,
    edits: [replace(wholeLines(lines, headerLine, last), [...keep, '', ...next].join(eol))],
    safe: false,
    preferred: true,
  };
}

/** Merges the two neighbouring beats with the least time between them into one. */
function mergeShortestFix(context: RuleContext): Fix | undefined {
  const { lines, storyboard } = context;
  const beats = storyboard.beats;
  let pair: [BeatSection, BeatSection] | undefined;
  for (let i = 0; i + 1 < beats.length; i++) {
    const [a, b] = [beats[i], beats[i + 1]];
    if (!a.duration || !b.duration) continue;
    if (!pair || a.duration.seconds + b.duration.seconds < pair[0].duration!.seconds + pair[1].duration!.seconds) pair = [a, b];
  }
  if (!pair) return undefined;
  const [a, b] = pair;
  const shift = a.duration!.seconds;
  const title = [a.title?.text, b.title?.text].filter(Boolean).join(', then ') || undefined;
  const merged: string[] = [header(lines, a, shift + b.duration!.seconds, title)];
  const comments: string[] = [];
  const aLines = beatLines(lines, a);
  for (let i = 1; i < aLines.length; i++) {
    const line = a.headerRange.start.line + i;
    const field = a.fields.find((f) => f.range.start.line === line);
    const other = field ? fieldOf(b, field.key) : undefined;
    if (field && other && other.value.text.trim() && other.value.text.trim() !== field.value.text.trim()) {
      if (field.key === 'action' || field.key === 'sound' || field.key === 'music') {
        merged.push(`${aLines[i].trimEnd()}, then ${other.value.text.trim()}`);
        continue;
      }
      comments.push(`${aLines[i].slice(0, field.range.start.character)}// beat ${b.index} had: ${lines.lineText(other.range.start.line).trim()}`);
    }
    if (aLines[i].trim()) merged.push(aLines[i]);
  }
  const bLines = beatLines(lines, b);
  for (let i = 1; i < bLines.length; i++) {
    const line = b.headerRange.start.line + i;
    if (isSayLine(b, line)) merged.push(shiftedSay(lines, b, line, shift));
    else if (/^\s*\/\//.test(bLines[i])) merged.push(bLines[i]);
    else {
      const field = b.fields.find((f) => f.range.start.line === line);
      if (field && !fieldOf(a, field.key)) merged.push(bLines[i]);
    }
  }
  // Comments between the two beats stay.
  for (let line = a.range.end.line + 1; line < b.headerRange.start.line; line++) if (/^\s*\/\//.test(lines.lineText(line))) merged.push(lines.lineText(line));
  return {
    title: `Merge beats ${a.index} and ${b.index} (${formatSeconds(shift)} + ${formatSeconds(b.duration!.seconds)}), the shortest neighbours`,
    edits: [replace(wholeLines(lines, a.headerRange.start.line, b.range.end.line), [...merged, ...comments].join(lines.eol))],
    safe: false,
    preferred: true,
  };
}
