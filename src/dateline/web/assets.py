"""The dashboard's third-party browser files: copied from npm packages into ``static/vendor``.

They are not kept in the repository; ``make assets`` (``npm ci`` then
``python -m dateline.web.assets``) puts them in place. Without them the API
still works and the page says that the map is missing.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
VENDOR = STATIC / "vendor"
# node_modules path -> name under vendor/
FILES: dict[str, str] = {
    "leaflet/dist/leaflet.js": "leaflet.js",
    "leaflet/dist/leaflet.css": "leaflet.css",
    "leaflet/dist/images/layers.png": "images/layers.png",
    "leaflet/dist/images/layers-2x.png": "images/layers-2x.png",
    "leaflet/LICENSE": "leaflet.LICENSE",
    "topojson-client/dist/topojson-client.min.js": "topojson-client.min.js",
    "topojson-client/LICENSE": "topojson-client.LICENSE",
    "world-atlas/countries-50m.json": "countries-50m.json",
    "world-atlas/LICENSE": "world-atlas.LICENSE",
}
# The OpenAPI page (/docs) is optional: without these files it loads Swagger UI online.
SWAGGER_FILES: dict[str, str] = {
    "swagger-ui-dist/swagger-ui-bundle.js": "swagger-ui-bundle.js",
    "swagger-ui-dist/swagger-ui.css": "swagger-ui.css",
    "swagger-ui-dist/LICENSE": "swagger-ui.LICENSE",
}


def missing(vendor: Path = VENDOR) -> list[str]:
    """The vendor files that are not in place."""
    return [name for name in FILES.values() if not (vendor / name).is_file()]


def copy(node_modules: Path, vendor: Path = VENDOR) -> list[Path]:
    """Copy the files the page needs out of ``node_modules``; the paths written."""
    absent = [source for source in FILES if not (node_modules / source).is_file()]
    if absent:
        raise FileNotFoundError(
            f"not in {node_modules}: {', '.join(absent)}; run `npm ci` in the repository root"
        )
    written = []
    optional = {s: n for s, n in SWAGGER_FILES.items() if (node_modules / s).is_file()}
    for source, name in (FILES | optional).items():
        target = vendor / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(node_modules / source, target)
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    node_modules = Path(argv[0]) if argv else Path("node_modules")
    try:
        written = copy(node_modules)
    except FileNotFoundError as error:
        print(f"dateline.web.assets: {error}", file=sys.stderr)
        return 1
    print(f"copied {len(written)} files into {VENDOR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
