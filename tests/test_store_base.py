"""Country names and codes as the store's country filter reads them."""

from __future__ import annotations

import pytest

from dateline.errors import BadInputError
from dateline.store import country_code


@pytest.mark.parametrize(
    ("text", "code"),
    [("SY", "SY"), ("sy", "SY"), ("SYR", "SY"), ("Syria", "SY"), (" kenya ", "KE"),
     ("Russia", "RU"), ("United States", "US")],
)  # fmt: skip
def test_codes_and_names_resolve_to_alpha_2(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["Narnia", "", "   "])
def test_unknown_countries_are_input_errors(text: str) -> None:
    with pytest.raises(BadInputError) as caught:
        country_code(text)
    assert caught.value.hint
