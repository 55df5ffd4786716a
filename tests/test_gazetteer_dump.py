"""Building the index from GeoNames dump files, on a small fixture in GeoNames' own format."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.gazetteer import gazetteer_group
from dateline.errors import GazetteerError
from dateline.gazetteer import build_gazetteer, open_gazetteer
from dateline.gazetteer.geonames_dump import feature_of


def _place(gid: int, name: str, ascii_name: str, alternates: str, lat: float, lon: float,
           fclass: str, fcode: str, country: str, admin1: str, population: int) -> str:  # fmt: skip
    cells = [
        str(gid), name, ascii_name, alternates, str(lat), str(lon), fclass, fcode, country,
        "", admin1, "", "", "", str(population), "", "100", "Asia/Damascus", "2024-01-01",
    ]  # fmt: skip
    return "\t".join(cells)


@pytest.fixture
def dump(tmp_path: Path) -> list[Path]:
    """A country file (zipped), alternate names, division codes and country info."""
    rows = [
        _place(9001, "Sýria", "Syria", "", 35.0, 38.0, "A", "PCLI", "XS", "00", 18_000_000),
        _place(9002, "Ḩimş", "Hims", "Homs Governorate", 34.6, 37.5, "A", "ADM1", "XS", "11", 0),
        _place(9003, "Ḩimş", "Hims", "Homs,Emesa", 34.73, 36.72, "P", "PPLA", "XS", "11", 775404),
        _place(9004, "Al Quşayr", "Al Qusayr", "Qusayr", 34.5, 36.6, "P", "PPL", "XS", "11", 41062),
        _place(9005, "Nahr al ‘Āşī", "Nahr", "Orontes", 34.9, 36.6, "H", "STM", "XS", "00", 0),
        _place(9006, "Wadi", "Wadi", "", 34.0, 37.0, "H", "WAD", "XS", "11", 0),
        _place(9007, "Bāb Hūd", "Bab Hud", "", 34.7305, 36.7188, "P", "PPLX", "XS", "11", 0),
        _place(9008, "Some Road", "Some Road", "", 34.0, 37.0, "R", "RD", "XS", "11", 0),
    ]  # fmt: skip
    country_zip = tmp_path / "XS.zip"
    with zipfile.ZipFile(country_zip, "w") as archive:
        archive.writestr("XS.txt", "\n".join(rows) + "\n")
        archive.writestr("readme.txt", "not a table\n")
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text(
        "1\t9004\ten\tQusair\t\t\t\t\t\t\n"
        "2\t9004\tlink\thttps://example.org/Qusayr\t\t\t\t\t\t\n"
        "3\t9003\ten\tHoms\t1\t\t\t\t\t\n",
        encoding="utf-8",
    )
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("XS.11\tḨimş\tHoms\t9002\n", encoding="utf-8")
    info = tmp_path / "countryInfo.txt"
    info.write_text(
        "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea\tPopulation\tContinent\ttld\t"
        "CurrencyCode\tCurrencyName\tPhone\tPostal\tRegex\tLanguages\tgeonameid\tneighbours\n"
        "XS\tXSY\t999\tXS\tSyria\tDamascus\t185180\t18000000\tAS\t.xs\tSYP\tPound\t963\t\t\t"
        "ar\t9001\t\t\n",
        encoding="utf-8",
    )
    return [country_zip, alternates, admin1, info]


def test_a_dump_builds_an_index_with_its_features(tmp_path: Path, dump: list[Path]) -> None:
    stats = build_gazetteer(tmp_path / "dump.sqlite", geonames=dump)
    assert (stats.countries, stats.admin1, stats.cities) == (1, 1, 3)
    assert stats.other == 1  # the named river; the unnamed wadi and the road are left out
    gazetteer = open_gazetteer(stats.path)
    town = gazetteer.lookup("Qusair")[0]
    assert (town.geonameid, town.feature, town.fcode, town.admin1_name) == (
        9004,
        "city",
        "PPL",
        "Homs",
    )
    assert gazetteer.lookup("Orontes")[0].feature == "water"
    assert gazetteer.lookup("Bab Hud")[0].fcode == "PPLX"
    assert gazetteer.lookup("https://example.org/Qusayr") == []
    assert gazetteer.country("XS") is not None
    assert gazetteer.admin1_name("XS", "11") == "Homs"
    assert gazetteer.lookup("Homs", feature="admin1")[0].geonameid == 9002


def test_the_cli_builds_from_dump_files(tmp_path: Path, dump: list[Path]) -> None:
    output = tmp_path / "cli.sqlite"
    arguments = ["build", "--output", str(output)]
    for path in dump:
        arguments += ["--geonames", str(path)]
    result = CliRunner().invoke(gazetteer_group, arguments)
    assert result.exit_code == 0, result.output
    assert "towns" in result.output and output.is_file()


def test_a_dump_without_a_place_table_is_refused(tmp_path: Path, dump: list[Path]) -> None:
    with pytest.raises(GazetteerError, match="place table"):
        build_gazetteer(tmp_path / "x.sqlite", geonames=dump[1:])


@pytest.mark.parametrize(
    ("fclass", "code", "feature"),
    [
        ("A", "PCLI", "country"),
        ("A", "ADM1", "admin1"),
        ("A", "ADM2", "admin2"),
        ("A", "ADM3", "admin3"),
        ("P", "PPLC", "city"),
        ("H", "STM", "water"),
        ("L", "RGN", "region"),
        ("S", "MSQE", "site"),
        ("R", "RD", None),
    ],
)
def test_feature_classes(fclass: str, code: str, feature: str | None) -> None:
    assert feature_of(fclass, code) == feature
