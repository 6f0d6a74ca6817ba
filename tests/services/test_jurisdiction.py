"""Issue 16's rules, each on both databases: the courts and grounds of every IP type, the
refusal of a court without a ground, every obligation kind's sentence, the representative
by party kind in the rendered documents, court case numbers against their court, the
mediation kind's legal basis."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Agency,
    Case,
    CaseStatus,
    IpType,
    MediationKind,
    ObligationKind,
    Office,
    PartyKind,
    PartyRole,
)
from ipdesk.paths import FORMS_DIR
from ipdesk.services.cases import confirmation as conf
from ipdesk.services.cases.mediation import (
    AgreementForm,
    ObligationForm,
    PartyChoice,
    validate_agreement,
)
from ipdesk.services.documents import DocumentKind
from ipdesk.services.documents.context import context_from, gather_facts
from ipdesk.services.documents.templates import load_template, render_bytes
from ipdesk.services.errors import ValidationError, ValidationErrors
from ipdesk.services.rules.jurisdiction import (
    INTERMEDIATE_IP_TYPES,
    check_court_case_number,
    court_hears,
)
from ipdesk.services.rules.obligations import TermParts, obligation_sentence
from tests.helpers.factories import People, make_agreement, make_case, make_people, seed

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> People:
    with session_factory.begin() as s:
        seed(s)
        return make_people(s)


# --------------------------------------------------------------------------- jurisdiction


@pytest.mark.parametrize("ip_type", list(IpType))
def test_each_ip_type_goes_to_its_courts_with_a_ground(
    session_factory: sessionmaker[Session], people: People, ip_type: IpType
) -> None:
    """Design patents, software copyright, technical secrets (and the other Art. 1 types)
    to the intermediate court 内05; trademarks, other copyright, trade secrets … to the
    basic court of the mediating organisation (科尔沁区 for TL01) or a party's domicile."""
    with session_factory.begin() as s:
        case = make_case(s, status=CaseStatus.AGREEMENT, ip_type=ip_type)
        case.parties[1].address = "内蒙古自治区通辽市奈曼旗大沁他拉镇"
        s.flush()
        courts = conf.courts_with_jurisdiction(s, case)
        if ip_type in INTERMEDIATE_IP_TYPES:
            assert [(c.code, c.reason_codes) for c in courts] == [("CT-ZY", (conf.INTERMEDIATE,))]
            assert "法释〔2022〕13号" in courts[0].reasons[0]
        else:
            assert [(c.code, c.reason_codes) for c in courts] == [
                ("CT-KEQ", (conf.MEDIATOR_LOCATION,)),
                ("CT-NM", (conf.PARTY_DOMICILE,)),
            ]


def test_design_patents_software_and_technical_secrets_are_intermediate() -> None:
    assert {
        IpType.PATENT_DESIGN,
        IpType.SOFTWARE_COPYRIGHT,
        IpType.TECHNICAL_SECRET,
    } <= INTERMEDIATE_IP_TYPES
    assert not {IpType.TRADEMARK, IpType.COPYRIGHT, IpType.TRADE_SECRET} & INTERMEDIATE_IP_TYPES


def test_designations_are_data_and_the_development_zone_is_mapped(
    session_factory: sessionmaker[Session], people: People
) -> None:
    with session_factory.begin() as s:
        zone = s.scalars(select(Office).where(Office.code == "TL09")).one()
        assert zone.region is None and zone.jurisdiction_region == "150502"
        basic = s.scalars(select(Agency).where(Agency.code == "CT-KEQ")).one()
        assert basic.case_code == "内0502" and court_hears(basic, IpType.TRADEMARK)
        assert not court_hears(basic, IpType.PATENT_DESIGN)
        # The SPC approves a basic court for design patents: the administrator adds it.
        basic.ip_types = [*(basic.ip_types or []), IpType.PATENT_DESIGN.value]
        case = make_case(s, status=CaseStatus.AGREEMENT, ip_type=IpType.PATENT_DESIGN)
        assert [c.code for c in conf.courts_with_jurisdiction(s, case)] == ["CT-KEQ"]
        # A trademark case of the development zone goes to 科尔沁区 (its court region).
        tm = make_case(s, "TL09-S01", CaseStatus.AGREEMENT, ip_type=IpType.TRADEMARK)
        assert conf.courts_with_jurisdiction(s, tm)[0].code == "CT-KEQ"


def test_a_court_without_a_ground_is_refused_with_those_that_have_one(
    session_factory: sessionmaker[Session], people: People
) -> None:
    with session_factory.begin() as s:
        case = make_case(
            s,
            status=CaseStatus.AGREEMENT,
            ip_type=IpType.PATENT_DESIGN,
            received_on=dt.date(2026, 8, 20),
            mediator_id=people.mediator,
        )
        make_agreement(s, case, signed_on=dt.date(2026, 11, 10))
        mediator = people.actor(s, "mediator")
        with pytest.raises(ValidationError) as caught:
            conf.apply_for_confirmation(
                s,
                mediator,
                case.id,
                case.version_id,
                court_code="CT-KLQ",  # 库伦旗: a basic court, no design patents
                applied_on=dt.date(2026, 11, 12),
                today=TODAY,
            )
        assert caught.value.code == "court_without_jurisdiction"
        assert caught.value.params["courts"] == ["CT-ZY"]


# --------------------------------------------------------------------------- obligations

_SENTENCES = {
    ObligationKind.PAYMENT: (
        "赔偿金",
        Decimal("12000"),
        dt.date(2026, 12, 31),
        "被申请人某某于二〇二六年十二月三十一日前向申请人某某支付赔偿金"
        "人民币壹万贰仟元整（¥12,000.00）。",
    ),
    ObligationKind.DELIVERY: (
        "侵权产品模具两套",
        None,
        dt.date(2026, 12, 1),
        "被申请人某某于二〇二六年十二月一日前向申请人某某交付侵权产品模具两套。",
    ),
    ObligationKind.DESTRUCTION: (
        "销毁库存侵权商品",
        None,
        dt.date(2026, 12, 1),
        "被申请人某某于二〇二六年十二月一日前销毁库存侵权商品。",
    ),
    ObligationKind.REMOVAL: (
        "其在电子商务平台发布的侵权商品链接",
        None,
        dt.date(2026, 12, 1),
        "被申请人某某于二〇二六年十二月一日前删除（下架）其在电子商务平台发布的侵权商品链接。",
    ),
    ObligationKind.APOLOGY: (
        "书面",
        None,
        dt.date(2026, 12, 1),
        "被申请人某某于二〇二六年十二月一日前以书面方式向申请人某某赔礼道歉。",
    ),
    ObligationKind.REFRAINING: (
        "今后不再生产、销售侵犯申请人第12345678号商标专用权的商品",
        None,
        None,
        "被申请人某某自本协议生效之日起不再生产、销售侵犯申请人第12345678号商标专用权的商品。",
    ),
    ObligationKind.OTHER: (
        "承担本次调解的公证费用",
        None,
        dt.date(2026, 12, 1),
        "被申请人某某于二〇二六年十二月一日前承担本次调解的公证费用。",
    ),
}


@pytest.mark.parametrize("kind", list(ObligationKind))
def test_every_obligation_kind_is_one_sentence(kind: ObligationKind) -> None:
    description, amount, due, expected = _SENTENCES[kind]
    term = TermParts(kind, "被申请人某某", "申请人某某", description, amount, due)
    assert obligation_sentence(term) == expected


@pytest.mark.parametrize(
    ("kind", "amount", "due", "obligee", "code"),
    [
        (ObligationKind.PAYMENT, None, dt.date(2026, 12, 1), True, "obligation_amount_empty"),
        (ObligationKind.PAYMENT, "100", None, True, "obligation_due_empty"),
        (ObligationKind.APOLOGY, None, dt.date(2026, 12, 1), False, "obligation_obligee_empty"),
        (ObligationKind.DESTRUCTION, None, None, False, "obligation_due_empty"),
    ],
)
def test_a_term_that_is_no_complete_sentence_is_refused_as_unclear(
    kind: ObligationKind, amount: str | None, due: dt.date | None, obligee: bool, code: str
) -> None:
    parties = (
        PartyChoice(1, PartyRole.APPLICANT, "甲"),
        PartyChoice(2, PartyRole.RESPONDENT, "乙"),
    )
    form = AgreementForm(
        signed_on=dt.date(2026, 11, 1),
        obligations=(ObligationForm("赔偿金", 2, 1 if obligee else None, amount, due, kind=kind),),
    )
    with pytest.raises(ValidationErrors) as caught:
        validate_agreement(form, parties, accepted_on=None, today=TODAY)
    assert code in {e.code for e in caught.value.errors}
    refraining = AgreementForm(
        signed_on=dt.date(2026, 11, 1),
        obligations=(ObligationForm("不得生产侵权产品", 2, None, kind=ObligationKind.REFRAINING),),
    )
    assert validate_agreement(refraining, parties, accepted_on=None, today=TODAY)


# --------------------------------------------------------------------------- documents


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)


def _render(s: Session, case_id: int, kind: str, out: Path) -> Path:
    """The template filled from the case, without the complete-facts gate (these cases
    hold only what the rule needs)."""
    case = s.get(Case, case_id)
    assert case is not None
    facts = gather_facts(s, case, DocumentKind(kind), TODAY)
    template = load_template(DocumentKind(kind), FORMS_DIR)
    out.write_bytes(render_bytes(template, context_from(facts, DocumentKind(kind)), kind))
    return out


# code prefix, name, what the documents print for the representative 高晨
_REPRESENTATIVES = [
    ("91150502MA0N000000", "通辽市草原商贸有限公司", "法定代表人：高晨，执行董事。"),
    (
        "92150502MA0N000000",
        "科尔沁区银河服饰商行",
        "经营者：高晨，男，一九八〇年一月二日出生，蒙古族。",
    ),
    ("93150502MA0N000000", "开鲁县红干椒种植专业合作社", "法定代表人：高晨，执行董事。"),
    ("51150502MA0N000000", "通辽市知识产权保护协会", "法定代表人：高晨，执行董事。"),
    ("52150502MA0N000000", "通辽市某某职业培训学校", "法定代表人：高晨，执行董事。"),
    ("N2150502MA0N000000", "科尔沁区某某村股份经济合作社", "法定代表人：高晨，执行董事。"),
]


def _code(prefix: str) -> str:
    from ipdesk.services.rules.identifiers import USCC_ALPHABET

    body = prefix[:17]
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, weights, strict=True))
    return body + USCC_ALPHABET[(31 - total % 31) % 31]


@pytest.mark.parametrize(("prefix", "name", "expected"), _REPRESENTATIVES)
def test_the_representative_follows_the_party_kind_in_the_documents(
    session_factory: sessionmaker[Session],
    people: People,
    tmp_path: Path,
    prefix: str,
    name: str,
    expected: str,
) -> None:
    from ipdesk.services.rules.identifiers import representative_for

    code = _code(prefix)
    title = representative_for(code, name).title
    if title != "经营者":
        expected = expected.replace("法定代表人", title)
    with session_factory.begin() as s:
        case = make_case(
            s,
            status=CaseStatus.AGREEMENT,
            respondent=name,
            mediator_id=people.mediator,
            received_on=dt.date(2026, 8, 20),
        )
        respondent = next(p for p in case.parties if p.role == PartyRole.RESPONDENT)
        respondent.id_number = code
        respondent.legal_representative = "高晨"
        respondent.legal_representative_title = "执行董事"
        respondent.sex = "male"
        respondent.birth_date = dt.date(1980, 1, 2)
        respondent.ethnicity = "蒙古族"
        make_agreement(s, case, signed_on=dt.date(2026, 9, 5))
        case_id = case.id
    out = tmp_path / "agreement.docx"
    with session_factory() as s:
        _render(s, case_id, "mediation_agreement", out)
    text = _text(out)
    assert expected in text
    if title != "法定代表人":
        assert "法定代表人" not in text


@pytest.mark.parametrize(
    ("kind", "basis"),
    [
        (MediationKind.ADMINISTRATIVE, "（法发〔2009〕45号）第二十条"),
        (MediationKind.PEOPLE, "《中华人民共和国人民调解法》第三十三条"),
        (MediationKind.COURT_INVITED, "《最高人民法院关于人民法院特邀调解的规定》"),
    ],
)
def test_the_legal_basis_and_organisation_follow_the_office(
    session_factory: sessionmaker[Session],
    people: People,
    tmp_path: Path,
    kind: MediationKind,
    basis: str,
) -> None:
    with session_factory.begin() as s:
        office = s.scalars(select(Office).where(Office.code == "TL01")).one()
        office.mediation_kind = kind
        office.mediation_org_name = "科尔沁区知识产权纠纷调解委员会"
        case = make_case(
            s,
            status=CaseStatus.AGREEMENT,
            mediator_id=people.mediator,
            received_on=dt.date(2026, 8, 20),
        )
        make_agreement(s, case, signed_on=dt.date(2026, 9, 5))
        case_id = case.id
    out = tmp_path / "application.docx"
    with session_factory() as s:
        _render(s, case_id, "confirmation_application", out)
    text = _text(out)
    assert basis in text
    assert "经科尔沁区知识产权纠纷调解委员会主持调解" in text
    if kind != MediationKind.PEOPLE:
        assert "人民调解法" not in text


def test_the_acceptance_notice_addresses_the_party_and_extensions_add_time(
    session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    texts = {}
    for person in (True, False):
        with session_factory.begin() as s:
            case = make_case(s, status=CaseStatus.ACCEPTED, mediator_id=people.mediator)
            applicant = next(p for p in case.parties if p.role == PartyRole.APPLICANT)
            if not person:
                applicant.kind = PartyKind.ORGANISATION
                applicant.name = "通辽市草原商贸有限公司"
            case_id = case.id
        out = tmp_path / f"notice-{person}.docx"
        with session_factory() as s:
            _render(s, case_id, "acceptance_notice", out)
        texts[person] = _text(out)
    assert "你（单位）" not in texts[True] + texts[False]
    assert "你于" in texts[True] and "请你如实陈述" in texts[True]
    assert "你单位于" in texts[False] and "请你单位如实陈述" in texts[False]
    assert "中止、延长的期间不计算在内" not in texts[True]
    assert "经批准延长的，办理期限相应延长" in texts[True]


def test_signature_block_is_kept_with_the_body_text_in_the_docx(
    session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    from ipdesk.services.documents.page_check import closing_problems

    with session_factory.begin() as s:
        case = make_case(
            s,
            status=CaseStatus.AGREEMENT,
            mediator_id=people.mediator,
            received_on=dt.date(2026, 8, 20),
        )
        make_agreement(s, case, signed_on=dt.date(2026, 9, 5))
        case_id = case.id
    for kind in ("mediation_agreement", "confirmation_application", "acceptance_notice"):
        out = tmp_path / f"{kind}.docx"
        with session_factory() as s:
            _render(s, case_id, kind, out)
        assert closing_problems(out) == [], kind
        with zipfile.ZipFile(out) as z:
            assert "<w:keepNext/>" in z.read("word/document.xml").decode()


# --------------------------------------------------------------------------- case numbers


def test_court_case_numbers_are_checked_against_the_court(
    session_factory: sessionmaker[Session], people: People
) -> None:
    with session_factory.begin() as s:
        zlt = s.scalars(select(Agency).where(Agency.code == "CT-ZLT")).one()
        assert check_court_case_number("n", "（2026）内0526民特516号", zlt).serial == 516
        for number, code in (
            ("（2024）蒙05诉前调6189号", "court_case_number_province"),
            ("（2026）内0507民特516号", "court_case_number_court"),
            ("2026内0526民特516", "court_case_number_format"),
        ):
            with pytest.raises(ValidationError) as caught:
                check_court_case_number("n", number, zlt)
            assert caught.value.code == code, number


@pytest.mark.slow
def test_no_page_holds_only_the_signature_block_in_libreoffice(
    session_factory: sessionmaker[Session], people: People, tmp_path: Path
) -> None:
    """The rendered agreement and application on LibreOffice's pages: the last page holds
    the end of the body text with the signatures (skipped without LibreOffice)."""
    import shutil

    from ipdesk.services.documents.page_check import check_pages
    from ipdesk.services.documents.pdf import find_libreoffice

    if find_libreoffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice and pdftotext are needed")
    with session_factory.begin() as s:
        case = make_case(
            s,
            status=CaseStatus.AGREEMENT,
            mediator_id=people.mediator,
            received_on=dt.date(2026, 8, 20),
        )
        agreement = make_agreement(s, case, signed_on=dt.date(2026, 9, 5))
        agreement.facts = "被申请人销售侵权商品。" * 40  # long enough to fill pages
        case_id = case.id
    with session_factory() as s:
        files = [
            _render(s, case_id, kind, tmp_path / f"{kind}.docx")
            for kind in ("mediation_agreement", "confirmation_application", "closing_notice")
        ]
    results = check_pages(files, tmp_path / "pdf")
    assert [(r.docx.name, r.problems) for r in results if r.problems] == []
    assert all(r.pages >= 1 for r in results)
