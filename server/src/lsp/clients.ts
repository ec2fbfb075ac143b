import {
  InsertTextFormat,
  MarkupKind,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type InitializeParams,
  type MarkupContent,
} from 'vscode-languageserver';
import { markdownToPlainText } from './markdown';

// The features are written for the richest client (VS Code with our extension); this is where their
// answers are fitted to the client actually connected, from what it said in `initialize`: plain text
// for a client without snippets, no VS Code-only command for other editors, plain-text hovers where
// Markdown is not shown, and code lenses on commands the server itself runs.

export interface ClientProfile {
  /** Our own VS Code extension (it says so in initializationOptions): it has the `sora.*` commands. */
  vscode: boolean;
  snippets: boolean;
  markdownHover: boolean;
}

export const richestClient: ClientProfile = { vscode: true, snippets: true, markdownHover: true };

export function clientProfile(params: Pick<InitializeParams, 'capabilities' | 'initializationOptions'>): ClientProfile {
  const options = params.initializationOptions as { client?: unknown } | undefined;
  const formats = params.capabilities.textDocument?.hover?.contentFormat;
  return {
    vscode: options?.client === 'vscode',
    snippets: params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    // A client that does not list formats takes Markdown (the protocol's MarkupContent default).
    markdownHover: !formats || formats.includes(MarkupKind.Markdown),
  };
}

/** VS Code's own command that opens the suggestion list again: only VS Code has it. */
export const triggerSuggestCommand = 'editor.action.triggerSuggest';

export function fitCompletions<T extends CompletionItem[] | CompletionList>(answer: T, client: ClientProfile): T {
  if (client.vscode && client.snippets) return answer;
  if (!Array.isArray(answer)) return { ...answer, items: fitItems(answer.items, client) } as T;
  return fitItems(answer, client) as T;
}

function fitItems(items: CompletionItem[], client: ClientProfile): CompletionItem[] {
  return items.map((item) => {
    const fitted: CompletionItem = { ...item };
    if (!client.vscode && fitted.command?.command === triggerSuggestCommand) delete fitted.command;
    if (!client.snippets && fitted.insertTextFormat === InsertTextFormat.Snippet) {
      fitted.insertTextFormat = InsertTextFormat.PlainText;
      if (fitted.textEdit) fitted.textEdit = { ...fitted.textEdit, newText: snippetToPlainText(fitted.textEdit.newText) };
      if (fitted.insertText !== undefined) fitted.insertText = snippetToPlainText(fitted.insertText);
    }
    return fitted;
  });
}

/**
 * A snippet's text with each placeholder's default written out (`beat ${1:4}s` → `beat 4s`), tab
 * stops and variables dropped, choices as their first option, and escapes undone.
 */
export function snippetToPlainText(snippet: string): string {
  let out = '';
  let i = 0;
  const readUntilClose = (): string => {
    // The default of a placeholder, which may itself hold placeholders: read to the matching brace.
    let depth = 1;
    const start = i;
    while (i < snippet.length) {
      const char = snippet[i];
      if (char === '\\') i += 2;
      else if (char === '$' && snippet[i + 1] === '{') {
        depth++;
        i += 2;
      } else if (char === '}') {
        if (--depth === 0) break;
        i++;
      } else i++;
    }
    const inner = snippet.slice(start, i);
    i++; // the closing brace
    return inner;
  };
  while (i < snippet.length) {
    const char = snippet[i];
    if (char === '\\' && i + 1 < snippet.length && '$}\\,|'.includes(snippet[i + 1])) {
      out += snippet[i + 1];
      i += 2;
    } else if (char === '$' && /[0-9]/.test(snippet[i + 1] ?? '')) {
      i++;
      while (/[0-9]/.test(snippet[i] ?? '')) i++;
    } else if (char === '$' && snippet[i + 1] === '{') {
      i += 2;
      const body = readUntilClose();
      const placeholder = /^(?:\d+|[A-Za-z_]+):([\s\S]*)$/.exec(body);
      const choice = /^\d+\|([^,|]*)/.exec(body);
      if (placeholder) out += snippetToPlainText(placeholder[1]);
      else if (choice) out += choice[1];
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

export function fitHover(hover: Hover | null, client: ClientProfile): Hover | null {
  if (!hover || client.markdownHover) return hover;
  const contents = hover.contents as MarkupContent;
  if (contents.kind !== MarkupKind.Markdown) return hover;
  return { ...hover, contents: { kind: MarkupKind.PlainText, value: markdownToPlainText(contents.value) } };
}

/** Commands the server runs itself (workspace/executeCommand), for clients without our extension. */
export const serverCommands = {
  compileVariant: 'sora.server.compileVariant',
  remixInstruction: 'sora.server.remixInstruction',
} as const;

/** What a client command in a code lens becomes for another client: a server command, or nothing. */
const lensCommandsElsewhere: Record<string, string | undefined> = {
  'sora.compileVariant': serverCommands.compileVariant,
  'sora.copyRemixInstruction': serverCommands.remixInstruction,
  // The preview and the takes page are VS Code webviews: other editors get no lens for them.
  'sora.openPreviewToSide': undefined,
  'sora.scoreTakes': undefined,
};

export function fitCodeLenses(lenses: CodeLens[], client: ClientProfile): CodeLens[] {
  if (client.vscode) return lenses;
  const fitted: CodeLens[] = [];
  for (const lens of lenses) {
    if (!lens.command) continue;
    const command = lensCommandsElsewhere[lens.command.command];
    if (!command) continue;
    const title = lens.command.title.replace(/^Copy remix instruction/, 'Show remix instruction');
    fitted.push({ ...lens, command: { ...lens.command, title, command } });
  }
  return fitted;
}
