// The settings chips (aspect, resolution, duration, model, audio; a setting left out says so, an
// unusual one is marked) and the problems chip after them.
import { formatSecondsProse, stableClipSeconds, type CompileResponse } from '../../src/preview/model';
import { el, reconcile, setAttr, setClass, setText } from '../shared/dom';

interface Chip {
  key: string;
  label: string;
  value: string | null;
  warn?: boolean;
}

export interface SettingsView {
  element: HTMLElement;
  render(response: CompileResponse): void;
}

export function mountSettings(): SettingsView {
  // The setting chips are reconciled in their own box, so the problems chip after them stays put.
  const chipList = el('span', { class: 'setting-chips' });
  const element = el('div', { id: 'settings', class: 'chips' }, chipList);
  const problemsChip = el('span', { id: 'problems', class: 'chip problems' });

  function render(response: CompileResponse): void {
    reconcile(
      chipList,
      settingChips(response.settings),
      () => el('span', { class: 'chip' }, el('span', { class: 'chip-label' }), el('span', { class: 'chip-value' })),
      (node, chip) => {
        setAttr(node, 'data-setting', chip.key);
        setText(node.children[0], chip.label);
        setText(node.children[1], chip.value ?? 'not set');
        setClass(node, 'missing', chip.value === null);
        setClass(node, 'warn', !!chip.warn);
      },
    );
    const problems = problemsText(response.summary);
    setText(problemsChip, problems);
    setClass(problemsChip, 'error', response.summary.errors > 0);
    if (!problems) problemsChip.remove();
    else if (problemsChip.parentElement !== element) element.append(problemsChip);
  }

  return { element, render };
}

function settingChips(s: CompileResponse['settings']): Chip[] {
  return [
    { key: 'aspect', label: 'Aspect', value: s.aspect, warn: s.aspect !== null && s.aspect !== '16:9' && s.aspect !== '9:16' },
    { key: 'resolution', label: 'Resolution', value: s.resolution, warn: s.resolution !== null && s.resolution !== '1080p' },
    { key: 'duration', label: 'Duration', value: s.duration !== null ? formatSecondsProse(s.duration) : null, warn: s.duration !== null && s.duration > stableClipSeconds },
    { key: 'model', label: 'Model', value: s.model },
    { key: 'audio', label: 'Audio', value: s.audio.length ? s.audio.join(', ') : null },
  ];
}

function problemsText({ errors, warnings }: CompileResponse['summary']): string {
  const problems: string[] = [];
  if (errors) problems.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings) problems.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return problems.join(' · ');
}
