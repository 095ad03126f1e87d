"""Generate a synthetic desk: a coherent truth, claims about it, and planted contradictions.

    python benchmarks/generate.py OUT --claims 100000 --files 5000 [--seed 1] [--planted 0.005]
        [--disputed 0.05] [--one-market]

The world: groups of companies (each group a complete split: ``members``)
inside markets (``part_of``; one market per 100,000 claims, so that a
market's scopes hold as many claims at any size; ``--one-market`` keeps a
single market whose scopes grow with the desk), products, and years split into halves,
quarters and months. The truth: for each company, product and period, units
bought, an average price and the spend (units × price), consistent across
every hierarchy (a group's figure is the sum of its members', a year's the
sum of its quarters'). Claims state true figures with realistic hedges
("about", "at least", plain, ranges), from many sources relayed by articles;
a fraction ``--planted`` of them are contradictions (a figure three times
too large or too small), and their ids are written to ``planted.txt``.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

YEARS = (2021, 2022, 2023, 2024)
PERIODS = [
    *(str(y) for y in YEARS),
    *(f"{y}-H{h}" for y in YEARS for h in (1, 2)),
    *(f"{y}-Q{q}" for y in YEARS for q in (1, 2, 3, 4)),
    *(f"{y}-{m:02d}" for y in YEARS for m in range(1, 13)),
]


def months_of(period: str) -> list[str]:
    year, _, part = period.partition("-")
    if not part:
        return [f"{year}-{m:02d}" for m in range(1, 13)]
    if part.startswith("H"):
        first = 6 * int(part[1]) - 5
        return [f"{year}-{m:02d}" for m in range(first, first + 6)]
    if part.startswith("Q"):
        first = 3 * int(part[1]) - 2
        return [f"{year}-{m:02d}" for m in range(first, first + 3)]
    return [period]


@dataclass
class World:
    companies: list[str]
    groups: dict[str, list[str]]
    products: list[str]
    sources: list[str]
    monthly_units: dict[tuple[str, str, str], float]  # (company, product, month)
    price: dict[tuple[str, str], float]  # (product, year)
    markets: dict[str, list[str]]  # market -> its groups


def market_of(world: World, group: str) -> str:
    return next(m for m, groups in world.markets.items() if group in groups)


def companies_of(world: World, market: str) -> list[str]:
    if len(world.markets) == 1:
        return world.companies  # every company, in a group or not
    return [c for g in world.markets[market] for c in world.groups[g]]


def make_world(rng: random.Random, claims: int, one_market: bool = False) -> World:
    n_companies = max(8, claims // 600)  # the same density of claims per scope at any size
    companies = [f"co{i:05d}" for i in range(n_companies)]
    groups = {f"grp{i:04d}": companies[i * 4 : i * 4 + 4] for i in range(n_companies // 4)}
    products = [f"P{i}" for i in range(6)]
    sources = [f"src{i:04d}" for i in range(max(20, claims // 500))]
    price = {
        (p, str(y)): float(rng.choice((2, 5, 8, 10, 12, 20)) * 1000)
        for p in products
        for y in YEARS
    }
    count = 1 if one_market else max(1, claims // 100_000)
    names = ["market"] if count == 1 else [f"market{i:02d}" for i in range(count)]
    per = -(-len(groups) // count)
    group_names = list(groups)
    markets = {m: group_names[i * per : (i + 1) * per] for i, m in enumerate(names)}
    return World(companies, groups, products, sources, {}, price, markets)


def true_units(world: World, rng: random.Random, company: str, product: str, period: str) -> float:
    total = 0.0
    for month in months_of(period):
        key = (company, product, month)
        if key not in world.monthly_units:
            world.monthly_units[key] = float(rng.randrange(10, 1000) * 10)
        total += world.monthly_units[key]
    return total


def hedge(rng: random.Random, value: float, unit: str) -> str:
    """A true value written the way articles hedge it."""
    kind = rng.random()
    if kind < 0.35:
        return f"about {_round(value, 2)} {unit}"
    if kind < 0.6:
        return f"{_round(value, 4)} {unit}"
    if kind < 0.7:
        return f"at least {_round(value * 0.9, 2)} {unit}"
    if kind < 0.8:
        return f"nearly {_round(value * 1.05, 3)} {unit}"
    if kind < 0.9:
        return f"{_round(value * 0.9, 3)} .. {_round(value * 1.1, 3)} {unit}"
    return f"exactly {value:g} {unit}"


_HEDGES_FR = {"about": "environ", "at least": "au moins", "nearly": "près de",
              "exactly": "exactement"}  # fmt: skip
_UNITS_FR = {"USD": "dollars", "GPU": "GPU", "USD/GPU": "dollars par GPU"}


def in_french(text: str) -> str:
    """How a French article would print a value: '1.2e+09 USD' -> '1,2 milliard de dollars'."""
    words = text.split()
    unit = _UNITS_FR[words[-1]]
    if ".." in words:
        low, high = _french_number(float(words[0])), _french_number(float(words[2]))
        return f"entre {low} et {high} {_of(high)}{unit}"
    hedge = " ".join(words[:-2])
    number = _french_number(float(words[-2]))
    return f"{_HEDGES_FR.get(hedge, hedge)} {number} {_of(number)}{unit}".strip()


def _of(number: str) -> str:
    return "de " if number.endswith(("millions", "milliards")) else ""


def _french_number(x: float) -> str:
    for scale, word in ((1e9, "milliards"), (1e6, "millions")):
        if x >= scale:
            return f"{x / scale:.12g}".replace(".", ",") + f" {word}"
    if x != int(x):
        return f"{x:.12g}".replace(".", ",")
    return f"{x:,.0f}".replace(",", "\u202f")


def _round(x: float, digits: int) -> str:
    return f"{float(f'{x:.{digits}g}'):g}"


def world_yaml(world: World) -> str:
    lines = [
        "units:",
        "  GPU: {kind: count, aliases: [GPUs]}",
        "metrics:",
        "  spend: {name: Spend on GPUs, unit: currency, additive: true}",
        "  units: {name: GPUs bought, unit: GPU, additive: true}",
        "  price: {name: Average GPU price, unit: currency/GPU}",
        "  launch: {name: Launch date, type: date}",
        "relations:",
        "  - spend = units * price",
        "entities:",
    ]
    for market in world.markets:
        name = "The market" if market == "market" else f"Market {market[6:]}"
        lines.append(f"  {market}: {{name: {name}}}")
    for group, members in world.groups.items():
        market = market_of(world, group)
        lines.append(f"  {group}: {{members: [{', '.join(members)}], part_of: [{market}]}}")
    lines += [f"  {c}: {{name: Company {c}}}" for c in world.companies]
    lines += [f"  {p}: {{kind: product}}" for p in world.products]
    return "\n".join(lines) + "\n"


def sources_yaml(world: World) -> str:
    lines = ["sources:"]
    lines += [f"  {s}: {{name: Source {s}, kind: newspaper}}" for s in world.sources]
    lines += [f"  outlet{i:03d}: {{name: Outlet {i}, kind: newspaper}}" for i in range(50)]
    return "\n".join(lines) + "\n"


def claim_record(
    world: World, rng: random.Random, ident: str, planted: bool, rival: float = 0.0
) -> str:
    subject_pool = rng.random()
    if subject_pool < 0.8:
        subject = rng.choice(world.companies)
    elif subject_pool < 0.97:
        subject = rng.choice(list(world.groups))
    else:
        subject = "market" if len(world.markets) == 1 else rng.choice(list(world.markets))
    members = world.groups.get(subject) or (
        companies_of(world, subject) if subject in world.markets else [subject]
    )
    product = rng.choice(world.products)
    period = rng.choice(PERIODS)
    year = period[:4]
    units = sum(true_units(world, rng, m, product, period) for m in members)
    price = world.price[(product, year)]
    metric = rng.choices(("units", "spend", "price"), (0.45, 0.45, 0.1))[0]
    if metric == "units":
        value, unit = units, "GPU"
    elif metric == "spend":
        value, unit = units * price, "USD"
    else:
        value, unit = price, "USD/GPU"
    if rival:
        text = f"exactly {value * rival:g} {unit}"
    elif planted:
        value *= rng.choice((3.0, 1 / 3))
        text = f"exactly {value:g} {unit}"
    else:
        text = hedge(rng, value, unit)
    source = rng.choice(world.sources)
    return (
        f"  - id: {ident}\n    source: {source}\n    subject: {subject}\n    metric: {metric}\n"
        f"    period: {period}\n    product: {product}\n    value: {text}\n"
        f'    quote: "{in_french(text)}, selon {source}"\n'
    )


def generate(
    out: Path,
    claims: int,
    files: int,
    seed: int,
    planted: float,
    disputed: float = 0.0,
    one_market: bool = False,
) -> list[str]:
    rng = random.Random(seed)
    world = make_world(rng, claims, one_market)
    (out / "claims").mkdir(parents=True, exist_ok=True)
    (out / "sources").mkdir(parents=True, exist_ok=True)
    (out / "claims" / "world.yaml").write_text(world_yaml(world), encoding="utf-8")
    (out / "sources" / "sources.yaml").write_text(sources_yaml(world), encoding="utf-8")
    planted_ids: list[str] = []
    per_file = max(1, claims // files)
    made = 0
    for number in range(files):
        count = per_file if number < files - 1 else claims - made
        if count <= 0 or made >= claims:
            break
        body = [
            f"article:\n  id: art{number:07d}\n  outlet: outlet{number % 50:03d}\n"
            f"  published: 2024-{number % 12 + 1:02d}\n  language: fr\n"
            f"  cites: [{rng.choice(world.sources)}]\nclaims:\n"
        ]
        for _ in range(count):
            if made >= claims:
                break
            ident = f"c{made:08d}"
            is_planted = rng.random() < planted
            if is_planted:
                planted_ids.append(ident)
            state = rng.getstate()
            body.append(claim_record(world, rng, ident, is_planted))
            made += 1
            if rng.random() < disputed and made < claims:
                # a rival figure on the same scope: the same draws, 1.6 times off
                again = random.Random()
                again.setstate(state)
                factor = rng.choice((1.6, 1 / 1.6))
                body.append(claim_record(world, again, f"c{made:08d}", False, factor))
                made += 1
        folder = out / "claims" / f"batch{number // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"art{number:07d}.yaml").write_text("".join(body), encoding="utf-8")
    (out / "planted.txt").write_text("\n".join(planted_ids) + "\n", encoding="utf-8")
    return planted_ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--planted", type=float, default=0.005)
    parser.add_argument(
        "--disputed", type=float, default=0.0, help="share of claims given a rival figure"
    )
    parser.add_argument(
        "--one-market",
        action="store_true",
        help="one market, whose scopes hold more claims the larger the desk",
    )
    args = parser.parse_args()
    planted = generate(
        args.out, args.claims, args.files, args.seed, args.planted, args.disputed, args.one_market
    )
    print(f"wrote {args.claims:,} claims in {args.files:,} files to {args.out}; "
          f"{len(planted):,} planted contradictions")  # fmt: skip


if __name__ == "__main__":
    main()
