import { messagesOfLabels } from '../../../common/labels/messages';
import { enumLabelsZhCN } from '../../../common/labels/zh-CN';

/** The names of enum values (`pool.advancing`, `nature.new_start` …), which the server's sheets and documents show too. */
export const labelsZhCN = messagesOfLabels(enumLabelsZhCN);
