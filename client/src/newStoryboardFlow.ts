// The questions of "Sora: New Storyboard" as one multi-step quick input: scene id, target model,
// aspect, title. The model comes before the aspect because it decides which aspects (and lengths)
// the template may use; "Decide later" writes no model line, as before.
// One step replaces the last without closing in between, so the keyboard focus stays in the quick
// input even when the command was started from the walkthrough (separate showInputBox calls closed
// the widget between questions, and the walkthrough took the focus back). The id is checked in its
// own step, against the folder too: an id that exists is refused at once, with the answers kept.
import * as vscode from 'vscode';
import { modelDetail } from '../../server/src/lsp/modelInfo';
import { storyboardFileName, templateAspects, templateModels, templateSummary, validateSceneId, type Aspect, type StoryboardTemplateOptions } from '../../server/src/core/template';

interface AspectItem extends vscode.QuickPickItem {
  aspect: Aspect;
}

interface ModelItem extends vscode.QuickPickItem {
  /** Undefined: decide later (no model line). */
  model: string | undefined;
}

const aspectNames: Record<string, string> = { '16:9': 'landscape', '9:16': 'vertical', '1:1': 'square' };

function aspectItems(model: string | undefined): AspectItem[] {
  return templateAspects(model).map((aspect) => ({ label: aspect, description: aspectNames[aspect], aspect }));
}

/** "Decide later" first, so Enter keeps the seed workflow; then every current target from the table. */
function modelItems(): ModelItem[] {
  return [
    { label: 'Decide later', description: 'no model line: the seed workflow’s numbers', detail: templateSummary(undefined), model: undefined },
    ...templateModels().map((profile) => ({ label: profile.id, description: `${profile.label} — ${modelDetail(profile)}`, detail: templateSummary(profile.id), model: profile.id })),
  ];
}

type Step = 'id' | 'model' | 'aspect' | 'title';

/**
 * Asks the four questions; resolves undefined when cancelled. `exists` says whether a storyboard
 * of that file name is already there (undefined: nowhere to look, an untitled file).
 */
export function askNewStoryboard(exists?: (fileName: string) => Promise<boolean>): Promise<StoryboardTemplateOptions | undefined> {
  return new Promise((resolve) => {
    const answers: { sceneId: string; model?: string; aspect?: Aspect; title: string } = { sceneId: '', title: '' };
    let current: vscode.QuickInput | undefined;
    let finished = false;
    const finish = (result: StoryboardTemplateOptions | undefined) => {
      if (finished) return;
      finished = true;
      current?.dispose();
      resolve(result);
    };
    const show = (input: vscode.QuickInput) => {
      const previous = current;
      current = input;
      input.show(); // shown before the previous step is disposed: the widget never closes in between
      previous?.dispose();
    };
    const onHide = (input: vscode.QuickInput) => () => {
      if (input === current) finish(undefined);
    };

    const idStep = () => {
      const box = vscode.window.createInputBox();
      box.title = 'New Storyboard (1/4)';
      box.prompt = 'Scene id: names the file and its takes (scene09.sora, scene09_take01.mp4)';
      box.placeholder = '09';
      box.value = answers.sceneId;
      box.ignoreFocusOut = true;
      box.onDidChangeValue((value) => (box.validationMessage = value.trim() ? validateSceneId(value) : undefined));
      box.onDidAccept(async () => {
        const invalid = validateSceneId(box.value);
        if (invalid) {
          box.validationMessage = invalid;
          return;
        }
        const fileName = storyboardFileName(box.value);
        box.busy = true;
        const taken = exists ? await exists(fileName).catch(() => false) : false;
        box.busy = false;
        if (taken) {
          box.validationMessage = `${fileName} already exists: choose another scene id (or open it from the Explorer).`;
          return;
        }
        answers.sceneId = box.value.trim();
        go('model');
      });
      box.onDidHide(onHide(box));
      show(box);
    };

    const modelStep = () => {
      const pick = vscode.window.createQuickPick<ModelItem>();
      pick.title = 'New Storyboard (2/4)';
      pick.placeholder = 'Target model: its lengths, sizes and audio shape the template';
      pick.items = modelItems();
      pick.matchOnDescription = true;
      pick.ignoreFocusOut = true;
      pick.buttons = [vscode.QuickInputButtons.Back];
      const chosen = pick.items.find((item) => item.model === answers.model);
      if (chosen) pick.activeItems = [chosen];
      pick.onDidTriggerButton(() => go('id'));
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        if (!item) return;
        answers.model = item.model;
        if (answers.aspect && !templateAspects(item.model).includes(answers.aspect)) answers.aspect = undefined;
        go('aspect');
      });
      pick.onDidHide(onHide(pick));
      show(pick);
    };

    const aspectStep = () => {
      const pick = vscode.window.createQuickPick<AspectItem>();
      const aspects = aspectItems(answers.model);
      pick.title = 'New Storyboard (3/4)';
      pick.placeholder = answers.model ? `Aspect ratio (what ${answers.model} makes): lock your settings first` : 'Aspect ratio: lock your settings first';
      pick.items = aspects;
      pick.ignoreFocusOut = true;
      pick.buttons = [vscode.QuickInputButtons.Back];
      const chosen = aspects.find((a) => a.aspect === answers.aspect);
      if (chosen) pick.activeItems = [chosen];
      pick.onDidTriggerButton(() => go('model'));
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        if (!item) return;
        answers.aspect = item.aspect;
        go('title');
      });
      pick.onDidHide(onHide(pick));
      show(pick);
    };

    const titleStep = () => {
      const box = vscode.window.createInputBox();
      box.title = 'New Storyboard (4/4)';
      box.prompt = 'Title (optional)';
      box.placeholder = 'The Last Light';
      box.value = answers.title;
      box.ignoreFocusOut = true;
      box.buttons = [vscode.QuickInputButtons.Back];
      box.onDidTriggerButton(() => {
        answers.title = box.value;
        go('aspect');
      });
      box.onDidAccept(() => finish({ sceneId: answers.sceneId, model: answers.model, aspect: answers.aspect!, title: box.value }));
      box.onDidHide(onHide(box));
      show(box);
    };

    const steps: Record<Step, () => void> = { id: idStep, model: modelStep, aspect: aspectStep, title: titleStep };
    const go = (step: Step) => steps[step]();
    go('id');
  });
}
