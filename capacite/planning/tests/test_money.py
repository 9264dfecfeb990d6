"""Money helpers: rounding, spreading, French writing."""

from datetime import date
from decimal import Decimal as D
from fractions import Fraction

from capacite.planning.domain.money import (
    month_label,
    round_fraction,
    spread,
    to_cents,
)


def test_amounts_round_half_up_to_the_cent():
    assert to_cents(D("2.345")) == D("2.35")
    assert to_cents(D("2.344")) == D("2.34")


def test_a_fraction_rounds_half_up_away_from_zero_in_one_step():
    assert round_fraction(Fraction(1, 200)) == D("0.01")
    assert round_fraction(Fraction(-1, 200)) == D("-0.01")
    assert round_fraction(Fraction(1, 3)) == D("0.33")


def test_a_spread_adds_up_exactly_to_the_total():
    months = spread(D(31000), 12)
    assert months[:3] == [D("2583.33"), D("2583.34"), D("2583.33")]
    assert sum(months) == D("31000.00")


def test_a_month_reads_in_french():
    assert month_label(date(2027, 3, 1)) == "mars 2027"


def test_hours_show_decimals_only_where_they_exist():
    from capacite.lib.money import format_quantity

    assert [format_quantity(D(v)) for v in ("1607", "30.00", "7.5", "0.25", "-2")] == [
        "1\u202f607", "30", "7,5", "0,25", "\u22122"]
