/**
 * An async iterator fed by `push`, holding at most `limit` undelivered items. Past that the
 * consumer is too slow: `onOverflow` runs once and the iterator ends, so a stalled socket never
 * grows memory without bound.
 */
export function boundedQueue<T>(limit: number, onOverflow: () => void, onEnd: () => void) {
  const items: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let ended = false;

  const end = () => {
    if (ended) return;
    ended = true;
    items.length = 0;
    waiting?.({ value: undefined, done: true });
    waiting = null;
    onEnd();
  };

  const iterator: AsyncIterableIterator<T> = {
    next: () => {
      if (items.length > 0) return Promise.resolve({ value: items.shift()!, done: false });
      if (ended) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: () => {
      end();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };

  return {
    iterator,
    end,
    size: () => items.length,
    push(item: T) {
      if (ended) return;
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ value: item, done: false });
        return;
      }
      if (items.length >= limit) {
        onOverflow();
        end();
        return;
      }
      items.push(item);
    },
  };
}
