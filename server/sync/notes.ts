import { z } from 'zod';

/**
 * "New changes" notes, sent with pg_notify inside the writing transaction (so PostgreSQL delivers them
 * only after commit) and heard by every server instance through LISTEN. A note says which scopes
 * changed, up to which sequence number, and whose access changed (their scope lists must be reloaded).
 * `scopes: null` means "anything may have changed" (a too-long note, or a listener that reconnected).
 */
export const CHANGES_CHANNEL = 'expert_trips_changes';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD = 7900;

export const changeNoteSchema = z.object({
  scopes: z.array(z.string()).nullable(),
  seq: z.number().int().optional(),
  users: z.array(z.string()).optional(),
});
export type ChangeNote = z.infer<typeof changeNoteSchema>;

export function notePayload(note: ChangeNote): string {
  const text = JSON.stringify(note);
  if (text.length <= MAX_PAYLOAD) return text;
  const short = JSON.stringify({ scopes: null, ...(note.seq !== undefined ? { seq: note.seq } : {}) });
  return short;
}

export function parseNote(payload: string): ChangeNote | undefined {
  try {
    const parsed = changeNoteSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
