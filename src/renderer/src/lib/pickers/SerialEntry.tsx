import { Button, Group, Pill, ScrollArea, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { splitSerials } from '@shared/money';
import { serialKey } from '@shared/serials';

interface Props {
  serials: string[];
  onChange: (serials: string[]) => void;
  /** Units being added: the list must end up with exactly this many serials. */
  qty: number;
  /** Serials the server refused (already in stock), shown in red until removed. */
  flagged?: string[];
  error?: string | null;
  /** Serials of the same product entered elsewhere in the same document (another line of a receipt):
   * refused like a repeat within this list. */
  elsewhere?: readonly string[];
  /** Put the cursor in the scan field on mount (a line just added by scanning, ready for its serials). */
  autoFocus?: boolean;
}

/**
 * Serial numbers for units coming into stock (stock added by hand, purchase order receipts). A
 * scanner types a serial and Enter, so each Enter adds one; a list copied from a spreadsheet or a
 * delivery note can be pasted at once. Duplicates within the list, or on another line of the same
 * document, are refused on the spot rather than on save, in any spelling (case, blanks around them),
 * as the server compares serials.
 */
export function SerialEntry({ serials, onChange, qty, flagged = [], error, elsewhere = [], autoFocus }: Props) {
  const { t } = useTranslation('pickers');
  const [entry, setEntry] = useState('');
  const [entryError, setEntryError] = useState<string | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasted, setPasted] = useState('');
  const [skipped, setSkipped] = useState<string[]>([]);
  const [skippedElsewhere, setSkippedElsewhere] = useState<string[]>([]);

  const addOne = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const serial = entry.trim();
    if (!serial) return;
    const key = serialKey(serial);
    if (serials.some((s) => serialKey(s) === key)) {
      setEntryError(t('serials.duplicateInList', { serial }));
      event.currentTarget.select();
      return;
    }
    if (elsewhere.some((s) => serialKey(s) === key)) {
      setEntryError(t('serials.duplicateElsewhere', { serial }));
      event.currentTarget.select();
      return;
    }
    onChange([...serials, serial]);
    setEntry('');
    setEntryError(null);
  };

  const addPasted = () => {
    const seen = new Set(serials.map(serialKey));
    const other = new Set(elsewhere.map(serialKey));
    const added: string[] = [];
    const dup: string[] = [];
    const onOtherLines: string[] = [];
    for (const serial of splitSerials(pasted)) {
      const key = serialKey(serial);
      if (seen.has(key)) dup.push(serial);
      else if (other.has(key)) onOtherLines.push(serial);
      else {
        seen.add(key);
        added.push(serial);
      }
    }
    onChange([...serials, ...added]);
    setSkipped(dup);
    setSkippedElsewhere(onOtherLines);
    setPasted('');
    setPasteOpen(false);
  };

  const complete = serials.length === qty;
  return (
    <Stack gap="xs">
      <TextInput
        label={t('serials.label')}
        placeholder={t('serials.placeholder')}
        data-testid="serial-input"
        value={entry}
        onChange={(e) => {
          setEntry(e.currentTarget.value);
          setEntryError(null);
        }}
        onKeyDown={addOne}
        error={entryError ?? error}
        autoComplete="off"
        autoFocus={autoFocus}
      />
      <Group justify="space-between">
        <Text size="sm" c={complete ? 'teal' : 'orange'} data-testid="serial-counter">
          {t('serials.counter', { count: serials.length, qty })}
        </Text>
        <Group gap="xs">
          <Button variant="subtle" size="xs" onClick={() => setPasteOpen((o) => !o)}>
            {t('serials.pasteToggle')}
          </Button>
          {serials.length > 0 && (
            <Button variant="subtle" color="red" size="xs" onClick={() => onChange([])}>
              {t('serials.clear')}
            </Button>
          )}
        </Group>
      </Group>
      {pasteOpen && (
        <Stack gap="xs">
          <Textarea label={t('serials.pasteLabel')} autosize minRows={4} maxRows={10} value={pasted} onChange={(e) => setPasted(e.currentTarget.value)} data-testid="serial-paste" />
          <Group justify="flex-end">
            <Button size="xs" onClick={addPasted} disabled={!pasted.trim()}>
              {t('serials.pasteAdd')}
            </Button>
          </Group>
        </Stack>
      )}
      {skipped.length > 0 && (
        <Text size="sm" c="orange">
          {t('serials.duplicatesSkipped', { serials: skipped.join(', ') })}
        </Text>
      )}
      {skippedElsewhere.length > 0 && (
        <Text size="sm" c="orange">
          {t('serials.elsewhereSkipped', { serials: skippedElsewhere.join(', ') })}
        </Text>
      )}
      {serials.length > 0 && (
        <ScrollArea.Autosize mah={180} type="auto">
          <Pill.Group data-testid="serial-list">
            {serials.map((serial) => (
              <Pill
                key={serial}
                withRemoveButton
                removeButtonProps={{ 'aria-label': t('serials.remove', { serial }), 'aria-hidden': false, tabIndex: 0 }}
                onRemove={() => onChange(serials.filter((s) => s !== serial))}
                c={flagged.includes(serial) ? 'red' : undefined}
                bg={flagged.includes(serial) ? 'var(--mantine-color-red-light)' : undefined}
              >
                {serial}
              </Pill>
            ))}
          </Pill.Group>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
