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
  const plain = PLAIN_DECIMAL.exec(value.trim());
  if (!plain) {
    const number = Number(value);
    return Number.isFinite(number) ? String(Number(number.toFixed(places))) : value;
  }
  // Rounded on the digits, half up, not through a binary float (215.575 is 215.57499… as a float: it must read 215.58).
  const [, sign, whole = '0', fraction = ''] = plain;
  const kept = BigInt(whole + fraction.padEnd(places + 1, '0').slice(0, places + 1));
  const rounded = ((kept + 5n) / 10n).toString().padStart(places + 1, '0');
  const integer = rounded.slice(0, rounded.length - places);
  const decimals = rounded.slice(rounded.length - places).replace(/0+$/, '');
  const text = decimals ? `${integer}.${decimals}` : integer;
  return sign && /[1-9]/.test(text) ? `-${text}` : text;
};

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
