#!/usr/bin/env python3
"""Makes the compact copy of a finished training run that the Training page ships as a sample run
(assets/runs/NAME/): every EVERY-th train record plus the first and last, every eval record,
config.json, and a status.json saying finished. Checkpoints and models stay out (megabytes each).

    tools/compact_run.py RUN_DIR assets/runs/NAME [--every 10] [--note TEXT]

Refuses to overwrite an existing output folder.
"""
import argparse
import json
import os
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run")
    ap.add_argument("out")
    ap.add_argument("--every", type=int, default=10)
    ap.add_argument("--note", default="")
    a = ap.parse_args()
    if os.path.exists(a.out):
        sys.exit(f"compact_run: {a.out} exists; remove it first")
    train, evals = [], []
    with open(os.path.join(a.run, "metrics.jsonl"), encoding="utf-8") as f:
        for line in f:
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue  # a torn line of a killed writer
            (train if r.get("type") == "train" else evals if r.get("type") == "eval" else []).append(r)
    if not train:
        sys.exit(f"compact_run: {a.run} has no train records")
    kept = [r for i, r in enumerate(train) if i == 0 or r["iter"] % a.every == 0 or i == len(train) - 1]
    records = sorted(kept + evals, key=lambda r: (r["iter"], r.get("type") == "eval"))
    tmp = a.out + ".partial"
    os.makedirs(tmp)
    with open(os.path.join(tmp, "metrics.jsonl"), "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, separators=(",", ":")) + "\n")
    with open(os.path.join(a.run, "config.json"), encoding="utf-8") as f:
        config = json.load(f)
    with open(os.path.join(tmp, "config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2)
    last = train[-1]
    status = {"state": "finished", "pid": -1, "iter": last["iter"], "max_iters": config["solver"]["maxIters"],
              "started": train[0].get("time", ""), "updated": last.get("time", ""),
              "message": a.note or f"sample: every {a.every}th train record and every eval record of {os.path.basename(os.path.normpath(a.run))}"}
    with open(os.path.join(tmp, "status.json"), "w", encoding="utf-8") as f:
        json.dump(status, f, indent=2)
    os.rename(tmp, a.out)
    print(f"{a.out}: {len(kept)} of {len(train)} train records, {len(evals)} eval records")


if __name__ == "__main__":
    main()
