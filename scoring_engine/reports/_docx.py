"""A Word document (.docx) written as the few WordprocessingML parts it needs: headings, paragraphs and tables of text.

A 部门项目支出绩效自评总结报告 is edited and printed in Word or WPS, so the
batch drafts it as a .docx: A4 with the margins of a 公文 (GB/T 9704), the body
in 仿宋 三号 on a fixed 28-point line, headings in 黑体 and 楷体, tables in 宋体
五号 with a header row repeated on every page. Fonts a machine lacks are
replaced by the word processor. Nothing is dated and the zip entries carry a
fixed time, so the same document gives the same bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from typing import IO
from xml.sax.saxutils import escape

from .._display import display_width
from .._text import visible

__all__ = ["WordDocument"]

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"

_CONTENT_TYPES = (
    f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_MAIN_TYPE}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_MAIN_TYPE}.styles+xml"/>'
    f'<Override PartName="/word/footer1.xml" ContentType="{_MAIN_TYPE}.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '</Types>')
_PACKAGE_RELS = (
    f'{_HEAD}<Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_R}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/></Relationships>')
_DOCUMENT_RELS = (f'{_HEAD}<Relationships xmlns="{_PKG}">'
                  f'<Relationship Id="rId1" Type="{_R}/styles" Target="styles.xml"/>'
                  f'<Relationship Id="rId2" Type="{_R}/footer" Target="footer1.xml"/></Relationships>')
# The page number as a 公文 prints it, centred: — 1 —
_PAGE_RUN = '<w:r><w:rPr>{fonts}<w:sz w:val="28"/></w:rPr>{inner}</w:r>'
_FOOTER = (f'{_HEAD}<w:ftr xmlns:w="{_W}" xmlns:r="{_R}"><w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/>'
           '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
           + "".join(_PAGE_RUN.format(fonts='<w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/>', inner=inner)
                     for inner in ('<w:t xml:space="preserve">— </w:t>', '<w:fldChar w:fldCharType="begin"/>',
                                   '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                                   '<w:fldChar w:fldCharType="separate"/>', "<w:t>1</w:t>", '<w:fldChar w:fldCharType="end"/>',
                                   '<w:t xml:space="preserve"> —</w:t>'))
           + "</w:p></w:ftr>")


def _fonts(east_asia: str) -> str:
    return f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{east_asia}" w:cs="Times New Roman"/>'


def _style(kind: str, style_id: str, name: str, paragraph: str, run: str) -> str:
    return (f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            + ('<w:basedOn w:val="Normal"/>' if style_id != "Normal" else "")
            + ('<w:qFormat/>' if kind == "paragraph" else "") + f'<w:pPr>{paragraph}</w:pPr><w:rPr>{run}</w:rPr></w:style>')


_BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
_STYLES = (
    f'{_HEAD}<w:styles xmlns:w="{_W}">'
    f'<w:docDefaults><w:rPrDefault><w:rPr>{_fonts("仿宋")}<w:sz w:val="32"/><w:szCs w:val="32"/>'
    '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>'
    + _style("paragraph", "Normal", "Normal", '<w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" '
             'w:firstLine="640"/><w:jc w:val="both"/>', "")
    + _style("paragraph", "Title", "Title", '<w:spacing w:before="240" w:after="240" w:line="240" w:lineRule="auto"/>'
             '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>',
             f'{_fonts("宋体")}<w:b/><w:sz w:val="44"/><w:szCs w:val="44"/>')
    + _style("paragraph", "Heading1", "heading 1", '<w:keepNext/><w:outlineLvl w:val="0"/>', _fonts("黑体"))
    + _style("paragraph", "Heading2", "heading 2", '<w:keepNext/><w:outlineLvl w:val="1"/>', f'{_fonts("楷体")}<w:b/>')
    + _style("paragraph", "Note", "Note", '<w:spacing w:line="360" w:lineRule="auto"/>',
             f'{_fonts("楷体")}<w:sz w:val="24"/><w:szCs w:val="24"/>')
    + _style("paragraph", "Signature", "Signature", '<w:ind w:firstLineChars="0" w:firstLine="0" w:right="640"/>'
             '<w:jc w:val="right"/>', "")
    + _style("paragraph", "TableText", "Table Text", '<w:spacing w:line="240" w:lineRule="auto"/>'
             '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/>',
             f'{_fonts("宋体")}<w:sz w:val="21"/><w:szCs w:val="21"/>')
    + '<w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>'
    + "".join(_BORDER.format(side=side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + '</w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>'
    '</w:tblPr></w:style></w:styles>')
# A4, margins of a 公文 (37, 35, 28 and 26 mm) in twentieths of a point; the width of the text between the margins
_TEXT_WIDTH = 11906 - 1588 - 1474
_NARROWEST, _WIDEST = 4, 40  # a column's width, in half-width characters: a number's at least, a long text's at most
_NARROW = 12  # a column this wide or less keeps its width; wider ones wrap
_CHARACTER, _MARGINS = 110, 220  # twips of a half-width character of 五号 text, and of a cell's margins and borders
_SECTION = ('<w:sectPr><w:footerReference w:type="default" r:id="rId2"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
            'w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')


def _runs(text: str, bold: bool = False) -> str:
    """`text` as runs: a line break a break, a hidden character shown as its escape (as every output shows it)."""
    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    lines = visible(text).replace("\t", " ").split("\n")
    return "<w:r>" + properties + "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines) \
        + "</w:r>"


class WordDocument:
    """A document built paragraph by paragraph and table by table, written whole by `save`."""

    def __init__(self, title: str):
        self.title = title
        self.body: list[str] = []

    def paragraph(self, text: str, style: str = "", bold: bool = False) -> None:
        """A paragraph of body text, or of the named style (Title, Heading1, Heading2, Note, Signature, TableText)."""
        shown = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        self.body.append(f"<w:p>{shown}{_runs(text, bold)}</w:p>")

    def heading(self, text: str, level: int) -> None:
        self.paragraph(text, f"Heading{level}")

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> None:
        """A bordered table filling the text's width, its header row bold and repeated on each page; the columns in
        `right` (numbers) aligned right. Each column is as wide as its longest line, within bounds, in proportion."""
        # a number keeps its width (its header wraps instead); a text column as wide as its longest line, in bounds
        widths = [max(map(_width, column[1:] if n in right and rows else column))
                  for n, column in enumerate(zip(header, *rows, strict=True))]
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in _columns(widths, set(right)))
        self._keep_with_next()  # the sentence that leads a table stays on its page
        parts = ['<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>'
                 f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"]
        parts.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>" + "".join(_cell(h, bold=True) for h in header) + "</w:tr>")
        for row in rows:
            parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                         + "".join(_cell(text, right=n in right) for n, text in enumerate(row)) + "</w:tr>")
        parts.append("</w:tbl>")
        self.body.append("".join(parts))
        self.body.append('<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>')  # Word needs a paragraph after a table

    def _keep_with_next(self) -> None:
        last = self.body[-1] if self.body else ""
        if last.startswith("<w:p><w:pPr>"):
            at = last.index("</w:pPr>")
            self.body[-1] = last[:at] + "<w:keepNext/>" + last[at:]
        elif last.startswith("<w:p>"):
            self.body[-1] = "<w:p><w:pPr><w:keepNext/></w:pPr>" + last[len("<w:p>"):]

    def save(self, file: IO[bytes]) -> None:
        document = (f'{_HEAD}<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>' + "".join(self.body) + _SECTION
                    + "</w:body></w:document>")
        core = (f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
                'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"<dc:title>{escape(visible(self.title))}</dc:title><dc:creator>scoring-engine</dc:creator>"
                "</cp:coreProperties>")
        with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _PACKAGE_RELS),
                               ("docProps/core.xml", core), ("word/_rels/document.xml.rels", _DOCUMENT_RELS),
                               ("word/styles.xml", _STYLES), ("word/footer1.xml", _FOOTER),
                               ("word/document.xml", document)):
                info = zipfile.ZipInfo(name, _ZIP_EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                archive.writestr(info, text.encode("utf-8"))


def _columns(widths: list[int], numbers: set[int]) -> list[int]:
    """Each column's width in twips, together the text's width: a narrow column (a number, a grade) as wide as its text,
    the wide ones sharing what is left in proportion (their text wraps); all widened alike where everything fits, and
    all narrowed alike where even that does not (a table never reaches past the margin)."""
    need = [w * _CHARACTER + _MARGINS for w in widths]
    wide = [min(w, _WIDEST) if w > _NARROW and n not in numbers else 0 for n, w in enumerate(widths)]
    left = _TEXT_WIDTH - sum(n for n, share in zip(need, wide, strict=True) if not share)
    if sum(need) > _TEXT_WIDTH and left > 0:
        need = [n if not share else max(left * share // sum(wide), _NARROWEST * _CHARACTER + _MARGINS)
                for n, share in zip(need, wide, strict=True)]
    return [n * _TEXT_WIDTH // sum(need) for n in need]


def _width(text: str) -> int:
    """The width of a cell's longest line in half-width characters (a Chinese character is two), at least _NARROWEST."""
    return max(_NARROWEST, *(display_width(line) for line in text.split("\n")))


def _cell(text: str, bold: bool = False, right: bool = False) -> str:
    aligned = '<w:jc w:val="right"/>' if right else ""
    return (f'<w:tc><w:p><w:pPr><w:pStyle w:val="TableText"/>{aligned}</w:pPr>{_runs(text, bold) if text else ""}</w:p>'
            "</w:tc>")
