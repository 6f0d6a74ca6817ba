"""The document templates: their check and a preview with a sample case."""

from ipdesk.ui.templates.dialog import TemplateResult, TemplatesDialog, check_forms

__all__ = ["TemplateResult", "TemplatesDialog", "check_forms"]
