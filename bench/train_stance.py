"""Rebuild the shipped stance models, corroborate/models/stance.pkl.gz, from FNC-1.

Run from the repo root: `/work/venv/bin/python bench/train_stance.py [--embeddings]`.
With --embeddings (needs the embeddings extra) it also builds the MiniLM variant,
corroborate/models/stance_minilm.pkl.gz, which `corroborate stance` and `check` use when
the extra is installed (--embed-cache: a file of MiniLM vectors kept between runs).
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

from corroborate.stance import EMBED_MODEL_PATH, MODEL_PATH, save_model, train_stance_model
from corroborate.stance_data import load_fnc

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "stance-dev" / "fnc1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--embeddings", action="store_true", help="also build the MiniLM variant")
    parser.add_argument("--embed-out", type=Path, default=EMBED_MODEL_PATH)
    parser.add_argument("--embed-cache", type=Path, help="pickle file keeping MiniLM vectors between runs")
    parser.add_argument("--skip-core", action="store_true", help="leave the core model file as it is")
    args = parser.parse_args()
    if not (args.data / "train_stances.csv").exists():
        sys.exit(f"FNC-1 data not found at {args.data}")
    pairs, _ = load_fnc(args.data)
    claim_body = [(p.claim, p.body) for p in pairs]
    labels = [p.stance for p in pairs]
    if not args.skip_core:
        start = time.process_time()
        save_model(train_stance_model(claim_body, labels, seed=0), args.out)
        print(f"trained on {len(pairs)} pairs in {time.process_time() - start:.0f} CPU s; "
              f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    if args.embeddings:
        from corroborate.stance_embed import CachedEncoder

        encoder = CachedEncoder(path=args.embed_cache)
        start = time.process_time()
        save_model(train_stance_model(claim_body, labels, seed=0, encode=encoder), args.embed_out)
        encoder.save()
        print(f"MiniLM variant: trained in {time.process_time() - start:.0f} CPU s (encoding included unless "
              f"cached); wrote {args.embed_out} ({args.embed_out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
