"""Errors a person can cause. Each carries a catalogue key and parameters, never personal data,
so the message is shown in the officer's language and nothing personal reaches a log."""
from __future__ import annotations


class DomainError(Exception):
    """Base of every error an officer can cause; ``field`` names the form field at fault."""

    key = "error.generic"

    def __init__(self, key: str | None = None, *, field: str | None = None, **params):
        self.key = key or self.key
        self.field = field
        self.params = params
        super().__init__(self.key)

    def message(self) -> str:
        from desk.i18n import t

        return t(self.key, **self.params)

    def __str__(self) -> str:  # a translated sentence, safe for logs (no personal data in params)
        try:
            return self.message()
        except Exception:  # pragma: no cover - the catalogue is always importable
            return self.key


class ValidationError(DomainError):
    key = "error.invalid"


class NotFound(DomainError):
    key = "error.not_found"


class PermissionDenied(DomainError):
    key = "error.permission_denied"


class TransitionNotAllowed(DomainError):
    key = "error.transition_not_allowed"


class ConflictError(DomainError):
    """A save based on a stale version: someone else changed the record first."""

    key = "error.conflict"


class AuthError(DomainError):
    key = "auth.bad_credentials"


class StoreError(DomainError):
    key = "store.error"


def explain(exc: BaseException) -> str:
    """The officer-facing sentence for any error: domain and rule errors are translated,
    anything else becomes a generic message (details go to the log, never to the screen)."""
    from desk.i18n import t

    key = getattr(exc, "key", None)
    if isinstance(key, str):
        return t(key, **getattr(exc, "params", {}))
    return t("error.unexpected")


class FormInvalid(ValidationError):
    """Several fields are wrong at once: ``errors`` maps a field name to its DomainError.
    Nothing is saved; the form shows each message next to its field."""

    key = "error.form_invalid"

    def __init__(self, errors: dict[str, DomainError]):
        super().__init__(self.key, n=len(errors))
        self.errors = errors
