"""Whether a line on a form is a note giving the form's amounts in 元 (or another unit than 万元), read as clerks write
it, or other words that name 元: a problem found, a measure, a goal's figure, money paid out, a name or a date.

A note read in silence has 1,000,000 元 scored as 1,000,000 万元; a line refused wrongly stops a correct form with a
message on its cell and the fix. Where a line is neither clearly a note nor clearly other words, it is refused: a clerk
can reword a line, while a figure read 10,000 times too large is silent. What decides is what leads the words (a
problem's lead, a note's lead) before the words themselves.
"""

from __future__ import annotations

import bisect
import re

from .labels import note_text
from .._patterns import compile_later

__all__ = ["BULLET", "MONEY_WORD", "NOTE_LABEL", "NOTE_LEAD", "NOTE_SCOPE", "money_note"]


# a note giving the unit, alone in its cell or beside other words (（2024年度） 金额单位：元), as clerks write it (金额单位 ：元,
# 金额单位为元, 金额单位（元）, 注：本表金额单位：元: QA206 1), numbered or worded as a note's item (注：1.金额单位：元,
# ①金额单位：元, 表中金额单位均为元, 以上金额单位：元: QA208 3), never 实施单位：元宝区…, 单价单位：元 nor 单位：元/吨
# (货币单位, 资金单位, 本表所列金额单位为元, 本表金额以元为单位: QA212 1) (以下, 本项目, 所有金额单位：元: QA220 1).
# The pieces below are the one vocabulary of a note: `money_note` reads a note with them, and forms/funds.py tells the
# notes under the indicator block from its last row with them.
#: Whose amounts a note speaks of: 本表, 表中, 以上… and 所有, 全部, 涉及, each with 的 or not (本表中的金额, 表中所有金额,
#: 本表涉及金额: QA225 2).
NOTE_SCOPE = (r"(?:(?:本表中|本表所列|本表内|本(?:自评)?表|表格?中|表内|上表|该表|此表|以上|上述|以下|本项目"
              # the form or the whole set of them, named otherwise: 本表格, 全表, 各表, 本套表, 本页, 报表, 本绩效自评表,
              # 本表及附表中, 表一至表三, 《项目支出绩效自评表》, 以上各栏 (QA247 H1); never one table of others' (乡镇报表,
              # 部分明细表)
              r"|(?:(?:本|全|各|该|此|上|整|以下各|以上各|其余各)套?(?:(?:项目支出)?绩效(?:自评|评价)|自评)?(?:表格?|报表|页|栏)"
              r"|(?:(?:项目支出)?绩效(?:自评|评价)|自评)(?:表格?|报表)|表格|报表|页|栏"
              r"|《[^《》\n]{1,20}》|表[一二三四五六七八九十\d]{1,2}至表[一二三四五六七八九十\d]{1,2})"
              r"(?:[及和与](?:各?附表|附件|下表))?(?:中|内|所列|各栏)?)的?)?"
              r"(?:(?:所有|全部|涉及|各项|各栏|填报|所填|所涉|列示|上报|填写)的?){0,2}")
#: The amounts' word: 金额, 货币, 资金, and 预算金额 (QA225 2).
MONEY_WORD = (r"(?:(?:预算|支出|收入)?(?:金额|货币|资金|经费)(?:数额|数)?"  # (资金数额单位：元: QA236)
              r"|数额|款项|(?:全年)?(?:预算|执行)数)(?:栏|列)?")  # (数额, 款项, 执行数, 金额栏: QA247 H5)
#: The label giving the unit: 金额单位, 金额的单位 (QA225 2), 货币单位, 资金单位, 数据单位, 计量单位, 金额计量单位, 单位.
NOTE_LABEL = (rf"(?:{NOTE_SCOPE}(?:(?:(?:项目|财政|专项|报送|填报|申报)?{MONEY_WORD}|数据|数字|数值)的?)?(?:计量)?单位"
              r"|(?:币种|货币种类)(?:[及和与]?(?:计量)?单位)?)")
#: The words a note may be led by: 注, 附注, 备注, 说明, 填表说明, and 特别说明, 其他说明, 编制说明, 提示 (QA225 2).
NOTE_LEAD = r"(?:附|备)?注(?:意|释)?|(?:填表|填报|特别|其他|编制|备注)?说明|(?:特别)?提示|填表须知|附(?=\s*+:)"
#: A bullet glued before a note: ※金额单位：元, *…, •…, -… (QA225 2).
_BULLETS = r"※*•·・\-—●○◎◦■□▪◆◇❖★☆▲△►▶➢➤→☞√✔#"
BULLET = rf"[{_BULLETS}]"
#: Where a note's words start: the cell's start, after a space, a punctuation mark, an opening bracket (【金额单位：元】,
#: 〔…〕, […]: QA223 3), a bullet (QA225 2) or a note's number (注：1.金额单位：元); never inside a word (实施单位,
#: 报销凭证金额单位).
_NOTE_START = rf"(?:^|(?<=[\s,;、():.。【】〔〕〖〗《》«{{\[\]“‘\"'「『是{_BULLETS}\d]))"
_NOTE_UNIT = rf"{_NOTE_START}{NOTE_LABEL}"
#: What joins 单位 to its unit: ：, 为, 均为, 是, a dash (金额单位——元), or a space alone (金额单位 元: QA223 3). Spaces are
#: read possessively (*+, ++) here and below: a cell of spaces is read once, never again from each of them.
_SAYS = (r"\s*+(?:(?:已经?)?(?:[由从]\s*+[“\"]?万元[”\"]?\s*+)?(?:均|都|统一|一律|全部)?(?:调整|改|变更|更改)?"
         r"(?:为|是|采用|使用|用|成|按)\s*+:?"
         r"|[:,;]|[—–\-/]+|(?<=\s)|(?=元))\s*+")
#: 人民币 before the unit, with a colon or not (金额单位：人民币元, 币种 人民币：元).
_RMB = r"(?:(?:人民币|RMB)\s*+[:/]?\s*+|\(人民币\)\s*+)?"
#: The unit, captured: 人民币 before or after it (金额单位：元人民币: QA223 3), in a bracket (单位：（元）, 单位：人民币（元）)
#: or quotes (金额单位为“元”: QA225 2). Only the unit is captured in `_NOTE`: `money_note` takes its first group found.
_YUAN = (rf"{_RMB}(?:\(\s*+{_RMB})?[“\"‘「『《]?((?:千|万|百万|千万|亿)?元)整?[”\"’」』》]?(?:\s*+\))?(?:人民币)?")
#: Money's smaller units listed after 元, as clerks separate them: 元、角、分, 元，角，分, 元 角 分, 元/角/分, 元·角·分, 元角分.
#: Possessive (++): the whole list is read, never a part of it followed by the rest.
_LISTED = r"(?:(?:\s*+[,、/·・]\s*+|\s++)?[角分])++"
#: What may follow a note: the cell's end, a space, a punctuation mark, a bracket or a footnote's mark (元*: QA225 2).
_MARK = r"[,;:、。.!?()\[\]【】〔〕〖〗《》«»{}」』”’*※]"
_END = rf"(?=$|\s|{_MARK}|而非|而不是|不为|不是|不变)"  # (本表金额单位是元而非万元: QA234, …元不为万元: QA236)
#: After the unit: a list of money's units (金额单位：元、角、分), or what may follow a note. Words right after the list
#: are a problem found only in the middle of a sentence (money_note).
_AFTER_UNIT = rf"(?:{_LISTED}|(?!{_LISTED}){_END})"
#: Words right after a list of money's units: 元、角、分填写不规范, or a note going on, 元，分值单位：分 (QA225 1).
_WORDS_AFTER = compile_later(rf"\s*+(?!$|{_MARK})")
#: A note's words in the middle of a sentence, after other words and a comma: 1.部分报销凭证，金额单位：元、角、分填写不规范
#: is a problem found (QA217 3, QA220 2, QA223 1), while at a cell's start, after 注： or a space, 金额单位：元，分值单位：分
#: and 金额单位：元，角、分四舍五入 are notes (QA225 1).
_MID_SENTENCE = compile_later(r"[^\W\d_][,、]\s*$")
_ATTACHED = compile_later(r"(?:[^)]{0,8}?\))?(?:(?!下同|如下|详见|见下|下表|以下|保留|四舍五入|其中|全表|各表|后同|余同|同上)"
                          r"[^\W\d_]"
                          r"|[^\S\n]*+[:≥≤≧≦<>=≈~—\-]*+[^\S\n]*+(?:达到|约|不低于|不少于|超过)?[^\S\n]*+"
                          r"[\d一二三四五六七八九十百千万])")
#: Words after the bracket that say how a note's amounts are written, but of a rate (人均增收（单位：元）不含转移性收入:
#: QA236 M8): 完成年度任务（单位：元）含税, …精确到分 (QA234).
_WRITTEN_AFTER = compile_later(r"[^)]{0,8}?\)\s*+(?:精确|小数|含税|不含|数据来源)")
#: A rate's figure on the line after it: 户均增收（单位：元）\n1500 (QA236 M9).
_NEXT_LINE_FIGURE = compile_later(r"(?:[^)]{0,8}?\))?\s*+[:=]?\s*+\d")
#: The form's own title before a bracketed unit: 项目支出绩效自评表（单位：元） (QA234), not 补助资金发放明细表 (QA236 M10).
_FORM_TITLE = compile_later(r"(?:自评表|绩效[^\W\d_]{0,8}表|评价表)\Z")
#: Money paid out in 元, right after 以元为单位 or 以元计 outside a note: 补助资金以元为单位发放到户, 资金以元计发放1200户,
#: 以元计，按月发放 (a goal's words, QA226 1, QA229 5); not 以元为单位，拨付数据来源于… (QA229 3).
_PAID = compile_later(r"算?(?:\s*+(?:全部|精确|精准|逐笔|足额|按月|按季|按年|直接|及时|进行|通过[^,;。!?\s]{0,8}?)?"
                      r"(?:发放|拨付|计发|兑付|兑现|支付|核发|发到|打卡|转入|打入|存入|汇入|发至|算?到(?:户|人)"
                      r"|(?:核算|核定|计算|补助|补贴)到(?:户|人)))")
#: 均 beginning a rate's word after a count's unit (950000户均增收, 人均收入, 亩均单产, 户均收益: money per head), never 均
#: saying all of them did (1200户均已到账, 1200户均收到补贴: QA250, QA252, QA254 H2).
_RATE_OF = (r"均(?!已|享|收到|获(?!补)|得到|为|是|在|由|按|能|可(?!支配)|有|需|须|未|完成|实现|达|签|纳入|参|通过|及时|足额"
            r"|全部|按时|脱贫|稳定|受益|持证|建立|通(?:过|电|水|路|网)|(?:发放|落实|配备|安装|搬迁)(?!费|补|资金|金额|经费|标准))"
            r"[^\W\d_]")
#: A count's unit after its figure (1200户, 1.2万人, 1200 户): never the first character of another word (950000人民币,
#: 人员经费, 项目支出, 个人所得税, 所需, 家庭农场, 名优, 村级, 台账, 户籍…: QA244, QA250, QA254 H1).
_COUNT = (rf"(?:余|多)?(?:万|千)?(?:余|多)?(?:户次|户(?!籍|口|外|用|厕|{_RATE_OF})|人次"
          rf"|人(?!民|居|员|工|才|事|力|口|{_RATE_OF})|个(?![别人体税案])|项(?!目)|次|亩(?!产|{_RATE_OF})|村(?!集|级|委|容|务|庄|{_RATE_OF})|所(?!需|得|有|辖|属|在|以|用)"
          r"|家(?!庭|家|具|属|政|门口|电)|名(?!优(?!抚|秀)|列(?!入)|单|额|义|下|称)|座(?!谈|椅)|处(?!理|置|于|在)|天(?!然)"
          r"|吨|公里|平方米"
          r"|米(?!面|粮)|套(?!取)|台(?!账|阶|区)|辆|头(?!部)|只|株|间(?!接)|栋|公顷)")
#: What is counted without a unit: 惠及 1200 农户.
_COUNTED_NOUN = (r"(?:(?:居民|村民|农户|农民|学生|群众|(?:脱贫|贫困|监测)户|老人|儿童)(?![^\W\d_]{0,2}(?:补|费|资金|金额|经费))"
                 r"|(?:家庭|个人)(?![^\W\d_]))")  # (惠及 1200 家庭; never 合计 950000 农户补贴: QA257 H1, H3)
#: The verbs of counting: a figure they lead, a space or none between, is a count when a count's unit or what is
#: counted follows it, whatever words follow then (惠及 1200 户脱贫户, 带动 1200 户增收, 建成 5000 亩高标准农田, 聘用 10
#: 名护林员: QA246 M1, QA247 M3, QA252 M1); any other figure is a count only before nothing but its unit (1200户, 1200 户),
#: and money before a word (950000 人居环境…, 950000 所辖乡镇…: QA250, QA252 H1).
_COUNTING = ("惠及", "带动", "覆盖", "受益", "新建", "建成", "建设", "改造", "修建", "扩建", "修缮", "新增", "完成", "流转",
             "资助", "聘用", "培训", "扶持", "帮扶", "涉及", "服务", "吸纳", "解决", "安置", "救助", "慰问", "走访", "实施",
             "开展", "组织", "举办", "招聘", "辐射", "发展", "发放到", "其中", "共")
_LED = "|".join(f"(?<={verb})" for verb in _COUNTING)
_NOT_LED = "".join(f"(?<!{verb})" for verb in _COUNTING)
#: Between a verb of counting and its figure, words that leave it the figure's: 惠及全县 1200 户, 惠及了, 共计 (QA254 M1);
#: dropped, with the spaces, before the figure is read.
_GAP = r"(?:了|全县|全市|全区|全乡|全镇|全村|辖区|农村|农户|群众|脱贫户|贫困户|村民|计|约|近|超过)"
_LED_GAP = compile_later(rf"({'|'.join(_COUNTING)}){_GAP}?[^\S\n]++(?=\d)|({'|'.join(_COUNTING)}){_GAP}(?=\d)")
#: A figure as written: 1200, 1,200, 1.5.
_DIGITS = r"(?>\d{1,3}(?:,\d{3})++(?![\d,])|\d++)(?:\.\d++)?+"  # (atomic: never 1 of 1,200 read alone)
#: A figure that is money, in the words after a bracketed unit: not a count, a share or a date.
_MONEY_FIGURE = (rf"(?<![\d.])(?<!\d,)(?=\d)(?:{_NOT_LED}{_DIGITS}(?![%\d.年月日]|{_COUNT}"
                 rf"|[^\S\n](?:{_COUNT}(?![^\W\d_])|个(?![别人体税案])))"
                 rf"|(?:{_LED}){_DIGITS}(?![%\d.年月日]|[^\S\n]?(?:{_COUNT}|{_COUNTED_NOUN})))")
#: Money paid after a money word's bracketed unit: 补助资金（单位：元）发放及时, 专项资金（单位：元）已全部下达, 项目资金
#: （单位：元）拨付及时率100% (QA232 M4, QA234 M1): that word's, in a sentence.
_DONE_HOW = r"(?:已|均已|已经|全部|全额|足额|及时|按时|按期|按标准|通过[^\W\d_]{1,5}?|打卡)"
_DONE = compile_later(rf"[^)]{{0,8}}?\)\s*+(?:{_DONE_HOW}*+(?:发放|拨付|下达|支付|兑付|兑现|到位|使用)"
                      r"(?:及时|到位|到户|到人|完毕|完成|滞后|准确|进度|规范|后|率)"
                      rf"|{_DONE_HOW}++(?:发放|拨付|下达|支付|兑付|兑现|到位))"
                      # but never giving the money after it: 全年预算（单位：元）已下达1000000, …全部到位，合计1000000 (QA236 H1)
                      # (a rate or a count is no money: 拨付及时率100%, 惠及农户1200户: QA238 M1)
                      # (nor a date: 2024年12月, 1200余户, 1.2万人: QA239 M1, M2)
                      # (the unit right after the figure, never on the next line: …950000\n年度目标全部完成, QA240 H1)
                      # (a space before it: 惠及农户 1200 户; a count in numerals, not money: 两百余户, 两百万人民币: QA242)
                      rf"(?![\s\S]{{0,60}}?(?:{_MONEY_FIGURE}"
                      r"|[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾][百千万亿佰仟拾]"
                      r"(?![万千亿]?(?:余|多)?(?:[户个次亩村所家名]|人(?!民币)|项(?!目)))))", needs=")")
#: Whose money a note says is paid out in 元: 注：补贴以元为单位发放到户 the subsidy's, 注：金额以元为单位发放 the form's
#: amounts' (QA233 H3, QA234 M2).
_PAID_SUBJECT = compile_later(r"(?:各项|各类)?[^\W\d_]{0,10}?(?:补贴|奖补|补助|奖励|救助|补偿|资助|抚恤)[^\W\d_]{0,4}?"
                              r"(?:为[^。;!?\n、]*)?")  # (注：资金以元为单位拨付: the form's, QA234)
#: An item's number before a note's subject: 注：1.补贴资金…, ①…, （1）… (QA238 M2).
_ITEM_MARK = compile_later(r"\A\s*+(?:\(?\d++\s*+[.、)]|[①-⑳]|\(?[一二三四五六七八九十]+[)、])\s*+",
                           needs=").①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳、")
_SUBSIDY = r"(?:补贴|奖补|补助|奖励|救助|补偿|资助|抚恤)"
_NOT_A_SUBSIDYS = "".join(f"(?<!{s})" for s in ("补贴", "奖补", "补助", "奖励", "救助", "补偿", "资助", "抚恤"))
#: …never beside the form's amounts or a scope: 注：补助资金、执行数均以元为单位拨付, 注：资金（含补贴）以元为单位拨付,
#: 注：以上补助资金以元为单位拨付 (QA236 H2).
_NOT_SUBSIDY = compile_later(r"[、()]|以上|上述|以下|下列|表列|本年度|本项目|该项目|本表|表中|金额|执行|预算|项目资金|总资金|"
                             r"含|来源"
                             # money beside the subsidy, or before it: 资金和补贴, 工程款和补助资金, 资金来源为上级补助
                             # (QA239 H2), but a subsidy's own (补贴资金和奖补资金, 生活补助费和护理补贴: QA240 M1)
                             # (but 取暖费补贴, 投资奖补, 医疗费用救助 are subsidies' names: QA242 M2)
                             rf"|{_NOT_A_SUBSIDYS}(?:(?:资金|款|经费|费|投资)[和及与]|"
                             rf"(?:资金|款|经费|投资|费(?!用?{_SUBSIDY}))[^\W\d_]+?"
                             rf"{_SUBSIDY})")  # (管护费用于补助护林员: QA244 H2)
#: How a note says the unit after its subject: 均以元为单位, 按元计.
_UNIT_SAID = compile_later(r"(?:均|都|一律|全部|统一)?(?:以|按|采用)\s*+[^为计]{0,6}?(?:为(?:计算|计量)?单位|计)\Z")
#: A note going on for what follows (下同) gives the form's unit, whatever it says is paid out: 注：资金以元为单位拨付，下同,
#: 完成投资1000000（金额单位：元，下同） (QA234).
_ONWARD = compile_later(r"(?:[^。;!?\n与]|(?<=参)与|与(?=本表|附表|下表|[^\W\d_]{1,8}?[,、])){0,16}?"
                        r"(?:(?<=下)(?:均|亦|皆)?同(?!步|时|意)|(?<=表)(?:均|亦|皆)?同(?!步|上年|时|意|比|期|往年|[^\W\d_]{0,8}?一致)"
                        r"|(?:(?<=[余后数额金项文栏])(?:均|亦|皆)?|数据)同(?!步|上年|时|意|比|期|往年|口径[^\W\d_]|[^\W\d_]{0,8}?一致)"
                        r"|同此|全表通用|类推)", needs="全同类")  # (下同且与附表一致, 以下各表同口径填列: QA246 H1, H2)
# (与 between the ones paid, 发放到脱贫户与监测户，下同: QA247 H7)
# (以下均同, 全表同, 其余同上, 预算数亦同, 附表同, 全表同口径; not 各乡镇亦同, 其余同上年, 数据同步, 同期增长, 与上年报表同口径,
# 户数同口径比较: QA238 M3, H2, QA239 H1, M5, QA242)
_PAID_NEXT = compile_later(r"算?\s*+,\s*+(?:全部|足额|按月|[按每分]季度?|按年度?|及时|直接)(?:足额|及时)?(?:发放|拨付|兑付|支付)")
#: In a note's words, a unit in 元 given to any of its words is the form's (注：年初预算数、全年预算数、全年执行数单位为元,
#: 注：预算数、执行数均以元为单位: QA227 9), but a figure's own (注：单价单位：元).
_IN_NOTE = compile_later(rf"(?:单位|口径){_SAYS}{_YUAN}{_AFTER_UNIT}|以\s*+{_YUAN}\s*+为(?:计算|计量)?单位"
                         # 预算数、执行数均为元, 均以元计 (QA229 8)
                         rf"|(?:均|都|统一|一律|全部)(?:为|是|采用|以)\s*+{_YUAN}(?:为(?:计算|计量)?单位|计)?{_END}",
                         needs="以元")
#: What leads a problem found, a measure or a deviation's cause: its words are never a note for the form, whatever
#: units they name (存在问题：资金以元为单位拨付到户, 改进措施：资金按元计，发放到户, 偏差原因：资金以元计，存在尾差: QA226 1,
#: QA227 6, 8), but a note of this form's amounts (存在问题：无，本表金额单位为元: QA229 1). A lead begins a word (饮水问题：
#: leads nothing); its words end with their sentence, clause or line, or a note's lead (`_PROBLEM_END`).
_LEAD_START = rf"(?:^|(?<=[\s,;、():.。\d【〔\[{_BULLETS}]))"
_PROBLEM_LEAD = compile_later(_LEAD_START + r"(?:存在的?(?:主要)?(?:问题|不足)|主要问题|问题|不足之处|不足"
                              r"|问题(?:与|和|及)不足|改进(?:措施|建议|意见|方向)|整改(?:措施|情况|意见)"
                              r"|(?:存在的?问题|问题|偏差原因)(?:及|和|与)(?:原因|改进措施|整改措施|建议|措施)"
                              r"|(?:偏差原因|偏差|原因|完成情况|情况|问题)(?:分析)?说明|偏差原因分析(?:及|和|与)改进措施"
                              r"|下一步(?:工作)?(?:措施|计划|打算|安排)?|措施|偏差原因(?:分析)?|原因(?:分析)?|(?:意见)?建议"
                              r"|(?:主要)?(?:经验)?(?:及|和)?做法)(?:\s*+:|\s++)", needs="下不主偏做原存建措改整说问")
#: And what leads a note: its words are the note's, whatever they go on to say (注：金额单位：元，角分四舍五入，合计可能
#: 与分项不一致; 填表说明：…，金额单位：元，不得涂改: QA227 3).
_NOTE_LED = compile_later(rf"{_LEAD_START}(?:{NOTE_LEAD})\s*+\d*+\s*+[:】〕〗)\]]",
                          needs="填提注说附")  # (〔注〕, （注）: QA247 H1)
# (spaces are read at most once each: a cell of 32,000 line breaks is read once, QA229 7)
_ITEM_START = rf"[^\S\n]*+(?:\(?\d++\s*+[.、)]?|\(?[一二三四五六七八九十]+[)、]|{BULLET})"
_NUMBERED = r"[^\S\n]*+(?:\(?\d++\s*+[.、)]|\(?[一二三四五六七八九十]+[)、]|[一二三四五六七八九十]+是)"
_PROBLEM_END = compile_later(rf"[。!?;\n\r\u2028\u2029](?!{_NUMBERED})|(?<!\s)[^\S\n]{{2,}}+|{_LEAD_START}(?:{NOTE_LEAD})\s*+:"
                             # 存在问题：无: no problem's words follow (存在问题：无，金额单位：元，保留两位小数: QA231 2)
                             r"|(?<=:)\s*+(?:无|没有|暂无|未发现)(?=[\s,;、.。(【\[]|\Z)")
_NOTE_END = compile_later(rf"[。!?]|\n(?!{_ITEM_START})|{_PROBLEM_LEAD.pattern}", needs="\n!?。下不主偏做原存建措改整说问")
#: Or the words right after them say what is wrong with them, wherever the line starts: 1.金额单位：元角分不规范,
#: 金额：元、角、分记录不全, 元、角、分漏填. (Not further on: a note goes on 角分四舍五入，合计可能与分项不一致: QA227 3.)
_FAULT = compile_later(r"\s*+[,、]?\s*+(?:填写|填列|填报|记录|书写|使用|标注)?(?:有|存在)?"
                       r"(?:不规范|不全|不完整|不统一|未统一|不一致|有误|错误|混乱|缺失|漏填|漏记|涂改|潦草|不符|不清|不准确|没有|未按|未填)")
#: A bracketed unit right after a word and followed by a word, or by a figure (with a colon or a comparison): that
#: word's, in a sentence or a goal (资金（单位：元）拨付凭证缺失: QA226 2; 户均增收（单位：元）：1500, 运行成本（单位：元）
#: 50000: QA227 5). Not at a line's start nor after a bracket: （单位：元）项目支出绩效自评表, （2024年度）（单位：元）填报日期
#: (QA227 4).
_WORD_END = compile_later(r"[^\W\d_][”\"’」』]?\Z")
#: A note alone in a problem's numbered item: 存在问题：无\n1.金额单位：元 (QA229 1).
_ITEM = rf"\(?\d++\s*+[.、)]|\(?[一二三四五六七八九十]+[)、]|[一二三四五六七八九十]+是|{BULLET}"
_ITEM_BEFORE = compile_later(rf"(?:(?:^|[。;!?\n])[^\S\n]*+(?:{_ITEM})?|[:,\s)][^\S\n]*+(?:{_ITEM}))[^\S\n]*+\Z")
#: What is wrong, further on in an item's clause: 2.金额单位：元，未换算为万元, …应为万元, …与表头不符 (QA231 5).
_WRONG = compile_later(r"[^。;!?\n]{0,20}?(?:未换算|应为|应改为|混用|不符|不一致|出错|有误|错误|不规范|未统一|不统一)")
_ALONE_AFTER = compile_later(r"\s*+(?:\(下同\)|,\s*+下同|\s*+(?:\Z|[。;!?\n]))")  # (下同: a note's word, QA232 H1)
_THIS_FORM = compile_later(r"(?:本表|本自评表|上表|该表|此表|(?<![^\W\d_])(?:表中|表内|表格中))")
#: Money a goal gives: 全年预算, 资金总额, 预算数, 全年执行, 以上资金均 (QA229 8, QA234), not 销售总额 (QA236 M5).
_SPENT = compile_later(r"(?<![均单每])(?:预算数?|执行数?|资金|投资额?|经费|金额|支出|拨款|款项"
                       r"|(?<!销售)(?<!贷款)(?<!担保)(?<!收入)(?<!工资)(?<!产值)(?<!增收)(?<!分红)(?<!利润)(?:总额|规模)"
                       r"|(?<!资本)(?<!社会)(?<!企业)投入)(?:均|都)?\Z", needs="总执投拨支款经规资金预")
#: What a rate is per: a person, a household, a mu, a village, a school, a head of livestock, a ton… never a time (年, 月,
#: 学期, 批, 轮: money per year is a total's, QA234 H1).
_MEASURE = (r"(?:人|户|亩|村|校|生|头|只|床|件|县|乡|镇|场|所|家|位|名|吨|座|处|项|株|棵|套|台|辆|间|公顷|千米|公里|平方米|立方米"
            r"|学生|学校|农户|贫困户|脱贫户|儿童|老人|井|口井|眼井|米|延米|公斤|千克|立方|千瓦|羽|箱|车次|行政村|自然村|社区|合作社"
            r"|班级|岗位|公益岗位|床位|站点|网点|劳动力|人口|贫困人口|村民小组|平方公里|栋|房屋|集体经济组织)")  # (QA236 M6)
#: A rate's money: 亩均投资, 人均补助资金, 每亩投资, 每所学校经费 (QA230 7, QA231 8, QA233 M1), never 均衡发展资金, 每年预算
#: (QA232 H2), 年均投入资金, 每学期经费 nor 资金均为… (QA234 H1).
_RATE = compile_later(rf"(?:(?:{_MEASURE}|次)均(?![衡等匀])|每(?:个|名|所|位|座|家|口|眼|张)?{_MEASURE}|单(?:户|村|个(?:项目)?))"
                      rf"(?:(?!项目(?:总|\Z)|工程|计划|行动|一策)[^\W\d_]){{0,8}}\Z",
                      needs="单均每")  # (not 每户一策帮扶项目: QA238 H3)
_MONEY_LABEL = compile_later(rf"{MONEY_WORD}|本表|表中|表内")
_NOTE = compile_later(rf"{_NOTE_UNIT}{_SAYS}{_YUAN}{_AFTER_UNIT}"
                      rf"|{_NOTE_UNIT}\s*+\(\s*+{_YUAN}\s*+\){_END}"
                      # 以元为单位, 以元计: after the amounts' word wherever it is and whatever follows (本表金额以元为单位,
                      # 以上金额均以元为单位: QA223 3; 金额单位以元计; 本表所示金额以元为单位列示: QA227 1, 2), or at a note's
                      # start with a scope or 数据 or nothing (本表以元为单位, 以上数据均以元为单位, 以元为单位: QA225 2)
                      rf"|(?:{MONEY_WORD}(?:单位)?|{_NOTE_START}{NOTE_SCOPE}(?:(?:数据|数字|数值)(?:单位)?)?)(?:均|都|一律)?"
                      rf"(?:统一)?(?:以|采用)\s*+{_YUAN}\s*+(?:为(?:计算|计量|金额)?单位|计列?|作为(?:金额|计量)?单位|填列|填报|列示)"
                      # 按元填列 (QA226 5)
                      rf"|{_NOTE_START}{NOTE_SCOPE}(?:{MONEY_WORD}(?:单位)?|(?:数据|数字)(?:单位)?)?(?:均|都|一律)?"
                      rf"按照?\s*+{_YUAN}\s*+(?:(?:为单位|计)?(?:填列|填报|填写|计算|列示|列报|核算|编制)|为单位|计列?){_END}"
                      # the word alone before the unit, as a title row gives it: （2024年度） 金额：元 (QA212), or saying
                      # it: 注：本表金额均为元 (QA223 3), 表中所有金额均为人民币元 (QA225 2)
                      rf"|{_NOTE_START}{NOTE_SCOPE}(?:{MONEY_WORD}|数值|数据|数字)(?:\s*+:|(?:均|都|统一|一律|全部)?(?:为|是))\s*+"
                      rf"{_YUAN}{_AFTER_UNIT}", needs="(元按")
#: Spaces inside a label's words, as clerks align it: 单 位：元, 金 额 单 位：元 are read as 单位：元, 金额 单位：元 (QA225 2);
#: words are never joined (部分资金 单位：元 stays a note after a space, 人民币  单位：元 too).
_SPACED_LABEL = compile_later("|".join(rf"(?<={a})[^\S\n]++(?={b})" for a, b in ("金额", "单位", "货币", "资金", "数据", "计量")))


#: A note's words in English, or its unit as a sign, read as the Chinese: 单位: RMB yuan, 金额单位/Unit：元, 金额单位(Unit)：
#: 元, Unit：元, 单位：CNY, 金额单位：￥元, 单位：￥ (QA247 H3); never ¥1000, an amount.
_ENGLISH = compile_later(r"(?i)((?<=单位)\s*+(?:/\s*+unit|\(\s*+unit\s*+\)))|((?<![a-z])unit(?![a-z]))"
                         r"|(?<![a-z])(?:rmb\s*+)?(?:yuan|cny)(?![a-z])|¥\s*+元|¥(?!\s*+\d)|(?<![a-z])rmb(?=\s*+(?:$|[,;.)。]))")


def money_note(text: str, heading: bool = False) -> str | None:
    """The unit of amounts a note gives, where a clerk writes it for the whole form (金额单位：元 beside the 年度, 单位：千元
    right of the funds heading), when it is not 万元; None for a text that only mentions 元 (单元, 元旦, 实施单位：元宝区).
    `heading`: a line above the funds block or beside it, where a unit bracketed after a word is the form's, whatever
    follows (项目资金（单位：元）已全部到位: QA236 H1); under the indicators and in a goal it may be the word's own.

    >>> money_note("（2024年度）   金额单位：元"), money_note("金额单位（千元）"), money_note("注：本表金额单位为元")
    ('元', '千元', '元')
    >>> money_note("注：1.本表金额单位：元；2.…"), money_note("注：①金额单位：元"), money_note("表中金额单位均为元")
    ('元', '元', '元')
    >>> money_note("单位：万元"), money_note("实施单位：元宝区水利局"), money_note("单位：元/吨")
    (None, None, None)
    >>> money_note("（金额单位：元）"), money_note("2.人均补助标准为1200（单位：元）"), money_note("注：1.单价（单位：元）")
    ('元', None, None)
    >>> money_note("2024年度（单位：元）"), money_note("注：项目资金（单位：元）"), money_note("金额（单位：元）")
    ('元', '元', '元')
    >>> money_note("（2024年度）货币单位：元"), money_note("注：本表金额以元为单位")
    ('元', '元')
    >>> money_note("注：1.补助标准（单位：元）；2.金额单位：万元")
    >>> money_note("（2024年度）  金额：元"), money_note("金额：万元"), money_note("项目金额：元"), money_note("金额：元宝区")
    ('元', None, None, None)
    >>> money_note("金额 ：元"), money_note("表中金额：元"), money_note("1.部分报销凭证，金额：元、角、分填写不规范")
    ('元', '元', None)
    >>> money_note("（2024年度）  金额：元，下同"), money_note("注：金额：元，比例：%"), money_note("金额：元（含税）")
    ('元', '元', '元')
    >>> money_note("金额单位：元、角、分"), money_note("1.报销凭证，金额单位：元、角、分填写不规范"), money_note("金额均为元")
    ('元', None, '元')
    >>> money_note("金额单位：元，分值单位：分"), money_note("注：金额单位：元，角分四舍五入")
    ('元', '元')
    """
    normal = _SPACED_LABEL.sub("", note_text(text))
    if _ENGLISH.search(normal):
        normal = _ENGLISH.sub(lambda found: "" if found.group(1) else "单位" if found.group(2) else "元", normal)
    if "元" not in normal:  # (every unit a note gives is in 元: 千元, 万元…)
        return None
    units = []
    # where the words of problems found and of notes run, found once (a cell of 32,000 characters read once: QA227 7)
    problems, notes = _spans(normal, _PROBLEM_LEAD, _PROBLEM_END), _spans(normal, _NOTE_LED, _NOTE_END)
    for found in _NOTE.finditer(normal):
        start = found.start()
        before = normal[max(0, start - 40):start]  # what decides is just before: never the whole cell again
        if before.endswith("(") and _FIGURE.search(before[:-1].rstrip()) and not _dated(before[:-1]) and not (
                "金额" in found.group() or _goes_on_in_bracket(normal, found.end()) or _money_given(before[:-1])):
            # a figure's own unit: 单价（单位：元） (QA210), not a date's: 截至2024-12-31（单位：元） (QA229 8), nor a note's
            # after a figure: 完成投资1000000（金额单位：元，下同）, nor money a goal gives: 投入资金1000000（单位：元） (QA234)
            continue
        in_note = _within(notes, start)
        if not _paid_out(normal, found, in_note, problems) and (
                in_note or not _other_words(normal, found, before, problems, heading)):
            units.append(next(unit for unit in found.groups() if unit))
    for start, stop in notes:
        for found in _IN_NOTE.finditer(normal, start, stop):
            unit = next(unit for unit in found.groups() if unit)
            figure = bool(_FIGURE.search(normal[max(0, found.start() - 40):found.start()].rstrip("( "))) and \
                not _goes_on_in_bracket(normal, found.end())  # (注：补助标准（单位：元），下同)
            if unit != "万元" and not figure and not _paid_out(normal, found, True, problems):
                units.append(unit)  # (a note's are its own, but a figure's unit or money paid out)
    # a note that says the amounts are in 万元 is the form's, whatever a figure's unit said before it (QA212 2)
    return None if not units or "万元" in units else units[0]


def _done(normal: str, end: int) -> bool:
    """Whether the words after a bracketed unit say its money was paid, giving no money after it (`_DONE`): read with a
    verb of counting's filler dropped (惠及全县 1200 户 as 惠及1200 户), in those words alone (a title's 改造 2024 left be:
    QA256 H2)."""
    return _DONE.match(_LED_GAP.sub(lambda found: found.group(1) or found.group(2), normal[end:end + 120])) is not None


def _other_words(normal: str, found: re.Match[str], before: str, problems: list[tuple[int, int]], heading: bool) -> bool:
    """Whether a unit `money_note` found outside a note's words is another's than the form's amounts: money paid out, a
    problem found's words, a word's own unit in a sentence, or 元、角、分 said to be filled in wrongly."""
    start, end = found.start(), found.end()
    paid = found.group().endswith(("为单位", "计"))
    if _THIS_FORM.search(normal, max(0, start - 8), end):
        return False  # this form's amounts: 本表金额以元为单位，直接支付到户的资金已含在内 (QA230 5), 存在问题：无，本表金额
        # 单位为元 (QA229 1)
    if paid and _PAID_NEXT.match(normal, end):
        return True  # 以元计，按月发放
    if _OTHERS.search(before):
        return True  # other units' figures: 各村执行数以元为单位报送, 各乡镇预算数以元填报 (QA250)
    if _within(problems, start) and not _ALONE_AFTER.match(normal, end) and not (
            "单位" in found.group() and _ITEM_BEFORE.search(normal, max(0, start - 12), start)
            and not _FAULT.match(normal, end) and not _WRONG.match(normal, end)):
        # in the words of a problem found, a measure or a deviation's cause; but not a note alone at the end of its clause
        # (存在问题：无 金额单位：元: QA230 3), nor a unit's label opening an item but to say what is wrong (三、金额单位：元，
        # 保留两位小数: QA230 4)
        return True
    # (a table's title is not a word: 项目支出绩效自评表（单位：元）\n2024年度, QA234)
    word = before[:-1]
    rate = _RATE.search(word)
    attached = not heading and before.endswith("(") and _WORD_END.search(word) and not _FORM_TITLE.search(word) and (
        (_ATTACHED.match(normal, end) and (rate or not _WRITTEN_AFTER.match(normal, end))
         and not _goes_on_in_bracket(normal, end))
        or (rate and _NEXT_LINE_FIGURE.match(normal, end)))
    if attached and not _MONEY_LABEL.search(found.group()) and (
            not _SPENT.search(word) or rate or _done(normal, end)):
        # (not 完成年度任务（金额单位：元）户均增收…, nor the money a goal gives in 元: 全年预算（单位：元）：1000000, QA229 8)
        return True  # a word's in a sentence: 资金（单位：元）拨付… (QA226 2), 户均增收（单位：元）：1500 (QA227 5)
    # a problem found naming the units of money
    return found.group()[-1] in "角分" and bool(_WORDS_AFTER.match(normal, end)) and bool(
        _MID_SENTENCE.search(before) or _FAULT.match(normal, end))


#: Each of the units a form's project reaches, whose own figures a line speaks of, before the amounts' word: 各乡（镇）,
#: 各行政村, 各帮扶单位; never 各渠道, 各笔, 各年度, 各单元格, nor the units that fill the form, 各预算单位 (QA252 H4, QA254 M3,
#: QA256 H3).
_OTHERS = compile_later(r"各(?!预算|填报|主管|项目)[^\W\d_]{0,3}?(?:乡镇|乡|镇|村|社区|街道|镇街|部门|单位|县|区|县区|市|学校"
                        r"|小学|中学|医院|企业|合作社|村委会)(?:\([^\W\d_]{1,3}\))?(?:[、和及][^\W\d_]{1,4}|街道|社区)?\Z",
                        needs="各")
_MONEY_SOURCE = compile_later(r"(?:资金|经费|款项|补助|补贴)来源")
#: A source named as a clause of its own, after 资金来源: 上级补助, 中央财政补助资金, 省级补助 (QA246 H3).
_SOURCE_VALUE = compile_later(r"(?:中央|省级|省|市级|市|县级|县|本级|上级|各级)*+(?:财政)?(?:补助|拨款|转移支付)(?:资金)?")
#: Right after the bracket: 补助标准（单位：元），下同 (QA244 H4), …，以下各表同 (QA246).
_SAME_AFTER = compile_later(r"\s*+[,;、(【。]?\s*+(?:(?:以下各?附?表|全表|各表|其余各?表|本表及附表|附表)(?:均|亦|皆)?"
                            r"(?:同(?!步|时|意|比|期|上年|类|级|口径(?:比较|对比))|通用(?![^\W\d_]))|(?:以下|下表|下|后)(?:均|亦|皆)?"
                            r"(?:同(?!步|时|意|比|期|上年|类|口径[^\W\d_]|级)|通用(?![^\W\d_])))",
                            needs="同通")  # (全表同口径计算: QA254)
# (；下同, 【下同】, ，附表同: QA247 H6, M2; not 、下同类项目…, 。全表通用指标…: QA250)


def _goes_on_in_bracket(normal: str, end: int) -> bool:
    """Whether the bracket a unit is in goes on for what follows: （单位：元，以下均同）, never the goal's words after it
    (…（单位：元）已足额发放，户数同去年持平: QA242 M1)."""
    # (the unit found may end with the bracket; a long one: （单位：元，以下各表均同，金额保留两位小数）: QA244 H4)
    close = end - 1 if normal[end - 1:end] == ")" else normal.find(")", end, end + 40)
    return close != -1 and (bool(_ONWARD.match(normal[end:close])) or _SAME_AFTER.match(normal, close + 1) is not None)


def _paid_out(normal: str, found: re.Match[str], in_note: bool, problems: list[tuple[int, int]]) -> bool:
    """Whether `found` (以元为单位, 以元计…) says money is paid out in 元 (补助资金以元为单位发放到户: QA226 1, QA231 6), not
    the unit of the form's amounts: not when the note goes on for what follows or is of this form (outside a problem's
    words), and in a note's words only of money paid (资金, 补贴…) named in its clause."""
    start, end = found.start(), found.end()
    if not found.group().endswith(("为单位", "计")) or not _PAID.match(normal, end) or _ONWARD.match(normal, end):
        return False
    form = _THIS_FORM.search(normal, max(0, start - 8), end)
    if form and (in_note or form.group().startswith(("本", "上", "该", "此"))) and not _within(problems, start):
        return False  # 注：本表资金均以元为单位拨付到位 (QA234); not 表中补助资金以元为单位发放到户 (QA231 6, QA236 M4)
    if not in_note:
        return True
    clause = normal[max(0, start - 40):end]
    parts = _UNIT_SAID.sub("", clause[max(clause.rfind(c) for c in "。;!?\n") + 1:]).split(",")
    # the clause the unit is said in, or the one before it when it has none: 补助标准为每人1200元，以元为单位发放到户
    said = parts[-1] if parts[-1].split(":")[-1].strip() or len(parts) == 1 else parts[-2]
    subject = _ITEM_MARK.sub("", said.split(":")[-1].strip())
    if "来源" in said or (_SOURCE_VALUE.fullmatch(subject) and _MONEY_SOURCE.search(
            clause[max(clause.rfind(c) for c in "。;!?\n") + 1:])):  # where money comes from is no payment: 注：资金来源：
        # 上级补助，以元为单位拨付 (QA240), 资金来源，上级补助，… (QA246 H3); but 数据来源：…系统；补贴资金…, 数据来源于…，
        # 补贴以元为单位… are (QA242 M3, QA244 M2), and a subsidy named after the source: 资金来源为中央衔接资金，补贴以元为单位
        # 发放到户
        return False  # (QA247 M1)
    return bool(_PAID_SUBJECT.fullmatch(subject)) and not _NOT_SUBSIDY.search(subject)


def _spans(text: str, lead: re.Pattern[str], end: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where the words `lead` leads run in `text` (from its end to `end`), in order; each part of the text read once."""
    spans = []
    found = lead.search(text)
    while found is not None:
        at = found.end()
        stop = end.search(text, at)
        while stop and text[stop.start()] in _BREAKS and not text[at:stop.start()].strip():
            at = stop.end()  # a lead alone on its line leads the next (存在问题：\n资金以元计发)
            stop = end.search(text, at)
        back = max(0, found.start() - 40)  # (a few words back: never the whole cell again)
        line = max(text.rfind("\n", back, found.start()) + 1, back)
        if lead is not _PROBLEM_LEAD or not _NOTE_LED.search(text, line, found.start()):
            spans.append((found.end(), stop.start() if stop else len(text)))  # (not a column a note names: QA231 3)
        found = lead.search(text, max(found.end(), stop.start() if stop else len(text)))
    return spans


_BREAKS = "\n\r\u2028\u2029"


def _within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` is in one of `spans` (in order, apart)."""
    i = bisect.bisect_right(spans, (at, float("inf"))) - 1  # the last that starts at `at` or before
    return i >= 0 and at < spans[i][1]


#: What before a bracketed 单位 makes it one figure's own (1200（单位：元）, 水费单价3.2（单位：元）, 单价（单位：元）: QA210 1,
#: 2): a number or a price. After anything else it is a note for the form (本表（单位：元）, 项目资金（单位：元）,
#: 2024年度（单位：元）, （金额单位：元）: QA211 1).
_FIGURE = compile_later(r"(?:\d|价|价格|标准|补助)$")  # (补助标准（单位：元）偏低 in 存在问题: QA212 3)
# ... but a date's, a year's or a table's number (截至2024-12-31（单位：元）, 年度：2024（单位：元）, 附件1（单位：元）: QA229 8,
# QA230 6; 2024.12（单位：元）, 2024（单位：元）, 表1-1（单位：元）: QA231 4), never a figure's (标准为2000（单位：元）,
# 1200.5（单位：元）)
_DATE_END = compile_later(r"(?:(?:19|20)\d{2}\s*+[-./年]\s*+\d{1,2}\s*+[-./月]\s*+\d{1,2}日?"
                          r"|(?:(?<![^\W\d_])|(?<=至|止))(?:19|20)\d{2}\s*+[-./年]\s*+\d{1,2}"
                          r"|(?:年份|年度|报告期|时间|日期|期间|周期|口径|截至|截止)\s*+:?\s*+(?:19|20)\d{2}(?:\s*+[-./年]\s*+\d{1,2})?"
                          r"|(?:附件|附表|表)\s*+\d++(?:[-.]\d++)*+"
                          # a code, a number or a date in eight figures: 项目编号：2024001, 版本：V2, 20250110 (QA233)
                          r"|(?:编号|编码|代码|文号|版本|日期)\s*+:?\s*+[A-Za-z0-9_.\-]*+"
                          r"|(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))\Z", needs="12代文日版编表附")
#: A year alone, at a line's start or after a word and spaces (某某县农业农村局 2024（单位：元）: QA233 H2, QA234), but a figure
#: after what names one (补助标准：\n2000（单位：元）, 人均补助 2000（单位：元）: QA232, QA234 M3).
#: And a period (实施周期：2023-2025: QA234), but a range of money after what names it (补助标准1900-2000: QA236 M2).
_YEAR_ALONE = compile_later(r"(?:(?:^|(?<=[\n(])|(?<=[^\W\d_])[^\S\n]++)(?:19|20)\d{2}"
                            r"|(?:19|20)\d{2}\s*+[-—–~至到]\s*+(?:19|20)?\d{2})\Z")
_FIGURE_LABEL = compile_later(r"(?:价|价格|标准|补助|补贴|为|是|达到|约|共计|合计)\s*+:?\s*+(?:19|20)\d{2}"
                              r"(?:\s*+[-—–~至到]\s*+(?:19|20)?\d{2})?\Z", needs="12")


#: A figure and the words it is of: 投入资金1000000, 项目总投资为1000000.
_FIGURE_OF = compile_later(r"([^\W\d_]{1,12}?)\s*+(?:为|是|达到|约|共计|合计)?\s*+:?\s*+\d[\d,.]*+\Z")


def _money_given(before: str) -> bool:
    """Whether `before` ends with money given as a figure (全年预算1000000), not a rate's (每村投资50000)."""
    found = _FIGURE_OF.search(before.rstrip())
    return found is not None and bool(_SPENT.search(found.group(1))) and not _RATE.search(found.group(1))


def _dated(before: str) -> bool:
    """Whether `before` (what comes before a bracketed unit) ends with a date, a year, a period or a table's number."""
    before = before.rstrip()
    if _DATE_END.search(before):
        return True
    year = _YEAR_ALONE.search(before)  # (a rate's figure after a space: 户均增收 2000（单位：元）)
    return year is not None and not _FIGURE_LABEL.search(before) and not _RATE.search(before[:year.start()].rstrip())
