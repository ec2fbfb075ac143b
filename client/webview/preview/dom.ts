// Small DOM helpers for the preview page's modules. Every string from the storyboard goes in
// through text nodes, textContent or setAttribute, never innerHTML; updates touch only what changed.

export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; id?: string; attrs?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.id) node.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Sets `hidden` only when it changes, so an update that changes nothing touches nothing. */
export function setHidden(node: HTMLElement, hidden: boolean): void {
  if (node.hidden !== hidden) node.hidden = hidden;
}

export function setClass(node: Element, name: string, on: boolean): void {
  if (node.classList.contains(name) !== on) node.classList.toggle(name, on);
}

export function setAttr(node: Element, name: string, value: string | null): void {
  if (value === null) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== value) {
    node.setAttribute(name, value);
  }
}

/** Reuses the container's children in order: creates missing ones, updates each, removes extras. */
export function reconcile<T>(container: Element, items: readonly T[], create: (item: T) => HTMLElement, update: (node: HTMLElement, item: T, index: number) => void): void {
  items.forEach((item, index) => {
    let node = container.children[index] as HTMLElement | undefined;
    if (!node) {
      node = create(item);
      container.append(node);
    }
    update(node, item, index);
  });
  while (container.children.length > items.length) container.lastElementChild!.remove();
}

/** Shows a short confirmation on a button, then its label again. */
export function flash(button: HTMLButtonElement, text: string): void {
  const original = button.dataset.label ?? button.textContent ?? '';
  button.dataset.label = original;
  button.textContent = text;
  window.setTimeout(() => {
    button.textContent = button.dataset.label ?? original;
  }, 1200);
}
