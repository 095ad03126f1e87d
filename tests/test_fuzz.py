"""The fuzzing harness: whole desks, written and mutated as a careless or hostile
user would, through the command line.

Each example writes a desk (YAML world, sources, claim files, a CSV table,
an archived text, links) from a valid base, mutates its structure and its
values, then runs ``validate``, ``reconcile`` and ``graph`` on it. Whatever
the desk, every run must:

- end with exit 0, 1 or 2, without a traceback or an internal error;
- end within a bounded time;
- leave every file of the desk as it was (hashes);
- write exports its own reader parses (JSON, XML, HTML).

It runs in ``.ci/run`` at a modest size; ``HYPOTHESIS_PROFILE=thorough`` runs
it for longer (docs/limits.md, "Fuzzing"). The coverage-guided fuzzer of the
value grammar and the YAML reader is in ``tests/fuzz/``.
"""

from __future__ import annotations

import hashlib
import html.parser
import json
import os
import shutil
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cli import main

THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 2_000 if THOROUGH else 40))
SECONDS = 30.0  # the most one command may take on a fuzzed desk (a few KB)

WORLD = """\
units:
  GPU: {kind: count, aliases: [GPUs]}
metrics:
  spend: {name: Money spent, unit: currency, additive: true}
  units: {name: Units bought, unit: GPU, additive: true}
  price: {name: Average price, unit: currency/GPU}
  launch: {name: Launch date, type: date}
relations:
  - spend = units * price
entities:
  group: {name: The group, members: [acme, globex]}
  acme: {name: Acme}
  globex: {name: Globex}
"""
SOURCES = """\
sources:
  wire: {name: The Wire, kind: agency}
  daily: {name: The Daily, kind: newspaper}
"""

# pieces a value, a period, a name or a quote may be made of: the grammar's own
# words, near misses, huge and tiny numbers, odd units and characters
PIECES = [
    "about", "at least", "more than", "nearly", "exactly", "~", ">", "<=", "±", "+/-", "%",
    "..", "…", "1", "0", "-1", "1.5", "100,000", "1e9", "1e308", "1e-320", "9" * 400, "billion",
    "bn", "k", "USD", "$", "€", "EUR", "GPU", "GPUs", "/", "per", "**", "^", "9", "(", ")",
    "degC", "degF", "K", "m", "GWh", "%", "2021", "2021-H1", "2021-Q5", "2021/2022/2023",
    "2021-02-30", "acme", "group", "wire", "daily", "\x1b[31m", "\x00", "\u202e", "\t", "\n",
    " ", ",", ":", "'", '"', "#", "&a", "*a", "!!python/object", "é", "中", "{", "}", "[", "]",
]  # fmt: skip
pieces = st.lists(st.sampled_from(PIECES), max_size=6).map(" ".join)
texts = st.one_of(pieces, st.text(max_size=20))


def mostly(valid: list[str], junk: st.SearchStrategy[str] = texts) -> st.SearchStrategy[str]:
    """A valid choice 29 times in 30, else junk: with the structural changes,
    about a quarter of the desks get past validation to the rules and the
    renderers, the rest test the refusals."""
    return st.integers(0, 29).flatmap(lambda n: st.sampled_from(valid) if n < 29 else junk)


metrics = mostly(["spend", "units", "price", "launch"], st.just("nothing") | texts)
periods = mostly(["2021", "2021-H1", "2021-H2", "2021-Q1", "2022"], st.just("") | texts)
subjects = mostly(["acme", "globex", "group"], st.just("nobody") | texts)
VALUES = {
    "spend": ["about 1 billion USD", "1.2 .. 1.5 billion USD", "at least 900 million USD",
              "2 billion EUR", "0 USD"],
    "units": ["100,000 GPU", "at least 5 GPU", "about 50,000 GPUs", "exactly 0 GPU", "60000 GPU"],
    "price": ["10000 USD/GPU", "about 12,000 USD per GPU", "10000 ± 10% USD/GPU", "9 EUR/GPU"],
    "launch": ["2021-03", "before 2022", "after 2021-06-01"],
}  # fmt: skip


def scalar(text: str) -> str:
    """A YAML double-quoted scalar holding ``text`` exactly."""
    return json.dumps(text, ensure_ascii=False)


@st.composite
def claim_rows(draw: st.DrawFn, prefix: str) -> str:
    count = draw(st.integers(0, 6))
    rows = []
    for n in range(count):
        metric = draw(metrics)
        value = draw(mostly(VALUES.get(metric, ["5"]), pieces))
        fields = {
            "id": draw(mostly([f"{prefix}{n}"], st.sampled_from([f"{prefix}0", "x"]) | texts)),
            "source": draw(mostly(["wire", "daily"])),
            "subject": draw(subjects),
            "metric": metric,
            "period": draw(periods),
            "value": value,
            "quote": draw(mostly([value])),
        }
        if n and draw(st.integers(0, 4)) == 0:
            fields["derived_from"] = draw(
                mostly([f"{prefix}{n - 1}"], st.sampled_from(["x", f"{prefix}{n}"]))
            )
        dropped = (
            {draw(st.sampled_from(sorted(fields)))} if draw(st.integers(0, 29)) == 0 else set()
        )
        body = ", ".join(f"{k}: {scalar(v)}" for k, v in fields.items() if k not in dropped)
        rows.append(f"  - {{{body}}}\n")
    return "claims:\n" + "".join(rows)


def mutate(draw: st.DrawFn, text: str) -> str:
    """One structural change to a YAML text."""
    changes = ["truncate", "flip", "nest", "alias", "duplicate", "tab", "insert"]
    kind = draw(st.sampled_from(changes))
    if kind == "truncate" and text:
        return text[: draw(st.integers(0, len(text) - 1))]
    if kind == "flip" and text:
        at = draw(st.integers(0, len(text) - 1))
        return text[:at] + draw(st.sampled_from(PIECES)) + text[at + 1 :]
    if kind == "nest":
        depth = draw(st.sampled_from([10, 70, 600]))
        return text + "deep: " + "[" * depth + "]" * depth + "\n"
    if kind == "alias":
        return "base: &a [1, 2, 3]\n" + text.replace("wire", "*a", 1)
    if kind == "duplicate":
        return text + text.split("\n", 1)[0] + "\n"
    if kind == "tab":
        return text.replace("  ", "\t", 1)
    if kind == "insert":
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(texts) + text[at:]
    return text


@st.composite
def desks(draw: st.DrawFn) -> dict[str, str | bytes]:
    """A desk's files by path (relative to the desk root); a ``-> target`` value
    makes a symbolic link."""
    files: dict[str, str | bytes] = {
        "claims/world.yaml": WORLD,
        "sources/sources.yaml": SOURCES,
        "claims/a.yaml": draw(claim_rows("a")),
    }
    if draw(st.booleans()):
        cited = draw(mostly(["wire", "daily"], st.just("art") | texts))
        article = f"article: {{id: art, outlet: wire, cites: [{scalar(cited)}], text: art.txt}}\n"
        files["claims/b.yaml"] = article + draw(claim_rows("b"))
        files["claims/art.txt"] = draw(texts) + " 100,000 GPU about 1 billion USD\n"
    # one file in three changes its structure
    changed = draw(st.sampled_from([""] * 2 * len(files) + sorted(files)))
    if changed and not changed.endswith(".txt"):
        files[changed] = mutate(draw, str(files[changed]))
    if draw(st.booleans()):
        columns = ["id", "source", "subject", "metric", "period", "value", "quote"]
        if draw(st.integers(0, 4)) == 0:
            columns.append(draw(st.sampled_from([*columns, "article", "bogus"])))
        good = ["c{n}", "wire", "globex", "units", "2021", "60000 GPU", "60000 GPU", "art"]
        cells = [
            [
                draw(mostly([good[i % len(good)].format(n=n)], texts)).replace("\n", " ")
                for i in range(len(columns))
            ]
            for n in range(draw(st.integers(0, 4)))
        ]
        rows = [",".join(row) for row in cells]
        files["claims/t.csv"] = "\n".join([",".join(columns), *rows]) + "\n"
    if draw(st.integers(0, 9)) == 0:
        files["claims/raw.yaml"] = draw(st.binary(max_size=200))
    link = draw(st.sampled_from([""] * 10 + ["dangling", "outside", "inside", "loop"]))
    if link:
        files["claims/link.yaml"] = f"-> {link}"
    return files


def write(root: Path, files: dict[str, str | bytes], outside: Path) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str) and content.startswith("-> "):
            target = {
                "dangling": root / "claims" / "gone.yaml",
                "outside": outside,
                "inside": root / "claims" / "a.yaml",
                "loop": root / "claims",
            }[content[3:]]
            path.symlink_to(target)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8", "surrogatepass"))


def fingerprint(root: Path) -> dict[str, str]:
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            found[str(path)] = "-> " + os.readlink(path)
        elif path.is_file():
            found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


class _Html(html.parser.HTMLParser):
    def error(self, message: str) -> None:  # pragma: no cover - older Pythons only
        raise ValueError(message)


PARSERS = {
    "json": json.loads,
    "prov-json": json.loads,
    "graphml": ET.fromstring,
    "gexf": ET.fromstring,
    "html": lambda text: _Html().feed(text),
    "text": lambda text: None,
    "markdown": lambda text: None,
    "dot": lambda text: None,
    "yaml": yaml.safe_load,
}


def run(args: list[str]) -> tuple[int, str, str, float]:
    start = time.perf_counter()
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr, time.perf_counter() - start


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not THOROUGH,  # CI: the same 40 desks each run; thorough: --hypothesis-seed=N
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    desks(),
    st.sampled_from(["text", "json", "html", "markdown"]),
    st.sampled_from(["graphml", "gexf", "json", "prov-json", "dot"]),
)
def test_no_desk_makes_the_tool_crash_hang_or_write_inside_it(
    files: dict[str, str | bytes], report_format: str, graph_format: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "desk"
        outside = Path(folder) / "outside.yaml"
        outside.write_text("claims: []\n", encoding="utf-8")
        out = Path(folder) / "out"
        out.mkdir()
        write(root, files, outside)
        before = fingerprint(root)
        claims = str(root / "claims")
        report, graph = out / "report", out / "graph"
        schema, draft, article = out / "schema.json", out / "draft.yaml", out / "article.txt"
        article.write_text(
            "Selon Acme, environ 5 milliards de dollars; au moins 40 000 GPU en 2023.",
            encoding="utf-8",
        )
        commands: list[tuple[list[str], str, Path | None]] = [
            (["validate", claims], "", None),
            (["validate", claims, "--format", "github"], "", None),
            (["reconcile", claims, "--format", report_format, "-o", str(report)], report_format,
             report),
            (["graph", claims, "--format", graph_format, "-o", str(graph)], graph_format, graph),
            (["reconcile", claims, "-o", claims + "/report.yaml"], "", None),  # refused: inside
            (["schema", claims, "-o", str(schema)], "json", schema),
            (["new", claims, "--language", "fr", "--text", str(article), "-o", str(draft)],
             "yaml", draft),
        ]  # fmt: skip
        for args, kind, written in commands:
            code, _, stderr, seconds = run(args)
            assert code in (0, 1, 2), (args, code, stderr)
            assert "Traceback" not in stderr and "internal error" not in stderr, stderr
            assert seconds < SECONDS, (args, seconds)
            if code == 2:
                assert stderr.strip(), args  # a refusal always says why
            if written is not None and code in (0, 1):
                PARSERS[kind](written.read_text(encoding="utf-8"))
        assert fingerprint(root) == before
        shutil.rmtree(root)
