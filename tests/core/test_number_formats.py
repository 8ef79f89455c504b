"""Amounts read as the reader's locale writes them."""


def test_money_is_grouped_with_the_readers_decimal_sign():
    from decimal import Decimal

    from django.utils import translation

    from core.templatetags.portal import money

    with translation.override("ru"):
        assert money(Decimal("2500000.00"), "KZT") == "2\u00a0500\u00a0000,00\u00a0KZT"
    with translation.override("en"):
        assert money(Decimal("2500000.00")) == "2,500,000.00"
