"""Loading a desk: find its files, read their sections, merge them, build the typed desk.

``load(path)`` is the entry point. It reads every claim file under the claims
folder (recursively, sorted) and the source records in ``sources/`` beside it,
collects every problem in every file, and either returns a ``Desk`` or raises
one ``DeskError`` listing all of them. It never writes anything.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DeskError, Location, Problem, Problems, UsageError
from ..parallel import ahead, can_fork, cores
from ..progress import Progress, silent
from ..suggest import did_you_mean
from .claims import DeskBuilder
from .csvfile import header, iter_csv, read_csv
from .fields import FieldReader
from .model import Desk
from .parquetfile import iter_parquet, parquet_header
from .world import ARTICLE_FIELDS
from .yamlfile import YList, YMap, read_yaml

SECTIONS = (
    "article", "claims", "sources", "entities", "units", "metrics", "relations", "policy",
)  # fmt: skip
CLAIM_SUFFIXES = (".yaml", ".yml", ".csv", ".parquet")
#: Files of claims as rows (bulk tables), read row by row rather than parsed whole.
TABLE_SUFFIXES = (".csv", ".parquet")
MAX_CLAIMS_PER_FILE = 100_000  # in one YAML file (an article has a few dozen; 10 MB holds 65,000)
MAX_SCAN = 10 * 1024 * 1024  # larger files are read with the world (and refused by read_yaml)
#: From this many YAML claim files on, they are parsed on a second core (where there is one).
MIN_FILES_TO_FORK = 200


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
    unreadable: list[Path] = field(default_factory=list)  # YAML files that could not be parsed


def desk_paths(path: Path, sources: Path | None = None) -> tuple[Path, list[Path]]:
    """The desk's root and its files: claim files, then source records.

    ``path`` may be the desk root (holding ``claims/``), the claims folder
    (``sources/`` beside it), or one claim file. A folder that cannot be read,
    a link that leads nowhere or out of the desk, and a desk file that is not
    a regular file are problems, raised at once (``DeskError``): the other
    files cannot be checked against files that could not be read.
    """
    if not path.exists():
        raise DeskError([Problem(Location(str(path)), "no such file or folder")])
    problems: list[Problem] = []
    if path.is_file():
        claims_dir, root = _file_desk(path)
        # the file, with the files of its desk that declare the world it is written in
        beside = _files_under(claims_dir, CLAIM_SUFFIXES, root, problems) if claims_dir else []
        itself = path.resolve()
        world = [f for f in beside if f.resolve() != itself and _declares_world(f)]
        claims_files = sorted([*world, path])
    else:
        claims_dir = path / "claims" if (path / "claims").is_dir() else path
        root = path if claims_dir != path else path.parent
        claims_files = _files_under(claims_dir, CLAIM_SUFFIXES, root, problems)
    sources_dir = sources if sources is not None else root / "sources"
    if sources is not None and not sources.is_dir():
        raise DeskError([Problem(Location(str(sources)), "no such sources folder")])
    source_files = (
        _files_under(sources_dir, (".yaml", ".yml"), sources_dir if sources else root, problems)
        if sources_dir.is_dir()
        else []
    )
    if problems:
        raise DeskError(problems)
    seen = set(claims_files)
    return root, claims_files + [f for f in source_files if f not in seen]


def desk_places(path: Path, sources: Path | None = None) -> tuple[Path, ...]:
    """The folders a desk is read from (its claims folder, or a claim file's
    folder, and its sources folder), whether or not they exist: outputs never
    go there."""
    if path.is_file():
        found, root = _file_desk(path)
        claims_dir = found or path.parent
    else:
        claims_dir = path / "claims" if (path / "claims").is_dir() else path
        root = path if claims_dir != path else path.parent
    return (claims_dir, sources if sources is not None else root / "sources")


def _file_desk(path: Path) -> tuple[Path | None, Path]:
    """The claims folder a claim file lies in (its nearest folder named ``claims``, or
    None when there is none) and the desk's root (that folder's parent, else the
    file's own folder)."""
    for folder in path.resolve().parents:
        if folder.name == "claims":
            if path.is_absolute():
                return folder, folder.parent
            return Path(os.path.relpath(folder)), Path(os.path.relpath(folder.parent))
    return None, path.parent


def _files_under(
    folder: Path, suffixes: tuple[str, ...], root: Path, problems: list[Problem]
) -> list[Path]:
    """The desk files below ``folder`` (hidden names skipped), sorted; what cannot
    be read or lies outside ``root`` goes to ``problems``. Links are followed
    when they stay inside ``root``, each folder once. The walk is iterative."""
    inside = Path(os.path.realpath(root))
    found: list[Path] = []
    seen: set[str] = set()
    stack = [folder]
    while stack:
        here = stack.pop()
        real = os.path.realpath(here)
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(here), key=lambda e: e.name)
        except OSError as exc:
            problems.append(_unreadable(here, exc, "folder"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            place = Path(entry.path)
            wanted = place.suffix.lower() in suffixes
            if entry.is_symlink():
                target = Path(os.path.realpath(place))
                if not target.exists():
                    problems.append(
                        Problem(Location(str(place)), f"a link to '{target}', which does not exist")
                    )
                    continue
                if not (wanted or target.is_dir()):
                    continue
                if not target.is_relative_to(inside):
                    problems.append(
                        Problem(
                            Location(str(place)),
                            f"a link to '{target}', outside the desk; refused",
                            "copy the file into the desk",
                        )
                    )
                    continue
            try:
                if entry.is_dir():
                    stack.append(place)
                elif wanted and entry.is_file():
                    found.append(place)
                elif wanted:
                    kind = "a named pipe" if stat.S_ISFIFO(entry.stat().st_mode) else "a device"
                    problems.append(
                        Problem(Location(str(place)), f"{kind}, not a regular file; refused")
                    )
            except OSError as exc:
                problems.append(_unreadable(place, exc, "file"))
    return sorted(found)


def _unreadable(place: Path, exc: OSError, what: str) -> Problem:
    return Problem(Location(str(place)), f"cannot read this {what}: {exc.strerror or exc}")


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
    if file.suffix.lower() not in TABLE_SUFFIXES:
        return _take_sections(file, _parse(file), raw)
    try:
        if file.suffix.lower() == ".csv":
            rows, problems = read_csv(file)
        else:
            problems = []
            rows = list(iter_parquet(file, problems))
    except OSError as exc:
        return [_unreadable(file, exc, "file")]
    raw.claims.extend((row, file, True) for row in rows)
    return problems


def _parse(file: Path) -> tuple[Any, list[Problem]]:
    """One YAML file's data (None when it cannot be read) and its problems."""
    try:
        return read_yaml(file)
    except OSError as exc:
        return None, [_unreadable(file, exc, "file")]


def _take_sections(file: Path, parsed: tuple[Any, list[Problem]], raw: RawDesk) -> list[Problem]:
    """A parsed file's sections into ``raw``; the file's problems."""
    data, problems = parsed
    if data is None:
        raw.unreadable.append(file)
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
            if len(body) > MAX_CLAIMS_PER_FILE:
                problems.append(
                    Problem(
                        where,
                        f"{len(body):,} claims in one file, over the limit of "
                        f"{MAX_CLAIMS_PER_FILE:,}; none of them read",
                        "split the file (one per article), or use a CSV table for bulk claims",
                    )
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


def load(
    path: Path | str,
    sources: Path | str | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Desk:
    """Load and check a desk; raise ``DeskError`` listing every problem in it.

    Files that declare the desk's world (units, metrics, relations, entities,
    sources, policy) are read first; then each claim file is read and its
    claims built at once, so the raw mappings of a large desk are never all
    in memory together. A claim file found to hold world sections after all
    makes the loader start again, reading every file before building.

    ``workers``: 1 reads everything here; 2 lets a desk of many files be
    parsed on a second core, a few files ahead of the claims being built
    (see ``factcheck.parallel``); None (the default) takes 2 where the
    machine has two cores. The desk is the same either way. ``progress`` is
    called with ``("reading files", done, total)`` as claim files are read.
    """
    if workers is None:
        workers = cores()
    elif workers < 1:
        raise UsageError(f"workers must be 1 or more, not {workers}")
    other = Path(sources) if sources is not None else None
    return _load(Path(path), other, workers, progress or silent)


def _load(desk_path: Path, sources_path: Path | None, workers: int, progress: Progress) -> Desk:
    root, files = desk_paths(desk_path, sources_path)
    world_files, claim_files = _world_first(files)
    raw, problems = read_desk(desk_path, sources_path, world_files)
    if raw.unreadable:
        _unreadable_world(raw, problems, claim_files)
    builder = _build_world(raw, problems)
    yaml_files = [file for file in claim_files if file.suffix.lower() not in TABLE_SUFFIXES]
    fork = workers >= 2 and len(yaml_files) >= MIN_FILES_TO_FORK and can_fork()
    parsed = ahead(_parse, yaml_files, fork)  # the next files parsed while these are built
    try:
        for done, file in enumerate(claim_files):
            progress("reading files", done, len(claim_files))
            if file.suffix.lower() in TABLE_SUFFIXES:
                _stream_table(builder, file)
                continue
            part = RawDesk(root=root)
            found = _take_sections(file, next(parsed), part)
            if part.named or part.relations or part.policies:
                # a world section where none was expected: start again, world first
                return _load_all(desk_path, sources_path)
            builder.r.problems.extend(found)
            _add_claims(builder, part)
    finally:
        parsed.close()
    return _finish(builder, raw.files)


def load_world(path: Path | str, sources: Path | str | None = None) -> Desk:
    """The desk's world alone (units, metrics, relations, entities, sources, policy,
    and the articles and claims of the files that declare it), read even when it has
    problems: what an editor's completion offers while the desk is being written."""
    desk_path, sources_path = Path(path), Path(sources) if sources is not None else None
    _root, files = desk_paths(desk_path, sources_path)
    world_files, _ = _world_first(files)
    raw, problems = read_desk(desk_path, sources_path, world_files)
    builder = _build_world(raw, problems)
    builder.resolve_articles()
    return builder.desk(tuple(world_files))


def load_for_editing(path: Path | str, sources: Path | str | None = None) -> Desk:
    """The desk whose ids an editor offers (``factcheck schema``, ``factcheck new``):
    the whole desk when it loads (its articles are sources too), else its world
    alone, read in spite of the problems."""
    try:
        return load(path, sources)
    except DeskError:
        return load_world(path, sources)


def _stream_table(builder: DeskBuilder, file: Path) -> None:
    """A table's claims (CSV or Parquet) built row by row, never all its records at
    once; its article rows first, in a pass of their own, where the header has their
    columns."""
    problems: list[Problem] = Problems()
    parquet = file.suffix.lower() == ".parquet"
    rows = iter_parquet if parquet else iter_csv
    try:
        if ARTICLE_FIELDS & set(parquet_header(file) if parquet else header(file)):
            for rec in rows(file, []):
                if ARTICLE_FIELDS & rec.keys():
                    builder.csv_article(rec, file)
        for rec in rows(file, problems):
            builder.claim(rec, file, True)
    except OSError as exc:
        problems.append(_unreadable(file, exc, "file"))
    builder.r.problems.extend(problems)


def _world_first(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """Split files into those that declare the world (by a quick scan) and the rest."""
    world: list[Path] = []
    claims: list[Path] = []
    for file in files:
        (world if _declares_world(file) else claims).append(file)
    return world, claims


def _declares_world(file: Path) -> bool:
    """Whether a file declares part of the world, by a quick scan of its section names
    (an unreadable file counts: it is read with the world, which says why it cannot be)."""
    if file.suffix.lower() in TABLE_SUFFIXES:
        return False
    try:
        return file.stat().st_size > MAX_SCAN or bool(_WORLD_SECTION.search(file.read_bytes()))
    except OSError:
        return True


def _unreadable_world(raw: RawDesk, problems: list[Problem], claim_files: list[Path]) -> None:
    """A file of the world that cannot be parsed: raise its problems, with those of any
    other file that cannot be parsed, alone. Checked against a world read in part, every
    claim would be wrong in knock-on ways (a metric missing because its file did not
    read), and the one problem to fix would drown among them."""
    for file in claim_files:
        part = RawDesk(root=raw.root)
        found = _read_file(file, part)
        if part.unreadable:
            problems.extend(found)
    raise DeskError(problems)


def _load_all(path: Path, sources: Path | None) -> Desk:
    raw, problems = read_desk(path, sources)
    if raw.unreadable and any(_declares_world(f) for f in raw.unreadable):
        _unreadable_world(raw, problems, [])
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
