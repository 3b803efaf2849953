import { extractTargets, proposeTargetRows } from '../../../common/domain/target-text';
import { TARGET_TEXT_ROUTE_MAX, extractTargetsBody, extractTargetsResponse } from '../../../common/schemas/target-text';
import { invalidField } from '../../lib/errors';
import { type App, type Deps, ruleErrorResponses } from '../../lib/http';
import { translate } from '../../lib/messages';
import { indicatorRowOf, pledgeRowOf } from './text-proposals';

/** Targets from text (从文本识别): the quantified targets of a pasted passage and the rows they propose; nothing saved. */
export function targetTextRoutes(app: App, _deps: Deps) {
  app.post(
    '/api/v1/targets/extract',
    {
      schema: {
        tags: ['targets'],
        summary:
          'Read the quantified targets of a pasted passage (政府工作报告, a news release; at most 200,000 characters) and propose indicator and pledge rows to confirm; nothing is saved',
        body: extractTargetsBody,
        response: { 200: extractTargetsResponse, ...ruleErrorResponses },
      },
      config: { access: 'target.manage' },
    },
    async (request) => {
      const { locale } = request.context().actor;
      const { text } = request.body;
      // The extractor is synchronous (about 2 s per million characters): a bounded text keeps the server answering.
      if (text.length > TARGET_TEXT_ROUTE_MAX)
        throw invalidField('text', 'target.text_too_long', { max: TARGET_TEXT_ROUTE_MAX.toLocaleString('en-US'), length: text.length });
      const extraction = extractTargets(text);
      const proposals = proposeTargetRows(extraction.rows);
      return {
        rows: extraction.rows,
        reason: extraction.reason,
        reasonText: extraction.reason ? translate(locale, `target.text_${extraction.reason}`) : null,
        indicators: proposals.indicators.map(indicatorRowOf),
        pledges: proposals.pledges.map(pledgeRowOf),
      };
    },
  );
}
