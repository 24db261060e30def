"""Small widgets shared by the screens."""
from screens.widgets.officer_bar import OfficerBar
from screens.widgets.tables import KeyedTable, sync_rows

__all__ = ["OfficerBar", "KeyedTable", "sync_rows"]
