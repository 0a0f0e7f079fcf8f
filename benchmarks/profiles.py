"""What resolving a profile (`extends:`) costs, as ratios against loading its base in the same run.

    python benchmarks/profiles.py [--repeats R]

Prints, for each pair (min and median of R interleaved repeats, CPU time of
this process): loading the profile ÷ loading the set it extends. Both are read
from their files each time (no cache), so the profile's figure includes reading
and composing the base. Pairs:

- a profile that only says `extends: national-framework` ÷ national-framework;
- one that moves 决策 15 → 10 with `rescale: siblings` (every weight below
  rescaled, the rules' points following) ÷ national-framework;
- the bundled hubei-self-evaluation ÷ self-evaluation.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from score_batch import interleaved  # noqa: E402

from scoring_engine import load_indicator_set  # noqa: E402

RESCALED = "extends: national-framework\nchange:\n  decision: {weight: 10, rescale: siblings}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        only = Path(folder) / "only.yaml"
        only.write_text("extends: national-framework\n", encoding="utf-8")
        rescaled = Path(folder) / "rescaled.yaml"
        rescaled.write_text(RESCALED, encoding="utf-8")
        actions = {
            "national-framework": lambda: load_indicator_set("national-framework"),
            "extends only": lambda: load_indicator_set(only),
            "rescale siblings": lambda: load_indicator_set(rescaled),
            "self-evaluation": lambda: load_indicator_set("self-evaluation"),
            "hubei profile": lambda: load_indicator_set("hubei-self-evaluation"),
        }
        times = interleaved(args.repeats, actions)
    print(f"load times, CPU ms (min / median of {args.repeats}):")
    for name, seconds in times.items():
        print(f"  {name:20} {min(seconds) * 1000:7.1f} / {statistics.median(seconds) * 1000:7.1f}")
    print("ratios (min / median):")
    for profile, base in (("extends only", "national-framework"), ("rescale siblings", "national-framework"),
                          ("hubei profile", "self-evaluation")):
        low = min(times[profile]) / min(times[base])
        middle = statistics.median(times[profile]) / statistics.median(times[base])
        print(f"  {profile} ÷ {base}: {low:.2f}× / {middle:.2f}×")


if __name__ == "__main__":
    main()
