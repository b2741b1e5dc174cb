import type { KeyboardEvent } from 'react';

/**
 * Enter and Ctrl+Enter for the record forms that are not <form> elements on purpose: HostForm and
 * AgreementForm are also embedded in the visit log's own <form>, and nested forms are invalid HTML (the
 * inner submit would submit the visit). So the keys are handled here and stopped from reaching an outer
 * form.
 */
export function submitKeys(save: () => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const target = e.target;
    if (!(target instanceof HTMLElement)) return;
    const tag = target.tagName;
    const ctrl = e.ctrlKey || e.metaKey;
    // Enter in a one-line input saves; in a textarea it is a new line unless Ctrl/⌘ is held.
    // Inputs with suggestions (combobox, datalist) use Enter to pick one.
    const plainInput =
      tag === 'INPUT' &&
      target.getAttribute('role') !== 'combobox' &&
      !target.hasAttribute('list') &&
      target.getAttribute('type') !== 'checkbox';
    if (ctrl || plainInput) {
      e.preventDefault();
      e.stopPropagation();
      save();
    }
  };
}
