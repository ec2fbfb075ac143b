// The cast: each character with their anchors as chips, marked when they have fewer than three or
// more than four (the identity rules' range).
import type { CompileResponse } from '../../src/preview/model';
import { el, reconcile, setAttr, setClass, setHidden, setText } from '../shared/dom';

export interface CharactersView {
  section: HTMLElement;
  render(response: CompileResponse): void;
}

export function mountCharacters(): CharactersView {
  const list = el('ul', { id: 'characters', class: 'characters' });
  const section = el('section', { id: 'characters-section' }, el('h2', {}, 'Characters'), list);

  function render(response: CompileResponse): void {
    setHidden(section, response.characters.length === 0);
    reconcile(
      list,
      response.characters,
      () => el('li', { class: 'character' }, el('span', { class: 'character-name' }), el('span', { class: 'anchors' })),
      (node, character) => {
        setText(node.children[0], character.name);
        reconcile(
          node.children[1],
          character.anchors,
          () => el('span', { class: 'chip anchor' }),
          (chip, anchor) => setText(chip, anchor),
        );
        setAttr(node, 'data-anchors', String(character.anchors.length));
        setClass(node, 'warn', character.anchors.length < 3 || character.anchors.length > 4);
      },
    );
  }

  return { section, render };
}
