"""Build the Word templates in forms/ (one per document kind) with python-docx.

    .venv/bin/python scripts/build_forms.py [--out forms]

The templates carry docxtpl (Jinja) tags — ``{{ case.number }}``, ``{%p for p in applicants %}``
— and the layout of GB/T 9704-2012: A4, margins top 37 mm / bottom 35 mm / left 28 mm /
right 26 mm (a 156 × 225 mm text block), body 三号 (16 pt) 仿宋 at a fixed 28.95 pt line
(22 lines a page), title 二号 (22 pt) 小标宋 centred, headings 一、 in 黑体 and （一） in 楷体,
page numbers 四号 "— 1 —" (odd pages right, even pages left, one character in). Every run
names its East-Asian font (``w:eastAsia``) and the paragraph styles do too, so text typed
in Word later keeps the fonts. The official fonts are often missing: the font table gives
each one an alternate name (FangSong_GB2312 → FangSong, FZXiaoBiaoSong-B05S → SimSun; 黑体 and
楷体 are named SimHei and KaiTi, which ship with Windows), a GB2312 charset and a panose
class, and the East-Asian language is zh-CN, so that Word and LibreOffice fall back to a
Simplified Chinese face of the same kind.

Staff may edit the generated files in Word; ``ipdesk-admin templates check`` tells them
when an edit broke a tag. Rebuilding overwrites the files in ``--out``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent

# Fonts named as Word names them on an English or Chinese Windows (both names resolve).
BODY = "FangSong_GB2312"  # 仿宋_GB2312
TITLE = "FZXiaoBiaoSong-B05S"  # 方正小标宋简体
HEI = "SimHei"  # 黑体
KAI = "KaiTi"  # 楷体
SONG = "SimSun"  # 宋体 (page numbers)
LATIN = "Times New Roman"

# name -> (alternate name, panose, family, pitch) for word/fontTable.xml
FONT_TABLE = {
    BODY: ("FangSong", "02010609030101010101", "modern", "fixed"),
    TITLE: ("SimSun", "02000000000000000000", "roman", "variable"),
    HEI: ("黑体", "02010609060101010101", "modern", "fixed"),
    KAI: ("楷体", "02010609060101010101", "modern", "fixed"),
    SONG: ("宋体", "02010600030101010101", "roman", "variable"),
    "FangSong": ("仿宋", "02010609060101010101", "modern", "fixed"),
}

BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
PAGE_NUMBER_PT = 14  # 四号
TABLE_PT = 12  # 小四: a date fits a half-width column
LINE_PT = 28.95  # 225 mm / 22 lines
TABLE_LINE_PT = 20
CHAR = Pt(BODY_PT)  # one character of body text

# Paragraph styles: name -> (East-Asian font, size pt, exact line pt, first-line indent chars)
STYLES = {
    "公文正文": (BODY, BODY_PT, LINE_PT, 2),
    "公文无缩进": (BODY, BODY_PT, LINE_PT, 0),
    "公文标题": (TITLE, TITLE_PT, 36, 0),
    "一级标题": (HEI, BODY_PT, LINE_PT, 2),
    "二级标题": (KAI, BODY_PT, LINE_PT, 2),
    "公文落款": (BODY, BODY_PT, LINE_PT, 0),
    "表格文字": (BODY, TABLE_PT, TABLE_LINE_PT, 0),
    "页码": (SONG, PAGE_NUMBER_PT, PAGE_NUMBER_PT + 4, 0),
}
STYLE_FONTS = {name: spec[0] for name, spec in STYLES.items()}
# built-in styles the forms use (by style id); all others are dropped from the package
KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid"}
# parts of the default template no form needs (relationship type's last segment)
DROP_PARTS = {"stylesWithEffects", "customXml", "thumbnail", "webSettings", "numbering"}


# --------------------------------------------------------------------------- low level


def _set_fonts(r_pr: Any, east_asia: str, size_pt: float | None = None) -> None:
    """Name all four font slots on an ``w:rPr`` (theme fonts removed) and set the size."""
    r_fonts = r_pr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        r_fonts.attrib.pop(qn(f"w:{attr}"), None)
    r_fonts.set(qn("w:ascii"), LATIN)
    r_fonts.set(qn("w:hAnsi"), LATIN)
    r_fonts.set(qn("w:eastAsia"), east_asia)
    r_fonts.set(qn("w:cs"), LATIN)
    r_fonts.set(qn("w:hint"), "eastAsia")
    if size_pt is not None:
        half_points = str(round(size_pt * 2))
        for tag in ("w:sz", "w:szCs"):
            el = r_pr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                r_pr.append(el)
            el.set(qn("w:val"), half_points)
        _reorder(r_pr)


# CT_RPr children must come in schema order; python-docx only orders the ones it adds.
_RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
]  # fmt: skip


def _reorder(r_pr: Any) -> None:
    rank = {qn(f"w:{n}"): i for i, n in enumerate(_RPR_ORDER)}
    children = list(r_pr)
    children.sort(key=lambda el: rank.get(el.tag, len(rank)))
    for el in children:
        r_pr.append(el)


def _set_lang(r_pr: Any) -> None:
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    _reorder(r_pr)


def _first_line_chars(paragraph_format_element: Any, chars: int) -> None:
    """Indent the first line by ``chars`` characters (Word: firstLineChars; others: twips)."""
    ind = paragraph_format_element.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(chars * BODY_PT * 20))


# --------------------------------------------------------------------------- the document


class Form:
    """One template being built: page set-up, styles, footer, and paragraph helpers."""

    def __init__(self, title: str) -> None:
        self.doc = Document()
        self._strip_placeholder_paragraph()
        self._page()
        self._styles()
        self._footer()
        self._font_table()
        props = self.doc.core_properties
        props.title = title
        props.author = "ipdesk"
        props.last_modified_by = "ipdesk"
        props.comments = "ipdesk 文书模板。标签用英文半角符号书写，编辑后请运行模板检查。"
        props.keywords = "ipdesk"
        props.created = props.modified = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        props.revision = 1
        self._keep_start: Any = None

    # ---- set-up

    def _strip_placeholder_paragraph(self) -> None:
        body = self.doc.element.body
        for p in body.findall(qn("w:p")):
            body.remove(p)

    def _page(self) -> None:
        section = self.doc.sections[0]
        section.start_type = WD_SECTION.NEW_PAGE
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.header_distance = Mm(15)
        # the page number's line sits 7 mm below the text block (GB/T 9704 7.5)
        section.footer_distance = Emu(Mm(35 - 7) - Pt(PAGE_NUMBER_PT + 4))
        section.gutter = Mm(0)

    def _styles(self) -> None:
        styles = self.doc.styles
        element = styles.element
        # document defaults: our fonts, Chinese as the East-Asian language, no spacing
        r_pr = element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_fonts(r_pr, BODY, BODY_PT)
        _set_lang(r_pr)
        p_pr_default = element.find(qn("w:docDefaults")).find(qn("w:pPrDefault"))
        p_pr_default.getparent().remove(p_pr_default)
        normal = styles["Normal"]
        _set_fonts(normal.element.get_or_add_rPr(), BODY, BODY_PT)
        fmt = normal.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing = Pt(LINE_PT)
        fmt.widow_control = True
        # every style of the default template that names theme fonts names ours instead
        for style in styles:
            r = style.element.rPr
            if r is not None and r.rFonts is not None:
                _set_fonts(r, HEI if "heading" in (style.name or "").lower() else BODY)
        for name, (font, size, line, indent) in STYLES.items():
            style = styles.add_style(name, 1)  # paragraph style
            assert isinstance(style, ParagraphStyle)
            style.base_style = normal
            style.quick_style = True
            _set_fonts(style.element.get_or_add_rPr(), font, size)
            pf = style.paragraph_format
            pf.space_before = pf.space_after = Pt(0)
            pf.line_spacing = Pt(line)
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            if indent:
                _first_line_chars(style.element.get_or_add_pPr(), indent)
            if name in ("公文正文", "公文无缩进", "一级标题", "二级标题"):
                pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY  # 两端对齐
            if name == "公文标题":
                pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
                pf.keep_with_next = True
            if name in ("一级标题", "二级标题"):
                pf.keep_with_next = True

    def _footer(self) -> None:
        """Page numbers "— N —" (四号 宋体): odd pages right, even pages left, 1 char in."""
        self.doc.settings.odd_and_even_pages_header_footer = True
        section = self.doc.sections[0]
        section.different_first_page_header_footer = False
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            p.style = self.doc.styles["页码"]
            p.alignment = align
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                p.paragraph_format.right_indent = Pt(PAGE_NUMBER_PT)
            else:
                p.paragraph_format.left_indent = Pt(PAGE_NUMBER_PT)
            self._run(p, "— ", SONG, PAGE_NUMBER_PT)
            self._page_field(p)
            self._run(p, " —", SONG, PAGE_NUMBER_PT)

    def _page_field(self, p: Paragraph) -> None:
        def fld(kind: str) -> None:
            run = self._run(p, "", SONG, PAGE_NUMBER_PT)
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)

        fld("begin")
        run = self._run(p, "", SONG, PAGE_NUMBER_PT)
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = " PAGE "
        run._r.append(instr)
        fld("separate")
        self._run(p, "1", SONG, PAGE_NUMBER_PT)
        fld("end")

    def _font_table(self) -> None:
        """Declare our fonts with an alternate name, GB2312 charset and a panose class, so
        that Word substitutes a similar Chinese face when the official one is missing."""
        part = next(
            p for p in self.doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
        )
        root = parse_xml(part.blob)
        for font in root.findall(qn("w:font")):
            if font.get(qn("w:name")) in FONT_TABLE or font.get(qn("w:name")).startswith("ＭＳ"):
                root.remove(font)
        for name, (alt, panose, family, pitch) in FONT_TABLE.items():
            root.append(
                parse_xml(
                    f'<w:font {nsdecls("w")} w:name="{name}">'
                    f'<w:altName w:val="{alt}"/><w:panose1 w:val="{panose}"/>'
                    f'<w:charset w:val="86"/><w:family w:val="{family}"/>'
                    f'<w:pitch w:val="{pitch}"/></w:font>'
                )
            )
        from lxml import etree

        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    # ---- paragraphs

    def _run(self, p: Paragraph, text: str, font: str, size: float) -> Any:
        run = p.add_run(text)
        _set_fonts(run._r.get_or_add_rPr(), font, size)
        return run

    def _para(
        self,
        style: str,
        parts: Iterable[tuple[str, str | None]],
        *,
        align: WD_ALIGN_PARAGRAPH | None = None,
        right_chars: int = 0,
        left_chars: int = 0,
    ) -> Paragraph:
        p = self.doc.add_paragraph(style=self.doc.styles[style])
        if align is not None:
            p.alignment = align
        if right_chars:
            p.paragraph_format.right_indent = CHAR * right_chars
        if left_chars:
            p.paragraph_format.left_indent = CHAR * left_chars
        size = STYLES[style][1]
        for text, font in parts:
            self._run(p, text, font or STYLE_FONTS[style], size)
        return p

    def title(self, text: str) -> None:
        self._para("公文标题", [(text, None)])

    def number(self) -> None:
        self._para(
            "公文无缩进", [("编号：{{ case.number }}", None)], align=WD_ALIGN_PARAGRAPH.RIGHT
        )
        self.blank()

    def blank(self) -> None:
        self._para("公文无缩进", [("", None)])

    def addressee(self, text: str) -> None:
        """主送: flush left, no indent."""
        self._para("公文无缩进", [(text, None)])

    def body(self, text: str) -> None:
        self._para("公文正文", [(text, None)])

    def flush(self, text: str) -> None:
        self._para("公文无缩进", [(text, None)])

    def label(self, label: str, text: str) -> None:
        """A body paragraph whose leading label is set in 黑体 (请求事项：…)."""
        self._para("公文正文", [(label, HEI), (text, None)])

    def h1(self, text: str) -> None:
        self._para("一级标题", [(text, None)])

    def h2(self, text: str) -> None:
        self._para("二级标题", [(text, None)])

    def tag(self, text: str) -> None:
        """A paragraph holding only a docxtpl paragraph tag ({%p ... %})."""
        self._para("公文无缩进", [(text, None)])

    def lines(self, loop: str, var: str = "line", style: str = "公文正文") -> None:
        """One paragraph per item of a list of texts."""
        self.tag(f"{{%p for {var} in {loop} %}}")
        self._para(style, [(f"{{{{ {var} }}}}", None)])
        self.tag("{%p endfor %}")

    def keep_from_here(self, back: int = 1) -> None:
        """The closing part (signatures, date) starts after the ``back`` last paragraphs of
        body text (tag-only paragraphs not counted): :meth:`signature` keeps all of it on
        one page with that body text (keep-with-next, keep-lines-together), so that no page
        holds only the signatures and the date (GB/T 9704 7.3.5)."""
        children = [c for c in self.doc.element.body if c.tag in (qn("w:p"), qn("w:tbl"))]
        for el in reversed(children):
            text = "".join(t.text or "" for t in el.iter(qn("w:t")))
            if el.tag == qn("w:p") and text.startswith("{%"):
                continue
            self._keep_start = el
            back -= 1
            if back <= 0:
                return

    def _keep_closing(self) -> None:
        body = self.doc.element.body
        children = [c for c in body if c.tag in (qn("w:p"), qn("w:tbl"))]
        start = children.index(self._keep_start)
        paragraphs: list[Any] = []
        for el in children[start:]:
            paragraphs += [el] if el.tag == qn("w:p") else list(el.iter(qn("w:p")))
        for i, p_el in enumerate(paragraphs):
            fmt = Paragraph(p_el, self.doc._body).paragraph_format
            fmt.keep_together = True
            if i < len(paragraphs) - 1:
                fmt.keep_with_next = True

    def signature(self, *lines: str) -> None:
        """发文机关署名 and 成文日期, right-aligned: the date four characters from the right
        edge (GB/T 9704 7.3.5), the name two, which centres a usual name over the date.
        Kept on one page with the last body text (:meth:`keep_from_here`)."""
        if self._keep_start is None:
            self.keep_from_here()
        self.blank()
        for i, text in enumerate(lines):
            last = i == len(lines) - 1
            self._para(
                "公文落款",
                [(text, None)],
                align=WD_ALIGN_PARAGRAPH.RIGHT,
                right_chars=4 if last else 2,
            )
        self._keep_closing()
        self._keep_start = None

    def attachments(self, loop: str) -> None:
        """附件说明 (GB/T 9704 7.3.4): "附件：1．…" two characters in, the following items
        and wrapped lines aligned after "附件："."""
        self.blank()
        self.tag(f"{{%p for item in {loop} %}}")
        p = self._para(
            "公文无缩进",
            [("{% if loop.first %}附件：{% else %}　　　{% endif %}{{ item }}", None)],
            left_chars=5,
        )
        p.paragraph_format.first_line_indent = -CHAR * 3
        self.tag("{%p endfor %}")

    # ---- tables

    def table(self, widths_mm: list[float]) -> Table:
        table = self.doc.add_table(rows=0, cols=len(widths_mm))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False  # fixed layout: the widths below hold
        grid = table._tbl.tblGrid
        for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
            col.set(qn("w:w"), str(round(Mm(width).twips)))
        self._widths = widths_mm
        return table

    def row(
        self,
        table: Table,
        *cells: str,
        spans: tuple[int, ...] | None = None,
        centre: tuple[int, ...] = (),
    ) -> None:
        """A row of texts; ``spans`` merges neighbouring cells (they must add up); short
        labels and the cells numbered in ``centre`` are centred. A row never breaks across
        pages."""
        spans = spans or (1,) * len(cells)
        assert sum(spans) == len(self._widths), (cells, spans)
        row = table.add_row()
        row.height = Mm(10)
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.insert(0, OxmlElement("w:cantSplit"))
        col = 0
        for index, (text, span) in enumerate(zip(cells, spans, strict=True)):
            cell = row.cells[col]
            if span > 1:
                cell = cell.merge(row.cells[col + span - 1])
            cell.width = Mm(sum(self._widths[col : col + span]))
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            first = cell.paragraphs[0]
            first.style = self.doc.styles["表格文字"]
            label = len(text) <= 8 and "{{" not in text and "{%" not in text
            if label or index in centre:
                first.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._run(first, text, BODY, TABLE_PT)
            col += span

    def _slim(self) -> None:
        """Drop what python-docx's default template carries and we do not use (a 440 KB
        style sheet of Word 2010's table styles twice over, a thumbnail, custom XML):
        every render parses and writes the package, so a small one renders faster."""
        styles = self.doc.styles.element
        used = {self.doc.styles[name].style_id for name in STYLES} | KEEP_STYLES
        for style in styles.findall(qn("w:style")):
            if style.get(qn("w:styleId")) not in used:
                styles.remove(style)
        for rels in (self.doc.part.rels, self.doc.part.package.rels):
            for r_id, rel in list(rels.items()):
                if rel.reltype.rsplit("/", 1)[-1] in DROP_PARTS:
                    del rels[r_id]
                    rels._target_parts_by_rId.pop(r_id, None)

    def save(self, path: Path) -> None:
        self._slim()
        self._check_runs()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(str(path))
        _fix_timestamps(path)

    def _check_runs(self) -> None:
        """Every run names its East-Asian font (the layout rule we promise)."""
        parts = [self.doc.element]
        for section in self.doc.sections:
            parts += [section.footer._element, section.even_page_footer._element]
        for part in parts:
            for run in part.iter(qn("w:r")):
                r_fonts = run.find(qn("w:rPr") + "/" + qn("w:rFonts"))
                assert r_fonts is not None and r_fonts.get(qn("w:eastAsia")), "run without font"


def _fix_timestamps(path: Path) -> None:
    """Give every zip member one fixed time, so that rebuilding unchanged forms gives
    byte-identical files (and no spurious diffs)."""
    with zipfile.ZipFile(path) as z:
        members = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)


# --------------------------------------------------------------------------- shared blocks

# Each term is written as one complete sentence by its kind (services/rules/obligations.py).
ORDINAL_TERMS = "{{ o.seq }}．{{ o.sentence }}"


def terms(f: Form) -> None:
    """The agreed terms: who, what, to whom, how much (figures and 大写), by when."""
    f.tag("{%p for o in obligations %}")
    f.body(ORDINAL_TERMS)
    f.tag("{%p endfor %}")
    f.tag("{%p if agreement.total_figures %}")
    f.body("以上款项合计¥{{ agreement.total_figures }}（大写：{{ agreement.total_capitals }}）。")
    f.tag("{%p endif %}")


def party_lines(f: Form, loop: str, role: str) -> None:
    """当事人基本情况 for the agreement: name and the details the case holds."""
    f.tag(f"{{%p for p in {loop} %}}")
    f.body(role + "：{{ p.name }}{% if p.details %}，{{ p.details }}{% endif %}。")
    f.tag("{%p if p.representative_line %}")
    f.body("{{ p.representative_line }}")
    f.tag("{%p endif %}")
    f.tag("{%p for a in p.agents %}")
    f.body("委托代理人：{{ a.name }}{% if a.details %}，{{ a.details }}{% endif %}。")
    f.tag("{%p endfor %}")
    f.tag("{%p endfor %}")


def office_contact(f: Form) -> None:
    f.tag("{%p if office.contact %}")
    f.body("（{{ office.contact }}）")
    f.tag("{%p endif %}")


# --------------------------------------------------------------------------- the forms


def acceptance_notice() -> Form:
    f = Form("受理通知书")
    f.title("受理通知书")
    f.number()
    f.addressee("{{ applicant_names }}：")
    f.body(
        "{{ addressee }}于{{ case.received_on }}提出的与{{ respondent_names }}之间的"
        "{{ case.dispute }}调解申请，经审查，符合受理条件，本所决定受理。"
    )
    f.body(
        "本案涉及{{ case.right }}。{% if mediator.name %}本案由调解员{{ mediator.name }}"
        "负责调解。{% endif %}本所自{{ case.accepted_on }}受理之日起{{ handling_days }}日内"
        "办结本案；依法中止的期间不计算在内，经批准延长的，办理期限相应延长。"
    )
    f.body(
        "调解期间，请{{ addressee }}如实陈述纠纷事实，提供与纠纷有关的证据材料，"
        "按时参加调解活动。调解不收取任何费用。"
    )
    f.body("特此通知。")
    f.signature("{{ office.name }}", "{{ issued_on }}")
    office_contact(f)
    return f


def rejection_notice() -> Form:
    f = Form("不予受理通知书")
    f.title("不予受理通知书")
    f.number()
    f.addressee("{{ applicant_names }}：")
    f.body(
        "{{ addressee }}于{{ case.received_on }}提出的与{{ respondent_names }}之间的"
        "{{ case.dispute }}调解申请，经审查，本所决定不予受理。理由如下："
    )
    f.lines("rejection.reason_paragraphs")
    f.body("{{ addressee }}可以通过其他合法途径解决纠纷，也可以依法向有管辖权的人民法院提起诉讼。")
    f.body("特此通知。")
    f.signature("{{ office.name }}", "{{ rejection.decided_on }}")
    office_contact(f)
    return f


def mediation_agreement() -> Form:
    f = Form("调解协议书")
    f.title("调解协议书")
    f.number()
    party_lines(f, "applicants", "申请人")
    party_lines(f, "respondents", "被申请人")
    party_lines(f, "third_parties", "第三人")
    f.body("调解组织：{{ mediation.organisation }}")
    f.body("调解员：{{ mediator.name }}")
    f.h1("一、纠纷事实、争议事项及各方责任")
    f.h2("（一）纠纷主要事实")
    f.lines("agreement.facts_paragraphs")
    f.h2("（二）争议事项")
    f.body(
        "双方当事人就{{ case.right }}发生{{ case.dispute }}。{{ applicant_names }}请求："
        "{{ case.claim }}"
    )
    f.h2("（三）各方责任")
    f.lines("agreement.responsibility_paragraphs")
    f.h1("二、协议内容")
    f.body(
        "经{{ mediation.organisation }}主持调解，双方当事人在查明事实、分清责任的基础上，"
        "自愿达成如下协议："
    )
    terms(f)
    f.h1("三、协议效力")
    f.body(
        "本协议经各方当事人签名、盖章或者按指印，调解员签名并加盖{{ office.name }}"
        "印章之日起生效。本协议对各方当事人具有法律约束力，当事人应当按照约定履行。"
    )
    f.body(
        "当事人可以自本协议生效之日起三十日内，共同向有管辖权的人民法院申请司法确认。"
        "人民法院确认本协议有效，一方拒绝履行或者未全部履行的，对方当事人可以向人民法院"
        "申请强制执行。"
    )
    f.body(
        "本协议一式{{ agreement.copies }}份，各方当事人各执一份，{{ mediation.organisation }}"
        "留存一份，具有同等效力。"
    )
    f.keep_from_here()
    f.blank()
    f.tag("{%p for p in signatories %}")
    f.flush("{{ p.role }}{{ p.name }}（签名、盖章或按指印）：")
    f.blank()
    f.tag("{%p endfor %}")
    f.flush("调解员（签名）：")
    f.blank()
    f.signature("{{ mediation.organisation }}（盖章）", "{{ agreement.signed_on }}")
    return f


def confirmation_application() -> Form:
    f = Form("司法确认申请书")
    f.title("司法确认申请书")
    f.blank()
    f.tag("{%p for p in joint_applicants %}")
    f.tag("{%p if p.is_person %}")
    f.body(
        "申请人：{{ p.name }}，{{ p.sex }}，{{ p.birth_date }}出生，{{ p.ethnicity }}，"
        "住{{ p.address }}，公民身份号码：{{ p.id_number }}，联系电话：{{ p.phone }}。"
    )
    f.tag("{%p else %}")
    f.body(
        "申请人：{{ p.name }}，住所地：{{ p.address }}，统一社会信用代码：{{ p.id_number }}"
        "{% if p.phone %}，联系电话：{{ p.phone }}{% endif %}。"
    )
    f.tag("{%p if p.representative_line %}")
    f.body("{{ p.representative_line }}")
    f.tag("{%p endif %}")
    f.tag("{%p endif %}")
    f.tag("{%p for a in p.agents %}")
    f.body("委托代理人：{{ a.name }}{% if a.details %}，{{ a.details }}{% endif %}。")
    f.tag("{%p endfor %}")
    f.tag("{%p endfor %}")
    f.h1("请求事项：")
    f.body(
        "请求人民法院确认申请人于{{ agreement.signed_on }}经{{ mediation.organisation }}主持调解"
        "达成的调解协议有效。"
    )
    f.h1("事实和理由：")
    f.body(
        "{{ applicant_names }}与{{ respondent_names }}因{{ case.right }}发生"
        "{{ case.dispute }}，{{ applicant_names }}于{{ case.received_on }}向"
        "{{ mediation.organisation }}申请调解，{{ mediation.organisation }}于"
        "{{ case.accepted_on }}受理。经其主持调解，"
        "双方当事人于{{ agreement.signed_on }}自愿达成调解协议，协议自"
        "{{ agreement.effective_on }}起生效。协议主要内容如下："
    )
    terms(f)
    f.body(
        "为此，申请人依照{{ mediation.basis }}和《中华人民共和国民事诉讼法》"
        "第二百零五条、第二百零六条的规定，自调解协议生效之日起三十日内共同向贵院申请"
        "司法确认。"
    )
    f.body(
        "申请人承诺：申请人出于解决纠纷的目的自愿达成调解协议，没有恶意串通、规避法律的"
        "行为；如果因为该协议内容而给他人造成损害的，愿意承担相应的民事责任和其他法律责任。"
    )
    f.keep_from_here()
    f.body("此致")
    f.flush("{{ court.name }}")
    f.attachments("attachments")
    f.blank()
    f.flush("申请人（签名、盖章或按指印）：")
    f.tag("{%p for p in joint_applicants %}")
    f.blank()
    f.body("{{ p.name }}")
    f.tag("{%p endfor %}")
    f.signature("{{ confirmation.applied_on }}")
    return f


def consultation_letter() -> Form:
    f = Form("联席会商函")
    f.title("联席会商函")
    f.number()
    f.addressee("{{ consultation.agency_names }}：")
    f.body(
        "本所受理的{{ applicant_names }}与{{ respondent_names }}{{ case.dispute }}一案"
        "（编号：{{ case.number }}），涉及{{ case.right }}。因案件涉及需要贵单位共同研究的"
        "事项，现提请召开联席会商。有关情况如下："
    )
    f.h1("一、案件基本情况")
    f.lines("case.facts_paragraphs")
    f.h1("二、会商事项")
    f.body("{{ consultation.subject }}")
    f.lines("consultation.question_paragraphs")
    f.h1("三、有关事宜")
    f.tag("{%p if consultation.meeting_on %}")
    f.body(
        "会商拟于{{ consultation.meeting_on }}在{{ consultation.meeting_place }}举行，请派员参加。"
    )
    f.tag("{%p endif %}")
    f.tag("{%p if consultation.reply_by %}")
    f.body("请于{{ consultation.reply_by }}前将书面意见反馈本所。")
    f.tag("{%p endif %}")
    f.body(
        "联系人：{{ mediator.name }}{% if office.phone %}，联系电话：{{ office.phone }}"
        "{% endif %}。"
    )
    f.signature("{{ office.name }}", "{{ consultation.requested_on }}")
    return f


def consultation_minutes() -> Form:
    f = Form("会商纪要")
    f.title("会商纪要")
    f.number()
    f.label("会商事项：", "{{ consultation.subject }}")
    f.label("会商时间：", "{{ consultation.meeting_on }}")
    f.label("会商地点：", "{{ consultation.meeting_place }}")
    f.label("参会单位及人员：", "{{ consultation.participants }}")
    f.h1("一、案件基本情况")
    f.body(
        "{{ applicant_names }}与{{ respondent_names }}{{ case.dispute }}一案"
        "（编号：{{ case.number }}），涉及{{ case.right }}，{{ office.name }}于"
        "{{ case.accepted_on }}受理。"
    )
    f.lines("case.facts_paragraphs")
    f.h1("二、各单位意见")
    f.tag("{%p for r in consultation.opinions %}")
    f.h2("（{{ r.seq }}）{{ r.agency }}")
    f.lines("r.opinion_paragraphs")
    f.tag("{%p endfor %}")
    f.h1("三、会商意见")
    f.lines("consultation.minutes_paragraphs")
    f.keep_from_here()
    f.blank()
    f.blank()
    f.flush("参会人员（签名）：")
    f.blank()
    f.signature("{{ office.name }}", "{{ consultation.meeting_on }}")
    return f


def court_return_letter() -> Form:
    f = Form("诉调对接回复函")
    f.title("诉调对接回复函")
    f.number()
    f.addressee("{{ court.name }}：")
    f.body(
        "贵院委派（委托）本所调解的{{ applicant_names }}与{{ respondent_names }}"
        "{{ case.dispute }}一案{% if case.court_case_number %}，贵院案号"
        "{{ case.court_case_number }}{% endif %}，本所已于{{ case.accepted_on }}受理"
        "（编号：{{ case.number }}）。现将调解情况函复如下："
    )
    f.lines("result.paragraphs")
    f.tag("{%p if result.agreed %}")
    f.body("调解协议的主要内容如下：")
    terms(f)
    f.tag("{%p endif %}")
    f.keep_from_here()
    f.body("特此函复。")
    f.attachments("result.attachments")
    f.signature("{{ office.name }}", "{{ issued_on }}")
    office_contact(f)
    return f


def closing_notice() -> Form:
    f = Form("结案通知书")
    f.title("结案通知书")
    f.number()
    f.addressee("{{ party_names }}：")
    f.body(
        "{{ applicant_names }}与{{ respondent_names }}{{ case.dispute }}一案"
        "（编号：{{ case.number }}），本所于{{ case.accepted_on }}受理。"
        "{{ closing.outcome_text }}本所于{{ closing.closed_on }}结案。"
    )
    f.tag("{%p if closing.has_agreement %}")
    f.body("请各方当事人按照调解协议的约定全面履行各自的义务。本所将对调解协议的履行情况进行回访。")
    f.tag("{%p endif %}")
    f.body("特此通知。")
    f.signature("{{ office.name }}", "{{ closing.closed_on }}")
    office_contact(f)
    return f


def follow_up_record() -> Form:
    f = Form("回访记录表")
    f.title("回访记录表")
    f.number()
    t = f.table([22, 56, 22, 56])
    f.row(t, "案件编号", "{{ case.number }}", "结案日期", "{{ closing.closed_on }}")
    f.row(t, "纠纷类型", "{{ case.dispute }}", spans=(1, 3))
    f.row(t, "当事人", "{{ party_names }}", spans=(1, 3))
    f.row(t, "调解组织", "{{ office.name }}", spans=(1, 3))
    f.row(t, "回访日期", "{{ visit.done_on }}", "回访方式", "{{ visit.method }}")
    f.row(t, "回访人", "{{ visit.visitor }}", "受访人", "{{ visit.person_visited }}")
    f.row(t, "履行情况", "{{ visit.performance }}", "满意程度", "{{ visit.satisfaction }}")
    # A case without an agreement has no terms to check: no empty table.
    f.tag("{%p if obligations %}")
    f.blank()
    f.h1("协议条款履行情况")
    terms_table = f.table([13, 40, 71, 32])
    f.row(terms_table, "序号", "义务人", "履行内容及期限", "履行情况")
    f.row(terms_table, "{%tr for o in obligations %}", "", "", "")
    f.row(
        terms_table,
        "{{ o.seq }}",
        "{{ o.obligor }}",
        "{{ o.sentence }}",
        "{{ o.performance }}",
        centre=(0, 3),
    )
    f.row(terms_table, "{%tr endfor %}", "", "", "")
    f.tag("{%p endif %}")
    f.blank()
    t2 = f.table([22, 134])
    f.row(t2, "回访情况", "{{ visit.notes }}")
    f.row(t2, "存在问题", "{{ visit.problems }}")
    f.row(t2, "下一步措施", "{{ visit.next_action }}")
    f.keep_from_here()
    f.blank()
    f.flush("回访人（签名）：　　　　　　　　受访人（签名）：")
    f.signature("{{ office.name }}", "{{ visit.done_on }}")
    return f


def mediation_record() -> Form:
    """调解笔录: one mediation session (the case's latest), read to and signed by those present."""
    f = Form("调解笔录")
    f.title("调解笔录")
    f.number()
    f.label("案由：", "{{ applicant_names }}与{{ respondent_names }}{{ case.dispute }}")
    f.label("时间：", "{{ record.held_on }}")
    f.label("地点：", "{{ record.place }}")
    f.label("调解员：", "{{ mediator.name }}　　记录人：{{ record.recorder }}")
    f.flush("参加人员：")
    f.lines("record.attendees_paragraphs")
    f.h1("一、纠纷基本情况")
    f.body("本案涉及{{ case.right }}。")
    f.lines("case.facts_paragraphs")
    f.h1("二、调解情况")
    f.lines("record.summary_paragraphs")
    f.h1("三、下一步安排")
    f.tag("{%p if record.next_step %}")
    f.body("{{ record.next_step }}")
    f.tag("{%p else %}")
    f.body("无。")
    f.tag("{%p endif %}")
    f.body("以上笔录已向参加人员宣读（或经其阅看），确认无误。")
    f.keep_from_here()
    f.blank()
    f.flush("当事人（签名）：")
    f.blank()
    f.flush("调解员（签名）：　　　　　　　　记录人（签名）：")
    f.signature("{{ office.name }}", "{{ record.held_on }}")
    return f


# --------------------------------------------------------------------------- adjudication
# The administrative adjudication of patent-infringement disputes (services/cases/adjudication.py;
# context: services/documents/adjudication.py, the section ``adj``).

DISPUTE = "{{ applicant_names }}与{{ respondent_names }}专利侵权纠纷"


def adjudication_parties(f: Form) -> None:
    """请求人 / 被请求人 with their particulars (none in the public version)."""
    party_lines(f, "applicants", "请求人")
    party_lines(f, "respondents", "被请求人")


def adjudication_acceptance_notice() -> Form:
    f = Form("立案通知书")
    f.title("立案通知书")
    f.number()
    f.addressee("{{ applicant_names }}：")
    f.body(
        "{{ addressee }}于{{ adj.requested_on }}提出的请求处理与{{ respondent_names }}之间"
        "专利侵权纠纷（涉及{{ case.right }}）的请求，经审查，符合受理条件，本所决定立案处理，"
        "立案日期为{{ adj.accepted_on }}。"
    )
    f.tag("{%p if adj.has_officers %}")
    f.body(
        "本案由{{ adj.officers }}组成合议组处理。{{ addressee }}认为合议组成员与本案当事人"
        "或者其代理人有近亲属关系、与本案有利害关系或者有其他关系可能影响公正处理的，"
        "可以申请其回避。"
    )
    f.tag("{%p endif %}")
    f.body(
        "本所将在立案之日起五个工作日内将请求书及其附件副本送达被请求人。"
        "请{{ addressee }}如实陈述事实，按时参加口头审理，提供与纠纷有关的证据。"
    )
    f.body("特此通知。")
    f.signature("{{ office.name }}", "{{ adj.accepted_on }}")
    office_contact(f)
    return f


def defence_notice() -> Form:
    f = Form("答辩通知书")
    f.title("答辩通知书")
    f.number()
    f.addressee("{{ respondent_names }}：")
    f.body(
        "{{ applicant_names }}请求本所处理与你方之间的专利侵权纠纷（涉及{{ case.right }}），"
        "本所已于{{ adj.accepted_on }}立案。现将请求书及其附件副本送达你方。"
    )
    f.body(
        "请你方自收到本通知书之日起{{ adj.defence_days }}日内向本所提交答辩书一式两份及"
        "有关证据；逾期不提交答辩书的，不影响本所对本案的处理。"
    )
    f.tag("{%p if adj.has_officers %}")
    f.body(
        "本案由{{ adj.officers }}组成合议组处理。你方认为合议组成员应当回避的，可以在答辩时"
        "提出并说明理由。"
    )
    f.tag("{%p endif %}")
    f.body("特此通知。")
    f.keep_from_here()
    f.attachments("['请求书副本及附件']")
    f.signature("{{ office.name }}", "{{ issued_on }}")
    office_contact(f)
    return f


def hearing_notice() -> Form:
    f = Form("口头审理通知书")
    f.title("口头审理通知书")
    f.number()
    f.addressee("{{ party_names }}：")
    f.body(
        "本所受理的" + DISPUTE + "一案，定于{{ adj.hearing_on }}在{{ adj.hearing_place }}"
        "进行口头审理。"
    )
    f.body(
        "请各方当事人按时参加，携带身份证明及证据原件；委托代理人参加的，应当提交授权委托书。"
        "请求人无正当理由拒不参加或者未经许可中途退出的，可以按撤回请求处理；被请求人无正当"
        "理由拒不参加或者未经许可中途退出的，可以缺席处理。"
    )
    f.body("特此通知。")
    f.signature("{{ office.name }}", "{{ adj.hearing_notified_on }}")
    office_contact(f)
    return f


def hearing_record() -> Form:
    f = Form("口头审理笔录")
    f.title("口头审理笔录")
    f.number()
    f.label("案由：", DISPUTE)
    f.label("时间：", "{{ adj.hearing_held_on }}")
    f.label("地点：", "{{ adj.hearing_place }}")
    f.label("合议组：", "{{ adj.officers }}")
    f.flush("参加人员：")
    f.lines("adj.hearing_participants")
    f.h1("一、审理情况")
    f.lines("adj.hearing_paragraphs")
    f.body("以上笔录已向当事人宣读（或经其阅看），确认无误。")
    f.keep_from_here()
    f.blank()
    f.flush("当事人（签名或者盖章）：")
    f.blank()
    f.flush("合议组成员（签名）：　　　　　　　　记录人（签名）：")
    f.signature("{{ office.name }}", "{{ adj.hearing_held_on }}")
    return f


def _decision(public: bool) -> Form:
    title = "专利侵权纠纷行政裁决书" + ("（公开版）" if public else "")
    f = Form(title)
    f.title(title)
    f.number()
    f._para(
        "公文无缩进",
        [("{{ adj.decision_number }}", None)],
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    if public:
        f.flush("（自然人姓名已隐去，身份证件号码、住址和联系电话已删除）")
    f.blank()
    adjudication_parties(f)
    f.body(
        "请求人于{{ adj.requested_on }}请求本所处理其与被请求人之间的专利侵权纠纷，本所于"
        "{{ adj.accepted_on }}立案，依法组成合议组{% if adj.held_hearing %}，于"
        "{{ adj.hearing_held_on }}进行了口头审理{% endif %}。本案现已审理终结。"
    )
    f.h1("一、当事人陈述")
    f.body("请求人称：本案涉及{{ case.right }}。")
    f.lines("case.facts_paragraphs")
    f.body("请求人请求：{{ case.claim }}")
    f.tag("{%p if adj.defence_paragraphs %}")
    f.body("被请求人答辩称：")
    f.lines("adj.defence_paragraphs")
    f.tag("{%p else %}")
    f.body("被请求人未在答辩期内提交答辩书。")
    f.tag("{%p endif %}")
    f.h1("二、本所认定的事实和理由")
    f.lines("adj.reasons_paragraphs")
    f.h1("三、处理决定")
    f.tag("{%p if adj.infringement_found %}")
    f.body(
        "依照《中华人民共和国专利法》第六十五条的规定，本所认定被请求人的行为构成侵犯"
        "请求人专利权，决定如下："
    )
    f.lines("adj.order_paragraphs")
    f.tag("{%p else %}")
    f.body("本所认定被请求人的行为不构成侵犯请求人专利权，决定驳回请求人的请求。")
    f.tag("{%p endif %}")
    f.body(
        "当事人不服本决定的，可以自收到本决定书之日起{{ adj.suit_days }}日内，依照"
        "《中华人民共和国行政诉讼法》向人民法院起诉。{% if adj.infringement_found %}"
        "被请求人期满不起诉又不停止侵权行为的，本所可以申请人民法院强制执行。{% endif %}"
    )
    f.body(
        "就侵犯专利权的赔偿数额，当事人可以请求本所进行调解；调解不成的，当事人可以依照"
        "《中华人民共和国民事诉讼法》向人民法院起诉。"
    )
    f.keep_from_here()
    f.blank()
    f.flush("合议组：{{ adj.officers }}")
    f.signature("{{ office.name }}", "{{ adj.decided_on }}")
    return f


def adjudication_decision() -> Form:
    return _decision(public=False)


def adjudication_decision_public() -> Form:
    return _decision(public=True)


def service_receipt() -> Form:
    f = Form("送达回证")
    f.title("送达回证")
    f.number()
    t = f.table([30, 126])
    f.row(t, "案由", DISPUTE)
    f.row(t, "送达机关", "{{ office.name }}")
    f.row(t, "送达文书", "{{ adj.served_document }}")
    f.blank()
    t2 = f.table([30, 26, 34, 34, 32])
    f.row(t2, "受送达人", "送达方式", "送达日期", "签收日期", "签收人")
    f.row(t2, "{%tr for s in adj.services %}", "", "", "", "")
    f.row(
        t2,
        "{{ s.recipient }}",
        "{{ s.method }}",
        "{{ s.sent_on }}",
        "{{ s.received_on }}",
        "{{ s.signed_by }}",
        centre=(1,),
    )
    f.row(t2, "{%tr endfor %}", "", "", "", "")
    f.blank()
    f.flush("备考：受送达人拒绝签收的，送达人应当记明拒收事由和日期，由送达人、见证人签名。")
    f.keep_from_here()
    f.blank()
    f.flush("送达人（签名）：　　　　　　　　受送达人（签名）：")
    f.signature("{{ office.name }}", "{{ issued_on }}")
    return f


def enforcement_application() -> Form:
    f = Form("强制执行申请书")
    f.title("强制执行申请书")
    f.number()
    f.flush("申请人：{{ office.name }}")
    f.tag("{%p for p in respondents %}")
    f.flush("被申请人：{{ p.name }}{% if p.details %}，{{ p.details }}{% endif %}。")
    f.tag("{%p if p.representative_line %}")
    f.flush("{{ p.representative_line }}")
    f.tag("{%p endif %}")
    f.tag("{%p endfor %}")
    f.h1("申请事项")
    f.body("请求依法强制执行本机关作出的{{ adj.decision_number }}专利侵权纠纷行政裁决书。")
    f.h1("事实和理由")
    f.body(
        "本机关于{{ adj.decided_on }}就" + DISPUTE + "作出{{ adj.decision_number }}行政"
        "裁决书，认定被申请人的行为构成侵犯专利权，决定："
    )
    f.lines("adj.order_paragraphs")
    f.body(
        "该决定书已于{{ adj.decision_served_on }}送达当事人。被申请人在法定期限内未向人民法院"
        "提起行政诉讼，起诉期限已于{{ adj.suit_window_due }}届满，被申请人至今未停止侵权行为。"
        "依照《中华人民共和国专利法》第六十五条、《中华人民共和国行政强制法》第五十三条的规定，"
        "特申请强制执行。"
    )
    f.keep_from_here()
    f.body("此致")
    f.addressee("{{ adj.enforcement_court }}")
    f.attachments(
        "['专利侵权纠纷行政裁决书及送达回证', '催告书及送达凭证', '被申请人未履行的证据材料']"
    )
    f.signature("{{ office.name }}", "{{ adj.enforcement_applied_on }}")
    return f


# --------------------------------------------------------------------------- reports
# Not a case document: services/queries/reports.py fills it with a month's figures.


def monthly_report() -> Form:
    """The monthly report (工作月报) of the network or of one office."""
    f = Form("知识产权纠纷处理工作月报")
    f.title("{{ title }}")
    f._para("公文无缩进", [("{{ scope_name }}　统计期间：{{ period_text }}", None)],
            align=WD_ALIGN_PARAGRAPH.CENTER)  # fmt: skip
    f.blank()
    f.h1("一、总体情况")
    f.lines("summary_paragraphs")
    f.h1("二、各裁决所办理情况")
    t = f.table([40, 14, 14, 14, 14, 20, 20, 20])
    f.row(t, "裁决所", "收案", "结案", "在办", "超期", "按期结案率", "办理天数中位数", "回访率")
    f.row(t, "{%tr for o in offices %}", "", "", "", "", "", "", "")
    f.row(
        t,
        "{{ o.name }}",
        "{{ o.received }}",
        "{{ o.closed }}",
        "{{ o.open }}",
        "{{ o.overdue }}",
        "{{ o.on_time }}",
        "{{ o.median_days }}",
        "{{ o.follow_up_rate }}",
        centre=(1, 2, 3, 4, 5, 6, 7),
    )
    f.row(t, "{%tr endfor %}", "", "", "", "", "", "", "")
    f.row(
        t,
        "合计",
        "{{ total.received }}",
        "{{ total.closed }}",
        "{{ total.open }}",
        "{{ total.overdue }}",
        "{{ total.on_time }}",
        "{{ total.median_days }}",
        "{{ total.follow_up_rate }}",
        centre=(1, 2, 3, 4, 5, 6, 7),
    )
    f.blank()
    f.h1("三、超期案件")
    f.tag("{%p if overdue_cases %}")
    f.body(
        "超期未结及超期结案的案件共{{ overdue_total }}件"
        "{% if overdue_total > overdue_listed %}，列出前{{ overdue_listed }}件{% endif %}："
    )
    o = f.table([30, 36, 26, 16, 48])
    f.row(o, "案件编号", "裁决所", "期限届满日", "超期天数", "最近中止或延长及原因")
    f.row(o, "{%tr for c in overdue_cases %}", "", "", "", "")
    f.row(
        o,
        "{{ c.number }}",
        "{{ c.office }}",
        "{{ c.due_on }}",
        "{{ c.days_over }}",
        "{{ c.reason }}",
        centre=(2, 3),
    )
    f.row(o, "{%tr endfor %}", "", "", "", "")
    f.tag("{%p else %}")
    f.body("本月无超期案件。")
    f.tag("{%p endif %}")
    f.signature("{{ scope_name }}", "{{ issued_on }}")
    return f


FORMS: dict[str, Callable[[], Form]] = {
    "acceptance_notice": acceptance_notice,
    "rejection_notice": rejection_notice,
    "mediation_agreement": mediation_agreement,
    "confirmation_application": confirmation_application,
    "consultation_letter": consultation_letter,
    "consultation_minutes": consultation_minutes,
    "court_return_letter": court_return_letter,
    "closing_notice": closing_notice,
    "follow_up_record": follow_up_record,
    "mediation_record": mediation_record,
    "adjudication_acceptance_notice": adjudication_acceptance_notice,
    "defence_notice": defence_notice,
    "hearing_notice": hearing_notice,
    "hearing_record": hearing_record,
    "adjudication_decision": adjudication_decision,
    "adjudication_decision_public": adjudication_decision_public,
    "service_receipt": service_receipt,
    "enforcement_application": enforcement_application,
    "monthly_report": monthly_report,
}


def build(out: Path, kinds: Iterable[str] = FORMS) -> list[Path]:
    written = []
    for kind in kinds:
        path = out / f"{kind}.docx"
        FORMS[kind]().save(path)
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "forms")
    parser.add_argument("kinds", nargs="*", metavar="KIND", help=", ".join(FORMS))
    args = parser.parse_args()
    unknown = set(args.kinds) - set(FORMS)
    if unknown:
        parser.error(f"unknown kind: {', '.join(sorted(unknown))}")
    for path in build(args.out, args.kinds or FORMS):
        print(path)


if __name__ == "__main__":
    main()
