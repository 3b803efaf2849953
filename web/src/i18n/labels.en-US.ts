import { enumLabelsEnUS } from '../../../common/labels/en-US';
import { messagesOfLabels } from '../../../common/labels/messages';

/** English names of enum values; common/labels checks that every value has one in both languages. */
export const labelsEnUS = messagesOfLabels(enumLabelsEnUS);
