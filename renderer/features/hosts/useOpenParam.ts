import { useSearchParams } from 'react-router';

/**
 * Which record's drawer is open, kept in the URL (`?open=<id>` or `?open=new`): other screens can link
 * straight to a record, and the browser's Back button closes the drawer.
 */
export function useOpenParam(param = 'open') {
  const [params, setParams] = useSearchParams();
  const value = params.get(param);
  const set = (next: string | null) =>
    setParams(
      (prev) => {
        const copy = new URLSearchParams(prev);
        if (next) copy.set(param, next);
        else copy.delete(param);
        return copy;
      },
      { replace: next === null },
    );
  return [value, set] as const;
}
