from decimal import Decimal

import pytest

from tabulite import Column, Table


def inventory():
    table = Table([
        Column("sku", "SKU"),
        Column("qty", "Qty", total=True),
        Column("weight", "kg", precision=1),
        Column("price", "Price", total=True),
    ])
    table.add_row({"sku": "A-100", "qty": 4, "weight": 2.5, "price": Decimal("12.50")})
    table.add_row({"sku": "B-7", "qty": 12, "weight": 0.3, "price": Decimal("3.10")})
    table.add_row(["C-42", 1, None, Decimal("9.00")])
    return table


def test_render_aligned_text():
    assert inventory().render() == (
        "SKU   | Qty | kg  | Price\n"
        "------+-----+-----+------\n"
        "A-100 |   4 | 2.5 | 12.50\n"
        "B-7   |  12 | 0.3 |  3.10\n"
        "C-42  |   1 |     |  9.00\n"
        "------+-----+-----+------\n"
        "Total |  17 |     | 24.60\n"
    )


def test_render_without_totals():
    table = Table(["name", "city"], rows=[("Ada", "London"), ("Grace", "Arlington")])
    assert table.render() == (
        "name  | city\n"
        "------+----------\n"
        "Ada   | London\n"
        "Grace | Arlington\n"
    )


def test_totals_row_values():
    totals = inventory().totals()
    assert totals == {"sku": "Total", "qty": 17, "price": Decimal("24.60")}


def test_forced_alignment():
    table = Table([Column("code", align="right"), Column("n", align="left")])
    table.add_row({"code": "x", "n": 5})
    assert table.render() == "code | n\n-----+--\n   x | 5\n"


def test_markdown():
    assert inventory().to_markdown() == (
        "| SKU   | Qty |  kg | Price |\n"
        "| ----- | --: | --: | ----: |\n"
        "| A-100 |   4 | 2.5 | 12.50 |\n"
        "| B-7   |  12 | 0.3 |  3.10 |\n"
        "| C-42  |   1 |     |  9.00 |\n"
        "| Total |  17 |     | 24.60 |\n"
    )


def test_csv_uses_raw_numbers():
    table = Table([Column("n"), Column("amount", precision=2)])
    table.add_row({"n": 1500, "amount": 2500.5})
    assert table.to_csv() == "n,amount\n1500,2500.50\n"


def test_row_length_is_checked():
    with pytest.raises(ValueError):
        Table(["a", "b"]).add_row([1])


def test_bad_alignment():
    with pytest.raises(ValueError):
        Column("a", align="center")
