// The one place dates are put in: <DayInput> for a day and <DayRangeInput> for a range of days, both in the
// screen's format (src/shared/formats.ts through useFormat): a field shows a day exactly as lists show it,
// and typing follows the placeholder (dd/mm/aaaa, dd/mm/yyyy, mm/dd/yyyy; ISO 2025-12-31 always works).
//   <DayInput label={…} value={form.values.day} onChange={(day) => form.setFieldValue('day', day)} error={…} />
//   <DayRangeInput label={…} placeholder={t('…anyDate')} value={[from, to]} onChange={([from, to]) => …} />
import { DateInput, DatePickerInput, DatesProvider, type DateInputProps, type DatePickerInputProps, type DatesRangeValue } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDay, parseTypedDay } from '@shared/formats';
import { boundDay, refuseTypedDay } from './dayBounds';
import { useFormat } from './useFormat';

/** The calendar's month names and first weekday follow the screen's format. */
function CalendarLocale({ children }: { children: React.ReactNode }) {
  const f = useFormat();
  return <DatesProvider settings={{ locale: f.language, firstDayOfWeek: f.formats.firstDayOfWeek }}>{children}</DatesProvider>;
}

type DayInputProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'placeholder' | 'fixOnBlur'> & {
  /** 'YYYY-MM-DD', null for none — or the text typed when it is not a day (see onChange). */
  value: string | null;
  /**
   * A day ('YYYY-MM-DD') picked or typed, null when the field is emptied, or — while the text typed is
   * not a day — that text itself: the contract's day schema refuses it, so a form cannot save a date the
   * user did not mean (nor silently keep the previous one).
   */
  onChange: (day: string | null) => void;
};

/**
 * A calendar day, picked or typed. Text that is not a day (31/02/2026, 12/31/2025 in a day-first format),
 * or a day outside the field's minDate / maxDate, stays in the field with an error under it once the user
 * leaves it. Enter takes the typed day and stays in the form: it never submits it half filled in.
 */
export function DayInput({ value, onChange, onKeyDown, onBlur, onInput, error, popoverProps, ...props }: DayInputProps) {
  const { t } = useTranslation('common');
  const f = useFormat();
  // The text typed that cannot be taken, why, and whether the user has left the field since typing it.
  const [invalid, setInvalid] = useState<{ text: string; message: string; shown: boolean } | null>(null);
  const [generation, setGeneration] = useState(0);
  // The form replaced the text we handed it (a reset, a loaded record): forget it and show the new value.
  if (invalid && value !== invalid.text) {
    setInvalid(null);
    setGeneration((g) => g + 1);
  }
  const [min, max] = [boundDay(props.minDate), boundDay(props.maxDate)];
  /** Why a typed text cannot be taken; null for a day within the bounds, or for nothing. */
  const refusal = (text: string): string | null => {
    const refused = refuseTypedDay(text, f.formats, min, max);
    if (refused === null) return null;
    return refused.reason === 'invalid' ? t('dates.invalid', { format: f.formats.placeholder }) : t(`dates.${refused.reason}`, { day: f.day(refused.bound) });
  };
  const ownError = invalid?.shown ? invalid.message : undefined;
  return (
    <CalendarLocale>
      <DateInput
        key={generation}
        valueFormat={f.formats.datePattern}
        dateParser={(text) => parseTypedDay(text, f.formats)}
        placeholder={f.formats.placeholder}
        clearable
        leftSection={<IconCalendar size={16} />}
        {...props}
        // A text that is not a day stays as typed; a day is rewritten as shown (1/2/26 → 01/02/2026).
        fixOnBlur={!invalid}
        error={ownError ?? error}
        // The calendar would cover the error: it stays closed until the user types again.
        popoverProps={ownError ? { ...popoverProps, opened: false } : popoverProps}
        value={isDay(value) ? value : null}
        onChange={(day) => {
          setInvalid(null);
          onChange(day ?? null);
        }}
        onInput={(event) => {
          const text = event.currentTarget.value;
          const message = refusal(text);
          if (message !== null) {
            setInvalid({ text, message, shown: false });
            onChange(text);
          }
          onInput?.(event);
        }}
        onBlur={(event) => {
          if (invalid && !invalid.shown) setInvalid({ ...invalid, shown: true });
          onBlur?.(event);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (invalid && !invalid.shown) setInvalid({ ...invalid, shown: true });
          }
          onKeyDown?.(event);
        }}
      />
    </CalendarLocale>
  );
}

type DayRangeInputProps = Omit<DatePickerInputProps<'range'>, 'type' | 'value' | 'onChange' | 'valueFormat'> & {
  value: DatesRangeValue<string>;
  /** The first and last day ('YYYY-MM-DD'); one day picked twice, or only a first day, is that day. */
  onChange: (range: [string | null, string | null]) => void;
};

/** A range of days for a list's filter, shown in the screen's format ("01/12/2025 – 31/12/2025"). */
export function DayRangeInput({ value, onChange, ...props }: DayRangeInputProps) {
  const f = useFormat();
  return (
    <CalendarLocale>
      <DatePickerInput
        type="range"
        valueFormat={f.formats.datePattern}
        leftSection={<IconCalendar size={16} />}
        clearable
        allowSingleDateInRange
        {...props}
        value={value}
        onChange={([from, to]) => onChange([from ? String(from).slice(0, 10) : null, to ? String(to).slice(0, 10) : null])}
      />
    </CalendarLocale>
  );
}
