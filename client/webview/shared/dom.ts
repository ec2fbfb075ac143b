// DOM helpers every page uses. Every string from a storyboard or a take log goes in through text
// nodes, textContent or setAttribute, never innerHTML; the setters write only when the value
// differs, so an update that changes nothing touches nothing (and a MutationObserver sees nothing).

export type Child = Node | string | null | undefined | false;

/** Attributes by name; `class` sets the class list. A null, undefined or false value is left out. */
export type Attrs = Record<string, string | null | undefined | false>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function button(label: string, attrs: Attrs, onClick: () => void): HTMLButtonElement {
  const node = el('button', { type: 'button', ...attrs }, label);
  node.addEventListener('click', onClick);
  return node;
}

export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

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

export function setStyle(node: HTMLElement, property: 'left' | 'width', value: string): void {
  if (node.style[property] !== value) node.style[property] = value;
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

export interface Keyed<T> {
  /**
   * What identifies an item's node, most telling first: a node is matched by its first key, and a
   * node left over by the next (a shot whose text changed keeps its node by its place).
   */
  keys(item: T, index: number): readonly string[];
  create(item: T): HTMLElement;
  update(node: HTMLElement, item: T, index: number): void;
}

const nodeKeys = new WeakMap<Element, readonly string[]>();

/**
 * Reconciles a container's children by key: a node is reused for the item it showed (wherever it
 * now is), moved only when out of order, and removed only when nothing wants it, so deleting one
 * item of a thousand removes one node and leaves the rest where they are.
 */
export function reconcileKeyed<T>(container: Element, items: readonly T[], keyed: Keyed<T>): void {
  // Equal keys (two shots with the same text) are told apart by their order among equals.
  const counts = new Map<string, number>();
  const wanted = items.map((item, index) =>
    keyed.keys(item, index).map((key, level) => {
      const id = `${level}\u0000${key}`;
      const count = counts.get(id) ?? 0;
      counts.set(id, count + 1);
      return count ? `${key}\u0000${count}` : key;
    }),
  );
  const nodes = new Array<HTMLElement | undefined>(items.length);
  const free = new Set(Array.from(container.children) as HTMLElement[]);
  const depth = Math.max(0, ...wanted.map((keys) => keys.length));
  for (let level = 0; level < depth; level++) {
    const byKey = new Map<string, HTMLElement>();
    for (const node of free) {
      const key = nodeKeys.get(node)?.[level];
      if (key !== undefined && !byKey.has(key)) byKey.set(key, node);
    }
    wanted.forEach((keys, index) => {
      if (nodes[index] || keys[level] === undefined) return;
      const node = byKey.get(keys[level]);
      if (!node || !free.has(node)) return;
      nodes[index] = node;
      free.delete(node);
    });
  }
  let cursor = container.firstElementChild;
  items.forEach((item, index) => {
    while (cursor && free.has(cursor as HTMLElement)) cursor = cursor.nextElementSibling; // going: not in the way
    const node = nodes[index] ?? keyed.create(item);
    nodeKeys.set(node, wanted[index]);
    if (node === cursor) cursor = cursor.nextElementSibling;
    else container.insertBefore(node, cursor);
    keyed.update(node, item, index);
  });
  for (const node of free) node.remove();
}

const shown = new WeakMap<Element, string>();

/** Runs the update only when what the node shows (its signature) changed since its last update. */
export function updateIfChanged(node: Element, signature: string, update: () => void): void {
  if (shown.get(node) === signature) return;
  shown.set(node, signature);
  update();
}

/** Shows a short confirmation on a button, then its label again. */
export function flash(node: HTMLButtonElement, text: string): void {
  const original = node.dataset.label ?? node.textContent ?? '';
  node.dataset.label = original;
  node.textContent = text;
  window.setTimeout(() => {
    node.textContent = node.dataset.label ?? original;
  }, 1200);
}
