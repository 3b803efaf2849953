import { z } from 'zod';
import { DICTIONARY_TYPES } from '../../../common/schemas/reference';

/** Every dictionary type with its number of items, for the dictionaries page's type list. */
export const dictionaryTypesSchema = z.object({
  items: z.array(z.object({ type: z.enum(DICTIONARY_TYPES), count: z.number().int() })),
});
