"""The Chinese of the command line's help: (English, Chinese) pairs, read by `_help` when the language is zh.

A command's help is looked up paragraph by paragraph (the lines of its help=
in cli.py joined by one space), an option's by its whole help text; click's own words
(the help and version options, the headings, [default: …]) are at the end.
The list of commands shows the first sentence of a command's first paragraph
(up to its first 。), so each first sentence says what the command does.
Option names, metavars, formats and command names stay as written: they are typed.
tests/test_zh_help.py fails when a command or option has no entry here.
"""

from __future__ import annotations

__all__ = ["CLICK", "HELP", "RANGES", "USAGE_WORDS"]

HELP = (
    # the group (cli.main)
    ("Score public-spending projects against YAML indicator sets (项目支出绩效评价).",
     "按 YAML 指标体系为项目支出评分（项目支出绩效评价）。"),
    ("Language of the messages (or set SCORING_ENGINE_LANG). Default: zh when the locale (LC_ALL, LC_MESSAGES, LANG) "
     "is zh or the input is Chinese, else en.",
     "提示信息的语言（也可设置 SCORING_ENGINE_LANG）。默认：区域设置（LC_ALL、LC_MESSAGES、LANG）为 zh 或输入为中文时"
     "用 zh，否则用 en。"),
    # options several commands share
    ("Indicator set: a bundled id or a YAML file. Default: the one the facts file names.",
     "指标体系：内置指标体系的编号 或 YAML 文件。默认：事实文件中写明的体系。"),
    ("Write to this file instead of the screen.", "写入这个文件，而不是显示在屏幕上。"),
    ("Read the files that are not UTF-8 in this encoding (gb18030, gbk: files saved as ANSI by an old Notepad).",
     "用这种编码读取不是 UTF-8 的文件（gb18030、gbk：旧版记事本以 ANSI 保存的文件）。"),
    # score
    ("Score the project in FACTS (a .json or .yaml facts file, a filled 自评表 .xlsx, or - for standard input).",
     "为 FACTS 中的项目评分。FACTS 是 .json 或 .yaml 事实文件、填好的自评表 .xlsx，或 -（标准输入）。"),
    ("Formats: table (the screen), json (the audit trail), markdown, csv, html, xlsx (needs --output).",
     "格式：table（屏幕显示）、json（审计记录）、markdown、csv、html、xlsx（需要 --output）。"),
    ("Output format.", "输出格式。"),
    ("For markdown, csv, xlsx and html: the 评分表 (scoresheet) or the set's 自评表 (selfeval). Default: the set's own.",
     "用于 markdown、csv、xlsx 和 html：评分表（scoresheet）或体系的自评表（selfeval）。默认：体系自己的版式。"),
    # explain
    ("Tell how one indicator of the project in FACTS (a facts file, a filled 自评表 .xlsx, or - for standard input) got "
     "its score.",
     "说明 FACTS 中项目的某个指标是怎样得分的。FACTS 是事实文件、填好的自评表 .xlsx，或 -（标准输入）。"),
    ("The standard, the facts read with values and units, derived values with the numbers substituted, the matched "
     "band or tier, every deduction, the raw score, clamping and rounding, and how it adds into its parent.",
     "包括评分标准，读取的事实及其值和单位，代入数值后的派生值，命中的区间或档次，每一项扣分，原始得分，"
     "上下限截取和四舍五入，以及它怎样计入上级指标。"),
    ("The indicator to explain: its id (or its name).", "要说明的指标：它的 id（或名称）。"),
    # import
    ("Read a filled 自评表 (FORM.xlsx) into a facts file for review, with the cell (sheet!cell) of every fact.",
     "把填好的自评表（FORM.xlsx）读成事实文件以便核对。每个事实都注明所在单元格（工作表!单元格）。"),
    ("The indicator set the form is for. Default: the one the form names.", "这张表对应的指标体系。默认：表上写明的体系。"),
    ("Write the facts file here instead of the screen: FILE.json, or FILE.yaml (or .yml), which gets the same JSON text "
     "(JSON is YAML).", "把事实文件写到这里，而不是显示在屏幕上：FILE.json，或 FILE.yaml（或 .yml），写入的同样是 JSON 文本"
     "（JSON 也是 YAML）。"),
    # template
    ("A blank form or facts skeleton for SET (a bundled id or a YAML file) that a unit fills in and `score` reads back.",
     "生成 SET（内置指标体系的编号 或 YAML 文件）的空白表或事实文件框架。由单位填写，再由 score 读回。"),
    ("xlsx (and html, markdown, csv): the blank 自评表; json or yaml: a facts skeleton with every fact.",
     "xlsx（以及 html、markdown、csv）：空白自评表；json 或 yaml：含全部事实的事实文件框架。"),
    ("Write here instead of the screen (needed for xlsx).", "写到这里，而不是显示在屏幕上（xlsx 必须给出）。"),
    # batch
    ("Score every project in INPUT... (facts files, filled 自评表 .xlsx, folders of them, JSONL files) and summarise them.",
     "为 INPUT... 中的每个项目评分并汇总。INPUT 是事实文件、填好的自评表 .xlsx、存放它们的文件夹或 JSONL 文件。"),
    ("A project that cannot be scored is listed with its errors and the others are still scored; the exit code is then "
     "1. See docs/batch.md.",
     "不能评分的项目连同其错误一并列出，其余项目照常评分；此时退出码为 1。详见 docs/batch.md。"),
    ("Indicator set for every project. Default: the one each facts file names.",
     "所有项目使用的指标体系。默认：各事实文件中写明的体系。"),
    ("Worker processes, at most four per core. Default: one per core.",
     "工作进程数，每个 CPU 核最多四个。默认：每个 CPU 核一个。"),
    ("A summary file: .xlsx, .csv, .jsonl, .html or .docx (repeat for several).",
     "汇总文件：.xlsx、.csv、.jsonl、.html 或 .docx（自评总结报告初稿）（可重复给出多个）。"),
    ("Also write each project's own report into this folder.", "同时把每个项目自己的报告写到这个文件夹。"),
    ("Format of those reports.", "这些报告的格式。"),
    ("The re-check (复核) of the same projects (repeat for several).", "同一批项目的复核（可重复给出多个）。"),
    ("Also score every project under this set, and compare.", "同时按这个体系为每个项目评分，并作比较。"),
    ("Flag a score above the compared one by this many points.", "得分比对照得分高出这么多分时标记出来。"),
    ("No progress line.", "不显示进度。"),
    # validate, lint, resolve
    ("Check indicator sets (files or bundled ids); report every problem of every file.",
     "检查指标体系（文件或内置指标体系的编号）。报告每个文件的每个问题。"),
    ("Check indicator sets as validate does, then warn about what is valid but likely a mistake: unused facts, bands no "
     "project reaches, checks that cannot fail, 评分标准 text against the rule, weights against the set's declarations.",
     "像 validate 一样检查指标体系，再提示有效但很可能有误的地方。包括：未使用的事实，任何项目都达不到的区间，"
     "不可能不通过的核对，与规则不符的评分标准文字，与体系声明不符的分值。"),
    ("Exit 1 when there are warnings, not only on invalid sets.", "有提示时也以退出码 1 结束，而不只是体系无效时。"),
    ("text: one line per warning; json: every set with its errors and warnings, for tools.",
     "text：每条提示一行；json：每个体系及其错误和提示，供工具读取。"),
    ("Print SET (a profile, which says extends:) as one whole set: its base with the profile's changes applied.",
     "把 SET（写了 extends: 的地方版体系）输出为一个完整的体系。即它的基础体系加上它所做的修改。"),
    # diff
    ("What changed from set OLD to set NEW (files or bundled ids): indicators added, removed or moved, weights, "
     "评分标准, rules (a row group's too), grades, checks, caps, 需说明 conditions, rounding, weight rules, facts, derived "
     "values and reason templates; with --facts, each project's total, grade and scores under both (去年 → 今年).",
     "列出从体系 OLD 到体系 NEW（文件或内置指标体系的编号）的变化。包括：增加、删除或移动的指标，分值，评分标准，"
     "规则（含行组的），等级，核对，封顶，需说明条件，舍入，分值规则，事实，派生值和理由模板；给出 --facts 时，"
     "还列出每个项目在两个体系下的总分、等级和各项得分（去年 → 今年）。"),
    ("The exit code is 1 when a project cannot be scored under either set.",
     "有项目在任一体系下无法评分时，退出码为 1。"),
    ("A project's facts file or filled 自评表 (.xlsx): show how its total, grade and scores change (repeat for several).",
     "一个项目的事实文件或填好的自评表（.xlsx）：显示它的总分、等级和各项得分怎样变化（可重复给出多个）。"),
    ("table (the screen), markdown, or xlsx (needs --output).", "table（屏幕显示）、markdown 或 xlsx（需要 --output）。"),
    # sets, test
    ("List the bundled indicator sets, or print one; `sets ID --copy DIR` copies it to adapt.",
     "列出内置指标体系，或输出其中一个。用 `sets ID --copy DIR` 复制一个来修改。"),
    ("Write the set into this folder as ID.yaml, its $schema comment pointing at the installed schema, with its test "
     "cases and their facts (ID.cases.yaml, ID.facts.json).",
     "把体系写到这个文件夹中，文件名为 ID.yaml，其中的 $schema 注释指向已安装的 schema；"
     "同时写入它的测试用例及其事实（ID.cases.yaml、ID.facts.json）。"),
    ("Run indicator-set test cases (*.cases.yaml files, or folders holding them).",
     "运行指标体系的测试用例（*.cases.yaml 文件，或存放它们的文件夹）。"),
)

#: click's own words on a help page: its options' help, the headings and the notes after an option's help.
#: click's ranges (an option's note [x>=1], and its error "0 is not in the range x>=1."), in words.
RANGES = (
    ("x>={low:n}", "不小于{low}"),
    ("x<={high:n}", "不大于{high}"),
    ("x>{low:n}", "大于{low}"),
    ("x<{high:n}", "小于{high}"),
    ("{low:n}<=x<={high:n}", "{low}到{high}"),
)

#: click's words in a usage line; the arguments' own names (FACTS, INPUT...) stay, as the help's text names them.
USAGE_WORDS = {"[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]..."}

CLICK = (
    ("Show this message and exit.", "显示本帮助并退出。"),
    ("Show the version and exit.", "显示版本号并退出。"),
    ("%(prog)s, version %(version)s", "%(prog)s 版本 %(version)s"),
    ("Usage:", "用法："),
    ("Options", "选项"),
    ("Commands", "命令"),
    ("Positional arguments", "参数"),
    ("default: {value}", "默认：{value}"),
    ("env var: {value}", "环境变量：{value}"),
    ("required", "必填"),
    ("(dynamic)", "（动态）"),
)
