"""What every desk screen shares: translated key bindings, service calls in thread workers, palette commands.

The harlequin pattern: a blocking service call runs in a ``@work(thread=True)`` method that never touches a
widget; it posts a typed message nested on the screen (``HomeScreen.ReassignDone``), whose ``@on`` handler
updates the widgets on the event loop. ``ServiceCalls.serve`` is the one place that opens the unit of work.

Bindings are declared as ``Binding(key, action, "-", id="<screen>.<what>")``; their description is the
catalogue entry ``key.<id>`` in the current language, filled in when the screen mounts and again when the
officer switches language (``retranslate``). The help screen and the footer read the same bindings.
"""
from __future__ import annotations

import dataclasses
import functools
import inspect
import logging
from typing import Any, Callable, Generic, Iterable, TypeVar

from textual.binding import Binding
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import ModalScreen, Screen

from desk.errors import DomainError, explain
from desk.i18n import has, t
from screens.textual_words import OwnWords

log = logging.getLogger("desk.screens")


def binding_text(binding: Binding) -> str:
    """The translated description of a binding declared with ``id``."""
    if binding.id and has(f"ui.key.{binding.id}"):
        return t(f"ui.key.{binding.id}")
    return binding.description


def translate_bindings(node: DOMNode, overrides: dict[str, str] | None = None) -> None:
    """Replace each binding's description by its catalogue text (or ``overrides[id]``)."""
    overrides = overrides or {}
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            dataclasses.replace(b, description=overrides.get(b.id or "", binding_text(b))) if b.id else b
            for b in bindings
        ]


@dataclasses.dataclass(frozen=True)
class PaletteCommand:
    """One command the palette offers on the current screen."""

    title: str
    help: str
    callback: Callable[[], Any]


def _message_name(done: Callable) -> str:
    """The message a worker posts, to name the call in the log (never its arguments)."""
    target = done.func if isinstance(done, functools.partial) else done
    return target.__qualname__


class SessionLost(Message):
    """A service refused the officer's session (logged out elsewhere, expired, disabled, password reset): the
    app says why and goes back to the login screen."""

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error


class ServiceCalls:
    """Mixin for the app and its screens: the one place a thread worker opens a unit of work.

    A screen declares one ``@work(thread=True, exclusive=True, group=...)`` method per service call and a
    typed, nested, past-tense message for its result (``CaseFileScreen.FileLoaded``); the worker's body is
    ``self.serve(self.FileLoaded, views.case_file, actor, case_id)`` and an ``@on(FileLoaded)`` handler draws.
    """

    class CallFailed(Message):
        """A service call raised and the screen has no message of its own for it: shown as a notification."""

        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

    def unit_store(self):
        """The store the workers open units of work on (the app's; waited for while it opens)."""
        return self.app.open_store_or_wait()

    def serve(self, done: Callable[[Any], Message], fn: Callable, *args,
              failed: Callable[[BaseException], Message] | None = None, write: bool = True, quick: bool = False,
              audited_read: bool = False, **kwargs) -> None:
        """Inside a thread worker: run ``fn(uow, *args, **kwargs)`` in a unit of work (a reader when
        ``write`` is false, the store's quick read-only ``lookup`` when ``quick``) and post ``done(result)``,
        or ``failed(error)`` (``CallFailed`` by default). An error that is not a DomainError is logged by
        its class name only: never personal data."""
        from desk.services import audit, auth  # here, not at the top: the first screen is drawn before
        # SQLAlchemy and the models are imported (issue 17, cold start)

        store = self.unit_store()
        try:
            if quick:
                with store.lookup() as uow:
                    result = fn(uow, *args, **kwargs)
            elif audited_read:  # read in a read transaction, its audit entry written after it
                result = audit.read(store, fn, *args, **kwargs)
            else:  # retried whole on a deadlock (PostgreSQL) or a busy store; then "the store is busy"
                result = store.run(fn, *args, write=write, **kwargs)
        except auth.SessionEnded as exc:  # the session is over: back to the login, whatever was asked
            self.app.post_message(SessionLost(exc))  # the app says why and shows the login
        except Exception as exc:  # never crash the app: the officer reads explain(exc)
            if not isinstance(exc, DomainError):
                log.error("service call for %s failed: %s", _message_name(done), exc.__class__.__name__,
                          exc_info=log.isEnabledFor(logging.DEBUG))
            self.post_message((failed or ServiceCalls.CallFailed)(exc))
        else:
            self.post_message(done(result))

    def on_service_calls_call_failed(self, message: "ServiceCalls.CallFailed") -> None:
        message.stop()
        self.app.notify(explain(message.error), severity="error", timeout=8)


def shows_result(handler):
    """For the ``@on`` handler that draws a service's result (put it under ``@on``): a bug in the drawing is
    logged by its class name and told as a sentence; the officer's work stays on screen, the app runs on."""

    def failed(node, exc: Exception) -> None:
        log.error("showing %s failed: %s", handler.__name__, exc.__class__.__name__)
        node.app.notify(explain(exc), severity="error", timeout=8)

    if inspect.iscoroutinefunction(handler):
        @functools.wraps(handler)
        async def guarded_async(self, *args):
            try:
                return await handler(self, *args)
            except Exception as exc:  # a drawing bug must not take the officer's work down with it
                failed(self, exc)
        return guarded_async

    @functools.wraps(handler)
    def guarded(self, *args):
        try:
            return handler(self, *args)
        except Exception as exc:  # a drawing bug must not take the officer's work down with it
            failed(self, exc)
    return guarded


class Translated:
    """Mixin: translate bindings on mount and on a language switch."""

    def binding_overrides(self) -> dict[str, str]:
        return {}

    def translate(self) -> None:
        translate_bindings(self, self.binding_overrides())
        self.refresh_bindings()

    def retranslate(self) -> None:
        """The officer switched language: redo the bindings and redraw the texts."""
        self.translate()
        self.redraw_texts()

    def redraw_texts(self) -> None:
        """Override: update every label drawn from the catalogue."""

    def palette_commands(self) -> Iterable[PaletteCommand]:
        """Override: the commands this screen adds to the command palette."""
        return ()


class DeskScreen(OwnWords, ServiceCalls, Translated, Screen):
    """A full screen of desk."""

    def on_mount(self) -> None:
        self.translate()


ResultType = TypeVar("ResultType")


class DeskModal(OwnWords, ServiceCalls, Translated, ModalScreen[ResultType], Generic[ResultType]):
    """A modal dialog of desk (returns a value with ``dismiss``)."""

    def on_mount(self) -> None:
        self.translate()


def riga_date(value) -> str:
    """A legal date as officers read it: DD.MM.YYYY."""
    return value.strftime("%d.%m.%Y") if value else ""
