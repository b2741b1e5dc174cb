import { formatByteSize } from '../../../shared/blobs/size';
import { useT } from '../../i18n/useT';
import { useDeviceStorage } from './useDeviceStorage';
import './small.css';

/**
 * Storage use in the sidebar's device box, and a warning that stands out once the device nears its
 * quota (WARN_RATIO), well before writes are refused: time to sync and free space.
 */
export function StorageStatusLine() {
  const t = useT();
  const storage = useDeviceStorage();
  if (!storage || storage.quota <= 0) return null;
  const percent = Math.round(storage.ratio * 100);
  return (
    <>
      <div data-testid="storage-usage">
        {t('attachments.storage.usage', {
          used: formatByteSize(storage.usage),
          quota: formatByteSize(storage.quota),
          percent,
        })}
      </div>
      {storage.warning ? (
        <div className="storage-warning" role="alert">
          {t('attachments.storage.warning', { percent })}
        </div>
      ) : null}
    </>
  );
}
