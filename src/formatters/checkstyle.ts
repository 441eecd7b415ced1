/**
 * checkstyle: Checkstyle XML, read by Jenkins (Warnings NG), reviewdog, SonarQube and others. One <file> a linted
 * file (its path relative to the repository), one <error> a finding; source is report-lint.<rule id>, or
 * report-lint for a file that could not be read.
 */
import { ciPath, xmlAttr } from './ci.js';
import type { Formatter } from './types.js';

export const checkstyle: Formatter = (results, ctx) => {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n';
  for (const r of results) {
    const name = xmlAttr(ciPath(r.filePath, ctx));
    if (!r.messages.length) {
      out += `  <file name="${name}"/>\n`;
      continue;
    }
    out += `  <file name="${name}">\n`;
    for (const m of r.messages) {
      const severity = m.fatal || m.severity === 2 ? 'error' : m.severity === 0 ? 'info' : 'warning';
      const source = m.ruleId ? `report-lint.${m.ruleId}` : 'report-lint';
      out += `    <error line="${m.line}" column="${m.column}" severity="${severity}" message="${xmlAttr(m.message)}" source="${xmlAttr(source)}"/>\n`;
    }
    out += '  </file>\n';
  }
  return out + '</checkstyle>\n';
};
