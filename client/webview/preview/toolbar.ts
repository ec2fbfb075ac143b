// The toolbar: the file's name (and, for a scene of a sequence, which sequence it inherits from),
// the variant shown and its picker, the lock, and Copy prompt. The model picker and Copy request
// come from ./targets.
import { sequenceName, type CompileResponse, type FromWebview, type PreviewState } from '../../src/preview/model';
import { el, flash, reconcile, setAttr, setClass, setHidden, setText } from '../shared/dom';

export interface ToolbarHost {
  send(message: FromWebview): void;
  state(): PreviewState | null;
  saveState(state: PreviewState): void;
  /** The prompt Copy prompt copies, or null before the first update. */
  prompt(): string | null;
}

export interface Toolbar {
  element: HTMLElement;
  render(response: CompileResponse, fileName: string): void;
  /** Shows a file name without a compilation (a message about the file). */
  showFileName(fileName: string): void;
  /** Shows the lock as the saved state says. */
  showLock(locked: boolean): void;
}

export function mountToolbar(host: ToolbarHost, extraPickers: readonly HTMLElement[], extraActions: readonly HTMLElement[]): Toolbar {
  const fileLabel = el('span', { class: 'file', id: 'file' });
  const variantLabel = el('span', { class: 'variant-label', id: 'variant-label' });
  const variantSelect = el('select', { id: 'variant', 'aria-label': 'Variant' });
  const variantPicker = el('label', { class: 'variant-picker', id: 'variant-picker' }, 'Variant ', variantSelect);
  const lockButton = el('button', { id: 'lock', class: 'secondary', type: 'button', 'aria-pressed': 'false', title: 'Lock the preview to this file' }, 'Lock');
  const copyPromptButton = el('button', { id: 'copy-prompt', type: 'button' }, 'Copy prompt');
  const element = el(
    'header',
    { class: 'toolbar' },
    el('div', { class: 'title' }, fileLabel, variantLabel),
    el('div', { class: 'actions' }, variantPicker, ...extraPickers, lockButton, copyPromptButton, ...extraActions),
  );

  copyPromptButton.addEventListener('click', () => {
    const prompt = host.prompt();
    if (prompt === null) return;
    host.send({ type: 'copy', what: 'prompt', text: prompt });
    flash(copyPromptButton, 'Copied');
  });
  lockButton.addEventListener('click', () => host.send({ type: 'toggleLock' }));
  variantSelect.addEventListener('change', () => {
    const variant = variantSelect.value === 'main' ? null : variantSelect.value;
    const state = host.state();
    if (state) host.saveState({ ...state, variant });
    host.send({ type: 'selectVariant', variant });
  });

  function renderVariants(response: CompileResponse): void {
    const options = [{ value: 'main', label: 'main (as written)' }, ...response.variants.map((v) => ({ value: v.name, label: `${v.name} (from ${v.base})` }))];
    reconcile(
      variantSelect,
      options,
      () => el('option'),
      (node, option) => {
        const opt = node as HTMLOptionElement;
        if (opt.value !== option.value) opt.value = option.value;
        setText(opt, option.label);
      },
    );
    const selected = response.variant ?? host.state()?.variant ?? 'main';
    variantSelect.value = options.some((o) => o.value === selected) ? selected : 'main';
    setHidden(variantPicker, response.variants.length === 0);
  }

  return {
    element,
    render(response, fileName) {
      // A scene of a sequence: its settings, style and cast come from there, and the label says so.
      const sequence = sequenceName(response.inheritedFrom);
      setText(fileLabel, sequence ? `${fileName} · inherits from ${sequence}` : fileName);
      setAttr(fileLabel, 'title', response.inheritedFrom ? `Settings, style and cast from ${response.inheritedFrom}` : null);
      setText(variantLabel, response.variant ? ` · ${response.variant}` : '');
      renderVariants(response);
    },
    showFileName: (fileName) => setText(fileLabel, fileName),
    showLock(locked) {
      setClass(lockButton, 'on', locked);
      setAttr(lockButton, 'aria-pressed', String(locked));
      setText(lockButton, locked ? 'Locked' : 'Lock');
      setAttr(lockButton, 'title', locked ? 'Unlock: follow the active editor' : 'Lock the preview to this file');
    },
  };
}
