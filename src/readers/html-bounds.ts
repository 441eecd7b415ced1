/**
 * Bounds of the HTML reader (see ../bounds.ts): checked on the source before it is parsed, and on the tree before
 * it is walked, so that a small hostile page (formatting elements left open before thousands of paragraphs,
 * thousands of nested elements, cells spanning huge grids) is refused at once with a message naming the limit,
 * never read for minutes or until the heap is exhausted.
 */
import type { Element, Root } from 'hast';
import { LIMITS, overLimit } from '../io/limits.js';

/**
 * The HTML parser reopens every formatting element left open (<b>, <font> …, up to three alike) in each new
 * paragraph, cell and list item: the tree can hold (open formatting elements × blocks) elements for a page of
 * a few kilobytes. Estimated from the tags, without parsing.
 */
export function checkHtmlSource(html: string): void {
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>/g;
  const formatting = /^(?:a|b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u)$/i;
  const block = /^(?:p|div|li|td|th|tr|h[1-6]|dd|dt|blockquote|section|article|table|ul|ol)$/i;
  let open = 0;
  let elements = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    elements++;
    const name = m[2];
    if (formatting.test(name)) {
      if (m[1]) open = Math.max(0, open - 1);
      else if (!m[0].endsWith('/>')) open++;
    } else if (!m[1] && block.test(name)) {
      // the formatting elements still open are made again inside this block
      elements += open;
    }
    if (elements > LIMITS.htmlElements) {
      throw overLimit('网页的元素（包括浏览器为未关闭的 <b>、<font> 等格式标签在每个段落中补出的元素）', LIMITS.htmlElements, '个');
    }
  }
}

/** The depth and number of elements of the parsed page, walked without recursion. */
export function checkHtmlTree(tree: Root): void {
  const stack: Array<{ node: Root | Element; depth: number }> = [{ node: tree, depth: 0 }];
  let elements = 0;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > LIMITS.htmlDepth) throw overLimit('网页的标签嵌套层数', LIMITS.htmlDepth, '层');
    for (const c of node.children) {
      if (c.type !== 'element') continue;
      if (++elements > LIMITS.htmlElements) throw overLimit('网页的元素个数', LIMITS.htmlElements, '个');
      stack.push({ node: c, depth: depth + 1 });
    }
  }
}

/**
 * The number of grid cells a table's cells cover once rowspan and colspan are spread (each span as the reader
 * caps it: rows to the end of the table, columns to 1000), checked before the grid is built.
 */
export function checkTableGrid(rows: Array<Array<{ rowSpan: number; colSpan: number }>>): void {
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    for (const c of rows[r]) {
      total += Math.min(c.rowSpan, rows.length - r) * c.colSpan;
      if (total > LIMITS.tableGridCells) throw overLimit('网页中一个表格的格子数（合并单元格按所占行列展开后）', LIMITS.tableGridCells, '格');
    }
  }
}
