// The timeline: the beats as blocks in proportion to their seconds over the clip, the dialogue
// markers at their timecodes, the clip's end and the stable limit, a scale of timecodes, and notes
// on what does not fit. Clicking or pressing Enter on a beat reveals it (see main.ts).
import { formatSecondsProse, formatTimecode, stableClipSeconds, timelineLayout, type CompileResponse, type Timeline } from '../../src/preview/model';
import { el, reconcile, setAttr, setClass, setHidden, setStyle, setText } from '../shared/dom';

export interface TimelineView {
  /** The strip (beats, markers, the clip's end, the limit, the scale). */
  strip: HTMLElement;
  /** The beats' row, where clicks on a beat are heard. */
  track: HTMLElement;
  notes: HTMLElement;
  render(response: CompileResponse): void;
}

export function mountTimeline(): TimelineView {
  const track = el('div', { class: 'track', id: 'timeline-track' });
  const markers = el('div', { class: 'markers', id: 'timeline-markers' });
  const scale = el('div', { class: 'scale', id: 'timeline-scale' });
  const clipEnd = el('div', { class: 'clip-end', id: 'clip-end', title: 'End of the clip' });
  const limit = el('div', { class: 'limit', id: 'limit', title: `Stable limit (~${stableClipSeconds} s)` });
  const strip = el('div', { class: 'timeline', id: 'timeline' }, track, markers, clipEnd, limit, scale);
  const notes = el('ul', { class: 'timeline-notes', id: 'timeline-notes' });

  function render(response: CompileResponse): void {
    const layout = timelineLayout(response);
    setClass(strip, 'over-limit', layout.overLimit);
    renderBeats(track, layout);
    renderMarkers(markers, layout);
    setHidden(clipEnd, layout.clipEnd === null);
    if (layout.clipEnd !== null) setStyle(clipEnd, 'left', `${layout.clipEnd}%`);
    setHidden(limit, layout.limit === null);
    if (layout.limit !== null) setStyle(limit, 'left', `${layout.limit}%`);
    renderScale(scale, layout);
    renderNotes(notes, layout);
  }

  return { strip, track, notes, render };
}

function renderBeats(track: HTMLElement, layout: Timeline): void {
  reconcile(
    track,
    layout.beats,
    () => el('div', { class: 'beat', role: 'button', tabindex: '0' }, el('span', { class: 'beat-label' }), el('span', { class: 'beat-seconds' })),
    (node, beat, i) => {
      setStyle(node, 'left', `${beat.left}%`);
      setStyle(node, 'width', `${beat.width}%`);
      setAttr(node, 'data-shot', String(i));
      setAttr(node, 'data-seconds', String(beat.seconds));
      setAttr(node, 'title', `Shot ${beat.index}${beat.title ? `: ${beat.title}` : ''} (${formatTimecode(beat.start)}–${formatTimecode(beat.end)}, ${formatSecondsProse(beat.seconds)})`);
      setAttr(node, 'aria-label', `Shot ${beat.index}, reveal in editor`);
      setText(node.children[0], beat.title ? `${beat.index} · ${beat.title}` : String(beat.index));
      setText(node.children[1], formatSecondsProse(beat.seconds));
      setClass(node, 'beyond-clip', beat.beyondClip);
      setClass(node, 'beyond-limit', beat.beyondLimit);
    },
  );
}

function renderMarkers(markers: HTMLElement, layout: Timeline): void {
  reconcile(
    markers,
    layout.markers,
    () => el('div', { class: 'marker' }),
    (node, marker) => {
      setStyle(node, 'left', `${marker.left}%`);
      setAttr(node, 'data-at', String(marker.at));
      setAttr(node, 'data-beat', String(marker.beat));
      setAttr(node, 'title', `${marker.speaker} (${formatTimecode(marker.at)}): "${marker.line}"`);
      setClass(node, 'late', marker.late);
    },
  );
}

function renderScale(scale: HTMLElement, layout: Timeline): void {
  const ticks = [...new Set([0, ...layout.beats.map((b) => b.end), ...(layout.duration !== null ? [layout.duration] : [])])].sort((a, b) => a - b);
  reconcile(
    scale,
    ticks,
    () => el('span', { class: 'tick' }),
    (node, seconds) => {
      setStyle(node, 'left', `${(Math.min(seconds, layout.span) / layout.span) * 100}%`);
      setText(node, formatTimecode(seconds));
      setClass(node, 'end', seconds >= layout.span);
    },
  );
}

function renderNotes(list: HTMLElement, layout: Timeline): void {
  const notes: { text: string; level: 'warn' | 'error' }[] = [];
  const seconds = formatSecondsProse;
  if (layout.overLimit) notes.push({ text: `Over the stable limit: ${seconds(Math.max(layout.duration ?? 0, layout.beatsTotal))} (clips are stable up to ~${stableClipSeconds} s).`, level: 'warn' });
  if (layout.overDuration) notes.push({ text: `The beats add up to ${seconds(layout.beatsTotal)}, more than the clip's ${seconds(layout.duration!)}.`, level: 'error' });
  if (layout.underDuration) notes.push({ text: `The beats add up to ${seconds(layout.beatsTotal)}, less than the clip's ${seconds(layout.duration!)}.`, level: 'warn' });
  for (const marker of layout.markers.filter((m) => m.late)) notes.push({ text: `${marker.speaker}'s line at ${formatTimecode(marker.at)} starts after its shot ends.`, level: 'error' });
  reconcile(
    list,
    notes,
    () => el('li'),
    (node, note) => {
      setText(node, note.text);
      setAttr(node, 'class', note.level);
    },
  );
}
