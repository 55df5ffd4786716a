"""Name keys, distances and demonyms: the parts of the gazetteer that need no index."""

from __future__ import annotations

import math

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.gazetteer import country_of_demonym, haversine_km, normalize_name, skeleton
from dateline.gazetteer.data import read_tsv, strip_admin_term
from dateline.gazetteer.sources import representative_point


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Al-Qusayr", "qusayr"),
        ("al Quşayr", "qusayr"),
        ("Qusayr", "qusayr"),
        ("Dar‘ā", "dara"),
        ("Dar'a", "dara"),
        ("Ḩimş", "hims"),
        ("  The   Hague ", "hague"),
        ("As-Suwayda", "suwayda"),
        ("Winston_Salem", "winston salem"),
        ("U.S.", "us"),
        ("W.Va.", "wva"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Hawaiʻi", "hawaii"),
        ("al", "al"),  # an article alone is a name, not an article
        ("Al Al-Quds", "quds"),
        ("", ""),
    ],
)
def test_normalize_name(text: str, key: str) -> None:
    assert normalize_name(text) == key


def test_articles_only_at_the_start() -> None:
    assert normalize_name("Khan al-Assal") == "khan al assal"
    assert normalize_name("Deir ez-Zor") == "deir ez zor"


@given(st.text())
@settings(max_examples=500)
def test_normalize_name_never_raises_and_is_idempotent(text: str) -> None:
    key = normalize_name(text)
    assert normalize_name(key) == key
    assert key == key.strip()
    assert "  " not in key
    skeleton(key)


@pytest.mark.parametrize(
    "spellings",
    [
        ["Qusayr", "Qusair", "Al-Qusayr", "al Quşayr", "Quseir", "Kuseir", "El Qoussair"],
        ["Daraa", "Deraa", "Dar'a", "Dar‘ā", "Dera"],
        ["Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor"],
        ["Raqqa", "Ar Raqqah", "Rakka"],
        ["Homs", "Hims", "Ḩimş"],
        ["Hama", "Hamah"],
    ],
)
def test_transliteration_variants_share_a_skeleton(spellings: list[str]) -> None:
    keys = {skeleton(normalize_name(s)) for s in spellings}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    ("one", "other"),
    [("Homs", "Hama"), ("Daraa", "Doha"), ("Aleppo", "Idlib"), ("Kabul", "Kobani")],
)
def test_different_names_keep_different_skeletons(one: str, other: str) -> None:
    assert skeleton(normalize_name(one)) != skeleton(normalize_name(other))


def test_short_skeletons_fall_back_to_the_exact_key() -> None:
    assert skeleton("gao") == "gao"


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Homs Governorate", "Homs"),
        ("Governorate of Homs", "Homs"),
        ("Lagos State", "Lagos"),
        ("homs province", "homs"),
        ("Khyber Pakhtunkhwa", None),
        ("Northern Cape", None),
    ],
)
def test_strip_admin_term(text: str, bare: str | None) -> None:
    assert strip_admin_term(text) == bare


def test_haversine_km() -> None:
    london, paris = (51.5074, -0.1278), (48.8566, 2.3522)
    assert haversine_km(*london, *paris) == pytest.approx(343.5, abs=1.0)
    assert haversine_km(*paris, *london) == pytest.approx(haversine_km(*london, *paris))
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * 6371.0088)


def test_representative_point_spans_the_antimeridian() -> None:
    lat, lon = representative_point([(-17.0, 179.5, 1000), (-17.2, -179.5, 1000)])
    assert lat == pytest.approx(-17.1, abs=0.05)
    assert abs(lon) == pytest.approx(180.0, abs=0.1)


def test_representative_point_moves_to_a_town_when_the_mean_is_far_from_all() -> None:
    towns = [(0.0, 0.0, 500), (0.0, 10.0, 500)]  # the mean lies ~550 km from both
    assert representative_point(towns) in {(0.0, 0.0), (0.0, 10.0)}


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Syrian", "SY"),
        ("Lebanese", "LB"),
        ("Iraqi", "IQ"),
        ("Afghan", "AF"),
        ("American", "US"),
        ("British", "GB"),
        ("French", "FR"),
        ("Nigerian", "NG"),
        ("Nigerien", "NE"),
        ("Malian", "ML"),
        ("Kenyan", "KE"),
        ("Russian", "RU"),
        ("Ukrainian", "UA"),
        ("Israeli", "IL"),
        ("Palestinian", "PS"),
        ("Egyptian", "EG"),
        ("Yemeni", "YE"),
        ("Somali", "SO"),
        ("Sudanese", "SD"),
        ("South Sudanese", "SS"),
        ("Pakistani", "PK"),
        ("Indian", "IN"),
        ("Turkish", "TR"),
        ("Iranian", "IR"),
        ("Jordanian", "JO"),
        ("Saudi", "SA"),
        ("Libyan", "LY"),
        ("Burkinabè", "BF"),
        ("syrians", "SY"),
        ("Afghans", "AF"),
        ("Swiss", "CH"),
        ("Frenchmen", "FR"),
        ("Filipinos", "PH"),
        ("Martian", None),
        ("", None),
    ],
)
def test_country_of_demonym(word: str, code: str | None) -> None:
    assert country_of_demonym(word) == code


def test_demonym_table_covers_the_world_with_valid_codes() -> None:
    rows = read_tsv("demonyms.tsv")
    codes = {row["iso2"] for row in rows}
    assert len(rows) >= 190
    assert len(codes) >= 190
    unknown = {c for c in codes if pycountry.countries.get(alpha_2=c) is None} - {"XK"}
    assert not unknown
    keys = [normalize_name(row["demonym"]) for row in rows]
    assert len(keys) == len(set(keys)), "a demonym may name one country only"
