import dayjs from 'dayjs';

/** A timestamp the way officials write it: 2025-03-08 14:05. */
export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** A date alone: 2025-03-08. */
export const formatDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

/**
 * A computed decimal (an exact string such as "217.2113") as a person reads it: at most `places` decimals, rounded,
 * trailing zeros dropped — 217.21. The exact value stays in the data (and in the sheets).
 */
export const formatDecimal = (value: string, places = 2) => {
  const number = Number(value);
  return Number.isFinite(number) ? String(Number(number.toFixed(places))) : value;
};
