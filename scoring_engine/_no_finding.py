"""What says "no finding" where a list of findings is written: 无, 没有, a dash, 未发现问题, 资料齐全, 0处.

A form's findings cell holding these is an empty list (forms/side.py); in a
facts file the same words as an item of the list are refused (fact_values.py):
counted as a finding, 未发现问题 cost a point in silence (QA260 F1).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from ._patterns import compile_later

__all__ = ["COUNT", "is_detail", "is_remark", "list_number_only", "marks_only", "names_nothing", "names_what_follows",
           "says_none", "says_nothing", "says_the_rest_none"]

_NONE = frozenset({"无", "没有", "暂无", "—", "——", "-", "/", "不涉及", "无发现", "没问题", "都没问题", "一切正常", "查无问题",
                   "(无)", "空", "没发现啥问题",
                   # a placeholder or the answer to 是否存在问题 (QA278 F1: each cost a point)
                   "否", "不适用", "无此项", "本项无", "--", "---", "○", "空白", "不扣分", "本项不扣分", "☑无", "□有☑无", "☑否",
                   "□是☑否"})
_NONE_FOUND = frozenset({"N/A", "NA", "NONE", "NIL", "NO", "零", "〇"})  # and in a findings cell (0 there counts findings)
_KINDS = r"(违规|违纪|违法|不合规|不规范|异常|和|及|或|、)*"  # 违规违纪, 违纪违法: the kinds of problem an audit names
_COUNTED = r"(发现|共计|共有|共|存在|有)?([0-9]+|[〇零一二两三四五六七八九十百]+)[处个项条笔次件]?(问题|情况|{kinds}问题)?"
# A paper a project keeps, named in a list before 等资料: 合同、发票、验收单等 (never 仅合同、… or 90%的…: QA270 F2)
_PAPER = (r"(合同书|合同|发票|验收单|验收报告|会议纪要|会议记录|凭证|账簿|票据|单据|台账|批复|审批单|支付凭证|招标文件|投标文件|"
          r"中标通知书|可研报告|实施方案|预算|决算|图纸|照片|记录|技术鉴定)")
# What was checked, named: 经查阅账簿凭证, 经抽查凭证30份, 经查阅项目会计凭证及相关资料 (never 经抽查10个村中有3个…)
_PAPERS = (r"((\d{4}年度?)?((项目|相关)?(会计)?(账簿|凭证|账目|资料|合同|档案|台账|单据|票据|记录|账册)[及和与、]?){1,4}"
           r"(\d+[份笔张个件本])?)")  # of a year too: 经评价组查阅2023年度会计凭证及相关资料 (QA282 F6)
# A check done, as a clerk says it first: 经检查, 经现场核查, 经审计, 经查, 经查阅账簿凭证, each word named: 经费报销未经审核
# and 经办人员未认真审核 are findings (QA270 F1)
_CHECKED = (r"((经过|经|通过)(第三方评价组|评价组|评价小组|审计组|检查组|核查组|工作组|专家组|第三方(评价)?机构|"
            r"会计师事务所|审计机构|第三方)?"
            r"(对(项目资金|专项资金|资金|项目|账目|资料|凭证|账簿)进行)?(现场|实地|认真|全面|专项|逐项|财务|年度)?"
            r"(检查|核查|审查|审核|自查|核实|审计|抽查|查阅|查看|核对|查)" + _PAPERS
            + r"?(发现)?|(检查|核查|审查|审核|自查|核实))")
# Found nowhere, as clerks deny it
_DENIED = (r"(暂未发现|尚未发现|从未发现|未发现|没有发现|没发现|未查出|未见|未有|未出现|没有出现|未发生|没有发生|不存在|无|没有|"
           r"暂无)")  # 未发生截留、挤占、挪用问题 (QA287 F5)
# Who did the work, said before how (项目单位严格执行…, 资金拨付严格履行审批程序), named, never free words: 档案管理有待
# 规范 and 除会议费外均严格执行… are findings (QA269 F1)
_WHO = r"(本项目|该项目|本单位|该单位|我单位|项目单位|项目实施过程中|本年度|本项|该项)"
_DOER = r"((" + _WHO[1:-1] + r"|单位|项目|资金拨付|资金使用|资金支付|财务)(能够|能|均|始终)?|能够|始终)?"
# A list of papers, before 等资料: 合同、发票、验收单等 (never a word of a problem, a doubt or a part: 部分, 基本)
_DOUBT = r"(?!部分|个别|基本|大多|多数|少数|尚|仍|还|较|但|却|有待|需|应|亟|除)"
_CALM = r"(?:发票|" + _DOUBT + r"[^,;。:发存挪截挤虚套骗冒侵违超缺漏差瑕未无不没])"
# Whose money or papers the denial of a problem is of, and of all of them, said first: 项目资金不存在挪用, 档案无缺失,
# 本项目无截留挤占挪用情况, 均未发现… (QA265 F4, QA266 F4); before a denial of problem words only (_NONE_OF): 资料未见 and
# 事前论证无 are findings (QA269 F2)
_SUBJECT = (_WHO + r"?(项目)?(资金使用|(项目|专项|财政)?资金|档案资料|项目资料|(采购|会计|合同|验收)?资料|项目档案|档案|"
            r"内控制度|制度|事前论证|论证)?"
            r"(均|都|从)?")
# "No problem found", as a clerk writes it in a findings cell (QA47 F1, QA49 F1: 未发现问题 was one finding, and cost a
# point): a check done, a negation, then at most the kinds of problem and a count of 0. 无会议记录 (no minutes kept) is a
# finding, and does not match.
# ... or a count of none under a label (问题：无, 问题数：0, 问题0个; 问题0 alone is a finding's name)
# ... with who, or all, said first, then a problem word: 该项目未发现违规问题, 本年度未发现问题
_NO_PROBLEM = compile_later(r"(除(上述|以上|此)(问题)?(之)?外,?)?(其他方面|其他|其它|其余|另)?(均)?"  # 其他方面未发现问题
                            + f"({_CHECKED}[,:]?)?{_DENIED}(有)?(任何|明显|相关|此类|该类|上述|这类|以上|此|重大|严重|其他|其它)?"
                            + _KINDS + r"(问题|情况|现象|事项|异常|违规)?"
                            r"(\((0+|〇|零)[处个项条笔次件]?\))?|((发现|存在)(的)?)?问题((数)?:?(无|没有)|(数:?|:)0[处个项]?|0[处个项])|"
                            f"({_CHECKED}[,:]?)?{_WHO}?(均|都|从)?{_DENIED}(有)?(任何|明显|相关|此类|上述|以上|重大|严重)?"
                            + _KINDS + r"(问题|情况|现象|事项|异常|违规)", needs="不事从尚异情无暂未没现违问")
# ... or all in order, as a clerk affirms it in the cell of what is missing (资料齐全 in 档案缺失: QA47 F1)
# ... in the standard's own words too (QA280 F1): 制度合法合规完整, 资料齐全并及时归档, 合同书、验收报告、技术鉴定资料均已归档
_FINE = r"(齐全|完整|完备|健全|完善|规范|合规|合法|合理|正常|及时|足额(到位)?|充分|必要|有效|准确|合格|已归档|(已)?及时归档)"
_IN_ORDER = compile_later(f"({_CHECKED}[,:]?)?" + r"((相关|项目|档案|各类|各项|财务|会计|内控|财务和业务|业务|(项目)?(" + _PAPER
                          + r"[、和及与]?){1,8}等?)?"
                          r"(档案资料|资料|档案管理|档案|手续|材料|票据|凭证|管理制度|制度|程序|台账|资金使用|资金管理|使用|管理|核算|"
                          r"账务处理|采购程序|采购|审批手续|资金拨付|资金到位|合同管理|合同|资金|归档|(事前)?论证(程序)?|执行|验收)|"
                          r"(相关|项目|档案)?)(均|都|全部|总体|整体)?"
                          r"(" + _FINE[1:-1] + r"|符合(相关)?(规定|要求)?)+([、和及并]" + _FINE + r"+)*|"
                          # 遵守相关法律法规和业务管理规定, 符合国家财经法规…, 资金均按规定用途使用 (the 评价要点 affirmed)
                          r"(严格)?遵守(了)?(国家|相关)?(的)?(法律法规|财经法规|规定)([和及与]|以及)?((业务|相关|财务)?管理规定|制度)?|"
                          # (the words between never a turn or a fault: 符合规定但擅自改变用途 is a finding, QA281 F2)
                          r"(\d{4}年度?)?((项目|专项)?资金(的)?(使用|支出|拨付)?|支出)?(均|全部)?"  # 资金使用符合… (QA282 F6)
                          r"符合(国家)?(财经法规|法律法规|相关规定|规定|项目预算批复)"
                          r"([^,:;但却而仅只未不没无违挪截挤虚超缺擅]{0,30}?(规定|制度|要求|用途))?|"
                          r"(项目)?资金(均|全部)?按(规定|批复|合同约定|预算)?(的)?用途(使用|支出)|"
                          r"(五项|各项|所有|全部)(工作)?(均|都)?已(完成|开展)|"
                          r"(无需|不需要|不需)整改|"
                          r"((单独|专账)核算[、,和])?(项目资金|专项资金|资金)?(做到|实行)?专款专用|"
                          r"(各项|所有|每笔)?(支出|报销|付款|资金支付)(均|都|全部)有(审批|报批|报销)?(手续|凭证|依据)",
                          needs="专健充准及合完已必整有正符规资足遵齐")
#: 2处, 发现3处问题, 两处: how many, not what (QA49 F8); with a note after it (见附件)
COUNT = compile_later(_COUNTED.format(kinds=_KINDS) + r"(\([^)]*\))?", needs="0123456789〇一七三两九二五八六十四百零")
_ENDS = r"(等)?(的)?(问题|情况|现象|行为|事项|之处|异常)"  # what a clause saying none ends with
# None of a kind of problem found, or all of it ruled out (杜绝): 无缺项, 无违反法律法规情况, 未发现截留、挤占、挪用等违规问题,
# 不存在挤占、挪用项目资金的情况 (QA261 F1, F2, QA264 F1: the misuses a set deducts 5 points for, named in the sentence
# saying there are none, cost them). Only problem words, what they befall and what 违反 breaks: 未见专家论证情况 (no sign
# the appraisal was done), 未发现开展可行性研究的情况, 未发现违反规定存在超支3万元 and 未发现挪用问题。但存在… are findings
# (QA262 F1, QA264 F2); so are 无会议记录 and 未见验收报告.
_OBJECT = (r"((?![存有仍且只仅不但另却而超和及])[^,;。、\n]){0,8}"  # the longest first: 合同约定, not 合同 (QA265 F3)
           r"(法律法规|法律|法规|规定|规章|纪律|程序|制度|约定|合同|政策)(精神)?")  # what 违反 breaks: 中央八项规定精神
_BROKEN = r"(相关|国家|有关|中央)?" + _OBJECT + r"([和及与]" + _OBJECT + r")*"  # 法律法规和业务管理规定
_WRONG = (r"(?>(资金使用|(项目|专项|财政|扶贫|补贴)?(资金|经费)(被)?|支出|使用|(采购|项目|会计|合同|验收)?(资料|档案)|制度)?"
          r"(缺项|缺失|缺漏|缺陷|遗漏|漏项|差错|瑕疵|违规|违纪|违法|违约|不合规|不规范|违反" + _BROKEN + r"|截留|滞留|挤占|"
          r"挪作他用|挪用|虚列|虚假|虚报|套取|骗取|冒领|侵占|超范围|超标准|超预算|白条(入账|抵库)?|擅自改变(资金)?用途|改变(资金)?用途)"
          r"(使用|列支|操作|发放)?((项目|专项|财政|扶贫|补贴)?(资金|支出|开支|行为|经费|津补贴|补贴|资料|档案)){0,2}|"
          # cash and 公款 misused, with nothing after them: 无现金支付资料 is papers missing, a finding (QA273 F4)
          r"(使用)?(大额)?现金(支付|结算|报销|支出)(行为)?|公款(吃喝|旅游|消费|宴请)(行为)?)")
_NONE_OF = compile_later(f"({_CHECKED}[,:]?)?{_SUBJECT}(杜绝了?|{_DENIED}|未被|未)(有)?(任何|明显|相关|此类|上述)?" + _WRONG
                         + r"(?:[、和及或与等]?" + _WRONG + r")*+" + f"({_ENDS})?" + r"(\((0+|〇|零)[处个项条笔次件]?\))?",
                         needs="不从尚无暂未杜没")
# ... or those problems under a label with none beside them: 违规问题：无, 截留、挤占、挪用：无, 挪用资金：0; 以上问题均无
# ... answered no as a yes-or-no column is: 截留、挤占、挪用：否, 是否存在问题：否, 违规问题：不适用, 违规问题：-- (QA279 F1)
_ANSWERED_NO = (r"((均|都)?(无|没有|不存在)(此类|此|相关|该类)?(情况|问题)?|0(\.0+)?(万?元)?|〇|零|否|☑否|□是☑否|□有☑无|☑无|"
                r"不适用|无此项|"
                r"-{1,3}|—{1,2}|/|○|×|✗|✘|NO|N/A|(暂)?未发现|没有发现)")  # 有无截留挪用：无, …：未发现, …：□是 ☑否 (QA282)
_LABELLED = compile_later(r"(是否|有无)?(存在|发现|有)?" + _WRONG + r"(?:[、和及或与等]?" + _WRONG + r")*+"
                          + r"(等)?(情况|问题|金额|资金|数额)?:"  # 截留金额⇥0 (QA287 F5)
                          + _ANSWERED_NO + "|"
                          r"(是否)?(存在|发现|有)?(违规|违纪|违法)?(问题|情况|事项|行为|现象):"  # 违规事项：无
                          + _ANSWERED_NO + "|"
                          r"(以上|上述)(问题|情况)(均|都)?(无|没有|不存在)", needs=":上以")
# The work a project does before and after it spends, named: 事前绩效评估, 可行性研究, 专家论证, 竣工验收
_WORK = (r"(事前绩效评估|事前论证|可行性研究|专家论证|风险评估|绩效评估|集体决策|绩效自评|绩效评价|政府采购|公开招标|"
         r"竣工验收|验收)")  # 风险评估, 集体决策: the standard's own five (QA280 F1)
# All done, as a clerk affirms it in the cell of what is missing: 已全部开展, 均已及时归档, 已按规定公开 (a quantifier or
# a manner: 已开展 alone may be one of several)
_ALL_DONE = compile_later(r"(档案资料|项目资料|项目档案|资料|档案|"
                          # the standard's work named, most of it: 可行性研究、专家论证、…、集体决策均已开展 (QA282 F6)
                          + _WORK + r"([、和及与]" + _WORK + r"){3,6})?"
                          r"((均已|都已|已全部|全部已|全部|均)(按时|及时|按期|如期|按规定|按要求)?|"
                          r"(已)?(按规定|按要求)(及时|按时|按期)?|(已)?(及时|按时|按期))"
                          r"(开展|完成|归档|落实|报送|执行|到位|提交|公开|验收)(完毕|到位)?|"
                          # ... or done, with what it was: 已按规定开展事前论证, 已开展可行性研究和专家论证; 已归档
                          r"(本项目|该项目|项目)?(均|都)?已(按规定|按要求)?(开展|完成|进行|组织|履行)(了)?"
                          + _WORK + r"([、和及与]" + _WORK + r")*(程序|工作)?|"
                          r"(档案资料|项目资料|项目档案|资料|档案)?已(整理)?归档", needs="全及均已按都")
# What a word of a fault, a doubt or a money spent has none of: 资金拨付履行了审批程序 (QA282 F6), never 部分票据不规范,
# 会议费标准较高 or 发放职工福利2万元
_FAULTY = compile_later(r"[未不无没缺超违挪截挤虚滞擅失错漏假骗套延逾迟晚慢欠差误乱白弱低但却仍尚待除题险患较否]"
                        r"|部分|个别|\d万?元")
_CALM_WORDS = r"[^:,;。未不无没缺超违挪截挤虚滞擅失错漏假骗套延逾迟晚慢欠差误乱白弱低但却仍尚待除题险患较否是]"
# A thing the project keeps or work it does, answered yes as a table's row is (可行性研究：已开展, 施工合同⇥是, 专家论证⇥√:
# QA282 F4, each cost a point); answered no, it is a finding (风险评估：否), never a none as 截留：否 is
#: what a kept paper or piece of work may be named by before it: 施工合同, 竣工验收报告, 2号楼监理日志 (never 作废, 倒签, 转包)
_KEPT_BY = (r"(施工|竣工|监理|设计|采购|招标|投标|中标|项目|技术|会议|年度|工程|服务|付款|支付|决算|预算|立项|绩效|专家|"
            r"\d{1,3}号楼|\d{4}年度?)")
_KEPT = r"(" + _PAPER[1:-1] + r"|" + _WORK[1:-1] + r"|审批手续|手续|管理制度|制度|实施方案|方案|资料|档案|报告|文件|记录)"
_AFFIRMED = compile_later(r"(" + _KEPT_BY + r"{0,2}" + _KEPT + r"[、和及与]?){1,6}"
                          # never 事后补签合同：是, 阴阳合同：有, 作废发票：有 (QA285 F7, QA286 F3)
                          r"(资料|报告|文件|情况|记录)?:"
                          r"(是|√|✓|✔|☑|☑是|有|已有|已开展|已完成|已进行|已组织|已归档|已落实|已执行|已提供|已建立|已制定|已公示|"
                          r"已公开|已验收|已通过|通过|齐全|完整|健全|具备|合格)", needs=":")
# A clause before one saying none that says how the work was done: 严格执行资金管理办法，杜绝截留挪用; never one saying
# it was done badly (严格执行资金管理办法的意识不强: QA264 F3)
# what problems: 存在的, 主要, 审计发现的主要, 绩效评价中发现的, 主要存在以下 (QA273 F3, QA274 F2)
_QUALIFIED = r"((存在的?|发现的?)(主要)?|主要(存在)?(以下)?|具体|(绩效)?(检查|审计|核查|自查|评价|自评)(中)?(发现的?)?(主要)?)"
_PROBLEMS = r"问题(清单|如下|有)?([及和与](原因|建议|不足|改进措施|整改措施|改进建议|整改建议)(分析)?)?"
# 不足 heads only as 存在的不足, 主要不足, 不足之处: 自查不足 and 检查不足 are findings (QA275 F2)
_PROBLEMS_NAMED = f"({_CHECKED},?)?({_QUALIFIED}?{_PROBLEMS}|(存在的?|主要)不足(之处)?|不足之处)"
_PROBLEMS_BELOW = (_PROBLEMS_NAMED + ":|" + f"({_CHECKED},?)?" + r"(检查|审计|核查|自查)?(发现|存在)((以下|如下)(问题)?)?:|"
                   # 经检查，发现以下问题 without its colon: 以下 names what follows (QA295)
                   + f"({_CHECKED},?)?" + r"(检查|审计|核查|自查)?(发现|存在)(以下|如下)(问题|情况)?|"
                   # however the check is said: 经现场核查和查阅资料，发现以下问题： (QA282 F4)
                   r"(经|通过)[^:,;。未不无没缺超违挪截挤虚滞擅]{1,20},?(发现|存在)(以下|如下)(问题)?:")
# ... of them, a line that only names what follows: 经检查, 检查结果：, 问题：, 经查阅账簿凭证 (never a finding: QA270 F3)
_HEADING = (_CHECKED + ":?|(检查|核查|审计|自查|审查|复核)(情况|结果)?:|"  # (QA265 F1, F2)
            r"(经|通过)(现场)?(查阅|抽查|核查|检查|审计|查看|核对)" + _PAPERS + "|"  # 经查阅账簿凭证
            # the problems named below: 存在的问题：, 主要问题如下：, 审计发现：, 经检查发现以下问题： (QA273 F3)
            + _PROBLEMS_BELOW)
# ... and, as a line of its own, with no colon: 一、存在的问题 (never a clause before one saying none: 存在问题，未发现挪用
# is a finding, QA274 F1)
_HEADS = compile_later(_HEADING + f"|({_CHECKED},?)?({_QUALIFIED}{_PROBLEMS}|(存在的?|主要)不足(之处)?|不足之处)|"
                       # a list's label over the items of a fact: 缺失资料：, 缺少以下资料：, 缺项：, 制度缺陷：, 存在以下问题
                       # (QA280 F2: each cost as much as a finding)
                       r"(缺失|缺少|未开展|未进行|缺)(的)?(以下|如下)?(资料|档案|材料|论证|事项)?(清单)?(如下)?:|"
                       r"(制度缺陷|违规事项|违规问题|缺项|缺失资料清单|存在(以下|如下)问题)(如下)?:?",
                       needs=":不制发存审核检经缺自违通问")
_NUMBERED_HEAD = compile_later(r"^(\d{1,2}[.、)]|\([一二三四五六七八九十\d]{1,2}\)|[一二三四五六七八九十]{1,2}[、.])",
                               needs="().、")
_WORK_DONE = compile_later(_DOER + r"(严格|认真)(执行|遵守|按照|落实|履行|实行)(了)?(" + _CALM
                       + r"{0,25}?(办法|制度|规定|程序|精神|要求|条例|细则|法|预算|约定|合同|报账制|管理))?[》”]?"
                       r"(执行|要求|支付)?|" + _HEADING + "|"
                       r"(严格|认真)?按照《[^》]{1,25}》(的)?(规定|要求)?(使用(资金)?|执行|支付)?|"  # 按照《…办法》规定使用资金
                       r"(单独|专账)核算|(实行)?专账管理|实行国库集中支付|(资金)?通过国库(集中|直接)支付"
                       r"((到|至|给)(受益对象|受益人|施工单位|收款人|供应商|农户|个人账户))?|"
                       + _DOER + r"(资金使用|资金管理|项目资金)?(总体|整体)?(规范|合规)",
                           needs=":专严发合存实审按核检经自规认通")  # how the money was kept
# A remark below the findings: 以上问题已整改, 整改情况：已整改, 备注：…, 共计扣2分 (QA280 F2) (a 备注 or 整改措施 may name a
# problem: never dropped, QA281 F3); alone in a cell, it names no finding (QA284 F1: 共计扣2分 cost a point)
_REMARK = compile_later(r"(以上|上述)(问题)?(均|都)?已(整改|整改完毕|完成整改|落实整改)(到位)?|"
                          r"整改情况:(已整改|已完成整改|整改完毕|已落实整改|已全部整改|正在整改|整改中)|"
                          r"(整改建议|整改意见|整改要求|整改措施):(?!.*(正在|整理|补|部分|个别|其中|仅|只))"
                          # naming no fault (QA281 F3)
                          r"((以上|上述)(问题|情况)(均|都)?)?[^:;。未不无没缺超违挪截挤虚滞擅]{0,60}|"
                          r"(以上|上述)(问题|情况)(单位)?(均|都)?已(认可|确认|签字确认)|(以上|上述)(问题|情况)(单位)?(均|都)?无异议|"
                          # a 备注, 注 or 说明 only of the findings above: 说明：以上问题已反馈项目单位 (one naming a fault of its
                          # own, 备注：另有坐支现金0.5万元, is a finding: QA285 F3)
                          r"(备注|注|说明):(均|已)?(已整改|整改完毕|已完成整改|正在整改|整改中|已追回|已退回|已收回)(到位)?|"
                          r"(备注|注|说明):(以上|上述)(问题|情况)(均|都)?已(?!.*(正在|整理|补|部分|个别|其中|仅|只|另|还|外|系|因|由于))"
                          + _CALM_WORDS + r"{0,40}|"  # (说明：以上问题外单位坐支… is a finding: QA291 F4)
                          # ... told to put it right, told of it (以上问题已责令整改, 已责令限期整改: QA282 F5)
                          r"\(?((以上|上述)(问题|情况|资料|材料|事项)?)?(均|都)?已((反馈|告知|通报)(给)?(项目单位|单位|被评价单位)?"
                          r"(并|,)?)?(责令|要求|督促)(项目单位|单位)?(限期)?(\d{1,3}日内)?"
                          r"(整改|纠正|补齐|补充|补办|归档)(到位|完毕)?\)?|"  # …已反馈项目单位并责令整改 (QA285 F2)
                          r"\(?(以上|上述)(问题|情况)?(均|都)?已于\d{4}年(\d{1,2}月)?(\d{1,2}日)?(前)?(完成整改|整改)(完毕|到位)?\)?|"
                          r"(以上|上述)(问题|情况)(均|都)?已(反馈|告知|通报)(给)?(项目单位|单位|被评价单位)?|"
                          r"(以上|上述)(问题|情况|线索)(均|都)?已(移交|移送|报送)[^:,;。未不无没缺超违挪截挤虚滞擅]{0,12}"
                          r"(处理|核查|调查)?|"  # 上述问题已移交县纪委处理 (QA287 F6)
                          # ... a total of the money or the points (合计2.0万元, 涉及金额共计2万元, 扣分合计：2分, 小计：扣2分)
                          r"((备注|注|说明):)?(以上|上述)?(涉及)?(金额|资金)?(合计|共计|累计|总计|小计)(金额)?:?\d{1,9}(\.\d{1,4})?万?元|"
                          # ... and of the points, however said: 总计扣4分, 以上共扣4分, 本项扣4分, 扣分：4分, 共计扣四分, 得6分
                          r"\(?((以上|上述)(问题|[两二三四五六七八九十\d]{1,2}(项|处|个)(问题)?)?(共计|合计|共)?|"
                          r"(共计|合计|累计|总计|共|本项|该项|此项|小计)|扣分(合计|小计|总计)):?扣(除)?"
                          r"(\d{1,3}(\.\d{1,2})?|[一二两三四五六七八九十]{1,3}|半)分\)?|"
                          r"\(?((以上|上述|本项|该项|此项)?(扣分|得分)(合计|小计|总计)?|合计扣分|小计):?"
                          r"(\d{1,3}(\.\d{1,2})?|[一二两三四五六七八九十]{1,3})分\)?|(本项|该项|此项)?得\d{1,3}(\.\d{1,2})?分|"
                          # ... who wrote it, and when: （评价组：张三，2024年3月）
                          # (names and a date, never what a person did: 审核人：与经办人为同一人 is a finding, QA285)
                          r"\(?(评价组|评价小组|检查组|审计组|核查组|工作组|专家组|评价机构|填表人|填报人|经办人|审核人|复核人|"
                          r"评价人|检查人)(成员)?:(?![^)]*([未无不没缺漏空待签补假审批越权虚过场造冒涂顶替改]|本人|兼任|人员|出纳|临时|同一|经办|负责|形式|供应商|单位|公司))"
                          r"([\u4e00-\u9fff]{2,3}([、,][\u4e00-\u9fff]{2,3})*|"
                          r"[\u4e00-\u9fff]{2,16}"
                          r"(事务所|公司|中心))(,?\d{4}(年|\.|-)(\d{1,2}(月|\.|-)?)?(\d{1,2}日?)?)?\)?", needs=":元分已得扣整无")
# A labelled detail of the finding above it (其中：A村8万元, 问题原因：…, 整改情况：已收回: QA287), or its state alone
# (已整改, 已追回) or amount (涉及金额12万元): none of its own beside it, but alone in a cell a finding (QA289 F4)
#: a place or a payee named before an amount (A村, 乡镇财政所): no word of a misuse or a fault
_PLACE = r"[^:,、;。未不无没缺超违挪截挤虚滞擅坐套骗冒私假伪借转挂闲白]"
_DETAIL = compile_later(  # only what names no fault by its form, never by a list of words (QA292 F1: 其中：A村挪用资金5万元)
    # each place and amount taken whole once read, never cut again (its place may hold digits and 元: 1号楼; tried every
    # way of cutting a run of them, 28 places took 10 s and each one more twice as long: QA298 F1)
    r"(其中|具体情况|分别为|分别是):(?>" + _PLACE + r"{0,12}?\d{1,9}(\.\d{1,4})?万?元[,、]?)+|"  # 其中：A村8万元，B村4万元
    r"(整改情况|整改结果):(均|已|均已|正在|尚未|未|部分)?(整改|收回|追回|退回|归还|补办|补齐)(到位|完毕|中)?|"
    r"责任人:[\u4e00-\u9fff]{2,3}([、,][\u4e00-\u9fff]{2,3})*|(整改时限|整改期限):[^:,;。]{1,16}|"
                        r"\(?(均|已|均已)(整改|追回|收回|退回|归还|补办|补齐)(到位|完毕)?\)?|"
                        r"\(?(共)?(涉及|其中)(金额|资金)?(共计|合计)?:?\d{1,9}(\.\d{1,4})?万?元\)?", needs=":元均已整责")


def _preamble(text: str) -> bool:
    """Whether text says how the work was done, or is a remark on the findings. (Each pattern is asked in turn: one
    pattern of both took as long to compile, at every start, as both.)"""
    return _WORK_DONE.fullmatch(text) is not None or _REMARK.fullmatch(text) is not None


def _nothing(text: str) -> bool:
    """_preamble, or a finding's detail: no line of its own beside findings, but never a clause beside a none
    (具体情况：坐支现金0.5万元，未发现其他违规问题 names one: QA290 F2)."""
    return _preamble(text) or _DETAIL.fullmatch(text) is not None


def says_none(text: str, findings: bool = True) -> bool:
    """Whether text says "none" (无, 没有, a dash or a slash), typed full width too (／, －) or as a sentence (无。); for
    findings also "no problem found" as clerks write it (未发现违规违纪问题, 经检查，未发现问题, 资料齐全) and a count of
    0 (0处, 〇处).

    >>> says_none("经检查，未发现问题。"), says_none("资料齐全"), says_none("无会议记录")
    (True, True, False)
    """
    # A portfolio's findings repeat (the same few sentences in every unit's projects), and reading one runs a dozen
    # patterns: a short text's answer is kept. A long one is read each time, so that what is kept stays small.
    return _read_short(text, findings) if len(text) <= _KEPT_LENGTH else _read(text, findings)


_KEPT_LENGTH = 200


@lru_cache(maxsize=4096)
def _read_short(text: str, findings: bool) -> bool:
    return _read(text, findings)


def _read(text: str, findings: bool) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if findings and len(lines) > 1:  # a cell's lines, each a finding or none: 无挪用⏎违反规定发放补贴 holds one (QA264 F2);
        # 经检查⏎未发现问题: the first line says nothing (QA265 F2); a finding's detail below a none is one (QA291 F2)
        said = [line for line in lines if not says_nothing(line) or is_detail(line)]
        return bool(said) and all(_read(line, True) for line in said)
    bare = _bare(text)
    bare = _NUMBERED.sub("", bare) if findings else bare  # 1.未发现截留挪用, （1）无: a line of a numbered list (QA266 F4)
    if bare in _NONE or not findings:
        return bare in _NONE
    if _says_none(bare):
        return True
    # 严格执行…，未发现截留挪用问题: each clause; one in brackets as it is (无。（经查阅账簿凭证，资金使用合规）)
    clauses = [clause for part in re.split("[,;。]", bare) if (clause := part.strip("()"))]
    if len(clauses) > 1 and any(map(_says_none, clauses)) and all(
            _says_none(clause) or _preamble(clause) for clause in clauses):
        return True
    parts = [part for part in re.split("[,;。、]", bare) if part]  # 资料齐全、归档及时: each part says none (QA273 F7),
    if len(parts) > len(clauses) and any(map(_says_none, parts)) and all(  # after how it was checked (经检查，…)
            _says_none(part) or _preamble(part) for part in parts):
        return True
    # none said as a report says it, the clauses before it naming no fault: 项目资金实行专账核算、专款专用，资金拨付履行了
    # 审批程序，未发现违规问题; 无。（经查阅账簿凭证，资金使用合规） (QA282 F6: each cost a point)
    return len(clauses) > 1 and any(map(_says_none, clauses)) and all(
        _says_none(clause) or _done_well(clause) or _preamble(clause) for clause in clauses)


def _done_well(clause: str) -> bool:
    """Whether a clause says only that the work was done as it should be, in the standard's own phrases (资金拨付履行了
    审批程序, 支出均附有合法有效票据, 并经单位党组会集体决策), what it is of naming no fault, doubt, part or money spent:
    a list of words to refuse let every other verb through (按规定报销局领导私车油费, 经集体决策转作食堂装修经费: QA291 F1)."""
    done = _STANDARD_CLAUSE.fullmatch(clause) if len(clause) <= 60 else None
    return done is not None and not (_FAULTY.search(done["of"] or "") or _DOUBTED.search(done["of"] or ""))


#: the standard's phrases of work done as it should be, after what it is of, named from a list (资金拨付, 项目招投标、合同
#: 签订及工程款支付): never any words (局领导私车油费履行了审批程序, 小金库资金实行专账管理: QA292 F2)
_OF = (r"(经查,?)?((该项目|本项目|项目|专项|项目单位|单位|项目实施)?(的)?(资金拨付|资金使用|资金支付|资金|支出|各项支出|所有支出|"
       r"工程款支付|工程款|招投标|合同签订|会计核算|财务管理|档案|资料|采购)?[、和及与]?){0,4}")
_KEEPING = r"((专账|单独)核算|专款专用|专账管理|国库集中支付)"
_STANDARD_CLAUSE = compile_later(
    r"(?P<of>" + _OF + r")(均|都|全部|已|严格|认真|能够|并)*"
    r"((实行|做到)?(了)?" + _KEEPING + r"([、和及与]" + _KEEPING + r")*|"
    r"(按规定)?履行(了)?(审批|报批|决策|采购|招标|验收)?(程序|手续)|"
    r"附有(合法|有效|合规)+(的)?(票据|发票|凭证|原始凭证)|"
    r"(按照|按)(规定|合同约定|批复|预算|进度|要求)(的)?(用途)?(使用|执行|支付|拨付|核算|办理)|"
    r"(按照|遵守|执行|落实)(了)?(《[^》]{1,25}》(\([^)]{0,20}\))?)+(等)?(的)?(规定|要求|法律法规)?(使用资金|使用|执行)?|"
    r"(执行|遵守|落实)(了)?(国家|相关|有关)?(的)?(财经法规|法律法规|财务制度|财务管理制度|资金管理办法|管理办法|规定)|"
    r"建立(健全|完善)?(了)?(财务|内控|财务和业务|内部控制)?(管理)?制度|(按规定|按要求|及时|按时)+(整理)?归档|"
    r"经(单位)?(党组会|党委会|办公会|班子会|集体)(议)?(集体)?(研究|决策|审议)(决定|通过)?)", needs="《专国履建归执按核经落遵附")


#: a doubt, a part, a manner of doing it badly: what a clause doing the work well never says (the corpora's findings)
_DOUBTED = compile_later(r"基本|一般|需|还|仅|只|其余|其他|%|流于|打折|松懈|走过场|过时|提前|先支|后补|补签|补办|代领|代签|事后|"
                         r"偏|陈旧|改进|完善|加强|进一步|有所|有待|应|须|要(?!求)|建议|中有|其中|个别|部分|少数|多数|大部|大多|代|"
                         # to whom or how it was done: …支付至项目负责人个人账户, 以现金方式发放, 委托施工单位编制 (QA286)
                         r"至|以.{0,4}方式|委托|移交|交由|个人|现金|"
                         # what was done with the money (按规定发放职工福利, 经集体决策将项目资金用于…: QA287 F3)
                         r"用于|发放|列支|转入|借给|出借|购买|购置|福利|奖金|津贴|补贴|招待|宴请|旅游|给|本人|预付|存入|利息|定期|"
                         r"一人(审批|保管|办理|经手|签字)|收据|兼|白条|口头|事后|"  # 一人审批, 凭收据报销 (QA289 F3)
                         r"由|将|以(?!上)|凭|先|同时|统一|直接|自行|拆分|复印件|签批")  # who or how (QA290 F3)


#: What numbers a line of a list: 1. 1、 (1) （1） 一、
_NUMBERED = compile_later(r"^(\d{1,2}[.、)]|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}[、.]|\([一二三四五六七八九十]{1,2}\))(?=\D)",
                          needs="().、")


def says_nothing(line: str) -> bool:
    """Whether a line of a findings cell says only how the work was checked or done (经检查, 检查结果：, 严格执行资金管理
    办法): neither a finding nor none, where a line below it says which."""
    bare = _bare(line)
    return _nothing(bare) or names_what_follows(line)  # 一、存在的问题⏎无 (QA274 F3)


def is_detail(line: str) -> bool:
    """Whether a line is a finding's labelled detail, state or amount (其中：…, 整改情况：已收回, 已整改, 涉及金额12万元): none
    of its own below a finding; below a none, or alone, it is the finding (QA291 F2)."""
    return len(line) <= _KEPT_LENGTH and _DETAIL.fullmatch(_bare(line)) is not None


def is_remark(line: str) -> bool:
    """Whether a line of a findings cell is a remark on the findings above it (以上问题已整改, 共计扣2分, 备注：…, a
    signature): none of them, and alone in a cell no finding (QA284 F1)."""
    return _remark(line) if len(line) <= _KEPT_LENGTH else False  # a remark is short


@lru_cache(maxsize=4096)  # every finding of a portfolio is asked, and they repeat
def _remark(line: str) -> bool:
    return _REMARK.fullmatch(_bare(line)) is not None


def names_what_follows(line: str) -> bool:
    """Whether a line of a findings cell only names what the lines below it say (经检查, 检查结果：, 经查阅账簿凭证): a
    heading, never a finding of its own, whatever follows it or when nothing does (QA270 F3)."""
    return _heading(line) if len(line) <= _KEPT_LENGTH else _is_heading(line)


@lru_cache(maxsize=4096)
def _heading(line: str) -> bool:  # read once, as a short text's none is (every finding of a portfolio is asked)
    return _is_heading(line)


def _is_heading(line: str) -> bool:
    bare = _bare(line)
    return _HEADS.fullmatch(bare) is not None or _HEADS.fullmatch(_NUMBERED_HEAD.sub("", bare)) is not None  # 一、存在的问题


def says_the_rest_none(line: str) -> bool:
    """Whether a line says the rest is in order (其他资料齐全, 其余资料均已归档, 其他环节未发现问题): beside findings, none of
    them (QA286: counted as one more); alone it says something is not, and is a finding (其余合同等资料齐全: QA270 F2)."""
    bare = _NUMBERED.sub("", _bare(line))
    rest = bare[2:]
    return bare.startswith(("其他", "其余", "其它")) and len(rest) > 1 and len(bare) <= _KEPT_LENGTH and any(
        _says_none(rest[k:]) for k in range(0, min(5, len(rest) - 1)))


def _says_none(bare: str) -> bool:
    found = COUNT.fullmatch(bare)
    labelled = _LABEL.match(bare)  # 检查结果：无, 审计结论：未发现问题: what follows the label (one label)
    if labelled and labelled.end() < len(bare):
        rest = bare[labelled.end():]
        return rest in _NONE or (_LABEL.match(rest) is None and _says_none(rest))
    # a category answered none in words (资金使用：未发现问题: QA282 F4); a bare 无 may say the thing is missing (验收报告：无)
    # (of a paper or a piece of work, a none says it is missing: 可行性研究：未发现相关情况, QA285 F5)
    category = _CATEGORY.match(bare)
    if (category and category.end() < len(bare) and _DENIED_ALONE.fullmatch(rest := bare[category.end():]) is None
            and rest not in _NONE and _A_PROBLEM.search(rest) is not None
            and (_NO_PROBLEM.fullmatch(rest) is not None or _NONE_OF.fullmatch(rest) is not None)):
        return True
    return (bare.upper() in _NONE_FOUND or _NO_PROBLEM.fullmatch(bare) is not None or _IN_ORDER.fullmatch(bare) is not None
            or _LABELLED.fullmatch(bare) is not None or _AFFIRMED.fullmatch(bare) is not None
            or _NONE_OF.fullmatch(bare) is not None
            or _ALL_DONE.fullmatch(bare) is not None or (found is not None and found[2].strip("0〇零") == "") or _zero(bare))


_LABEL = compile_later(r"(检查|核查|审计|自查|审查|复核|抽查)(情况|结果|结论):|"
                       r"(评价|自评|审核|复核)(意见|结论|结果):|"  # 评价意见：
                       + _PROBLEMS_BELOW, needs=":发存")  # 主要问题：无 (QA273 F3)
_CATEGORY = compile_later(_CALM_WORDS + "{1,12}:")
_A_PROBLEM = compile_later("问题|违规|违纪|违法|缺陷|异常|不足|不合规|不规范|截留|挤占|挪用|虚列")
_DENIED_ALONE = compile_later(_DENIED + "(有)?")


def _bare(text: str) -> str:
    """`text` as it is read: full-width forms as their ASCII, without spaces, marks that print nothing (a zero-width space
    beside 无 made it a finding: QA267 F9) or the full stop it ends with."""
    if not text.isascii():
        text = _CIRCLED.sub("", "".join(c for c in text if unicodedata.category(c) != "Cf").lstrip())  # ①未发现… (QA269 F8)
    # a tab between a label and its answer, as a table pasted in the cell (截留⇥否: QA282 F3), is the colon it stands for;
    # a row's number before its first tab (1⇥施工合同⇥是, under 序号) is no part of it (QA286 F10)
    if "\t" in text:
        text = _ROW_NUMBER.sub("", text).replace("\t", ":")
    return "".join(unicodedata.normalize("NFKC", text).split()).rstrip("。.!！,，;；、")


_ROW_NUMBER = compile_later(r"^\s*\d{1,3}\t")


#: A circled number leading a list's line (①–⑳, ❶–❿, ➀–➓), which NFKC makes a bare digit: 1未发现… is no list's line
_CIRCLED = compile_later(r"^[\u2460-\u2473\u2776-\u2793]")


def names_nothing(text: str) -> bool:
    """Whether a findings text names no finding: marks alone (`marks_only`), or words that point elsewhere or say only
    that there is something (见附件, 同上, 略, 有问题, 多处); counted as one finding each cost a point where what was
    found cannot be told (QA278 F1, QA280 F7). A dash or a slash, which says none, is read as none before this."""
    return marks_only(text) or (len(text) <= 20 and _vague(text))


@lru_cache(maxsize=4096)  # every finding of a portfolio is asked, and they repeat (reading one cost 30 µs a project)
def _vague(text: str) -> bool:
    bare = _bare(text)
    return bare.upper() in _VAGUE or _ELSEWHERE.fullmatch(bare) is not None


#: what points to another paper for the findings: 详见附件1, 见评价报告, 详见附表二 (QA282 F5)
_ELSEWHERE = compile_later(r"\(?(详见|见|参见|具体见|具体详见)(附件|附表|报告|自评报告|评价报告|评价报告附件|工作底稿|底稿)"
                           r"[0-9一二三四五六七八九十]{0,3}(第[0-9一二三四五六七八九十]{1,3}(部分|页|章|节|条))?\)?",
                           needs="具参见详")


def marks_only(text: str) -> bool:
    """Whether a text holds no letter, digit or character of a word: 。, ？, *, （）, ：."""
    return not any(map(str.isalnum, text))


_VAGUE = frozenset({"是", "有", "有问题", "存在一些问题", "存在部分问题", "略", "同上", "待核实", "多处", "若干", "见附件",
                    "详见附件", "详见报告", "见报告", "详见自评报告", "XXX", "XX", "请填写", "(请填写)", "问题描述", "有缺项",
                    "有缺陷", "有违规", "多处违规"})


def list_number_only(line: str) -> bool:
    """Whether a line is only the number of a list's item, with nothing after it (1., （2）, 三、): no finding, and no
    word that there is none (QA267 F3: 1.⏎2. cost 2 points)."""
    return len(line) <= 16 and _number_only(line)  # a number, its mark and a few spaces: a finding's text is longer


@lru_cache(maxsize=4096)  # the few short lines of a portfolio's findings repeat, and every project's are read
def _number_only(line: str) -> bool:
    if not line.isascii():  # a zero-width mark before it (QA269 F8), or a circled number alone
        line = "".join(c for c in line if unicodedata.category(c) != "Cf")
        if _CIRCLED.fullmatch(line.strip()):
            return True
    text = "".join(unicodedata.normalize("NFKC", line).split())
    return _LIST_NUMBER.fullmatch(text) is not None


_LIST_NUMBER = compile_later(r"\d{1,2}[.、)．]|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}[、.]|\([一二三四五六七八九十]{1,2}\)")


def _zero(text: str) -> bool:
    """Whether text is the number 0 (0.0 typed as text)."""
    try:
        return Decimal(text) == 0
    except ArithmeticError:
        return False
