"""The services' refusals in the user's language: one text per error code.

Services raise :class:`~ipdesk.services.errors.ServiceError` with a stable ``code``, keyword
``params`` and a default Chinese message (which the CLI prints). The window shows
:func:`refusal_text` instead: the translation of the code's English text below with the
params filled in (``{case}``, ``{due}``, ...; ``%n`` where a count decides the wording). A
text about a field (a date, a text that is too long) names the field through
:func:`field_label` (``{what}``). A code without a text here shows the service's own
message; tests/ui/test_refusals.py requires a text for every code the services raise.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from ipdesk.models import Role
from ipdesk.services.errors import ServiceError, ValidationError, ValidationErrors

translate = QCoreApplication.translate  # pyside6-lupdate finds translate("refusals", "text")

# Codes whose text is general: the service's own message (file, line, record, reason)
# follows it.
_WITH_DETAIL = {
    "error",
    "invalid",
    "import_failed",
    "not_found",
    "database_not_ready",
    "template_broken",
}

Params = Mapping[str, object]


def refusal_text(error: ServiceError) -> str:
    """The text to show for ``error``: its code's text with its params, in the user's
    language; every field's text, one a line, for ``ValidationErrors``."""
    if isinstance(error, ValidationErrors):
        return "\n".join(refusal_text(e) for e in error.errors) or error.message
    field = error.field if isinstance(error, ValidationError) else ""
    text = code_template(error.code, error.params)
    if text is None:
        text = _family_template(error.code)
    if text is None:
        return error.message
    if "item" in error.params and "{item}" not in text:  # a term of an agreement
        text = translate("refusals", "Term {item}: {text}").replace("{text}", text)
    values = _Values(error.params, field)
    try:
        filled = text.format_map(values)
    except (ValueError, IndexError):  # a translation with a stray brace
        return error.message
    if values.unknown:  # a placeholder the error does not carry: its own message is better
        return error.message
    if error.code in _WITH_DETAIL and error.message and error.message != filled:
        return f"{filled}\n{error.message}"
    return filled


def code_template(code: str, params: Params | None = None) -> str | None:
    """The translated text of ``code`` with its ``{placeholders}`` (a count already in),
    None for a code without a text."""
    params = params or {}
    match code:
        case "error":
            return translate("refusals", "The operation was refused.")
        case "invalid":
            return translate("refusals", "The input is not valid.")
        case "invalid_many":
            return translate("refusals", "Several entries are not valid.")
        case "permission_denied":
            return translate("refusals", "Your role does not permit this operation.")
        case "not_found":
            return translate("refusals", "The record was not found. It may have been deleted.")
        case "illegal_transition":
            return translate("refusals", "This cannot be done in the case's current state.")
        case "stale":
            return translate(
                "refusals",
                "Someone else saved this record in the meantime. Your changes have not been saved;"
                " reload the record and apply them again.",
            )
        case "import_failed":
            return translate("refusals", "The import failed; nothing was changed.")
        case "bad_call":
            return translate(
                "refusals", "The server does not accept this request (is the program up to date?)."
            )
        case "bad_data":
            return translate("refusals", "The request or its answer was damaged on the way.")
        case "server_unreachable":
            return translate(
                "refusals",
                "The server cannot be reached. Nothing was lost: your input is still here;"
                " try again when the connection is back.",
            )
        case "signed_out":
            return translate("refusals", "Your session has ended. Please sign in again.")
        case "page_size_invalid":
            return translate("refusals", "A page of the case list holds 1 to 1,000 rows.")
        case "id_search_unrecorded":
            return translate(
                "refusals", "A search by a whole ID number is recorded first; search again."
            )
        case "not_in_network_mode":
            return translate("refusals", "This is not available when working through a server.")
        case "unsupported_database":
            return translate(
                "refusals",
                "This kind of database is not supported (use SQLite or PostgreSQL).",
            )
        case "database_not_ready":
            return translate("refusals", "The database is not ready for use.")
        case "database_newer":
            return translate(
                "refusals",
                "The database was created by a newer version of ipdesk. Please upgrade this "
                "program before opening it.",
            )
        case "database_uninitialised":
            return translate(
                "refusals",
                "The database has not been initialised yet. Run “ipdesk-admin init” first.",
            )
        case "audit_append_only":
            return translate(
                "refusals",
                "Audit records can only be added, never changed or deleted.",
            )
        case "cancelled":
            return translate("refusals", "The export was cancelled; no file was written.")
        case "missing_facts":
            return translate(
                "refusals",
                "The document cannot be generated yet: some of the case's facts are missing.",
            )
        case "template_broken":
            return translate("refusals", "The document template has errors.")
        case "pdf_unavailable":
            return translate(
                "refusals",
                "LibreOffice is not installed, so no PDF can be made; install LibreOffice or save "
                "as PDF in Word.",
            )
        case "pdf_failed":
            return translate("refusals", "LibreOffice could not convert the document to PDF.")
        case "document_file":
            return translate("refusals", "The document file could not be written or read.")
        case "blob_error":
            return translate(
                "refusals", "The file could not be stored in or read from the database."
            )
        case "blob_too_large":
            return translate("refusals", "The file “{name}” is larger than the limit.")
        case "blob_missing":
            return translate(
                "refusals",
                "The content of “{name}” is not in the database (a file of an earlier version "
                "that was not imported yet); tell the administrator.",
            )
        case "blob_damaged":
            return translate(
                "refusals",
                "The content of “{name}” in the database is damaged (it does not match its "
                "recorded checksum); tell the administrator.",
            )
        case "blob_changed":
            return translate(
                "refusals", "The file “{name}” changed while it was being saved; choose it again."
            )
        case "backup_failed":
            return translate("refusals", "The backup or restore failed.")
        case "not_a_backup":
            return translate("refusals", "This file is not an ipdesk backup.")
        case "backup_too_new":
            return translate("refusals", "The backup was made by a newer version of ipdesk.")
        case "backup_damaged":
            return translate("refusals", "The backup copy failed its integrity check.")
        case "backup_exists":
            return translate("refusals", "The file already exists: {path}")
        case "roles_not_applicable":
            return translate("refusals", "Database roles apply to PostgreSQL only.")
        case "roles_refused" | "role_name_invalid":
            return translate("refusals", "The database roles cannot be set up like this.")
        case "sign_in_failed":
            return translate("refusals", "Wrong user name or password.")
        case "account_locked":
            n = _count(params, "minutes")
            return translate(
                "refusals",
                "Too many wrong passwords: the account is locked. Try again in %n minute(s).",
                "",
                n,
            )
        case "account_disabled":
            return translate(
                "refusals",
                "This account has been disabled. Please ask an administrator.",
            )
        case "actor_changed":
            return translate(
                "refusals",
                "Your account, role or unit has changed. Please sign in again.",
            )
        case "admin_exists":
            return translate(
                "refusals",
                "An administrator already exists. Sign in with that account.",
            )
        case "password_too_short":
            n = _count(params, "min_length")
            return translate("refusals", "The password must have at least %n characters.", "", n)
        case "password_too_long":
            return translate("refusals", "The password is too long.")
        case "password_all_digits":
            return translate("refusals", "The password must not consist of digits only.")
        case "password_invalid":
            return translate("refusals", "The password contains characters that cannot be saved.")
        case "password_mismatch":
            return translate("refusals", "The two passwords do not match.")
        case "password_missing":
            return translate("refusals", "No password was given.")
        case "username_invalid":
            return translate(
                "refusals",
                "Use 2 to 64 letters, digits, “.”, “_” or “-” for the user name.",
            )
        case "username_taken":
            return translate("refusals", "This user name is already taken.")
        case "name_required":
            return translate("refusals", "Enter the person's name.")
        case "name_too_long":
            return translate("refusals", "The name is too long.")
        case "name_control_chars":
            return translate("refusals", "The name contains control characters.")
        case "name_control":
            return translate("refusals", "The name contains control characters.")
        case "station_required":
            return translate("refusals", "Station staff need a station.")
        case "office_required":
            return translate("refusals", "Mediators and office managers need an office.")
        case "scope_mismatch":
            return translate("refusals", "The chosen office or station does not fit the role.")
        case "unknown_station":
            return translate("refusals", "The station does not exist or is no longer active.")
        case "unknown_office":
            return translate("refusals", "The office does not exist or is no longer active.")
        case "last_admin":
            return translate("refusals", "This is the last active administrator: it must stay.")
        case "disable_self":
            return translate("refusals", "You cannot disable your own account.")
        case "has_open_cases":
            n = _count(params, "count")
            return translate(
                "refusals",
                "This mediator still handles %n open case(s). Reassign them first.",
                "",
                n,
            )
        case "user_not_found":
            return translate("refusals", "The user (no. {user_id}) does not exist.")
        case "username_not_found":
            return translate("refusals", "The user “{username}” does not exist.")
        case "role_not_permitted":
            return translate("refusals", "Your role ({role}) does not permit this operation.")
        case "role_not_permitted_case":
            return translate(
                "refusals",
                "Your role ({role}) does not permit this operation on case {case}.",
            )
        case "case_out_of_scope":
            return translate("refusals", "Case {case} is outside your area.")
        case "personal_data_denied":
            return translate("refusals", "You may not see the parties' full personal data.")
        case "case_not_found":
            return translate("refusals", "The case (no. {case_id}) does not exist.")
        case "case_number_not_found":
            return translate("refusals", "Case {case} does not exist.")
        case "unstorable_text":
            return translate(
                "refusals",
                "The text contains control characters that cannot be saved (NUL or a lone "
                "surrogate).",
            )
        case "action_not_allowed":
            return translate(
                "refusals",
                "Case {case} is “{status}”: “{action}” is not possible in this state.",
            )
        case "case_suspended":
            return translate(
                "refusals",
                "Case {case} is suspended (its clock is stopped): resume it before “{action}”.",
            )
        case "case_not_suspended":
            return translate(
                "refusals",
                "Case {case} is not suspended: “{action}” is not possible.",
            )
        case "not_case_mediator":
            return translate(
                "refusals",
                "You are not the mediator of case {case}; the office manager assigns mediators.",
            )
        case "registrar_after_acceptance":
            return translate("refusals", "Case {case} has been accepted: its mediator corrects it.")
        case "reason_required":
            return translate("refusals", "Please give the reason.")
        case "reason_too_long":
            n = _count(params, "limit")
            return translate("refusals", "The text cannot be longer than %n characters.", "", n)
        case "reason_control":
            return translate("refusals", "The text contains control characters.")
        case "date_in_future":
            return translate("refusals", "{what} cannot be later than today.")
        case "date_too_early":
            return translate("refusals", "{what} cannot be earlier than {earliest}.")
        case "date_invalid":
            return translate("refusals", "{what} is not a valid date.")
        case "required":
            return translate("refusals", "{what} is required.")
        case "too_long":
            n = _count(params, "limit")
            return translate("refusals", "The text is too long (at most %n characters).", "", n)
        case "unknown_court":
            return translate("refusals", "“{court}” is not a registered court.")
        case "court_empty":
            return translate("refusals", "Please choose the court.")
        case "not_office_mediator":
            return translate(
                "refusals",
                "Only an active mediator of this office can be assigned to case {case}.",
            )
        case "already_assigned":
            return translate("refusals", "Case {case} is already handled by {mediator}.")
        case "same_office":
            return translate("refusals", "Case {case} is already handled by {office_name}.")
        case "station_not_in_office":
            return translate(
                "refusals",
                "The station “{station}” does not belong to {office_name}.",
            )
        case "office_not_found":
            return translate("refusals", "The office code “{office}” does not exist.")
        case "office_not_yours":
            return translate("refusals", "The office is outside your area.")
        case "station_not_yours":
            return translate("refusals", "The station is outside your area.")
        case "bad_limit":
            return translate("refusals", "Rows per page must be between 1 and {max}.")
        case "bad_offset":
            return translate("refusals", "The start position cannot be negative.")
        case "page_invalid":
            return translate("refusals", "Rows per page must be between 1 and {max}.")
        case "already_suspended":
            return translate("refusals", "Case {case} is already suspended; resume it first.")
        case "suspension_before_acceptance":
            return translate(
                "refusals",
                "The suspension cannot start before the acceptance date {accepted_on}.",
            )
        case "suspension_before_last_resume":
            return translate(
                "refusals",
                "The suspension cannot start before the last resumption on {last_end}.",
            )
        case "resume_before_suspension":
            return translate(
                "refusals",
                "The resumption date cannot be before the suspension's start {start_on}.",
            )
        case "limit_expired":
            return translate(
                "refusals",
                "The time limit of case {case} ran out on {due}: it can no longer be suspended or "
                "extended.",
            )
        case "not_suspended":
            return translate("refusals", "Case {case} is not suspended.")
        case "extension_days_invalid":
            return translate("refusals", "The extension must be a positive whole number of days.")
        case "limit_too_long":
            n = _count(params, "max")
            return translate(
                "refusals",
                "The time limit including extensions cannot exceed %n days.",
                "",
                n,
            )
        case "clock_not_open":
            return translate(
                "refusals",
                "Case {case} is “{status}”: only accepted cases, cases in mediation and cases with"
                " an agreement can be suspended, resumed or extended.",
            )
        case "no_rule":
            return translate("refusals", "No time-limit rule is configured.")
        case "limit_days_invalid":
            return translate("refusals", "A time limit must be at least one day.")
        case "extension_negative":
            return translate("refusals", "The extension cannot be negative.")
        case "date_out_of_range":
            return translate("refusals", "The date is outside the range that can be computed.")
        case "suspension_reversed":
            return translate("refusals", "A suspension ends before it starts.")
        case "deadline_board_denied":
            return translate(
                "refusals",
                "Only office managers and city managers can see the deadline board.",
            )
        case "dashboard_denied":
            return translate(
                "refusals",
                "Only office managers and city managers can see the statistics.",
            )
        case "unit_unknown":
            return translate("refusals", "Unknown statistics unit: {level}")
        case "unit_no_id":
            return translate("refusals", "The statistics unit has no number.")
        case "period_reversed":
            return translate("refusals", "The period ends before it begins.")
        case "soon_days_range":
            return translate("refusals", "“Due soon” must be between 0 and 366 days.")
        case "station_office":
            return translate("refusals", "The chosen station does not belong to the chosen office.")
        case "unknown_figure":
            return translate("refusals", "Unknown figure: {figure}")
        case "query_too_many":
            n = _count(params, "max")
            return translate("refusals", "Too many search words (at most %n).", "", n)
        case "month_in_future":
            return translate("refusals", "{year}-{month} has not begun yet.")
        case "deadline_invalid":
            return translate("refusals", "Unknown deadline state “{state}”.")
        case "sort_invalid":
            return translate("refusals", "Unknown sort order “{key}”.")
        case "status_invalid":
            return translate("refusals", "Unknown status “{value}”.")
        case "ip_type_invalid":
            return translate("refusals", "The IP type is not valid.")
        case "office_unknown":
            return translate("refusals", "The office code does not exist.")
        case "station_unknown":
            return translate("refusals", "The station code does not exist or is no longer active.")
        case "agency_not_found":
            return translate("refusals", "The agency (no. {agency_id}) does not exist.")
        case "agency_inactive":
            return translate("refusals", "The agency (no. {agency_id}) is no longer active.")
        case "agency_unknown":
            return translate(
                "refusals",
                "The agency (no. {agency_id}) does not exist or is no longer active.",
            )
        case "code_format":
            return translate(
                "refusals",
                "The agency code may contain only letters, digits, hyphens and underscores.",
            )
        case "code_taken":
            return translate(
                "refusals",
                "The agency code “{agency_code}” is already used by “{agency}”.",
            )
        case "kind_invalid":
            return translate("refusals", "Choose one of the kinds offered.")
        case "court_level_empty":
            return translate(
                "refusals",
                "Choose the court's level (basic, intermediate or high people's court).",
            )
        case "court_level_invalid":
            return translate(
                "refusals",
                "The court's level must be basic, intermediate or high people's court.",
            )
        case "court_level_not_court":
            return translate("refusals", "Only people's courts have a court level.")
        case "alert_not_found":
            return translate("refusals", "Alert {alert} does not exist.")
        case "alert_not_yours":
            return translate("refusals", "The alerts of case {case} are not yours to handle.")
        case "alert_withdrawn":
            return translate(
                "refusals",
                "This alert of case {case} was withdrawn (the time limit changed).",
            )
        case "share_range":
            return translate("refusals", "The sample share must be greater than 0 and at most 1.")
        case "share_digits":
            return translate("refusals", "The sample share may have at most three decimal places.")
        case "share_number":
            return translate("refusals", "The sample share must be a number.")
        case "followup_rule_denied":
            return translate("refusals", "Only an administrator can change the follow-up rules.")
        case "followups_not_for_station":
            return translate("refusals", "Station staff do not make follow-up visits.")
        case "category_unknown":
            return translate("refusals", "Unknown case category: {category}")
        case "visits_range":
            return translate("refusals", "Visits per year must be a whole number from 0 to {max}.")
        case "delay_range":
            return translate("refusals", "The first visit must be 0 to {max} days after closing.")
        case "visit_not_found":
            return translate("refusals", "Follow-up visit {visit} does not exist.")
        case "visit_not_yours":
            return translate("refusals", "Follow-up visit {visit} does not exist or is not yours.")
        case "case_visits_not_yours":
            return translate("refusals", "The follow-up visits of case {case} are not yours.")
        case "visit_not_planned":
            return translate(
                "refusals",
                "This follow-up visit of case {case} is no longer planned.",
            )
        case "case_reopened":
            return translate(
                "refusals",
                "Case {case} has been reopened; its follow-up plan no longer applies.",
            )
        case "performance":
            return translate(
                "refusals",
                "Choose fully performed, partly performed or not performed.",
            )
        case "satisfaction":
            return translate("refusals", "Satisfaction must be a whole number from 1 to 5.")
        case "method":
            return translate("refusals", "The visit must be in person, by phone or online.")
        case "before_closure":
            return translate(
                "refusals",
                "The visit date cannot be before the closing date {closed_on}.",
            )
        case "case_not_open":
            return translate(
                "refusals",
                "Case {case} is “{status}”: the office manager must reopen it first.",
            )
        case "no_meeting_for_referral":
            return translate(
                "refusals",
                "A crime referral has no consultation meeting: record the procuratorate's answer "
                "directly.",
            )
        case "request_not_open":
            return translate("refusals", "The request to {agency} is no longer open.")
        case "answers_missing":
            return translate(
                "refusals",
                "Some agencies have not answered: {agencies}. Record their opinions or withdraw "
                "the requests first.",
            )
        case "minutes_empty":
            return translate(
                "refusals",
                "Please enter the minutes (each agency's opinion and the conclusion).",
            )
        case "consultation_not_found":
            return translate("refusals", "The consultation (no. {consultation_id}) does not exist.")
        case "consultation_not_open":
            return translate("refusals", "This consultation is closed or withdrawn.")
        case "request_not_found":
            return translate(
                "refusals",
                "The consultation request (no. {request_id}) does not exist.",
            )
        case "agencies_empty":
            return translate("refusals", "Please choose the receiving agencies.")
        case "agencies_too_many":
            n = _count(params, "max")
            return translate("refusals", "At most %n agencies per request.", "", n)
        case "consultation_kind_invalid":
            return translate(
                "refusals",
                "The kind must be a joint consultation or a crime referral.",
            )
        case "referral_not_procuratorate":
            return translate(
                "refusals",
                "Crime referrals go only to procuratorates; these are not: {agencies}",
            )
        case "amount_format":
            return translate("refusals", "The amount must be a number, such as 12000 or 12000.50.")
        case "amount_negative":
            return translate("refusals", "The amount cannot be negative.")
        case "amount_precision":
            return translate("refusals", "The amount can have at most two decimal places (fen).")
        case "amount_too_large":
            return translate("refusals", "The amount is too large.")
        case "agreement_not_editable":
            return translate(
                "refusals",
                "Case {case} is “{status}”: the agreement can be changed only until the "
                "application for confirmation.",
            )
        case "no_agreement":
            return translate("refusals", "The agreement of case {case} has not been recorded yet.")
        case "agreement_changed":
            return translate(
                "refusals",
                "Someone else changed the agreement of case {case}; your changes were not saved. "
                "Refresh and try again.",
            )
        case "not_court_referred":
            return translate(
                "refusals",
                "Case {case} was not referred by a court: there is nothing to return.",
            )
        case "mediation_not_ended":
            return translate(
                "refusals",
                "Case {case} is “{status}”: it can be returned to the court only after the "
                "mediation has ended.",
            )
        case "already_returned":
            return translate("refusals", "Case {case} was returned to the court on {returned_on}.")
        case "court_case_number_empty":
            return translate(
                "refusals",
                "A case referred by a court needs the court's case number.",
            )
        case "court_case_number_too_long":
            return translate(
                "refusals",
                "The court's case number cannot be longer than 60 characters.",
            )
        case "court_case_number_format":
            return translate(
                "refusals",
                "The court case number must read (year), the court's code, the type, the "
                "serial number and 号, e.g. {example}.",
            )
        case "court_case_number_province":
            return translate(
                "refusals",
                "Court case numbers abbreviate the province as {right}, not {wrong} "
                "(e.g. {example}).",
            )
        case "court_case_number_court":
            return translate(
                "refusals",
                "The court code {found} in the case number is not that of {court_name} "
                "({expected}).",
            )
        case "court_case_number_type":
            return translate(
                "refusals",
                "The case number's type must be {expected}, not {found}.",
            )
        case "case_code_format":
            return translate(
                "refusals",
                "The court's case-number code is the province's abbreviation and the "
                "division digits, e.g. 内05 or 内0502.",
            )
        case "case_code_not_court":
            return translate("refusals", "Only a court has a case-number code.")
        case "referral_kind_empty":
            return translate(
                "refusals",
                "Choose pre-litigation or in-litigation court mediation (the case number does not "
                "tell).",
            )
        case "referral_kind_invalid":
            return translate(
                "refusals",
                "The referral must be pre-litigation or in-litigation mediation.",
            )
        case "signed_empty":
            return translate("refusals", "Please enter the date the agreement was signed.")
        case "signed_future":
            return translate("refusals", "The signing date cannot be later than today.")
        case "signed_before_acceptance":
            return translate(
                "refusals",
                "The signing date cannot be before the acceptance date ({accepted_on}).",
            )
        case "effective_future":
            return translate("refusals", "The effective date cannot be later than today.")
        case "effective_before_signed":
            return translate(
                "refusals",
                "The effective date cannot be before the signing date ({signed}).",
            )
        case "obligations_empty":
            return translate(
                "refusals",
                "The agreement needs at least one term (who performs what for whom, how much, by "
                "when).",
            )
        case "obligations_too_many":
            n = _count(params, "max")
            return translate("refusals", "An agreement can have at most %n terms.", "", n)
        case "obligation_unknown":
            return translate(
                "refusals",
                "Term {item} does not belong to this agreement; refresh and try again.",
            )
        case "obligation_description_empty":
            return translate("refusals", "Term {item}: please describe what is to be performed.")
        case "obligation_description_too_long":
            return translate(
                "refusals",
                "Term {item}: the description cannot be longer than {max} characters.",
            )
        case "obligation_kind_invalid":
            return translate("refusals", "Term {item}: choose what kind of term it is.")
        case "obligation_due_empty":
            return translate(
                "refusals",
                "Term {item} is unclear: a one-off obligation needs the date by which it is "
                "performed.",
            )
        case "obligation_amount_empty":
            return translate("refusals", "Term {item} is unclear: enter the amount to be paid.")
        case "obligation_obligee_empty":
            return translate(
                "refusals",
                "Term {item} is unclear: choose the party to whom it is paid, delivered or "
                "apologised.",
            )
        case "obligation_obligor_empty":
            return translate("refusals", "Term {item}: choose the party who owes it.")
        case "obligation_party_unknown":
            return translate(
                "refusals",
                "Term {item}: the party is not a party of this case (an agent cannot owe or "
                "receive).",
            )
        case "obligation_same_party":
            return translate(
                "refusals",
                "Term {item}: the obligor and the obligee cannot be the same party.",
            )
        case "obligation_due_before_signed":
            return translate(
                "refusals",
                "Term {item}: the due date cannot be before the signing date ({signed}).",
            )
        case "agreement_not_effective":
            return translate(
                "refusals",
                "The agreement of case {case} has no effective date yet: confirmation cannot be "
                "applied for.",
            )
        case "confirmation_window_missed":
            return translate(
                "refusals",
                "The time for applying for confirmation ran out on {due} (the agreement took "
                "effect on {effective}; the parties have 30 days). The parties can sue on the "
                "agreement's performance or content.",
            )
        case "confirmation_warning":
            return translate(
                "refusals",
                "Confirm that the parties have been told of the warnings before applying.",
            )
        case "court_without_jurisdiction":
            return translate(
                "refusals",
                "{court_name} has no ground of jurisdiction over the confirmation for this case; "
                "apply to: {court_names}",
            )
        case "no_court_with_jurisdiction":
            return translate(
                "refusals",
                "No registered court has a ground of jurisdiction over case {case}; the "
                "administrator must complete the courts' levels and regions.",
            )
        case "already_accepted":
            return translate(
                "refusals",
                "The court's acceptance of case {case} on {accepted_on} is already recorded.",
            )
        case "not_accepted_by_court":
            return translate(
                "refusals",
                "The court's acceptance of case {case} is not recorded yet, so its limit cannot be"
                " extended.",
            )
        case "already_extended":
            return translate(
                "refusals",
                "The court's limit for case {case} was already extended; it can be extended only "
                "once (10 days).",
            )
        case "no_pending_application":
            return translate(
                "refusals",
                "Case {case} has no application for confirmation awaiting the court's decision.",
            )
        case "applied_before_effective":
            return translate(
                "refusals",
                "The application date cannot be before the agreement took effect ({effective}).",
            )
        case "ruling_number_empty":
            return translate(
                "refusals",
                "Enter the ruling's case number, such as （2026）内0502民特12号.",
            )
        case "ruling_number_too_long":
            return translate("refusals", "The ruling number cannot be longer than 60 characters.")
        case "decision_invalid":
            return translate(
                "refusals",
                "The court's decision must be “confirmed valid” or “application dismissed”.",
            )
        case "documents_not_for_station":
            return translate(
                "refusals",
                "Station staff cannot generate case documents; the office's mediator does.",
            )
        case "documents_mediator_only":
            return translate(
                "refusals",
                "Case {case} is not assigned to you: only its mediator generates documents.",
            )
        case "documents_personal_data":
            return translate(
                "refusals",
                "Documents carry the parties' full identity data, which you may not see.",
            )
        case "document_not_found":
            return translate("refusals", "Document {document_id} does not exist.")
        case "document_file_missing":
            return translate("refusals", "The document file does not exist: {path}")
        case "document_tampered":
            return translate(
                "refusals",
                "The document file has been changed and no longer matches its recorded checksum: "
                "{path}",
            )
        case "document_output_suffix":
            return translate("refusals", "The output file must end in .docx or .pdf: {path}")
        case "document_write_failed":
            return translate("refusals", "Could not write {path}.")
        case "document_version_taken":
            return translate(
                "refusals",
                "Someone else has just generated this document; try again.",
            )
        case "received_empty":
            return translate("refusals", "The date received is required.")
        case "received_format":
            return translate("refusals", "The date received is not a date (e.g. 2026-11-27).")
        case "received_future":
            return translate("refusals", "The date received cannot be later than today.")
        case "received_too_early":
            return translate("refusals", "The date received cannot be before 1 January 2000.")
        case "station_empty":
            return translate("refusals", "Please choose the receiving station.")
        case "station_out_of_scope":
            return translate(
                "refusals",
                "You can register only cases received by stations in your own area.",
            )
        case "ip_type_empty":
            return translate("refusals", "Please choose the IP type.")
        case "trademark_empty":
            return translate("refusals", "The trademark registration number is required.")
        case "right_number_format":
            return translate(
                "refusals",
                "The right number is too long or contains invalid characters.",
            )
        case "dispute_type_invalid":
            return translate("refusals", "The dispute type is not valid.")
        case "channel_invalid":
            return translate("refusals", "The channel is not valid.")
        case "category_invalid":
            return translate("refusals", "The case category is not valid.")
        case "facts_empty":
            return translate("refusals", "The facts and reasons are required.")
        case "claim_empty":
            return translate("refusals", "The claims are required.")
        case "court_unknown":
            return translate("refusals", "The court code does not exist.")
        case "text_too_long":
            n = _count(params, "limit")
            return translate("refusals", "The text is too long (at most %n characters).", "", n)
        case "text_control":
            return translate("refusals", "The text contains invisible control characters.")
        case "applicant_missing":
            return translate("refusals", "At least one applicant is required.")
        case "respondent_missing":
            return translate("refusals", "At least one respondent is required.")
        case "too_many_parties":
            n = _count(params, "limit")
            return translate("refusals", "Too many parties (at most %n).", "", n)
        case "party_role_invalid":
            return translate(
                "refusals",
                "The party's role must be applicant, respondent, third party or agent.",
            )
        case "party_kind_invalid":
            return translate("refusals", "The party must be a person or an organisation.")
        case "party_name_empty":
            return translate("refusals", "The name is required.")
        case "party_duplicate_id":
            return translate("refusals", "Same ID number as party {other}.")
        case "agent_represents":
            return translate("refusals", "The party this agent represents is not valid.")
        case "represents_not_agent":
            return translate("refusals", "Only an agent can represent another party.")
        case "attachment_missing":
            return translate("refusals", "The attachment “{name}” cannot be found.")
        case "attachment_too_large":
            return translate(
                "refusals",
                "The attachment “{name}” is {size}, more than the limit of {limit}.",
            )
        case "attachment_duplicate":
            return translate(
                "refusals",
                "The attachment “{name}” has the same content as attachment {other}.",
            )
        case "attachment_unreadable":
            return translate("refusals", "The attachment “{name}” cannot be read.")
        case "id_empty":
            return translate("refusals", "The ID number is required.")
        case "id_length":
            return translate("refusals", "A resident ID number has 18 characters.")
        case "id_chars":
            return translate(
                "refusals",
                "The first 17 characters of an ID number are digits; the last is a digit or X.",
            )
        case "id_checksum":
            return translate("refusals", "The ID number's check digit is wrong.")
        case "id_birth_date":
            return translate("refusals", "The birth date in the ID number is not valid.")
        case "id_area_unknown":
            return translate(
                "refusals",
                "The first 6 digits of the ID number are not a known area code; please check.",
            )
        case "uscc_empty":
            return translate("refusals", "The unified social credit code is required.")
        case "uscc_length":
            return translate("refusals", "A unified social credit code has 18 characters.")
        case "uscc_chars":
            return translate(
                "refusals",
                "The unified social credit code contains invalid characters (I, O, Z, S and V are "
                "not used).",
            )
        case "uscc_region":
            return translate(
                "refusals",
                "Characters 3 to 8 of the unified social credit code must be digits (the area "
                "code).",
            )
        case "uscc_category":
            return translate(
                "refusals",
                "The first two characters of the unified social credit code are not a registration"
                " authority and category of the national standard.",
            )
        case "uscc_checksum":
            return translate(
                "refusals",
                "The unified social credit code's check character is wrong.",
            )
        case "uscc_org_checksum":
            return translate(
                "refusals",
                "The organisation code inside the unified social credit code has a wrong check "
                "character; please check.",
            )
        case "party_kind":
            return translate("refusals", "The party must be a person or an organisation.")
        case "patent_empty":
            return translate("refusals", "The patent application number is required.")
        case "patent_format":
            return translate(
                "refusals",
                "The patent application number is not in the right form (e.g. 200310102344.5).",
            )
        case "patent_type":
            return translate(
                "refusals",
                "The patent type digit of the application number is not valid (1, 2, 3, 8 or 9).",
            )
        case "patent_year":
            return translate("refusals", "The year in the patent application number is not valid.")
        case "patent_checksum":
            return translate("refusals", "The patent application number's check digit is wrong.")
        case "patent_kind_mismatch":
            return translate(
                "refusals",
                "The application number's patent type does not match the chosen patent type.",
            )
        case "trademark_format":
            return translate("refusals", "A trademark registration number has at most 8 digits.")
        case "phone_empty":
            return translate("refusals", "The phone number is required.")
        case "phone_format":
            return translate(
                "refusals",
                "The phone number is not valid (mobiles have 11 digits, landlines need the area "
                "code).",
            )
        case "held_on_empty":
            return translate("refusals", "Please enter the date of the mediation session.")
        case "held_on_format":
            return translate("refusals", "The session date is not a date (e.g. 2026-11-27).")
        case "held_on_future":
            return translate("refusals", "The session date cannot be later than today.")
        case "held_on_too_early":
            return translate(
                "refusals",
                "The session date cannot be before the date the application was received "
                "({earliest}).",
            )
        case "place_empty":
            return translate("refusals", "Please enter the place.")
        case "attendees_empty":
            return translate("refusals", "Please enter who attended.")
        case "summary_empty":
            return translate("refusals", "Please enter what was said and agreed.")
        case "year_range":
            return translate("refusals", "The year must be between {first} and {last}.")
        case "audit":
            return translate("refusals", "The audit trail could not be written or checked.")
        case "nothing_changed":
            return translate("refusals", "Nothing has been changed.")
        case "party_unknown":
            return translate("refusals", "The party (no. {party_id}) does not belong to this case.")
        case "evidence_not_openable":
            return translate(
                "refusals",
                "“{name}” is not a kind of evidence file that may be opened; for safety it is not "
                "opened.",
            )
        case "text_invisible":
            return translate(
                "refusals",
                "The text contains zero-width or text-direction characters.",
            )
        case "attachment_exists":
            return translate(
                "refusals",
                "The attachment “{name}” has the same content as the case's evidence “{other}”.",
            )
        case "attachment_type_refused":
            return translate(
                "refusals",
                "The attachment “{name}” is not an allowed kind of evidence file (allowed: "
                "{allowed}).",
            )
        case "attachment_name_too_long":
            return translate(
                "refusals",
                "The attachment's file name is too long ({length} characters, at most {limit}).",
            )
        case "attachments_empty":
            return translate("refusals", "Please choose the evidence files to add.")
        case "backup_tampered":
            return translate(
                "refusals",
                "The backup's signature is wrong: the file has been changed since it was made.",
            )
        case "backup_unsigned":
            return translate("refusals", "The backup is not signed, so it cannot be trusted.")
        case "backup_key_unknown":
            return translate(
                "refusals",
                "The backup was signed with a key this computer does not have.",
            )
        case "backup_key_invalid":
            return translate("refusals", "The backup signing key is missing or not valid.")
        case "target_not_empty":
            return translate("refusals", "The target database is not empty; nothing was changed.")
        # Administrative adjudication (services/cases/adjudication.py).
        case "no_adjudication":
            return translate("refusals", "Case {case} has not entered administrative adjudication.")
        case "adjudication_step":
            return translate(
                "refusals",
                "The adjudication of case {case} is not at a step where this can be done.",
            )
        case "not_on_panel":
            return translate("refusals", "You are not an officer of the panel of case {case}.")
        case "adjudication_not_patent_infringement":
            return translate(
                "refusals",
                "Case {case} is not a patent-infringement dispute: only those can be adjudicated.",
            )
        case "adjudication_under_way":
            return translate(
                "refusals",
                "Case {case} is being adjudicated: mediation can start only after the decision.",
            )
        case "adjudication_exists":
            return translate("refusals", "Adjudication of case {case} has already been requested.")
        case "service_party_unknown":
            return translate("refusals", "The recipient is not a party to this case.")
        case "service_method_invalid":
            return translate("refusals", "Please choose how the document was served.")
        case "electronic_service_without_consent":
            return translate("refusals", "Electronic service needs the recipient's consent.")
        case "panel_duplicate":
            return translate("refusals", "An officer is on the panel twice.")
        case "panel_size":
            return translate(
                "refusals",
                "The panel needs an odd number of at least {minimum} officers (now {count}).",
            )
        case "panel_officer_not_in_office":
            return translate(
                "refusals",
                "{officer} cannot sit on the panel: only active mediators and managers of the "
                "case's office can.",
            )
        case "panel_recusal":
            return translate(
                "refusals", "{officer} must withdraw from the panel (recusal: {party})."
            )
        case "defence_period_running":
            return translate(
                "refusals",
                "The defence period runs until {due}: only after it can you record that no "
                "defence came.",
            )
        case "hearing_notice_too_short":
            return translate(
                "refusals",
                "The oral hearing cannot be held before {earliest}: the parties must learn of it "
                "at least 3 working days before.",
            )
        case "invalidation_number_invalid":
            return translate(
                "refusals", "Please enter CNIPA's case number of the invalidation request."
            )
        case "decision_not_served_on_all":
            return translate("refusals", "The decision has not been served on: {parties}.")
        case "window_outcome_recorded":
            return translate(
                "refusals", "What happened in the window to sue has already been recorded."
            )
        case "window_outcome_invalid":
            return translate("refusals", "Please choose what happened after the decision.")
        case "suit_window_running":
            return translate(
                "refusals", "The window to sue runs until {due}; this can only be done after it."
            )
        case "nothing_ordered":
            return translate(
                "refusals", "The decision found no infringement: there is nothing to enforce."
            )
        case "enforcement_not_needed":
            return translate(
                "refusals",
                "A party sued or the infringer stopped: enforcement cannot be applied for.",
            )
        case "enforcement_too_late":
            return translate(
                "refusals",
                "Enforcement must be applied for within three months after the window (by {last}).",
            )
        case "enforcement_already_reminded":
            return translate(
                "refusals", "The reminder before enforcement was already served (on {on})."
            )
        case "enforcement_not_reminded":
            return translate(
                "refusals",
                "Serve the written reminder (催告书) on the infringer first: enforcement can be "
                "applied for only if they have not performed 10 days after its service.",
            )
        case "enforcement_reminder_running":
            return translate(
                "refusals",
                "The reminder was served on {reminded_on}: enforcement can be applied for only "
                "after {after}, if the infringer has still not performed.",
            )
        case "restore_target_busy":
            return translate(
                "refusals",
                "Other users are working in the target database; the restore gave up and changed "
                "nothing. Try again when they have finished.",
            )
    return None


def _family_template(code: str) -> str | None:
    """Texts of the codes a service builds from a field name: ``subject_empty``,
    ``name_too_long``, ``address_control``."""
    if code.endswith("_empty"):
        return translate("refusals", "{what} is required.")
    if code.endswith("_too_long"):
        return translate("refusals", "{what} is too long (at most {limit} characters).")
    if code.endswith("_control"):
        return translate("refusals", "{what} contains control characters.")
    return None


def field_label(field: str) -> str | None:
    """The name of an input field at the start of a sentence ("The visit date"); None for
    a field without one."""
    match field.rsplit(".", 1)[-1]:
        case "on":
            return translate("fields", "The date")
        case "done_on":
            return translate("fields", "The visit date")
        case "returned_on":
            return translate("fields", "The return date")
        case "applied_on":
            return translate("fields", "The application date")
        case "requested_on":
            return translate("fields", "The date sent")
        case "meeting_on":
            return translate("fields", "The meeting date")
        case "answered_on":
            return translate("fields", "The answer date")
        case "start_on":
            return translate("fields", "The suspension's start date")
        case "resume_on":
            return translate("fields", "The resumption date")
        case "accepted_on":
            return translate("fields", "The court's acceptance date")
        case "extended_on":
            return translate("fields", "The extension's approval date")
        case "decided_on":
            return translate("fields", "The ruling date")
        case "person_visited":
            return translate("fields", "The person visited")
        case "code":
            return translate("fields", "The agency code")
        case "name":
            return translate("fields", "The name")
        case "contact_person":
            return translate("fields", "The contact person")
        case "address":
            return translate("fields", "The address")
        case "region":
            return translate("fields", "The region")
        case "subject":
            return translate("fields", "The subject")
        case "questions":
            return translate("fields", "The questions")
        case "place":
            return translate("fields", "The place")
        case "participants":
            return translate("fields", "The participants")
        case "minutes":
            return translate("fields", "The minutes")
        case "opinion":
            return translate("fields", "The opinion")
        case "facts":
            return translate("fields", "The facts")
        case "reason":
            return translate("fields", "The reason")
    return None


def _count(params: Params, key: str) -> int:
    value = params.get(key)
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


class _Values(dict[str, str]):
    """A refusal's params as text for ``str.format_map``: dates as 2026-11-27, lists joined,
    a case status, role or action by its translated name; ``{what}`` the field's name."""

    def __init__(self, params: Params, field: str) -> None:
        super().__init__()
        self.params = params
        self.field = field
        self.unknown: list[str] = []

    def __missing__(self, key: str) -> str:
        if key == "what":
            label = field_label(self.field)
            if label is None:
                self.unknown.append(key)
                return ""
            return label
        if key not in self.params:
            self.unknown.append(key)
            return ""
        return _value_text(key, self.params[key])


def _value_text(key: str, value: object) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return translate("refusals", ", ").join(_value_text(key, v) for v in value)
    text = str(value)
    if key == "status":
        from ipdesk.ui.intake.labels import status_labels

        return status_labels().get(text, text)
    if key == "role":
        from ipdesk.ui.auth.texts import role_text

        try:
            return role_text(Role(text))
        except ValueError:
            return text
    if key == "action":
        from ipdesk.ui.case_view.actions import action_text

        try:
            return action_text(text)
        except ValueError:
            return text
    return text
