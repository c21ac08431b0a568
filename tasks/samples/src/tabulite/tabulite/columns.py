from dataclasses import dataclass
from typing import Optional


@dataclass
class Column:
    """One column of a :class:`~tabulite.table.Table`.

    ``key`` selects the value from each row (a mapping), ``title`` is the header
    (defaults to the key), ``precision`` the number of decimals for floats and
    decimals, ``align`` forces ``"left"`` or ``"right"``, and ``total`` adds the
    column's sum to the totals row.
    """

    key: str
    title: Optional[str] = None
    precision: Optional[int] = None
    align: Optional[str] = None
    total: bool = False
    thousands: bool = True

    def __post_init__(self):
        if self.align not in (None, "left", "right"):
            raise ValueError(f"align must be 'left' or 'right', not {self.align!r}")

    @property
    def heading(self):
        return self.key if self.title is None else self.title
