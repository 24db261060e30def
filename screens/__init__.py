"""The Textual screens of desk: the app, one module per screen, dialogs, widgets and the command palette.

Screens only draw and react to keys: every read and write goes through ``desk.services`` inside a unit of
work opened in a thread worker (``screens.base.DeskScreen.call``), never here on the event loop.
"""
