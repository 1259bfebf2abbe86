import { Button, Group, Pill, ScrollArea, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { splitSerials } from '@shared/money';
import { serialKey } from '@shared/serials';
import { call } from '../api';

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
  /** The product the units are of: serials another of its units already has are flagged as they are entered. */
  productId?: number;
}

/**
 * Serial numbers for units coming into stock (stock added by hand, purchase order receipts). A
 * scanner types a serial and Enter, so each Enter adds one; a list copied from a spreadsheet or a
 * delivery note can be pasted at once. Duplicates within the list, or on another line of the same
 * document, are refused on the spot rather than on save, in any spelling (case, blanks around them),
 * as the server compares serials; so is a serial beyond the quantity, and a serial another unit of the
 * product already has is flagged in red as soon as it is entered (asked of the server in the background).
 */
export function SerialEntry({ serials, onChange, qty, flagged = [], error, elsewhere = [], autoFocus, productId }: Props) {
  const { t } = useTranslation('pickers');
  const [entry, setEntry] = useState('');
  const [entryError, setEntryError] = useState<string | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasted, setPasted] = useState('');
  const [skipped, setSkipped] = useState<string[]>([]);
  const [skippedElsewhere, setSkippedElsewhere] = useState<string[]>([]);
  const [skippedOver, setSkippedOver] = useState<string[]>([]);
  /** Serials the server says another unit of the product has (by key, as serials compare). */
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());

  /** Asks, for serials just added, which are taken already; the answer marks them (never blocks the entry). */
  const check = (added: string[]) => {
    if (!productId || added.length === 0) return;
    void call('stock.checkSerials', { productId, serials: added })
      .then(({ taken: found }) => {
        if (found.length > 0) setTaken((prev) => new Set([...prev, ...found.map(serialKey)]));
      })
      .catch(() => undefined);
  };

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
    if (serials.length >= qty) {
      setEntryError(t('serials.allEntered', { qty }));
      event.currentTarget.select();
      return;
    }
    onChange([...serials, serial]);
    check([serial]);
    setEntry('');
    setEntryError(null);
  };

  const addPasted = () => {
    const seen = new Set(serials.map(serialKey));
    const other = new Set(elsewhere.map(serialKey));
    const added: string[] = [];
    const dup: string[] = [];
    const onOtherLines: string[] = [];
    const over: string[] = [];
    for (const serial of splitSerials(pasted)) {
      const key = serialKey(serial);
      if (seen.has(key)) dup.push(serial);
      else if (other.has(key)) onOtherLines.push(serial);
      else if (serials.length + added.length >= qty) over.push(serial);
      else {
        seen.add(key);
        added.push(serial);
      }
    }
    onChange([...serials, ...added]);
    check(added);
    setSkipped(dup);
    setSkippedElsewhere(onOtherLines);
    setSkippedOver(over);
    setPasted('');
    setPasteOpen(false);
  };

  const complete = serials.length === qty;
  // What to mark red: refused by the server on save, or known taken since it was entered.
  const takenHere = taken.size > 0 ? serials.filter((s) => taken.has(serialKey(s))) : [];
  // Named up to twenty: the rest are marked red in the list.
  const takenShown = takenHere.length > 20 ? `${takenHere.slice(0, 20).join(', ')} (+${takenHere.length - 20})` : takenHere.join(', ');
  const marked = (serial: string) => flagged.includes(serial) || (taken.size > 0 && taken.has(serialKey(serial)));
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
      {skippedOver.length > 0 && (
        <Text size="sm" c="orange" data-testid="serial-over">
          {t('serials.overSkipped', { qty, serials: skippedOver.join(', ') })}
        </Text>
      )}
      {takenHere.length > 0 && (
        <Text size="sm" c="red" role="alert" data-testid="serial-taken">
          {t('serials.taken', { serials: takenShown })}
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
                c={marked(serial) ? 'red' : undefined}
                bg={marked(serial) ? 'var(--mantine-color-red-light)' : undefined}
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
