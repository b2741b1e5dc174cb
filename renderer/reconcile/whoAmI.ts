import type { AppDatabase } from '../db/database';
import { commentAuthorOf } from '../review/role';
import { readUser } from '../sync/syncMeta';

/**
 * The name written into merge trails and conflict resolutions: the signed-in account's name, as review
 * comments are signed. Empty when the device has never signed in; the screens then say "本机".
 */
export async function whoAmI(db: AppDatabase): Promise<string> {
  return commentAuthorOf(await readUser(db));
}
