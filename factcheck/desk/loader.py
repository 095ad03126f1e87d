"""Loading a desk: find its files, read their sections, merge them, build the typed desk.

``load(path)`` is the entry point. It reads every claim file under the claims
folder (recursively, sorted) and the source records in ``sources/`` beside it,
collects every problem in every file, and either returns a ``Desk`` or raises
one ``DeskError`` listing all of them. It never writes anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DeskError, Location, Problem
from ..suggest import did_you_mean
from .claims import DeskBuilder
from .csvfile import read_csv
from .fields import FieldReader
from .model import Desk
from .world import ARTICLE_FIELDS
from .yamlfile import YList, YMap, read_yaml

SECTIONS = (
    "article", "claims", "sources", "entities", "units", "metrics", "relations", "policy",
)  # fmt: skip
CLAIM_SUFFIXES = (".yaml", ".yml", ".csv")
MAX_SCAN = 10 * 1024 * 1024  # larger files are read with the world (and refused by read_yaml)


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


def desk_places(path: Path, sources: Path | None = None) -> tuple[Path, ...]:
    """The folders a desk is read from (its claims folder, or a claim file's
    folder, and its sources folder), whether or not they exist: outputs never
    go there."""
    if path.is_file():
        claims_dir, root = (
            path.parent,
            (path.parent.parent if path.parent.name == "claims" else path.parent),
        )
    else:
        claims_dir = path / "claims" if (path / "claims").is_dir() else path
        root = path if claims_dir != path else path.parent
    return (claims_dir, sources if sources is not None else root / "sources")


def _files_under(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    found = [
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in suffixes
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found)


_WORLD_SECTION = re.compile(
    rb"^['\"]?(?:units|metrics|relations|entities|sources|policy)['\"]?[ \t]*:", re.MULTILINE
)


def read_desk(
    path: Path, sources: Path | None = None, files: list[Path] | None = None
) -> tuple[RawDesk, list[Problem]]:
    """Read desk files into their sections (all of them, or ``files``); their problems."""
    root, found = desk_paths(path, sources)
    raw = RawDesk(root=root, files=found)
    problems: list[Problem] = []
    for file in found if files is None else files:
        problems.extend(_read_file(file, raw))
    return raw, problems


def _read_file(file: Path, raw: RawDesk) -> list[Problem]:
    if file.suffix.lower() == ".csv":
        rows, problems = read_csv(file)
        raw.claims.extend((row, file, True) for row in rows)
        return problems
    data, problems = read_yaml(file)
    if data is None:
        return problems
    if not isinstance(data, YMap):
        where = Location(str(file), 1, 1)
        hint = "start with 'article:', 'claims:', 'sources:' or another section name"
        return [
            *problems,
            Problem(where, f"a desk file holds named sections, not a {_shape(data)}", hint),
        ]
    return [*problems, *_split_sections(data, file, raw)]


def _split_sections(data: YMap, file: Path, raw: RawDesk) -> list[Problem]:
    problems: list[Problem] = []
    for section, body in data.items():
        where = data.where(section)
        if section not in SECTIONS:
            where = data.where_key(section)
            hint = did_you_mean(section, SECTIONS, f"sections: {', '.join(SECTIONS)}", limit=1)
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
    """Load and check a desk; raise ``DeskError`` listing every problem in it.

    Files that declare the desk's world (units, metrics, relations, entities,
    sources, policy) are read first; then each claim file is read and its
    claims built at once, so the raw mappings of a large desk are never all
    in memory together. A claim file found to hold world sections after all
    makes the loader start again, reading every file before building.
    """
    return _load(Path(path), Path(sources) if sources is not None else None)


def _load(desk_path: Path, sources_path: Path | None) -> Desk:
    root, files = desk_paths(desk_path, sources_path)
    world_files, claim_files = _world_first(files)
    raw, problems = read_desk(desk_path, sources_path, world_files)
    builder = _build_world(raw, problems)
    for file in claim_files:
        part = RawDesk(root=root)
        found = _read_file(file, part)
        if part.named or part.relations or part.policies:
            return _load_all(desk_path, sources_path)  # a world section where none was expected
        builder.r.problems.extend(found)
        _add_claims(builder, part)
    return _finish(builder, raw.files)


def _world_first(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """Split files into those that declare the world (by a quick scan) and the rest."""
    world, claims = [], []
    for file in files:
        is_yaml = file.suffix.lower() != ".csv"
        if is_yaml and (file.stat().st_size > MAX_SCAN or _WORLD_SECTION.search(file.read_bytes())):
            world.append(file)
        else:
            claims.append(file)
    return world, claims


def _load_all(path: Path, sources: Path | None) -> Desk:
    raw, problems = read_desk(path, sources)
    builder = _build_world(raw, problems)
    return _finish(builder, raw.files)


def _build_world(raw: RawDesk, problems: list[Problem]) -> DeskBuilder:
    reader = FieldReader()
    reader.problems.extend(problems)
    builder = DeskBuilder(raw.root, reader)
    builder.units(raw.named.get("units", []))
    builder.metrics(raw.named.get("metrics", []))
    builder.relations(raw.relations)
    builder.entities(raw.named.get("entities", []))
    builder.sources(raw.named.get("sources", []))
    builder.policy(raw.policies)
    _add_claims(builder, raw)
    return builder


def _add_claims(builder: DeskBuilder, raw: RawDesk) -> None:
    for rec, file in raw.articles:
        builder.article(rec, file)
    for rec, file, is_csv in raw.claims:
        if is_csv and ARTICLE_FIELDS & rec.keys():
            builder.csv_article(rec, file)
    for rec, file, is_csv in raw.claims:
        builder.claim(rec, file, is_csv)


def _finish(builder: DeskBuilder, files: list[Path]) -> Desk:
    builder.resolve_articles()
    builder.resolve_pending()
    builder.check_derivations()
    if builder.r.problems:
        raise DeskError(builder.r.problems)
    return builder.desk(tuple(files))


def _shape(value: Any) -> str:
    return "list" if isinstance(value, list) else "single value"
