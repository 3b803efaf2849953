import { pinyin } from 'pinyin-pro';

/** The initials of a name's pinyin (天桥广场 → tqgc), lower-case letters and digits only, for search and sorting. */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
