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

/**
 * The drawer of a list page, by URL: `open` is "new", another screen of the page named in `screens`
 * (e.g. "cadence"), or the id of one of `records`, which is then `editing`.
 */
export function useRecordDrawer<R extends { id: string }>(
  records: readonly R[] | undefined,
  screens: readonly string[] = [],
) {
  const [open, setOpen] = useOpenParam();
  const editing =
    open && open !== 'new' && !screens.includes(open) ? records?.find((r) => r.id === open) : undefined;
  return { open, setOpen, close: () => setOpen(null), editing };
}
