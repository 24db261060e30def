"""What every desk screen shares: translated key bindings, service calls in thread workers, palette commands.

The harlequin pattern: a blocking service call runs in a thread worker that never touches a widget; it
posts ``DeskScreen.Loaded`` or ``DeskScreen.Failed`` back to the screen, whose ``loaded_<what>`` /
``failed_<what>`` method updates the widgets on the event loop.

Bindings are declared as ``Binding(key, action, "-", id="<screen>.<what>")``; their description is the
catalogue entry ``key.<id>`` in the current language, filled in when the screen mounts and again when the
officer switches language (``retranslate``). The help screen and the footer read the same bindings.
"""
from __future__ import annotations

import dataclasses
import logging
from typing import Any, Callable, Generic, Iterable, TypeVar

from textual.binding import Binding
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import ModalScreen, Screen

from desk.errors import DomainError, explain
from desk.i18n import has, t

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


class ServiceCalls:
    """Mixin for screens: ``self.call(what, fn, *args)`` runs ``fn(uow, *args)`` in a thread worker."""

    class Loaded(Message):
        """A service call finished; ``result`` is a frozen dataclass or a plain value."""

        def __init__(self, what: str, result: Any) -> None:
            super().__init__()
            self.what = what
            self.result = result

    class Failed(Message):
        """A service call raised; ``error`` is a DomainError or an unexpected exception (already logged)."""

        def __init__(self, what: str, error: BaseException) -> None:
            super().__init__()
            self.what = what
            self.error = error

    def call_then(self, what: str, fn: Callable, *args, then: Callable[[Any], None],
                  failed: Callable[[BaseException], bool | None] | None = None, write: bool = True, **kwargs) -> None:
        """Like ``call``, but hand the result to ``then`` (and an error to ``failed``, if given)."""
        callbacks = self.__dict__.setdefault("_then", {})
        callbacks[what] = (then, failed)
        self.call(what, fn, *args, write=write, **kwargs)

    def call(self, what: str, fn: Callable, *args, write: bool = True, **kwargs) -> None:
        """Run ``fn(uow, *args, **kwargs)`` in a unit of work on a worker thread (one at a time per ``what``)."""
        store = self.app.store
        screen = self

        def job() -> None:
            try:
                with (store.uow() if write else store.reader()) as uow:
                    result = fn(uow, *args, **kwargs)
            except DomainError as exc:
                screen.post_message(ServiceCalls.Failed(what, exc))
            except Exception as exc:  # never crash the app: log the kind of error only, nothing personal
                log.error("service call %s failed: %s", what, exc.__class__.__name__, exc_info=log.isEnabledFor(logging.DEBUG))
                screen.post_message(ServiceCalls.Failed(what, exc))
            else:
                screen.post_message(ServiceCalls.Loaded(what, result))

        self.run_worker(job, thread=True, exclusive=True, group=f"{id(self)}:{what}", exit_on_error=False)

    def on_service_calls_loaded(self, message: "ServiceCalls.Loaded") -> None:
        message.stop()
        then = self.__dict__.get("_then", {}).pop(message.what, None)
        handler = then[0] if then is not None else getattr(self, f"loaded_{message.what}", None)
        if handler is None:
            return
        try:
            handler(message.result)
        except Exception as exc:  # a drawing bug must not take the officer's work down with it
            log.error("showing %s failed: %s", message.what, exc.__class__.__name__)
            self.app.notify(explain(exc), severity="error", timeout=8)

    def on_service_calls_failed(self, message: "ServiceCalls.Failed") -> None:
        message.stop()
        then = self.__dict__.get("_then", {}).pop(message.what, None)
        handler = then[1] if then is not None else getattr(self, f"failed_{message.what}", None)
        if handler is not None and handler(message.error) is not False:
            return
        self.app.notify(explain(message.error), severity="error", timeout=8)


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


class DeskScreen(ServiceCalls, Translated, Screen):
    """A full screen of desk."""

    def on_mount(self) -> None:
        self.translate()


ResultType = TypeVar("ResultType")


class DeskModal(ServiceCalls, Translated, ModalScreen[ResultType], Generic[ResultType]):
    """A modal dialog of desk (returns a value with ``dismiss``)."""

    def on_mount(self) -> None:
        self.translate()


def riga_date(value) -> str:
    """A legal date as officers read it: DD.MM.YYYY."""
    return value.strftime("%d.%m.%Y") if value else ""
