"""The adjudication's documents and the open-data decision (personal data redacted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case
from ipdesk.services.documents import DocumentKind, MissingFacts, render_document
from ipdesk.services.documents.adjudication import mask_name, redact_text
from tests.helpers.adjudication import prepare_adjudication
from tests.helpers.factories import seed
from tests.services.test_documents import (
    APPLICANT_ID,
    TODAY,
    document_text,
    documented_case,
    mediator_of,
)

K = DocumentKind


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三", "张某某"), ("王晓梅", "王某某"), ("欧阳娜娜", "欧阳某某"), ("", "")],
)
def test_natural_persons_names_are_masked(name: str, masked: str) -> None:
    assert mask_name(name) == masked


def test_free_text_loses_names_ids_and_phones() -> None:
    text = "申请人张伟（身份证150502198005010012，电话13912345678）称李娜销售侵权产品。"
    assert redact_text(text, ["张伟", "李娜"]) == (
        "申请人张某某（身份证（已删除），电话（已删除））称李某某销售侵权产品。"
    )


def test_the_public_decision_has_no_personal_data(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed(s)
        case = documented_case(s)
        case.facts = "张伟发现被请求人法定代表人李娜在门店销售侵权产品。"
        prepare_adjudication(s, case)
        persons = [(p.name, p.address, p.phone, p.id_number) for p in case.parties]
        case_id = case.id
    with session_factory.begin() as s:
        public = render_document(
            s,
            mediator_of(s, case_id),
            case_id,
            K.ADJUDICATION_DECISION_PUBLIC,
            tmp_path,
            today=TODAY,
        )
        full = render_document(
            s, mediator_of(s, case_id), case_id, K.ADJUDICATION_DECISION, tmp_path, today=TODAY
        )
    text, original = document_text(public.path), document_text(full.path)
    assert APPLICANT_ID in original and "张伟" in original
    assert APPLICANT_ID not in text
    for _name, address, phone, _id in persons:
        if address:
            assert address not in text, address
        if phone:
            assert phone not in text, phone
    assert "张伟" not in text and "李娜" not in text and "赵敏" not in text
    assert "张某某发现被请求人法定代表人李某某在门店销售侵权产品。" in text
    assert "通辽市草原商贸有限公司" in text  # organisations keep their names


def test_documents_are_refused_while_facts_are_missing(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed(s)
        case_id = documented_case(s).id
    with session_factory.begin() as s, pytest.raises(MissingFacts) as info:
        render_document(
            s, mediator_of(s, case_id), case_id, K.ADJUDICATION_DECISION, tmp_path, today=TODAY
        )
    assert info.value.missing == ("行政裁决程序",)
    assert not list(tmp_path.rglob("*.docx"))
    with session_factory() as s:
        assert s.get(Case, case_id) is not None
