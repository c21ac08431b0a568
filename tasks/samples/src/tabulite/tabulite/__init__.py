"""tabulite: small report tables."""
from .cells import format_cell, is_number
from .columns import Column
from .table import Table

__all__ = ["Column", "Table", "format_cell", "is_number"]
