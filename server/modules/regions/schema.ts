import { z } from 'zod';
import { regionCode } from '../../../common/schemas/organisation';

/** The `:code` of a region route: a 6- or 9-digit GB/T 2260 code. */
export const regionCodeParam = z.strictObject({ code: regionCode });
