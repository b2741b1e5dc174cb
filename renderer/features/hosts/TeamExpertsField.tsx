import { ChipPicker } from '../../components/form';
import { useT } from '../../i18n/useT';
import { useExpertOptions } from './useTripExperts';

/** The experts of the trip's team a record involves (a need's assignees, an agreement's signers), as chips. */
export function TeamExpertsField({
  tripId,
  label,
  value,
  onChange,
  error,
}: {
  tripId: string;
  label: string;
  /** Ids of the chosen experts. */
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const options = useExpertOptions(tripId, value);
  return (
    <div className="span-all">
      <ChipPicker
        label={label}
        options={options}
        selected={value}
        onChange={onChange}
        error={error}
        empty={t('hosts.need.noTeam')}
      />
    </div>
  );
}
