import type { LintResult } from '../types.js';
import type { RuleModule } from '../engine/rule.js';

export interface FormatterContext {
  cwd: string;
  /** chalk colour level: 0 none … 3 truecolor */
  colorLevel: 0 | 1 | 2 | 3;
  /** every rule known in this run, by id (for formats that describe rules, such as SARIF) */
  rules: Map<string, RuleModule>;
  /** environment (GITHUB_STEP_SUMMARY …) */
  env: NodeJS.ProcessEnv;
}

export type Formatter = ((results: LintResult[], ctx: FormatterContext) => string) & {
  /** the formatter prints source lines (the results must keep their `source`) */
  showsSource?: boolean;
};
