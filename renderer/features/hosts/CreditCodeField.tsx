import { CREDIT_CODE_ALPHABET, checkCreditCode, normaliseCreditCode } from '../../../shared/creditCode';
import { Field } from '../../components/form';
import { useIssueText, useT } from '../../i18n/useT';

/**
 * Credit code input with live feedback: the check character (18th) catches most typing mistakes, so as
 * soon as 18 characters are in, the person learns whether the code is right, and an impossible character
 * is pointed out as soon as it is typed. The save-time message from the schema (`error`) wins.
 */
export function CreditCodeField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const issueText = useIssueText();
  const live = liveFeedback(value);
  const liveError =
    live.kind === 'problem' ? issueText({ message: live.message, params: live.params }) : undefined;
  const shownError = error ?? liveError;
  return (
    <Field label={label} error={shownError}>
      {(id, describedBy) => (
        <>
          <input
            id={id}
            value={value}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            className="credit-code-input"
            aria-invalid={shownError ? true : undefined}
            aria-describedby={describedBy ? `${describedBy} ${id}-live` : `${id}-live`}
            onChange={(e) => onChange(e.target.value)}
          />
          {shownError ? null : (
            <div
              id={`${id}-live`}
              className={`field__hint ${live.kind === 'valid' ? 'credit-code--valid' : ''}`}
            >
              {live.kind === 'valid'
                ? t('hosts.creditCode.valid')
                : live.kind === 'typing'
                  ? t('hosts.creditCode.progress', { count: live.length })
                  : t('hosts.creditCode.hint')}
            </div>
          )}
        </>
      )}
    </Field>
  );
}

type Feedback =
  | { kind: 'empty' }
  | { kind: 'typing'; length: number }
  | { kind: 'valid' }
  | { kind: 'problem'; message: string; params: Record<string, string | number> };

export function liveFeedback(raw: string): Feedback {
  const code = normaliseCreditCode(raw);
  if (code === '') return { kind: 'empty' };
  if (code.length < 18) {
    // A character outside the alphabet, or a letter in the region code, is wrong whatever follows.
    for (let i = 0; i < code.length; i++) {
      const char = code.charAt(i);
      if (!CREDIT_CODE_ALPHABET.includes(char)) {
        return { kind: 'problem', message: 'v.creditCode.character', params: { char, position: i + 1 } };
      }
      if (i >= 2 && i < 8 && !/[0-9]/.test(char)) {
        return { kind: 'problem', message: 'v.creditCode.division', params: { position: i + 1 } };
      }
    }
    return { kind: 'typing', length: code.length };
  }
  const problem = checkCreditCode(code);
  if (!problem) return { kind: 'valid' };
  const { kind, ...params } = problem;
  return { kind: 'problem', message: `v.creditCode.${kind}`, params };
}
