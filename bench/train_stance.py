"""Rebuild the shipped stance model, corroborate/models/stance.pkl.gz, from FNC-1.

Run from the repo root: `/work/venv/bin/python bench/train_stance.py`.
Trains on all 49,972 pairs of the FNC-1 training data in
../shared/data/stance-dev/fnc1 (fixed seeds, so reruns give the same model
for the same library versions).  The benchmark (bench/stance.py) trains its
own models on body-disjoint parts instead, so its scores are not inflated by
this one having seen every body.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from corroborate.stance import MODEL_PATH, save_model, train_stance_model
from corroborate.stance_data import load_fnc

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "stance-dev" / "fnc1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    if not (args.data / "train_stances.csv").exists():
        sys.exit(f"FNC-1 data not found at {args.data}")
    pairs, _ = load_fnc(args.data)
    start = time.perf_counter()
    model = train_stance_model([(p.claim, p.body) for p in pairs], [p.stance for p in pairs], seed=0)
    save_model(model, args.out)
    print(f"trained on {len(pairs)} pairs in {time.perf_counter() - start:.0f} s; "
          f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
