"""The one way capacite writes money (issue 19): cents only where they exist, French and English."""

from decimal import Decimal as D

import pytest
from django.template import Context, Template
from django.utils import translation

from capacite.lib.money import (
    format_count,
    format_hours,
    format_money,
    format_number,
    format_quantity,
)

NNBSP, NBSP, MINUS = "\u202f", "\u00a0", "\u2212"


@pytest.mark.parametrize(("value", "french", "english"), [
    (D("12000"), f"12{NNBSP}000{NBSP}€", "€12,000"),
    (D("12000.00"), f"12{NNBSP}000{NBSP}€", "€12,000"),
    (D("12000.5"), f"12{NNBSP}000,50{NBSP}€", "€12,000.50"),
    (D("1234567.89"), f"1{NNBSP}234{NNBSP}567,89{NBSP}€", "€1,234,567.89"),
    (D("0"), f"0{NBSP}€", "€0"),
    (D("0.24"), f"0,24{NBSP}€", "€0.24"),
    (D("-12450"), f"{MINUS}12{NNBSP}450{NBSP}€", f"{MINUS}€12,450"),
    (D("-7.5"), f"{MINUS}7,50{NBSP}€", f"{MINUS}€7.50"),
    (D("999.995"), f"1{NNBSP}000{NBSP}€", "€1,000"),  # half up to the cent, then whole
    (D("12000.004"), f"12{NNBSP}000{NBSP}€", "€12,000"),
    (D("-0.001"), f"0{NBSP}€", "€0"),  # no « −0 »
    (45250, f"45{NNBSP}250{NBSP}€", "€45,250"),
    (2570.5, f"2{NNBSP}570,50{NBSP}€", "€2,570.50"),
])
def test_an_amount_shows_its_cents_only_when_it_has_some(value, french, english):
    assert format_money(value, "fr") == french
    assert format_money(value, "en") == english


def test_without_a_language_the_amount_follows_the_active_one():
    with translation.override("en"):
        assert format_money(D("12000.50")) == "€12,000.50"
    with translation.override("fr"):
        assert format_money(D("12000.50")) == f"12{NNBSP}000,50{NBSP}€"


def test_the_money_filter_writes_in_the_page_language_and_a_dash_for_nothing():
    template = Template("{{ a|money }} | {{ b|money }} | {{ none|money }}")
    context = Context({"a": D("12000.00"), "b": D("30.5"), "none": None})
    with translation.override("fr"):
        assert template.render(context) == f"12{NNBSP}000{NBSP}€ | 30,50{NBSP}€ | —"
    with translation.override("en"):
        assert template.render(context) == "€12,000 | €30.50 | —"


def test_numbers_and_quantities_are_written_the_french_way():
    assert format_number(D("-12450"), places=2) == f"{MINUS}12{NNBSP}450,00"
    assert [format_quantity(D(v)) for v in ("1607", "30.00", "7.5", "0.25")] == [
        f"1{NNBSP}607", "30", "7,5", "0,25"]


@pytest.mark.parametrize(("value", "french", "english"), [
    (24892, f"24{NNBSP}892", "24,892"),
    (D("1234567"), f"1{NNBSP}234{NNBSP}567", "1,234,567"),
    (999, "999", "999"),
    (0, "0", "0"),
    (-1500, f"{MINUS}1{NNBSP}500", f"{MINUS}1,500"),
    (2716.6, f"2{NNBSP}717", "2,717"),  # a count is whole: rounded half up
])
def test_a_count_groups_its_thousands_the_way_each_language_does(value, french, english):
    assert format_count(value, "fr") == french
    assert format_count(value, "en") == english


@pytest.mark.parametrize(("value", "french", "english"), [
    (D("1607.00"), f"1{NNBSP}607{NBSP}h", f"1,607{NBSP}h"),
    (D("30.00"), f"30{NBSP}h", f"30{NBSP}h"),
    (D("7.5"), f"7,5{NBSP}h", f"7.5{NBSP}h"),
    (D("37.25"), f"37,25{NBSP}h", f"37.25{NBSP}h"),
    (1607.0, f"1{NNBSP}607{NBSP}h", f"1,607{NBSP}h"),
])
def test_hours_show_their_decimals_only_where_they_exist(value, french, english):
    assert format_hours(value, "fr") == french
    assert format_hours(value, "en") == english
    assert format_quantity(value, "en") == english.removesuffix(f"{NBSP}h")


def test_the_count_and_hours_filters_and_django_s_grouping_agree_in_each_language():
    template = Template('{{ n|count }} | {{ n|floatformat:"0g" }} | {{ h|hours_unit }} | '
                        '{{ none|count }}')
    context = Context({"n": 24892, "h": D("1607.00"), "none": None})
    with translation.override("fr"):
        assert template.render(context) == (f"24{NNBSP}892 | 24{NNBSP}892 | "
                                            f"1{NNBSP}607{NBSP}h | —")
    with translation.override("en"):
        assert template.render(context) == f"24,892 | 24,892 | 1,607{NBSP}h | —"
