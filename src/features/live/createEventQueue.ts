/** An async iterator fed by pushes: what a GraphQL subscription resolver returns. */
export interface EventQueue<T> extends AsyncIterableIterator<T> {
  push(value: T): void;
}

/**
 * A queue that turns pushed events into an async iterator. `onClose` runs once when the consumer stops
 * (the client went away, or the subscription completed), so listeners and timers are released.
 */
export function createEventQueue<T>(onClose: () => void): EventQueue<T> {
  const buffered: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    onClose();
    for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
  };
  return {
    push(value) {
      if (closed) return;
      const resolve = waiting.shift();
      if (resolve) resolve({ value, done: false });
      else buffered.push(value);
    },
    next() {
      if (buffered.length > 0) return Promise.resolve({ value: buffered.shift()!, done: false });
      if (closed) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return() {
      close();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error) {
      close();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
