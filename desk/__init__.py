"""desk: the case officer's desk for PMLP migration casework (domain and use cases; no UI here)."""
__version__ = "0.1.0"
