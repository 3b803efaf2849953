import dayjs from 'dayjs';

/** A timestamp the way officials write it: 2025-03-08 14:05. */
export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** A date alone: 2025-03-08. */
export const formatDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
