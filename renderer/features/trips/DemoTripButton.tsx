import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/useT';
import { useSettings } from '../../state/settings';
import { loadDemoTrip } from '../demo/loadDemoTrip';

/**
 * Loads the demo trip and opens it. While it loads the button says so (it writes a few hundred records);
 * a failure is shown next to the button instead of being swallowed.
 */
export function DemoTripButton() {
  const t = useT();
  const navigate = useNavigate();
  const setCurrentTrip = useSettings((s) => s.setCurrentTrip);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      const tripId = await loadDemoTrip();
      setCurrentTrip(tripId);
      navigate(`/trips/${tripId}`);
    } catch (e) {
      setError(t('trips.demo.failed', { message: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
    }
  };

  return (
    <span className="trips-demo">
      <button type="button" className="btn" onClick={load} disabled={busy}>
        {busy ? t('trips.demo.loading') : t('trips.demo.load')}
      </button>
      {error ? (
        <span className="trips-demo__error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
