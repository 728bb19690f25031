import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  value: string;
  /** Called a moment after typing stops, or at once on Enter. */
  onCommit: (value: string) => void;
  delay?: number;
};

/** A search box that does not send a request per keystroke, and follows outside changes (e.g. "clear filters"). */
export function DebouncedTextInput({ value, onCommit, delay = 350, onKeyDown, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  const [debounced] = useDebouncedValue(draft, delay);
  const committed = useRef(value);

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => {
    if (debounced !== committed.current && debounced === draft) {
      committed.current = debounced;
      onCommit(debounced.trim());
    }
  }, [debounced, draft, onCommit]);

  return (
    <TextInput
      {...rest}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && draft !== committed.current) {
          committed.current = draft;
          onCommit(draft.trim());
        }
        onKeyDown?.(e);
      }}
    />
  );
}
