// The questions of "Sora: New Storyboard" as one multi-step quick input: scene id, aspect, title.
// One step replaces the last without closing in between, so the keyboard focus stays in the quick
// input even when the command was started from the walkthrough (separate showInputBox calls closed
// the widget between questions, and the walkthrough took the focus back). The id is checked in its
// own step, against the folder too: an id that exists is refused at once, with the answers kept.
import * as vscode from 'vscode';
import { storyboardFileName, validateSceneId, type Aspect, type StoryboardTemplateOptions } from './newStoryboard';

interface AspectItem extends vscode.QuickPickItem {
  aspect: Aspect;
}

const aspects: AspectItem[] = [
  { label: '16:9', description: 'landscape', aspect: '16:9' },
  { label: '9:16', description: 'vertical', aspect: '9:16' },
];

type Step = 'id' | 'aspect' | 'title';

/**
 * Asks the three questions; resolves undefined when cancelled. `exists` says whether a storyboard
 * of that file name is already there (undefined: nowhere to look, an untitled file).
 */
export function askNewStoryboard(exists?: (fileName: string) => Promise<boolean>): Promise<StoryboardTemplateOptions | undefined> {
  return new Promise((resolve) => {
    const answers: { sceneId: string; aspect?: Aspect; title: string } = { sceneId: '', title: '' };
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
      box.title = 'New Storyboard (1/3)';
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
        go('aspect');
      });
      box.onDidHide(onHide(box));
      show(box);
    };

    const aspectStep = () => {
      const pick = vscode.window.createQuickPick<AspectItem>();
      pick.title = 'New Storyboard (2/3)';
      pick.placeholder = 'Aspect ratio: lock your settings first';
      pick.items = aspects;
      pick.ignoreFocusOut = true;
      pick.buttons = [vscode.QuickInputButtons.Back];
      const chosen = aspects.find((a) => a.aspect === answers.aspect);
      if (chosen) pick.activeItems = [chosen];
      pick.onDidTriggerButton(() => go('id'));
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
      box.title = 'New Storyboard (3/3)';
      box.prompt = 'Title (optional)';
      box.placeholder = 'The Last Light';
      box.value = answers.title;
      box.ignoreFocusOut = true;
      box.buttons = [vscode.QuickInputButtons.Back];
      box.onDidTriggerButton(() => {
        answers.title = box.value;
        go('aspect');
      });
      box.onDidAccept(() => finish({ sceneId: answers.sceneId, aspect: answers.aspect!, title: box.value }));
      box.onDidHide(onHide(box));
      show(box);
    };

    const go = (step: Step) => (step === 'id' ? idStep() : step === 'aspect' ? aspectStep() : titleStep());
    go('id');
  });
}
