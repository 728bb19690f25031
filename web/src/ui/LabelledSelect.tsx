import { Input, Select, type SelectProps } from '@mantine/core';
import { useId } from '@mantine/hooks';
import type { KeyboardEvent, ReactNode } from 'react';

/**
 * Enter picks the highlighted option, or the first match of what was typed. Mantine does this itself, but when
 * typing follows focus within the same moment (fast typists, Playwright's fill) a deferred reset on opening can
 * leave its index at "none" while the option still looks highlighted; then Enter did nothing, or even submitted
 * the form. Handled in the capture phase so Mantine's own handler does not pick a second time.
 */
function pickOnEnter(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  const input = event.currentTarget;
  const listId = input.getAttribute('aria-controls');
  const list = listId ? document.getElementById(listId) : null;
  if (!list) return;
  const enabled = '[data-combobox-option]:not([data-combobox-disabled])';
  const option =
    list.querySelector<HTMLElement>(`${enabled}[data-combobox-selected]`) ??
    (input.value.trim() ? list.querySelector<HTMLElement>(enabled) : null);
  if (!option) return;
  event.preventDefault();
  event.stopPropagation();
  option.click();
}

type Props = Omit<SelectProps, 'label' | 'description' | 'error'> & {
  label: string;
  description?: ReactNode;
  error?: ReactNode;
};

/**
 * A Mantine Select whose visible label names only the input. Mantine also labels the open option list with the
 * field label, so `getByLabel('Kecamatan')` would match two elements while the list is open; here the label is
 * tied to the input alone, so "type a name, press Enter" works by label for keyboard users and Playwright alike.
 */
export function LabelledSelect({ label, description, error, id, required, onKeyDownCapture, ...props }: Props) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const describedBy = [description ? `${inputId}-description` : null, error ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <Input.Wrapper id={inputId} label={label} description={description} error={error} withAsterisk={false}>
      <Select
        {...props}
        id={inputId}
        required={required}
        error={Boolean(error)}
        aria-describedby={describedBy || undefined}
        onKeyDownCapture={(event) => {
          onKeyDownCapture?.(event);
          if (props.searchable) pickOnEnter(event);
        }}
        mt={description ? 4 : undefined}
      />
    </Input.Wrapper>
  );
}
