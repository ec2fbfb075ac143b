// A turn of the event loop, so requests are answered between slices of long work. setImmediate is
// Node's (it runs before timers); a web worker has only setTimeout.

const later: (run: () => void) => unknown = typeof setImmediate === 'function' ? setImmediate : (run) => setTimeout(run, 0);

export function nextTurn(): Promise<void> {
  return new Promise((resolve) => later(resolve));
}
