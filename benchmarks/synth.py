"""Synthetic written-question documents of realistic shape, for benchmarks and kill tests.

Every file says SYNTHETISCH: generated Dutch text, not real parliamentary documents.
Each document has a title line, a question part that ends with questions to the
minister, and an answer part with figures, years and a comparison.

    .venv/bin/python benchmarks/synth.py OUT_DIR --docs 10000 [--seed 1]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TOPICS = [
    ("leermobiliteit", "leerlingen", "stages in het buitenland"),
    ("kinderopvang", "plaatsen", "opvang voor baby's en peuters"),
    ("schoolgebouwen", "scholen", "renovatie van schoolgebouwen"),
    ("fietspaden", "kilometer", "veilige fietspaden langs gewestwegen"),
    ("sociale huisvesting", "woningen", "nieuwe sociale huurwoningen"),
    ("lerarentekort", "vacatures", "openstaande vacatures voor leraren"),
    ("jeugdhulp", "jongeren", "wachtlijsten in de jeugdhulp"),
    ("energiepremies", "aanvragen", "premies voor dakisolatie"),
    ("volwassenenonderwijs", "cursisten", "opleidingen in centra voor volwassenenonderwijs"),
    ("duaal leren", "leerlingen", "leerplaatsen bij bedrijven"),
]
REGIONS = ["Antwerpen", "Limburg", "Oost-Vlaanderen", "West-Vlaanderen", "Vlaams-Brabant", "Brussel"]
MINISTERS = ["de minister van Onderwijs", "de minister van Welzijn", "de minister van Mobiliteit",
             "de minister van Wonen", "de minister van Energie"]  # fmt: skip


def document(i: int, rng: random.Random) -> str:
    topic, noun, what = rng.choice(TOPICS)
    region = rng.choice(REGIONS)
    minister = rng.choice(MINISTERS)
    y1 = rng.randint(2015, 2021)
    y2 = rng.randint(y1 + 1, 2025)
    a = rng.randint(100, 9000)
    b = int(a * rng.uniform(0.6, 2.2))
    asked = int(b * rng.uniform(1.05, 1.8))
    budget = round(rng.uniform(0.5, 40), 1)
    pct = round(rng.uniform(2, 40), 1)
    lines = [
        f"SYNTHETISCH {i:06d} - {topic.capitalize()} in {region}",
        "",
        f"SYNTHETISCH: gegenereerde tekst voor benchmarks, geen echte parlementaire vraag (document {i}).",
        "",
        f"De voorbije jaren kwam {what} in {region} geregeld in het nieuws. Lokale besturen melden dat de "
        f"vraag sneller stijgt dan het aanbod, en dat {noun} lang moeten wachten. Organisaties op het terrein "
        f"vragen meer duidelijkheid over de middelen en over de timing van nieuwe projecten.",
        "",
        f"Hoeveel {noun} waren er in {y2} in {region}? Hoe evolueerde dat aantal sinds {y1}, en welk budget "
        f"trekt {minister} daarvoor uit?",
        "",
        f"In {y2} ging het om {b} {noun} in {region}, tegenover {a} in {y1}. Voor {y2} werden {asked} aanvragen "
        f"ingediend, waarvan er {b} konden worden goedgekeurd.",
        "",
        f"Het budget voor {topic} bedroeg in {y2} {str(budget).replace('.', ',')} miljoen euro. Ongeveer "
        f"{str(pct).replace('.', ',')}% van dat budget ging naar projecten in kleinere gemeenten.",
        "",
        f"Tussen {y1} en {y2} werden {rng.randint(3, 120)} nieuwe projecten opgestart. De administratie volgt "
        f"de uitvoering op met een jaarlijkse rapportering, en {minister} zal het parlement informeren zodra "
        f"de cijfers voor {y2 + 1} beschikbaar zijn.",
    ]
    return "\n".join(lines) + "\n"


def generate(out_dir: Path, docs: int, seed: int = 1, start: int = 0) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed * 1_000_003 + start)
    paths = []
    for i in range(start, start + docs):
        path = out_dir / f"synth-{i:06d}.txt"
        path.write_text(document(i, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.docs, args.seed)
    print(f"{args.docs} synthetische documenten in {args.out}")


if __name__ == "__main__":
    main()
