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
import xyCarry from './xy-carry.js';
import xyCopy from './xy-copy.js';
import xyStock from './xy-stock.js';

export default definePlugin({
  rules: [balance, rowTotal, outcomeTotal, reviewTotal, sectionMissing, sectionOrder, labelVariant, cellEmpty, cellCount, cellValue, proseTypo, xyCarry, xyStock, xyCopy],
});
