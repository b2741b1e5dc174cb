import { useCallback, useRef, useState } from 'react';
import { type AddFilesOptions, type AttachTarget, addFiles, type Refused } from '../../attachments';
import { getDb } from '../../db/database';
import { useAttachEnv } from './attachEnv';

export type AttachProgress = { name: string; done: number; total: number };

/**
 * Runs addFiles one file at a time, so several photos show "2/5" progress and one unreadable file
 * does not hold back the others. Files dropped while a batch runs queue behind it instead of racing.
 */
export function useAttachRunner(target: AttachTarget | null, options: AddFilesOptions) {
  const [progress, setProgress] = useState<AttachProgress | null>(null);
  const [refused, setRefused] = useState<(Refused & { key: number })[]>([]);
  const refusalKey = useRef(0);
  const [added, setAdded] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const env = useAttachEnv();
  const queue = useRef<Promise<void>>(Promise.resolve());
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const run = useCallback(
    (files: File[]) => {
      if (!target || files.length === 0) return queue.current;
      const batch = async () => {
        setRefused([]);
        setFailure(null);
        setAdded(0);
        let count = 0;
        try {
          for (const [i, file] of files.entries()) {
            setProgress({ name: file.name, done: i, total: files.length });
            const result = await addFiles(target, [file], optionsRef.current, getDb(), env);
            count += result.added.length;
            const more = result.refused.map((r) => ({ ...r, key: refusalKey.current++ }));
            if (more.length > 0) setRefused((prev) => [...prev, ...more]);
          }
        } catch (err) {
          // Not a refusal (those come back as data) but a failure of the device: say so, keep what worked.
          setFailure(err instanceof Error ? err.message : String(err));
        } finally {
          setProgress(null);
          setAdded(count);
        }
      };
      queue.current = queue.current.then(batch);
      return queue.current;
    },
    [target, env],
  );

  const dismiss = useCallback(() => {
    setRefused([]);
    setFailure(null);
    setAdded(0);
  }, []);

  return { run, progress, refused, added, failure, dismiss };
}
