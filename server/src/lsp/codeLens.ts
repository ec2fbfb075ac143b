import type { CodeLens } from 'vscode-languageserver';
import { baseKind } from '../core/model';
import { profileFor } from '../core/models';
import { iterationTitle } from '../protocol';
import type { DocumentState } from './workspace';

// Commands above the scene header and above each variant. The client registers the commands.

export function codeLenses(state: DocumentState): CodeLens[] {
  const { storyboard, names } = state.analysis;
  const lenses: CodeLens[] = [];
  const top = storyboard.scene?.headerRange ?? storyboard.sections[0]?.headerRange;
  if (top) {
    lenses.push({ range: top, command: { title: 'Preview', command: 'sora.openPreviewToSide', arguments: [state.uri] } });
    lenses.push({ range: top, command: { title: 'Score takes', command: 'sora.scoreTakes', arguments: [state.uri] } });
  }
  // A storyboard with no model follows the seed workflow, which remixes takes.
  const operation = profileFor(state.analysis.settings.model?.text)?.iterate.operation ?? 'remix';
  for (const variant of storyboard.variants) {
    if (!variant.name) continue;
    const name = variant.name.text;
    lenses.push({ range: variant.headerRange, command: { title: 'Compile variant', command: 'sora.compileVariant', arguments: [state.uri, name] } });
    if (variant.base && baseKind(variant.base.text, names) === 'take') {
      lenses.push({
        range: variant.headerRange,
        command: { title: `${iterationTitle(operation)} (${variant.base.text})`, command: 'sora.copyRemixInstruction', arguments: [state.uri, name] },
      });
    }
  }
  return lenses;
}
