#!/usr/bin/env python3
"""Writes tests/fixtures/research-identifiers.txt from data/*.toml: each DOI, PMID, PMCID and NCT
number the records use, with the research notes file (under ../shared/research/) that shows it.
Prints, and exits 1 on, any identifier that no notes file shows (take it out of the data, or
find the note that shows it). Run from the repository root: python3 scripts/research-identifiers.py"""
import glob, sys, tomllib
from pathlib import Path

NOTES = Path("../shared/research")
PREFIXES = ["https://doi.org/", "https://pubmed.ncbi.nlm.nih.gov/",
            "https://pmc.ncbi.nlm.nih.gov/articles/", "https://clinicaltrials.gov/study/"]

found = set()
for path in sorted(glob.glob("data/*.toml")):
    for study in tomllib.load(open(path, "rb")).get("study", []):
        pub = study.get("publication", {})
        found.update(pub[k] for k in ("doi", "pmid", "pmcid", "nct") if k in pub)
        found.update(t["nct"] for t in study.get("trials", []) if "nct" in t)
        for source in study.get("sources", []):
            url = source.get("url", "")
            for prefix in PREFIXES:
                if url.startswith(prefix):
                    found.add(url[len(prefix):].rstrip("/"))

notes = [(p.relative_to(NOTES).as_posix(), p.read_text().lower())
         for p in sorted(NOTES.rglob("*.md"))]
lines, missing = [], []
for ident in sorted(found):
    where = next((name for name, text in notes if ident.lower() in text), None)
    if where is None:
        missing.append(ident)
    else:
        lines.append(f"{ident}\t{where}")
header = """# Each DOI, PMID, PMCID or NCT number the data uses, a tab, and the research notes file (under
# shared/research/) whose text shows it. tests/dataset.rs checks that data/ uses exactly these and,
# where the notes are checked out beside the repository, that each file shows its identifier.
# Written by scripts/research-identifiers.py.
"""
Path("tests/fixtures/research-identifiers.txt").write_text(header + "\n".join(lines) + "\n")
print(f"{len(lines)} identifiers listed")
if missing:
    print("in data/ but in no research note:", *missing, sep="\n  ")
    sys.exit(1)
