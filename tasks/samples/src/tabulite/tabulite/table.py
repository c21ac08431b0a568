"""Tables rendered as aligned text, Markdown or CSV."""
import csv
import io

from .cells import format_cell, is_number
from .columns import Column

TOTAL_LABEL = "Total"


class Table:
    def __init__(self, columns, rows=()):
        self.columns = [c if isinstance(c, Column) else Column(c) for c in columns]
        if not self.columns:
            raise ValueError("a table needs at least one column")
        self._rows = []
        for row in rows:
            self.add_row(row)

    def add_row(self, row):
        """Add a row: a mapping by column key, or a sequence in column order."""
        if not isinstance(row, dict):
            row = list(row)
            if len(row) != len(self.columns):
                raise ValueError(f"expected {len(self.columns)} values, got {len(row)}")
            row = {c.key: v for c, v in zip(self.columns, row)}
        self._rows.append(dict(row))
        return self

    def __len__(self):
        return len(self._rows)

    # -- totals ---------------------------------------------------------------

    def has_totals(self):
        return any(c.total for c in self.columns)

    def totals(self):
        """The totals row as a mapping (sums of the ``total`` columns)."""
        result = {}
        for column in self.columns:
            if column.total:
                values = [r.get(column.key) for r in self._rows if r.get(column.key) is not None]
                result[column.key] = sum(values) if values else None
        first = self.columns[0]
        if not first.total:
            result[first.key] = TOTAL_LABEL
        return result

    # -- formatting -----------------------------------------------------------

    def _cell(self, row, column):
        return format_cell(row.get(column.key), column.precision, column.thousands)

    def _alignments(self):
        aligns = []
        for column in self.columns:
            if column.align:
                aligns.append(column.align)
            elif any(is_number(r.get(column.key)) for r in self._rows):
                aligns.append("right")
            else:
                aligns.append("left")
        return aligns

    def _widths(self):
        widths = [len(c.heading) for c in self.columns]
        for row in self._rows:
            for i, column in enumerate(self.columns):
                value = row.get(column.key)
                widths[i] = max(widths[i], len("" if value is None else str(value)))
        return widths

    @staticmethod
    def _pad(text, width, align):
        return text.rjust(width) if align == "right" else text.ljust(width)

    def _line(self, cells, widths, aligns):
        padded = [self._pad(c, w, a) for c, w, a in zip(cells, widths, aligns)]
        return " | ".join(padded).rstrip()

    # -- output ---------------------------------------------------------------

    def render(self):
        """Aligned plain text with a header rule and, if any, a totals row."""
        widths = self._widths()
        aligns = self._alignments()
        rule = "-+-".join("-" * w for w in widths)
        lines = [self._line([c.heading for c in self.columns], widths, ["left"] * len(widths))]
        lines.append(rule)
        for row in self._rows:
            lines.append(self._line([self._cell(row, c) for c in self.columns], widths, aligns))
        if self.has_totals():
            totals = self.totals()
            lines.append(rule)
            lines.append(self._line([self._cell(totals, c) for c in self.columns], widths, aligns))
        return "\n".join(lines) + "\n"

    def to_markdown(self):
        """A GitHub-flavoured Markdown table, totals row last."""
        widths = [max(w, 3) for w in self._widths()]
        aligns = self._alignments()

        def md_line(cells):
            padded = [self._pad(c, w, a) for c, w, a in zip(cells, widths, aligns)]
            return "| " + " | ".join(padded) + " |"

        lines = [md_line([c.heading for c in self.columns])]
        lines.append(
            "| "
            + " | ".join(("-" * (w - 1) + ":") if a == "right" else ("-" * w) for w, a in zip(widths, aligns))
            + " |"
        )
        for row in self._rows:
            lines.append(md_line([self._cell(row, c) for c in self.columns]))
        if self.has_totals():
            totals = self.totals()
            lines.append(md_line([self._cell(totals, c) for c in self.columns]))
        return "\n".join(lines) + "\n"

    def to_csv(self):
        """CSV with raw values (no thousands separators), header first."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([c.heading for c in self.columns])
        for row in self._rows:
            writer.writerow([format_cell(row.get(c.key), c.precision, thousands=False) for c in self.columns])
        return out.getvalue()
