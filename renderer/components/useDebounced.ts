import { useEffect, useState } from 'react';

/** The value after it has stopped changing for `ms`; keeps a 200,000-row search off every keystroke. */
export function useDebounced<V>(value: V, ms = 180): V {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
