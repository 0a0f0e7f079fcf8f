"""The Chinese of the places a message is said of, tried before every other pattern of the catalog.

A problem placed on a form's cell (``项目支出绩效自评表!F13: …``), on a target
row (``row 2 (管网): …``) or said with the indicators that read a fact
(``… (read by output)``) wraps the message it places. These patterns take the
place first and translate what they wrap in turn; a more general pattern of
the catalog would otherwise take the place into its own fields.
"""

from __future__ import annotations

__all__ = ["PLACES"]

PLACES = (
    # pandas' NaT given for a fact of another type (_numpy_values.pandas_blank, QA155 F9): before "{written} is not a number"
    ("pandas NaT is not a number", "pandas 的 NaT 不是数字"),
    ("pandas NaT is not true or false", "pandas 的 NaT 不是 true 或 false"),
    ("pandas NaT is not text", "pandas 的 NaT 不是文字"),
    ("pandas NaT is not a list", "pandas 的 NaT 不是列表"),
    ("pandas NaT is not an evaluator's judgement", "pandas 的 NaT 不是评价人的判断"),
    ("pandas NaT is not a number or text", "pandas 的 NaT 不是数字或文字"),  # a target row's target or actual (QA156 F6)
    ("pandas NaT is not a target row", "pandas 的 NaT 不是绩效目标行"),
    ("pandas NaT is not text, a number or a date", "pandas 的 NaT 不是文字、数字或日期"),  # a project detail
    # a problem placed on a form's cell (forms/): the cell first, whatever the message it places
    ("{sheet:sheet}!{cell:cell}: {message}", "{sheet}!{cell}：{message!t}"),
    ("{message}: the row names {name} instead", "{message!t}：这一行写的名称是 {name}"),
    ("write {fact} in the row's name", "把这一行的名称改为 {fact}"),
    ("{message}: its row is not read, its 类别 is not 事实", "{message!t}：这一行的类别不是“事实”，未读取"),
    ("write 事实 in the row's 类别 cell (merged cells hold their value in their first row only)",
     "在这一行的类别单元格填写“事实”（合并的单元格只有第一行有值）"),
    ("{message} (read by {readers})", "{message!t}（读取它的指标：{readers!l}）"),
    # a project `diff` could not score under one of the two sets it compares
    ("under the old set {ref}: {message}", "按原指标体系 {ref} 评分失败：{message!t}"),
    ("under the new set {ref}: {message}", "按新指标体系 {ref} 评分失败：{message!t}"),
    # a problem of a file one test case names, said in that case (cases)
    ("in case {name}: {message}", "用例 {name}：{message!t}"),
    ("the file is read-only", "文件是只读的"),
    ("no permission to write the file", "没有写入这个文件的权限"),
    ("the disk it is on is read-only", "它所在的磁盘是只读的"),
    ("write it to a folder on another disk", "写到其他磁盘上的文件夹中"),
    ("free some space on its disk, or write it to another disk", "腾出磁盘空间，或写到其他磁盘"),
    # a link given as the folder `sets --copy` writes into, naming no folder (_set_copy: QA216 5)
    ("cannot create the folder: it is a symbolic link in a loop of links", "无法创建文件夹：它是符号链接，而这些链接形成了循环"),
    ("remove the link, or give another folder", "删去这个链接，或换一个文件夹"),
    ("cannot create the folder: it is a link to {target}, which is no folder",
     "无法创建文件夹：它是指向 {target} 的链接，而那里没有文件夹"),
    ("write it under another file name, or ask its owner for the right to write it",
     "写到另一个文件名，或请文件的所有者给你写入它的权限"),
    ("write 是 or 否", "填写 是 或 否"),
    # the json module's words, said whole (QA110 F8)
    ("a text holds a line break or another control character", "文字中有换行或其他控制字符"),
    ("close the text's quote on its line; write a line break in a text as \\n, a tab as \\t",
     "在文字所在的行补上结尾的引号；文字中的换行写成 \\n，制表符写成 \\t"),
    ("close the quote where the text ends", "在文字结束处补上引号"),
    ("a comment, which JSON does not have", "这是注释，JSON 不能写注释"),
    ("delete the comment", "删去这条注释"),
    ("a key in single quotes", "键名用了单引号"),
    ("write keys and texts in double quotes", "键名和文字要用双引号"),
    ("a key in double quotes is expected here", "这里应为用双引号括起的键名"),
    ("a text in single quotes", "文字用了单引号"),
    ("Python's {word}, which JSON does not have", "{word} 是 Python 的写法，JSON 中没有"),
    ("write it as {value}, as JSON does", "按 JSON 的写法改为 {value}"),
    # Python's parser, on a formula (QA110 F8)
    ("expected 'else' after 'if' expression", "条件表达式缺少 else 部分（应写成 x if 条件 else y）"),
    ("unexpected character after line continuation character", "反斜杠 \\ 后面还有字符（公式中不能用 \\ 续行或转义）"),
    # Python's parser, on a formula (QA112 F6)
    ("invalid digit '{digit}' in binary literal", "二进制数中有无效的数字 '{digit}'"),
    ("invalid hexadecimal literal", "无效的十六进制数"),
    ("invalid octal literal", "无效的八进制数"),
    ("cannot use starred expression here", "这里不能用 * 展开"),
    ("cannot use double starred expression here", "这里不能用 ** 展开"),
    ("expression expected after dictionary key and ':'", "映射的键和 ':' 后面缺少表达式"),
    ("Missing parentheses in call to 'print'. Did you mean print(...)?", "调用 print 缺少括号（公式中也不能调用 print）"),
    ("'{char}' was never closed", "'{char}' 没有闭合"),
    ("delete the {closing}, or open it with a {opening}", "删去 {closing}，或在前面补上 {opening}"),
    ("close the {opening} with a {closing}", "用 {closing} 闭合 {opening}"),
    # an invisible character in a name or label (QA112 F6)
    ("{key:w} holds U+{code} {name}, an invisible character that reorders or hides text",
     "{key} 含有 U+{code} {name}，这是会打乱或隐藏文字的不可见字符"),
    ("retype the name", "重新输入名称"),
    ("retype the formula", "重新输入公式"),  # an invisible character in a formula: not the {key} below
    ("retype the {key:w}", "重新输入 {key}"),
    # a set's name so long it is cut (QA112 F5)
    ("no indicator set {ref:q} ({length:n} characters): neither a file in the folder of the file that names it nor a "
     "bundled set id", "没有指标体系 {ref}（共 {length} 个字符）：既不是写它的文件所在文件夹内的文件，也不是内置指标体系的编号"),
    ("no indicator set {ref:q} ({length:n} characters): neither a file nor a bundled set id",
     "没有指标体系 {ref}（共 {length} 个字符）：既不是文件，也不是内置指标体系的编号"),
    # a profile's missing base: the sets beside it, and the bundled ones (QA178 F4); before the catalog's "sets in that folder"
    ("sets in that folder: {names}; bundled sets: {ids}", "该文件夹内的指标体系：{names!l}；内置体系：{ids!l}"),
    # a quote left open (QA110 F3)
    ("the quote opened here is never closed", "这里开始的引号一直没有闭合"),
    ("the text in quotes begun here runs on to line {line:n}, where the parser stopped",
     "从这里开始的引号内文字一直延续到第 {line} 行，解析在那里停下"),
    ("close the quote where its text ends, or delete it", "在文字结束处补上引号，或删去这个引号"),
    # a character pasted into an indentation, which shows as a space or as nothing (QA110 F4)
    ("an invisible {what} {char:q} where {syntax} expects only spaces", "{char} 是看不见的{what!t}，{syntax} 在这里只能是空格"),
    ("delete it and indent with spaces: it came with text pasted from a web page, Word or another file",
     "删去它，用空格缩进：它是随着从网页、Word 或其他文件复制的文字带进来的"),
    ("no-break space", "不换行空格"),
    ("byte order mark", "字节顺序标记（BOM）"),
    ("zero-width space", "零宽空格"),
    # …or after a key's colon, and a break YAML reads where an editor shows none (_typing_slips: QA177 F3)
    ("type a space in its place: it came with text pasted from a web page, Word or another file",
     "删去它，换成一个空格：它是随着从网页、Word 或其他文件复制的文字带进来的"),
    ("an invisible {what} {char:q} inside the line, which {syntax} reads as a line break",
     "{char} 是看不见的{what!t}，{syntax} 会把它当作换行"),
    ("delete it: it came with text pasted from a web page, Word or another file",
     "删去它：它是随着从网页、Word 或其他文件复制的文字带进来的"),
    ("one byte order mark {char:q} too many at the start of the text, which JSON does not take",
     "开头多了一个字节顺序标记（BOM）{char}，JSON 不接受"),
    ("delete it: a file, or a line of JSON Lines, begins with one mark at most",
     "删去它：文件开头最多只能有一个这样的标记，JSON Lines 的每一行开头也是"),
    ("zero-width non-joiner", "零宽不连字"),
    ("zero-width joiner", "零宽连字"),
    ("word joiner", "零宽连接符"),
    ("narrow no-break space", "窄不换行空格"),
    ("thin space", "窄空格"),
    ("line separator", "行分隔符"),
    ("paragraph separator", "段分隔符"),
    ("next-line character", "下一行字符（NEL）"),
    # a mapping written empty where the schema wants entries (change: {}, targets: {})
    ("{field} has no entries", "{field} 下面没有写任何内容"),
    ("write its entries under it, or delete {field}", "在它下面写出其内容并多缩进两个空格，或删去 {field}"),
    ("write its entries under it", "在它下面写出其内容并多缩进两个空格"),
    ("write it as {example}, or [] for none", "请写成 {example}；没有则写 []"),  # after the place a pattern above takes (QA38)
    ("write it as text, or as {{text: …, points: …}}", "写成文字，或写成 {{text: …, points: …}}"),
    ("{text:q} may be several findings in one line", "{text} 可能是写在同一行的几个问题"),
    ("{text:q} says how many findings, not what they are", "{text} 只写了问题的个数，没有写出是哪些问题"),
    ("write each finding on a line of its own in the cell (Alt+Enter), or 无 for none",
     "在单元格中每行写一个问题（Alt+Enter 换行）；没有问题写“无”"),
    ("a finding with points is written as JSON, not {text:q}", "带扣分的问题应按 JSON 填写，实际是 {text}"),
    ('write it as {{"text": "…", "points": 2}}', '请写成 {{"text": "…", "points": 2}}'),
    # a project detail a spreadsheet changed (forms/details.py, QA192 F2): before "project detail {key}: {message}"
    ("project detail {key} is a date ({day}), which a spreadsheet makes of text such as 1-2: what was typed is not kept",
     "项目信息“{key}”是日期（{day}）：在单元格中输入 1-2 这样的文字，表格会把它变成日期，原来输入的文字已不在"),
    ("the project's year is a date ({day}), not a year", "项目的年度是日期（{day}），不是年份"),
    ("type the year as a number, such as 2024, in a cell formatted 常规 (General) or 文本 (text)",
     "在格式为“常规”或“文本”的单元格中把年度写成数字，例如 2024"),
    ("project detail {key} is a true/false cell", "项目信息“{key}”是逻辑值（TRUE/FALSE）单元格"),
    ("project detail {key}: {message}", "项目信息“{key}”：{message!t}"),
    ("a spreadsheet keeps 15 digits of a number: an id it shows as 1.23E+17 has already lost its last digits; set the "
     "cell's format to 文本 (text) and type it again, or type ' before it",
     "表格中的数字只保留 15 位有效数字：显示为 1.23E+17 的编号已丢失末几位数字；请把单元格格式设为“文本”后重新输入，"
     "或先输入英文单引号 ' 再输入"),
    ("set the cell's format to 文本 (text) and type it again, or type ' before it",
     "请把单元格格式设为“文本”后重新输入，或先输入英文单引号 ' 再输入"),
    ("holds a time of day or a duration ({value}), which no fact takes", "单元格是时刻或时长（{value}），没有事实取这样的值"),
    # a unit typed in the side sheet's 单位 cell (forms/side._in_own_unit: QA261 F3)
    ("the unit is {unit}, where {label} ({name}) is in {own}", "单位写为 {unit}，而{label}（{name}）以 {own} 计"),
    ("write the value in {own}, and {own} back in this cell", "按 {own} 填写数值，并把本单元格改回 {own}"),
    ("write the value itself: a number, a date or text", "请直接写值：数字、日期或文字"),
    # an indicator a clerk marks 不适用 on the form itself (forms/indicators: QA261 F8)
    ("fill in the cell, or, if {label} does not apply, add a row 不适用 | {again} | the reason on the side sheet {side}",
     "填写该单元格；{label}不适用时，请在{side}中加一行：不适用 | {again} | 原因"),
    ("a row that does not apply is deleted, its 分值 shared among the others; if all of {label} does not apply, add a row "
     "不适用 | {again} | the reason on the side sheet {side}, and leave its rows out",
     "不适用的行请删去，其分值分给其他各行；{label}整体不适用时，请在{side}中加一行：不适用 | {again} | 原因，并删去它的各行"),
    ("row {name} says 不适用", "行 {name} 填写了“不适用”"),
    ("type the value itself, or copy the cell and paste it over itself as values (选择性粘贴 → 数值)",
     "直接填写值，或复制该单元格后在原处“选择性粘贴 → 数值”"),
    ("put each finding on a line of its own in the cell (Alt+Enter), or write them as {example}",
     "每个问题在单元格中单独占一行（Alt+Enter 换行），或写成 {example}"),
    ("expected an object {shape}, got true or false", "应为对象 {shape}，实际是是/否值"),  # before the pattern of any kind
    ("expected a list, got true or false", "应为列表，实际是是/否值"),
    ("expected a number, got empty (null)", "应为数字，实际是空值（null）"),
    ("expected a number, got a list", "应为数字，实际是列表"),
    ("expected a number, got an object", "应为数字，实际是一组“名称: 值”"),
    ("expected a finding, got true or false", "应为问题描述，实际是是/否值"),
    ("expected 是 or 否, got {value}", "应为 是 或 否，实际是 {value!t}"),
    ("this workbook is a 评分表 report written by scoring-engine, not a filled 自评表",
     "这个工作簿是 scoring-engine 写出的评分表（报告），不是填好的自评表"),
    ("score the facts file it was written from; a report written with --layout selfeval is a 自评表, which reads back",
     "请对写出它的事实文件评分；用 --layout selfeval 写出的报告才是自评表，可以读回评分"),
    ("make it writable first if it is to be replaced, or give another file", "要替换它，先取消只读属性；或者写到另一个文件"),
    ("write it into a folder you may write in, or ask for the right to write in this one",
     "写到有权限写入的文件夹中，或申请这个文件夹的写入权限"),
    ("{message}; the form gives {values}", "{message!t}；表上填写的是 {values!l}"),
    ("check what these cells hold", "核对这些单元格填写的值"),
    ("the form gives the 总分 {typed} where the set scores {computed}; the set's score counts",
     "表上填写的总分 {typed} 与按体系计算的 {computed} 不同，以计算结果为准"),
    ("the form gives {typed} points where the set scores {computed}; the set's score counts",
     "表上填写的得分 {typed} 与按体系计算的 {computed} 不同，以计算结果为准"),
    ("the cell holds {value} in a percentage format, so it reads {shown}", "该单元格设为百分比格式，填写的 {value} 读作 {shown}"),
    ("if {value}% is meant, type {value}% or {ratio}; if {shown} is, type it as text, {again}",
     "若本意为 {value}%，请填写 {value}% 或 {ratio}；若确为 {shown}，请以文字填写 {again}"),
    ("the form gives {typed} points, which a facts file does not keep: the set computes the score",
     "表上填写的得分 {typed} 不会写入事实文件：得分按体系计算"),
    ("{label} ({name}) is blank, so the set's default {default} is used",
     "{label}（{name}）未填写，按指标体系的默认值 {default} 计分"),
    ("the form gives no {label} ({name}), so the set's default {default} is used",
     "表上没有填写{label}（{name}），按指标体系的默认值 {default} 计分"),
    ("fill the cell if the project's is another", "项目的值不是它时，请填写该单元格"),
    ("{id} is a profile of {named}, whose changes apply; to score the form as {named} does: {how}",
     "{id} 是 {named} 的派生体系，按其改动计分；若要按 {named} 计分：{how!t}"),
    # a misspelt 事实 row whose closest fact the form gives already (forms/unread: QA159 F2)
    ("{name} is given at {cell}", "{name} 已在 {cell} 填写"),
    ("{name} is given on the form", "{name} 已在表上填写"),
    ("give the form by its path in place of -: a form is not read from standard input",
     "请以表格的路径代替 -：表格不从标准输入读取"),
    ("give one project's facts file or filled 自评表: this workbook lists the projects a batch scored",
     "请给出一个项目的事实文件或填好的自评表：这个工作簿列出的是一批项目的评分结果"),
    # a file given as one project's facts that is plainly another kind (_other_kinds, QA155 F7)
    ("give one project's facts file or filled 自评表: this file lists the projects a batch scored",
     "请给出一个项目的事实文件或填好的自评表：这个文件列出的是一批项目的评分结果"),
    ("this is a CSV table, not a facts file", "这是 CSV 表格，不是事实文件"),
    ("this is a web page (HTML), not a facts file", "这是网页（HTML），不是事实文件"),
    ("this is a Markdown report, not a facts file", "这是 Markdown 报告，不是事实文件"),
    ("scoring-engine writes such files (score -o, batch's summaries) but reads none: give a project's facts file "
     "(.json or .yaml) or its filled 自评表",
     "scoring-engine 会写出这类文件（score -o、batch 的汇总），但不读取它们：请给出项目的事实文件（.json 或 .yaml）"
     "或填好的自评表"),
    # …given to import as a filled form (_other_kinds.other_kind_as_form, QA156 F9)
    ("this is a CSV table, not an .xlsx workbook", "这是 CSV 表格，不是 .xlsx 工作簿"),
    ("this is a web page (HTML), not an .xlsx workbook", "这是网页（HTML），不是 .xlsx 工作簿"),
    ("this is an Excel 2003 XML spreadsheet, not an .xlsx workbook", "这是 Excel 2003 XML 表格，不是 .xlsx 工作簿"),
    ("this is a Markdown report, not an .xlsx workbook", "这是 Markdown 报告，不是 .xlsx 工作簿"),
    ("scoring-engine writes such files (score -o, batch's summaries) but reads none: import reads a filled 自评表 saved "
     "as Excel Workbook (.xlsx)",
     "scoring-engine 会写出这类文件（score -o、batch 的汇总），但不读取它们：import 读取另存为 Excel 工作簿（.xlsx）"
     "的填好的自评表"),
    # …and a set, a case file, facts or a result given to import, named by its keys as score names it (QA181 F2)
    ("this is a result written by scoring-engine score (it has engine: and total:), not a filled 自评表 workbook (.xlsx)",
     "这是 scoring-engine score 写出的评分结果（有 engine: 和 total:），不是填好的自评表工作簿（.xlsx）"),
    ("this is an indicator set (it has indicators: or extends:), not a filled 自评表 workbook (.xlsx)",
     "这是指标体系（有 indicators: 或 extends:），不是填好的自评表工作簿（.xlsx）"),
    ("this is a test cases file (it has cases:), not a filled 自评表 workbook (.xlsx)",
     "这是测试用例文件（有 cases:），不是填好的自评表工作簿（.xlsx）"),
    ("this is a facts file (it has facts:), not a filled 自评表 workbook (.xlsx)",
     "这是事实文件（有 facts:），不是填好的自评表工作簿（.xlsx）"),
    ("import reads a filled 自评表 saved as Excel Workbook (.xlsx); a result needs no import",
     "import 读取另存为 Excel 工作簿（.xlsx）的填好的自评表；评分结果无需导入"),
    ("import reads a filled 自评表 saved as Excel Workbook (.xlsx); give the set the form is for with --set",
     "import 读取另存为 Excel 工作簿（.xlsx）的填好的自评表；表格所用的指标体系用 --set 给出"),
    ("run it with scoring-engine test; import reads a filled 自评表 saved as Excel Workbook (.xlsx)",
     "用 scoring-engine test 运行它；import 读取另存为 Excel 工作簿（.xlsx）的填好的自评表"),
    ("a facts file needs no import: rename it to end in .json (or .yaml) and score it with scoring-engine score",
     "事实文件无需导入：改名为以 .json（或 .yaml）结尾后，直接用 scoring-engine score 为它评分"),
    ("a facts file needs no import: score it with scoring-engine score",
     "事实文件无需导入：直接用 scoring-engine score 为它评分"),
    # …and to score, batch or explain, named as a workbook (QA189 F2)
    ("rename it to end in .json (or .yaml): a file named as a workbook is read as a filled 自评表",
     "把文件名改为以 .json（或 .yaml）结尾：以工作簿命名的文件按填好的自评表读取"),
    ("this is a text file (JSON or YAML), not an .xlsx workbook", "这是文本文件（JSON 或 YAML），不是 .xlsx 工作簿"),
    ("this is a text file, not an .xlsx workbook", "这是文本文件，不是 .xlsx 工作簿"),  # no JSON or YAML (QA214 3)
    ("if it is a facts file, rename it to end in .json (or .yaml) and score it with scoring-engine score; a filled 自评表 "
     "is read from an Excel Workbook (.xlsx)",
     "若是事实文件，请改名为以 .json（或 .yaml）结尾，再用 scoring-engine score 评分；填好的自评表应为 Excel 工作簿（.xlsx）"),
    ("if it is a facts file, rename it to end in .json (or .yaml) and score it with scoring-engine score; a filled 自评表 "
     "is read from an Excel Workbook (.xlsx); in Python, load_facts(path) reads a facts file named .json or .yaml",
     "若是事实文件，请改名为以 .json（或 .yaml）结尾，再用 scoring-engine score 评分；填好的自评表应为 Excel 工作簿（.xlsx）；"
     "在 Python 中，load_facts(path) 读取以 .json 或 .yaml 命名的事实文件"),
    # a form naming a set that is not bundled, when its hint says the --set to pass (QA214 9)
    ("the form names the set {named}, which is not bundled", "自评表注明的指标体系 {named} 不是内置指标体系"),
    ("a facts file is scored with scoring-engine score; import reads filled 自评表 workbooks",
     "事实文件请用 scoring-engine score 评分；import 读取填好的自评表工作簿"),
    ("a facts file is scored with scoring-engine score; import reads filled 自评表 workbooks; in Python, "
     "load_facts(path) reads a facts file named .json or .yaml",
     "事实文件请用 scoring-engine score 评分；import 读取填好的自评表工作簿；在 Python 中，load_facts(path) 读取以 .json 或 "
     ".yaml 命名的事实文件"),
    ("the form was written for version {version} of the set {named}, and is read here with {id}, a profile of its "
     "version {current}",
     "这张表是按指标体系 {named} 的 {version} 版填写的，这里却用 {id} 读取，它派生自 {named} 的 {current} 版"),
    # several files of that version that differ, and the form records none's sha256 (QA217 4): before the one file's
    ("pass --set with the file the form was filled from, one of {paths}: files of the set {named} near it that differ",
     "请用 --set 指定填表所依据的文件，即 {paths!l} 之一：它们都是附近指标体系 {named} 的文件，内容各不相同"),
    ("read it with the file of version {version} (pass --set with one of {paths}, which differ), or fill the blank form of "
     "version {current} ({template})",
     "用 {version} 版的文件读取（用 --set 指定 {paths!l} 之一，它们内容各不相同），或改填 {current} 版的空白表"
     "（{template}）"),
    ("read it with a profile of version {version}, or with the file of version {version} (pass --set with one of "
     "{paths}, which differ), or fill the blank form of {id} ({template})",
     "请用派生自 {version} 版的指标体系读取，或用 {version} 版的文件读取（用 --set 指定 {paths!l} 之一，它们内容各不相同），"
     "或填写 {id} 的空白表（{template}）"),
    # with the file of that version when one is near the form (QA155 F8): before the line without it, which would take it
    ("read it with the file of version {version} (pass --set {path}), or fill the blank form of version {current} "
     "({template})",
     "用 {version} 版的文件读取（--set {path}），或改填 {current} 版的空白表（{template}）"),
    ("read it with a profile of version {version}, or with the file of version {version} (pass --set {path}), or fill the "
     "blank form of {id} ({template})",
     "请用派生自 {version} 版的指标体系读取，或用 {version} 版的文件读取（--set {path}），或填写 {id} 的空白表"
     "（{template}）"),
    ("read it with a profile of version {version}, or fill the blank form of {id} ({template})",
     "请用派生自 {version} 版的指标体系读取，或填写 {id} 的空白表（{template}）"),
    ("read the form with the set it was written for, which its side sheet names",
     "请用表外事实页注明的、这张表所属的指标体系读取"),
    ("add the row 事实 | {name} | 值 on sheet {sheet} if the project's is another",
     "项目的值不是它时，请在工作表 {sheet} 加一行“事实 | {name} | 值”"),
    ("the form gives the 执行率 {typed}% where its amounts give {paid} ÷ {budget} = {computed}%; the computed one counts",
     "表上填写的执行率 {typed}% 与表上金额算得的 {paid} ÷ {budget} = {computed}% 不同，以计算结果为准"),
    ("the form gives the 执行率 {typed} where its amounts give {paid} ÷ {budget} = {computed}%; the computed one counts",
     "表上填写的执行率 {typed} 与表上金额算得的 {paid} ÷ {budget} = {computed}% 不同，以计算结果为准"),
    ("the rows of {name} are filled ({count:n} cells), but {cell} marks {marked} not applicable, so they are not scored",
     "{name}的各行已填写（{count} 个单元格），但 {cell} 把 {marked} 标为不适用，这些行不计分"),
    ("delete the 不适用 row of {marked} on {sheet}, or clear these rows", "删去{sheet}中 {marked} 的“不适用”行，或清空这些行"),
    ("fill the blank form of {id} ({template}), which has the 一级 of that set, or score with the set "
     "whose form this is ({given})",
     "改用 {id} 的空白表（{template}）填写，它的一级指标与该体系一致；或按这张表所属的指标体系评分（{given}）"),
    ("write the id of one of: {ids}", "写下列指标之一的编号：{ids!l}"),
    ("the workbook holds {count:n} copies of the sheet {sheet} ({names}); a form has one",
     "工作簿中有 {count} 个“{sheet}”工作表的副本（{names!l}）；一份表只有一个"),
    ("delete the copies that are not the unit's, and name the one kept {sheet}",
     "删去不是本单位填写的副本，并把保留的一个命名为 {sheet}"),
    ("the year ({written}) cannot be read, so the project has none", "年度（{written}）读不出，该项目没有年度"),
    ("write it as （2024年度）", "请写成（2024年度）"),
    ("the score typed here ({written}) is no number, so it is not compared with the set's",
     "此处填写的得分（{written}）不是数字，不与按体系计算的得分比较"),
    ("write the score as a number, such as 8", "按数字填写得分，如 8"),
    ("the score typed here ({written}) is a formula, which is not worked out, so it is not compared with the set's",
     "此处填写的得分（{written}）是公式，不会计算，不与按体系计算的得分比较"),
    ("type the score's value as a number, such as 8", "直接填写得分的数值，如 8"),
    ("the 执行率 typed here ({written}) is no rate, so it is not compared with the amounts",
     "此处填写的执行率（{written}）不是比率，不与金额核对"),
    ("write the rate as 84%, or leave the cell empty", "按 84% 这样填写执行率，或留空"),
    ("the 执行率 typed here ({written}) is a formula, which is not worked out, so it is not compared with the amounts",
     "此处填写的执行率（{written}）是公式，不会计算，不与金额核对"),
    ("the 执行率 typed here ({written}) is an error value, which a formula that failed leaves, so it is not compared "
     "with the amounts", "此处填写的执行率（{written}）是公式出错后留下的错误值，不与金额核对"),
    ("type the rate's value, such as 84%, or leave the cell empty", "直接填写执行率的数值，如 84%，或留空"),
    ("the 执行率 typed here is on a row without both its {budget} and {paid}, so it is not read",
     "此处填写的执行率所在行没有同时填写{budget}和{paid}，不会被读取"),
    ("type the row's amounts, or leave the 执行率 empty", "填写该行的金额，或把执行率留空"),
    ("the {column} of the 其中 rows add up to {added} ({cells}), not {total}",
     "“其中”各行的{column}合计 {added}（{cells}），不等于 {total}"),
    ("check the amounts: a 其中 row left empty counts for nothing", "请核对金额：“其中”中空着的行按 0 计"),
    ("{title} ({fact}): row {number:n} ({name}): {message}", "{title}（{fact}）：第 {number} 行（{name}）：{message!t}"),
    ("row {number:n} ({name}): {message}", "第 {number} 行（{name}）：{message!t}"),
    ("row {number:n}: {message}", "第 {number} 行：{message!t}"),
    ("row {name}: {message} (cells {first}–{last})", "行 {name}：{message!t}（单元格 {first}–{last}）"),
    ("row {name}: {what} is empty", "行 {name}：{what}未填写"),
    ("row {name}: {label} is empty, and the target {target} has no sign",
     "行 {name}：{label}未填写，而指标值 {target} 没有写 ≥、≤ 或 ="),
    ("row {name}: {label} {target} has no sign, and a {category} row without one is scored as a target to reach (≥)",
     "行 {name}：{label} {target} 没有写 ≥ 或 ≤，{category}不写符号会按“越高越好”（≥）计分"),
    ("the row gives no actual", "这一行没有填写实际完成值"),
    ("the row gives no target", "这一行没有填写年度指标值"),
    ("the row gives no weight", "这一行没有填写分值"),
    ("the row gives no unit", "这一行没有填写单位"),
    ("the row gives no tier, score or reason", "这一行没有填写档次、得分和理由（缺其中一项或几项）"),
    ("the row gives no tier", "这一行没有填写档次"),
    ("the row gives no score", "这一行没有填写得分"),
    ("the row gives no reason", "这一行没有填写理由"),
    ("write it in the row", "在这一行填写"),
    ("the cell's number is {value}, which no workbook holds (NaN or infinity)",
     "单元格中的数是 {value}，工作簿不会存这样的数（非数或无穷大）"),
    ("type the number again", "重新输入这个数"),
    # a workbook forged or damaged so that read-only reading would take a value from elsewhere, or miss one (QA95 F5, F6, F8)
    ("not an .xlsx workbook: its part {part} is stored twice", "不是 .xlsx 工作簿：其中的部件 {part} 存了两份"),
    ("not an .xlsx workbook: two of its sheets are the one part {part}", "不是 .xlsx 工作簿：其中两个工作表是同一个部件 {part}"),
    ("the workbook's XML parts unpack to more than {limit:n} bytes ({name})",
     "工作簿的 XML 部件解压后超过 {limit} 字节（{name}）"),
    ("part {part} declares a document type (<!DOCTYPE …>), which no workbook has: its entities could make a few kilobytes "
     "gigabytes", "部件 {part} 声明了文档类型（<!DOCTYPE …>），工作簿不会有它：其中的实体可以把几 KB 变成几 GB"),
    ("the cell is given twice, which no spreadsheet program writes", "这个单元格写了两次，电子表格软件不会这样保存"),
    ("part {part} holds more than {limit:n} XML elements ({name})", "部件 {part} 有超过 {limit} 个 XML 元素（{name}）"),
    ("part {part} holds more than {limit:n} XML attributes, or more than {names:n} names of attributes ({name})",
     "部件 {part} 有超过 {limit} 个 XML 属性，或超过 {names} 种属性名（{name}）"),
    ("part {part} holds a tag or a text longer than {limit:n} characters, which no spreadsheet program writes",
     "部件 {part} 中有一个标记或一段文字长于 {limit} 个字符，电子表格软件不会这样保存"),
    ("the workbook's XML parts hold more than {limit:n} elements in all ({name})",
     "工作簿的 XML 部件合计有超过 {limit} 个元素（{name}）"),
    ("the workbook lists sheet {sheet}, whose part {part} it does not hold", "工作簿列出了工作表 {sheet}，却没有它的部件 {part}"),
    ("the workbook lists sheet {sheet} without naming its part", "工作簿列出了工作表 {sheet}，却没有写明它的部件"),
    ("the workbook lists sheet {sheet} as a chart sheet, but its part {part} is none",
     "工作簿把工作表 {sheet} 列为图表工作表，但它的部件 {part} 不是图表工作表"),
    ("the cell's text is longer than {limit:n} characters, which no cell holds",
     "单元格的文字超过 {limit} 个字符，单元格不会存这么长的文字"),
    ("sheet {sheet}: row {row:n} comes after row {previous:n} (rows out of order or given twice), which no spreadsheet program "
     "writes", "工作表 {sheet}：第 {row} 行排在第 {previous} 行之后（行的顺序错乱或同一行写了两次），电子表格软件不会这样保存"),
    ("the cell's value is not what its type says (a number, true or false, a date, or a shared text's number)",
     "单元格的值与它的类型不符（类型为数字、是/否值、日期或共享文字的编号）"),
    ("sheet {sheet}, row {row:n}: a cell's reference is not a cell's (such as F6)",
     "工作表 {sheet} 第 {row} 行：有一个单元格的引用不是单元格引用（应如 F6）"),
    ("sheet {sheet}: an element that is no cell (a merged range, the page setup…) cannot be read",
     "工作表 {sheet}：有一个不是单元格的元素（合并区域、页面设置等）无法读取"),
    ("the cell's text is shared text {index}, which the workbook does not hold ({count:n} shared texts, numbered from 0)",
     "单元格的文字指向第 {index} 条共享文字，工作簿中没有这一条（共 {count} 条，从 0 编号）"),
    ("target {target} has no sign, and a {category} row without one is scored as a target to reach (≥)",
     "指标值 {target} 没有写 ≥ 或 ≤，{category}不写符号会按“越高越好”（≥）计分"),
    ("write ≤{target} for a ceiling (the usual 成本指标), ={target} for an exact value, or ≥{target}",
     "上限写 ≤{target}（成本指标通常如此），须恰好相等写 ={target}，要达到的目标写 ≥{target}"),
    ("write ≤{target} for a time limit (完成时限), ={target} for an exact value, or ≥{target}",
     "时限写 ≤{target}（完成时限通常如此），须恰好相等写 ={target}，要达到的目标写 ≥{target}"),
    ("row {name}: {message}", "行 {name}：{message!t}"),
    ("{label} {target} is no number, so the row is qualitative, but actual is a number",
     "{label!t} {target} 不是数字，所以这是定性指标，但实际完成值是数字"),
    ("write the target as a number (≥19栋, 不少于19栋), or the actual as a tier (达成年度指标)",
     "把指标值写成数字（≥19栋、不少于19栋），或把实际完成值写成档次（达成年度指标）"),
    ("write ≥ for a target to reach, ≤ for a ceiling, = for an exact value", "要达到的目标写 ≥，上限写 ≤，须恰好相等写 ="),
    ("actual must be a number for a numeric target, got text {value}", "数值型指标的实际值应为数字，实际是文字 {value}"),
    ("{field} must be a number for a numeric target, got text {value}", "{field}应为数字（数值型指标），实际是文字 {value}"),
    ("the {columns} typed here ({cells}) are not read: the 预算执行率 is scored once, on the row of the whole budget",
     "此处填写的{columns}（{cells}）不会被读取：预算执行率只在资金总额一行计一次分"),
    ("leave them empty: the 分值 and 得分 of the budget's execution go on its first row",
     "请留空：预算执行率的分值和得分填在资金总额一行"),
    # the side sheet (forms/side.py)
    ("{name} is given twice, {one} at {first} and {other} here", "{name} 填写了两次：{first} 为 {one}，此处为 {other}"),
    ("{name} is given twice, {one} and {other} here", "{name} 填写了两次：先为 {one}，此处为 {other}"),
    ("keep the right one and delete the other", "保留正确的一处，删去另一处"),
    ("the 不适用 row names no indicator", "这一“不适用”行没有写指标"),
    ("the 不适用 row names {value}, not an indicator", "这一“不适用”行写的是 {value}，不是指标"),
    ("write the id of the indicator that does not apply (satisfaction), or its label on the form (满意度指标)",
     "写不适用指标的编号（如 satisfaction）或它在表上的名称（如 满意度指标）"),
    ("the 不适用 row of {name} gives no reason", "{name} 的“不适用”行没有写原因"),
    ("the reason of the 不适用 row of {name} is {value}, not words", "{name} 的“不适用”行所写原因是 {value}，不是文字说明"),
    ("write why the indicator does not apply", "写明该指标不适用的原因"),
    ("make them add up to {weight}, the weight the set gives {label}", "使各行分值合计为 {weight}，即指标体系中{label}的分值"),
    ("make them add up to {weight} (the weight the set gives {label}), or to {rescaled}, the group's weight with the "
     "indicators marked 不适用 rescaled away",
     "使各行分值合计为 {weight}（指标体系中{label}的分值），或合计为 {rescaled}（标为不适用的指标剔除后本组按比例调整的分值）"),
    ("fill in the cell; a row judged by its tier (定性) writes the tier in 实际完成值 (达成年度指标), not a number",
     "填写该单元格；按档次评判的定性指标在实际完成值中填写档次（如 达成年度指标），而不是数字"),
    ("the 分值 {shown} is scored as {scored}, the row's share of the group's rescaled weight",
     "分值 {shown} 按 {scored} 计分（本组按比例调整后的分值中该行应得的份额）"),
    ("keep the 分值 the form was written with, or give the declared 分值 of every row of the group",
     "保留表上原有的分值，或为本组各行填写原分值"),
    ("the merged cells {merged} hold one value, their first cell's: unmerge them and type each row's own value",
     "合并单元格 {merged} 的值只属于其第一个单元格：请取消合并，在每一行填写该行自己的值"),
    ("the merged cells {merged} hold one value, their first cell's: unmerge them and type each cell's own value",
     "合并单元格 {merged} 的值只属于其第一个单元格：请取消合并，在每个单元格填写各自的值"),  # across columns (QA165 F8)
    # a date given as 20241231, as typed in a form's date-formatted cell, or 2024/12/31 (fact_values._date_fix: QA177 F2)
    ("write the date as {date}", "日期应写作 {date}"),
    # an error value (#N/A, #REF!) pasted where a value goes (forms/workbook.py: QA56 F2)
    ("holds the error value {value}; expected the {what} itself",
     "单元格是错误值 {value}（公式出错后留下的），应直接填写{what!t}"),
    ("holds the error value {value}; expected text", "单元格是错误值 {value}（公式出错后留下的），应填写文字"),
    ("holds the error value {value}; expected a value", "单元格是错误值 {value}（公式出错后留下的），应填写值"),
    ("holds the error value {value}; expected {what}", "单元格是错误值 {value}（公式出错后留下的），应为{what!t}"),
    # a sheet given twice, one of them hidden (forms/workbook.py hidden_fix: QA165 F9)
    ("{fix}; the sheet {names} is hidden: right-click a sheet tab and choose Unhide to see it, then delete the sheet that "
     "is not the project's",
     "{fix!t}；工作表 {names!l} 是隐藏的：右键单击任一工作表标签，选“取消隐藏”即可看到它，再删去不属于本项目的那张表"),
    ("{fix}; the sheet {names} is very hidden, which Unhide does not list: select the tabs of the sheets to keep, "
     "right-click, Move or Copy, to (new book), and score the new workbook",
     "{fix!t}；工作表 {names!l} 被设为“非常隐藏”，“取消隐藏”不会列出它：请选中要保留的工作表标签，右键单击，选“移动或复制”，"
     "工作簿选“(新工作簿)”，再对新工作簿评分"),
    # a label cell holding no text: a formula, an error value, a number (forms/label_cells.py: QA165 F1)
    ("column heading", "列标题"),
    ("row's label", "该行的名称"),
    ("type the text itself: {text}", "直接填写文字：{text}"),
    ("expected the {what} as text, got {got}", "应填写{what!t}（文字），实际是{got!t}"),
    ("the score typed here ({written}) is an error value, which a formula that failed leaves, so it is not compared with "
     "the set's", "此处填写的得分（{written}）是公式出错后留下的错误值，不与按体系计算的得分比较"),
    # a weight printed outside the 三级 rows, compared (forms/weights.py: QA54 F3)
    ("the form gives {points} points, but {label} weighs {weight} in the set {id}; it is scored on the set's weight",
     "表上写 {points} 分，但 {label} 在体系 {id} 中是 {weight} 分，按体系的分值计分"),
    ("the label gives {points} points, but {label} weighs {weight} in the set {id}; it is scored on the set's weight",
     "表上写 {points} 分，但 {label} 在体系 {id} 中是 {weight} 分，按体系的分值计分"),
    ("correct it, or score the form with the set it was made for", "改正该单元格，或用这张表对应的体系评分"),
    ("the form was written for the set {named}, and is read here with {id}, which reads 1 fact the form does not hold "
     "({names})", "这张表是为指标体系 {named} 填写的，这里却用 {id} 读取，{id} 所需的 1 个事实表上没有（{names!l}）"),
    ("the form has no cell for {count} facts the set {id} reads ({names})",
     "表上没有指标体系 {id} 所需的 {count} 个事实（{names!l}）"),
    ("if it is another set's form, read it with that set; else fill the blank form of {id} ({template})",
     "若这是另一指标体系的表，请用那个体系读取；否则请用 {id} 的空白表填写（{template}）"),
    ("{category} is a 二级指标 of {other}: move the row under {other}",
     "{category} 是 {other} 的二级指标：请把这一行移到 {other} 之下"),
    ("{category} is a 二级指标 of {other}: move the row to {fact}", "{category} 是 {other} 的二级指标：请把这一行移到 {fact}"),
    # where a batch writes its outputs (batch/run.py)
    ("cannot write the outputs' temporary files: {why}", "无法写入输出文件的临时文件：{why!t}"),
    ("point TMPDIR at a folder you may write in", "请把 TMPDIR 指向你有权写入的文件夹"),
    # an output that is a link into a folder not there (_output._cannot_write: QA163 F6)
    ("cannot write the report: it is a link into the folder {folder}, which is not there",
     "无法写出文件：它是链接，所指向的文件夹 {folder} 不存在"),
    ("make that folder first, or remove the link", "先建好那个文件夹，或删去这个链接"),
    # an output through a part that is no folder (_output._unreachable: QA216 1)
    ("cannot write the report: {folder} is not a folder", "无法写出文件：{folder} 不是文件夹"),
    ("give a path whose every part before the file's name is a folder", "路径中文件名之前的每一段都应是文件夹"),
    # a worker process killed outright (batch/pool.py: QA163 F1)
    ("a worker process ended unexpectedly (killed, perhaps for want of memory): the batch stopped",
     "有一个工作进程意外结束（被强行终止，可能是内存不足）：批量评分已停止"),
    ("try fewer jobs (--jobs 1 scores in one process), or close other programs",
     "请减少 --jobs 的进程数，或关闭其他程序；--jobs 1 只用一个进程评分"),
    # batch's outputs in place, its summary not printed (_cli_batch: QA193 F6)
    ("the outputs are written; the summary was not printed: {why}", "输出文件已写出；汇总未打印：{why!t}"),
    ("not enough memory (MemoryError)", "内存不足（MemoryError）"),
    ("set PYTHONIOENCODING=utf-8", "设置 PYTHONIOENCODING=utf-8"),
    # a pool whose own thread could not start one it needs (batch/pool.py: QA193 F1)
    ("the worker processes could not be run (Python could not start a thread, perhaps for want of memory): the batch "
     "stopped", "无法运行工作进程（Python 无法启动线程，可能是内存不足）：批量评分已停止"),
    # a spawned worker that ended as it started: a program without a main guard, or read from standard input (QA174 F1)
    ("a worker process ended as it started, before it scored anything: the batch stopped",
     "有一个工作进程在启动时就结束了，尚未评分：批量评分已停止"),
    ('a program that calls score_many with jobs above 1 calls it under if __name__ == "__main__": (a worker process runs '
     "the program's main module again as it starts), or passes jobs=1 to score in one process",
     '程序以大于 1 的 jobs 调用 score_many 时，须在 if __name__ == "__main__": 之下调用（工作进程启动时会重新运行程序的主模块），'
     "或传入 jobs=1 只用一个进程评分"),
    ("a worker process cannot run again a program read from standard input (python - < file): run it from its file "
     "(python file.py), or pass jobs=1 to score in one process",
     "工作进程无法重新运行从标准输入读入的程序（python - < 文件）：请从文件运行（python 文件.py），"
     "或传入 jobs=1 只用一个进程评分"),
    # batch options that do nothing without another (cli.batch, QA135 F4)
    ("--threshold is the difference a comparison flags: give it with --compare-with or --compare-set",
     "--threshold 是比对时标记的分差：请与 --compare-with 或 --compare-set 一起使用"),
    ("--report-format is the format of each project's own report: give it with --reports DIR",
     "--report-format 是每个项目单独报告的格式：请与 --reports 目录 一起使用"),
    # a side-sheet cell's kind said in words, before the general "a {kind} fact is written as JSON here" (QA162 note)
    ("a list fact is written as JSON here, not {value}", "列表类事实应按 JSON 填写，实际是 {value}"),
    ("a judgement fact is written as JSON here, not {value}", "评价组判分类事实应按 JSON 填写，实际是 {value}"),
    ("a tier fact is written as JSON here, not {value}", "档次类事实应按 JSON 填写，实际是 {value}"),
)
