"""The Chinese of the messages the Python API gives (a program embedding the engine), and of a failed check of the set."""

from __future__ import annotations

__all__ = ["API"]

API = (
    # facts from Python whose lists, tuples or mappings are held in many places (facts.held_too_often)
    ("the facts hold more than {n:n} values over again: lists, tuples or mappings held in more than one place, counted "
     "in each further place (MAX_SHARED_VALUES, or ten times the facts' own {own:n} values if more)",
     "事实中重复的值超过 {n} 个：同一个列表、元组或映射出现在多处，每多一处都再计数（上限为 {n} 个，"
     "或事实自身 {own} 个值的十倍，取较大者）"),
    ("give each list, tuple or mapping once (yaml.safe_load repeats one for each alias), or split the facts",
     "每个列表、元组或映射只给一次（yaml.safe_load 会为每个别名重复同一个对象），或把事实拆开"),
    # score_many's documents given by path (batch/inputs.py)
    ("a document's path is text, but this {kind} gives {given}", "文档的路径应是文本，而这个 {kind} 给出的是 {given}"),
    ("a document's folder is text, but this {kind} gives {given}", "文档的文件夹应是文本，而这个 {kind} 给出的是 {given}"),
    ("a Document's facts are a Facts or a mapping of fact values, not {kind}",
     "Document 的 facts 应是 Facts 或“事实名称: 值”的映射，而不是 {kind}"),
    ("give facts=Facts(values=...)", "请写 facts=Facts(values=...)"),
    ("give the path as text, e.g. os.fsdecode(path)", "请以文本给出路径，例如 os.fsdecode(path)"),
    ("a document's path is empty", "文档的路径是空的"),
    ("a document's folder is empty", "文档的文件夹是空的"),
    ("pass the path of a facts file, or leave the item out", "传入事实文件的路径，或去掉这一项"),
    ("a Facts' source names its file as text, not {kind}", "Facts 的 source 应是文件名文本，而不是 {kind}"),
    ("give source=str(path), or leave it out", "请写 source=str(path)，或不写它"),
    ("a Document's parsed is a whole facts document (a mapping), not {kind}",  # before the entry below, which takes it
     "Document 的 parsed 应是整份事实文档（映射），而不是 {kind}"),
    ("pass the document itself, not in a Document", "请直接传入该文档，不要放在 Document 中"),
    # a Document's text neither str nor bytes (batch/documents._text_of: QA317 1)
    ("a Document's text is the JSON text of a facts document (str or UTF-8 bytes), not {kind}",
     "Document 的 text 应是事实文档的 JSON 文本（str 或 UTF-8 编码的 bytes），而不是 {kind}"),
    ("give text=json.dumps(document), or the facts as facts=...", "请写 text=json.dumps(document)，或以 facts=... 给出事实"),
    ("decode the text with its encoding first, e.g. {example}", "先按其编码解码该文本，例如 {example}"),
    # a form naming a bundled set, read with another from Python (forms/bases.read_with_named: QA317 5)
    ("read it with the set it names: indicator_set=None for score_many, load_indicator_set({call}) for read_form",
     "请用表上注明的指标体系读取：score_many 传入 indicator_set=None，read_form 传入 load_indicator_set({call})"),
    ("a Document's {key} is {what}, not {kind}", "Document 的 {key} 应是{what!t}，而不是 {kind}"),
    ("a path", "路径"),
    ("give {key}=Path(...)", "请写 {key}=Path(...)"),
    ("give source=str(...)", "请写 source=str(...)"),
    ("a NumPy {name}", "NumPy 的 {name}"),
    ("the facts name the set {named}, and are scored here with {id}", "这些事实写明的指标体系是 {named}，这里却用 {id} 评分"),
    ("score them with the set they name: load_indicator_set({call})", "请用它们写明的指标体系评分：load_indicator_set({call})"),
    ("convert NumPy values to Python ones first: value.item(), array.tolist(), or df.astype(object) for a pandas frame",
     "先把 NumPy 的值转为 Python 的值：value.item()，数组用 array.tolist()，pandas 数据框可用 df.astype(object)"),
    ("add it to the facts given", "在给出的事实中补上它"),
    ("give the id, e.g. {id}", "请写指标编号，例如 {id}"),
    # batch.scoring.no_set: the command line is told --set alone, a program score_many's argument too (QA184 F8)
    ('no indicator set: give one with --set, or name one in the facts as "indicator_set"',
     '没有指标体系：请指定一个（用 --set），或在事实中写 "indicator_set"'),
    ('no indicator set: give one with --set, or name one in the facts as "indicator_set"; in Python, pass indicator_set '
     'to score_many',
     '没有指标体系：请指定一个（用 --set），或在事实中写 "indicator_set"；在 Python 中用 score_many 的 indicator_set 参数给出'),
    ("no indicator set {ref:q}: neither a file in the working folder (the facts have no file) nor a bundled set id",
     "没有指标体系 {ref}：既不是工作文件夹内的文件（这些事实没有文件），也不是内置指标体系的编号"),
    ("{what} {ref:q} is not inside the working folder (the facts have no file)",
     "{what} {ref} 不在工作文件夹内（这些事实没有文件）"),
    ("this mapping is a whole facts document (it has facts:), not the facts' values",
     "这个映射是整份事实文档（含有 facts:），不是事实的取值"),
    ("pass Facts(values=document['facts'], project=document.get('project', {{}}), not_applicable=document.get("
     "'not_applicable', {{}})), its text to parse_facts, or its file to load_facts",
     "请传入 Facts(values=document['facts'], project=document.get('project', {{}}), not_applicable=document.get("
     "'not_applicable', {{}}))，或用 parse_facts 读取其文本，或用 load_facts 读取其文件"),
    ("the text is read as JSON: for YAML, pass yaml=True", "文本按 JSON 读取：YAML 文本请传入 yaml=True"),
    ("facts must be an object of fact names and values, not a file's name or text",
     "facts 应为“事实名称: 值”的对象，而不是文件名或文件内容"),
    ("facts must be an object of fact names and values, not the form read by read_form",
     "facts 应为“事实名称: 值”的对象，而不是 read_form 读出的表格"),
    ("pass its facts, read_form(path, indicator_set).facts; or score the form with its warnings by "
     "score_many(indicator_set, [path])",
     "请传入它的事实 read_form(path, indicator_set).facts；或用 score_many(indicator_set, [path]) 为表格评分，连同它的警告"),
    ("read the file with load_facts(path), or the text with parse_facts(text)",
     "文件请用 load_facts(path) 读取，文本请用 parse_facts(text) 读取"),
    ("write it as text, or leave it out", "请写成文字，或删去"),
    ("empty (null)", "空值（null）"),
    ("facts text is {size} bytes; the limit is {limit} ({name})", "事实文本有 {size} 字节，上限是 {limit}（{name}）"),
    ("a project's facts take a few kilobytes", "一个项目的事实只有几 KB"),
    ("{given} is given: did you mean {name}?", "给出的是 {given}：是否想写 {name}？"),
    ("check the facts it read in {file}", "核对 {file} 中它读取的事实"),
    ("check the facts it read", "核对它读取的事实"),
    ("the facts text is not UTF-8 (byte {at} cannot be read)", "事实文本不是 UTF-8 编码（偏移 {at} 处的字节无法读取）"),
    ("the facts text is {codec:s}, not UTF-8", "事实文本是 {codec} 编码，不是 UTF-8"),
    ("decode the body with its encoding first, e.g. {example}", "先按其编码解码，例如 {example}"),
    ("NaN and infinity are not numbers; NaN is how pandas reads an empty cell: leave out the facts whose cells are empty "
     "({how})", "NaN 和无穷大不是数字；pandas 把空单元格读作 NaN：单元格为空的事实不要传入（{how}）"),
    # a set a facts file names outside its folder (_files), said to score_many's callers too
    ("give a path inside that folder or a bundled set id; a set elsewhere is given as the indicator_set argument of "
     "score_many", "请写该文件夹内的路径或内置指标体系的编号；其他位置的指标体系用 score_many 的 indicator_set 参数给出"),
    ("no indicator {wanted} in {set:s}", "指标体系 {set} 中没有指标 {wanted}"),  # IndicatorSet.indicator
    # a pandas row given as facts or as a document (_numpy_values.is_pandas_row: QA317 8)
    ("facts must be an object of fact names and values, not a pandas Series",
     "facts 应为“事实名称: 值”的对象，而不是 pandas 的 Series"),
    ("pass a pandas row as row.dropna().to_dict()", "pandas 的一行请写成 row.dropna().to_dict() 传入"),
    # compile_formula and Formula.evaluate called by a program (_formula_numbers.formula_text, _formula_functions: QA317 9)
    ("a number of at least {digits} digits; the limit is {limit} (MAX_NUMBER_DIGITS)", "数字至少有 {digits} 位，上限是 {limit}"),
    ('pass numbers as Decimal (Decimal("1.5"), not 1.5 or 1): a formula computes with Decimal, as score() reads the facts',
     '数字请以 Decimal 传入（Decimal("1.5")，而不是 1.5 或 1）：公式按 Decimal 计算，score() 读取事实时也是如此'),
    # pandas' NaT and NA (_numpy_values.pandas_blank)
    ("pandas NaT is not a date", "pandas 的 NaT 不是日期"),
    ("pandas NA is not a value", "pandas 的 NA 不是值"),
    ("NaT is how pandas reads an empty cell: leave out the facts whose cells are empty ({how})",
     "pandas 把空单元格读作 NaT：单元格为空的事实不要传入（{how}）"),
    ("NA is how pandas reads an empty cell: leave out the facts whose cells are empty ({how})",
     "pandas 把空单元格读作 NA：单元格为空的事实不要传入（{how}）"),
    # render(result, fmt, indicator_set, layout) asked a layout of the table or the JSON (reports/layouts.check_layout)
    ("layout= applies to {formats}, not to {format:s}", "layout= 只用于 {formats!l}，不能用于 {format}"),
    ("leave layout as None for table and json", "table 和 json 格式的 layout 请保留为 None"),
    # a file's path given where a document's text goes, or the reverse (_facts_api: QA330 F2)
    ("the text {text:q} is a file's path, not a facts document", "文本 {text} 是文件路径，不是事实文档"),
    ("read the file with load_facts(path)", "请用 load_facts(path) 读取该文件"),
    ("this is {what}, not a path: read it with {call}", "这是{what!t}，不是路径：请用 {call} 读取"),
    ("a facts document's text", "事实文档的文本"),
    ("an indicator set's YAML text", "指标体系的 YAML 文本"),
    # a required fact a test case sets to null (_case_undeclared: QA330 F9)
    ("the override on this line sets it to null, which leaves it out: give its value there",
     "这一行的覆盖项把它设为 null，等于没有给出它：请在这里写出它的值"),
    ("the case's facts set it to null on this line, which leaves it out: give its value there",
     "用例的 facts 在这一行把它设为 null，等于没有给出它：请在这里写出它的值"),
    # a required fact missing from a case's own facts (_case_undeclared: the QA330 fixer's F)
    ("add it under the case's facts: on this line, which replace the facts file's",
     "在这一行用例的 facts: 下补上它，用例的 facts 取代了事实文件中的事实"),
    # values a program passes (QA330 F10): a project detail out of range, a pandas Series, facts that hold themselves
    ("give it as text (a str), as an id or a code is given", "请以文字（str）传入，编号、代码都这样传入"),
    ("a pandas Series", "pandas 的 Series"),
    ("convert a pandas Series to Python values first: series.tolist()",
     "先把 pandas 的 Series 转为 Python 的值：series.tolist()"),
    ("holds itself: the value here is the {kind:s} at {outer:s} again, so it nests without end",
     "包含它自身：这里的值又是 {outer} 处的{kind!t}，会无限嵌套"),
    ("object", "对象"),  # ("list", "列表") is _zh_rows'
    ("give each fact its own value, not the object that holds it", "请给每个事实它自己的值，不要给出包含它的对象"),
    ("write it without the spaces at either end: {id}", "去掉首尾的空格：{id}"),  # explain -i ' process.funds'
)
