// Test-only hooks for the end-to-end suite (test/e2e, run inside a real VS Code by
// scripts/e2e/run-code-server-tests.mjs). They let a test read back what the extension showed
// and answer its prompts without simulating clicks. Nothing here changes what a user sees:
//
// - Installed only when the extension runs under test (ExtensionMode.Test) or SORA_TEST_HOOKS=1.
//   In normal use registerTestHooks() returns at once and none of this exists.
// - The commands are hidden from the Command Palette (package.json menus.commandPalette, when: false).
// - It observes through the extension's own `vscode` API object: webview panels and status bar
//   items are wrapped as they are created, so no feature module needs a hook of its own.
//
// Commands (all return plain JSON-able values):
//   sora._test.webviews()                  → WebviewSnapshot[] for every panel the extension opened
//   sora._test.previewState()              → the newest preview's snapshot, with what it last rendered
//   sora._test.statusBar()                 → { text, tooltip, visible } of the storyboard status item
//   sora._test.answer(answers)             → queues answers for the next prompts (see Answer)
//   sora._test.pendingAnswers()            → how many queued answers are still unused
//   sora._test.messages()                  → notifications the extension showed since the last call
//                                            (and 'validation' refusals of multi-step quick inputs)
//   sora._test.quickInputLog()             → show/hide events of createInputBox/createQuickPick inputs
//   sora._test.sendFromWebview(viewType, message) → delivers `message` to the panel's host-side
//                                            listeners as if its page had sent it (e.g. a score click)
import * as vscode from 'vscode';

/** One queued answer: a quick-pick item (by label, or a substring of it), an input box value, a message button. */
export type Answer =
  | { pick: string }
  | { input: string | null } // null accepts the prefilled value
  | { button: string | null } // null dismisses the message
  | { openDialog: string[] | null };

interface WebviewSnapshot {
  viewType: string;
  title: string;
  visible: boolean;
  active: boolean;
  viewColumn: number | undefined;
  disposed: boolean;
  /** The page said it is loaded ('ready'): its script ran inside the webview. */
  ready: boolean;
  /** Messages the page sent to the extension, oldest first (last 50). */
  received: unknown[];
  /** The last message of each type the extension posted to the page, and whether it was delivered. */
  lastPosted: Record<string, { message: unknown; delivered: boolean | undefined }>;
}

interface Tracked {
  panel: vscode.WebviewPanel;
  snapshot: WebviewSnapshot;
  listeners: ((message: unknown) => unknown)[];
}

type AnyFn = (...args: unknown[]) => unknown;

export function registerTestHooks(context: vscode.ExtensionContext): void {
  // `process` is Node's: a web-worker extension host has none.
  if (context.extensionMode !== vscode.ExtensionMode.Test && globalThis.process?.env.SORA_TEST_HOOKS !== '1') return;

  const win = vscode.window as unknown as Record<string, AnyFn>;
  const panels: Tracked[] = [];
  const statusItems = new Map<string, { item: vscode.StatusBarItem; visible: boolean }>();
  const answers: Answer[] = [];
  const messages: { severity: string; text: string }[] = [];

  // Webview panels: record what is posted and received; keep the host-side listeners to replay page messages.
  const createWebviewPanel = win.createWebviewPanel;
  win.createWebviewPanel = (...args: unknown[]) => {
    const panel = createWebviewPanel.apply(vscode.window, args) as vscode.WebviewPanel;
    const tracked: Tracked = {
      panel,
      listeners: [],
      snapshot: { viewType: panel.viewType, title: '', visible: false, active: false, viewColumn: undefined, disposed: false, ready: false, received: [], lastPosted: {} },
    };
    panels.push(tracked);
    const webview = panel.webview;
    const post = webview.postMessage.bind(webview);
    Object.defineProperty(webview, 'postMessage', {
      configurable: true,
      value: (message: unknown) => {
        const type = typeof (message as { type?: unknown })?.type === 'string' ? (message as { type: string }).type : '?';
        const entry: { message: unknown; delivered: boolean | undefined } = { message, delivered: undefined };
        tracked.snapshot.lastPosted[type] = entry;
        return post(message).then((delivered) => {
          entry.delivered = delivered;
          return delivered;
        });
      },
    });
    const onMessage = webview.onDidReceiveMessage;
    Object.defineProperty(webview, 'onDidReceiveMessage', {
      configurable: true,
      value: (listener: (message: unknown) => unknown, thisArg?: unknown, disposables?: vscode.Disposable[]) => {
        const bound = (message: unknown) => listener.call(thisArg, message);
        tracked.listeners.push(bound);
        return onMessage((message) => bound(message), undefined, disposables);
      },
    });
    onMessage((message: unknown) => {
      if ((message as { type?: unknown })?.type === 'ready') tracked.snapshot.ready = true;
      tracked.snapshot.received.push(message);
      if (tracked.snapshot.received.length > 50) tracked.snapshot.received.shift();
    });
    panel.onDidDispose(() => {
      tracked.snapshot.disposed = true;
    });
    return panel;
  };

  // Status bar items: keep them so their text can be read back; show/hide decide `visible`.
  const createStatusBarItem = win.createStatusBarItem;
  win.createStatusBarItem = (...args: unknown[]) => {
    const item = createStatusBarItem.apply(vscode.window, args) as vscode.StatusBarItem;
    const entry = { item, visible: false };
    statusItems.set(typeof args[0] === 'string' ? args[0] : item.id, entry);
    const show = item.show.bind(item);
    const hide = item.hide.bind(item);
    item.show = () => {
      entry.visible = true;
      show();
    };
    item.hide = () => {
      entry.visible = false;
      hide();
    };
    return item;
  };

  // Prompts: answered from the queue while it has answers, else shown for real.
  const showQuickPick = win.showQuickPick;
  win.showQuickPick = async (...args: unknown[]) => {
    const next = answers[0];
    if (!next || !('pick' in next)) return showQuickPick.apply(vscode.window, args);
    answers.shift();
    const items = (await args[0]) as (string | vscode.QuickPickItem)[];
    const label = (item: string | vscode.QuickPickItem) => (typeof item === 'string' ? item : item.label);
    const selectable = items.filter((item) => typeof item === 'string' || item.kind !== vscode.QuickPickItemKind.Separator);
    const found = selectable.find((item) => label(item) === next.pick) ?? selectable.find((item) => label(item).includes(next.pick));
    if (!found) throw new Error(`[test hooks] no quick-pick item "${next.pick}" among: ${selectable.map(label).join(' | ')}`);
    return found;
  };
  const showInputBox = win.showInputBox;
  win.showInputBox = async (...args: unknown[]) => {
    const next = answers[0];
    if (!next || !('input' in next)) return showInputBox.apply(vscode.window, args);
    answers.shift();
    const options = (args[0] ?? {}) as vscode.InputBoxOptions;
    const value = next.input ?? options.value ?? '';
    const invalid = await options.validateInput?.(value);
    if (invalid) throw new Error(`[test hooks] input "${value}" rejected by "${options.title ?? options.prompt ?? 'input box'}": ${typeof invalid === 'string' ? invalid : invalid.message}`);
    return value;
  };
  // Quick inputs made with createInputBox / createQuickPick (multi-step flows): answered from the
  // same queue once shown; a step that refuses an answer (validationMessage) is recorded as a
  // 'validation' message and gets the next queued answer, or is cancelled when there is none.
  const quickInputLog: { event: 'show' | 'hide'; title: string }[] = [];
  const acceptListeners = new WeakMap<vscode.QuickInput, (() => unknown)[]>();
  const trackQuickInput = <T extends vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>>(input: T, kind: 'input' | 'pick'): T => {
    const listeners: (() => unknown)[] = [];
    acceptListeners.set(input, listeners);
    const onDidAccept = input.onDidAccept;
    Object.defineProperty(input, 'onDidAccept', {
      configurable: true,
      value: (listener: () => unknown, thisArg?: unknown, disposables?: vscode.Disposable[]) => {
        listeners.push(() => listener.call(thisArg));
        return onDidAccept(() => listener.call(thisArg), undefined, disposables);
      },
    });
    let hidden = false;
    input.onDidHide(() => {
      hidden = true;
      quickInputLog.push({ event: 'hide', title: input.title ?? '' });
    });
    const show = input.show.bind(input);
    input.show = () => {
      quickInputLog.push({ event: 'show', title: input.title ?? '' });
      show();
      if (answers[0] && kind in answers[0]) setTimeout(() => void answerQuickInput(), 0);
    };
    const answerQuickInput = async (): Promise<void> => {
      while (!hidden) {
        const next = answers[0];
        if (!next || !(kind in next)) {
          input.hide();
          return;
        }
        answers.shift();
        if ('input' in next) {
          const box = input as vscode.InputBox;
          if (next.input !== null) box.value = next.input;
        } else if ('pick' in next) {
          const pick = input as vscode.QuickPick<vscode.QuickPickItem>;
          const found = pick.items.find((item) => item.label === next.pick) ?? pick.items.find((item) => item.label.includes(next.pick));
          if (!found) throw new Error(`[test hooks] no quick-pick item "${next.pick}" among: ${pick.items.map((i) => i.label).join(' | ')}`);
          pick.activeItems = [found];
          pick.selectedItems = [found];
        }
        for (const listener of listeners) await listener();
        if (hidden) return;
        // Still shown: a step that moved on was replaced (hidden); one that refused says why.
        const refusal = (input as vscode.InputBox).validationMessage;
        if (!refusal) return;
        messages.push({ severity: 'validation', text: typeof refusal === 'string' ? refusal : refusal.message });
      }
    };
    return input;
  };
  const createInputBox = win.createInputBox;
  win.createInputBox = (...args: unknown[]) => trackQuickInput(createInputBox.apply(vscode.window, args) as vscode.InputBox, 'input');
  const createQuickPick = win.createQuickPick;
  win.createQuickPick = (...args: unknown[]) => trackQuickInput(createQuickPick.apply(vscode.window, args) as vscode.QuickPick<vscode.QuickPickItem>, 'pick');

  const showOpenDialog = win.showOpenDialog;
  win.showOpenDialog = async (...args: unknown[]) => {
    const next = answers[0];
    if (!next || !('openDialog' in next)) return showOpenDialog.apply(vscode.window, args);
    answers.shift();
    return next.openDialog?.map((p) => vscode.Uri.file(p));
  };
  for (const [name, severity] of [
    ['showInformationMessage', 'info'],
    ['showWarningMessage', 'warning'],
    ['showErrorMessage', 'error'],
  ] as const) {
    const original = win[name];
    win[name] = (...args: unknown[]) => {
      messages.push({ severity, text: String(args[0]) });
      const next = answers[0];
      if (!next || !('button' in next)) return original.apply(vscode.window, args);
      answers.shift();
      if (next.button === null) return Promise.resolve(undefined);
      const buttons = args.slice(1).filter((a) => typeof a === 'string' || (a && typeof a === 'object' && 'title' in a));
      const found = buttons.find((b) => (typeof b === 'string' ? b : (b as vscode.MessageItem).title) === next.button);
      if (!found) return Promise.reject(new Error(`[test hooks] no button "${next.button}" on "${String(args[0])}"`));
      return Promise.resolve(found);
    };
  }

  const snapshot = (tracked: Tracked): WebviewSnapshot => {
    const { panel, snapshot: s } = tracked;
    if (!s.disposed) {
      s.title = panel.title;
      s.visible = panel.visible;
      s.active = panel.active;
      s.viewColumn = panel.viewColumn;
    }
    return JSON.parse(JSON.stringify(s)) as WebviewSnapshot;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('sora._test.webviews', () => panels.map(snapshot)),
    vscode.commands.registerCommand('sora._test.previewState', () => {
      const preview = [...panels].reverse().find((t) => t.snapshot.viewType === 'sora.preview' && !t.snapshot.disposed);
      if (!preview) return null;
      const s = snapshot(preview);
      type Compiled = { prompt: string; variant: string | null; variants: { name: string }[]; summary: unknown; targets?: { id: string }[]; generations?: { seconds: number; startFrom: string | null }[] };
      const update = s.lastPosted.update as { message: { response: Compiled; target?: Compiled | null; fileName: string; state: unknown }; delivered?: boolean } | undefined;
      const targetOf = (compiled: Compiled) => ({ summary: compiled.summary, generations: (compiled.generations ?? []).map((g) => ({ seconds: g.seconds, startFrom: g.startFrom })) });
      return {
        title: s.title,
        visible: s.visible,
        active: s.active,
        viewColumn: s.viewColumn,
        ready: s.ready,
        rendered: update
          ? {
              delivered: update.delivered,
              fileName: update.message.fileName,
              state: update.message.state,
              prompt: update.message.response.prompt,
              variant: update.message.response.variant,
              variants: update.message.response.variants.map((v) => v.name),
              summary: update.message.response.summary,
              own: targetOf(update.message.response),
              target: update.message.target ? targetOf(update.message.target) : null,
              models: (update.message.response.targets ?? []).map((m) => m.id),
            }
          : null,
      };
    }),
    vscode.commands.registerCommand('sora._test.statusBar', (id?: unknown) => {
      const entry = statusItems.get(typeof id === 'string' ? id : 'sora.status');
      if (!entry) return null;
      const tooltip = entry.item.tooltip;
      return { text: entry.item.text, tooltip: typeof tooltip === 'string' ? tooltip : tooltip?.value ?? null, visible: entry.visible };
    }),
    vscode.commands.registerCommand('sora._test.answer', (queued: unknown) => {
      if (!Array.isArray(queued)) throw new Error('[test hooks] sora._test.answer takes an array of answers');
      answers.push(...(queued as Answer[]));
      return answers.length;
    }),
    vscode.commands.registerCommand('sora._test.clearAnswers', () => {
      answers.length = 0;
    }),
    vscode.commands.registerCommand('sora._test.pendingAnswers', () => answers.length),
    vscode.commands.registerCommand('sora._test.quickInputLog', () => quickInputLog.splice(0)),
    vscode.commands.registerCommand('sora._test.messages', () => messages.splice(0)),
    vscode.commands.registerCommand('sora._test.sendFromWebview', async (viewType: unknown, message: unknown) => {
      const tracked = [...panels].reverse().find((t) => t.snapshot.viewType === viewType && !t.snapshot.disposed);
      if (!tracked) throw new Error(`[test hooks] no open webview panel of type ${String(viewType)}`);
      for (const listener of tracked.listeners) await listener(message);
      return tracked.listeners.length;
    }),
  );
}
