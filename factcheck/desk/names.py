"""Names: ids and aliases that resolve to one record, with suggestions for typos.

Resolution order: the exact id, an exact alias, then the id, an alias or the
display name compared without case, when that finds exactly one record. An
unknown name gets the nearest known ones (rapidfuzz) as a suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Location
from ..suggest import nearest


class UnknownName(LookupError):
    """A name that resolves to nothing, or to more than one record."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass
class Names:
    """One namespace: ids, their aliases and display names, and where each was given."""

    what: str  # "entity", "source", "metric", ...
    ids: dict[str, Location] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    _folded: dict[str, set[str]] = field(default_factory=dict)
    _cache: dict[str, str] = field(default_factory=dict)

    def add(
        self, ident: str, where: Location, aliases: tuple[str, ...] = (), name: str = ""
    ) -> Location | None:
        """Register an id; return where it was first given if it is a duplicate."""
        if ident in self.ids:
            return self.ids[ident]
        self.ids[ident] = where
        self._fold(ident, ident)
        for alias in aliases:
            self.aliases.setdefault(alias, ident)
            self._fold(alias, ident)
        if name:
            self._fold(name, ident)
        self._cache.clear()
        return None

    def _fold(self, word: str, ident: str) -> None:
        self._folded.setdefault(" ".join(word.split()).casefold(), set()).add(ident)

    def __contains__(self, ident: object) -> bool:
        return ident in self.ids

    def resolve(self, name: str, role: str = "") -> str:
        """The id a name stands for; raise ``UnknownName`` with a suggestion.

        ``role`` names the name in messages ("unknown subject ..."); default
        the namespace's own word.
        """
        role = role or self.what
        found = self._cache.get(name)
        if found is not None:
            return found
        if name in self.ids:
            found = name
        elif name in self.aliases:
            found = self.aliases[name]
        else:
            matches = self._folded.get(" ".join(name.split()).casefold(), set())
            if len(matches) > 1:
                listed = ", ".join(f"'{m}'" for m in sorted(matches))
                raise UnknownName(
                    f"{role} '{name}' could be {listed}", "write the id of the one you mean"
                )
            if not matches:
                raise UnknownName(f"unknown {role} '{name}'", self.suggest(name))
            found = next(iter(matches))
        self._cache[name] = found
        return found

    def suggest(self, name: str) -> str:
        """'did you mean ...?' with up to three near names, or how to declare one."""
        known = sorted({*self.ids, *self.aliases})
        ids = dict.fromkeys(self.aliases.get(m, m) for m in nearest(name, known))
        if ids:
            return "did you mean " + " or ".join(f"'{i}'" for i in ids) + "?"
        if self.what == "claim":
            return "no claim in the desk has this id"
        if self.what == "source":
            return add_source_hint(name)
        return f"declare it under '{_SECTIONS.get(self.what, self.what)}:'"


def add_source_hint(name: str) -> str:
    """How to add a source the desk does not know yet."""
    ident = "-".join(name.split()).lower() or "its-id"
    shown = name if name != ident else " ".join(w.capitalize() for w in ident.split("-"))
    return (
        f"add it to a file in sources/, for example "
        f"'{ident}: {{name: {shown}, kind: newspaper}}' under 'sources:'"
    )


_SECTIONS = {
    "entity": "entities", "subject": "entities", "product": "entities",
    "counterparty": "entities", "source": "sources", "metric": "metrics", "unit": "units",
}  # fmt: skip
