/**
 * The report-lint command line. A thin shell: it finds files, calls the API and prints with a formatter.
 * Exit codes as ESLint: 0 no errors, 1 errors (or too many warnings), 2 usage error or unreadable input.
 */
import yargs from 'yargs';
import chalk from 'chalk';
import { ConfigError, parseSeverity, result, ruleMap, type LintEnv, type ParsedReport, type RuleSetting } from '../engine/run.js';
import type { RuleModule } from '../engine/rule.js';
import { formatters } from '../formatters/index.js';
import type { FormatterContext } from '../formatters/types.js';
import { expandPaths } from '../io/files.js';
import { OutputError } from '../io/output.js';
import { openOutput, type OutputTarget } from '../io/output-target.js';
import { MAX_FILE_BYTES, readErrorMessage } from '../io/read.js';
import { builtinFormats } from '../format/formats.js';
import { searchedExtensions } from '../readers/index.js';
import { fatalResult, lintBytes, parseText, readInput, type LintFileOptions } from '../lint.js';
import { BUILTIN_PLUGIN, Session } from '../session.js';
import { packageVersion } from '../paths.js';
import type { LintResult, SeveritySetting } from '../types.js';
import { coverageOf, extractCsv, extractValues, type Extracted } from './extract.js';
import { crossYearIndex, CrossYearUsageError, loadAliases } from './crossyear.js';
import { auditFormat, renderAudit } from './audit.js';
import { Progress } from './progress.js';
import { RunEnv, ignoredResult, type RunSettings } from '../batch/run-env.js';
import { ConcurrencyError, PARALLEL_THRESHOLD, resolveConcurrency, workerPool } from '../batch/pool.js';
import { cacheStrategy, CacheError, hash, LintCache } from '../batch/cache.js';
import { lintFiles, summarizeFiles, type FilesRun } from './run-files.js';
import { parseShard, shardOf, ShardError } from '../batch/shard.js';
import { MergeError, runMerge } from './merge.js';
import { relative, resolve } from 'node:path';
import { readStreamBounded } from '../io/read-file.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** all of standard input, for --stdin */
  readStdin?: () => Promise<Uint8Array>;
}

const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  // never more than a file may have: what is beyond is not read
  readStdin: () => readStreamBounded(process.stdin, MAX_FILE_BYTES),
});

class UsageError extends Error {}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code = 0;
  const extensions = searchedExtensions();
  const parser = yargs(argv)
    .scriptName('report-lint')
    .usage('用法：report-lint [文件、文件夹或通配符...] [选项]\n\n检查政府信息公开工作年度报告：表格勾稽关系、总计、缺失部分、标签错字、空格子等。')
    .command('$0 [paths..]', '检查报告（默认命令）', (y) =>
      y.positional('paths', { type: 'string', array: true, describe: `要检查的文件、文件夹（递归查找 ${extensions.filter((e) => e !== 'markdown').map((e) => '.' + e).join(' ')}）或通配符` }),
    )
    .command('audit [paths..]', '检查一批报告（含跨年度检查），输出按机关、年度的汇总：--format html|csv|json', (y) =>
      y.positional('paths', { type: 'string', array: true, describe: '要检查的文件、文件夹或通配符' }),
    )
    .command('merge [files..]', '把几次运行（--shard）的输出合并为一份：JSON、SARIF 或 audit 的 JSON', (y) =>
      y.positional('files', { type: 'string', array: true, describe: '各份的输出文件' }),
    )
    .command('parse <file>', '把报告读成语法树（JSON）输出；coverage 说明每张表格读到了格式规定的几行、几个数字', (y) => y.positional('file', { type: 'string', demandOption: true }))
    .command('extract <files..>', '按格式的行、列编号输出表格数值（JSON；--format csv 为每格一行的 CSV），便于汇总；可给多个文件或文件夹', (y) =>
      y.positional('files', { type: 'string', array: true, demandOption: true }),
    )
    .command('lsp', '作为语言服务器运行（LSP，经标准输入输出），供编辑器使用，见 docs/editors.md', (y) =>
      // editors add flags of their own (--clientProcessId=…): accept them
      y.option('stdio', { type: 'boolean', describe: '经标准输入输出通信（默认就是这样）' }).strict(false),
    )
    .command('web', '在本机启动审核台网页（报告只在浏览器中检查），见 docs/web.md', (y) =>
      y
        .option('port', { type: 'number', default: 8377, describe: '端口（0 为自动选择空闲端口）' })
        .option('open', { type: 'boolean', default: false, describe: '启动后用默认浏览器打开' }),
    )
    .option('format', { alias: 'f', type: 'string', default: 'stylish', describe: `输出格式：${Object.keys(formatters).join('、')}` })
    .option('quiet', { type: 'boolean', default: false, describe: '只报告错误，不报告警告' })
    .option('max-warnings', { type: 'number', describe: '警告超过这个数目时以退出码 1 结束' })
    .option('rule', { type: 'string', describe: '设置规则的严重程度，如 --rule cell-empty:off（off、warn、error）' })
    .option('report-format', { type: 'string', choices: builtinFormats().map((f) => f.short), describe: '不按年份判断，强制使用某一年的报告格式' })
    .option('encoding', { type: 'string', describe: '文件编码（默认自动识别 UTF-8、UTF-16、GB18030/GBK）' })
    .option('color', { type: 'boolean', describe: '输出是否带颜色（默认按终端和 NO_COLOR / FORCE_COLOR 决定）' })
    .option('config', { alias: 'c', type: 'string', describe: '使用这个配置文件（不再按文件夹查找）；--no-config 不用任何配置文件' })
    .option('print-config', { type: 'string', describe: '打印对某个文件生效的配置（JSON）后退出' })
    .option('output-file', { alias: 'o', type: 'string', describe: '把结果写入这个文件（不输出到终端）；文件夹不存在时自动创建' })
    .option('stdin', { type: 'boolean', default: false, describe: '从标准输入读取一份报告' })
    .option('stdin-filename', { type: 'string', describe: '标准输入的报告在结果中使用的文件名（按它的扩展名读作文本、Markdown、网页或 Word，配置按它所在的文件夹查找）' })
    .option('fix', { type: 'boolean', describe: '自动修正能安全修正的问题（如行名错字）并写回文件；数字从不改动' })
    .option('fix-dry-run', { type: 'boolean', describe: '计算修正但不写回文件（配合 --format json，修正后的全文在 output 中）' })
    .option('fix-type', { type: 'string', describe: '只做这些类型规则的修正：problem、suggestion、layout（可用逗号分隔或重复）' })
    .option('report-unused-disable-directives', { type: 'boolean', describe: '报告没有屏蔽任何问题的 report-lint-disable 指令（作为错误）' })
    .option('report-unused-disable-directives-severity', { type: 'string', describe: '同上，并指定严重程度：off、warn 或 error' })
    .option('history', { type: 'string', describe: '往年的报告（或 report-lint extract 输出的 JSON）所在的文件夹或文件，供跨年度检查对照，可重复' })
    .option('agency-aliases', { type: 'string', describe: '机构更名对应表（JSON 或 YAML：旧名称: 新名称），跨年度配对时视为同一机构' })
    .option('concurrency', { type: 'string', describe: `同时检查的线程数：auto、off 或正整数（默认：${PARALLEL_THRESHOLD} 个文件以上时 auto）；结果与逐个检查相同` })
    .option('shard', { type: 'string', describe: '只检查第 i 份（共 n 份，按路径稳定划分），如 --shard 2/4；各份的输出用 report-lint merge 合并' })
    .option('cache', { type: 'boolean', describe: '只检查改动过的文件：没有改动的文件（配置、格式、词典、插件和版本也没变）直接用上次的结果' })
    .option('cache-location', { type: 'string', describe: '缓存文件的位置（文件或文件夹，默认 ./.reportlintcache）' })
    .option('cache-strategy', { type: 'string', describe: '判断文件是否改动的方法：metadata（大小和修改时间，默认）或 content（内容）' })
    .option('require-reason', { type: 'boolean', describe: '要求每条 report-lint-disable 指令写明原因（-- 原因）' })
    .strict()
    .help('help')
    .alias('help', 'h')
    .version('version', '显示版本号', packageVersion())
    .alias('version', 'v')
    .locale('zh_CN')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      throw new UsageError(msg || err?.message || '命令行参数有误');
    });

  let args: Awaited<ReturnType<typeof parser.parse>>;
  try {
    let helpText = '';
    args = await parser.parse(argv, {}, (_err, _argv, output) => {
      helpText = output;
    });
    if (helpText) {
      io.stdout(helpText.endsWith('\n') ? helpText : helpText + '\n');
      return 0;
    }
  } catch (e) {
    io.stderr(`report-lint：${e instanceof Error ? e.message : String(e)}\n用 report-lint --help 查看用法。\n`);
    return 2;
  }

  try {
    const command = String(args._[0] ?? '');
    const audit = command === 'audit' ? auditFormat(args, argv) : undefined;
    const formatName = audit || command === 'merge' ? 'json' : String(args.format);
    const formatter = formatters[formatName];
    if (command === 'extract' || command === 'parse') {
      // JSON unless asked otherwise; extract also writes CSV
      const allowed = command === 'extract' ? ['stylish', 'json', 'csv'] : ['stylish', 'json'];
      if (!allowed.includes(formatName)) throw new UsageError(`${command} 只能输出 ${command === 'extract' ? 'json 或 csv' : 'json'}（收到「${formatName}」）`);
    } else if (!formatter) throw new UsageError(`不认识的输出格式「${formatName}」，可用：${Object.keys(formatters).join('、')}`);
    const cliRules: Record<string, SeveritySetting | RuleSetting> = ruleSettings(args.rule === undefined ? undefined : [args.rule as string | string[]].flat());
    const reportFormat = args['report-format'] as string | undefined;
    const encoding = args.encoding as string | undefined;
    const outputFile = args['output-file'] as string | undefined;
    if (outputFile === '') throw new UsageError('--output-file 需要一个文件路径');
    // --output-file is checked before anything is linted (it must not be an input; it must be writable)
    let output: OutputTarget | undefined;
    const openOutputFor = (inputs: string[]) => {
      if (outputFile !== undefined) output = openOutput(resolve(io.cwd, outputFile), inputs);
    };
    const emit = (text: string) => (outputFile === undefined ? io.stdout(text) : (output ?? openOutput(resolve(io.cwd, outputFile), [])).write(text));
    const noConfig = (args.config as unknown) === false || argv.includes('--no-config');
    const configFile = typeof args.config === 'string' && !noConfig ? args.config : undefined;
    const fixing = fixOptions(args);
    const directives = directiveOptions(args);
    // what a file is linted with; plain data, so that worker threads make the same
    const runSettings: RunSettings = {
      cwd: io.cwd,
      configFile,
      noConfig,
      cliRules,
      quiet: Boolean(args.quiet),
      reportFormat,
      encoding,
      directives,
      ...(fixing ? { fixing } : {}),
      keepSource: Boolean(formatter?.showsSource),
    };
    const runEnv = new RunEnv(runSettings);
    // what is in force for a file: its configuration, then --rule, then --quiet
    const session = runEnv.session;

    if (args['print-config'] !== undefined) {
      io.stdout(JSON.stringify(await session.describe(resolve(io.cwd, String(args['print-config']))), null, 2) + '\n');
      return 0;
    }
    if (command === 'lsp') {
      const server = await import('../lsp/server.js');
      return server.runLanguageServer({ rules: cliRules, format: reportFormat, quiet: Boolean(args.quiet), cwd: io.cwd, configFile, noConfig, ...directives });
    }

    if (command === 'web') {
      const port = Number(args.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        // as written (yargs has made a word NaN)
        const at = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
        const raw = at < 0 ? String(args.port) : argv[at].startsWith('--port=') ? argv[at].slice(7) : String(argv[at + 1]);
        throw new UsageError(`--port 应为 0–65535 的整数（收到「${raw}」）`);
      }
      const web = await import('./web.js');
      return web.runWebServer({ port, open: Boolean(args.open), stdout: io.stdout, stderr: io.stderr });
    }

    if (command === 'merge') {
      const ctx: FormatterContext = { cwd: io.cwd, colorLevel: outputFile === undefined || args.color !== undefined ? colorLevel(args.color as boolean | undefined, io) : 0, rules: ruleMap([BUILTIN_PLUGIN]), env: io.env };
      const formatGiven = argv.some((a) => a === '--format' || a === '-f' || a.startsWith('--format='));
      const merged = runMerge((args.files as string[] | undefined) ?? [], { cwd: io.cwd, format: String(args.format), formatGiven, ctx });
      emit(merged.output);
      return merged.code;
    }

    if (command === 'extract') {
      const targets = await expandPaths((args.files as string[] | undefined) ?? [], extensions, io.cwd);
      if (!targets.length) throw new UsageError(`在「${((args.files as string[]) ?? []).join('、')}」中没有找到报告文件（${extensions.filter((e) => e !== 'markdown').map((e) => '.' + e).join('、')}）`);
      const items: Array<{ parsed: ParsedReport; extracted: Extracted }> = [];
      let failed = false;
      for (const t of targets) {
        if (t.error) {
          io.stderr(`report-lint：${t.path}：${t.error}\n`);
          failed = true;
          continue;
        }
        const { env, ignored } = await session.forFile(t.path);
        if (ignored && !t.explicit) continue;
        const name = relative(io.cwd, t.path) || t.path;
        try {
          const input = await readInput(t.path, encoding);
          const parsed = parseText(input.text, name, { format: reportFormat ?? env.format, formats: env.formats, dictionary: env.dictionary, kind: input.kind });
          items.push({ parsed, extracted: extractValues(parsed, name) });
        } catch (e) {
          io.stderr(`report-lint：${name}：${readErrorMessage(e)}\n`);
          failed = true;
        }
      }
      if (formatName === 'csv') emit(extractCsv(items));
      else {
        // one file named: its values; several files or a folder: a list
        const single = targets.length === 1 && (args.files as string[]).length === 1 && targets[0].explicit;
        emit(JSON.stringify(single && items.length === 1 ? items[0].extracted : items.map((i) => i.extracted), null, 2) + '\n');
      }
      return failed ? 2 : 0;
    }

    if (command === 'parse') {
      const file = String(args.file);
      openOutputFor([resolve(io.cwd, file)]);
      let parsed: ParsedReport;
      const { env } = await session.forFile(resolve(io.cwd, file));
      try {
        const input = await readInput(file, encoding);
        parsed = parseText(input.text, file, { format: reportFormat ?? env.format, formats: env.formats, dictionary: env.dictionary, kind: input.kind, place: input.place });
      } catch (e) {
        io.stderr(`report-lint：${file}：${readErrorMessage(e)}\n`);
        return 2;
      }
      // the AST, and per table of the format how many of its rows and cells were found
      emit(JSON.stringify({ ...parsed.report, coverage: coverageOf(parsed) }, null, 2) + '\n');
      return 0;
    }

    const paths = (args.paths as string[] | undefined) ?? [];
    const stdinName = args['stdin-filename'] as string | undefined;
    if (stdinName !== undefined && !args.stdin) throw new UsageError('--stdin-filename 只能与 --stdin 一起使用');
    if (args.stdin && paths.length) throw new UsageError(`使用 --stdin 时不能再给出文件（收到「${paths.join('、')}」）`);
    if (args.stdin && stdinName === '') throw new UsageError('--stdin-filename 需要一个文件名');
    if (args.stdin && fixing && !fixing.dryRun) throw new UsageError('--fix 不能与 --stdin 一起使用（没有文件可以写回）；要看修正后的全文，用 --fix-dry-run --format json');
    if (!args.stdin && !paths.length) throw new UsageError('请给出要检查的文件或文件夹，例如：report-lint samples/');
    const targets = args.stdin ? [] : await expandPaths(paths, extensions, io.cwd);
    if (!args.stdin && !targets.length) throw new UsageError(`在「${paths.join('、')}」中没有找到报告文件（${extensions.filter((e) => e !== 'markdown').map((e) => '.' + e).join('、')}）`);
    openOutputFor(targets.filter((t) => !t.error && !t.skipped).map((t) => t.path));

    // every configuration is loaded and validated before any file is linted
    const setups: Array<Awaited<ReturnType<Session['forFile']>> | undefined> = [];
    const knownRules = new Map<string, RuleModule>(ruleMap([BUILTIN_PLUGIN]));
    for (const t of targets) {
      const fs = t.error ? undefined : await session.forFile(t.path);
      if (fs) for (const [id, r] of fs.rules) knownRules.set(id, r);
      setups.push(fs);
    }

    // --shard i/n: this run lints its share of the files (the cross-year summaries still cover them all)
    const shard = parseShard(args.shard as string | undefined);
    const mine = shard ? targets.filter((t) => shardOf(t.path, io.cwd, shard.count) === shard.index) : targets;
    // files on worker threads (--concurrency); results in the files' order, as in a serial run
    const threads = resolveConcurrency(args.concurrency as string | undefined, targets.length);
    // --cache: results (and summaries) of unchanged files linted with the same everything (not with --fix)
    const cache = args.cache && !fixing ? LintCache.open(LintCache.location(args['cache-location'] as string | undefined, io.cwd), cacheStrategy(args['cache-strategy']), hash({ v: packageVersion(), s: { ...runSettings, cwd: undefined } })) : undefined;
    const setupByPath = new Map(targets.map((t, i) => [t.path, setups[i]]));
    const history = [args.history as string | string[] | undefined].flat().filter((x): x is string => x !== undefined);
    const aliases = loadAliases(args['agency-aliases'] as string | undefined, io.cwd);
    const pool = threads > 1 ? workerPool(threads) : undefined;
    const filesRun: FilesRun = { runEnv, settings: runSettings, pool, cache, configOf: (p) => setupByPath.get(p) };

    // cross-year rules: the reports' summaries gathered first and paired by agency and year
    const peerIndex = await crossYearIndex({
      files: targets.filter((t, i) => !t.error && !t.skipped && setups[i] && !setups[i]!.ignored).map((t) => t.path),
      envs: setups.map((s) => s?.env),
      settingsFor: (path) => {
        const s = setupByPath.get(path);
        return s ? { formats: s.env.formats, dictionary: s.env.dictionary, format: reportFormat ?? s.env.format } : undefined;
      },
      history,
      aliases,
      encoding,
      cwd: io.cwd,
      stderr: io.stderr,
      keepAll: Boolean(audit),
      summarizeMany: (paths: string[], al?: Map<string, string>) => summarizeFiles(filesRun, paths, al),
    }).catch(async (e) => {
      await pool?.close();
      throw e;
    });

    const results: LintResult[] = [];
    if (args.stdin) {
      // named as ESLint's --stdin-filename: relative to the working directory; its extension decides how the text
      // is read, its folder the configuration (the working directory's without a name)
      const filePath = stdinName === undefined ? '<text>' : resolve(io.cwd, stdinName);
      const fs = await session.forFile(resolve(io.cwd, stdinName ?? '<text>'));
      for (const [id, r] of fs.rules) knownRules.set(id, r);
      const opts = { filePath, format: reportFormat, encoding, ...directives, ...(fixing ? { fix: true, fixTypes: fixing.fixTypes } : {}) };
      results.push(stdinName !== undefined && fs.ignored ? ignoredResult(filePath) : await lintStdin(io, fs.env, opts));
    }
    const progress = mine.length >= 10 && io.stderrIsTTY && !io.env.CI ? new Progress(mine.length, io.stderr) : undefined;
    try {
      for (const r of await lintFiles(filesRun, mine, peerIndex, (done) => progress?.tick(done))) if (r) results.push(r);
      cache?.save();
    } finally {
      await pool?.close();
    }
    progress?.done();
    // --quiet: warnings are not shown, also those an error rule gave at a lower severity
    if (args.quiet) {
      for (let i = 0; i < results.length; i++) {
        const r = results[i];
        if (r.warningCount || r.infoCount) results[i] = { ...r, ...result(r.filePath, r.messages.filter((m) => m.severity === 2), r.source) };
      }
    }

    // a file gets no colour unless --color asks for it
    const color = outputFile === undefined || args.color !== undefined ? colorLevel(args.color as boolean | undefined, io) : 0;
    const ctx: FormatterContext = { cwd: io.cwd, colorLevel: color, rules: knownRules, env: io.env };
    emit(audit ? renderAudit(audit, results, peerIndex, knownRules) : formatter(results, ctx));

    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    const fatal = results.some((r) => r.fatalErrorCount > 0);
    code = fatal ? 2 : errors > 0 ? 1 : 0;
    const max = args['max-warnings'] as number | undefined;
    if (max !== undefined && max >= 0 && warnings > max && code === 0) {
      io.stderr(`report-lint 发现 ${warnings} 个警告，超过了 --max-warnings 规定的 ${max} 个。\n`);
      code = 1;
    }
    return code;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof OutputError || e instanceof CrossYearUsageError || e instanceof ConcurrencyError || e instanceof CacheError || e instanceof ShardError || e instanceof MergeError) {
      io.stderr(`report-lint：${e.message}\n`);
      return 2;
    }
    io.stderr(`report-lint 内部错误：${e instanceof Error ? e.message : String(e)}\n请把这条信息和出错的文件报告给开发者。\n`);
    return 2;
  }
}

async function lintStdin(io: Io, env: LintEnv, opts: LintFileOptions & { filePath: string }): Promise<LintResult> {
  let bytes: Uint8Array;
  try {
    if (!io.readStdin) throw new Error('没有标准输入');
    bytes = await io.readStdin();
  } catch (e) {
    return fatalResult(opts.filePath, `标准输入${readErrorMessage(e)}`);
  }
  return lintBytes(bytes, opts.filePath, env, opts);
}

/** --fix, --fix-dry-run, --fix-type → options of fixFile; undefined when not fixing */
function fixOptions(args: Record<string, unknown>): { dryRun: boolean; fixTypes?: Array<'problem' | 'suggestion' | 'layout'> } | undefined {
  const fix = Boolean(args.fix);
  const dry = Boolean(args['fix-dry-run']);
  // a string option, repeatable: an array option would take the file names after it for types
  const given = args['fix-type'] as string | string[] | undefined;
  const list = given === undefined ? undefined : [given].flat().flatMap((x) => String(x).split(/[,，、]/)).map((x) => x.trim()).filter(Boolean);
  if (fix && dry) throw new UsageError('--fix 与 --fix-dry-run 不能同时使用：要写回文件用 --fix，只看结果用 --fix-dry-run');
  if (list && !fix && !dry) throw new UsageError('--fix-type 要与 --fix 或 --fix-dry-run 一起使用');
  const types = ['problem', 'suggestion', 'layout'];
  for (const t of list ?? []) if (!types.includes(t)) throw new UsageError(`--fix-type 的值「${t}」无效，应为 ${types.join('、')}`);
  if (!fix && !dry) return undefined;
  return { dryRun: dry, ...(list ? { fixTypes: list as Array<'problem' | 'suggestion' | 'layout'> } : {}) };
}

/** --report-unused-disable-directives[-severity], --require-reason → lint options */
function directiveOptions(args: Record<string, unknown>): { reportUnusedDisableDirectives?: SeveritySetting; requireReason?: boolean } {
  const out: { reportUnusedDisableDirectives?: SeveritySetting; requireReason?: boolean } = {};
  if (args['report-unused-disable-directives']) out.reportUnusedDisableDirectives = 'error';
  const sev = args['report-unused-disable-directives-severity'] as string | undefined;
  if (sev !== undefined) {
    const setting = parseSeverity(sev);
    if (setting === undefined) throw new UsageError(`--report-unused-disable-directives-severity 的值「${sev}」无效，应为 off、warn 或 error`);
    out.reportUnusedDisableDirectives = setting;
  }
  if (args['require-reason']) out.requireReason = true;
  return out;
}

/** --rule id:severity, repeatable; plugin ids contain a slash, so the severity is after the last colon. */
function ruleSettings(list: string[] | undefined): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const item of list ?? []) {
    for (const part of item.split(',')) {
      const at = part.lastIndexOf(':');
      if (at <= 0) throw new UsageError(`--rule 的写法是「规则:off|warn|error」，例如 --rule cell-empty:off；收到「${part}」`);
      const id = part.slice(0, at).trim();
      const sev = part.slice(at + 1).trim();
      const setting = parseSeverity(sev);
      if (setting === undefined) throw new UsageError(`--rule ${part}：严重程度「${sev}」无效，应为 off、info、warn 或 error`);
      out[id] = setting;
    }
  }
  return out;
}

function colorLevel(flag: boolean | undefined, io: Io): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (flag === true) return Math.max(1, chalk.level) as 1 | 2 | 3;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return (n >= 1 && n <= 3 ? n : 1) as 1 | 2 | 3;
  }
  if (io.env.NO_COLOR) return 0;
  if (!io.stdoutIsTTY) return 0;
  return (chalk.level || 1) as 1 | 2 | 3;
}

