// Targets from text (issue 15): paste a 政府工作报告 passage or a news release, get the quantified targets it states.
// The face:
//
//   extractTargets(text)            → { rows: ExtractedTarget[], normalizedText, reason } | throws TargetTextError
//                                     (text over MAX_TARGET_TEXT_LENGTH = 1,000,000 characters: code 'too_long')
//   proposeTargetRows(rows)         → { indicators: IndicatorProposal[], pledges: PledgeProposal[] } (targets only)
//   targetTextErrorMessage(e, loc)  the error in zh-CN / en-US
//   normalizeText(text), parseChineseNumeral(text), toSimplified(text): the steps, for reuse and tests
export {
  type ExtractedTarget,
  extractTargets,
  MAX_TARGET_TEXT_LENGTH,
  type QuantityPattern,
  type TargetDirection,
  type TargetExtraction,
  type TargetKind,
  type TargetProposal,
  TargetTextError,
  type TargetTextErrorCode,
  targetTextErrorMessage,
} from './extract';
export { normalizeText } from './normalize';
export { parseChineseNumeral } from './numerals';
export { type IndicatorProposal, type PledgeProposal, proposeTargetRows } from './proposals';
export { toSimplified } from './traditional';
