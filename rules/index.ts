/**
 * The built-in rules, registered as a plugin through the same interface third-party rules use.
 */
import { definePlugin } from '../src/engine/rule.js';
import balance from './balance.js';
import cellCount from './cell-count.js';
import cellEmpty from './cell-empty.js';
import cellValue from './cell-value.js';
import labelVariant from './label-variant.js';
import outcomeTotal from './outcome-total.js';
import reviewTotal from './review-total.js';
import rowTotal from './row-total.js';
import sectionMissing from './section-missing.js';
import sectionOrder from './section-order.js';
import proseTypo from './prose-typo.js';
import formatYear from './format-year.js';
import titleYear from './title-year.js';
import titleForm from './title-form.js';
import statPeriod from './stat-period.js';
import relativeDate from './relative-date.js';
import headingSequence from './heading-sequence.js';
import preambleParts from './preamble-parts.js';
import publishDeadline from './publish-deadline.js';
import subtopicAsSection from './subtopic-as-section.js';
import xyCarry from './xy-carry.js';
import xyCopy from './xy-copy.js';
import xyStock from './xy-stock.js';
import narrativeSum from './narrative-sum.js';
import narrativeApply from './narrative-apply.js';
import narrativeReview from './narrative-review.js';
import narrativeContradiction from './narrative-contradiction.js';
import narrativePercent from './narrative-percent.js';
import proseNumberMissing from './prose-number-missing.js';
import narrativeT2 from './narrative-t2.js';
import tableIncomplete from './table-incomplete.js';

export default definePlugin({
  rules: [
    balance, rowTotal, outcomeTotal, reviewTotal, sectionMissing, sectionOrder, labelVariant, cellEmpty, cellCount, cellValue, tableIncomplete, proseTypo,
    narrativeSum, narrativeApply, narrativeReview, narrativeT2, narrativeContradiction, narrativePercent, proseNumberMissing,
    formatYear, titleYear, titleForm, statPeriod, relativeDate, headingSequence, preambleParts, publishDeadline, subtopicAsSection,
    xyCarry, xyStock, xyCopy,
  ],
});
