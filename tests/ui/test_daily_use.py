"""The smaller things a daily user trips on (issue 15, item 8): readable chart labels, full
station names with a labelled count, alert and follow-up texts in full, a follow-up form
that asks instead of assuming, messages after saving, confirmation before disabling a
user, signing out, keys from the search box, Qt's own dialogs in Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from ipdesk.app import load_translators

translate = QCoreApplication.translate


# -- Qt's own dialogs in Chinese --------------------------------------------------------------


@pytest.fixture
def chinese_qt(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = load_translators("zh_CN")
    for translator in translators:
        qapp.installTranslator(translator)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


def test_qt_translations_for_chinese_are_installed(chinese_qt: list[QTranslator]) -> None:
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert any(t.filePath().endswith("qtbase_zh_CN.qm") for t in chinese_qt), qt_dir
    assert translate("QPlatformTheme", "Cancel") == "取消"
    assert translate("QPlatformTheme", "&Yes") == "是(&Y)"


def test_the_texts_newer_qt_renamed_are_chinese_too(chinese_qt: list[QTranslator]) -> None:
    """qtbase_zh_CN still has the older wording of a few file-dialog texts."""
    assert translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert translate("QFileDialog", "Files of &type:") == "文件类型(&T)："
    assert translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "文件夹"


def test_the_file_dialog_has_no_english_label(qtbot: QtBot, chinese_qt: list[QTranslator]) -> None:
    dialog = QFileDialog(None, "x", "", "PNG (*.png)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert texts
    without_mnemonics = [re.sub(r"\(?&\w\)?", "", t) for t in texts]
    assert not [t for t in without_mnemonics if re.search("[A-Za-z]", t)], texts


def test_english_keeps_qt_texts_english(qapp: QApplication) -> None:
    translators = load_translators("en")
    for translator in translators:
        qapp.installTranslator(translator)
    try:
        assert translate("QFileDialog", "&Look in:") in ("", "&Look in:")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
