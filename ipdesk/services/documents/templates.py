"""The Word templates: loaded once, their tags checked (:func:`check_templates`), rendered in
memory (:func:`render_bytes`)."""

from __future__ import annotations

import datetime as dt
import io
import re
import threading
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import (
    Environment,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    nodes,
)

from ipdesk.models import CaseStatus
from ipdesk.paths import FORMS_DIR
from ipdesk.services.documents.context import context_from
from ipdesk.services.documents.kinds import DocumentKind, K, TemplateBroken, TemplateProblem
from ipdesk.services.documents.samples import demo_facts, sample_context

_CACHE_LOCK = threading.Lock()


class _CompilingOnceEnvironment(Environment):
    """docxtpl compiles the patched XML of every part on every render; the XML of a
    template is the same each time, so compile it once (about half the render time)."""

    MAX_TEMPLATES = 256

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled: dict[str, Template] = {}
        self._compiled_lock = threading.Lock()

    def from_string(
        self, source: str | nodes.Template, globals: Any = None, template_class: Any = None
    ) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        with self._compiled_lock:
            found = self._compiled.get(source)
        if found is None:
            found = super().from_string(source)
            with self._compiled_lock:
                if len(self._compiled) >= self.MAX_TEMPLATES:
                    self._compiled.pop(next(iter(self._compiled)))
                self._compiled[source] = found
        return found


_RENDER_ENV = _CompilingOnceEnvironment(autoescape=True, undefined=StrictUndefined)


def _jinja_env() -> Environment:
    """Unknown names fail loudly (never render as blanks); values are XML-escaped."""
    return _RENDER_ENV


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_STRAY_RE = re.compile(r"\{\s+[{%#]|[}%#]\s+\}")
_OPENERS_RE = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_FULLWIDTH_RE = re.compile(r"[｛｝]")
_CURLY_RE = re.compile(r"[“”‘’]")
_PARA_TAG_RE = re.compile(r"\{%(p|tr|tc|r)\s")  # docxtpl's paragraph/row/cell/run tags
_PARTS_RE = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
_JINJA_GLOBALS = frozenset({"range", "loop", "dict", "lipsum", "cycler", "joiner", "namespace"})


def template_path(kind: DocumentKind, forms_dir: Path = FORMS_DIR) -> Path:
    return Path(forms_dir) / f"{DocumentKind(kind).value}.docx"


def _paragraph_texts(xml: bytes) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """Each paragraph's text and the (start, end) span of each of its w:t elements (the
    text of a paragraph nested in it, in a text box, belongs to that paragraph)."""

    def texts(element: ET.Element) -> Iterator[str]:
        for child in element:
            if child.tag == f"{_W}t":
                yield child.text or ""
            elif child.tag != f"{_W}p":
                yield from texts(child)

    for p in ET.fromstring(xml).iter(f"{_W}p"):
        text, spans = "", []
        for piece in texts(p):
            spans.append((len(text), len(text) + len(piece)))
            text += piece
        if text:
            yield text, spans


def _scan_markup(name: str, data: bytes) -> list[TemplateProblem]:
    """Tags Word split or mangled, found in the paragraphs' text as Word stores it."""
    problems: list[TemplateProblem] = []

    def add(tag: str, message: str, code: str, severity: str = "error") -> None:
        problems.append(TemplateProblem(name, tag.strip(), message, code, severity))

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [n for n in z.namelist() if _PARTS_RE.fullmatch(n)]
        for part in sorted(parts):
            for text, spans in _paragraph_texts(z.read(part)):
                for m in _TAG_RE.finditer(text):
                    tag = m.group(0)
                    pieces = [s for s in spans if s[0] < m.end() and s[1] > m.start()]
                    if len(pieces) > 1:
                        add(
                            tag,
                            f"标签被 Word 拆分成 {len(pieces)} 段文字（格式或修订标记不同），"
                            "请删除后整段重新输入",
                            "split",
                            "warning",
                        )
                    if _CURLY_RE.search(tag):
                        add(
                            tag,
                            "标签中有中文（弯）引号，请改为英文半角引号",
                            "curly_quotes",
                            "warning",
                        )
                    if tag.startswith("{{"):
                        problem = _expression_problem(tag)
                        if problem:
                            add(tag, problem, "syntax")
                rest = _TAG_RE.sub(" ", text)
                if _FULLWIDTH_RE.search(text):
                    add(
                        _around(text, _FULLWIDTH_RE),
                        "标签使用了全角括号｛｝，请改为英文半角 { }",
                        "fullwidth",
                    )
                stray = _STRAY_RE.search(rest)
                if stray:
                    add(
                        _around(rest, _STRAY_RE),
                        "标签的括号之间有空格（应为 {{ 或 {%）",
                        "stray_brace",
                    )
                elif _OPENERS_RE.search(rest):
                    add(
                        _around(rest, _OPENERS_RE),
                        "标签不完整：缺少开始或结束符号，或被拆到两个段落中",
                        "unclosed",
                    )
                para_tag = _PARA_TAG_RE.search(text)
                if para_tag and _TAG_RE.sub("", text).strip():
                    whole = _TAG_RE.search(text, para_tag.start())
                    add(
                        whole.group(0) if whole else text[para_tag.start() :],
                        "段落标签（{%p …%}）所在段落中还有其他文字，生成时这些文字会被删除",
                        "paragraph_tag_text",
                    )
    return problems


def _around(text: str, pattern: re.Pattern[str], width: int = 12) -> str:
    m = pattern.search(text)
    assert m is not None
    return text[max(m.start() - width, 0) : m.end() + width]


def _expression_problem(tag: str) -> str | None:
    """A ``{{ … }}`` tag that Jinja cannot parse (docxtpl straightens curly quotes first)."""
    source = tag
    for curly, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        source = source.replace(curly, straight)
    try:
        Environment().parse(source)
    except TemplateSyntaxError as exc:
        return f"标签语法错误：{exc.message}"
    return None


def _template_source(tpl: DocxTemplate) -> str:
    """The Jinja source docxtpl renders: body, headers and footers, patched as it does."""
    tpl.init_docx()
    xml = tpl.patch_xml(tpl.get_xml())
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _key, part in tpl.get_headers_footers(uri):
            xml += tpl.patch_xml(tpl.get_part_xml(part))
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


class _Any:
    """A value the checker cannot know (loop helpers, filter results): anything goes."""


_ANY = _Any()


def _sample_item(values: list[Any]) -> Any:
    """One element standing for every element of a sample list (dicts merged)."""
    if not values:
        return _ANY
    if all(isinstance(v, dict) for v in values):
        merged: dict[str, Any] = {}
        for v in values:
            for key, value in v.items():
                if key not in merged or (isinstance(value, list) and value and not merged[key]):
                    merged[key] = value
        return merged
    return values[0]


class _Checker:
    """Walks a template's Jinja tree and reports names and attributes the context lacks."""

    def __init__(self, name: str, context: dict[str, Any]) -> None:
        self.name = name
        self.context = context
        self.problems: list[TemplateProblem] = []
        self._seen: set[str] = set()

    def report(self, path: str, message: str, code: str) -> None:
        if path not in self._seen:
            self._seen.add(path)
            self.problems.append(TemplateProblem(self.name, path, message, code))

    def walk(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            self.walk(node.iter, scope)
            item = self.resolve(node.iter, scope)
            inner = dict(scope, loop=_ANY)
            self.bind(node.target, _sample_item(item) if isinstance(item, list) else _ANY, inner)
            for child in node.body:
                self.walk(child, inner)
            if node.test is not None:
                self.walk(node.test, inner)
            for child in node.else_:
                self.walk(child, scope)
            return
        if isinstance(node, nodes.Assign):
            self.walk(node.node, scope)
            self.bind(node.target, _ANY, scope)
            return
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            self.resolve(node, scope)
            if isinstance(node, nodes.Getitem):
                self.walk(node.arg, scope)
            return
        for child in node.iter_child_nodes():
            self.walk(child, scope)

    def bind(self, target: nodes.Node, value: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = value
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, _ANY, scope)

    def resolve(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name not in _JINJA_GLOBALS:
                self.report(node.name, "模板使用了文书数据中没有的变量", "unknown_variable")
            return _ANY
        if isinstance(node, nodes.Getattr):
            return self._member(node, self.resolve(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem):
            base = self.resolve(node.node, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self._member(node, base, node.arg.value)
            if isinstance(base, list):
                return _sample_item(base)
            return _ANY
        self.walk(node, scope)
        return _ANY

    def _member(self, node: nodes.Node, base: Any, attr: str) -> Any:
        if isinstance(base, dict):
            if attr in base:
                return base[attr]
            self.report(_path(node), "模板使用了文书数据中没有的字段", "unknown_attribute")
            return _ANY
        if base is _ANY or hasattr(base, attr):
            return _ANY
        self.report(_path(node), "模板使用了文书数据中没有的字段", "unknown_attribute")
        return _ANY


def _path(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return str(node.name)
    if isinstance(node, nodes.Getattr):
        return f"{_path(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_path(node.node)}[{node.arg.value!r}]"
    return "…"


def check_template(path: Path, kind: DocumentKind) -> list[TemplateProblem]:
    """Every problem of one template, checked against the context of ``kind``."""
    name = Path(path).name
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return [TemplateProblem(name, name, "模板文件不存在", "missing_template")]
    except OSError as exc:
        return [TemplateProblem(name, name, f"无法读取模板文件：{exc.strerror}", "unreadable")]
    return _check_bytes(name, data, kind)


def _check_bytes(name: str, data: bytes, kind: DocumentKind) -> list[TemplateProblem]:
    try:
        problems = _scan_markup(name, data)
        tpl = DocxTemplate(io.BytesIO(data))
        source = _template_source(tpl)
    except (zipfile.BadZipFile, KeyError, ET.ParseError, ValueError) as exc:
        return [TemplateProblem(name, name, f"不是有效的 Word 文档（{exc}）", "unreadable")]
    context = sample_context(kind)
    try:
        tree = Environment().parse(source)
    except TemplateSyntaxError as exc:
        line = source.splitlines()[(exc.lineno or 1) - 1] if source else ""
        text = re.sub(r"<[^>]+>", "", line).strip() or name
        problems.append(TemplateProblem(name, text, f"模板语法错误：{exc.message}", "syntax"))
        return problems
    checker = _Checker(name, context)
    undeclared = DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables(
        Environment(), context
    )
    for variable in sorted(undeclared - _JINJA_GLOBALS):
        checker.report(variable, "模板使用了文书数据中没有的变量", "unknown_variable")
    checker.walk(tree, dict(context))
    return problems + checker.problems


def check_templates(forms_dir: Path = FORMS_DIR) -> list[TemplateProblem]:
    """Every problem of every kind's template in ``forms_dir`` (empty: all is well)."""
    problems: list[TemplateProblem] = []
    for kind in DocumentKind:
        problems += check_template(template_path(kind, forms_dir), kind)
    return problems


@dataclass(frozen=True)
class _LoadedTemplate:
    data: bytes
    problems: tuple[TemplateProblem, ...]


_TEMPLATE_CACHE: dict[tuple[str, DocumentKind], tuple[tuple[int, int], _LoadedTemplate]] = {}


def load_template(kind: DocumentKind, forms_dir: Path = FORMS_DIR) -> bytes:
    """The template's bytes once it passed the check; :class:`TemplateBroken` otherwise.

    The check is cached per file and re-run when the file changes (size or mtime), so an
    edit in Word is picked up without restarting.
    """
    kind = DocumentKind(kind)
    path = template_path(kind, forms_dir)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise TemplateBroken(
            [TemplateProblem(path.name, path.name, "模板文件不存在", "missing_template")]
        ) from None
    key = (str(path.resolve()), kind)
    stamp = (st.st_mtime_ns, st.st_size)
    with _CACHE_LOCK:
        cached = _TEMPLATE_CACHE.get(key)
    if cached is None or cached[0] != stamp:
        data = path.read_bytes()
        loaded = _LoadedTemplate(data, tuple(_check_bytes(path.name, data, kind)))
        with _CACHE_LOCK:
            _TEMPLATE_CACHE[key] = (stamp, loaded)
    else:
        loaded = cached[1]
    errors = [p for p in loaded.problems if p.severity == "error"]
    if errors:
        raise TemplateBroken(errors)
    return loaded.data


def render_bytes(template: bytes, context: dict[str, Any], name: str = "") -> bytes:
    """Fill a checked template in memory and return the .docx file's bytes."""
    tpl = DocxTemplate(io.BytesIO(template))
    try:
        tpl.render(context, jinja_env=_jinja_env(), autoescape=True)
    except TemplateError as exc:  # the check missed it: still refuse, nothing written
        raise TemplateBroken(
            [TemplateProblem(name, name, f"生成时模板出错：{exc}", "render_error")]
        ) from exc
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def preview(
    kind: DocumentKind | str, *, forms_dir: Path = FORMS_DIR, today: dt.date | None = None
) -> bytes:
    """The template of ``kind`` filled with the demo case (no database): .docx bytes."""
    kind = DocumentKind(kind)
    facts = demo_facts(today)
    if kind == K.REJECTION_NOTICE:  # the demo case was accepted; pretend it was not
        facts.case.status = CaseStatus.REJECTED
    template = load_template(kind, forms_dir)
    return render_bytes(template, context_from(facts, kind), template_path(kind, forms_dir).name)
