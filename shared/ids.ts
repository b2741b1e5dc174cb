import { v7 as uuidv7 } from 'uuid';

/** Record ids are made on the device: UUIDv7 is time-ordered (good for IndexedDB keys) and collision-free. */
export function newId(): string {
  return uuidv7();
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A short random node id for the hybrid logical clock of one device. */
export function newNodeId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
