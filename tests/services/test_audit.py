"""The audit trail: recorded by the ORM hook in the same transaction, chained by hashes;
``verify_chain`` names the first broken record after raw edits, deletions, reorderings."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine, delete, func, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Agency, AgencyKind, AuditRecord, Case, HolidayDay, Party, Role, User
from ipdesk.services.actors import Actor
from ipdesk.services.errors import PermissionDenied
from ipdesk.services.infra import audit
from ipdesk.services.infra.audit import GENESIS, SECRET, AuditError, verify_chain
from tests.helpers.factories import make_case, make_user, seed


@pytest.fixture
def audited(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """The test's session factory, audited (its own Session subclass: nothing leaks)."""
    audit.install(session_factory)
    with session_factory.begin() as s:
        seed(s)
    return session_factory


def records(factory: sessionmaker[Session], after: int = 0) -> list[AuditRecord]:
    with factory() as s:
        return list(
            s.scalars(select(AuditRecord).where(AuditRecord.id > after).order_by(AuditRecord.id))
        )


def last_id(factory: sessionmaker[Session]) -> int:
    with factory() as s:
        return s.scalar(select(func.max(AuditRecord.id))) or 0


def verify(factory: sessionmaker[Session]) -> audit.VerifyResult:
    with factory() as s:
        return verify_chain(s)


# --------------------------------------------------------------------------- recording


def test_seed_is_recorded_and_chained(audited: sessionmaker[Session]) -> None:
    rows = records(audited)
    assert rows, "the reference data was written through the ORM"
    assert rows[0].id == 1 and rows[0].prev_hash == GENESIS
    assert all(r.action == "insert" and r.user_id is None for r in rows)
    assert {r.entity for r in rows} >= {"offices", "stations", "agencies", "limit_rules"}
    for earlier, later in itertools.pairwise(rows):
        assert later.prev_hash == earlier.hash and later.id == earlier.id + 1
    result = verify(audited)
    assert result.ok and result.checked == len(rows) and result.last_hash == rows[-1].hash


def test_insert_update_delete_with_actor(audited: sessionmaker[Session]) -> None:
    with audited.begin() as s:
        admin = make_user(s, Role.ADMIN)
        admin_id = admin.id
        made = make_case(s, amount_claimed=None)
        case_id = made.id
        respondent_id = made.parties[1].id
    start = last_id(audited)
    sessions = audit.audited_sessions(audited, Actor.of(admin))
    with sessions.begin() as s:
        case = s.get(Case, case_id)
        assert case is not None
        case.facts = "新的事实"
        case.received_on = dt.date(2026, 3, 2)
        case.amount_claimed = Decimal("12000.50")
        s.delete(s.get(Party, respondent_id))
    rows = records(audited, start)
    assert [(r.action, r.entity) for r in rows] == [("update", "cases"), ("delete", "parties")]
    update_row, delete_row = rows
    assert update_row.user_id == admin_id and update_row.entity_id == str(case_id)
    assert update_row.after == {
        "facts": "新的事实",
        "received_on": "2026-03-02",
        "amount_claimed": "12000.50",
    }
    assert update_row.before is not None
    assert update_row.before["amount_claimed"] is None
    assert update_row.before["facts"].startswith("被申请人")
    assert delete_row.before is not None and delete_row.after is None
    assert delete_row.before["name"] == "通辽市某某商贸有限公司"
    assert delete_row.entity_id == str(respondent_id)
    assert verify(audited).ok


def test_system_actor_and_set_actor(audited: sessionmaker[Session]) -> None:
    with audited.begin() as s:
        user = make_user(s, Role.CITY_MANAGER)
    start = last_id(audited)
    with audited.begin() as s:
        audit.set_actor(s, Actor.system())
        s.add(Agency(code="X-1", kind=AgencyKind.OTHER, name="某协会"))
    with audited.begin() as s:
        audit.set_actor(s, Actor.of(user))
        agency = s.scalars(select(Agency).where(Agency.code == "X-1")).one()
        agency.name = "某某协会"
    rows = records(audited, start)
    assert [(r.action, r.user_id) for r in rows] == [("insert", None), ("update", user.id)]


def test_password_hash_is_never_written(audited: sessionmaker[Session]) -> None:
    start = last_id(audited)
    with audited.begin() as s:
        user = make_user(s, Role.ADMIN, phone="13812345678")
        real_hash = user.password_hash
    with audited.begin() as s:
        found = s.get(User, user.id)
        assert found is not None
        found.password_hash = "$argon2id$v=19$new"
    rows = records(audited, start)
    assert rows[0].after is not None and rows[0].after["password_hash"] == SECRET
    assert rows[0].after["phone"] == "138****5678"
    assert rows[1].before == {"password_hash": SECRET}
    assert rows[1].after == {"password_hash": SECRET}
    with audited() as s:
        every = s.execute(text("SELECT before, after FROM audit_records")).all()
    assert not any(real_hash in str(row) or "$argon2id$v=19$new" in str(row) for row in every)


def test_personal_data_is_masked(audited: sessionmaker[Session]) -> None:
    with audited.begin() as s:
        case = make_case(s)
        party_id = case.parties[0].id
    start = last_id(audited)
    with audited.begin() as s:
        party = s.get(Party, party_id)
        assert party is not None
        party.id_number = "15050219800517123X"
        party.phone = "13912345678"
        party.address = "通辽市科尔沁区和平路12号"
    (row,) = records(audited, start)
    assert row.after == {
        "id_number": "150502********123X",
        "phone": "139****5678",
        "address": "通辽市科尔沁****",
    }
    assert row.before == {"id_number": None, "phone": None, "address": None}


def test_change_of_expired_attribute_records_its_old_value(
    audited: sessionmaker[Session],
) -> None:
    with audited.begin() as s:
        case_id = make_case(s).id
    start = last_id(audited)
    with audited.begin() as s:
        case = s.get(Case, case_id)
        assert case is not None
        s.expire(case, ["claim"])
        case.claim = "新的请求"
    (row,) = records(audited, start)
    assert row.before == {"claim": "停止销售侵权商品并赔偿经济损失。"}


def test_rollback_and_savepoints(audited: sessionmaker[Session]) -> None:
    with audited.begin() as s:
        case_id = make_case(s).id
    start = last_id(audited)
    with audited() as s:
        case = s.get(Case, case_id)
        assert case is not None
        case.facts = "不会保存"
        s.flush()
        s.rollback()
    assert records(audited, start) == []
    with audited.begin() as s:
        case = s.get(Case, case_id)
        assert case is not None
        with s.begin_nested() as savepoint:
            case.right_holder = "撤销"
            s.flush()
            savepoint.rollback()
        with s.begin_nested():
            case.court_case_number = "（2026）内05民初1号"
    rows = records(audited, start)
    assert [r.after for r in rows] == [{"court_case_number": "（2026）内05民初1号"}]
    assert verify(audited).ok


def test_statements_through_the_session(audited: sessionmaker[Session]) -> None:
    with audited.begin() as s:
        case_id = make_case(s).id
        s.add_all(
            [
                HolidayDay(day=dt.date(2031, 1, 1), is_rest=True, name="元旦"),
                HolidayDay(day=dt.date(2031, 1, 2), is_rest=True, name="元旦"),
            ]
        )
    start = last_id(audited)
    with audited.begin() as s:
        s.execute(update(Case).where(Case.id == case_id).values(category="serious"))
        s.execute(
            delete(HolidayDay).where(HolidayDay.day >= dt.date(2031, 1, 1)),
            execution_options={"synchronize_session": False},
        )
    rows = records(audited, start)
    assert [(r.action, r.entity, r.entity_id) for r in rows] == [
        ("update", "cases", str(case_id)),
        ("delete", "holiday_days", "2031-01-01"),
        ("delete", "holiday_days", "2031-01-02"),
    ]
    assert rows[0].before is not None and rows[0].before["category"] == "ordinary"
    assert rows[0].after is not None and rows[0].after["category"] == "serious"


def test_record_bulk_and_access(audited: sessionmaker[Session]) -> None:
    with audited.begin() as s:
        user = make_user(s, Role.MEDIATOR, office="TL01")
        party_id = make_case(s).parties[0].id
    start = last_id(audited)
    with audited.begin() as s:
        audit.record_bulk(s, Actor.system(), "cases", 500)
        audit.record_access(s, Actor.of(user), "parties", party_id, "id_number")
    rows = records(audited, start)
    assert [(r.action, r.entity, r.entity_id, r.user_id) for r in rows] == [
        ("bulk_insert", "cases", None, None),
        ("access", "parties", str(party_id), user.id),
    ]
    assert rows[0].after == {"count": 500}
    assert rows[1].after is not None and rows[1].after["what"] == "id_number"
    assert verify(audited).ok


def test_records_cannot_be_changed_through_the_orm(audited: sessionmaker[Session]) -> None:
    with audited() as s:
        record = s.get(AuditRecord, 1)
        assert record is not None
        record.action = "forged"
        with pytest.raises(AuditError):
            s.flush()
        s.rollback()
    with audited() as s:
        s.delete(s.get(AuditRecord, 1))
        with pytest.raises(AuditError):
            s.flush()
    assert verify(audited).ok


# --------------------------------------------------------------------------- tampering


Tamper = Callable[[Session, list[AuditRecord]], tuple[int, str]]
"""Changes the trail with raw SQL; returns (the first broken id, the problem code)."""


def _edit_after(s: Session, rows: list[AuditRecord]) -> tuple[int, str]:
    target = rows[10]
    s.execute(
        text("UPDATE audit_records SET after = :a WHERE id = :i"),
        {"a": '{"name": "forged"}', "i": target.id},
    )
    return target.id, "hash"


def _edit_user(s: Session, rows: list[AuditRecord]) -> tuple[int, str]:
    target = rows[5]
    s.execute(text("UPDATE audit_records SET action = 'delete' WHERE id = :i"), {"i": target.id})
    return target.id, "hash"


def _edit_time(s: Session, rows: list[AuditRecord]) -> tuple[int, str]:
    target = rows[7]
    s.execute(
        text("UPDATE audit_records SET at = :t WHERE id = :i"),
        {"t": dt.datetime(2020, 1, 1, 8, 0), "i": target.id},
    )
    return target.id, "hash"


def _edit_and_rehash(s: Session, rows: list[AuditRecord]) -> tuple[int, str]:
    """A forger who recomputes the record's own hash breaks the next record's link."""
    target = rows[12]
    forged: dict[str, Any] = {
        "id": target.id,
        "at": target.at,
        "user_id": target.user_id,
        "action": target.action,
        "entity": target.entity,
        "entity_id": target.entity_id,
        "before": target.before,
        "after": {"forged": True},
        "prev_hash": target.prev_hash,
    }
    s.execute(
        text("UPDATE audit_records SET after = :a, hash = :h WHERE id = :i"),
        {"a": '{"forged": true}', "h": audit.record_hash(forged), "i": target.id},
    )
    return rows[13].id, "prev_hash"


def _delete_middle(s: Session, rows: list[AuditRecord]) -> tuple[int, str]:
    s.execute(text("DELETE FROM audit_records WHERE id = :i"), {"i": rows[20].id})
    return rows[21].id, "gap"


def _delete_first(s: Session, rows: list[AuditRecord]) -> tuple[int, str]:
    s.execute(text("DELETE FROM audit_records WHERE id = :i"), {"i": rows[0].id})
    return rows[1].id, "gap"


def _delete_and_renumber(s: Session, rows: list[AuditRecord]) -> tuple[int, str]:
    """Delete a record and close the gap in the ids: the links still give it away."""
    s.execute(text("DELETE FROM audit_records WHERE id = :i"), {"i": rows[15].id})
    s.execute(text("UPDATE audit_records SET id = id - 1 WHERE id > :i"), {"i": rows[15].id})
    return rows[15].id, "prev_hash"


def _swap(s: Session, rows: list[AuditRecord]) -> tuple[int, str]:
    a, b = rows[8].id, rows[9].id
    s.execute(text("UPDATE audit_records SET id = -1 WHERE id = :a"), {"a": a})
    s.execute(text("UPDATE audit_records SET id = :a WHERE id = :b"), {"a": a, "b": b})
    s.execute(text("UPDATE audit_records SET id = :b WHERE id = -1"), {"b": b})
    return a, "prev_hash"


def _insert_forged(s: Session, rows: list[AuditRecord]) -> tuple[int, str]:
    """Make room in the middle and slip a record in."""
    pos = rows[25].id
    s.execute(text("UPDATE audit_records SET id = id + 1000000 WHERE id >= :p"), {"p": pos})
    s.execute(text("UPDATE audit_records SET id = id - 1000000 + 1 WHERE id >= 1000000"))
    s.execute(
        text(
            "INSERT INTO audit_records (id, at, user_id, action, entity, entity_id, before,"
            " after, prev_hash, hash) VALUES (:id, :at, NULL, 'insert', 'cases', '1', NULL,"
            " NULL, :prev, :hash)"
        ),
        {
            "id": pos,
            "at": dt.datetime(2026, 1, 1, 8, 0),
            "prev": rows[24].hash,
            "hash": "f" * 64,
        },
    )
    return pos, "hash"


TAMPERS: dict[str, Tamper] = {
    "edit-content": _edit_after,
    "edit-action": _edit_user,
    "edit-time": _edit_time,
    "edit-and-rehash": _edit_and_rehash,
    "delete-middle": _delete_middle,
    "delete-first": _delete_first,
    "delete-and-renumber": _delete_and_renumber,
    "swap-two": _swap,
    "insert-forged": _insert_forged,
}


@pytest.mark.parametrize("kind", list(TAMPERS))
def test_verify_names_first_broken_record(
    audited: sessionmaker[Session], engine: Engine, kind: str
) -> None:
    with audited.begin() as s:
        for n in range(3):
            make_case(s, facts=f"事实{n}")
    rows = records(audited)
    assert len(rows) > 30 and verify(audited).ok
    with Session(engine) as raw, raw.begin():  # not audited: a forger at the database
        broken_id, code = TAMPERS[kind](raw, rows)
    result = verify(audited)
    assert not result.ok
    assert result.broken_id == broken_id, result.message
    assert code in {p.code for p in result.problems}, result.message
    assert f"记录 {broken_id} " in result.message
    assert result.checked == broken_id - 1 or kind in ("delete-middle", "delete-first")


def test_unreadable_json_is_a_broken_record(
    audited: sessionmaker[Session], engine: Engine, backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("PostgreSQL's json type refuses invalid JSON itself")
    with Session(engine) as raw, raw.begin():
        raw.execute(text("UPDATE audit_records SET after = '{not json' WHERE id = 4"))
    result = verify(audited)
    assert (result.broken_id, result.problems[0].code) == (4, "unreadable")


def test_verify_streams_in_batches(audited: sessionmaker[Session]) -> None:
    with audited.begin() as s:
        for n in range(40):
            s.add(Agency(code=f"B{n}", kind=AgencyKind.OTHER, name=f"单位{n}"))
    total = last_id(audited)
    with audited() as s:
        result = verify_chain(s, batch=7)
    assert result.ok and result.checked == total and result.last_id == total


def test_empty_trail_is_intact(session_factory: sessionmaker[Session]) -> None:
    with session_factory() as s:
        result = verify_chain(s)
    assert result.ok and result.checked == 0 and result.last_id is None


# --------------------------------------------------------------------------- concurrency


def test_concurrent_writers_keep_the_chain_linear(audited: sessionmaker[Session]) -> None:
    """Two clients appending at the same moments (PostgreSQL: an advisory lock; SQLite:
    BEGIN IMMEDIATE): every record is there once, the ids have no gap, the chain holds."""
    start = last_id(audited)
    rounds = 12
    barrier = threading.Barrier(2, timeout=60)
    errors: list[BaseException] = []

    def client(name: str) -> None:
        try:
            for n in range(rounds):
                barrier.wait()
                with audited.begin() as s:
                    s.add(Agency(code=f"{name}{n}", kind=AgencyKind.OTHER, name=f"{name}{n}"))
                    s.flush()
                    s.add(Agency(code=f"{name}{n}b", kind=AgencyKind.OTHER, name="二"))
        except BaseException as exc:  # reported below
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=client, args=(name,)) for name in ("A", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    rows = records(audited, start)
    assert len(rows) == 2 * rounds * 2
    assert [r.id for r in rows] == list(range(start + 1, start + 1 + len(rows)))
    # each transaction's records are consecutive: the lock covers the whole append
    codes = [r.after["code"] for r in rows if r.after]
    for i in range(0, len(codes), 2):
        assert codes[i + 1] == codes[i] + "b"
    result = verify(audited)
    assert result.ok and result.last_id == start + len(rows)


def test_installing_twice_records_once(session_factory: sessionmaker[Session]) -> None:
    """A Session class and a factory of it, both installed, in either order, and an
    audited_sessions factory made from it: one record per change."""

    class AppSession(Session):
        pass

    factory: sessionmaker[Session] = sessionmaker(
        bind=session_factory.kw["bind"], class_=AppSession, expire_on_commit=False
    )
    audit.install(factory)
    audit.install(AppSession)
    audit.install(factory)
    derived = audit.audited_sessions(factory, Actor.system())
    assert audit.is_installed(derived) and not audit.is_installed(Session)
    with derived.begin() as s:
        s.add(Agency(code="ONCE", kind=AgencyKind.OTHER, name="一次"))
    rows = records(factory)
    assert [(r.action, r.entity) for r in rows] == [("insert", "agencies")]
    with session_factory.begin() as s:  # a factory never installed records nothing
        s.add(Agency(code="NEVER", kind=AgencyKind.OTHER, name="无"))
    assert len(records(factory)) == 1


@pytest.mark.parametrize(
    "role", [Role.STATION_STAFF, Role.MEDIATOR, Role.OFFICE_MANAGER, Role.CITY_MANAGER]
)
def test_only_an_administrator_verifies_the_trail(
    audited: sessionmaker[Session], role: Role
) -> None:
    with audited() as s:
        seed(s)
        s.commit()
    reader = Actor(user_id=None, name="reader", role=role, may_view_personal_data=True)
    with audited() as s, pytest.raises(PermissionDenied):
        audit.verify_audit_trail(s, reader)
    with audited() as s:
        result = audit.verify_audit_trail(s, Actor.system())
    assert result.ok and result.checked == len(records(audited))
