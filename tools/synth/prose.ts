/** The running text: agencies, the sentences of sections 一 and 五, and how paragraphs are written. */
import type { Ctx } from './grid.js';
import type { Rng } from './rng.js';
import type { Writer } from './writer.js';

export const PLACES = ['青山', '东湖', '白沙', '临江', '云岭', '石桥', '南屏', '北川', '金溪', '长宁', '松阳', '梅林', '桐柏', '安平', '清河', '永兴'];
export const KINDS = ['区', '县', '市'];
export const BUREAUS = ['统计局', '人力资源和社会保障局', '市场监督管理局', '自然资源局', '生态环境局', '交通运输局', '卫生健康委员会', '教育局', '民政局', '司法局', '住房和城乡建设局', '农业农村局', '人民政府办公室', '商务局', '文化和旅游局', '应急管理局'];

const S1_TOPICS = [
  '主动公开情况',
  '依申请公开情况',
  '政府信息管理情况',
  '政府信息公开平台建设情况',
  '监督保障情况',
];
const S1_SENTENCES = [
  '坚持以公开为常态、不公开为例外，围绕中心工作和群众关切，及时准确发布工作动态、政策文件和统计数据',
  '进一步完善政府信息公开审核发布机制，落实“先审后发”和“三审三校”制度，确保发布信息内容准确、表述规范',
  '严格执行保密审查制度，对拟公开的政府信息逐条进行保密审查，杜绝涉密信息上网',
  '依托政府门户网站政府信息公开专栏，按照统一的栏目设置及时更新机构职能、政策文件、规划计划等内容',
  '畅通依申请公开受理渠道，规范登记、审核、办理、答复、归档等各环节工作流程',
  '对申请人提出的政府信息公开申请，严格按照法定时限和程序予以答复，答复文书格式规范、依据充分',
  '组织开展政府信息公开业务培训，提升工作人员依法公开的意识和能力',
  '加强政策解读工作，对出台的重要政策文件同步制作图文解读，便于公众理解',
  '积极回应社会关切，对涉及群众切身利益的热点问题及时发布权威信息',
  '持续做好政务新媒体管理，规范账号开设、内容发布、互动回应等工作，全年未发生舆情事件',
  '将政务公开工作纳入年度目标考核，明确分管领导和具体经办人员，形成一级抓一级、层层抓落实的工作格局',
  '定期对政府网站进行巡查，及时更新过时信息，修正错误链接，确保网站平稳运行',
  '完善政府信息公开指南和公开目录，方便公众查询和申请',
  '建立政府信息公开工作台账，对主动公开、依申请公开和信息管理情况按月进行统计分析',
  '主动接受社会监督，在门户网站公布监督举报电话和电子邮箱，全年未收到相关举报',
  '对照上级政务公开工作要点，逐项细化任务分工，明确责任科室和完成时限',
];
const S5_PROBLEMS = [
  '政府信息公开的及时性、全面性还有待进一步提高',
  '政策解读的形式较为单一，图解、视频等多样化解读比例不高',
  '工作人员多为兼职，业务能力与新形势新要求相比还有一定差距',
  '公开内容与群众需求的契合度还不够高，部分栏目更新不够及时',
  '依申请公开答复的规范化水平仍需提升',
  '政务新媒体互动回应的时效性有待加强',
];
const S5_MEASURES = [
  '加强学习培训，组织工作人员深入学习《中华人民共和国政府信息公开条例》，提高依法公开能力',
  '完善工作机制，健全信息发布审核、保密审查、政策解读等制度，推动政务公开工作规范化、标准化',
  '丰富公开形式，综合运用图表图解、音频视频、新闻发布等方式，增强政策解读的针对性和可读性',
  '聚焦群众关切，加大重点领域信息公开力度，及时回应社会关注的热点问题',
  '强化监督检查，定期对政府信息公开专栏进行自查，发现问题及时整改',
  '规范依申请公开办理流程，严格按照法定时限答复，提升答复质量',
];

export function makeProse(ctx: Ctx): Map<string, string[]> {
  const { proseRng: rng, year, values } = ctx;
  const v = (k: string) => values[k];
  const p = new Map<string, string[]>();
  const sentences = (pool: readonly string[], n: number) => rng.shuffle([...pool]).slice(0, n).map((s) => opening(ctx) + s).join('；') + '。';
  const published = rng.int(120, 2600);
  const s1: string[] = [];
  // with a prose seed the text must not depend on the format (a copy across the 2021 format change is still a copy)
  const topics = S1_TOPICS.slice(0, ctx.format.short >= '2021' || ctx.opts.proseSeed !== undefined ? 5 : rng.int(3, 5));
  topics.forEach((topic, i) => {
    let body = sentences(S1_SENTENCES, rng.int(2, 3));
    if (i === 0) body = `${year}年，全年通过政府门户网站等渠道主动公开政府信息${published}条。` + body;
    if (i === 1 && v('T3.r1.total') !== undefined) {
      body =
        `${year}年，共收到政府信息公开申请${v('T3.r1.total')}件，上年结转${v('T3.r2.total') ?? 0}件，` +
        `已办结${v('T3.r3_7.total') ?? 0}件，结转下年度继续办理${v('T3.r4.total') ?? 0}件。` +
        body;
    }
    s1.push(`${enumerator(i)}${topic}。${body}`);
  });
  p.set('s1', s1);
  p.set('s2', [`${year}年主动公开政府信息情况如下。`]);
  p.set('s3', [`本年度收到和处理政府信息公开申请的情况如下表所示。`]);
  const rv = v('T4.n.rv_total');
  const lit = (v('T4.n.ld_total') ?? 0) + (v('T4.n.la_total') ?? 0);
  p.set('s4', [rv !== undefined ? `本年度因政府信息公开工作被申请行政复议${rv}件，被提起行政诉讼${lit}件。` : '本年度政府信息公开行政复议、行政诉讼情况如下。']);
  p.set('s5', [
    `${year}年，本机关政府信息公开工作取得了一定成效，但也存在一些不足：一是${rng.pick(S5_PROBLEMS)}；二是${rng.pick(S5_PROBLEMS)}。`,
    `下一步，我们将重点做好以下工作：${sentences(S5_MEASURES, 3)}`,
  ]);
  const fee = rng.chance(0.7) ? '本年度未收取信息处理费。' : `本年度依据《政府信息公开信息处理费管理办法》收取信息处理费${rng.int(1, 3)}件，共计${rng.int(1, 9) * 100}元。`;
  p.set('s6', [fee]);
  return p;
}

export function fillerParagraph(ctx: Ctx, section: string): string {
  const pool = section === 's5' ? S5_MEASURES : S1_SENTENCES;
  return ctx.proseRng.shuffle([...pool]).slice(0, 4).map((s) => opening(ctx) + s).join('；') + '。';
}

/** With a prose seed, each sentence opens with a phrase drawn for it: years written anew share few sentences. */
function opening(ctx: Ctx): string {
  if (ctx.opts.proseSeed === undefined) return '';
  const r = ctx.proseRng;
  return `${r.pick(OPEN_A)}${r.pick(OPEN_B)}，`;
}

const OPEN_A = ['围绕', '聚焦', '结合', '对照', '立足', '紧扣', '针对', '按照', '依托', '着眼', '落实', '服务'];
const OPEN_B = [
  '优化营商环境', '乡村振兴', '“放管服”改革', '年度工作要点', '群众办事需求', '重点领域信息公开', '基层政务公开标准化', '政策解读工作',
  '数字政府建设', '民生保障', '安全生产', '生态环境保护', '疫情防控', '城市更新', '稳就业', '法治政府建设',
];

function enumerator(i: number): string {
  return `（${'一二三四五六七八九十'[i]}）`;
}

export function writeProse(ctx: Ctx, w: Writer, paragraphs: string[], rng: Rng): void {
  for (const para of paragraphs) {
    if (ctx.layout === 'pdf' && para.length > 80 && rng.chance(0.5)) {
      // a page break inside a paragraph: the rest of the word on the next "page"
      const at = rng.int(30, para.length - 20);
      w.put(para.slice(0, at));
      w.nl(2);
      w.put(para.slice(at));
    } else w.put(para);
    w.nl();
    if (ctx.layout !== 'word') w.nl();
  }
}
