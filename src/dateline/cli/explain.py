"""``dateline explain EVENT_ID``: every field of a stored event, and the text it came from."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.cli.output import db_option, stored_db
from dateline.serialize import event_to_dict
from dateline.store import SQLiteStore
from dateline.types import Document, Event, Evidence

# One colour per evidence field, the same in the sentence and in the table.
FIELD_STYLES = {
    "trigger": "bold magenta",
    "actor1": "bold cyan",
    "assoc_actor1": "cyan",
    "actor2": "bold yellow",
    "location": "bold green",
    "date": "bold blue",
    "fatalities": "bold red",
}


@click.command("explain")
@click.argument("event_id")
@db_option()
@click.option("--json", "as_json", is_flag=True, help="Print the event and its evidence as JSON.")
def explain_command(event_id: str, db: Path | None, as_json: bool) -> None:
    """Show a stored event: each field, the words it was read from, and why.

    The sentences that support the event are printed with each piece of
    evidence marked (trigger, actors, place, date, fatalities), followed by a
    table giving each field's value, its evidence and its character offsets
    in the article. Event ids are printed by `dateline events --format csv`
    (or json).

    \b
    Examples:
      dateline explain 9cdcda64b5b2dca9
      dateline explain 9cdcda64b5b2dca9 --db runs/july.db --json
    """
    with SQLiteStore(stored_db(db)) as store:
        event = store.event(event_id)
        if event is None:
            raise click.ClickException(
                f"no event {event_id!r} in {store.path}; list ids with "
                "`dateline events --format csv`"
            )
        document = store.document(event.doc_id)
    if as_json:
        record = event_to_dict(event)
        record["explanation"] = explain(event)
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    _print(event, document, Console(file=sys.stdout))


def explain(event: Event) -> dict[str, dict[str, object]]:
    """Each field's value, its evidence (text and offsets), and how it was decided."""
    return {
        name: {
            "value": value,
            "evidence": [
                {"text": e.text, "start": e.span.start, "end": e.span.end}
                for e in event.provenance
                if e.field == _EVIDENCE_FIELD.get(name, name)
            ],
            "how": how,
        }
        for name, value, how in _fields(event)
    }


_EVIDENCE_FIELD = {"type": "trigger"}


def _fields(event: Event) -> list[tuple[str, str, str]]:
    """(field, value, how it was decided) for each field of the event."""
    found = {e.field for e in event.provenance}
    place = event.location
    interval = event.date.interval
    deaths = event.fatalities
    rows = [
        ("type", f"{event.event_type} / {event.sub_event_type}", f"trigger {event.trigger!r}"),
        (
            "actor1",
            f"{event.actor1.name} (kind {event.actor1.kind})",
            "named in the text"
            if "actor1" in found
            else "not named: implied by the event type and the article's country",
        ),
        (
            "assoc_actor1",
            "; ".join(a.name for a in event.assoc_actor1),
            "allies named with actor1" if event.assoc_actor1 else "none",
        ),
        (
            "actor2",
            f"{event.actor2.name} (kind {event.actor2.kind})" if event.actor2 else "",
            "none named"
            if event.actor2 is None
            else ("named in the text" if "actor2" in found else "implied by the event type"),
        ),
        (
            "location",
            ", ".join(p for p in (place.name, place.admin1, place.country) if p)
            + f" ({place.lat:.4f}, {place.lon:.4f}), {place.precision.value}",
            "the place attached to the event"
            if "location" in found
            else "no place attached: the article's main place",
        ),
        (
            "date",
            f"{interval.start}..{interval.end} ({interval.granularity.value})" if interval else "",
            "unresolved: no publication date and no absolute date"
            if interval is None
            else (
                "the time expression that governs the event"
                if "date" in found
                else "no time expression: the default window before publication"
            ),
        ),
        (
            "fatalities",
            ""
            if deaths is None
            else str(deaths.min) + ("" if deaths.max is None else f"-{deaths.max}"),
            "none reported" if deaths is None else "the most conservative figure reported",
        ),
        (
            "background",
            "yes" if event.background else "no",
            "it happened well before publication" if event.background else "reported as news",
        ),
    ]
    if event.codes is not None:
        mode = f" / {event.codes.plover_mode}" if event.codes.plover_mode else ""
        rows.append(
            (
                "codes",
                f"CAMEO {event.codes.cameo}, PLOVER {event.codes.plover_type}{mode}",
                "mapped from the sub-event type and cue words",
            )
        )
    return rows


def _print(event: Event, document: Document | None, console: Console) -> None:
    console.print(
        Text.assemble(
            ("Event ", "bold"),
            (event.event_id, "bold"),
            f"  {event.event_type} / {event.sub_event_type}  confidence {event.confidence:.2f}",
        )
    )
    if document is not None:
        about = (document.source, document.title, str(document.published or ""), document.url)
        details = ", ".join(part for part in about if part)
        console.print(Text(f"Document {document.doc_id}" + (f" ({details})" if details else "")))
        for start, end in _sentences(event, document):
            console.print(_marked(document.text, start, end, event.provenance))
    else:
        console.print(Text(event.evidence_text))
    table = Table(title="Fields", title_justify="left")
    for column in ("field", "value", "evidence", "how"):
        table.add_column(column)
    for name, field in explain(event).items():
        evidence = field["evidence"]
        assert isinstance(evidence, list)
        quoted = Text(
            "\n".join(f"{e['text']!r} @{e['start']}-{e['end']}" for e in evidence),
            style=FIELD_STYLES.get(_EVIDENCE_FIELD.get(name, name), ""),
        )
        table.add_row(name, Text(str(field["value"])), quoted, Text(str(field["how"])))
    console.print(table)


def _sentences(event: Event, document: Document) -> list[tuple[int, int]]:
    """The event's sentence, and the sentences of evidence found outside it, in text order."""
    spans = {(event.sentence.start, event.sentence.end)}
    text = document.text
    for evidence in event.provenance:
        if event.sentence.start <= evidence.span.start < event.sentence.end:
            continue
        start = max(
            text.rfind(". ", 0, evidence.span.start) + 2,
            text.rfind("\n", 0, evidence.span.start) + 1,
            0,
        )
        stops = [
            i
            for i in (text.find(". ", evidence.span.end), text.find("\n", evidence.span.end))
            if i >= 0
        ]
        spans.add((start, min(stops) + 1 if stops else len(text)))
    return sorted(spans)


def _marked(text: str, start: int, end: int, provenance: Sequence[Evidence]) -> Text:
    """``text[start:end]`` with each piece of evidence inside it styled by its field."""
    marked = Text(text[start:end].strip("\n"))
    offset = start + (len(text[start:end]) - len(text[start:end].lstrip("\n")))
    for evidence in provenance:
        if start <= evidence.span.start and evidence.span.end <= end:
            style = FIELD_STYLES.get(evidence.field, "underline")
            marked.stylize(style, evidence.span.start - offset, evidence.span.end - offset)
    return marked
