"""The Chinese of the messages about reading JSON and YAML text (`_files`, `_yaml`, `_schema`'s number hints), and a
spreadsheet of a kind not read given in their place, or a form's sheet of more merged ranges than it may hold: part of
the catalog (`_zh_catalog`), in its place there. And the count of further facts a set does not declare, or that the facts
leave out, placed among the catalog's scoring messages."""

from __future__ import annotations

__all__ = ["MORE_UNDECLARED", "TEXT_FILES"]

TEXT_FILES = (
    # a report score -o wrote as .markdown or .txt, given as facts or as a form (_other_kinds, QA309 1)
    ("this is a text report (a table as score -o writes it), not a facts file",
     "这是文本报告（score -o 写出的表格），不是事实文件"),
    ("this is a text report (a table as score -o writes it), not an .xlsx workbook",
     "这是文本报告（score -o 写出的表格），不是 .xlsx 工作簿"),
    # libyaml's words where the file ends inside brackets (a file cut short: QA248 F3)
    ("did not find expected ',' or ']'", "缺少逗号或右方括号 ']'（文件在方括号闭合前就结束了？）"),
    ("did not find expected ',' or '}}'", "缺少逗号或右花括号 '}}'（文件在花括号闭合前就结束了？）"),
    ("did not find expected node content", "这里应有值"),
    ("found undefined tag handle {handle}", "未定义的标签前缀 {handle}"),
    ("expected '>', but found {char}", "标签缺少右尖括号 '>'，却遇到{char!t}"),  # (a: !<x: QA251)
    ("expected escape sequence of {n:n} hexadecimal numbers, but found {char}",
     "转义序列应有 {n} 位十六进制数字，却遇到{char!t}"),
    ("found duplicate YAML directive", "%YAML 指令写了两次"),
    ("duplicate tag handle {handle}", "标签前缀 {handle} 定义了两次"),
    ("found incompatible YAML document (version 1.* is required)", "YAML 版本不兼容（须为 1.x）"),
    ("'\\n'", "换行"),
    ("'<document end>'", "文档结束符 ..."),
    ("'\\x00'", "文件结尾"),  # the character PyYAML reads past the end
    # a workbook given where a YAML or JSON file belongs (_typing_slips.encoding_problem; the Python calls: QA174 F2)
    ("this is an Excel workbook (.xlsx) or another zip archive, not a YAML or JSON text file",
     "这是 Excel 工作簿（.xlsx）或其他 zip 压缩包，不是 YAML 或 JSON 文本文件"),
    ("a filled 自评表 is read by score, explain, import, batch and diff --facts, given by its path; in Python, by "
     "score_many(indicator_set, [path]) or "
     "scoring_engine.forms.reader.read_form(path, indicator_set).facts",
     "填好的自评表由 score、explain、import、batch 和 diff --facts 读取，请给出它的路径；在 Python 中由 "
     "score_many(indicator_set, [path]) 或 scoring_engine.forms.reader.read_form(path, indicator_set).facts 读取"),
    ("rename it to end in .xlsx: a filled 自评表 is read by score, explain, import, batch and diff --facts, given by its "
     "path; in Python, by score_many(indicator_set, [path]) or scoring_engine.forms.reader.read_form(path, "
     "indicator_set).facts",
     "把文件名改为以 .xlsx 结尾：填好的自评表由 score、explain、import、batch 和 diff --facts 读取，请给出它的路径；"
     "在 Python 中由 score_many(indicator_set, [path]) 或 scoring_engine.forms.reader.read_form(path, indicator_set).facts "
     "读取"),
    ("a filled 自评表 is read by score, explain, import, batch and diff --facts, given by its path",  # the command line's
     "填好的自评表由 score、explain、import、batch 和 diff --facts 读取，请给出它的路径"),  # (QA180 F1)
    ("rename it to end in .xlsx: a filled 自评表 is read by score, explain, import, batch and diff --facts, given by its path",
     "把文件名改为以 .xlsx 结尾：填好的自评表由 score、explain、import、batch 和 diff --facts 读取，请给出它的路径"),
    # a unit's submissions sent zipped, found by a batch or given by name (_archives, QA332 F1)
    ("this is an Excel workbook named {suffix}, not an archive", "这是以 {suffix} 命名的 Excel 工作簿，不是压缩包"),
    ("this is a compressed archive ({suffix}), which is not read", "这是压缩包（{suffix}），不能直接读取"),
    ("this is a compressed archive ({suffix}), holding {names}", "这是压缩包（{suffix}），内有 {names!l}"),
    ("unpack it, and run again on the folder it unpacks to", "请先解压，再对解压出的文件夹运行"),
    ("this .zip file is empty (0 bytes), not a valid zip archive", "这个 .zip 文件是空的（0 字节），不是有效的 zip 压缩包"),
    ("this file named .zip is not a valid zip archive: it is damaged, or a file of another kind",
     "这个以 .zip 命名的文件不是有效的 zip 压缩包：它已损坏，或是其他类型的文件"),
    ("ask its sender to send it again", "请发送者重新发送"),
    ("unpack it, and run again on the folder it unpacks to; move an archive that holds no project (scans, PDFs) out of "
     "the input folder", "请先解压，再对解压出的文件夹运行；不含项目的压缩包（扫描件、PDF 等佐证材料）请移出输入文件夹"),
    # a link to a folder below a batch's input (batch/inputs.py, QA332 F2); a file or folder not read for want of the
    # right to (_permissions, QA332 F6)
    ("this is a link to the folder {target}, which a folder search does not follow",
     "是指向文件夹 {target} 的链接，按文件夹查找时不会进入链接，没有读取"),
    ("give that folder itself as an input: {target}", "直接给出该文件夹作为输入：{target}"),
    ("add that folder to the re-check with --compare-with: {target}", "把该文件夹用 --compare-with 加入复核：{target}"),
    ("ask its owner for the right to read it, or to copy it for you",
     "请向它的所有者取得读取权限，或请所有者为你复制一份"),
    ("none of its projects is scored: ask its owner for the right to read the folder, or to copy it for you",
     "其中的项目都没有评分：请向它的所有者取得读取该文件夹的权限，或请所有者为你复制一份"),
    # a set given as facts, facts given as a set, on the command line (_files, _build.schema_check; QA180 F1)
    ("give it with --set, and the project's facts file as the argument", "用 --set 给出它，参数写项目的事实文件"),
    ("score it with scoring-engine score", "用 scoring-engine score 为它评分"),
    ("JSON syntax: {detail}", "JSON 语法错误：{detail!t}"),
    ("JSON nested deeper than {depth} levels ({name})", "JSON 嵌套超过 {depth} 层（{name}）"),
    ("a number cannot be read: {detail}", "无法读取一个数：{detail!t}"),
    ("Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits",
     "超过整数转换的上限（{limit} 位）：这个数有 {digits} 位"),
    ("YAML syntax: character U+{code} is not allowed in a YAML file", "YAML 语法错误：YAML 文件中不能有字符 U+{code}"),
    # PyYAML quotes it so: the top level ended (a list, or lines indented differently) and more follows
    ("YAML syntax: expected '<document start>', but found {token}",
     "YAML 语法错误：顶层的内容在上面已经结束，这里又遇到{token!t}"
     "（检查上面几行的缩进：顶层的键从行首写起，列表项写在它的键下面）"),
    ("YAML syntax: {detail}", "YAML 语法错误：{detail!t}"),
    ("the document is empty (null): write its keys and values in it", "文档是空的（null）：在其中写出它的键和值"),
    ("write the number", "请写数字"),
    # a fact of text given another value (fact_values)
    ("write it as text (in a YAML or JSON file, in quotes)", "写成文字（在 YAML 或 JSON 文件中加引号）"),
    ("write the text alone, without [ ] or {{ }}", "只写文字本身，不加 [ ] 或 {{ }}"),
    ("expected chomping or indentation indicators, but found {char}",
     "| 或 > 后面只能写 +、- 或表示缩进的数字，却是 {char}（多行文字从下一行写起；一行文字不用 | 或 >）"),
    ("no space after the '-' of a list item: YAML reads the line as one text",
     "列表项的 - 后面缺少空格：YAML 把这一行读成了一段文字"),
    ("put a space after the dash: '- ', then the item", "在 - 后面加一个空格，再写这一项"),
    ("full-width semicolon", "全角分号"),
    ("a key is empty", "键是空的"),
    ("write the key before the colon, or delete the line", "在冒号前写出键，或删去这一行"),
    ("mapping keys are not allowed here", "这里不能出现键（检查这一行和上一行的冒号与缩进）"),
    ("while parsing a tag {problem}", "标签 !：{problem!t}"),
    ("expected URI, but found {char}", "! 后面应为标签名，却是 {char}（文字以 ! 开头时给它加上引号）"),
    ("nested deeper than {depth} levels ({name})", "嵌套超过 {depth} 层（{name}）"),
    ("more than {count} values ({name})", "值超过 {count} 个（{name}）"),
    ("split the file, or check that it is the file you meant", "拆分文件，或确认这是要读的文件"),
    ("alias {name} is not supported: anchors and aliases are refused", "不支持别名 {name}：不接受锚点和别名"),
    ("anchor {name} is not supported: anchors and aliases are refused", "不支持锚点 {name}：不接受锚点和别名"),
    ("write the value out in full", "把值完整写出"),
    ("merge keys (<<) are not supported", "不支持合并键（<<）"),
    ("write the keys out in full", "把键完整写出"),
    ("tag {tag} is not allowed", "不允许使用标签 {tag}"),
    ("remove the !tag", "删去 ! 标签"),
    ("key {key} must be text", "键 {key} 应为文字"),
    ("put the key in quotes", "给键加上引号"),
    ("{value} is read by YAML as a base-60 number (like a time), not as written",
     "YAML 把 {value} 读成六十进制数（像时间），与写的不同"),
    ("{value} is read by YAML as the octal number {octal}, not {decimal}",
     "YAML 把 {value} 读成八进制数 {octal}，而不是 {decimal}"),
    ("{value} is read by YAML as an octal number, not as written", "YAML 把 {value} 读成八进制数，与写的不同"),
    ("{value} is read by YAML as a hexadecimal number", "YAML 把 {value} 读成十六进制数"),
    ("{value} is read by YAML as a binary number", "YAML 把 {value} 读成二进制数"),
    ("write it in plain decimal digits, or in quotes ({quoted}) if it is text",
     "用普通的十进制数字书写；若是文字，加上引号（{quoted}）"),
    ("{value:v} is not a finite number", "{value} 不是有限的数"),
    ("{value:v} is out of range ({name}: under 1e15 in size, 1e-15 at least)",
     "{value} 超出范围（{name}：须小于 1000 万亿（1e15），不为 0 时不小于 1e-15）"),
    ("check the unit and the digits", "检查单位和数位"),
    ("cannot read files in the encoding {name}", "无法按编码 {name} 读取文件"),
    ("give one of: {names}", "请使用以下之一：{names!l}"),
    ("full-width characters: write {text} as {narrow}", "这是全角字符：把 {text} 改为半角的 {narrow}"),
    ("a rate is written as a share here: write {text} as {share}", "比率在这里写成小数：把 {text} 写成 {share}"),
    # a grade's or a weight rule's min in % (QA164 F1): points of the total, never a share
    ("a grade's {key:s} is points out of the set's total: for {text} of the total {total:n} write {points:n}",
     "等级的 {key} 是占总分的分数，不是比率：总分 {total} 时，{text} 写成 {points}"),
    ("a grade's {key:s} is points out of the set's total: write {text} of the total in points",
     "等级的 {key} 是占总分的分数，不是比率：按总分的 {text} 折算成分数来写"),
    ("a weight rule's {key:s} is points out of the set's total: for {text} of the total {total:n} write {points:n}, "
     "or {key}_share: {share}",
     "分值规则的 {key} 是分数，不是比率：总分 {total} 时，{text} 写成 {points}；按总分的比例写时，用 {key}_share: {share}"),
    ("a weight rule's {key:s} is points out of the set's total: write {text} of the total in points, or {key}_share: {share}",
     "分值规则的 {key} 是分数，不是比率：按总分的 {text} 折算成分数来写；按总分的比例写时，用 {key}_share: {share}"),
    ("full-width character {char} (U+{code}): write {name}", "{char}（U+{code}）是全角字符：改为半角，写成 {name}"),
    # a required key written in Chinese or misspelt (_schema._missing_keys, QA164 F9)
    ("write {key:s} in place of {written}", "把 {written} 改为 {key}"),
    # two ids in one list item, a comma between them (_schema._ids_in_one, QA164 F8)
    ("one id per item: write {ids}", "每项只写一个 id：写成 {ids}"),
    ("one id per item, each on a '- ' line of its own: {ids}, then {last}",
     "每项只写一个 id，各占一行 '- '：{ids}，另起一行写 {last}"),
    # a JSON facts file's number typed with a full-width digit or point (_json_slips, QA164 F7)
    ("full-width character {char} (U+{code}) in the number {number}", "数字 {number} 中的 {char}（U+{code}）是全角字符"),
    ("write {number} in half-width characters", "改为半角，写成 {number}"),
    # a JSON facts file's number written with thousands commas, "total": 1,200 (_json_slips, QA200 7)
    ("the number {number} is written with thousands commas, which a JSON number does not take",
     "数字 {number} 中写了千位分隔符（逗号），JSON 的数字不带逗号"),
    ("write it without thousands commas: {number}", "去掉千位分隔符，写成 {number}"),
    # a compared value typed in Chinese quotation marks (_build.wrapped, QA164 F3)
    ("Chinese quotation marks around {value} are read as part of the value", "{value} 两边的中文引号会被当作值的一部分"),
    ("Chinese quotation marks around {value} are read as part of the {key:s}", "{value} 两边的中文引号会被当作 {key} 的一部分"),
    ('type ASCII quotes: "{text}"', '改用半角引号："{text}"'),
    ("write it in quotes, as text", "加上引号，写成文字"),
    ("check the digits", "检查数位"),
    # the fix a YAML syntax error in PyYAML's words calls for (_typing_slips._PARSER_FIXES)
    ("check the colons and the indentation of this line and the line above", "检查这一行和上一行的冒号与缩进"),
    ("the keys of one list item line up with its first key, and the dashes of one list with each other",
     "同一项中的键要与第一个键对齐，同一层的 - 也要对齐"),
    ("the keys of one level line up", "同一层的键要对齐"),
    ("line {above:n} is indented {over:n} spaces and line {line:n} below it {key:n}",
     "第 {above} 行缩进 {over} 个空格，而它下面的第 {line} 行缩进 {key} 个空格"),
    ("line {line:n} is indented {key:n} spaces, and the keys above it {over:n} (line {above:n})",
     "第 {line} 行缩进 {key} 个空格，而它上面的键缩进 {over} 个空格（第 {above} 行）"),
    ("indent the keys of one level alike: line {above:n} and line {line:n} by the same number of spaces",
     "同一层的键要对齐：第 {above} 行和第 {line} 行缩进同样多的空格"),
    ("check this line's indentation; put a text that begins with - in quotes", "检查这一行的缩进；文字以 - 开头时给它加上引号"),
    ("put the value in quotes when its text holds this character", "文字中有它时给值加上引号"),
    ("write ': ' between a key and its value", "键和值之间写 ': '"),
    ("cannot read the workbook: it is damaged (detail: {detail})", "无法读取工作簿：文件已损坏（技术细节：`{detail}`）"),
    ("cannot read {value}: {detail}", "无法读取 {value}：{detail}"),
    # a value a standard YAML tag cannot read (!!int +, !!bool maybe, !!timestamp x), or an empty one
    ("{value:q} is not a whole number", "{value} 不是整数"),
    ("{value:q} is not a number", "{value} 不是数字"),
    ("{value:q} is not true or false", "{value} 不是 true 或 false"),
    ("{value:q} is not a date (2024-06-30)", "{value} 不是日期（应写成 2024-06-30）"),
    ("{value:q} is not null", "{value} 不是空值"),
    ("remove the !!null, or the value", "删去 !!null，或删去这个值"),
    ("the value is empty, not a whole number", "值是空的，应为整数"),
    ("the value is empty, not a number", "值是空的，应为数字"),
    ("the value is empty, not true or false", "值是空的，应为 true 或 false"),
    ("the value is empty, not a date (2024-06-30)", "值是空的，应为日期（如 2024-06-30）"),
    ("the file is empty", "文件是空的"),
    # a JSONL file of blank lines, Excel's lock file given by name (batch/inputs._whole_file, forms/archive: QA332 F11)
    ("the file holds only blank lines, no project", "文件只有空行，没有项目"),
    ("write one project's facts a line, or leave the file out", "每行写一个项目的事实，或不要给出这个文件"),
    ("this is the lock file Excel or WPS keeps beside the workbook {workbook} while it is open, not a workbook",
     "这是工作簿 {workbook} 在 Excel 或 WPS 中打开时旁边生成的锁定文件，不是工作簿"),
    ("give the workbook itself, {workbook}, saved and closed in Excel or WPS",
     "请给出工作簿本身 {workbook}，先保存并在 Excel 或 WPS 中关闭"),
    ("remove it; it may have come from an escape such as \\x1b", "删去它；它可能来自 \\x1b 一类的转义"),
    ("remove it", "删去它"),
    ("text holds U+{code}, a control character", "文字中有控制字符 U+{code}"),
    ("text holds U+{code}, a lone surrogate", "文字中有孤立的代理字符 U+{code}"),
    ("case {number}: name must be text, got {kind}", "第 {number} 个用例：name 应为文字，实际是{kind!t}"),
    ("write it in quotes: name: '{name}'", "加上引号：name: '{name}'"),
    # a case file's expect that checks nothing (cases.py: QA55 F2)
    ("scores is empty: it checks nothing", "scores 为空：什么也没有检查"),
    ("name each indicator and its score (scores: {{output.quality: 8}}), or leave scores out",
     "写出每个指标及其得分（scores: {{output.quality: 8}}），或去掉 scores"),
    ("expect holds only tolerance, which checks nothing by itself", "expect 中只有 tolerance，它本身不检查任何结果"),
    ("add the total or the scores it applies to", "写出它所适用的总分或得分"),
    ("error must be words the error contains; empty, it matches any error", "error 应写出错误信息中的文字；为空时任何错误都符合"),
    ("copy a part of the message the case expects, such as budget.total", "复制用例预期的错误信息的一部分，例如 budget.total"),
    ("a case expecting an error has no {names} to check", "预期出错的用例没有可检查的 {names!l}"),
    ("expect the error alone, and what it scores in a case of its own", "只写预期的错误；评分结果写在另一个用例中"),
    # a case file's mapping typed with a full-width colon, or a reason that is not text (cases.py)
    ("'：' is a full-width colon: write {mapping}", "'：' 是全角冒号：写成 {mapping}"),
    ("case {name}: not_applicable must map indicator ids to reasons, its reason for {id} is {kind}",
     "用例 {name}：not_applicable 应为“指标编号: 原因”的映射，{id} 的原因却是{kind!t}"),
    # a spreadsheet of another kind given as a form or a facts file, or found by batch (_typing_slips.other_workbook)
    ("this is an OpenDocument spreadsheet ({suffix}), which is not read", "这是 OpenDocument 电子表格（{suffix}），不能读取"),
    ("this is an Excel binary workbook (.xlsb), which is not read", "这是 Excel 二进制工作簿（.xlsb），不能读取"),
    ("this is an Excel template ({suffix}), which is not read", "这是 Excel 模板（{suffix}），不能读取"),
    ("open it in Excel, WPS or LibreOffice and save it as Excel Workbook (.xlsx)",
     "在 Excel、WPS 或 LibreOffice 中打开，另存为 Excel 工作簿（.xlsx）"),
    # an XML file that is no Excel 2003 spreadsheet, given as facts or a form (_old_workbooks, QA223 7)
    ("this is an XML file, not a facts file (.json, .yaml) or a filled 自评表 (.xlsx)",
     "这是 XML 文件，不是事实文件（.json、.yaml），也不是填好的自评表（.xlsx）"),
    ("give the project's facts file, or its 自评表 saved as Excel Workbook (.xlsx)",
     "请给出项目的事实文件，或另存为 Excel 工作簿（.xlsx）的自评表"),
    # a result given as a set (_build.schema_check, QA179 F3), as one given as facts is told
    ("this is a result written by scoring-engine score (it has engine: and total:), not an indicator set",
     "这是 scoring-engine score 写出的评分结果（有 engine: 和 total:），不是指标体系"),
    ("give the set it was scored by, {id}", "请给出评出它的指标体系 {id}"),
    ("give the set it was scored by", "请给出评出它的指标体系"),
    # a base's grades and top-level weights that a profile's total: no longer fits (_profile_blame, QA318 F3)
    ("this profile sets total:, and {file} line {line:n} starts a grade above it: give the profile its own grades:, their "
     "min in points of its total",
     "此方案改了 total:，而 {file} 第 {line} 行的等级从高于新总分的分数开始：请在方案中写出自己的 grades:，min 按新总分计"),
    ("this profile sets total:, which the top-level weights of {file} line {line:n} no longer add up to: write rescale: "
     "siblings under change: for one of them, or set their weights under change:",
     "此方案改了 total:，而 {file} 第 {line} 行的一级指标分值合计已不等于它：请在 change: 中为其中一个一级指标写 "
     "rescale: siblings，或在 change: 中写明它们的分值"),
    # the same, of a base profile's total: (QA322 F8)
    ("the profile {by} sets total:, and {file} line {line:n} starts a grade above it: give the profile its own grades:, "
     "their min in points of its total",
     "方案 {by} 改了 total:，而 {file} 第 {line} 行的等级从高于新总分的分数开始：请在该方案中写出自己的 grades:，min 按新总分计"),
    ("the profile {by} sets total:, which the top-level weights of {file} line {line:n} no longer add up to: write "
     "rescale: siblings under change: for one of them, or set their weights under change:",
     "方案 {by} 改了 total:，而 {file} 第 {line} 行的一级指标分值合计已不等于它：请在该方案的 change: 中为其中一个一级指标写 "
     "rescale: siblings，或在 change: 中写明它们的分值"),
    # what a profile's extends: names instead of a set (_profile_keys.not_a_set, QA318 F8)
    ("it is a test cases file (it has cases:)", "它是测试用例文件（有 cases:）"),
    ("it is a facts file (it has facts:)", "它是事实文件（有 facts:）"),
    ("it is a result written by scoring-engine score (it has engine: and total:)",
     "它是 scoring-engine score 写出的评分结果（有 engine: 和 total:）"),
    # a form's sheet past MAX_FORM_MERGES (forms.sheet_xml; QA221 8: _zh_commands, with the form's other limits, is full)
    ("sheet {sheet} holds {count} merged ranges; the limit is {limit} ({name})",
     "工作表 {sheet} 有 {count} 个合并单元格区域，上限是 {limit}（{name}）"),
    ("unmerge the cells the form does not merge (select them, then Merge & Center, Unmerge Cells), or save a copy of the "
     "form with fewer merged cells",
     "取消表格本不该合并的单元格的合并（选中它们，点“合并后居中”→“取消单元格合并”），或另存一份合并单元格较少的表格"),
)

#: The warning counting the facts a set does not declare beyond those named (_undeclared.undeclared_warnings): with its
#: hint in brackets, as a warning's text and a report give it, and bare, as the Problem's message alone.
MORE_UNDECLARED = (
    ("{count} more facts are not declared by the set and are ignored ({hint})",
     "另有 {count} 个事实没有在体系中声明，已忽略（{hint!t}）"),
    ("{count} more facts are not declared by the set and are ignored", "另有 {count} 个事实没有在体系中声明，已忽略"),
    # the required facts missing past the first 20 (facts._values_given, QA318 F6)
    ("{count} more required facts are missing", "还缺少 {count} 个必填的事实"),
    # the facts holding a value refused past the first 100, the values no document can hold past the first 20 (QA325 F3)
    ("{count} more facts hold a value the set refuses", "另有 {count} 个事实的值不被体系接受，未列出"),
    ("{count} more values no facts document can hold", "另有 {count} 个事实文件不能容纳的值，未列出"),
    ("1 more value no facts document can hold", "另有 1 个事实文件不能容纳的值，未列出"),
    ("1 more fact holds a value the set refuses", "另有 1 个事实的值不被体系接受，未列出"),
    ("1 more required fact is missing", "还缺少 1 个必填的事实"),
    ("correct those shown and check the file again: the rest are listed then", "先改正列出的这些，再检查一次：其余的届时列出"),
    ("add them to the facts file: scoring-engine template SET --format json writes every fact the set declares",
     "在事实文件中补上它们：scoring-engine template SET --format json 会写出体系声明的全部事实"),
    # a set's path written from the folder above, in a file saved beside the set (QA337 6)
    ("did you mean {name}? the path is read from the folder of the file that names it, where {name} lies",
     "是否想写 {name}？路径从写它的文件所在的文件夹算起，{name} 就在那里"),
)
