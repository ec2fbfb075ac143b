// Messages from the extension, typed: a page names the message types it handles and gets each
// message narrowed to its type. Anything else posted to the window (another frame, a malformed
// message, a type this page does not know) is dropped before it reaches the page's code.

export interface Typed {
  type: string;
}

/** A guard for a union of messages told apart by `type`: the object has one of the given types. */
export function messageGuard<T extends Typed>(types: readonly T['type'][]): (data: unknown) => data is T {
  const known = new Set<string>(types);
  return (data: unknown): data is T => {
    if (!data || typeof data !== 'object') return false;
    const type = (data as { type?: unknown }).type;
    return typeof type === 'string' && known.has(type);
  };
}

export type Handlers<T extends Typed> = { [K in T['type']]: (message: Extract<T, { type: K }>) => void };

/** Calls the handler for each message of a known type; returns a function that stops listening. */
export function onMessage<T extends Typed>(isMessage: (data: unknown) => data is T, handlers: Handlers<T>): () => void {
  const listener = (event: MessageEvent) => {
    const message = event.data;
    if (!isMessage(message)) return;
    const handle = handlers[message.type as T['type']] as (message: T) => void;
    handle(message);
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}
