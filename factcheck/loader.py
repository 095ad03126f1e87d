"""Loading a desk: find its files, read their sections, merge them, build the typed desk.

``load(path)`` is the entry point. It reads every claim file under the claims
folder (recursively, sorted) and the source records in ``sources/`` beside it,
collects every problem in every file, and either returns a ``Desk`` or raises
one ``DeskError`` listing all of them. It never writes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import process

from .claims import DeskBuilder
from .csvfile import read_csv
from .errors import DeskError, Location, Problem
from .fields import FieldReader
from .model import Desk
from .world import ARTICLE_FIELDS
from .yamlfile import YList, YMap, read_yaml

SECTIONS = (
    "article", "claims", "sources", "entities", "units", "metrics", "relations", "policy",
)  # fmt: skip
CLAIM_SUFFIXES = (".yaml", ".yml", ".csv")


@dataclass
class RawDesk:
    """The sections of every file, still as located mappings, in file order."""

    root: Path
    files: list[Path] = field(default_factory=list)
    articles: list[tuple[YMap, Path]] = field(default_factory=list)
    claims: list[tuple[YMap, Path, bool]] = field(default_factory=list)  # (rec, file, is_csv)
    named: dict[str, list[tuple[str, Any, Location]]] = field(default_factory=dict)
    relations: list[tuple[Any, Location]] = field(default_factory=list)
    policies: list[YMap] = field(default_factory=list)


def desk_paths(path: Path, sources: Path | None = None) -> tuple[Path, list[Path]]:
    """The desk's root and its files: claim files, then source records.

    ``path`` may be the desk root (holding ``claims/``), the claims folder
    (``sources/`` beside it), or one claim file.
    """
    if not path.exists():
        raise DeskError([Problem(Location(str(path)), "no such file or folder")])
    if path.is_file():
        claims_files = [path]
        root = path.parent.parent if path.parent.name == "claims" else path.parent
    else:
        claims_dir = path / "claims" if (path / "claims").is_dir() else path
        root = path if claims_dir != path else path.parent
        claims_files = _files_under(claims_dir, CLAIM_SUFFIXES)
    sources_dir = sources if sources is not None else root / "sources"
    if sources is not None and not sources.is_dir():
        raise DeskError([Problem(Location(str(sources)), "no such sources folder")])
    source_files = _files_under(sources_dir, (".yaml", ".yml")) if sources_dir.is_dir() else []
    seen = set(claims_files)
    return root, claims_files + [f for f in source_files if f not in seen]


def _files_under(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    found = [
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in suffixes
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found)


def read_desk(path: Path, sources: Path | None = None) -> tuple[RawDesk, list[Problem]]:
    """Read every file of a desk into its sections; the problems of all files."""
    root, files = desk_paths(path, sources)
    raw = RawDesk(root=root, files=files)
    problems: list[Problem] = []
    for file in files:
        if file.suffix.lower() == ".csv":
            rows, found = read_csv(file)
            problems.extend(found)
            raw.claims.extend((row, file, True) for row in rows)
            continue
        data, found = read_yaml(file)
        problems.extend(found)
        if data is None:
            continue
        if not isinstance(data, YMap):
            problems.append(
                Problem(
                    Location(str(file), 1, 1),
                    f"a desk file holds named sections, not a {_shape(data)}",
                    "start with 'article:', 'claims:', 'sources:' or another section name",
                )
            )
            continue
        problems.extend(_split_sections(data, file, raw))
    return raw, problems


def _split_sections(data: YMap, file: Path, raw: RawDesk) -> list[Problem]:
    problems: list[Problem] = []
    for section, body in data.items():
        where = data.where(section)
        if section not in SECTIONS:
            where = data.where_key(section)
            near = process.extractOne(section, SECTIONS, score_cutoff=60)
            hint = f"did you mean '{near[0]}'?" if near else f"sections: {', '.join(SECTIONS)}"
            problems.append(Problem(where, f"unknown section '{section}'", hint))
        elif body is None:
            continue
        elif section == "article":
            if isinstance(body, YMap):
                raw.articles.append((body, file))
            else:
                problems.append(Problem(where, "'article' must be a mapping of fields"))
        elif section == "claims":
            if not isinstance(body, YList):
                problems.append(
                    Problem(where, "'claims' must be a list, each claim starting with '- id:'")
                )
                continue
            for index, rec in enumerate(body):
                if isinstance(rec, YMap):
                    raw.claims.append((rec, file, False))
                else:
                    problems.append(
                        Problem(body.where(index), "each claim must be a mapping of fields")
                    )
        elif section == "relations":
            if not isinstance(body, YList):
                problems.append(Problem(where, "'relations' must be a list of equations"))
                continue
            raw.relations.extend((item, body.where(i)) for i, item in enumerate(body))
        elif section == "policy":
            if isinstance(body, YMap):
                raw.policies.append(body)
            else:
                problems.append(Problem(where, "'policy' must be a mapping"))
        else:
            if not isinstance(body, YMap):
                problems.append(
                    Problem(where, f"'{section}' must be a mapping from ids to their fields")
                )
                continue
            bucket = raw.named.setdefault(section, [])
            bucket.extend((ident, rec, body.where(ident)) for ident, rec in body.items())
    return problems


def load(path: Path | str, sources: Path | str | None = None) -> Desk:
    """Load and check a desk; raise ``DeskError`` listing every problem in it."""
    raw, problems = read_desk(Path(path), Path(sources) if sources is not None else None)
    reader = FieldReader()
    reader.problems.extend(problems)
    builder = DeskBuilder(raw.root, reader)
    builder.units(raw.named.get("units", []))
    builder.metrics(raw.named.get("metrics", []))
    builder.relations(raw.relations)
    builder.entities(raw.named.get("entities", []))
    builder.sources(raw.named.get("sources", []))
    for rec, file in raw.articles:
        builder.article(rec, file)
    csv_articles = [(rec, file) for rec, file, is_csv in raw.claims if is_csv]
    for rec, file in csv_articles:
        if ARTICLE_FIELDS & rec.keys():
            builder.csv_article(rec, file)
    builder.resolve_articles()
    builder.policy(raw.policies)
    for rec, file, is_csv in raw.claims:
        builder.claim(rec, file, is_csv)
    builder.check_derivations()
    if reader.problems:
        raise DeskError(reader.problems)
    return builder.desk(tuple(raw.files))


def _shape(value: Any) -> str:
    return "list" if isinstance(value, list) else "single value"
