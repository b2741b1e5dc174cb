/**
 * Web permissions (camera, geolocation, notifications, ...). The app needs none of them today, so every
 * request is refused; a page that asks anyway is either buggy or not ours. Copying to the clipboard from
 * a user gesture is the one harmless exception (e.g. "copy report").
 */
const GRANTED: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function decidePermission(
  permission: string,
  requestingUrl: string,
  isAppUrl: (url: string) => boolean,
): boolean {
  return GRANTED.has(permission) && isAppUrl(requestingUrl);
}
