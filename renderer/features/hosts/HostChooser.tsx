import { useState } from 'react';
import { Panel } from '../../components/layout';
import { useT } from '../../i18n/useT';
import { HostForm } from './HostForm';
import { HostPicker, type HostPickerProps } from './HostPicker';

/**
 * HostPicker plus "新建单位" in place: when the host is not in the directory yet, the person creates it
 * without leaving the form they are filling in, and it is chosen on save.
 */
export function HostChooser({
  value,
  onChange,
  error,
  label,
  required,
  suggestedIds,
  autoFocus,
}: Omit<HostPickerProps, 'onCreateNew' | 'placeholder'>) {
  const t = useT();
  const [creating, setCreating] = useState<string | null>(null);
  if (creating !== null) {
    return (
      <Panel title={t('hosts.form.newTitle')} className="host-chooser__create">
        <HostForm
          initial={{ name: creating }}
          draftKey={`hosts.form:inline:${creating}`}
          onSaved={(host) => {
            onChange(host.id);
            setCreating(null);
          }}
          onCancel={() => setCreating(null)}
        />
      </Panel>
    );
  }
  return (
    <HostPicker
      value={value}
      onChange={onChange}
      error={error}
      label={label}
      required={required ?? false}
      suggestedIds={suggestedIds ?? []}
      onCreateNew={(name) => setCreating(name)}
      autoFocus={autoFocus ?? false}
    />
  );
}
