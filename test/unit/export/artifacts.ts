import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Sample exports are kept under test-artifacts/exports/ (git-ignored) so a person can open them. */
export const ARTIFACT_DIR = path.resolve(__dirname, '../../../test-artifacts/exports');

export async function keepArtifact(name: string, bytes: Uint8Array | string): Promise<string> {
  await mkdir(ARTIFACT_DIR, { recursive: true });
  const file = path.join(ARTIFACT_DIR, name);
  await writeFile(file, bytes);
  return file;
}
