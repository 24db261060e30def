"""Small widgets shared by the screens."""
from screens.widgets.officer_bar import OfficerBar
from screens.widgets.states import state_text
from screens.widgets.tables import KeyedTable, sync_rows

__all__ = ["OfficerBar", "KeyedTable", "state_text", "sync_rows"]
