"""The administrative adjudication track in the window: the case view's tab listing the
steps (:mod:`.tab`), the dialogs of the steps (:mod:`.dialogs`) and what the case view's
buttons open (:mod:`.openers`)."""
