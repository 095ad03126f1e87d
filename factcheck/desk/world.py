"""Building the desk's world from located records: units, metrics, relations,
entities, sources, articles and the policy; ``claims.py`` adds the claims.

Each ``WorldBuilder`` method reads one section merged across files, reports
every problem through the shared ``FieldReader`` and keeps what is valid, so
later sections can still be checked against it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import Location, ValueSyntaxError
from ..suggest import did_you_mean
from ..values.periods import Period, parse_period
from ..values.units import Unit, UnitBook, combine, concrete
from .circles import circles, spelt
from .fields import FieldReader
from .model import AXES, METRIC_TYPES, SOURCE_KINDS, Article, Entity, Metric, Policy, Relation
from .model import Source as SourceRecord
from .names import Names, UnknownName, add_source_hint
from .yamlfile import YMap

_ID = re.compile(r"\w[\w.-]*")

#: The largest archived article text read (a long article is 100 KB).
MAX_TEXT_BYTES = 5 * 1024 * 1024


def valid_id(ident: str) -> bool:
    """Ids are one word of letters, digits, '-', '_' and '.': they appear in reports,
    tables, file names and graph exports, where other characters would need escaping."""
    return _ID.fullmatch(ident) is not None


def id_problem(kind: str, ident: str) -> tuple[str, str]:
    return (
        f"{kind} id '{ident}' must be one word of letters, digits, '-', '_' or '.'",
        "use '-' between words",
    )


ARTICLE_FIELDS = frozenset({"article", "outlet", "published", "language", "url", "cites", "text"})
_RELATION = re.compile(r"\s*([\w.-]+)\s*=\s*([\w.-]+)\s*([-+*/])\s*([\w.-]+)\s*")
_PERCENT = re.compile(r"\s*(\d+(?:\.\d+)?)\s*%\s*")

Named = list[tuple[str, Any, Location]]


class WorldBuilder:
    """Builds the typed records of one desk; see ``claims.ClaimBuilder`` for claims."""

    def __init__(self, root: Path, reader: FieldReader) -> None:
        self.root = root
        self.r = reader
        self.book = UnitBook()
        self.unit_names = Names("unit")
        self.metric_names = Names("metric")
        self.entity_names = Names("entity")
        self.source_names = Names("source")  # sources and articles share one namespace
        self.metric_list: dict[str, Metric] = {}
        self.relation_list: list[Relation] = []
        self.entity_list: dict[str, Entity] = {}
        self.source_list: dict[str, SourceRecord] = {}
        self.article_list: dict[str, Article] = {}
        self.article_recs: dict[str, tuple[YMap, Path]] = {}
        self.article_of_file: dict[Path, str] = {}
        self._languages: dict[str, str] = {}
        self.policy_value = Policy()

    # -- helpers ---------------------------------------------------------------

    def _register(self, names: Names, ident: str, where: Location, what: str, **kw: Any) -> bool:
        first = names.add(ident, where, **kw)
        if first is None:
            return True
        self.r.report(
            where, f"{what} id '{ident}' is already used at {first}", "give each one its own id"
        )
        return False

    def _records(
        self, named: Named, kind: str, allowed: tuple[str, ...]
    ) -> Iterator[tuple[str, YMap, Location, str]]:
        """The valid records of a named section, their fields checked:
        (id, fields, place, how messages name it)."""
        for ident, rec, where in named:
            if not valid_id(ident):
                self.r.report(where, *id_problem(kind, ident))
                continue
            what = f"{kind} '{ident}'"
            data = self.r.mapping(rec, where, what)
            if data is not None:
                self.r.check(data, what, allowed)
                yield ident, data, where, what

    # -- units, metrics, relations ---------------------------------------------

    def units(self, named: Named) -> None:
        for ident, data, where, what in self._records(named, "unit", ("kind", "aliases", "name")):
            if "kind" not in data:
                hint = "add 'kind: count' or 'kind: currency'"
                self.r.report(where, f"{what} has no 'kind'", hint)
                continue
            kind = self.r.choice(data, "kind", what, ("count", "currency"), "")
            aliases = self.r.words(data, "aliases", what)
            if not kind or not self._register(self.unit_names, ident, where, "unit"):
                continue
            try:
                self.book.add(ident, kind, aliases)
            except ValueSyntaxError as exc:
                self.r.report(where, exc.message, exc.hint)

    def metrics(self, named: Named) -> None:
        allowed = ("name", "unit", "type", "additive", "signed", "values", "note")
        for ident, data, where, what in self._records(named, "metric", allowed):
            kind = self.r.choice(data, "type", what, METRIC_TYPES, "number")
            if not kind:
                continue
            unit = self._metric_unit(data, what, kind)
            additive = self._axes(data, what) if kind == "number" else frozenset()
            if unit is None or additive is None:
                continue
            if not self._register(self.metric_names, ident, where, "metric"):
                continue
            self.metric_list[ident] = Metric(
                id=ident,
                name=self.r.text(data, "name", what, prose=True) or ident,
                unit=unit,
                type=kind,
                additive=additive,
                signed=self.r.flag(data, "signed", what),
                values=self.r.words(data, "values", what) if kind == "category" else (),
                where=where,
            )

    def _metric_unit(self, data: YMap, what: str, kind: str) -> Unit | None:
        text = self.r.text(data, "unit", what)
        if kind != "number":
            if text:
                self.r.report(data.where("unit"), f"{what}: a {kind} metric has no unit")
            return Unit("", ())
        try:
            return self.book.parse(text)
        except ValueSyntaxError as exc:
            self.r.report(data.where("unit"), f"{what}: {exc.message}", exc.hint)
            return None

    def _axes(self, data: YMap, what: str) -> frozenset[str] | None:
        value = data.get("additive")
        if value is None or isinstance(value, str):
            return frozenset(AXES) if self.r.flag(data, "additive", what) else frozenset()
        axes = self.r.words(data, "additive", what)
        wrong = [a for a in axes if a not in AXES]
        if wrong:
            self.r.report(
                data.where("additive"),
                f"{what}: '{wrong[0]}' is not an axis",
                f"axes are {', '.join(AXES)}",
            )
            return None
        return frozenset(axes)

    def relations(self, items: list[tuple[Any, Location]]) -> None:
        for item, where in items:
            match = _RELATION.fullmatch(item) if isinstance(item, str) else None
            if match is None:
                self.r.report(
                    where,
                    f"cannot read relation {item!r}",
                    "write 'total = part * price' with metric ids and one of + - * /",
                )
                continue
            result, left, op, right = match.groups()
            metrics = []
            for name in (result, left, right):
                try:
                    metrics.append(self.metric_list[self.metric_names.resolve(name)])
                except UnknownName as exc:
                    self.r.report(where, f"relation '{item}': {exc.message}", exc.hint)
            if len(metrics) != 3:
                continue
            twice = sorted({m.id for m in metrics if metrics.count(m) > 1})
            if twice:
                self.r.report(
                    where,
                    f"relation '{item}' names metric '{twice[0]}' more than once",
                    "a relation links three different metrics (total = units * price)",
                )
                continue
            if any(m.type != "number" for m in metrics):
                self.r.report(where, f"relation '{item}' needs numeric metrics")
                continue
            dims = combine(metrics[1].unit, op, metrics[2].unit)
            if dims != metrics[0].unit.dims:
                shown = f"{metrics[1].unit.text or '1'} {op} {metrics[2].unit.text or '1'}"
                self.r.report(
                    where,
                    f"relation '{item}': the units do not match "
                    f"({shown} is not {metrics[0].unit.text or 'a plain number'})",
                )
                continue
            scales = self._scales(op, *(m.unit for m in metrics))
            self.relation_list.append(
                Relation(
                    item.strip(), metrics[0].id, metrics[1].id, op, metrics[2].id, where, *scales
                )
            )

    def _scales(self, op: str, result: Unit, left: Unit, right: Unit) -> tuple[float, float]:
        """The factors that bring each operand into the result's unit (the currency
        placeholder made concrete: currencies cancel out)."""

        def text(unit: Unit) -> str:
            return f"({concrete(unit.text, 'USD') or 'dimensionless'})"

        if op in "*/":
            return self.book.factor(f"{text(left)} {op} {text(right)}", text(result)), 1.0
        return self.book.factor(text(left), text(result)), self.book.factor(
            text(right), text(result)
        )

    # -- entities ----------------------------------------------------------------

    def entities(self, named: Named) -> None:
        recs: list[tuple[str, YMap, Location]] = []
        allowed = ("name", "aliases", "kind", "members", "part_of", "derived_from", "note")
        for ident, data, where, what in self._records(named, "entity", allowed):
            name = self.r.text(data, "name", what, prose=True) or ident
            aliases = self.r.words(data, "aliases", what)
            if self._register(
                self.entity_names, ident, where, "entity", aliases=aliases, name=name
            ):
                recs.append((ident, data, where))
        links: list[tuple[str, str]] = []  # part → whole
        for ident, data, where in recs:
            what = f"entity '{ident}'"
            members = self._entity_refs(data, "members", what, "member")
            part_of = self._entity_refs(data, "part_of", what, "whole")
            derived = self._entity_refs(data, "derived_from", what, "product")
            links += [(ident, whole) for whole in part_of]
            links += [(member, ident) for member in members]
            self.entity_list[ident] = Entity(
                id=ident,
                name=self.r.text(data, "name", what, prose=True) or ident,
                kind=self.r.text(data, "kind", what),
                aliases=self.r.words(data, "aliases", what),
                members=members,
                part_of=part_of,
                derived_from=derived[0] if derived else "",
                where=where,
            )
        self._report_cycles(links)

    def _entity_refs(self, data: YMap, key: str, what: str, role: str) -> tuple[str, ...]:
        found = []
        for name in self.r.words(data, key, what):
            try:
                found.append(self.entity_names.resolve(name, role))
            except UnknownName as exc:
                self.r.report(data.where(key), f"{what}: {exc.message}", exc.hint)
        return tuple(dict.fromkeys(found))

    def _report_cycles(self, links: list[tuple[str, str]]) -> None:
        for cycle in circles(links):
            path = spelt(cycle)
            entity = self.entity_list[cycle[0]]
            self.r.report(
                entity.where,
                f"entities form a cycle through part_of/members: {path}",
                "a whole cannot be part of its own part; remove one link",
            )

    # -- sources and articles -----------------------------------------------------

    def sources(self, named: Named) -> None:
        allowed = ("name", "aliases", "kind", "country", "url", "note")
        for ident, data, where, what in self._records(named, "source", allowed):
            kind = self.r.choice(data, "kind", what, SOURCE_KINDS, "other") or "other"
            name = self.r.text(data, "name", what, prose=True) or ident
            aliases = self.r.words(data, "aliases", what)
            if self._register(
                self.source_names, ident, where, "source", aliases=aliases, name=name
            ):
                self.source_list[ident] = SourceRecord(
                    ident,
                    name,
                    kind,
                    self.r.text(data, "country", what, prose=True),
                    aliases,
                    where,
                )

    def article(self, data: YMap, file: Path) -> None:
        self.r.check(data, "the article", ("id", *sorted(ARTICLE_FIELDS - {"article"}), "note"))
        self.r.left_to_fill(data, "the article", "write it")
        ident = self.r.text(data, "id", "the article") or file.stem
        if not valid_id(ident):
            self.r.report(data.where("id"), *id_problem("article", ident))
            return
        if self._register(self.source_names, ident, data.where("id"), "article"):
            self.article_recs[ident] = (data, file)
            self.article_of_file[file] = ident

    def csv_article(self, row: YMap, file: Path) -> None:
        """Article fields given as columns of a CSV row define its article."""
        ident = self.r.text(row, "article", "the row") or file.stem
        known = self.article_recs.get(ident)
        if known is None:
            given = (ARTICLE_FIELDS - {"article"}) & row.keys()
            if given and self._register(self.source_names, ident, row.where(), "article"):
                self.article_recs[ident] = (row, file)
            return
        first, _ = known
        for key in sorted((ARTICLE_FIELDS - {"article"}) & row.keys()):
            if key in first and first[key] != row[key]:
                self.r.report(
                    row.where(key),
                    f"article '{ident}': {key} '{row[key]}' differs from '{first[key]}' "
                    f"given at {first.where(key)}",
                )

    def resolve_articles(self) -> None:
        for ident, (data, file) in self.article_recs.items():
            self.article_list[ident] = self._article(ident, data, file)

    def _article(self, ident: str, data: YMap, file: Path) -> Article:
        what = f"article '{ident}'"
        outlet = self.r.text(data, "outlet", what)
        if outlet:
            try:
                outlet = self.source_names.resolve(outlet, "outlet")
            except UnknownName as exc:  # an outlet is a source, never an article: suggest sources
                words = self._source_words()
                hint = did_you_mean(outlet, words, add_source_hint(outlet), ids=words)
                self.r.report(data.where("outlet"), f"{what}: {exc.message}", hint)
        cites = []
        for name in self.r.words(data, "cites", what):
            try:
                cites.append(self.source_names.resolve(name, "source"))
            except UnknownName as exc:
                self.r.report(data.where("cites"), f"{what} cites {exc.message}", exc.hint)
        if ident in cites:
            self.r.report(data.where("cites"), f"{what} cites itself")
        return Article(
            id=ident,
            outlet=outlet,
            published=self._published(data, what),
            language=self._language(ident, data, what),
            url=self.r.text(data, "url", what, prose=True),
            cites=tuple(c for c in cites if c != ident),
            text=self._text_path(data, file, what),
            where=data.where(),
        )

    def _source_words(self) -> dict[str, str]:
        """The words naming a source (its id, aliases and name), each to its id: what an
        outlet may be (never an article, though articles share the sources' names)."""
        words: dict[str, str] = {}
        for ident, record in self.source_list.items():
            for word in (ident, *record.aliases, record.name):
                words.setdefault(word, ident)
        return words

    def _language(self, article: str, data: YMap, what: str) -> str:
        """An article's language, checked once however often it is asked for."""
        found = self._languages.get(article)
        if found is None:
            found = self._languages[article] = self.r.language(data, "language", what)
        return found

    def _published(self, data: YMap, what: str) -> Period | None:
        text = self.r.text(data, "published", what)
        if not text:
            return None
        try:
            return parse_period(text)
        except ValueSyntaxError as exc:
            self.r.report(data.where("published"), f"{what}: {exc.message}", exc.hint)
            return None

    def _text_path(self, data: YMap, file: Path, what: str) -> Path | None:
        text = self.r.text(data, "text", what)
        if not text:
            return None
        if "\x00" in text or any(ord(ch) < 32 for ch in text):
            self.r.report(data.where("text"), f"{what}: text {text!r} holds a control character")
            return None
        path = (file.parent / text).resolve()
        if not path.is_relative_to(self.root.resolve()):
            self.r.report(data.where("text"), f"{what}: text '{text}' lies outside the desk")
            return None
        if not path.is_file():
            self.r.report(
                data.where("text"),
                f"{what}: no archived text at '{text}'",
                "the path is relative to this file",
            )
            return None
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            self.r.report(
                data.where("text"),
                f"{what}: the archived text '{text}' is {size:,} bytes, over the limit of "
                f"{MAX_TEXT_BYTES:,}",
                "keep the article's own text only",
            )
            return None
        return path

    # -- policy --------------------------------------------------------------------

    def policy(self, policies: list[YMap]) -> None:
        given: dict[str, tuple[float, Location]] = {}
        spoken: list[tuple[str, Location]] = []
        scales: list[tuple[tuple[str, ...], Location]] = []
        for data in policies:
            self.r.check(
                data, "the policy", ("tolerance", "agreement_factor", "language", "ratings")
            )
            self._agreement_factor(data, given)
            self._ratings(data, scales)
            if "language" in data:
                where = data.where("language")
                if spoken:
                    self.r.report(where, f"the policy's language is already set at {spoken[0][1]}")
                else:
                    spoken.append((self.r.language(data, "language", "the policy"), where))
            tolerance = self.r.mapping(data.get("tolerance"), data.where("tolerance"), "tolerance")
            if tolerance is None:
                continue
            self.r.check(tolerance, "the tolerance", ("plain", "approximate"))
            for key in ("plain", "approximate"):
                text = self.r.text(tolerance, key, "the tolerance")
                if not text:
                    continue
                where = tolerance.where(key)
                if key in given:
                    self.r.report(where, f"tolerance '{key}' is already set at {given[key][1]}")
                    continue
                value = _fraction(text)
                if value is None:
                    self.r.report(
                        where, f"cannot read tolerance '{text}'", "write a percentage like 5%"
                    )
                    continue
                given[key] = (value, where)
        language = spoken[0][0].split("-")[0].lower() if spoken else ""
        self.policy_value = Policy(
            **{k: v for k, (v, _) in given.items()},
            language=language,
            ratings=scales[0][0] if scales else (),
        )

    def _ratings(self, data: YMap, scales: list[tuple[tuple[str, ...], Location]]) -> None:
        """The desk's verdict scale, worst first: at least two distinct ratings."""
        if "ratings" not in data:
            return
        where = data.where("ratings")
        if scales:
            self.r.report(where, f"the policy's ratings are already set at {scales[0][1]}")
            return
        ratings = self.r.words(data, "ratings", "the policy")
        seen: dict[str, str] = {}
        for rating in ratings:
            if rating.casefold() in seen:
                self.r.report(
                    where,
                    f"the rating '{rating}' is on the scale twice",
                    "each rating of the scale is written once, worst first",
                )
                return
            seen[rating.casefold()] = rating
        if len(ratings) < 2:
            self.r.report(
                where,
                "the ratings are a scale of at least two, worst first",
                "e.g. ratings: [false, misleading, mostly true, true]",
            )
            return
        scales.append((ratings, where))

    def _agreement_factor(self, data: YMap, given: dict[str, tuple[float, Location]]) -> None:
        text = self.r.text(data, "agreement_factor", "the policy")
        if not text:
            return
        where = data.where("agreement_factor")
        if "agreement_factor" in given:
            self.r.report(
                where, f"agreement_factor is already set at {given['agreement_factor'][1]}"
            )
            return
        try:
            value = float(text)
        except ValueError:
            value = 0.0
        if not 1 <= value < float("inf"):
            self.r.report(
                where,
                f"cannot read agreement_factor '{text}'",
                "write a number of 1 or more, e.g. 2",
            )
            return
        given["agreement_factor"] = (value, where)


def _fraction(text: str) -> float | None:
    match = _PERCENT.fullmatch(text)
    try:
        value = float(match.group(1)) / 100 if match else float(text)
    except ValueError:
        return None
    return value if 0 <= value < 1 else None
